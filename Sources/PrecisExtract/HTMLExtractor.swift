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
        // Script and style bodies, comments and unread attributes go before parsing (JSON-LD
        // stays): libxml2 spends much of its time on them and nothing here reads them.
        if html.isEmpty { return page }
        var bytes = MarkupTrim.trim(html, leading: Self.byteOrderMark)
        let doc = Self.parseUTF8(&bytes, options: HTML_PARSE_NOBLANKS.rawValue)
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

        var main = mainCandidate(root)
        main.pageParagraphChars = paragraphText(root)
        main.pageVisibleChars = Self.visibleTextLength(root)
        var out = TextCollector()
        if let container = bestContainer(root, pageParagraphChars: main.pageParagraphChars) {
            collectText(container, into: &out, depth: 0, main: main)
        } else if let top = main.top, let parent = top.pointee.parent, main.topScore >= Self.minimumTopScore, !main.isSpread,
                  Double(paragraphText(top)) >= Self.minimumTopShare * Double(main.pageVisibleChars - Self.linkTextLength(root)) {
            // No <article> or <main>: the best paragraph holder, with those of its siblings that
            // score at least a fifth of it or are good paragraphs themselves, in page order.
            for current in Self.children(of: parent) {
                let score = main.scores[Int(bitPattern: current)] ?? 0
                if current == top || score >= main.topScore / 5 || isGoodSibling(current) {
                    collectNode(current, into: &out, depth: 1, main: main)
                }
            }
        } else {
            collectText(root, into: &out, depth: 0, main: main)
        }
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
            // Only five names matter here; the others are passed over without building a string.
            let interesting = Self.isTag(current, "title") || Self.isTag(current, "meta") || Self.isTag(current, "link")
                || Self.isTag(current, "time") || Self.isTag(current, "script")
            let name = interesting ? Self.name(current) : ""
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
                if Self.isTag(current, "article") || Self.isTag(current, "main") || Self.attribute(current, "itemprop") == "articleBody" {
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
                if Self.isTag(current, "p") { count += Self.textContent(current).count } else { visit(current, depth: depth + 1) }
            }
        }
        visit(node, depth: 0)
        return count
    }

    /// Whether `node` sits inside the best paragraph holder and holds a quarter or more of its text
    /// outside links: a box of the article whatever its name (a story wrapped, in part, in a
    /// "wp-caption-text" box).
    private func holdsShareOfMain(_ node: xmlNodePtr, _ main: MainCandidate) -> Bool {
        guard let top = main.top, main.topText > 0 else { return false }
        // Only names of things that are short by nature (a caption, a credit, a share bar): a box
        // named for comments or related stories is long by nature and stays out.
        let hints = Self.hints(of: node)
        guard !Self.longJunkHints.occurs(in: hints) else { return false }
        var up = node.pointee.parent
        while let u = up, u != top { up = u.pointee.parent }
        guard up != nil else { return false }
        return (Self.visibleTextLength(node) - Self.linkTextLength(node)) * 4 >= main.topText
    }

    /// Below this, the best paragraph holder is too weak a sign (a page of one short paragraph):
    /// the whole page is read, less its junk.
    static let minimumTopScore = 5.0
    /// The best holder must hold this share of the page's text outside links; else the article is
    /// mostly elsewhere (text set off by `<br>` beside a small box of paragraphs).
    static let minimumTopShare = 0.15

    /// Text beside the main element that belongs with it: a run of text of some length, or an
    /// element with a good deal of text and few links (a paragraph, text set off by `<br>`).
    private func isGoodSibling(_ node: xmlNodePtr) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return false }
            return UnsafeBufferPointer(start: content, count: strlen(content)).reduce(0) { $0 + ($1 > 0x20 ? 1 : 0) } >= 25
        case XML_ELEMENT_NODE:
            let length = Self.visibleTextLength(node)
            return length >= 100 && Self.linkTextLength(node) * 3 < length
        default:
            return false
        }
    }

    /// Whether `node` holds more than half of the page's paragraph text; on a page without
    /// paragraphs (text set off by `<br>`), more than half of its text.
    private func holdsMostText(_ node: xmlNodePtr, _ main: MainCandidate) -> Bool {
        if main.pageParagraphChars > 0 { return paragraphText(node) * 2 > main.pageParagraphChars }
        return Self.visibleTextLength(node) * 2 > main.pageVisibleChars
    }

    /// Characters of text under `node` outside scripts and styles.
    static func visibleTextLength(_ node: xmlNodePtr, depth: Int = 0) -> Int {
        guard depth < 400 else { return 0 }
        var count = 0
        for current in children(of: node) {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { count += strlen(content) }
            case XML_ELEMENT_NODE:
                if !isTag(current, "script") && !isTag(current, "style") { count += visibleTextLength(current, depth: depth + 1) }
            default:
                continue
            }
        }
        return count
    }

    /// The element that most looks like the article's own (the parent of the most, longest and
    /// least linked paragraphs, each also counting half for its grandparent), with its ancestors, as
    /// node addresses. Elements on this path are never left out for a class hint or for being a form:
    /// they are the article's wrappers ("layout-sidebar-right", ASP.NET's page-wide `<form>`), while
    /// a comment section of many short paragraphs, each in its own box, scores low. Empty when the
    /// page has no paragraph of any length.
    struct MainCandidate {
        /// The best element and its ancestors, as node addresses.
        var path: Set<Int> = []
        var top: xmlNodePtr? = nil
        var topScore = 0.0
        /// Characters of text outside links in the best element.
        var topText = 0
        /// Scores of the elements that hold paragraphs (parents and grandparents), by address.
        var scores: [Int: Double] = [:]
        /// Whether another element, apart from the best one, scores at least 0.4 times as high.
        var isSpread = false
        /// Characters of the page's paragraph text, and of all its text outside scripts and styles.
        var pageParagraphChars = 0
        var pageVisibleChars = 0
    }

    private func mainCandidate(_ root: xmlNodePtr) -> MainCandidate {
        var scores: [Int: Double] = [:]
        var nodes: [Int: xmlNodePtr] = [:]
        func visit(_ node: xmlNodePtr, depth: Int) {
            guard depth < 400 else { return }
            for current in Self.children(of: node) where current.pointee.type == XML_ELEMENT_NODE {
                if Self.isTag(current, "script") || Self.isTag(current, "style") { continue }
                guard Self.isTag(current, "p") || Self.isTag(current, "pre") else { visit(current, depth: depth + 1); continue }
                let text = Self.textContent(current)
                let length = text.unicodeScalars.count
                guard length >= 25, let parent = current.pointee.parent else { continue }
                let linked = Self.linkTextLength(current)
                let commas = text.utf8.reduce(0) { $0 + ($1 == 0x2C ? 1 : 0) }
                let score = (1 + Double(commas) + min(Double(length) / 100, 3)) * (1 - min(1, Double(linked) / Double(length)))
                let p = Int(bitPattern: parent)
                scores[p, default: 0] += score
                nodes[p] = parent
                if let grand = parent.pointee.parent, grand.pointee.type == XML_ELEMENT_NODE {
                    let g = Int(bitPattern: grand)
                    scores[g, default: 0] += score / 2
                    nodes[g] = grand
                }
            }
        }
        visit(root, depth: 0)
        // Class and id hints weigh as much as a good paragraph: a comment section of many posts can
        // outscore a short article, but not once it is named "comments".
        for (key, node) in nodes {
            if isJunkByHint(node) { scores[key, default: 0] -= 25 } else if Self.hasBodyHint(node) { scores[key, default: 0] += 25 }
        }
        // Highest score; ties to the lower address, so the choice does not depend on hashing.
        guard let best = scores.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }),
              best.value > 0, var node = nodes[best.key] else { return MainCandidate() }
        var main = MainCandidate(path: [Int(bitPattern: node)], top: node, topScore: best.value,
                                 topText: Self.visibleTextLength(node) - Self.linkTextLength(node), scores: scores)
        while let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE {
            main.path.insert(Int(bitPattern: parent))
            node = parent
        }
        // Another strong holder (0.4 of the best or more) outside the best one's line (neither its ancestor nor inside it):
        // the text is spread over the page (a blog's front page of several posts).
        main.isSpread = nodes.contains { key, candidate in
            guard key != best.key, !main.path.contains(key), (scores[key] ?? 0) >= best.value * 0.4 else { return false }
            var up = candidate.pointee.parent
            while let u = up {
                if Int(bitPattern: u) == best.key { return false }
                up = u.pointee.parent
            }
            return true
        }
        return main
    }

    /// Characters of text inside links under `node`.
    static func linkTextLength(_ node: xmlNodePtr, depth: Int = 0) -> Int {
        guard depth < 400 else { return 0 }
        var count = 0
        for current in children(of: node) where current.pointee.type == XML_ELEMENT_NODE {
            if isTag(current, "a") { count += textContent(current).unicodeScalars.count } else { count += linkTextLength(current, depth: depth + 1) }
        }
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

    private func collectText(_ node: xmlNodePtr, into out: inout TextCollector, depth: Int, main: MainCandidate) {
        guard depth < 400 else { return }
        for current in Self.children(of: node) { collectNode(current, into: &out, depth: depth, main: main) }
    }

    private func collectNode(_ current: xmlNodePtr, into out: inout TextCollector, depth: Int, main: MainCandidate) {
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
            // A form is a search box or a comment form, unless it wraps the article: ASP.NET pages
            // wrap the whole body in one, and an unclosed search form swallows the rest of a page.
            // A class or id hint ("sidebar") disqualifies an element, unless it wraps the article
            // ("layout-right-sidebar"). Without a main path, holding most of the page's paragraph
            // text is what marks a wrapper.
            let onMainPath = main.path.contains(Int(bitPattern: current))
            if Self.skippedTags.contains(name) {
                guard name == "form", onMainPath || holdsMostText(current, main) else { return }
            }
            if !onMainPath && isJunkByHint(current) && !(main.path.isEmpty && holdsMostText(current, main))
                && !holdsShareOfMain(current, main) { return }
            if name == "br" { out.breakLine(1); return }
            let block = Self.blockTags.contains(name)
            if block { out.breakLine(2) }
            if name == "a" { out.linkDepth += 1 }
            collectText(current, into: &out, depth: depth + 1, main: main)
            if name == "a" { out.linkDepth -= 1 }
            if block { out.breakLine(2) }
        default:
            return
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
        let hints = Self.hints(of: node)
        guard hints.count > 1 else { return false }
        if Self.namesBody(hints) { return false }
        return Self.junkHintMatcher.occurs(in: hints)
    }

    /// An element's class and id, lower-cased, as UTF-8 for the hint matchers.
    static func hints(of node: xmlNodePtr) -> [UInt8] {
        Array(((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "")).lowercased().utf8)
    }

    /// A class or id that names the article's body ("article-body", "story-body", "content").
    static func hasBodyHint(_ node: xmlNodePtr) -> Bool {
        let hints = Self.hints(of: node)
        return hints.count > 1 && namesBody(hints)
    }

    static func namesBody(_ hints: [UInt8]) -> Bool {
        bodyHints.occurs(in: hints) || contentHint.occurs(in: hints) && !relatedHint.occurs(in: hints)
    }

    static let junkHintMatcher = PhraseMatcher(junkHints)
    /// Junk hints for boxes that may hold much text (comments, related stories, navigation).
    static let longJunkHints = PhraseMatcher(junkHints.filter { !shortBoxHints.contains($0) })
    /// Junk hints for boxes that hold little text by nature.
    static let shortBoxHints: Set<String> = ["caption", "credit", "share", "social", "tags", "byline-share"]
    static let bodyHints = PhraseMatcher(["article-body", "story-body"])
    static let contentHint = PhraseMatcher(["content"])
    static let relatedHint = PhraseMatcher(["related"])

    // MARK: - Annotated pages

    /// The text of the elements carrying any of `classes` (and of their descendants), block by block,
    /// white space collapsed: how benchmark sets such as L3S-GN1 mark the main content of a page.
    public static func text(ofElementsWithClasses classes: Set<String>, in html: String) -> String {
        guard !html.isEmpty else { return "" }
        var bytes = byteOrderMark + Array(html.utf8)
        let doc = parseUTF8(&bytes, options: 0)
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

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Parses UTF-8 bytes that start with a byte-order mark, leniently and without network access. A byte-order mark in front, with no
    /// encoding named, tells libxml2 the input is UTF-8 without running it through a converter (which
    /// naming "UTF-8" does: a copy of the whole page); the page's own charset declaration is ignored,
    /// since the bytes were decoded to UTF-8 already.
    static func parseUTF8(_ bytes: inout [UInt8], options: UInt32) -> htmlDocPtr? {
        _ = initialised
        precondition(bytes.starts(with: byteOrderMark))
        let all = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | options)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlReadMemory(chars, Int32(clamping: buffer.count), nil, nil, all)
            }
        }
    }

    /// An element's name. libxml2's HTML parser lower-cases tag and attribute names already.
    static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The child nodes of `node`, first to last.
    static func children(of node: xmlNodePtr) -> UnfoldSequence<xmlNodePtr, xmlNodePtr?> {
        sequence(state: node.pointee.children) { next in
            guard let current = next else { return nil }
            next = current.pointee.next
            return current
        }
    }

    /// Whether an element has the given (lower-case) name, without building a string: the walks
    /// over every element of a page ask this many thousand times.
    @inline(__always) static func isTag(_ node: xmlNodePtr, _ tag: StaticString) -> Bool {
        guard let name = node.pointee.name else { return false }
        let count = tag.utf8CodeUnitCount
        let want = tag.utf8Start
        // Byte by byte, stopping at the first difference: a shorter name ends in its NUL first.
        for k in 0..<count where name[k] != want[k] { return false }
        return name[count] == 0
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
