import Foundation
import Mustache
import PrecisFacts
import PrecisText

/// The one HTML renderer of Precis: Mustache templates (in `Resources/templates`, escaping every
/// value by default) for `precis digest --format html` and for the server's pages alike. A digest's
/// summary, facts and sources are the same partials wherever they appear; only where a citation
/// points differs (a source in a standalone document, the cited passage on a story page).
public enum HTMLRenderer {
    /// The templates by name, partials included (`{{> cite}}`).
    static let library: MustacheLibrary = {
        let sources: [(String, [UInt8])] = [
            ("article", PackageResources.article_mustache), ("cite", PackageResources.cite_mustache),
            ("digest", PackageResources.digest_mustache), ("document", PackageResources.document_mustache),
            ("facts", PackageResources.facts_mustache), ("feeds", PackageResources.feeds_mustache),
            ("message", PackageResources.message_mustache), ("site-bottom", PackageResources.site_bottom_mustache),
            ("site-top", PackageResources.site_top_mustache), ("source", PackageResources.source_mustache),
            ("story-list", PackageResources.story_list_mustache), ("story", PackageResources.story_mustache),
            ("summary", PackageResources.summary_mustache), ("text", PackageResources.text_mustache)
        ]
        var library = MustacheLibrary()
        for (name, bytes) in sources {
            // The templates ship with the code; one that does not parse is a bug the tests catch.
            // A partial's file ends with a newline that is not part of it.
            var text = String(decoding: bytes, as: UTF8.self)
            if text.hasSuffix("\n") { text.removeLast() }
            guard let template = try? MustacheTemplate(string: text) else {
                preconditionFailure("template \(name) does not parse")
            }
            library.register(template, named: name)
        }
        return library
    }()

    /// `template` rendered with `context` (dictionaries, arrays, strings, numbers, booleans). Every
    /// `{{value}}` is HTML-escaped; the templates use no unescaped tags.
    public static func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// Where a citation of source `document` (0-based) points, and the words a screen reader says.
    public typealias Cite = (_ document: Int, _ start: Int?) -> (href: String, label: String)

    /// The value for an optional, `false` when absent: a missing key would let Mustache find a key of
    /// the same name in an outer context.
    public static func opt(_ value: Any?) -> Any { value ?? false }

    static func cites(_ documents: [(Int, Int?)], _ cite: Cite) -> [[String: Any]] {
        documents.map { d, start in
            let c = cite(d, start)
            return ["href": c.href, "label": c.label, "number": d + 1]
        }
    }

    /// The summary's sentences, each with its citations (the source's and every other that carries it).
    public static func sentences(_ digest: Digest, cite: Cite) -> [[String: Any]] {
        digest.sentences.map { s in
            ["text": s.shown, "cites": cites([(s.document, s.start)] + s.also.map { ($0.document, $0.start) }, cite)]
        }
    }

    /// The facts sections (timeline, voices, key numbers, disagreements) under headings of `level`.
    public static func facts(_ digest: Digest, level: Int, idPrefix: String, cite: Cite) -> [[String: Any]] {
        DigestRenderer.factSections(digest).map { section in
            let items: [[String: Any]] = section.items.map { item in
                var date: Any = false
                if let shown = item.shownDate {
                    date = ["approximate": item.approximateDate != nil, "shown": shown, "value": item.date ?? shown] as [String: Any]
                }
                let parts: [[String: Any]] = item.parts.enumerated().map { k, part in
                    ["first": k == 0, "text": part.text, "cites": cites(part.documents.map { ($0, nil) }, cite), "note": opt(part.note)]
                }
                return ["date": date, "label": opt(item.label), "parts": parts]
            }
            return [
                "idPrefix": idPrefix, "cssClass": section.cssClass, "title": section.title, "level": level,
                "list": section.cssClass == "timeline" ? "ol" : "ul", "items": items
            ]
        }
    }

    /// One source as the standalone document lists it: title, site, date (or the inferred one), link.
    static func source(_ doc: Digest.Document, id: String) -> [String: Any] {
        [
            "id": id, "title": doc.title ?? "(untitled)", "site": opt(doc.site), "date": opt(doc.date),
            "approximateDate": opt(doc.date == nil ? doc.shownDate : nil), "url": opt(doc.url.flatMap(webAddress)), "file": doc.file
        ]
    }

    /// A digest as the standalone document shows it; its ids start with `idPrefix`.
    static func digestContext(_ digest: Digest, idPrefix: String, level: Int) -> [String: Any] {
        let cite: Cite = { d, _ in
            ("#\(idPrefix)source-\(d + 1)", "source \(d + 1): " + (digest.documents[d].title ?? digest.documents[d].file))
        }
        return [
            "headline": digest.headline ?? "Digest", "level": level, "sublevel": level + 1,
            "meta": DigestRenderer.sourceLine(digest),
            "sentences": sentences(digest, cite: cite),
            "sections": facts(digest, level: level + 1, idPrefix: idPrefix, cite: cite),
            "sources": digest.documents.enumerated().map { i, doc in source(doc, id: "\(idPrefix)source-\(i + 1)") },
            "hasCopies": !digest.copies.isEmpty,
            "copies": digest.copies.map { ["of": $0.of + 1, "source": source($0.document, id: "")] as [String: Any] }
        ]
    }

    /// One digest as a standalone HTML document.
    public static func document(_ digest: Digest) -> String {
        render(
            "document",
            [
                "pageTitle": digest.headline ?? "Digest", "digest": digestContext(digest, idPrefix: "", level: 1),
                "storyList": false
            ])
    }

    /// Several stories' digests as one standalone HTML document, with a table of contents.
    public static func document(_ stories: [StoryDigest]) -> String {
        let list: [[String: Any]] = stories.map { story in
            [
                "id": story.story, "headline": story.digest.headline ?? "Story \(story.story)", "count": story.articleCount,
                "digest": digestContext(story.digest, idPrefix: "story-\(story.story)-", level: 2)
            ]
        }
        return render("document", ["pageTitle": "Stories", "digest": false, "storyList": ["stories": list]])
    }

    /// A text as paragraphs (blank lines) of segments: plain runs, line breaks, and the given scalar
    /// spans as marks with the id `p{doc}-{start}` (overlapping spans: the first wins).
    public static func paragraphs(_ text: String, marks spans: [(start: Int, end: Int)], doc: Int) -> [[String: Any]] {
        let scalars = Array(text.unicodeScalars)
        var kept: [(start: Int, end: Int)] = []
        for s in spans.sorted(by: { $0.start < $1.start }) where s.start >= 0 && s.end <= scalars.count && s.start < s.end {
            if let last = kept.last, s.start < last.end { continue }
            kept.append(s)
        }
        var paragraphs: [[[String: Any]]] = [[]]
        func plain(_ a: Int, _ b: Int) {
            let chunk = String(String.UnicodeScalarView(scalars[a..<b]))
            for (k, block) in chunk.components(separatedBy: "\n\n").enumerated() {
                if k > 0 { paragraphs.append([]) }
                for (j, line) in block.components(separatedBy: "\n").enumerated() {
                    if j > 0 { paragraphs[paragraphs.count - 1].append(["br": true, "mark": false, "text": ""]) }
                    if !line.isEmpty { paragraphs[paragraphs.count - 1].append(["br": false, "mark": false, "text": line]) }
                }
            }
        }
        var i = 0
        for s in kept {
            plain(i, s.start)
            let marked = String(String.UnicodeScalarView(scalars[s.start..<s.end])).replacingOccurrences(of: "\n", with: " ")
            paragraphs[paragraphs.count - 1].append(["br": false, "mark": "p\(doc)-\(s.start)", "text": marked])
            i = s.end
        }
        plain(i, scalars.count)
        return paragraphs.map { ["segments": $0] }
    }
}
