import CLibXML2
import Foundation
import PrecisIngest
import PrecisText

/// Pulls the article out of an HTML page with libxml2's HTML parser (the one lxml uses).
///
/// Metadata comes from the head (`og:title`, `<title>`, `article:published_time`, `<time datetime>`,
/// canonical link, `lang`). The text comes from the `<article>` or `<main>` element holding the most
/// paragraph text, else the body; navigation, headers, footers, asides, forms, scripts, figures and
/// elements whose class or id names a widget (share, comment, related, newsletter, cookie, ad) are left
/// out. Block elements become paragraphs. The result then goes through `ScrapedTextCleaner`.
public struct HTMLExtractor: Sendable {
    public init() {}

    /// What the page said about itself, and its text with paragraph breaks.
    public struct Page: Sendable {
        public var title: String?
        public var authors: [String] = []
        public var date: String?
        public var url: String?
        public var site: String?
        public var language: String?
        public var text: String
    }

    static let skippedTags: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
        "select", "option", "figure", "figcaption", "template", "object", "embed", "canvas", "video", "audio",
        "input", "textarea", "label", "menu", "head", "title", "meta", "link",
    ]
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "table", "tr", "td", "th", "hr", "address", "center", "body",
    ]
    static let junkHints = [
        "share", "social", "comment", "related", "newsletter", "cookie", "advert", "promo", "sidebar", "subscribe",
        "breadcrumb", "byline-share", "popular", "recommend", "outbrain", "taboola", "paywall", "signup", "sponsor",
        "nav", "menu", "footer", "masthead", "caption", "credit", "tags",
    ]

    /// Parses `html`; a page with no text at all gives an empty `text`, never an error.
    public func parse(_ html: String) -> Page {
        var page = Page(text: "")
        _ = Self.initialised
        var bytes = Array(html.utf8)
        if bytes.isEmpty { return page }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlReadMemory(chars, Int32(clamping: buffer.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return page }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return page }

        page.language = Self.attribute(root, "lang")
        var metas = MetaTags()
        collectMeta(root, into: &metas, depth: 0)
        page.title = metas.ogTitle ?? metas.ld.headline ?? metas.title
        page.date = (metas.published ?? metas.ld.datePublished).flatMap { PublicationDate.parse($0) }
        page.url = metas.canonical ?? metas.ogURL
        page.site = metas.siteName ?? metas.ld.publisher
        page.authors = metas.ld.authors
        if page.date == nil, let url = page.url { page.date = PublicationDate.fromURL(url) }

        let pageText = paragraphText(root)
        let container = bestContainer(root, pageParagraphChars: pageText) ?? root
        var out = TextCollector()
        collectText(container, into: &out, depth: 0, pageParagraphChars: pageText)
        page.text = out.finish()
        if page.date == nil, let time = metas.firstTime { page.date = PublicationDate.parse(time) }
        return page
    }

    // MARK: - Metadata

    struct MetaTags {
        var title: String?
        var ogTitle: String?
        var published: String?
        var canonical: String?
        var ogURL: String?
        var siteName: String?
        var firstTime: String?
        var ld = LinkedData()
    }

    /// What a page's JSON-LD (schema.org) says of its article.
    struct LinkedData {
        var headline: String?
        var datePublished: String?
        var authors: [String] = []
        var publisher: String?

        static let articleTypes: Set<String> = [
            "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
            "BlogPosting", "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "Report",
        ]

        /// Reads the first article object found in a JSON-LD block (top level, an array, or `@graph`);
        /// malformed JSON is ignored.
        mutating func read(_ json: String) {
            guard headline == nil, let value = try? JSONParser.parse(json) else { return }
            visit(value, depth: 0)
        }

        private mutating func visit(_ value: JSONValue, depth: Int) {
            guard depth < 8, headline == nil else { return }
            switch value {
            case .array(let items):
                for item in items { visit(item, depth: depth + 1) }
            case .object(let fields):
                if let graph = fields["@graph"] { visit(graph, depth: depth + 1) }
                let types: [String]
                switch fields["@type"] {
                case .string(let t)?: types = [t]
                case .array(let ts)?: types = ts.compactMap(\.stringValue)
                default: types = []
                }
                guard types.contains(where: Self.articleTypes.contains) else { return }
                headline = fields["headline"]?.stringValue ?? fields["name"]?.stringValue
                datePublished = fields["datePublished"]?.stringValue ?? fields["dateCreated"]?.stringValue
                authors = Self.names(fields["author"])
                publisher = Self.names(fields["publisher"]).first
            default:
                return
            }
        }

        static func names(_ value: JSONValue?) -> [String] {
            switch value {
            case .string(let s)?: return [s]
            case .object(let o)?: return o["name"]?.stringValue.map { [$0] } ?? []
            case .array(let items)?: return items.flatMap { names($0) }
            default: return []
            }
        }
    }

    private func collectMeta(_ node: xmlNodePtr, into metas: inout MetaTags, depth: Int) {
        guard depth < 400 else { return }
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = Self.name(current)
            switch name {
            case "title":
                if metas.title == nil { metas.title = Self.textContent(current).trimmingCharacters(in: .whitespacesAndNewlines) }
            case "meta":
                let key = (Self.attribute(current, "property") ?? Self.attribute(current, "name") ?? Self.attribute(current, "itemprop") ?? "").lowercased()
                let content = Self.attribute(current, "content")
                switch key {
                case "og:title", "twitter:title": metas.ogTitle = metas.ogTitle ?? content
                case "article:published_time", "og:published_time", "datepublished", "pubdate", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date":
                    metas.published = metas.published ?? content
                case "og:url": metas.ogURL = metas.ogURL ?? content
                case "og:site_name": metas.siteName = metas.siteName ?? content
                default: break
                }
            case "link":
                if Self.attribute(current, "rel")?.lowercased() == "canonical" { metas.canonical = metas.canonical ?? Self.attribute(current, "href") }
            case "time":
                if metas.firstTime == nil { metas.firstTime = Self.attribute(current, "datetime") ?? Self.textContent(current) }
            case "script":
                if Self.attribute(current, "type")?.lowercased() == "application/ld+json" { metas.ld.read(Self.textContent(current)) }
            default:
                break
            }
            collectMeta(current, into: &metas, depth: depth + 1)
        }
    }

    // MARK: - Content

    /// The `<article>` or `<main>` holding the most paragraph text, if it holds at least a third of the
    /// page's (`total`, counted once by the caller).
    private func bestContainer(_ root: xmlNodePtr, pageParagraphChars total: Int) -> xmlNodePtr? {
        var candidates: [(xmlNodePtr, Int)] = []
        func visit(_ node: xmlNodePtr, depth: Int) {
            guard depth < 400 else { return }
            var child = node.pointee.children
            while let current = child {
                defer { child = current.pointee.next }
                guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                let name = Self.name(current)
                if name == "article" || name == "main" || Self.attribute(current, "itemprop") == "articleBody" {
                    candidates.append((current, paragraphText(current)))
                }
                visit(current, depth: depth + 1)
            }
        }
        visit(root, depth: 0)
        guard let best = candidates.max(by: { $0.1 < $1.1 }), best.1 > 0, best.1 * 3 >= total else { return nil }
        return best.0
    }

    private func paragraphText(_ node: xmlNodePtr) -> Int {
        var count = 0
        func visit(_ node: xmlNodePtr, depth: Int) {
            guard depth < 400 else { return }
            var child = node.pointee.children
            while let current = child {
                defer { child = current.pointee.next }
                guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                if Self.name(current) == "p" { count += Self.textContent(current).count } else { visit(current, depth: depth + 1) }
            }
        }
        visit(node, depth: 0)
        return count
    }

    /// Gathers text block by block. A block whose text is mostly link text (a menu, a list of related
    /// stories, a tag cloud) is left out when it is finished.
    struct TextCollector {
        var text = ""
        /// The block being gathered, and how many of its characters sit inside links.
        private var block = ""
        private var blockLinkChars = 0
        private var pendingBreak = 0
        var linkDepth = 0
        /// A block with more than this share of link text is dropped.
        let maxLinkDensity: Double

        init(maxLinkDensity: Double = 0.5) {
            self.maxLinkDensity = maxLinkDensity
        }

        mutating func breakLine(_ strength: Int) {
            if strength >= 2 { finishBlock() } else if !block.isEmpty { block += "\n" }
            if strength >= 2 { pendingBreak = 2 }
        }

        mutating func append(_ piece: String) {
            guard piece.contains(where: { !$0.isWhitespace }) else {
                if !piece.isEmpty && !block.isEmpty && !block.hasSuffix("\n") { block += " " }
                return
            }
            block += piece
            if linkDepth > 0 { blockLinkChars += piece.unicodeScalars.count }
        }

        mutating func finishBlock() {
            let trimmed = Self.trim(block)
            // Link density counted in Unicode scalars (cheap, unlike grapheme counts).
            let density = trimmed.isEmpty ? 0 : Double(blockLinkChars) / Double(trimmed.unicodeScalars.count)
            if !trimmed.isEmpty && density <= maxLinkDensity {
                if !text.isEmpty { text += pendingBreak >= 2 ? "\n\n" : "\n" }
                text += trimmed
                pendingBreak = 0
            }
            block = ""
            blockLinkChars = 0
        }

        /// White space (ASCII and no-break) off both ends.
        static func trim(_ s: String) -> String {
            let scalars = s.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                  let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
            return String(scalars[first...last])
        }

        /// The text gathered, the last block included.
        mutating func finish() -> String {
            finishBlock()
            return text
        }
    }

    private func collectText(_ node: xmlNodePtr, into out: inout TextCollector, depth: Int, pageParagraphChars: Int) {
        guard depth < 400 else { return }
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    // Line breaks in markup are spaces.
                    var bytes = Array(UnsafeBufferPointer(start: content, count: strlen(content)))
                    for k in bytes.indices where bytes[k] == 0x0A || bytes[k] == 0x0D { bytes[k] = 0x20 }
                    out.append(String(decoding: bytes, as: UTF8.self))
                }
            case XML_ELEMENT_NODE:
                let name = Self.name(current)
                if Self.skippedTags.contains(name) { continue }
                // A class or id hint ("sidebar") disqualifies an element, unless it holds most of the
                // page's paragraph text: then it is a layout wrapper ("layout-right-sidebar").
                if isJunkByHint(current) && paragraphText(current) * 2 <= pageParagraphChars { continue }
                if name == "br" { out.breakLine(1); continue }
                let block = Self.blockTags.contains(name)
                if block { out.breakLine(2) }
                if name == "a" { out.linkDepth += 1 }
                collectText(current, into: &out, depth: depth + 1, pageParagraphChars: pageParagraphChars)
                if name == "a" { out.linkDepth -= 1 }
                if block { out.breakLine(2) }
            default:
                continue
            }
        }
    }

    /// Elements whose class or id never disqualifies them: pages put state markers on them
    /// ("navbar-is-static-top" on body) that look like junk hints.
    static let neverJunk: Set<String> = ["html", "body", "main", "article"]

    private func isJunkByHint(_ node: xmlNodePtr) -> Bool {
        if Self.neverJunk.contains(Self.name(node)) { return false }
        if Self.attribute(node, "hidden") != nil || Self.attribute(node, "aria-hidden") == "true" { return true }
        let role = Self.attribute(node, "role")?.lowercased()
        if role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" { return true }
        let hints = Array(((Self.attribute(node, "class") ?? "") + " " + (Self.attribute(node, "id") ?? "")).lowercased().utf8)
        guard hints.count > 1 else { return false }
        if Self.bodyHints.occurs(in: hints) || Self.contentHint.occurs(in: hints) && !Self.relatedHint.occurs(in: hints) { return false }
        return Self.junkHintMatcher.occurs(in: hints)
    }

    static let junkHintMatcher = PhraseMatcher(junkHints)
    static let bodyHints = PhraseMatcher(["article-body", "story-body"])
    static let contentHint = PhraseMatcher(["content"])
    static let relatedHint = PhraseMatcher(["related"])

    // MARK: - Annotated pages

    /// The text of the elements carrying any of `classes` (and of their descendants), block by block,
    /// white space collapsed: how benchmark sets such as L3S-GN1 mark the main content of a page.
    public static func text(ofElementsWithClasses classes: Set<String>, in html: String) -> String {
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return "" }
        _ = initialised
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(clamping: buffer.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return "" }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return "" }
        var pieces: [String] = []
        func collect(_ node: xmlNodePtr, inside: Bool, depth: Int) {
            guard depth < 400 else { return }
            var child = node.pointee.children
            while let current = child {
                defer { child = current.pointee.next }
                switch current.pointee.type {
                case XML_TEXT_NODE:
                    if inside, let content = current.pointee.content { pieces.append(String(cString: content)) }
                case XML_ELEMENT_NODE:
                    let tag = name(current)
                    if tag == "script" || tag == "style" { continue }
                    let own = (attribute(current, "class") ?? "").split(separator: " ").contains { classes.contains(String($0)) }
                    collect(current, inside: inside || own, depth: depth + 1)
                default:
                    continue
                }
            }
        }
        collect(root, inside: false, depth: 0)
        return pieces.map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    // MARK: - libxml2 helpers

    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// An element's name. libxml2's HTML parser lower-cases tag and attribute names already.
    static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    static func attribute(_ node: xmlNodePtr, _ wanted: String) -> String? {
        var attr = node.pointee.properties
        while let current = attr {
            defer { attr = current.pointee.next }
            guard let name = current.pointee.name, strcmp(name, wanted) == 0 else { continue }
            var value = ""
            var child = current.pointee.children
            while let c = child {
                if let content = c.pointee.content { value += String(cString: content) }
                child = c.pointee.next
            }
            return value
        }
        return nil
    }

    static func textContent(_ node: xmlNodePtr) -> String {
        guard let raw = xmlNodeGetContent(node) else { return "" }
        defer { free(raw) }
        return String(cString: raw)
    }
}
