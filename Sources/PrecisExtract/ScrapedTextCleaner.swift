import Foundation
import PrecisText

/// Cleans text that a scraper already pulled out of a page: reads the header lines (URL, title,
/// keywords, date) as metadata, and removes donation appeals, widgets, credit lines, photo credits,
/// layout words, end matter ("You may also like" and what follows) and repeated paragraphs.
///
/// Each rule is a named step, tried in a fixed order; what a rule removes is kept with its reason.
public struct ScrapedTextCleaner: Sendable {
    let phrases: BoilerplatePhrases
    let language: LanguageData

    public init() {
        self.phrases = .english
        self.language = .english
    }

    /// One line of the text, with whether a blank line stood before it.
    struct Line {
        var text: String
        var blankBefore: Bool
        /// The line with its ASCII letters in lower case, as UTF-8 (for the phrase matchers) and as a string.
        var lowerBytes: [UInt8]
        var lower: String { String(decoding: lowerBytes, as: UTF8.self) }
        var words: Int
        var isProse: Bool
        var removed: RemovedBlock.Reason?
    }

    /// What the cleaner made of a text.
    public struct Result: Sendable {
        public var text: String
        public var title: String?
        public var date: String?
        public var url: String?
        public var site: String?
        public var keywords: [String] = []
        public var authors: [String] = []
        public var removed: [RemovedBlock] = []
    }

    /// Cleans `text`, which must already be normalised by `TextNormalizer`.
    public func clean(_ text: String) -> Result {
        var lines = split(text)
        var result = Result(text: "")

        let tuning = ExtractTuning.current
        if tuning.cleanerJunk { markJunk(&lines) }
        if tuning.cleanerEndMatter { markEndMatter(&lines) }
        markDuplicates(&lines)
        if tuning.cleanerStubs { markTrailingStubs(&lines) }
        readHeader(&lines, into: &result)
        if tuning.cleanerCaptions { markCaptions(&lines) }

        var out = ""
        var previousKept = false
        var gap = false
        for line in lines {
            if let reason = line.removed {
                result.removed.append(RemovedBlock(text: line.text, reason: reason))
                gap = true
                continue
            }
            if previousKept { out += (line.blankBefore || gap) ? "\n\n" : "\n" }
            out += line.text
            previousKept = true
            gap = false
        }
        result.text = out
        return result
    }

    // MARK: - Steps

    func split(_ text: String) -> [Line] {
        var lines: [Line] = []
        var blank = false
        // Split on UTF-8 line feeds: the text is normalised, so lines carry no leading or trailing
        // space and words stand one space apart.
        let bytes = Array(text.utf8)
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            if end == start { blank = true; continue }
            let raw = bytes[start..<end]
            let t = String(decoding: raw, as: UTF8.self)
            // Lower-casing ASCII and Latin-1 letters is enough: the phrase lists are in lower case in
            // those alphabets, and both copies of a repeated paragraph carry the same other letters.
            var words = 1
            var lowerBytes = [UInt8](raw)
            for k in lowerBytes.indices {
                let b = lowerBytes[k]
                if b == 0x20 {
                    words += 1
                } else if b >= 0x41 && b <= 0x5A {
                    lowerBytes[k] = b | 0x20
                }
                // Latin-1 capitals ("Ü", "À": C3 80 to C3 9E, less "×") to their small letters.
                else if b == 0xC3, k + 1 < lowerBytes.count, lowerBytes[k + 1] >= 0x80, lowerBytes[k + 1] <= 0x9E, lowerBytes[k + 1] != 0x97 {
                    lowerBytes[k + 1] |= 0x20
                }
            }
            lines.append(
                Line(
                    text: t, blankBefore: blank, lowerBytes: lowerBytes, words: words,
                    isProse: words >= 10 && Self.endsWithMark(t), removed: nil))
            blank = false
        }
        return lines
    }

    /// Appeals, service notices, widgets, credit lines, photo credits and layout words.
    func markJunk(_ lines: inout [Line]) {
        typealias Kind = BoilerplatePhrases.Kind
        for i in lines.indices {
            let line = lines[i]
            // Each kind is looked for only in lines short enough to be that kind; one pass finds them all.
            var wanted: PhraseMatcher.Kinds = 0
            if line.words <= 80 { wanted |= Kind.appeal }
            if line.words <= 200 { wanted |= Kind.notice }
            if line.words <= 15 { wanted |= Kind.widget }
            // A credit may end in a company's "Inc." ("Photographer: ... /Getty Images for Time Inc.").
            if line.words <= 60 && (!Self.endsWithMark(line.text) || line.text.hasSuffix(" Inc.")) { wanted |= Kind.photo }
            let found = phrases.lineMatcher.kinds(in: line.lowerBytes, among: wanted)
            if found & Kind.appeal != 0 {
                lines[i].removed = .appeal
            } else if found & Kind.notice != 0 {
                lines[i].removed = .notice
            } else if found & Kind.widget != 0 {
                lines[i].removed = .widget
            } else if line.words <= 25 && phrases.creditMatcher.starts(line.lowerBytes) {
                lines[i].removed = .credit
            } else if found & Kind.photo != 0 {
                // A photo credit ends its line: no full stop at the end.
                lines[i].removed = .photoCredit
            } else if isLayout(line.text) || isCode(line) {
                lines[i].removed = .layout
            } else if line.words <= 80, phrases.services.contains(line.text, lowerBytes: line.lowerBytes) {
                // The site speaking to its reader: "Sign up now for our newsletter ...".
                lines[i].removed = .widget
            }
        }
        // A donation appeal runs over its neighbours: the short line that heads the appeal box, and
        // short lines between two appeal lines, go too.
        for i in lines.indices where lines[i].removed == nil && !lines[i].isProse && lines[i].words <= 8 {
            let after =
                i + 1 < lines.count && lines[i + 1].removed == .appeal && !lines[i + 1].blankBefore
                || i + 1 < lines.count && lines[i + 1].removed == .appeal && i == 0
            if after { lines[i].removed = .appeal }
        }
        markMenus(&lines)
    }

    /// Three or more short lines in a row with no sentence mark ("Home", "Politics", "Business") are a
    /// navigation menu.
    func markMenus(_ lines: inout [Line]) {
        var run: [Int] = []
        func flush() {
            if run.count >= 3 { for k in run { lines[k].removed = .widget } }
            run.removeAll()
        }
        for i in lines.indices {
            let line = lines[i]
            if line.removed == nil && line.words <= 3 && !Self.endsWithMark(line.text) {
                run.append(i)
            } else if line.removed == nil {
                flush()
            }
        }
        flush()
    }

    /// Lines with no words ("0 : 0", "-") and CSS breakpoint names ("narrow-browser-and-phone",
    /// or "• above-phone" in a bulleted list).
    func isLayout(_ text: String) -> Bool {
        // Quick answer for prose: a line of three or more words with letters in it (a bulleted
        // breakpoint name has one space, after its bullet).
        if text.utf8.count > 40 {
            var spaces = 0, letter = false
            for b in text.utf8 {
                if b == 0x20 { spaces += 1 } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { letter = true }
                if spaces >= 2 && letter { return false }
            }
        }
        if !text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { return true }
        var body = Substring(text)
        var bulleted = false
        while let first = body.first, "•·*-–—>|".contains(first) || first == " " {
            if first != " " { bulleted = true }
            body = body.dropFirst()
        }
        guard !body.contains(" ") else { return false }
        let pieces = body.split(separator: "-", omittingEmptySubsequences: false)
        let hyphenated = pieces.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase && $0.isLetter } }
        return hyphenated && (pieces.count >= 3 || (bulleted && pieces.count == 2))
    }

    /// Script text that leaked into the page text: a line that ends like a statement or block of
    /// code (`;`, `{`, `}`) and either is one or two words ("break;", "}") or carries a marker prose
    /// does not (`()`, `{}`, `this.`, `function`, ...); or a script comment line (`/* ... */`).
    func isCode(_ line: Line) -> Bool {
        let t = line.lowerBytes
        guard let last = t.last else { return false }
        if t.starts(with: [0x2F, 0x2A]) || (t.count >= 2 && t[t.count - 2] == 0x2A && last == 0x2F) { return true }
        guard last == 0x3B || last == 0x7B || last == 0x7D else { return false }
        if line.words <= 2 { return true }
        return Self.codeMarkers.occurs(in: t)
    }

    static let codeMarkers = PhraseMatcher(["()", "{}", "};", "){", "= {", "==", "this.", "var ", "function", "return "])

    /// "You may also like", "Written By" and the like in the second half: the rest is end matter,
    /// with the short lines (a byline, an agency name) just before it.
    func markEndMatter(_ lines: inout [Line]) {
        let total = lines.reduce(0) { $0 + $1.lowerBytes.count }
        var seen = 0
        for i in lines.indices {
            defer { seen += lines[i].lowerBytes.count }
            let line = lines[i]
            guard seen * 2 >= total, line.words <= 8,
                phrases.tailMatcher.starts(line.lowerBytes)
            else { continue }
            for k in i..<lines.count where lines[k].removed == nil { lines[k].removed = .endMatter }
            var k = i - 1
            while k >= 0, lines[k].words <= 3, !lines[k].isProse {
                if lines[k].removed == nil { lines[k].removed = .endMatter }
                k -= 1
            }
            return
        }
    }

    /// Short lines with no sentence mark after the last sentence of the text ("More on this topic",
    /// "Tags", "Latest news"): the headings of lists that were removed, in any language. Lines
    /// with digits are kept (a date line or a score at the end of a report).
    func markTrailingStubs(_ lines: inout [Line]) {
        guard lines.contains(where: { $0.removed == nil && $0.isProse }) else { return }
        var k = lines.count - 1
        while k >= 0 {
            let line = lines[k]
            defer { k -= 1 }
            if line.removed != nil { continue }
            guard line.words <= 4, !line.isProse, !Self.endsWithMark(line.text),
                !line.text.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
            else { return }
            lines[k].removed = .endMatter
        }
    }

    /// A paragraph seen before (letters and digits compared, so quote styles do not matter).
    func markDuplicates(_ lines: inout [Line]) {
        // Keys are bucketed by a 64-bit FNV-1a hash and compared in full on a hit, so a hash
        // collision can never remove a paragraph.
        var seen: [UInt64: [[UInt8]]] = [:]
        for i in lines.indices where lines[i].removed == nil {
            let key = Self.comparisonKey(lines[i].lowerBytes)
            guard !key.isEmpty else { continue }
            let hash = fnv1a(key)
            if seen[hash]?.contains(key) == true {
                lines[i].removed = .duplicate
            } else {
                seen[hash, default: []].append(key)
            }
        }
    }

    /// Letters and digits only, so "– Talks –" and "- Talks -", or straight and curly quotes, compare equal.
    static func comparisonKey(_ lower: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: lower.count) { key, written in
            var w = 0
            lower.withUnsafeBufferPointer { l in
                var i = 0
                while i < l.count {
                    let b = l[i]
                    if b < 0x80 {
                        if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { key[w] = b; w += 1 }
                        i += 1
                        continue
                    }
                    // A multi-byte character: keep it when it is a letter or a number.
                    var length = 1
                    while i + length < l.count && l[i + length] & 0xC0 == 0x80 { length += 1 }
                    let piece = UnsafeBufferPointer(rebasing: l[i..<(i + length)])
                    if let scalar = String(decoding: piece, as: UTF8.self).unicodeScalars.first,
                        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    {
                        for b in piece { key[w] = b; w += 1 }
                    }
                    i += length
                }
            }
            written = w
        }
    }

    /// The lines before the first prose paragraph: URL, date, keyword and number lines become
    /// metadata, the first headline-like line the title, short section labels go.
    func readHeader(_ lines: inout [Line], into result: inout Result) {
        let live = lines.indices.filter { lines[$0].removed == nil }
        guard let firstProse = live.first(where: { lines[$0].isProse }) else {
            // No prose at all: take a title if the text opens with a headline, and keep the rest.
            if let first = live.first, live.count > 1, isHeadline(lines[first]) {
                result.title = lines[first].text
                lines[first].removed = .header
            }
            return
        }
        let header = live.filter { $0 < firstProse }.prefix(10)
        var titleIndex: Int? = nil
        for i in header {
            let line = lines[i]
            // "Von X", "Par X", "Posted by X": authors read; the line is judged below as before.
            if !isBylineLine(line), line.words <= 16, let authors = byline(line) { result.authors += authors }
            if Self.isBareURL(line.text) {
                result.url = result.url ?? line.text
                lines[i].removed = .header
            } else if line.words <= 12, !line.isProse, let date = PublicationDate.parse(line.text) {
                result.date = result.date ?? date
                lines[i].removed = .header
            } else if line.text.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." || $0 == " " }) {
                lines[i].removed = .header
            } else if isKeywordLine(line) {
                result.keywords = line.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                lines[i].removed = .header
            } else if isBylineLine(line) {
                // The line goes as before; only person names count as authors.
                result.authors += byline(line) ?? []
                lines[i].removed = .header

            } else if titleIndex == nil, isHeadline(line) {
                titleIndex = i
                let (title, site) = Self.splitSiteSuffix(line.text)
                result.title = title
                result.site = site
                lines[i].removed = .header
            } else if titleIndex == nil, line.words <= 3, !Self.endsWithMark(line.text) {
                lines[i].removed = .label
            }
        }
        if result.date == nil, let url = result.url { result.date = PublicationDate.fromURL(url) }
    }

    /// A line that is one http(s) URL and nothing else.
    static func isBareURL(_ text: String) -> Bool {
        let rest = text.hasPrefix("https://") ? text.dropFirst(8) : text.hasPrefix("http://") ? text.dropFirst(7) : nil
        guard let rest, !rest.isEmpty else { return false }
        return !rest.unicodeScalars.contains(where: CharClass.isSpace)
    }

    /// "By Marta Quell" or "By Ana Okafor and Jon Aras": the names, else nil. Contact details in
    /// parentheses ("By Ana Okafor (@aokafor; aokafor@example.com)") are not part of a name.
    /// "By Marta Quell" or "By Ana Okafor and Jon Aras": the names, else nil. Contact details in
    /// parentheses ("By Ana Okafor (@aokafor; aokafor@example.com)") are not part of a name; agencies
    /// and desks ("By The Associated Press") are not persons.
    func byline(_ line: Line) -> [String]? {
        guard line.words <= 16, Byline.stripPrefix(line.text) != nil, !Self.endsWithMark(line.text) else { return nil }
        return Byline.names(line.text, requirePrefix: true)
    }

    /// Whether a header line is a byline to take out of the text ("By Marta Quell", "By Ana Okafor and
    /// Jon Aras", each word capitalised); its names are read by `Byline`.
    func isBylineLine(_ line: Line) -> Bool {
        bylineWords(line) != nil
    }

    func bylineWords(_ line: Line) -> [String]? {
        guard line.words <= 16, line.lower.hasPrefix("by "), !Self.endsWithMark(line.text) else { return nil }
        var text = ""
        var depth = 0
        for c in line.text.dropFirst(3) {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { text.append(c) }
        }
        guard depth == 0, text.split(separator: " ").count <= 10 else { return nil }
        let names =
            text
            .replacingOccurrences(of: " and ", with: ",")
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !names.isEmpty,
            names.allSatisfy({ name in
                name.split(separator: " ").allSatisfy { $0.first?.isUppercase ?? false }
            })
        else { return nil }
        return names
    }

    /// A short line with no closing mark, and not a wire dateline set on a line of its own
    /// ("CALDER, Norland (AP) _"), which stays with the text it places.
    func isHeadline(_ line: Line) -> Bool {
        line.words >= 3 && line.words <= 25 && !Self.endsWithMark(line.text.replacingOccurrences(of: "?", with: ""))
            && !Datelines.isWholeLine(line.text)
    }

    func isKeywordLine(_ line: Line) -> Bool {
        // Cheap bounds first (a long paragraph is read once, not split): at least two commas, and
        // no more words than the parts may hold (each part at most 8 words, and a word that a comma
        // splits in two counts once in `words`).
        let commas = line.lowerBytes.reduce(0) { $0 + ($1 == 0x2C ? 1 : 0) }
        guard commas >= 2, line.words <= 8 * (commas + 1), !Self.endsWithMark(line.text) else { return false }
        let parts = line.text.split(separator: ",")
        guard parts.count >= 3 else { return false }
        return parts.allSatisfy { part in
            let t = part.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && t.split(separator: " ").count <= 8 && (t.first?.isUppercase ?? false)
        }
    }

    /// "Title - The New York Times" -> ("Title", "The New York Times").
    static func splitSiteSuffix(_ text: String) -> (String, String?) {
        for separator in [" | ", " - ", " – ", " — "] {
            if let r = lastRange(of: separator, in: text) {
                let site = text[r.upperBound...].trimmingCharacters(in: .whitespaces)
                let title = text[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                if !title.isEmpty, site.split(separator: " ").count <= 5, title.split(separator: " ").count >= 2 {
                    return (title, site)
                }
            }
        }
        return (text, nil)
    }

    /// The last occurrence of `needle` in `text`, compared as Unicode scalars.
    static func lastRange(of needle: String, in text: String) -> Range<String.Index>? {
        let n = Array(needle.unicodeScalars)
        let scalars = text.unicodeScalars
        guard !n.isEmpty else { return nil }
        var found: Range<String.Index>? = nil
        var i = scalars.startIndex
        while i != scalars.endIndex {
            if scalars[i] == n[0] {
                var j = i
                var k = 0
                while k < n.count, j != scalars.endIndex, scalars[j] == n[k] { j = scalars.index(after: j); k += 1 }
                if k == n.count { found = i..<j }
            }
            i = scalars.index(after: i)
        }
        return found
    }

    /// A short line right before a photo credit, or one the next line repeats and extends, is a caption.
    func markCaptions(_ lines: inout [Line]) {
        for i in lines.indices where lines[i].removed == nil && !lines[i].isProse && !Self.endsWithMark(lines[i].text) {
            var next = i + 1
            while next < lines.count, lines[next].removed == .duplicate { next += 1 }
            guard next < lines.count else { continue }
            let following = lines[next]
            if following.removed == .photoCredit && !following.blankBefore {
                lines[i].removed = .caption
            } else if following.removed == nil && following.lower.hasPrefix(lines[i].lower) && following.words > lines[i].words {
                lines[i].removed = .caption
                if !Self.endsWithMark(following.text), next + 1 < lines.count, lines[next + 1].removed == .photoCredit {
                    lines[next].removed = .caption
                }
            }
        }
    }

    /// Whether a line ends with a sentence mark or a colon, possibly followed by closing quotes or brackets.
    static func endsWithMark(_ text: String) -> Bool {
        // Read UTF-8 backwards: closing ASCII quotes and brackets, and ” ’ (E2 80 9D, E2 80 99) and » (C2 BB).
        let u = text.utf8.withContiguousStorageIfAvailable { Array($0.suffix(24)) } ?? Array(text.utf8.suffix(24))
        var e = u.count
        while e > 0 {
            let b = u[e - 1]
            if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D { e -= 1; continue }
            if e >= 3 && u[e - 3] == 0xE2 && u[e - 2] == 0x80 && (b == 0x9D || b == 0x99) { e -= 3; continue }
            if e >= 2 && u[e - 2] == 0xC2 && b == 0xBB { e -= 2; continue }
            break
        }
        guard e > 0 else { return false }
        let last = u[e - 1]
        if last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A { return true }
        // … is E2 80 A6
        return e >= 3 && u[e - 3] == 0xE2 && u[e - 2] == 0x80 && last == 0xA6
    }
}
