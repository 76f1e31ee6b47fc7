import Foundation
import PrecisFacts
import PrecisJSON
import PrecisSummarize
import PrecisText

/// The forms a digest can be written in.
public enum DigestFormat: String, Sendable, CaseIterable {
    case text, markdown, json, html
}

/// Writes a digest for people (text, markdown, HTML) or programs (JSON).
///
/// In the text and markdown forms each sentence ends with a marker such as `[2]`, numbered from 1
/// after the numbered source list; in JSON, `document` is the 0-based index into `documents`.
public enum DigestRenderer {
    /// The facts of a story's articles as Markdown, as `precis facts --format markdown` prints them:
    /// timeline, who said what, key numbers, disagreements, who and what, time expressions, sources.
    public static func factsMarkdown(_ facts: StoryFacts, articles: [Article]) -> String {
        var out = "# Facts\n\n## Timeline\n\n"
        if facts.timeline.isEmpty { out += "(No dated event found.)\n" }
        for e in facts.timeline {
            out +=
                "- **\(e.date)** " + escapeMarkdownText(e.text) + " [" + e.sources.map { String($0.document + 1) }.joined(separator: ", ")
                + "]\n"
        }
        out += "\n## Who said what\n\n"
        for (d, quotes) in facts.quotes.enumerated() {
            for q in quotes {
                out += "- **\(escapeMarkdownText(q.speaker))**: \(escapeMarkdownText(q.oneLineText)) [\(d + 1)]\n"
            }
        }
        out += "\n## Key numbers\n\n"
        for (d, numbers) in facts.numbers.enumerated() {
            for n in numbers { out += "- \(escapeMarkdownText(n.text)) [\(d + 1)]\n" }
        }
        out += "\n## Where sources disagree\n\n"
        if facts.disagreements.isEmpty { out += "(No figure differs between sources.)\n" }
        for g in facts.disagreements {
            out +=
                "- **\(escapeMarkdownText(g.about))**: "
                + g.values.map {
                    "\(escapeMarkdownText($0.text)) [\($0.document + 1)\($0.date.map { ", " + $0 } ?? "")]"
                }.joined(separator: "; ") + "\n"
        }
        out += "\n## Who and what\n\n"
        for e in facts.entities {
            out +=
                "- \(escapeMarkdownText(e.name)) (\(e.kind.rawValue)): \(e.mentions) mention\(e.mentions == 1 ? "" : "s") in \(e.documents) source\(e.documents == 1 ? "" : "s")\n"
        }
        out += "\n## Time expressions\n\n| source | text | type | value |\n|---|---|---|---|\n"
        for (d, times) in facts.times.enumerated() {
            for t in times {
                out += "| \(d + 1) | \(escapeMarkdownText(t.text)) | \(t.type.rawValue) | \(t.value ?? "unknown (no article date)") |\n"
            }
        }
        out += "\n## Sources\n\n"
        for (d, a) in articles.enumerated() {
            out += "\(d + 1). \(escapeMarkdownText(a.title ?? "(untitled)")) — \(a.date ?? "date unknown"), \(a.origin)\n"
        }
        return out
    }

    public static func render(_ digest: Digest, as format: DigestFormat) -> String {
        switch format {
        case .text: return text(digest)
        case .markdown: return markdown(digest)
        case .json: return json(digest)
        case .html: return html(digest)
        }
    }

    // MARK: - Text

    static func text(_ digest: Digest) -> String {
        var out = ""
        if let headline = digest.headline { out += headline + "\n" }
        out += sourceLine(digest) + "\n\n"
        out += wrap(citedProse(digest), width: 78) + "\n\n"
        for section in factSections(digest) {
            out += section.title + "\n"
            // The date column fits its widest date ("after 2014-12-15"), at least a day's and a space.
            let column = section.items.map { ($0.shownDate?.count ?? 0) + 1 }.max().map { max($0, 11) } ?? 11
            for item in section.items {
                let body = item.parts.map {
                    "\($0.text) [\($0.documents.map { String($0 + 1) }.joined(separator: ", "))]\($0.note.map { " (" + $0 + ")" } ?? "")"
                }
                .joined(separator: "; ")
                // A dated entry hangs beside its date column: the date is set before the text is
                // wrapped, as wrapping folds runs of spaces.
                let indent = item.shownDate == nil ? 2 : column
                let wrapped = wrap((item.label.map { $0 + ": " } ?? "") + body, width: 78 - indent)
                    .replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: indent))
                out += (item.shownDate.map { $0.padding(toLength: column, withPad: " ", startingAt: 0) } ?? "") + wrapped + "\n"
            }
            out += "\n"
        }
        out += "Sources\n"
        for (i, doc) in digest.documents.enumerated() {
            out += "[\(i + 1)] " + describe(doc) + "\n"
        }
        for copy in digest.copies {
            out += "    copy of [\(copy.of + 1)]: " + describe(copy.document) + "\n"
        }
        return out
    }

    static func sourceLine(_ digest: Digest) -> String {
        var line = "\(digest.documents.count) source\(digest.documents.count == 1 ? "" : "s")"
        if !digest.copies.isEmpty { line += " + \(digest.copies.count) cop\(digest.copies.count == 1 ? "y" : "ies")" }
        if let span = digest.dateSpan { line += " · " + span }
        line +=
            " · \(digest.sentences.count) sentence\(digest.sentences.count == 1 ? "" : "s"), \(digest.sentences.reduce(0) { $0 + wordCount($1.text) }) words"
        return line
    }

    /// One line of a facts section: an optional date and label, then what the sources say, each part
    /// with the sources it cites and an optional note (a source's date).
    public struct FactItem {
        /// The item's date as a TIMEX value ("2014-11-18", "2014-12").
        public var date: String? = nil
        /// How a reader sees a date inferred rather than stated ("after 2014-12-15"); nil when `date`
        /// is stated.
        public var approximateDate: String? = nil
        public var label: String? = nil
        public var parts: [(text: String, documents: [Int], note: String?)]

        /// The date as shown: the approximate form when there is one.
        public var shownDate: String? { approximateDate ?? date }
    }

    /// A speaker's role as shown beside the name: the one the quote's own source gives with it,
    /// else the first that another quote of the same named speaker gives, in source order ("Ivo
    /// Marsh, the chief engineer of the port authority, said ..." lends its role to a bare "said Ivo
    /// Marsh" in another source). Descriptions ("the ministry") lend and borrow nothing.
    static func role(of q: (document: Int, quote: Quote), in digest: Digest) -> String? {
        if let own = q.quote.shownRole(in: digest.documents[q.document].text) { return own }
        guard q.quote.speaker.first?.isUppercase == true, let quotes = digest.facts?.quotes else { return nil }
        for (d, qs) in quotes.enumerated() where d < digest.documents.count {
            for other in qs where other.speaker == q.quote.speaker && other != q.quote {
                if let role = other.shownRole(in: digest.documents[d].text) { return role }
            }
        }
        return nil
    }

    /// The facts a digest shows, in reading order: timeline, quotes, key numbers, disagreements.
    public static func factSections(_ digest: Digest) -> [(title: String, cssClass: String, items: [FactItem])] {
        var sections: [(title: String, cssClass: String, items: [FactItem])] = []
        let events = digest.keyEvents()
        // An event some sources told as done cites them; those that had only announced it are
        // named apart ("It is then formally approved in December", written before it was).
        let timeline = events.map { e -> FactItem in
            let told = e.expected ? e.sources : e.sources.filter { !e.announced.contains($0) }
            let before = e.expected ? [] : e.sources.filter { e.announced.contains($0) }.map { String($0.document + 1) }
            return FactItem(
                date: e.date, approximateDate: e.dateInferred?.shown, label: e.expected ? "expected" : nil,
                parts: [(e.text, told.map(\.document), before.isEmpty ? nil : "announced before in " + before.joined(separator: ", "))])
        }
        // Each voice with its role once, as a source gives it (the shown quote's own, else the first
        // another quote of the same speaker gives), and the quotation without its attribution clause.
        var named = Set<String>()
        let quotes = digest.keyQuotes().map { q -> FactItem in
            var label = q.quote.speaker
            if named.insert(label).inserted, let role = Self.role(of: q, in: digest) { label += ", " + role }
            return FactItem(label: label, parts: [(q.quote.shownText, [q.document], nil)])
        }
        let numbers = digest.keyNumbers().map { n in
            FactItem(
                label: ([n.number] + n.alongside).map(\.text).joined(separator: ", "),
                parts: [(Self.told(n.number, in: digest.documents[n.document].text), n.sources, n.disputed ? "sources differ" : nil)])
        }
        let disagreements = (digest.facts?.disagreements ?? []).map { g in
            FactItem(
                label: g.kind == .changed ? "\(g.about), changed as the story went on" : "\(g.about), sources conflict",
                parts: g.values.map { v in (v.text, [v.document], v.shownDate) })
        }
        for (title, css, items) in [
            (
                events.count < digest.timeline.count ? "Timeline: \(events.count) key events of \(digest.timeline.count)" : "Timeline", "timeline",
                timeline
            ), ("Who said what", "quotes", quotes),
            ("Key numbers", "numbers", numbers), ("Where sources disagree", "disagreements", disagreements)
        ]
        where !items.isEmpty {
            sections.append((title, css, items))
        }
        return sections
    }

    /// The words of a figure's sentence that say what it counts: its clause, with the clause before
    /// it when the figure's leans on it ("the draft resolution, which has some 50 co-sponsors"; "the
    /// text, co-sponsored by 48 countries") and the clause after it when the figure's opens the
    /// sentence on a participle ("Co-sponsored by more than 60 countries, the resolution ...") or
    /// is a phrase of five words at most before it ("In 45 ports, the number of ferries ..."); at
    /// most `wordsAround` words each side, within its sentence, with an ellipsis where the sentence
    /// goes on ("... passed by a vote of 41 to 28 with three abstentions in a late session ...").
    static func told(_ q: Quantity, in text: String, wordsAround: Int = 12) -> String {
        let scalars = Array(text.unicodeScalars)
        guard q.start >= 0, q.end <= scalars.count, q.start < q.end else { return q.text }
        let (range, cutBefore, cutAfter) = toldRange(q, in: scalars, wordsAround: wordsAround)
        var body = String(String.UnicodeScalarView(scalars[range])).trimmingCharacters(in: .whitespaces)
        while let last = body.last, ",;:".contains(last) { body.removeLast() }
        return (cutBefore ? "… " : "") + body + (cutAfter ? " …" : "")
    }

    /// Where `told` cuts the figure's words from its text's scalars, and whether the sentence goes on
    /// before and after them.
    static func toldRange(
        _ q: Quantity, in scalars: [Unicode.Scalar], wordsAround: Int = 12
    ) -> (range: Range<Int>, cutBefore: Bool, cutAfter: Bool) {
        guard q.start >= 0, q.end <= scalars.count, q.start < q.end else {
            let at = max(0, min(q.start, scalars.count))
            return (at..<at, false, false)
        }
        func endsSentence(_ k: Int) -> Bool {
            scalars[k] == "\n"
                || ((scalars[k] == "." || scalars[k] == "!" || scalars[k] == "?")
                    && (k + 1 == scalars.count || scalars[k + 1] == " " || scalars[k + 1] == "\n"))
        }
        // A comma, semicolon, colon or spaced dash before a space ("120,000" holds no break).
        func breaksClause(_ k: Int) -> Bool {
            guard k >= 0, k + 1 < scalars.count, scalars[k + 1] == " " else { return false }
            return ",;:".unicodeScalars.contains(scalars[k]) || ((scalars[k] == "\u{2014}" || scalars[k] == "\u{2013}") && k > 0 && scalars[k - 1] == " ")
        }
        // The word (letters and hyphens) that starts at `k`, lower-cased.
        func word(at k: Int) -> String {
            var e = k
            while e < scalars.count, CharClass.isLetter(scalars[e]) || scalars[e] == "-" { e += 1 }
            return String(String.UnicodeScalarView(scalars[k..<e])).lowercased()
        }
        // A clause that opens on a relative word or a participle leans on the one before it.
        func leans(at k: Int) -> Bool {
            let word = word(at: k)
            return Self.leaningWords.contains(word) || word.hasSuffix("ed") || word.hasSuffix("ing")
                || (word.hasSuffix("en") && word.count > 4)
        }
        // The figure's sentence as the segmenter reads its paragraph (which also ends sentences a page
        // glued together without a space: "of thousands.The panel").
        var (lo, hi) = (q.start, q.end)
        while lo > 0, scalars[lo - 1] != "\n" { lo -= 1 }
        while hi < scalars.count, scalars[hi] != "\n" { hi += 1 }
        let sentence = SentenceSegmenter().sentences(in: scalars, range: lo..<hi).first { $0.start <= q.start && q.start < $0.end }
        let (first, end) = (sentence?.start ?? 0, sentence.map { Swift.max($0.end, q.end) } ?? scalars.count)
        // Within the sentence the segmenter found, a full stop ends it only at its end ("outside
        // U.S. embassies" goes on).
        func stops(_ k: Int) -> Bool {
            guard sentence != nil else { return endsSentence(k) }
            return scalars[k] == "\n" || (k >= end - 2 && endsSentence(k))
        }
        var a = q.start, words = 0
        while a > first, !stops(a - 1) {
            if scalars[a - 1] == " " {
                words += 1
                if words > wordsAround { break }
                if a >= 2, breaksClause(a - 2), words >= 2, !leans(at: a) { break }
            }
            a -= 1
        }
        // A figure's clause that opens the sentence on a participle, or is a short phrase before
        // the main clause ("In 45 states, the number of doctors ... declined"), says what it counts
        // only with the clause after it.
        let opensSentence = a == first || stops(a - 1)
        let shortOpening: Bool = {
            guard opensSentence else { return false }
            var k = q.end, spaces = scalars[a..<q.end].filter { $0 == " " }.count
            while k < end, !stops(k), !breaksClause(k) {
                if scalars[k] == " " { spaces += 1 }
                k += 1
            }
            return k < end && breaksClause(k) && spaces < 5
        }()
        let opensOnParticiple = opensSentence && (leans(at: a) || shortOpening)
        let cutBefore = a > first && !stops(a - 1)
        // Cut by the word limit inside a phrase ("... Oct. 31 it suspended"): the shown words start
        // after the function words and numbers the cut left at their head.
        if cutBefore, !(a >= 2 && breaksClause(a - 2)) {
            let stop = LanguageData.english.stopWords
            while a < q.start {
                var e = a
                while e < q.start, scalars[e] != " " { e += 1 }
                let word = String(String.UnicodeScalarView(scalars[a..<e])).lowercased()
                guard e < q.start, stop.contains(word) || word.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }) else { break }
                a = e + 1
            }
        }
        var b = q.end
        words = 0
        var breaks = 0
        // A clause after the figure that opens on "with" or "including" goes on counting what the
        // figure counts ("by 41 votes to 28, with three abstentions"): no break.
        func goesOn(after k: Int) -> Bool {
            var s = k + 1
            while s < scalars.count, scalars[s] == " " { s += 1 }
            return Self.goingOnWords.contains(word(at: s))
        }
        while b < end, !stops(b) {
            if breaksClause(b), !goesOn(after: b) {
                breaks += 1
                if breaks > (opensOnParticiple ? 1 : 0) { break }
            }
            if scalars[b] == " " {
                words += 1
                if words > wordsAround { break }
            }
            b += 1
        }
        var cutAfter = b < end && !stops(b)
        // Words that open what comes next ("so far, including:", "for the following" before a list
        // on the lines below) end no told words: they are cut, and the words before them shown.
        if b < scalars.count, scalars[b] == "\n" || !endsSentence(b) {
            var t = b
            while true {
                while t > q.end, scalars[t - 1] == " " || scalars[t - 1] == ":" || scalars[t - 1] == "," { t -= 1 }
                var w = t
                while w > q.end, scalars[w - 1] != " " { w -= 1 }
                let last = word(at: w)
                guard w > q.end, Self.opensWhatFollows.contains(last), last.unicodeScalars.count == t - w else { break }
                t = w
                cutAfter = true
            }
            b = t
        }
        if b < scalars.count, endsSentence(b), scalars[b] != "\n" { b += 1 }
        return (a..<b, cutBefore, cutAfter)
    }

    /// Words that open what follows them, so told words never end on one.
    static let opensWhatFollows = DigestWords.english["opensnext"]
    /// Words that open a clause leaning on the one before it ("which", "including").
    static let leaningWords = DigestWords.english["leans"]
    /// Words after which a clause goes on counting what the figure counts ("with", "including").
    static let goingOnWords = DigestWords.english["goeson"]

    /// The citation marks of a sentence: its source, then the others that carry it ("[2, 4]").
    static func marks(_ s: Digest.CitedSentence) -> String {
        "[" + s.documents.map { String($0 + 1) }.joined(separator: ", ") + "]"
    }

    static func citedProse(_ digest: Digest) -> String {
        if digest.sentences.isEmpty { return "(No sentence in these articles could be used for a summary.)" }
        return digest.sentences.map { "\($0.shown) \(marks($0))" }.joined(separator: " ")
    }

    static func describe(_ doc: Digest.Document) -> String {
        var parts: [String] = []
        parts.append(doc.title ?? "(untitled)")
        var details: [String] = []
        if let site = doc.site { details.append(site) }
        if let date = doc.shownDate { details.append(date) }
        details.append(doc.url ?? doc.file)
        return parts.joined() + " — " + details.joined(separator: ", ")
    }

    /// Wraps prose at `width` columns on spaces.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    // MARK: - Markdown

    static func markdown(_ digest: Digest, level: Int = 1) -> String {
        let hashes = String(repeating: "#", count: level)
        var out = "\(hashes) \(escapeMarkdown(digest.headline ?? "Digest"))\n\n"
        out += "_\(sourceLine(digest))_\n\n"
        if digest.sentences.isEmpty {
            out += "(No sentence in these articles could be used for a summary.)\n\n"
        } else {
            out += digest.sentences.map { "\(escapeMarkdown($0.shown)) \(escapeMarkdown(marks($0)))" }.joined(separator: " ") + "\n\n"
        }
        for section in factSections(digest) {
            out += "\(hashes)# \(section.title)\n\n"
            for item in section.items {
                let head = (item.shownDate.map { "**\($0)** " } ?? "") + (item.label.map { "**\(escapeMarkdown($0))**: " } ?? "")
                out +=
                    "- " + head
                    + item.parts.map {
                        "\(escapeMarkdown($0.text)) \\[\($0.documents.map { String($0 + 1) }.joined(separator: ", "))\\]\($0.note.map { " (" + $0 + ")" } ?? "")"
                    }.joined(separator: "; ") + "\n"
            }
            out += "\n"
        }
        out += "\(hashes)# Sources\n\n"
        for (i, doc) in digest.documents.enumerated() {
            out += "\(i + 1). " + escapeMarkdown(describe(doc)) + "\n"
        }
        if !digest.copies.isEmpty {
            out += "\nNear-copies folded in:\n\n"
            for copy in digest.copies {
                out += "- copy of \(copy.of + 1): " + escapeMarkdown(describe(copy.document)) + "\n"
            }
        }
        return out
    }

    /// Text escaped for markdown (tables included).
    public static func escapeMarkdownText(_ text: String) -> String { escapeMarkdown(text) }

    static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]<>#|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    // MARK: - JSON

    static func json(_ digest: Digest) -> String {
        digest.json.serialized(pretty: true) + "\n"
    }

    // MARK: - HTML

    static func html(_ digest: Digest) -> String {
        HTMLRenderer.document(digest)
    }

    // MARK: - Several stories

    /// Every story of a digest run, in the order given, in one document.
    public static func render(_ stories: [StoryDigest], as format: DigestFormat) -> String {
        switch format {
        case .json:
            return JSONOutput.object([("stories", .array(stories.map(\.json)))]).serialized(pretty: true) + "\n"
        case .text:
            return stories.enumerated().map { k, story in
                "Story \(k + 1) of \(stories.count) (\(story.articleCount) article\(story.articleCount == 1 ? "" : "s"))\n" + text(story.digest)
            }.joined(separator: "\n" + String(repeating: "-", count: 78) + "\n\n")
        case .markdown:
            var out = "# Stories\n\n"
            for story in stories { out += markdown(story.digest, level: 2) + "\n" }
            return out
        case .html:
            return HTMLRenderer.document(stories)
        }
    }
}
