import Foundation

/// A feed as read from RSS, RDF, Atom, CDF or JSON Feed: what a reader needs to turn its items into
/// articles, plus what was wrong with it and recovered from.
public struct Feed: Sendable, Equatable {
    /// The format and version: "rss090", "rss091u", "rss091n", "rss092", "rss093", "rss094", "rss20",
    /// "rss10", "rss" (no version given), "atom03", "atom10", "atom" (unknown Atom), "cdf", "json10", "json11".
    public var format: String
    /// The character encoding the bytes were read in ("utf-8", "iso-8859-1", ...).
    public var encoding: String
    public var title: FeedText?
    public var subtitle: FeedText?
    public var rights: FeedText?
    /// The feed's home page (absolute, http or https).
    public var link: String?
    public var links: [FeedLink] = []
    public var id: String?
    public var language: String?
    public var updated: FeedDate?
    public var published: FeedDate?
    public var authors: [FeedPerson] = []
    public var contributors: [FeedPerson] = []
    public var publisher: FeedPerson?
    public var categories: [FeedCategory] = []
    public var generator: FeedGenerator?
    public var image: FeedImage?
    public var icon: String?
    public var logo: String?
    /// Other simple values by feedparser's key ("ttl", "docs", "cloud.path", "textinput.title", ...).
    public var extras: [String: String] = [:]
    /// Other text constructs by feedparser's key ("info").
    public var otherTexts: [String: FeedText] = [:]
    public var items: [FeedItem] = []
    /// What was ill-formed and recovered from (not well-formed XML, an undeclared entity, a wrong
    /// declared encoding, an unparseable date, a dropped link): feedparser's "bozo" when not empty.
    public var warnings: [String] = []
    /// Whether the document itself was ill-formed (XML errors, encoding trouble, undeclared entities),
    /// as opposed to warnings about single values (a date, a link) in a well-formed document.
    public var isIllFormed: Bool = false

    public init(format: String, encoding: String = "utf-8") {
        self.format = format
        self.encoding = encoding
    }
}

/// One entry of a feed.
public struct FeedItem: Sendable, Equatable {
    /// The guid (RSS), id (Atom, JSON Feed) or, failing those, nil.
    public var id: String?
    /// Whether `link` was taken from the RSS guid (a permalink guid in an item with no link).
    public var linkFromGuid: Bool = false
    public var title: FeedText?
    /// The item's page (absolute, http or https only).
    public var link: String?
    public var links: [FeedLink] = []
    public var published: FeedDate?
    public var updated: FeedDate?
    public var created: FeedDate?
    public var expired: FeedDate?
    public var authors: [FeedPerson] = []
    public var contributors: [FeedPerson] = []
    public var publisher: FeedPerson?
    public var summary: FeedText?
    /// Full content (content:encoded, Atom content, JSON Feed content_html/content_text), as given.
    public var content: [FeedText] = []
    public var categories: [FeedCategory] = []
    public var enclosures: [FeedLink] = []
    public var comments: String?
    public var rights: FeedText?
    public var language: String?
    /// The feed an Atom entry or an RSS item was copied from.
    public var source: FeedSource?
    public var extras: [String: String] = [:]
    public var otherTexts: [String: FeedText] = [:]
    /// Media RSS content (media:content) and thumbnails (media:thumbnail).
    public var media: [FeedMedia] = []
    public var thumbnails: [FeedMedia] = []

    public init() {}

    /// The author names, in order.
    public var authorNames: [String] { authors.compactMap(\.name) }

    /// The fullest text the feed gives for the item: its content when it has some, else its summary
    /// (which may be only a teaser).
    public var body: FeedText? { content.first { !$0.value.isEmpty } ?? summary }
}

/// A text value with what it is: "text/plain", "text/html", "application/xhtml+xml" or another MIME
/// type. HTML is kept as given (not sanitised), with the base URI and language that applied to it.
public struct FeedText: Sendable, Equatable {
    public var value: String
    public var type: String
    public var language: String?
    public var base: String?
    public var src: String?

    public init(value: String, type: String = "text/plain", language: String? = nil, base: String? = nil) {
        self.value = value
        self.type = type
        self.language = language
        self.base = base
    }

    public var isHTML: Bool { type == "text/html" || type == "application/xhtml+xml" }
}

/// A date as written and, when it could be read, the instant it names.
public struct FeedDate: Sendable, Equatable {
    public var text: String
    public var date: Date?

    public init(text: String, date: Date?) {
        self.text = text
        self.date = date
    }

    /// The instant in ISO 8601 UTC ("2004-01-01T19:48:21Z"), nil when the date could not be read.
    public var iso8601: String? { date.map(FeedDates.iso8601) }
}

public struct FeedPerson: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }
}

public struct FeedLink: Sendable, Equatable {
    public var href: String
    public var rel: String
    public var type: String?
    public var title: String?
    public var length: String?
    public var hreflang: String?

    public init(
        href: String, rel: String = "alternate", type: String? = nil, title: String? = nil,
        length: String? = nil, hreflang: String? = nil
    ) {
        self.href = href
        self.rel = rel
        self.type = type
        self.title = title
        self.length = length
        self.hreflang = hreflang
    }
}

public struct FeedCategory: Sendable, Equatable {
    public var term: String
    public var scheme: String?
    public var label: String?

    public init(term: String, scheme: String? = nil, label: String? = nil) {
        self.term = term
        self.scheme = scheme
        self.label = label
    }
}

public struct FeedGenerator: Sendable, Equatable {
    public var name: String
    public var uri: String?
    public var version: String?
}

/// A Media RSS object: a picture, video or sound that goes with an item.
public struct FeedMedia: Sendable, Equatable {
    public var url: String
    public var type: String?
    /// "image", "video", "audio", ...
    public var medium: String?
    public var width: Int?
    public var height: Int?

    public init(url: String) { self.url = url }
}

public struct FeedImage: Sendable, Equatable {
    public var url: String?
    public var title: String?
    public var link: String?
    public var width: Int?
    public var height: Int?
    public var description: String?
}

/// Where an item came from when a feed republishes it (RSS `source`, Atom `source`).
public struct FeedSource: Sendable, Equatable {
    public var title: FeedText?
    public var subtitle: FeedText?
    public var link: String?
    public var links: [FeedLink] = []
    public var id: String?
    public var updated: FeedDate?
    public var authors: [FeedPerson] = []
    public var contributors: [FeedPerson] = []
    public var categories: [FeedCategory] = []
    public var rights: FeedText?
    public var generator: FeedGenerator?
    public var icon: String?
    public var logo: String?
}

/// Why bytes could not be read as a feed.
public enum FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No bytes, or only white space.
    case empty
    /// More bytes than the limit allows.
    case tooLarge(bytes: Int, limit: Int)
    /// Bytes that are not text (NUL bytes, control codes).
    case binary
    /// An HTML page, not a feed.
    case htmlPage
    /// XML (or JSON) whose root is no feed format known; the root element's name.
    case notAFeed(String)
    /// Text that no parser could read as XML or JSON.
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty: return "empty document"
        case .tooLarge(let bytes, let limit): return "document of \(bytes) bytes is over the \(limit)-byte limit"
        case .binary: return "binary data, not a feed"
        case .htmlPage: return "an HTML page, not a feed"
        case .notAFeed(let root): return "not a feed: the document is <\(root)>"
        case .unreadable(let why): return "not a feed: \(why)"
        }
    }
}
