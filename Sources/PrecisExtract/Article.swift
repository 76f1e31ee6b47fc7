import PrecisIngest

/// A clean article: the text a reader would read, its metadata, and what was taken out.
public struct Article: Sendable {
    /// Where it came from (a path, `-`, or `FILE:LINE`).
    public var origin: String
    public var title: String?
    /// Publication date, ISO 8601 (`2014-11-18`, or with a time when the source gives one).
    public var date: String?
    public var url: String?
    public var site: String?
    /// Language code ("en"), from the page's `lang` attribute or guessed from the text; nil when unknown.
    public var language: String?
    public var authors: [String]
    public var keywords: [String]
    /// The clean text, normalised (see `TextNormalizer`): paragraphs separated by a blank line.
    /// Every offset Precis reports for this article counts Unicode scalars in this string.
    public var text: String
    /// What extraction removed, with the reason, kept for inspection.
    public var removed: [RemovedBlock]

    public init(
        origin: String, title: String? = nil, date: String? = nil, url: String? = nil, site: String? = nil,
        language: String? = nil, authors: [String] = [], keywords: [String] = [], text: String, removed: [RemovedBlock] = []
    ) {
        self.origin = origin
        self.title = title
        self.date = date
        self.url = url
        self.site = site
        self.language = language
        self.authors = authors
        self.keywords = keywords
        self.text = text
        self.removed = removed
    }
}

/// A piece of the input left out of the clean text, and why.
public struct RemovedBlock: Sendable, Equatable {
    public enum Reason: String, Sendable {
        case appeal, notice, widget, credit, photoCredit, endMatter, layout, duplicate, header, label, caption, markup, template
    }

    public var text: String
    public var reason: Reason

    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }
}

/// Why an input gave no article.
public struct ExtractionFailure: Error, Sendable, CustomStringConvertible {
    public var origin: String
    public var reason: String
    public var description: String { "\(origin): \(reason)" }
}
