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

    public var sentences: [CitedSentence]
    public var documents: [Document]

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

    public init(sentences: [CitedSentence], documents: [Document]) {
        self.sentences = sentences
        self.documents = documents
    }

    init(articles: [Article], summary: [SummarySentence]) {
        self.documents = articles.map {
            Document(file: $0.origin, title: $0.title, date: $0.date, url: $0.url, site: $0.site, text: $0.text)
        }
        self.sentences = summary.map {
            CitedSentence(text: $0.text, document: $0.document, start: $0.span.start, end: $0.span.end)
        }
    }
}
