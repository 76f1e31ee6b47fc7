import PrecisExtract
import PrecisSummarize
import PrecisText

/// What a reader gets for one story: a summary whose every sentence cites its source, and the sources.
public struct Digest: Sendable {
    /// A summary sentence with the document it came from and where it stands there.
    public struct CitedSentence: Sendable, Equatable {
        public var text: String
        /// 0-based index into `documents`.
        public var document: Int
        /// Unicode scalar offsets into that document's clean `text`.
        public var start: Int
        public var end: Int
    }

    /// A source document as the digest shows it.
    public struct Document: Sendable, Equatable {
        public var file: String
        public var title: String?
        public var date: String?
        public var url: String?
        public var site: String?
        /// The clean text that `start`/`end` offsets index into.
        public var text: String
    }

    /// A near-copy of a source (a wire copy, a re-post), folded into the story rather than summarised.
    public struct Copy: Sendable, Equatable {
        public var document: Document
        /// 0-based index into `documents` of the source it copies.
        public var of: Int
    }

    public var sentences: [CitedSentence]
    public var documents: [Document]
    /// Near-copies of the sources, when the digest comes from story clustering.
    public var copies: [Copy] = []

    /// The summary as plain prose, sentences joined by a space.
    public var summary: String {
        sentences.map(\.text).joined(separator: " ")
    }

    /// A headline for the digest: the title of the first cited source that has one.
    public var headline: String? {
        for s in sentences { if let t = documents[s.document].title { return t } }
        return documents.lazy.compactMap(\.title).first
    }

    /// Earliest and latest publication dates among the sources, when known.
    public var dateRange: (String, String)? {
        let dates = documents.compactMap(\.date).map { String($0.prefix(10)) }.sorted()
        guard let first = dates.first, let last = dates.last else { return nil }
        return (first, last)
    }

    public init(sentences: [CitedSentence], documents: [Document], copies: [Copy] = []) {
        self.copies = copies
        self.sentences = sentences
        self.documents = documents
    }

    init(articles: [Article], summary: [SummarySentence]) {
        self.documents = articles.map(Document.init)
        self.sentences = summary.map {
            CitedSentence(text: $0.text, document: $0.document, start: $0.span.start, end: $0.span.end)
        }
    }
}

extension Digest.Document {
    init(_ article: Article) {
        self.init(file: article.origin, title: article.title, date: article.date, url: article.url,
                  site: article.site, text: article.text)
    }
}

/// One story of a digest run: its number (from story clustering) and its digest.
public struct StoryDigest: Sendable {
    /// Story number, counted from 0 in order of each story's first article in the input.
    public var story: Int
    public var digest: Digest
    /// Articles in the story, near-copies included.
    public var articleCount: Int { digest.documents.count + digest.copies.count }
    /// The latest publication day among the story's articles ("YYYY-MM-DD"), when any is dated.
    public var latestDate: String? {
        (digest.documents + digest.copies.map(\.document)).compactMap { $0.date.map { String($0.prefix(10)) } }.max()
    }
}
