import Foundation
import PrecisFacts
import PrecisText
import PrecisSummarize
import PrecisJSON

/// The forms a digest can be written in.
public enum DigestFormat: String, Sendable, CaseIterable {
    case text, markdown, json, html
}

/// Writes a digest for people (text, markdown, HTML) or programs (JSON).
///
/// In the text and markdown forms each sentence ends with a marker such as `[2]`, numbered from 1
/// after the numbered source list; in JSON, `document` is the 0-based index into `documents`.
public enum DigestRenderer {
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
                let head = (item.shownDate.map { $0.padding(toLength: column, withPad: " ", startingAt: 0) } ?? "") + (item.label.map { $0 + ": " } ?? "")
                let body = item.parts.map { "\($0.text) [\($0.documents.map { String($0 + 1) }.joined(separator: ", "))]\($0.note.map { " (" + $0 + ")" } ?? "")" }
                    .joined(separator: "; ")
                let indent = item.date == nil ? 2 : column
                out += wrap(head + body, width: 78 - indent).replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: indent)) + "\n"
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
        if let (first, last) = digest.dateRange { line += first == last ? " · \(first)" : " · \(first) to \(last)" }
        line += " · \(digest.sentences.count) sentence\(digest.sentences.count == 1 ? "" : "s"), \(digest.sentences.reduce(0) { $0 + wordCount($1.text) }) words"
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

        /// The date as HTML: a `<time>` element for a stated date, the words for an inferred one.
        public func dateHTML(_ escape: (String) -> String) -> String? {
            if let approximateDate { return "<span class=\"approximate\">\(escape(approximateDate))</span>" }
            return date.map { "<time datetime=\"\(escape($0))\">\(escape($0))</time>" }
        }
    }

    /// The facts a digest shows, in reading order: timeline, quotes, key numbers, disagreements.
    public static func factSections(_ digest: Digest) -> [(title: String, cssClass: String, items: [FactItem])] {
        var sections: [(title: String, cssClass: String, items: [FactItem])] = []
        let timeline = digest.timeline.map { FactItem(date: $0.date, approximateDate: $0.dateInferred?.shown, label: $0.expected ? "expected" : nil, parts: [($0.text, $0.sources.map(\.document), nil)]) }
        // Each voice with its role once, as its source gives it, and the quotation without its
        // attribution clause.
        var named = Set<String>()
        let quotes = digest.keyQuotes().map { q -> FactItem in
            var label = q.quote.speaker
            if named.insert(label).inserted, let role = q.quote.role(in: digest.documents[q.document].text) { label += ", " + role }
            return FactItem(label: label, parts: [(q.quote.shownText, [q.document], nil)])
        }
        let numbers = digest.keyNumbers().map { n in
            FactItem(label: n.number.text, parts: [(Self.told(n.number, in: digest.documents[n.document].text), [n.document], nil)])
        }
        let disagreements = (digest.facts?.disagreements ?? []).map { g in
            FactItem(label: g.kind == .changed ? "\(g.about), changed as the story went on" : "\(g.about), sources conflict",
                     parts: g.values.map { v in (v.text, [v.document], v.shownDate) })
        }
        for (title, css, items) in [("Timeline", "timeline", timeline), ("Who said what", "quotes", quotes),
                                    ("Key numbers", "numbers", numbers), ("Where sources disagree", "disagreements", disagreements)]
        where !items.isEmpty {
            sections.append((title, css, items))
        }
        return sections
    }

    /// The words of a figure's sentence that say what it counts: up to `wordsAround` words each side
    /// of it, within its sentence, with an ellipsis where the sentence goes on ("... passed by a
    /// vote of 41 to 28 with three abstentions in a late session ...").
    static func told(_ q: Quantity, in text: String, wordsAround: Int = 9) -> String {
        let scalars = Array(text.unicodeScalars)
        guard q.start >= 0, q.end <= scalars.count, q.start < q.end else { return q.text }
        func endsSentence(_ k: Int) -> Bool {
            scalars[k] == "\n" || ((scalars[k] == "." || scalars[k] == "!" || scalars[k] == "?") && (k + 1 == scalars.count || scalars[k + 1] == " " || scalars[k + 1] == "\n"))
        }
        var a = q.start, words = 0
        while a > 0, !endsSentence(a - 1) {
            if scalars[a - 1] == " " { words += 1; if words > wordsAround { break } }
            a -= 1
        }
        let cutBefore = a > 0 && !endsSentence(a - 1)
        var b = q.end
        words = 0
        while b < scalars.count, !endsSentence(b) {
            if scalars[b] == " " { words += 1; if words > wordsAround { break } }
            b += 1
        }
        let cutAfter = b < scalars.count && !endsSentence(b)
        if b < scalars.count, endsSentence(b), scalars[b] != "\n" { b += 1 }
        let body = String(String.UnicodeScalarView(scalars[a..<b])).trimmingCharacters(in: .whitespaces)
        return (cutBefore ? "… " : "") + body + (cutAfter ? " …" : "")
    }

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
                out += "- " + head + item.parts.map {
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
        page(title: digest.headline ?? "Digest", body: section(digest, idPrefix: "", level: 1))
    }

    /// One digest as an HTML fragment; ids of its sources start with `idPrefix`.
    static func section(_ digest: Digest, idPrefix: String, level: Int) -> String {
        let title = escapeHTML(digest.headline ?? "Digest")
        var body = ""
        for s in digest.sentences {
            body += "<span class=\"sentence\">\(escapeHTML(s.shown))</span> "
            for d in s.documents {
                body += "<a class=\"cite\" href=\"#\(idPrefix)source-\(d + 1)\" title=\"\(escapeHTML(digest.documents[d].title ?? digest.documents[d].file))\">[\(d + 1)]</a> "
            }
        }
        if digest.sentences.isEmpty { body = "<em>No sentence in these articles could be used for a summary.</em>" }
        var sources = ""
        for (i, doc) in digest.documents.enumerated() {
            sources += "<li id=\"\(idPrefix)source-\(i + 1)\">\(htmlSource(doc))</li>\n"
        }
        var copies = ""
        if !digest.copies.isEmpty {
            copies = "<p class=\"meta\">Near-copies folded in:</p>\n<ul>\n"
            for copy in digest.copies {
                copies += "<li>copy of [\(copy.of + 1)]: \(htmlSource(copy.document))</li>\n"
            }
            copies += "</ul>\n"
        }
        var facts = ""
        func cite(_ d: Int) -> String { "<a class=\"cite\" href=\"#\(idPrefix)source-\(d + 1)\">[\(d + 1)]</a>" }
        for section in factSections(digest) {
            facts += "<h\(level + 1)>\(section.title)</h\(level + 1)>\n<ul class=\"\(section.cssClass)\">\n"
            for item in section.items {
                let head = (item.dateHTML(escapeHTML).map { $0 + " " } ?? "")
                    + (item.label.map { "<strong>\(escapeHTML($0))</strong>: " } ?? "")
                facts += "<li>" + head + item.parts.map { part in
                    "\(escapeHTML(part.text)) " + part.documents.map(cite).joined(separator: " ") + (part.note.map { " (" + escapeHTML($0) + ")" } ?? "")
                }.joined(separator: "; ") + "</li>\n"
            }
            facts += "</ul>\n"
        }
        return """
        <h\(level)>\(title)</h\(level)>
        <p class="meta">\(escapeHTML(sourceLine(digest)))</p>
        <p class="summary">\(body)</p>
        \(facts)
        <h\(level + 1)>Sources</h\(level + 1)>
        <ol>
        \(sources)</ol>
        \(copies)
        """
    }

    static func htmlSource(_ doc: Digest.Document) -> String {
        let link = doc.url.flatMap(webAddress).map { "<a href=\"\(escapeHTML($0))\" rel=\"noopener noreferrer\">\(escapeHTML($0))</a>" } ?? escapeHTML(doc.file)
        var details: [String] = []
        if let site = doc.site { details.append(escapeHTML(site)) }
        if let date = doc.date { details.append("<time datetime=\"\(escapeHTML(date))\">\(escapeHTML(date))</time>") } else if let shown = doc.shownDate { details.append(escapeHTML(shown)) }
        details.append(link)
        return "<strong>\(escapeHTML(doc.title ?? "(untitled)"))</strong> — \(details.joined(separator: ", "))"
    }

    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title))</title>
        <style>
        body{font:17px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
        h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.3rem;line-height:1.3}.meta{color:#555;font:14px/1.4 system-ui,sans-serif}
        a.cite{font:12px system-ui,sans-serif;vertical-align:super;text-decoration:none;color:#0b57d0}
        ol,ul{font:15px/1.5 system-ui,sans-serif}li:target{background:#fff3bf}
        article.story{border-top:1px solid #ddd;margin-top:2rem}
        @media print{a.cite{color:#000}}
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
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
            var body = "<h1>Stories</h1>\n<ol class=\"toc\">\n"
            for story in stories {
                body += "<li><a href=\"#story-\(story.story)\">\(escapeHTML(story.digest.headline ?? "Story \(story.story)"))</a> <span class=\"meta\">(\(story.articleCount))</span></li>\n"
            }
            body += "</ol>\n"
            for story in stories {
                body += "<article class=\"story\" id=\"story-\(story.story)\">\n"
                body += section(story.digest, idPrefix: "story-\(story.story)-", level: 2)
                body += "</article>\n"
            }
            return page(title: "Stories", body: body)
        }
    }

    public static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
