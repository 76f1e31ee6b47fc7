import Foundation
import PrecisText

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
        var text = raw.contains("\u{00A0}") ? raw.replacingOccurrences(of: "\u{00A0}", with: " ") : raw
        // Only the first line of a byline box names the author; what follows is a title, a place or a date.
        let lines = text.split(whereSeparator: \.isNewline).map(trimmedSpaces).filter { !$0.isEmpty }
        guard !lines.isEmpty, !requirePrefix || stripPrefix(lines[0]) != nil else { return [] }
        let trimmed = trimmedSpaces(text[...])
        if trimmed.contains("://") || trimmed.lowercased().hasPrefix("www.") || trimmed.hasPrefix("@") { return [] }
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
        // "and" between names is a comma; a date or "on <date>" ends the names ("Posted by gizzmo
        // on 3 May 2008", "By Ana Okafor 12.01.2008").
        let joined: Bool
        (kept, joined) = joiningNames(kept)
        kept = String(kept[..<tailStart(kept)])
        let parts =
            kept
            .split(separator: ",")
            .map { $0.trimmed { $0.isWhitespace || ".:;-".contains($0) } }
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

    /// `text` less the white space around it.
    static func trimmedSpaces(_ text: Substring) -> String { text.trimmed(while: isSpace) }

    /// White space and decimal digits, as `CharClass` reads them (ASCII without a Unicode table lookup).
    static func isSpace(_ c: Character) -> Bool { c.unicodeScalars.first.map(CharClass.isSpace) ?? false }
    static func isDigit(_ c: Character) -> Bool { c.unicodeScalars.first.map(CharClass.isDigit) ?? false }

    /// "and" between two names, in the languages read here.
    static let conjunctions: Set<String> = ["and", "und", "et", "&", "y", "e"]
    /// Words after which a byline tells no more names: "on <date>", "Published:", "Photos:".
    static let tailWords: Set<String> = [
        "on", "am", "le", "at", "um", "updated", "published", "aktualisiert", "illustration", "illustrations", "foto", "fotos", "photo",
        "photos"
    ]

    /// `text` with each conjunction that stands between white space ("Ana Okafor and Jon Aras")
    /// made a comma, and whether there was one. Written out rather than as a regular expression: it
    /// runs on every byline of every page, where Foundation's expressions cost more than the rest.
    static func joiningNames(_ text: String) -> (String, Bool) {
        var out = "", joined = false
        var rest = text[...]
        while let space = rest.firstIndex(where: isSpace) {
            let word = rest[space...].drop(while: isSpace)
            let end = word.firstIndex(where: isSpace) ?? word.endIndex
            if end < word.endIndex, conjunctions.contains(word[..<end].lowercased()) {
                out += rest[..<space] + ", "
                rest = word[end...].drop(while: isSpace)
                joined = true
            } else {
                out += rest[..<word.startIndex]
                rest = word
            }
        }
        return (out + rest, joined)
    }

    /// Where the names in `text` end: before the white space that leads to a tail word followed by
    /// white space or a colon ("on 3 May", "Published: ..."), or to the first digit; the end of the
    /// text when neither comes.
    static func tailStart(_ text: String) -> String.Index {
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if isSpace(c) || isDigit(c) {
                let run = text[i...].prefix(while: isSpace)
                if let next = run.endIndex < text.endIndex ? text[run.endIndex] : nil {
                    if isDigit(next) { return i }
                    if !run.isEmpty {
                        let word = text[run.endIndex...].prefix { !isSpace($0) && $0 != ":" }
                        if word.endIndex < text.endIndex, tailWords.contains(word.lowercased()) { return i }
                    }
                }
                i = run.isEmpty ? text.index(after: i) : run.endIndex
            } else {
                i = text.index(after: i)
            }
        }
        return text.endIndex
    }

    /// `text` less a leading "By"/"Von"/"Par"/"Posted by"/"Written by", or nil when it has none.
    static func stripPrefix(_ text: String) -> String? {
        let lower = text.lowercased()
        for prefix in [
            "posted by ", "written by ", "story by ", "words by ", "text by ", "by: ", "by ", "von ", "par ", "autor: ", "author: ", "text: ", "texte: "
        ]
        where lower.hasPrefix(prefix) {
            return trimmedSpaces(text.dropFirst(prefix.count))
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
            let lower = word.lowercased()[...].trimmed { ".,'’".contains($0) }
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

extension Substring {
    /// The text less the characters `edge` accepts at either end. Plain Swift: Foundation's trimming
    /// builds a character set and bridges the string at each call, and bylines and page names are
    /// trimmed on every page.
    func trimmed(while edge: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !edge($0) }), let last = lastIndex(where: { !edge($0) }) else { return "" }
        return String(self[first...last])
    }
}
