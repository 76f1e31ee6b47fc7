import Foundation
import PrecisFacts
import PrecisSummarize

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
        if !digest.timeline.isEmpty {
            out += "Timeline\n"
            for e in digest.timeline {
                out += e.date.padding(toLength: 11, withPad: " ", startingAt: 0) + wrap(e.text + " " + marks(e), width: 66)
                    .replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: 11)) + "\n"
            }
            out += "\n"
        }
        let quotes = digest.keyQuotes()
        if !quotes.isEmpty {
            out += "Who said what\n"
            for q in quotes { out += wrap("\(q.quote.speaker): \(q.quote.text) [\(q.document + 1)]", width: 78) + "\n" }
            out += "\n"
        }
        let numbers = digest.keyNumbers()
        if !numbers.isEmpty {
            out += "Key numbers\n"
            for n in numbers { out += "  \(n.number.text) [\(n.document + 1)]\n" }
            out += "\n"
        }
        for g in digest.facts?.disagreements ?? [] {
            out += "Sources disagree on \(g.about): " + g.values.map { "\($0.text) [\($0.document + 1)\($0.date.map { ", " + $0 } ?? "")]" }.joined(separator: "; ") + "\n"
        }
        if !(digest.facts?.disagreements.isEmpty ?? true) { out += "\n" }
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

    /// The citation marks of a sentence: its source, then the others that carry it ("[2, 4]").
    static func marks(_ s: Digest.CitedSentence) -> String {
        "[" + s.documents.map { String($0 + 1) }.joined(separator: ", ") + "]"
    }

    static func marks(_ e: TimelineEntry) -> String {
        "[" + e.sources.map { String($0.document + 1) }.joined(separator: ", ") + "]"
    }

    static func citedProse(_ digest: Digest) -> String {
        if digest.sentences.isEmpty { return "(No sentence in these articles could be used for a summary.)" }
        return digest.sentences.map { "\($0.text) \(marks($0))" }.joined(separator: " ")
    }

    static func describe(_ doc: Digest.Document) -> String {
        var parts: [String] = []
        parts.append(doc.title ?? "(untitled)")
        var details: [String] = []
        if let site = doc.site { details.append(site) }
        if let date = doc.date { details.append(date) }
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
            out += digest.sentences.map { "\(escapeMarkdown($0.text)) \(escapeMarkdown(marks($0)))" }.joined(separator: " ") + "\n\n"
        }
        if !digest.timeline.isEmpty {
            out += "\(hashes)# Timeline\n\n"
            for e in digest.timeline {
                out += "- **\(e.date)** \(escapeMarkdown(e.text)) \(escapeMarkdown(marks(e)))\n"
            }
            out += "\n"
        }
        let quotes = digest.keyQuotes()
        if !quotes.isEmpty {
            out += "\(hashes)# Who said what\n\n"
            for q in quotes { out += "- **\(escapeMarkdown(q.quote.speaker))**: \(escapeMarkdown(q.quote.text)) \\[\(q.document + 1)\\]\n" }
            out += "\n"
        }
        let numbers = digest.keyNumbers()
        if !numbers.isEmpty {
            out += "\(hashes)# Key numbers\n\n"
            for n in numbers { out += "- \(escapeMarkdown(n.number.text)) \\[\(n.document + 1)\\]\n" }
            out += "\n"
        }
        if let disagreements = digest.facts?.disagreements, !disagreements.isEmpty {
            out += "\(hashes)# Where sources disagree\n\n"
            for g in disagreements {
                out += "- **\(escapeMarkdown(g.about))**: " + g.values.map { "\(escapeMarkdown($0.text)) \\[\($0.document + 1)\\]\($0.date.map { " (" + $0 + ")" } ?? "")" }.joined(separator: "; ") + "\n"
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
            body += "<span class=\"sentence\">\(escapeHTML(s.text))</span> "
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
        var timeline = ""
        if !digest.timeline.isEmpty {
            timeline = "<h\(level + 1)>Timeline</h\(level + 1)>\n<ol class=\"timeline\">\n"
            for e in digest.timeline {
                let links = e.sources.map { "<a class=\"cite\" href=\"#\(idPrefix)source-\($0.document + 1)\">[\($0.document + 1)]</a>" }.joined(separator: " ")
                timeline += "<li><time datetime=\"\(escapeHTML(e.date))\">\(escapeHTML(e.date))</time> \(escapeHTML(e.text)) \(links)</li>\n"
            }
            timeline += "</ol>\n"
        }
        func cite(_ d: Int) -> String { "<a class=\"cite\" href=\"#\(idPrefix)source-\(d + 1)\">[\(d + 1)]</a>" }
        let quotes = digest.keyQuotes()
        if !quotes.isEmpty {
            timeline += "<h\(level + 1)>Who said what</h\(level + 1)>\n<ul class=\"quotes\">\n"
            for q in quotes { timeline += "<li><strong>\(escapeHTML(q.quote.speaker))</strong>: \(escapeHTML(q.quote.text)) \(cite(q.document))</li>\n" }
            timeline += "</ul>\n"
        }
        let numbers = digest.keyNumbers()
        if !numbers.isEmpty {
            timeline += "<h\(level + 1)>Key numbers</h\(level + 1)>\n<ul class=\"numbers\">\n"
            for n in numbers { timeline += "<li>\(escapeHTML(n.number.text)) \(cite(n.document))</li>\n" }
            timeline += "</ul>\n"
        }
        if let disagreements = digest.facts?.disagreements, !disagreements.isEmpty {
            timeline += "<h\(level + 1)>Where sources disagree</h\(level + 1)>\n<ul class=\"disagreements\">\n"
            for g in disagreements {
                timeline += "<li><strong>\(escapeHTML(g.about))</strong>: " + g.values.map { v in
                    "\(escapeHTML(v.text)) \(cite(v.document))\(v.date.map { " (" + escapeHTML($0) + ")" } ?? "")"
                }.joined(separator: "; ") + "</li>\n"
            }
            timeline += "</ul>\n"
        }
        return """
        <h\(level)>\(title)</h\(level)>
        <p class="meta">\(escapeHTML(sourceLine(digest)))</p>
        <p class="summary">\(body)</p>
        \(timeline)
        <h\(level + 1)>Sources</h\(level + 1)>
        <ol>
        \(sources)</ol>
        \(copies)
        """
    }

    static func htmlSource(_ doc: Digest.Document) -> String {
        let link = doc.url.map { "<a href=\"\(escapeHTML($0))\" rel=\"noopener noreferrer\">\(escapeHTML($0))</a>" } ?? escapeHTML(doc.file)
        var details: [String] = []
        if let site = doc.site { details.append(escapeHTML(site)) }
        if let date = doc.date { details.append("<time datetime=\"\(escapeHTML(date))\">\(escapeHTML(date))</time>") }
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
