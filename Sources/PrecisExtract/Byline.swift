import Foundation

/// Reads person names out of a byline as pages write them ("By Ana Okafor and Jon Aras",
/// "Von Jan Kupitz", "Ana Okafor, AP Sports Writer", "Posted by gizzmo on 3 May"): names only.
///
/// What is not a person is refused: agencies and desks ("The Associated Press", "Reuters", "Staff",
/// "Redaktion"), URLs, e-mail addresses and social handles, dates and counts. Job titles and places
/// after a comma or a line break ("AP Sports Writer", "BBC, Washington") are dropped.
public enum Byline {
    /// The names in `raw`, in order, without duplicates; empty when none is a person's name.
    /// `requirePrefix` asks for a "By"/"Von"/"Par"/"Posted by" opening (for a line of running text).
    public static func names(_ raw: String, requirePrefix: Bool = false) -> [String] {
        var text = raw.replacingOccurrences(of: "\u{00A0}", with: " ")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains("://") || trimmed.lowercased().hasPrefix("www.") || trimmed.hasPrefix("@") { return [] }
        // Only the first line of a byline box names the author; what follows is a title, a place or a date.
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return [] }
        text = lines[0]
        let prefixed = stripPrefix(text) != nil
        if let stripped = stripPrefix(text) {
            text = stripped
            if text.isEmpty, lines.count > 1 { text = lines[1] }
        } else if requirePrefix {
            return []
        } else if lines.count > 1, ["by", "von", "par", "posted by", "written by", "author:", "autor:", "author"].contains(text.lowercased()) {
            text = lines[1]
        }
        // Contact details and anything after a separator are not part of a name.
        var kept = ""
        var depth = 0
        for c in text {
            if c == "(" || c == "[" { depth += 1; continue }
            if c == ")" || c == "]" { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if "|•·–—/\t".contains(c) { break }
            kept.append(c)
        }
        // A date or "on <date>" ends the names ("Posted by gizzmo on 3 May 2008", "By Ana Okafor 12.01.2008").
        var ns = kept as NSString
        let joined = conjunction.firstMatch(in: kept, range: NSRange(location: 0, length: ns.length)) != nil
        if joined {
            kept = conjunction.stringByReplacingMatches(in: kept, range: NSRange(location: 0, length: ns.length), withTemplate: ", ")
            ns = kept as NSString
        }
        if let m = tail.firstMatch(in: kept, range: NSRange(location: 0, length: ns.length)) {
            kept = ns.substring(to: m.range.location)
        }
        let parts =
            kept
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".:;-"))) }
        var names: [String] = []
        // After "By X," a comma most often opens a place, a desk or a title ("By Ana Okafor, Calder
        // Courier"): a list of names needs an "and" ("X, Y and Z"), unless the field holds names only.
        let listed = joined || !prefixed
        for (i, part) in parts.enumerated() {
            if i > 0 && !listed && !names.isEmpty && !joined { break }
            guard let name = personName(part) else {
                // A part that is not a name is a job title, a place or an organisation: the list ends.
                break
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    // Fixed patterns written here; a failure is a programming error caught by the tests.
    // swiftlint:disable force_try
    /// "and" between two names, in the languages read here.
    static let conjunction = try! NSRegularExpression(pattern: #"\s+(and|und|et|&|y|e)\s+"#, options: [.caseInsensitive])
    /// Where the names end: "on <date>", "Published:", a digit.
    static let tail = try! NSRegularExpression(
        pattern: #"(\s+(on|am|le|at|um|updated|published|aktualisiert|illustration|illustrations|fotos?|photos?)(\s+|:).*$)|(\s*\d.*$)"#,
        options: [.caseInsensitive, .dotMatchesLineSeparators])
    // swiftlint:enable force_try

    /// `text` less a leading "By"/"Von"/"Par"/"Posted by"/"Written by", or nil when it has none.
    static func stripPrefix(_ text: String) -> String? {
        let lower = text.lowercased()
        for prefix in [
            "posted by ", "written by ", "story by ", "words by ", "text by ", "by: ", "by ", "von ", "par ", "autor: ", "author: ", "text: ", "texte: "
        ]
        where lower.hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        for bare in ["by", "von", "par", "posted by", "written by"] where lower == bare { return "" }
        return nil
    }

    /// Words that make a byline part an organisation, a desk or a job title, not a person.
    static let notPersonWords: Set<String> = [
        "staff", "editor", "editors", "editorial", "redaktion", "rédaction", "redaction", "team", "desk", "newsroom", "agencies",
        "agency", "associated", "press", "reuters", "afp", "dpa", "ap", "upi", "news", "wire", "writer", "writers", "correspondent",
        "reporter", "reporters", "contributor", "contributors", "columnist", "service", "online", "media", "magazine",
        "times", "post", "daily", "herald", "tribune", "journal", "telegraph", "guardian", "bbc", "cnn", "admin", "administrator",
        "webmaster", "guest", "anonymous", "unknown", "sports", "politics", "world", "business", "mail", "sunday", "for",
        "the", "of", "photo", "photos", "foto", "fotos", "pictures", "video", "published", "updated", "comments", "comment",
        "share", "email", "print", "more", "view", "all", "articles", "posts", "follow", "twitter", "facebook", "about",
        "picayune", "gazette", "chronicle", "inc", "ltd", "gmbh", "xinhua", "kyodo", "ansa", "apa", "sid", "epd", "kna",
        "voa", "pa", "am", "pm", "gmt", "utc", "est", "edt", "cet", "cest", "by", "von", "par", "read", "bio", "profile",
        "senior", "chief", "verlag", "e.v", "e.v.", "ev", "verein", "ag", "kg", "llc", "corp", "co", "company", "group", "associate", "managing",
        "contributing", "special", "producer", "analyst", "blogger", "blog"
    ]

    /// `part` as a person's name (one to five words, letters, mostly capitalised), or nil.
    static func personName(_ part: String) -> String? {
        let words = part.split(separator: " ")
        guard (1...5).contains(words.count), part.count <= 50 else { return nil }
        if part.contains("@") || part.contains("://") || part.lowercased().hasPrefix("www.") || part.contains("#") { return nil }
        var capitalised = 0
        for word in words {
            let lower = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,'’"))
            if notPersonWords.contains(lower) { return nil }
            guard word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ".'’-".unicodeScalars.contains($0) }),
                word.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
            else { return nil }
            if word.first?.isUppercase ?? false { capitalised += 1 }
        }
        // Lower-case particles ("van", "de", "von") are fine; a name of lower-case words is a handle only
        // when it is one word ("gizzmo").
        if words.count > 1 && capitalised < 2 { return nil }
        return part
    }
}
