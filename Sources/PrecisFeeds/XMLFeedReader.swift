import Foundation

/// Maps an XML document onto `Feed`: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and CDF. Like the
/// readers people actually use, it is liberal: an element from any of the vocabularies (RSS, Atom,
/// Dublin Core, content, xhtml) is read wherever it turns up in a channel, item or entry.
struct XMLFeedReader {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rss10 = "http://purl.org/rss/1.0/"

    /// Canonical prefixes of the namespaces read, so that any prefix a feed chooses works.
    static let prefixes: [String: String] = [
        "": "", rss10: "", rss090: "", "http://backend.userland.com/rss2": "", "http://backend.userland.com/rss": "",
        "http://blogs.law.harvard.edu/tech/rss": "", "http://purl.org/net/rss1.1#": "",
        atom10: "atom", atom03: "atom", "http://purl.org/atom/ns#draft-ietf-atompub-format-08": "atom",
        rdf: "rdf", xhtml: "xhtml",
        "http://purl.org/dc/elements/1.1/": "dc", "http://purl.org/dc/elements/1.0/": "dc",
        "http://purl.org/dc/terms/": "dcterms",
        "http://purl.org/rss/1.0/modules/content/": "content",
        "http://webns.net/mvcb/": "admin",
        "http://purl.org/rss/1.0/modules/slash/": "slash",
        "http://wellformedweb.org/CommentAPI/": "wfw",
        "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes", "http://example.com/DTDs/PodCast-1.0.dtd": "itunes",
        "http://search.yahoo.com/mrss/": "media", "http://search.yahoo.com/mrss": "media",
        "http://web.resource.org/cc/": "cc", "http://backend.userland.com/creativeCommonsRssModule": "creativecommons"
    ]

    var warnings: [String] = []

    static func key(_ e: XElement) -> String {
        let local = e.name.lowercased()
        if let p = prefixes[e.namespace] { return p.isEmpty ? local : p + ":" + local }
        if let p = e.prefix?.lowercased() { return p + ":" + local }
        return local
    }

    // MARK: - Document

    mutating func read(_ root: XElement, doctype: String?) throws(FeedError) -> Feed {
        var root = root
        var guessedAtom = false
        if root.name == "feed", Self.prefixes[root.namespace] != "atom" {
            // A feed root in no namespace or an unknown one: read its vocabulary as Atom's.
            let target = root.attribute("version") == "0.3" ? Self.atom03 : Self.atom10
            Self.renamespace(&root, from: root.namespace, to: target)
            guessedAtom = true
        }
        let rootKey = Self.key(root)
        var feed: Feed
        var itemElements: [XElement] = []
        var channel: XElement?
        switch rootKey {
        case "rss", "rss:rss":
            let version = root.attribute("version")?.trimmingWhitespace ?? ""
            switch version {
            case "0.91": feed = Feed(format: (doctype ?? "").lowercased().contains("netscape") ? "rss091n" : "rss091u")
            case "0.92": feed = Feed(format: "rss092")
            case "0.93": feed = Feed(format: "rss093")
            case "0.94": feed = Feed(format: "rss094")
            case _ where version.hasPrefix("2"): feed = Feed(format: "rss20")
            default: feed = Feed(format: "rss")
            }
            channel = root.elements.first { Self.key($0) == "channel" }
            itemElements = (channel?.elements ?? []).filter { Self.key($0) == "item" } + root.elements.filter { Self.key($0) == "item" }
        case "rdf:rdf":
            let ch = root.elements.first { $0.name.lowercased() == "channel" }
            let rss090 = ch?.namespace == Self.rss090 || root.attributes.contains { $0.value == Self.rss090 }
            feed = Feed(format: rss090 ? "rss090" : "rss10")
            channel = ch
            itemElements =
                root.elements.filter { $0.name.lowercased() == "item" }
                + (ch?.elements ?? []).filter { $0.name.lowercased() == "item" }
        case "atom:feed":
            if root.namespace == Self.atom10 && !guessedAtom {
                feed = Feed(format: "atom10")
            } else {
                switch root.attribute("version") ?? "" {
                case "0.1": feed = Feed(format: "atom01")
                case "0.2": feed = Feed(format: "atom02")
                case "0.3": feed = Feed(format: "atom03")
                default: feed = Feed(format: "atom")
                }
            }
            channel = root
            itemElements = root.elements.filter { Self.key($0) == "atom:entry" || Self.key($0) == "atom:item" }
        case "channel":
            feed = Feed(format: "cdf")
            var cdf = root
            Self.applyCDFBase(&cdf, base: root.base)
            channel = cdf
            itemElements = cdf.elements.filter { Self.key($0) == "item" }
        case "atom:entry":
            // A lone Atom entry document.
            feed = Feed(format: root.namespace == Self.atom10 ? "atom10" : "atom03")
            itemElements = [root]
        case "html", "xhtml:html":
            throw .htmlPage
        default:
            throw .notAFeed(root.name)
        }
        if let channel {
            var fields = Fields()
            read(channel, into: &fields, level: .feed)
            if feed.format == "cdf" { readCDFAttributes(channel, into: &fields) }
            fields.apply(to: &feed)
            if feed.format.hasPrefix("atom"), feed.language == nil { feed.language = channel.language.flatMap(Self.languageTag) }
        }
        for element in itemElements {
            var fields = Fields()
            read(element, into: &fields, level: .entry)
            if feed.format == "cdf" { readCDFAttributes(element, into: &fields) }
            var item = FeedItem()
            fields.apply(to: &item)
            feed.items.append(item)
        }
        feed.warnings += warnings
        return feed
    }

    static func renamespace(_ e: inout XElement, from old: String, to new: String) {
        if e.namespace == old { e.namespace = new }
        for k in e.children.indices {
            if case .element(var c) = e.children[k] {
                renamespace(&c, from: old, to: new)
                e.children[k] = .element(c)
            }
        }
    }

    /// CDF's BASE attribute works like xml:base for the element and all below it.
    static func applyCDFBase(_ e: inout XElement, base: String?) {
        var base = base
        if let b = e.attribute("base") {
            let resolved = URLResolution.resolve(b, against: base)
            if !URLResolution.isRefusedBase(resolved) { base = resolved }
        }
        e.base = base
        for k in e.children.indices {
            if case .element(var c) = e.children[k] {
                applyCDFBase(&c, base: base)
                e.children[k] = .element(c)
            }
        }
    }

    mutating func readCDFAttributes(_ e: XElement, into f: inout Fields) {
        if let href = e.attribute("href"), let link = safeLink(href, base: e.base) {
            if f.link == nil { f.link = link }
            f.links.append(FeedLink(href: link, rel: "alternate", type: "text/html"))
        }
        if let lastmod = e.attribute("lastmod"), f.updated == nil { f.updated = date(lastmod) }
    }

    // MARK: - Fields

    enum Level { case feed, entry, source }

    /// Everything a channel, item, entry or source may carry; applied to the public types at the end.
    struct Fields {
        var title: FeedText?
        var subtitle: FeedText?
        var summary: FeedText?
        var content: [FeedText] = []
        var rights: FeedText?
        var link: String?
        var links: [FeedLink] = []
        var id: String?
        var guidIsPermalink = false
        var language: String?
        var published: FeedDate?
        var updated: FeedDate?
        var created: FeedDate?
        var expired: FeedDate?
        var authors: [FeedPerson] = []
        var contributors: [FeedPerson] = []
        var publisher: FeedPerson?
        var categories: [FeedCategory] = []
        var enclosures: [FeedLink] = []
        var comments: String?
        var generator: FeedGenerator?
        var image: FeedImage?
        var icon: String?
        var logo: String?
        var source: FeedSource?
        var extras: [String: String] = [:]
        var texts: [String: FeedText] = [:]
        var media: [FeedMedia] = []
        var thumbnails: [FeedMedia] = []
        /// Titles and descriptions from Media RSS and iTunes, used when the feed gives none of its own.
        var fallbackTitle: FeedText?
        var fallbackSummary: FeedText?
        var fallbackSubtitle: FeedText?

        func apply(to feed: inout Feed) {
            feed.title = title
            feed.subtitle = subtitle ?? summary
            feed.rights = rights
            feed.link = link
            feed.links = links
            feed.id = id
            feed.language = language
            feed.updated = updated
            feed.published = published
            feed.authors = authors
            feed.contributors = contributors
            feed.publisher = publisher
            feed.categories = categories
            feed.generator = generator
            feed.image = image
            feed.icon = icon
            feed.logo = logo
            feed.extras = extras
            feed.otherTexts = texts
        }

        func apply(to item: inout FeedItem) {
            item.id = id
            item.linkFromGuid = guidIsPermalink
            item.title = title
            item.link = link
            item.links = links
            item.published = published
            item.updated = updated
            item.created = created
            item.expired = expired
            item.authors = authors
            item.contributors = contributors
            item.publisher = publisher
            item.summary = summary ?? subtitle
            item.content = content
            item.categories = categories
            item.enclosures = enclosures
            item.comments = comments
            item.rights = rights
            item.language = language
            item.source = source
            item.extras = extras
            item.otherTexts = texts
            item.media = media
            item.thumbnails = thumbnails
        }

        var asSource: FeedSource {
            var s = FeedSource()
            s.title = title
            s.subtitle = subtitle
            s.link = link
            s.links = links
            s.id = id
            s.updated = updated
            s.authors = authors
            s.contributors = contributors
            s.categories = categories
            s.rights = rights
            s.generator = generator
            s.icon = icon
            s.logo = logo
            return s
        }
    }

    /// Reads the children of a channel, item, entry or source into `f`; `finish` (not for a Media RSS
    /// group, read as part of its item) applies the fallbacks once all children are read.
    mutating func read(_ container: XElement, into f: inout Fields, level: Level, finish: Bool = true) {
        for e in container.elements {
            let key = Self.key(e)
            switch key {
            case "item", "atom:entry", "atom:item":
                continue  // read on their own
            case "title", "atom:title", "dc:title":
                if f.title == nil { f.title = text(e, defaultType: "text/plain") }
            case "link":
                if e.hasElementChildren || e.text.trimmingWhitespace.isEmpty {
                    if let href = e.attribute("href"), let l = safeLink(href, base: e.base) {
                        f.links.append(FeedLink(href: l, rel: e.attribute("rel") ?? "alternate", type: e.attribute("type")))
                        if f.link == nil { f.link = l }
                    }
                    continue
                }
                if let l = safeLink(e.text, base: e.base) {
                    if f.link == nil { f.link = l }
                    if !f.links.contains(where: { $0.href == l && $0.rel == "alternate" }) {
                        f.links.append(FeedLink(href: l, rel: "alternate", type: "text/html"))
                    }
                }
            case "atom:link":
                readAtomLink(e, into: &f)
            case "cc:license", "creativecommons:license":
                if let l = safeLink(e.attribute("resource") ?? e.text, base: e.base) { f.links.append(FeedLink(href: l, rel: "license")) }
            case "description", "dc:description":
                let t = text(e, defaultType: "text/html")
                if level == .feed { if f.subtitle == nil { f.subtitle = t } } else if f.summary == nil { f.summary = t }
            case "abstract":
                let t = text(e, defaultType: "text/plain")
                if level == .feed { if f.subtitle == nil { f.subtitle = t } } else if f.summary == nil { f.summary = t }
            case "atom:summary":
                if f.summary == nil { f.summary = text(e, defaultType: "text/plain") }
            case "atom:subtitle", "atom:tagline":
                if f.subtitle == nil { f.subtitle = text(e, defaultType: "text/plain") }
            case "atom:info":
                f.texts["info"] = text(e, defaultType: "text/plain")
            case "content:encoded":
                f.content.append(text(e, defaultType: "text/html"))
            case "atom:content":
                f.content.append(text(e, defaultType: "text/plain"))
            case "fullitem":
                f.content.append(text(e, defaultType: "text/html"))
            case "xhtml:body", "body":
                var t = FeedText(value: serializeChildren(e).trimmingWhitespace, type: "application/xhtml+xml", language: e.language, base: e.base)
                t.value = resolveRelativeURIs(t.value, base: e.base)
                f.content.append(t)
            case "guid":
                let value = e.text.trimmingWhitespace
                if f.id == nil { f.id = value }
                f.guidIsPermalink =
                    (e.attribute("ispermalink") ?? "true").lowercased() != "false"
                    && ["http", "https"].contains(URLResolution.scheme(value) ?? "")
            case "atom:id":
                let v = e.text.trimmingWhitespace
                if f.id == nil { f.id = URLResolution.scheme(v) == nil && !v.isEmpty ? URLResolution.resolve(v, against: e.base) : v }
            case "pubdate", "atom:published", "atom:issued", "dcterms:issued":
                f.published = date(e.text)
            case "dc:date", "atom:updated", "atom:modified", "dcterms:modified", "lastbuilddate":
                f.updated = date(e.text)
            case "atom:created", "dcterms:created":
                f.created = date(e.text)
            case "expirationdate":
                f.expired = date(e.text)
            case "author", "dc:creator", "dc:author", "itunes:author", "managingeditor":
                if level == .feed && key == "itunes:author" && !f.authors.isEmpty { continue }
                if let p = person(e.text) { if !f.authors.contains(p) { f.authors.append(p) } }
            case "atom:author":
                if let p = atomPerson(e) { f.authors.append(p) }
            case "atom:contributor":
                if let p = atomPerson(e) { f.contributors.append(p) }
            case "dc:contributor":
                if let p = person(e.text) { f.contributors.append(p) }
            case "webmaster", "dc:publisher":
                if f.publisher == nil { f.publisher = person(e.text) }
            case "category", "dc:subject":
                let term = e.text.trimmingWhitespace
                if !term.isEmpty { f.categories.append(FeedCategory(term: term, scheme: e.attribute("domain"))) }
            case "atom:category":
                let term = e.attribute("term") ?? e.text.trimmingWhitespace
                f.categories.append(FeedCategory(term: term, scheme: e.attribute("scheme"), label: e.attribute("label")))
            case "enclosure":
                if let url = e.attribute("url") ?? e.attribute("href"), let l = safeLink(url, base: e.base) {
                    let link = FeedLink(href: l, rel: "enclosure", type: e.attribute("type"), length: e.attribute("length"))
                    f.enclosures.append(link)
                    f.links.append(link)
                }
            case "comments":
                if let l = safeLink(e.text, base: e.base) { f.comments = l }
            case "source" where level == .entry:
                var s = FeedSource()
                s.title = FeedText(value: e.text.trimmingWhitespace, type: "text/plain")
                if let url = e.attribute("url"), let l = safeLink(url, base: e.base) { s.link = l; s.links = [FeedLink(href: l)] }
                f.source = s
            case "atom:source" where level == .entry:
                var inner = Fields()
                read(e, into: &inner, level: .source)
                f.source = inner.asSource
            case "language", "dc:language":
                if f.language == nil { f.language = Self.languageTag(e.text.trimmingWhitespace) }
            case "copyright", "dc:rights", "atom:rights", "atom:copyright":
                if f.rights == nil { f.rights = text(e, defaultType: key.hasPrefix("atom") ? "text/plain" : "text/html") }
            case "generator", "atom:generator":
                let uri = e.attribute("uri") ?? e.attribute("url")
                f.generator = FeedGenerator(
                    name: e.text.trimmingWhitespace, uri: uri.flatMap { safeLink($0, base: e.base) },
                    version: e.attribute("version"))
            case "admin:generatoragent":
                if let r = e.attribute("resource") { f.generator = FeedGenerator(name: "", uri: r, version: nil) }
            case "image":
                var image = FeedImage()
                for c in e.elements {
                    let v = c.text.trimmingWhitespace
                    switch Self.key(c) {
                    case "url": image.url = safeLink(v, base: c.base)
                    case "title": image.title = v
                    case "link": image.link = safeLink(v, base: c.base)
                    case "width": image.width = Int(v)
                    case "height": image.height = Int(v)
                    case "description": image.description = v
                    default: break
                    }
                }
                if image.url == nil, let r = e.attribute("resource") { image.url = r }
                f.image = image
            case "atom:icon":
                f.icon = safeLink(e.text, base: e.base)
            case "atom:logo":
                f.logo = safeLink(e.text, base: e.base)
            case "textinput":
                for c in e.elements {
                    let k = Self.key(c)
                    if ["title", "description", "name", "link"].contains(k) {
                        f.extras["textinput." + k] = k == "link" ? (safeLink(c.text, base: c.base) ?? "") : c.text.trimmingWhitespace
                    }
                }
            case "cloud":
                for a in e.attributes { f.extras["cloud." + a.name.lowercased()] = a.value }
            case "ttl", "docs", "rating":
                let v = e.text.trimmingWhitespace
                f.extras[key] = key == "docs" ? (safeLink(v, base: e.base) ?? v) : v
            case "media:group":
                read(e, into: &f, level: level, finish: false)
            case "media:title":
                if f.fallbackTitle == nil { f.fallbackTitle = mediaText(e) }
            case "media:description":
                if f.fallbackSummary == nil { f.fallbackSummary = mediaText(e) }
            case "media:category":
                let term = e.text.trimmingWhitespace
                if !term.isEmpty {
                    f.categories.append(
                        FeedCategory(
                            term: term, scheme: e.attribute("scheme") ?? "http://search.yahoo.com/mrss/category_schema",
                            label: e.attribute("label")))
                }
            case "media:content", "media:thumbnail":
                guard let url = e.attribute("url"), let l = safeLink(url, base: e.base) else { continue }
                var m = FeedMedia(url: l)
                m.type = e.attribute("type")
                m.medium = e.attribute("medium")
                m.width = e.attribute("width").flatMap { Int($0) }
                m.height = e.attribute("height").flatMap { Int($0) }
                if key == "media:content" { f.media.append(m) } else { f.thumbnails.append(m) }
            case "media:player":
                if let url = e.attribute("url"), let l = safeLink(url, base: e.base) { f.extras["media_player.url"] = l }
            case "itunes:category":
                func categories(_ c: XElement) {
                    if let t = c.attribute("text"), !t.isEmpty { f.categories.append(FeedCategory(term: t, scheme: "http://www.itunes.com/")) }
                    for sub in c.elements where Self.key(sub) == "itunes:category" { categories(sub) }
                }
                categories(e)
            case "itunes:image":
                if let href = e.attribute("href") ?? e.attribute("url"), let l = safeLink(href, base: e.base) {
                    if level == .feed { if f.image == nil { f.image = FeedImage(url: l) } } else { f.extras["image.href"] = l }
                }
            case "itunes:keywords":
                for word in e.text.split(separator: ",") {
                    let term = word.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !term.isEmpty, !f.categories.contains(where: { $0.term == term }) {
                        f.categories.append(FeedCategory(term: term, scheme: "http://www.itunes.com/"))
                    }
                }
            case "itunes:owner":
                var p = FeedPerson()
                for c in e.elements {
                    switch Self.key(c) {
                    case "itunes:name": p.name = c.text.trimmingWhitespace
                    case "itunes:email": p.email = c.text.trimmingWhitespace
                    default: break
                    }
                }
                if f.publisher == nil { f.publisher = p }
            case "itunes:subtitle":
                if f.fallbackSubtitle == nil { f.fallbackSubtitle = FeedText(value: e.text.trimmingWhitespace, language: e.language, base: e.base) }
            case "itunes:summary":
                if f.fallbackSummary == nil { f.fallbackSummary = FeedText(value: e.text.trimmingWhitespace, language: e.language, base: e.base) }
            case "itunes:block", "itunes:explicit":
                f.extras[Self.underscored(key)] = e.text.trimmingWhitespace.lowercased()
            case "wfw:comment", "wfw:commentrss":
                if let l = safeLink(e.text, base: e.base) { f.extras[Self.underscored(key)] = l }
            default:
                // Other simple elements are kept by name ("prefix_name"), the first of each.
                guard !e.hasElementChildren else { continue }
                let name = Self.underscored(key.hasPrefix("atom:") ? String(key.dropFirst(5)) : key)
                if f.extras[name] == nil, !name.utf8.contains(UInt8(ascii: ".")) {
                    let v = e.text.trimmingWhitespace
                    if !v.isEmpty { f.extras[name] = v }
                }
            }
        }
        guard finish else { return }
        if f.title == nil { f.title = f.fallbackTitle }
        if level == .feed {
            if f.subtitle == nil { f.subtitle = f.fallbackSubtitle ?? f.fallbackSummary }
        } else if f.summary == nil {
            f.summary = f.fallbackSummary
        }
        if level == .entry, f.id == nil, let about = container.attribute("about", namespace: Self.rdf) { f.id = about }
        // An RSS guid that is a permalink is the item's link when no link is given.
        if level == .entry, f.link == nil, f.guidIsPermalink, let id = f.id, let l = safeLink(id, base: container.base) {
            f.link = l
            f.links.append(FeedLink(href: l, rel: "alternate", type: "text/html"))
        } else if f.link != nil {
            f.guidIsPermalink = false
        }
    }

    mutating func readAtomLink(_ e: XElement, into f: inout Fields) {
        let href = e.attribute("href") ?? e.attribute("url") ?? e.text.trimmingWhitespace
        guard let l = safeLink(href, base: e.base, allowEmpty: e.attribute("href") != nil) else { return }
        let rel = e.attribute("rel")?.trimmingWhitespace ?? "alternate"
        var link = FeedLink(
            href: l, rel: rel, type: e.attribute("type"), title: e.attribute("title"),
            length: e.attribute("length"), hreflang: e.attribute("hreflang"))
        if link.type == nil, rel == "alternate" { link.type = "text/html" }
        if link.type == nil, rel == "self" { link.type = "application/atom+xml" }
        f.links.append(link)
        if rel == "alternate", f.link == nil { f.link = l }
        if rel == "enclosure" { f.enclosures.append(link) }
    }

    // MARK: - Values

    /// A text construct: Atom's type (and Atom 0.3's mode) decide what the value is; elsewhere the
    /// element's text, or its markup when it holds elements, with `defaultType`.
    func text(_ e: XElement, defaultType: String) -> FeedText {
        let isAtom = e.namespace == Self.atom10 || e.namespace == Self.atom03 || e.namespace.hasPrefix(Self.atom03)
        var type = defaultType
        var value: String
        let given = e.attribute("type")?.trimmingWhitespace.lowercased()
        if isAtom, let given {
            switch given {
            case "text", "": type = "text/plain"
            case "html": type = "text/html"
            case "xhtml": type = "application/xhtml+xml"
            default: type = given
            }
        } else if isAtom {
            type = "text/plain"
        }
        let mode = isAtom ? e.attribute("mode")?.lowercased() : nil
        if type == "application/xhtml+xml" || mode == "xml" || (e.hasElementChildren && mode != "escaped" && mode != "base64") {
            var inner = e
            let elems = e.elements
            if type == "application/xhtml+xml", e.namespace == Self.atom10, elems.count == 1, elems[0].name.lowercased() == "div",
                elems[0].namespace == Self.xhtml || elems[0].namespace.isEmpty,
                !e.children.contains(where: { if case .text(let t) = $0 { return !t.trimmingWhitespace.isEmpty } else { return false } })
            {
                inner = elems[0]
            }
            value = serializeChildren(inner)
            if type == "text/plain" && e.hasElementChildren { type = isAtom && mode == "xml" ? "text/html" : (isAtom ? type : "text/html") }
        } else if mode == "base64" || (e.namespace == Self.atom10 && !type.hasPrefix("text/") && !type.hasSuffix("xml")) {
            value =
                Data(base64Encoded: e.text.trimmingWhitespace, options: .ignoreUnknownCharacters)
                .map { String(decoding: $0, as: UTF8.self) } ?? e.text
        } else {
            value = e.text
        }
        value = value.trimmingWhitespace
        if !isAtom && type == "text/plain" && Self.looksLikeHTML(value) { type = "text/html" }
        if type == "text/html" || type == "application/xhtml+xml" { value = resolveRelativeURIs(value, base: e.base) }
        var t = FeedText(
            value: Self.demoronize(value, html: type == "text/html" || type == "application/xhtml+xml"),
            type: type, language: e.language.flatMap(Self.languageTag), base: e.base)
        if let src = e.attribute("src") { t.src = safeLinkQuiet(src, base: e.base) }
        return t
    }

    /// Text from feeds that put windows-1252 code points where Unicode ones belong: C1 control characters
    /// (U+0080-U+009F, never meant as such) and, in HTML, character references to them ("&#146;"),
    /// become the characters windows-1252 has there (U+2019).
    static func demoronize(_ s: String, html: Bool) -> String {
        var out = undoubleEncode(s)
        if out.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.value <= 0x9F }) {
            var scalars = String.UnicodeScalarView()
            for u in out.unicodeScalars {
                if u.value >= 0x80 && u.value <= 0x9F, let m = FeedDecoding.cp1252[Int(u.value - 0x80)] { scalars.append(m) } else { scalars.append(u) }
            }
            out = String(scalars)
        }
        if html, containsC1Reference(out) {
            for n in 128...159 {
                guard let m = FeedDecoding.cp1252[n - 128] else { continue }
                out = out.replacingOccurrences(of: "&#\(n);", with: "&#x" + String(m.value, radix: 16) + ";")
            }
        }
        return out
    }

    /// Whether HTML has a decimal character reference in 128-159 ("&#146;").
    static func containsC1Reference(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 6 else { return false }
        for i in 0..<(u.count - 5) where u[i] == 0x26 && u[i + 1] == 0x23 && u[i + 2] == 0x31 {
            return true
        }
        return false
    }

    /// UTF-8 that was read as windows-1252 (or latin-1) and encoded again ("â€¦" for "…") turned back
    /// into what was written: only when every character maps back to one byte and those bytes are
    /// valid UTF-8 with at least one multi-byte sequence, which ordinary text never is.
    static func undoubleEncode(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 0xC2 && $0.value <= 0xF4 }) else { return s }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            if u.value <= 0xFF {
                bytes.append(UInt8(u.value))
            } else if let k = FeedDecoding.cp1252.firstIndex(of: u) {
                bytes.append(UInt8(0x80 + k))
            } else {
                return s
            }
        }
        guard bytes.contains(where: { $0 >= 0xC2 }), let repaired = String(validating: bytes, as: UTF8.self) else { return s }
        return repaired
    }

    /// "prefix:name" as feedparser names it, "prefix_name".
    static func underscored(_ key: String) -> String {
        String(String.UnicodeScalarView(key.unicodeScalars.map { $0 == ":" ? "_" : $0 }))
    }

    /// Whether plain text is really HTML: it closes a tag or uses an entity.
    static func looksLikeHTML(_ s: String) -> Bool {
        guard s.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 }) else { return false }
        if s.range(of: #"</[A-Za-z][A-Za-z0-9]*\s*>"#, options: .regularExpression) != nil { return true }
        if s.range(of: #"&#?[A-Za-z0-9]+;"#, options: .regularExpression) != nil { return true }
        if s.range(of: #"<(br|hr|img|p)\b[^>]*>"#, options: [.regularExpression, .caseInsensitive]) != nil { return true }
        return false
    }

    /// "en_US" written as the language tag "en-US".
    static func languageTag(_ s: String) -> String? {
        s.isEmpty ? nil : s.replacingOccurrences(of: "_", with: "-")
    }

    /// Media RSS text: type "plain" (the default) or "html".
    func mediaText(_ e: XElement) -> FeedText {
        let html = e.attribute("type")?.lowercased() == "html"
        return FeedText(value: e.text.trimmingWhitespace, type: html ? "text/html" : "text/plain", language: e.language, base: e.base)
    }

    func date(_ text: String) -> FeedDate {
        let t = text.trimmingWhitespace
        return FeedDate(text: t, date: FeedDates.parse(t))
    }

    /// "Name", "email", "email (Name)", "Name <email>", "Name (email)".
    func person(_ raw: String) -> FeedPerson? {
        var s = raw.trimmingWhitespace
        guard !s.isEmpty else { return nil }
        var email: String?
        let words = s.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" || $0 == "\t" || $0 == "\n" })
        if let w = words.first(where: { $0.contains("@") && !$0.hasPrefix("@") && !$0.hasSuffix("@") }) {
            var e = String(w)
            if e.lowercased().hasPrefix("mailto:") { e = String(e.dropFirst(7)) }
            email = e
            s = s.replacingOccurrences(of: String(w), with: "")
        }
        s = s.replacingOccurrences(of: "()", with: "").replacingOccurrences(of: "<>", with: "")
        while s.hasPrefix("(") && s.hasSuffix(")") { s = String(s.dropFirst().dropLast()) }
        s = s.replacingOccurrences(of: "mailto:", with: "")
        s = s.trimmingWhitespace
        if s.hasPrefix("("), s.hasSuffix(")") { s = String(s.dropFirst().dropLast()).trimmingWhitespace }
        return FeedPerson(name: s.isEmpty ? nil : s, email: email)
    }

    func atomPerson(_ e: XElement) -> FeedPerson? {
        var p = FeedPerson()
        for c in e.elements {
            let v = c.text.trimmingWhitespace
            switch Self.key(c) {
            case "atom:name": p.name = v
            case "atom:email": p.email = v
            case "atom:uri", "atom:url", "atom:homepage": p.uri = safeLinkQuiet(v, base: c.base)
            default: break
            }
        }
        if p.name == nil && p.email == nil && p.uri == nil {
            let v = e.text.trimmingWhitespace
            if v.isEmpty { return nil }
            p.name = v
        }
        return p
    }

    /// A link made absolute; nil (with a warning) when it is not http or https.
    mutating func safeLink(_ raw: String, base: String?, allowEmpty: Bool = false) -> String? {
        let t = raw.trimmingWhitespace
        guard !t.isEmpty || (allowEmpty && base != nil) else { return nil }
        let resolved = URLResolution.resolve(t, against: base)
        guard let scheme = URLResolution.scheme(resolved) else { return resolved }
        if scheme == "http" || scheme == "https" { return resolved }
        warnings.append("link dropped: \(scheme): links are not followed (\(String(t.prefix(60))))")
        return nil
    }

    /// Like `safeLink`, for URIs that are identifiers rather than links (an author's URI): other
    /// schemes are kept, the dangerous ones dropped without a warning.
    func safeLinkQuiet(_ raw: String, base: String?) -> String? {
        let resolved = URLResolution.resolve(raw.trimmingWhitespace, against: base)
        if URLResolution.isRefusedBase(resolved) { return nil }
        return resolved
    }
}
