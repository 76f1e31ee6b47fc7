import Foundation
import PrecisIngest
import PrecisJSON
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
        /// The title the head gives (og:title, JSON-LD headline or `<title>`), before the shown headline
        /// replaced it: the text's headline cut keeps reading this one.
        public var headTitle: String?
        public var authors: [String] = []
        public var date: String?
        public var url: String?
        public var site: String?
        public var language: String?
        public var text: String
        /// Where the text came from, for the no-article decision.
        public var source: Source = .wholePage
        /// The share of the page's visible text that sits inside links.
        public var linkDensity = 0.0
        /// Whether the best paragraph holder is named as a comment section (its class or id, or its
        /// parent's): the page's main text is readers' comments.
        public var holderIsComments = false
    }

    /// Which part of the page the text was read from.
    public enum Source: Sendable {
        /// An `<article>`, `<main>` or itemprop=articleBody element.
        case container
        /// The best paragraph holder and its siblings.
        case holder
        /// The whole page less its junk (no part of it stood out).
        case wholePage
    }

    static let skippedTags: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
        "select", "option", "figure", "figcaption", "template", "object", "embed", "canvas", "video", "audio",
        "input", "textarea", "label", "menu", "head", "title", "meta", "link"
    ]
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "table", "tr", "td", "th", "hr", "address", "center", "body"
    ]
    static let junkHints = [
        "share", "social", "comment", "related", "newsletter", "cookie", "advert", "promo", "sidebar", "subscribe",
        "breadcrumb", "byline-share", "popular", "recommend", "outbrain", "taboola", "paywall", "signup", "sponsor",
        "nav", "menu", "footer", "masthead", "caption", "credit", "tags"
    ]

    /// Parses `html`; a page with no text at all gives an empty `text`, never an error.
    public func parse(_ html: String) -> Page {
        var page = Page(text: "")
        // Script and style bodies, comments and unread attributes go before parsing (JSON-LD
        // stays): libxml2 spends much of its time on them and nothing here reads them.
        if html.isEmpty { return page }
        let tree = HTMLTree.parse(MarkupTrim.trim(html, leading: HTMLTree.byteOrderMark))
        guard let root = tree.root else { return page }
        let walk = Walk(tree: tree)

        page.language = tree.attribute(root, "lang")
        var metas = MetaTags()
        walk.collectMeta(into: &metas)
        page.headTitle = metas.ogTitle ?? metas.ld.headline ?? metas.title
        page.title = page.headTitle.map(Self.oneLine)
        // The headline as the page shows it: a heading whose text the title holds (the title less the
        // site's name and sections), or that holds the title (a kicker before the short og:title).
        if let shown = walk.shownHeadline(titles: [metas.ogTitle, metas.ld.headline, metas.title].compactMap { $0 }) {
            page.title = shown
        }
        page.date = (metas.published ?? metas.ld.datePublished).flatMap { PublicationDate.parseAny($0) }
        page.url = metas.canonical.flatMap(webAddress) ?? metas.ogURL.flatMap(webAddress)
        page.site = metas.siteName ?? metas.ld.publisher
        // Authors: JSON-LD, then a byline element near the headline, then the meta tags.
        page.authors = metas.ld.authors.flatMap { Byline.names($0) }
        let headline = walk.headline(title: page.title)
        if page.authors.isEmpty { page.authors = walk.bylineAuthors(after: headline) }
        if page.authors.isEmpty {
            // A meta author that is the site's own name (in the <title> or og:site_name) is the publisher.
            let siteText = ((metas.title ?? "") + " " + (metas.siteName ?? "")).lowercased()
            page.authors = metas.authors.lazy.map { Byline.names($0).filter { !siteText.contains($0.lowercased()) } }.first { !$0.isEmpty } ?? []
        }
        // Dates: a date shown with the headline, then meta and JSON-LD, then the URL, then a date just
        // over the headline (last: a masthead's "today" stands there too).
        if let shown = walk.dateNearHeadline(headline) { page.date = shown }
        if page.date == nil, let url = page.url { page.date = PublicationDate.fromURL(url) }
        if page.date == nil { page.date = walk.dateBeforeHeadline(headline) }

        let tuning = ExtractTuning.current
        var main = walk.mainCandidate()
        main.pageParagraphChars = tree.paragraphTextLength(root)
        main.pageVisibleChars = tree.visibleTextLength(root)
        var out = TextCollector(maxLinkDensity: tuning.maxLinkDensity)
        let visible = main.pageVisibleChars
        page.linkDensity = visible > 0 ? Double(tree.linkTextLength(root)) / Double(visible) : 0
        if let top = main.top { page.holderIsComments = walk.namesComments(top) || tree.parentElement(top).map(walk.namesComments) == true }
        if let container = walk.bestContainer(root, pageParagraphChars: main.pageParagraphChars) {
            page.source = .container
            walk.collectText(container, into: &out, depth: 0, main: main)
        } else if let top = main.top, let parent = tree.parentElement(top), main.topScore >= tuning.minimumTopScore, !main.isSpread,
            Double(tree.paragraphTextLength(top)) >= tuning.minimumTopShare * Double(main.pageVisibleChars - tree.linkTextLength(root))
        {
            // No <article> or <main>: the best paragraph holder, with those of its siblings that
            // score at least a fifth of it or are good paragraphs themselves, in page order.
            page.source = .holder
            for current in tree.children(of: parent) {
                let score = main.scores[current] ?? 0
                if current == top || score >= main.topScore * tuning.siblingShare || (tuning.goodSiblings && walk.isGoodSibling(current)) {
                    walk.collectNode(current, into: &out, depth: 1, main: main)
                }
            }
        } else {
            walk.collectText(root, into: &out, depth: 0, main: main)
        }
        page.text = out.finish()
        if page.date == nil, let time = metas.firstTime { page.date = PublicationDate.parseAny(time) }
        return page
    }

    // MARK: - Metadata

    /// Class and id tokens as lower-case bytes, and the word pieces the metadata rules look for in them
    /// (compared byte by byte: Foundation's string search cost more than the rest of the page's reading).
    enum Hint {
        static let byline = bytes(["byline", "by-line", "author", "writer", "verfasser"])
        static let bylineWhole = bytes(["autor", "auteur", "by"])
        static let notByline = bytes(["comment", "avatar", "image", "photo", "img", "bio", "more"])
        static let date = bytes(["date", "time", "posted", "publish", "datum", "meta"])
        static let notDate = bytes(["update", "modif", "comment"])
        static let comments = bytes(["comment", "disqus", "reply", "replies"])
        static let aside = bytes(["comment", "sidebar", "footer", "related", "reply", "respond", "widget", "teaser", "promo", "discussion"])

        /// What every byline hint holds somewhere (a cheap test before the tokens are made).
        static let bylineCue = bytes(["by", "aut", "writer", "verfasser"])

        static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

        /// Whether `value` holds one of `needles`, ASCII case ignored, without copying it.
        static func mentions(_ value: String, anyOf needles: [[UInt8]]) -> Bool {
            var value = value
            return value.withUTF8 { buffer in
                needles.contains { needle in
                    guard buffer.count >= needle.count else { return false }
                    var i = 0
                    while i + needle.count <= buffer.count {
                        var k = 0
                        while k < needle.count {
                            let b = buffer[i + k]
                            if (b >= 65 && b <= 90 ? b | 0x20 : b) != needle[k] { break }
                            k += 1
                        }
                        if k == needle.count { return true }
                        i += 1
                    }
                    return false
                }
            }
        }

        static func tokens(_ value: String) -> [ArraySlice<UInt8>] {
            let lower = value.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
            return lower.split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 })
        }

        static func has(_ token: ArraySlice<UInt8>, anyOf needles: [[UInt8]]) -> Bool {
            needles.contains { needle in
                guard token.count >= needle.count else { return false }
                var i = token.startIndex
                while i + needle.count <= token.endIndex {
                    if token[i] == needle[0] && token[i..<i + needle.count].elementsEqual(needle) { return true }
                    i += 1
                }
                return false
            }
        }

        static func equals(_ token: ArraySlice<UInt8>, anyOf words: [[UInt8]]) -> Bool {
            words.contains { token.elementsEqual($0) }
        }
    }

    /// `text` on one line, runs of white space as one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    struct MetaTags {
        var title: String?
        var ogTitle: String?
        var published: String?
        var canonical: String?
        var ogURL: String?
        var siteName: String?
        var firstTime: String?
        var authors: [String] = []
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
            "BlogPosting", "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "Report"
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

    // The numbers of the choice below (least score and share of the best holder, hint weight, ...)
    // are in `ExtractTuning`, checked leave-one-set-out by scripts/cv_extract.py.

    /// The element that most looks like the article's own (the parent of the most, longest and
    /// least linked paragraphs, each also counting half for its grandparent), with its ancestors.
    /// Elements on this path are never left out for a class hint or for being a form: they are the
    /// article's wrappers ("layout-sidebar-right", ASP.NET's page-wide `<form>`), while a comment
    /// section of many short paragraphs, each in its own box, scores low. Empty when the page has no
    /// paragraph of any length.
    struct MainCandidate {
        /// The best element and its ancestors.
        var path: Set<Int> = []
        var top: HTMLTree.Node? = nil
        var topScore = 0.0
        /// Characters of text outside links in the best element.
        var topText = 0
        /// Scores of the elements that hold paragraphs (parents and grandparents).
        var scores: [Int: Double] = [:]
        /// Whether another element, apart from the best one, scores at least 0.4 times as high.
        var isSpread = false
        /// Characters of the page's paragraph text, and of all its text outside scripts and styles.
        var pageParagraphChars = 0
        var pageVisibleChars = 0
    }

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
                let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
            else { return "" }
            return String(scalars[first...last])
        }

        /// The text gathered, the last block included.
        mutating func finish() -> String {
            finishBlock()
            return text
        }
    }

    /// Elements whose class or id never disqualifies them: pages put state markers on them
    /// ("navbar-is-static-top" on body) that look like junk hints.
    static let neverJunk: Set<String> = ["html", "body", "main", "article"]

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

    /// The walks over one page's tree.
    struct Walk {
        let tree: HTMLTree

        // MARK: Metadata

        /// Reads the page's metadata elements, first to last (the first of each kind counts).
        func collectMeta(into metas: inout MetaTags) {
            // Only five names matter; elements are told apart by name index, without strings.
            let title = tree.nameIndex("title"), meta = tree.nameIndex("meta"), link = tree.nameIndex("link")
            let time = tree.nameIndex("time"), script = tree.nameIndex("script")
            for current in 1..<tree.records.count {
                let name = tree.records[current].name
                guard name >= 0, name == title || name == meta || name == link || name == time || name == script else { continue }
                switch name {
                case title:
                    if metas.title == nil { metas.title = tree.textContent(current).trimmingCharacters(in: .whitespacesAndNewlines) }
                case meta:
                    let key = (tree.attribute(current, "property") ?? tree.attribute(current, "name") ?? tree.attribute(current, "itemprop") ?? "").lowercased()
                    let content = tree.attribute(current, "content")
                    switch key {
                    case "og:title", "twitter:title": metas.ogTitle = metas.ogTitle ?? content
                    case "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
                        "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created",
                        "sailthru.date", "parsely-pub-date", "article.published", "published_time", "publication_date", "date.published",
                        "original-publish-date", "article_date_original", "cxenseparse:recs:publishtime":
                        metas.published = metas.published ?? content
                    case "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "twitter:creator:name":
                        // article:author is often a profile URL, not a name: Byline refuses those.
                        if let content, !content.isEmpty { metas.authors.append(content) }
                    case "og:url": metas.ogURL = metas.ogURL ?? content
                    case "og:site_name": metas.siteName = metas.siteName ?? content
                    default: break
                    }
                case link:
                    if tree.attribute(current, "rel")?.lowercased() == "canonical" { metas.canonical = metas.canonical ?? tree.attribute(current, "href") }
                case time:
                    if metas.firstTime == nil { metas.firstTime = tree.attribute(current, "datetime") ?? tree.textContent(current) }
                default:
                    if tree.attribute(current, "type")?.lowercased() == "application/ld+json" { metas.ld.read(tree.textContent(current)) }
                }
            }
        }

        // MARK: Headline, byline, dateline

        /// Where the page's headline is in the tree's text (byte offsets): the first `<h1>` (else `<h2>`)
        /// whose text is in the title or holds its opening words; else the title's opening words found
        /// in the page text (tables of old pages have no heading elements); else the first `<h1>`.
        func headline(title: String?) -> Range<Int>? {
            let h1 = tree.nameIndex("h1"), h2 = tree.nameIndex("h2")
            let wanted = title.map { Self.squeeze($0) } ?? ""
            var firstH1: HTMLTree.Node? = nil
            for pass in 0..<2 {
                let tag = pass == 0 ? h1 : h2
                guard tag >= 0 else { continue }
                for current in 1..<tree.records.count where tree.records[current].name == tag {
                    if pass == 0 && firstH1 == nil { firstH1 = current }
                    guard tree.visibleTextLength(current) <= 600 else { continue }
                    let text = Self.squeeze(tree.textContent(current))
                    guard text.count >= 8, !wanted.isEmpty else { continue }
                    if wanted.contains(text) || text.contains(wanted) || (wanted.count >= 20 && text.hasPrefix(String(wanted.prefix(20)))) {
                        return Int(tree.records[current].textStart)..<Int(tree.records[current].textEnd)
                    }
                }
            }
            if let title {
                let words = title.split(separator: " ").prefix(6).joined(separator: " ")
                let needle = Array(words.utf8)
                let titleTag = tree.nameIndex("title")
                let skip =
                    titleTag < 0
                    ? 0..<0
                    : (1..<tree.records.count).first { tree.records[$0].name == titleTag }
                        .map { Int(tree.records[$0].textStart)..<Int(tree.records[$0].textEnd) } ?? 0..<0
                if needle.count >= 12 {
                    var from = 0
                    while let at = Self.find(needle, in: tree.text, from: from) {
                        if !skip.contains(at) { return at..<at + needle.count }
                        from = at + 1
                    }
                }
            }
            return firstH1.map { Int(tree.records[$0].textStart)..<Int(tree.records[$0].textEnd) }
        }

        static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
            guard let first = needle.first, haystack.count >= needle.count else { return nil }
            var i = from
            let last = haystack.count - needle.count
            while i <= last {
                if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) { return i }
                i += 1
            }
            return nil
        }

        /// The text of the first `<h1>` (else `<h2>`, `<h3>`) that one of `titles` holds or that holds
        /// one of them, on one line; nil when no heading is the title.
        func shownHeadline(titles: [String]) -> String? {
            let wanted = titles.map { Self.squeeze($0) }.filter { $0.count >= 8 }
            guard !wanted.isEmpty else { return nil }
            for tag in ["h1", "h2", "h3"] {
                let index = tree.nameIndex(tag)
                guard index >= 0 else { continue }
                for current in 1..<tree.records.count where tree.records[current].name == index {
                    let length = tree.visibleTextLength(current)
                    guard length >= 8, length <= 600 else { continue }
                    let text = HTMLExtractor.oneLine(tree.textContent(current))
                    let key = Self.squeeze(text)
                    guard key.count >= 8, text.count <= 300, text.split(separator: " ").count >= 2 else { continue }
                    if wanted.contains(where: { $0.contains(key) || key.contains($0) }) { return text }
                }
            }
            return nil
        }

        static func squeeze(_ text: String) -> String {
            String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
        }

        /// Whether `node` or an ancestor is a comment section, a sidebar or a footer (bylines there are
        /// of other stories or of readers).
        func inAside(_ node: HTMLTree.Node) -> Bool {
            var current: HTMLTree.Node? = node
            var steps = 0
            while let n = current, n != HTMLTree.document, steps < 40 {
                if tree.isTag(n, "aside") || tree.isTag(n, "footer") || tree.isTag(n, "nav") { return true }
                // Class and id tokens.
                for value in [tree.attribute(n, "class"), tree.attribute(n, "id")] {
                    guard let value else { continue }
                    if Hint.tokens(value).contains(where: { token in
                        Hint.has(token, anyOf: Hint.aside)
                    }) {
                        return true
                    }
                }
                current = tree.parent(n)
                steps += 1
            }
            return false
        }

        static func isBylineHint(_ value: String) -> Bool {
            guard Hint.mentions(value, anyOf: Hint.bylineCue) else { return false }
            return Hint.tokens(value).contains { token in
                guard !Hint.has(token, anyOf: Hint.notByline) else { return false }
                return Hint.has(token, anyOf: Hint.byline) || Hint.equals(token, anyOf: Hint.bylineWhole)
            }
        }

        /// The text under `node` with a line break at each block element, `<br>` and `<time>`.
        func lines(_ node: HTMLTree.Node) -> String {
            var out = ""
            func visit(_ n: HTMLTree.Node, depth: Int) {
                guard depth < 12 else { return }
                for child in tree.children(of: n) {
                    if tree.isText(child) { out += tree.textContent(child); continue }
                    let name = tree.name(child)
                    let block = !["a", "span", "strong", "b", "em", "i", "font", "u", "small", "abbr", "cite"].contains(name)
                    if block { out += "\n" }
                    visit(child, depth: depth + 1)
                    if block { out += "\n" }
                }
            }
            visit(node, depth: 0)
            return out
        }

        /// Authors from the byline elements of the article (itemprop=author, rel=author, class or id
        /// byline/author/writer): the first that gives a person's name, near the headline when there is
        /// one, outside comment sections and sidebars.
        func bylineAuthors(after headline: Range<Int>?) -> [String] {
            let start = headline.map { $0.lowerBound - 600 } ?? Int.min
            let end = headline.map { $0.upperBound + 3000 } ?? Int.max
            var fallback: [String] = []
            for current in 1..<tree.records.count {
                if tree.isText(current) { continue }
                let at = Int(tree.records[current].textStart)
                // Before the window nothing counts; past it, only the first byline found anywhere after.
                if at < start { continue }
                if at > end && !fallback.isEmpty { break }
                let itemprop = tree.attribute(current, "itemprop")?.lowercased()
                let rel = tree.attribute(current, "rel")?.lowercased()
                let isAuthor = itemprop == "author" || itemprop == "creator" || rel == "author"
                // A "By X" line of any element just after the headline.
                if let headline, at >= headline.upperBound, at <= headline.upperBound + 600,
                    !tree.isTag(current, "p") || tree.visibleTextLength(current) <= 120,
                    tree.visibleTextLength(current) <= 160, let head = Self.opening(tree.textBytes(current)), Byline.stripPrefix(head) != nil
                {
                    let names = Byline.names(lines(current), requirePrefix: true)
                    if !names.isEmpty { return names }
                }
                guard isAuthor || Self.isBylineHint(tree.attribute(current, "class") ?? "") || Self.isBylineHint(tree.attribute(current, "id") ?? "") else {
                    continue
                }
                guard !tree.isTag(current, "meta"), !tree.isTag(current, "link"), !tree.isTag(current, "body"), !tree.isTag(current, "html") else { continue }
                let length = tree.visibleTextLength(current)
                guard length > 1, length <= 300, !inAside(current) else { continue }
                var text = lines(current)
                if isAuthor, let name = firstDescendant(of: current, itemprop: "name") { text = tree.textContent(name) }
                let names = Byline.names(text)
                guard !names.isEmpty else { continue }
                if at <= end { return names }
                if fallback.isEmpty && headline != nil { fallback = names }
            }
            return fallback
        }

        /// The first dozen characters of a text, spaces squeezed, or nil when it is empty.
        /// Only a text that could start with a byline prefix ("By", "Von", "Par", "Posted by", "Written
        /// by", "Story by", "Words by", "Text:", "Autor:", "Author:") is made: most elements by the
        /// headline start otherwise, and splitting their text into Characters was 2% of extraction.
        static func opening(_ bytes: ArraySlice<UInt8>) -> String? {
            if let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }), first < 0x80 {
                guard Self.bylineInitials.contains(first | 0x20) else { return nil }
            }
            let text = String(decoding: bytes.prefix(40), as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            return text.isEmpty ? nil : text
        }

        /// The first letters of `Byline.stripPrefix`'s prefixes, lower case.
        static let bylineInitials: Set<UInt8> = Set("bvpwsta".utf8)

        func firstDescendant(of node: HTMLTree.Node, itemprop: String) -> HTMLTree.Node? {
            for child in tree.children(of: node) where tree.isElement(child) {
                if tree.attribute(child, "itemprop")?.lowercased() == itemprop { return child }
                if let found = firstDescendant(of: child, itemprop: itemprop) { return found }
            }
            return nil
        }

        /// The publication date shown with the headline: a `<time datetime>` or itemprop=datePublished
        /// element just before or after it, else the first date written in the text just after it.
        func dateNearHeadline(_ headline: Range<Int>?) -> String? {
            guard let headline else { return nil }
            let hStart = headline.lowerBound, hEnd = headline.upperBound
            let from = max(0, hStart - 600), to = min(tree.text.count, hEnd + 800)
            var timeDate: String? = nil
            for current in 1..<tree.records.count where tree.isElement(current) {
                let at = Int(tree.records[current].textStart)
                if at > to { break }
                guard at >= from else { continue }
                let itemprop = tree.attribute(current, "itemprop")?.lowercased()
                if tree.isTag(current, "time") || itemprop == "datepublished" || itemprop == "datecreated" {
                    let value = tree.attribute(current, "datetime") ?? tree.attribute(current, "content") ?? tree.textContent(current)
                    if timeDate == nil, !inAside(current), let date = PublicationDate.parseAny(value) { timeDate = date }
                    continue
                }
                // A dateline element ("timestamp", "date", "posted", "dateline") shown by the headline.
                guard let hint = tree.attribute(current, "class") ?? tree.attribute(current, "id"), Self.isDateHint(hint),
                    tree.visibleTextLength(current) <= 120, !inAside(current)
                else { continue }
                if let date = PublicationDate.first(in: tree.textContent(current)) { return date }
            }
            if let timeDate { return timeDate }
            // The first date in the text after the headline, else the last one just before it.
            let after = String(decoding: tree.text[hEnd..<min(tree.text.count, hEnd + 500)], as: UTF8.self)
            return PublicationDate.first(in: after)
        }

        /// The date written just before the headline (a dateline over it), the one closest to it.
        func dateBeforeHeadline(_ headline: Range<Int>?) -> String? {
            guard let headline else { return nil }
            let before = String(decoding: tree.text[max(0, headline.lowerBound - 120)..<headline.lowerBound], as: UTF8.self)
            return PublicationDate.last(in: before)
        }

        static func isDateHint(_ value: String) -> Bool {
            guard Hint.mentions(value, anyOf: Hint.date) else { return false }
            return Hint.tokens(value).contains { token in
                !Hint.has(token, anyOf: Hint.notDate) && Hint.has(token, anyOf: Hint.date)
            }
        }

        // MARK: Content

        /// The `<article>` or `<main>` holding the most paragraph text, if it holds at least a third
        /// of the page's (`total`, counted once by the caller).
        func bestContainer(_ root: HTMLTree.Node, pageParagraphChars total: Int) -> HTMLTree.Node? {
            var best: (node: HTMLTree.Node, chars: Int)? = nil
            // Every element in document order (the tree's order); the first of equals wins.
            for node in 1..<tree.records.count where tree.isElement(node) {
                guard tree.isTag(node, "article") || tree.isTag(node, "main") || tree.attribute(node, "itemprop") == "articleBody" else { continue }
                let chars = tree.paragraphTextLength(node)
                if best == nil || chars > best!.chars { best = (node, chars) }
            }
            guard let best, best.chars > 0, Double(best.chars) >= Double(total) * ExtractTuning.current.containerShare else { return nil }
            return best.node
        }

        /// Whether `node` sits inside the best paragraph holder and holds a quarter or more of its
        /// text outside links: a box of the article whatever its name (a story wrapped, in part, in a
        /// "wp-caption-text" box).
        func holdsShareOfMain(_ node: HTMLTree.Node, _ main: MainCandidate) -> Bool {
            guard ExtractTuning.current.shareOfMain, let top = main.top, main.topText > 0 else { return false }
            // Only names of things that are short by nature (a caption, a credit, a share bar): a box
            // named for comments or related stories is long by nature and stays out.
            guard !HTMLExtractor.longJunkHints.occurs(in: hints(of: node)) else { return false }
            var up = tree.parent(node)
            while let u = up, u != top { up = tree.parent(u) }
            guard up != nil else { return false }
            return (tree.visibleTextLength(node) - tree.linkTextLength(node)) * 4 >= main.topText
        }

        /// Text beside the main element that belongs with it: a run of text of some length, or an
        /// element with a good deal of text and few links (a paragraph, text set off by `<br>`).
        func isGoodSibling(_ node: HTMLTree.Node) -> Bool {
            if tree.isText(node) {
                return tree.textBytes(node).reduce(0) { $0 + ($1 > 0x20 ? 1 : 0) } >= 25
            }
            guard tree.isElement(node) else { return false }
            let length = tree.visibleTextLength(node)
            return length >= 100 && tree.linkTextLength(node) * 3 < length
        }

        /// Whether `node` holds more than half of the page's paragraph text; on a page without
        /// paragraphs (text set off by `<br>`), more than half of its text.
        func holdsMostText(_ node: HTMLTree.Node, _ main: MainCandidate) -> Bool {
            if main.pageParagraphChars > 0 { return tree.paragraphTextLength(node) * 2 > main.pageParagraphChars }
            return tree.visibleTextLength(node) * 2 > main.pageVisibleChars
        }

        func mainCandidate() -> MainCandidate {
            let tuning = ExtractTuning.current
            var scores: [Int: Double] = [:]
            // Every paragraph of the page, first to last (scripts and styles hold no elements).
            let p = tree.nameIndex("p"), pre = tree.nameIndex("pre")
            for current in 1..<tree.records.count {
                let name = tree.records[current].name
                guard name >= 0, name == p || name == pre else { continue }
                var length = 0, commas = 0
                for b in tree.textBytes(current) {
                    if b & 0xC0 != 0x80 { length += 1 }
                    if b == 0x2C { commas += 1 }
                }
                guard length >= tuning.minimumParagraph, let parent = tree.parentElement(current) else { continue }
                let linked = tree.linkTextLength(current)
                let score = (1 + Double(commas) + min(Double(length) / 100, 3)) * (1 - min(1, Double(linked) / Double(length)))
                scores[parent, default: 0] += score
                if let grand = tree.parentElement(parent) {
                    scores[grand, default: 0] += score / 2
                }
            }
            // Class and id hints weigh as much as a good paragraph: a comment section of many posts
            // can outscore a short article, but not once it is named "comments".
            for node in Array(scores.keys) {
                if isJunkByHint(node) {
                    scores[node, default: 0] -= tuning.hintWeight
                } else if hasBodyHint(node) {
                    scores[node, default: 0] += tuning.hintWeight
                }
            }
            // Highest score; ties to the node first in the page, so the choice does not depend on hashing.
            guard let best = scores.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }),
                best.value > 0
            else { return MainCandidate() }
            var node = best.key
            var main = MainCandidate(
                path: [node], top: node, topScore: best.value,
                topText: tree.visibleTextLength(node) - tree.linkTextLength(node), scores: scores)
            while let parent = tree.parentElement(node) {
                main.path.insert(parent)
                node = parent
            }
            // Another strong holder (0.4 of the best or more) outside the best one's line (neither
            // its ancestor nor inside it): the text is spread over the page (a blog's front page).
            main.isSpread = scores.contains { candidate, score in
                guard candidate != best.key, !main.path.contains(candidate), score >= best.value * tuning.spreadShare else { return false }
                var up = tree.parent(candidate)
                while let u = up {
                    if u == best.key { return false }
                    up = tree.parent(u)
                }
                return true
            }
            return main
        }

        func collectText(_ node: HTMLTree.Node, into out: inout TextCollector, depth: Int, main: MainCandidate) {
            guard depth < 400 else { return }
            for current in tree.children(of: node) { collectNode(current, into: &out, depth: depth, main: main) }
        }

        func collectNode(_ current: HTMLTree.Node, into out: inout TextCollector, depth: Int, main: MainCandidate) {
            if tree.isText(current) {
                // Line breaks in markup are spaces.
                var bytes = Array(tree.textBytes(current))
                for k in bytes.indices where bytes[k] == 0x0A || bytes[k] == 0x0D { bytes[k] = 0x20 }
                out.append(String(decoding: bytes, as: UTF8.self))
                return
            }
            let name = tree.name(current)
            // A form is a search box or a comment form, unless it wraps the article: ASP.NET pages
            // wrap the whole body in one, and an unclosed search form swallows the rest of a page.
            // A class or id hint ("sidebar") disqualifies an element, unless it wraps the article
            // ("layout-right-sidebar"). Without a main path, holding most of the page's paragraph
            // text is what marks a wrapper.
            let onMainPath = main.path.contains(current)
            if HTMLExtractor.skippedTags.contains(name) {
                guard name == "form", onMainPath || holdsMostText(current, main) else { return }
            }
            if !onMainPath && isJunkByHint(current) && !(main.path.isEmpty && holdsMostText(current, main))
                && !holdsShareOfMain(current, main)
            {
                return
            }
            if name == "br" { out.breakLine(1); return }
            let block = HTMLExtractor.blockTags.contains(name)
            if block { out.breakLine(2) }
            if name == "a" { out.linkDepth += 1 }
            collectText(current, into: &out, depth: depth + 1, main: main)
            if name == "a" { out.linkDepth -= 1 }
            if block { out.breakLine(2) }
        }

        func isJunkByHint(_ node: HTMLTree.Node) -> Bool {
            if HTMLExtractor.neverJunk.contains(tree.name(node)) { return false }
            if tree.attribute(node, "hidden") != nil || tree.attribute(node, "aria-hidden") == "true" { return true }
            let role = tree.attribute(node, "role")?.lowercased()
            if role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" { return true }
            let hints = hints(of: node)
            guard hints.count > 1 else { return false }
            if HTMLExtractor.namesBody(hints) { return false }
            return HTMLExtractor.junkHintMatcher.occurs(in: hints)
        }

        /// An element's class and id, lower-cased, as UTF-8 for the hint matchers.
        func hints(of node: HTMLTree.Node) -> [UInt8] {
            Array(((tree.attribute(node, "class") ?? "") + " " + (tree.attribute(node, "id") ?? "")).lowercased().utf8)
        }

        /// Whether a class or id token of `node` names readers' comments ("comments", "comment-list").
        func namesComments(_ node: HTMLTree.Node) -> Bool {
            for value in [tree.attribute(node, "class"), tree.attribute(node, "id")] {
                guard let value, Hint.mentions(value, anyOf: Hint.comments) else { continue }
                if Hint.tokens(value).contains(where: { Hint.has($0, anyOf: Hint.comments) }) { return true }
            }
            return false
        }

        /// A class or id that names the article's body ("article-body", "story-body", "content").
        func hasBodyHint(_ node: HTMLTree.Node) -> Bool {
            let hints = hints(of: node)
            return hints.count > 1 && HTMLExtractor.namesBody(hints)
        }
    }

    // MARK: - Annotated pages

    /// The text of the elements carrying any of `classes` (and of their descendants), block by block,
    /// white space collapsed: how benchmark sets such as L3S-GN1 mark the main content of a page.
    public static func text(ofElementsWithClasses classes: Set<String>, in html: String) -> String {
        guard !html.isEmpty else { return "" }
        let tree = HTMLTree.parse(HTMLTree.byteOrderMark + Array(html.utf8), keepBlanks: true)
        var pieces: [String] = []
        func collect(_ node: HTMLTree.Node, inside: Bool, depth: Int) {
            guard depth < 400 else { return }
            for current in tree.children(of: node) {
                if tree.isText(current) {
                    if inside { pieces.append(tree.textContent(current)) }
                } else if tree.isElement(current) {
                    if tree.isRawText(current) { continue }
                    let own = (tree.attribute(current, "class") ?? "").split(separator: " ").contains { classes.contains(String($0)) }
                    collect(current, inside: inside || own, depth: depth + 1)
                }
            }
        }
        collect(HTMLTree.document, inside: false, depth: 0)
        return pieces.map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
