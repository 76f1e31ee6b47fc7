import Foundation

/// Lines that tell what is around an article's text rather than what happened: captions and
/// the signatures of embedded posts.
public enum Captions {
    /// Whether a line tells what a picture shows rather than what happened: a gallery's controls
    /// ("Hide Caption 4 of 76", "Photos:"), a photo, image or handout that "shows" something, or a
    /// "picture taken" on a day.
    /// A sentence that ends on a picture's credit, a name and the outlet after a slash ("...
    /// Mobile, Ala. (Ana Pell/The Calder Herald)", "... on Monday. Ana Pell / AP"), or that holds a
    /// photo shop's button ("Buy Photo"), is a caption too; a slash inside a sentence ("the Basic
    /// Underwater Demolition/SEAL course") credits nobody.
    public static func describesPicture(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return picture.firstMatch(in: text, range: range) != nil || credit.firstMatch(in: text, range: range) != nil
    }

    /// A name of two or three capitalised words, a slash and an outlet of one to four, in brackets
    /// or ending the sentence; or the photo shop's button anywhere.
    static let credit = try! NSRegularExpression(
        pattern:
            #"(?:\(|(?<=[.!?\x{201D}"]\s)|^)\s*\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]*){1,2} ?/ ?\p{Lu}[\p{L}&.-]*(?: \p{Lu}[\p{L}&.-]*){0,3}\s*(?:\)|\s*$)|\bBuy Photo\b"#
    )

    /// Compiled once: every candidate sentence of a summary is read with it.
    static let picture = try! NSRegularExpression(
        pattern:
            #"\bhide caption\b|\bphotos?:|\b(photo|picture|image)s? (taken|dated)\b|\b(photo|photograph|picture|image|handout)s?\b[^!?\n]{0,80}\b(shows?|showing|shown)\b"#,
        options: [.caseInsensitive])

    /// Whether a sentence is the source's note on its own publication ("This article was first
    /// published on 5 May 2026.", "The story has been updated.", "An earlier version of this post
    /// misstated ...", "7 PM UPDATE: Adds the mayor's reply.", "Editor's note: ..."): it dates the
    /// source, and tells no event of the story. An article, story, post or piece (not a report,
    /// which is news of its own) that was published, updated, posted, corrected or appeared, an
    /// earlier version of one, or an update or editor's note opening the sentence.
    public static func notesPublication(_ text: String) -> Bool {
        publication.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Whether a line is about the article rather than its story: what a picture shows
    /// (`describesPicture`) or a note on the source's publication (`notesPublication`). Neither is
    /// an event, a summary sentence nor a headline.
    public static func tellsNoEvent(_ text: String) -> Bool {
        describesPicture(text) || notesPublication(text) || introducesWhatFollows(text)
    }

    /// Whether a line only introduces what comes after it: it ends on a colon ("The paper said in
    /// an editorial on Monday:"), or announces a list or a text that follows ("The following are
    /// the latest figures ...", "... read as follows."). Lifted out, it promises what it does not give.
    public static func introducesWhatFollows(_ text: String) -> Bool {
        var end = text.unicodeScalars[...]
        while let last = end.last, CharClass.isSpace(last) { end = end.dropLast() }
        if end.last == ":" { return true }
        let lower = text.drop { !$0.isLetter }.prefix(80).lowercased()
        return lower.hasPrefix("the following ") || lower.hasPrefix("following are ") || lower.hasPrefix("following is ")
            || lower.contains(" as follows")
    }

    static let publication = try! NSRegularExpression(
        pattern:
            #"^\W*(?:(?:this|the) (?:article|story|post|piece|page)\b[^.!?]{0,40}?\b(?:published|updated|posted|corrected|modified|appeared)\b|an? (?:earlier|previous) version of (?:this|the) (?:article|story|post|piece)|editor'?s note\s*:|(?:[\d:.]+ ?[ap]\.?m\.?\b[^:]{0,20})?update\s*:)"#,
        options: [.caseInsensitive])

    /// Whether `before`, the text in front of a date, ends with a post's handle in brackets, or
    /// with the handle and "on": the date signs an embedded post ("— Ana Pell (@anapell) January 26,
    /// 2025", "A post shared by Ana Pell (@anapell) on Jan 26, 2025") and dates the post, not an
    /// event its words tell.
    public static func signsPost(before: some StringProtocol) -> Bool {
        var rest = Substring(before).reversed().drop(while: \.isWhitespace)
        // "on" before the date (read backwards, "no").
        if rest.starts(with: "no"), rest.dropFirst(2).first?.isWhitespace == true {
            rest = rest.dropFirst(2).drop(while: \.isWhitespace)
        }
        guard rest.first == ")" else { return false }
        rest = rest.dropFirst()
        let handle = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !handle.isEmpty else { return false }
        let after = rest.dropFirst(handle.count)
        return after.starts(with: ["@", "("])
    }
}
