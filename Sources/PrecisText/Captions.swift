import Foundation

/// Lines that tell what is around an article's text rather than what happened: captions and
/// the signatures of embedded posts.
public enum Captions {
    /// Whether a line tells what a picture shows rather than what happened: a gallery's controls
    /// ("Hide Caption 4 of 76", "Photos:"), a photo, image or handout that "shows" something, or a
    /// "picture taken" on a day.
    public static func describesPicture(_ text: String) -> Bool {
        picture.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Compiled once: every candidate sentence of a summary is read with it.
    static let picture = try! NSRegularExpression(
        pattern:
            #"\bhide caption\b|\bphotos?:|\b(photo|picture|image)s? (taken|dated)\b|\b(photo|photograph|picture|image|handout)s?\b[^!?\n]{0,80}\b(shows?|showing|shown)\b"#,
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
