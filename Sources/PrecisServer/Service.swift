import Foundation
import Precis
import PrecisExtract
import PrecisIngest
import PrecisStore
import PrecisText
import PrecisJSON

/// Precis as a service: cleans incoming articles, stores them with their story in one transaction,
/// and serves stories and digests. One actor, so ingests are placed one at a time, in the order the
/// store gives them ids, and the story index never disagrees with the store.
public actor PrecisService {
    public let store: any ArticleStore
    private var index: StoryIndex
    private let pipeline = Pipeline()
    private(set) var counters = Counters()
    /// Story digests as JSON, with the story version they were made from (a memory copy of what the
    /// store keeps): a digest is made again only when the story's articles change.
    private var digestCache: [Int64: (version: String, json: String)] = [:]

    struct Counters {
        var articlesCreated = 0
        var articlesExisting = 0
        var articlesRejected = 0
    }

    public init(store: any ArticleStore) async throws {
        self.store = store
        self.index = StoryIndex(articles: try await store.allArticles())
    }

    /// What happened to one submitted article.
    public enum Outcome: Sendable {
        case stored(IngestResult)
        case rejected(String)
    }

    /// Cleans and stores one article; the same article sent twice is stored once.
    public func ingest(_ raw: RawDocument) async -> Outcome {
        let article: Article
        switch pipeline.extractor.extract(raw) {
        case .success(let a): article = a
        case .failure(let f):
            counters.articlesRejected += 1
            return .rejected(f.reason)
        }
        let stored = StoredArticle(key: Self.key(url: article.url ?? raw.url, text: article.text), origin: raw.origin,
                                   url: article.url ?? raw.url, title: article.title ?? raw.title,
                                   date: article.date ?? raw.date, site: article.site, text: article.text,
                                   removed: article.removed.isEmpty ? nil : JSONOutput.array(article.removed.map {
                                       .object([("reason", .string($0.reason.rawValue)), ("text", .string($0.text))])
                                   }).serialized())
        do {
            let result = try await store.ingest(stored, index: index)
            if result.created { counters.articlesCreated += 1 } else { counters.articlesExisting += 1 }
            return .stored(result)
        } catch {
            // The transaction rolled back; the index may have placed the article: rebuild it from
            // what the store holds.
            if let articles = try? await store.allArticles() { index = StoryIndex(articles: articles) }
            counters.articlesRejected += 1
            return .rejected("could not be stored: \(error)")
        }
    }

    /// The content key: two independent 64-bit hashes of the address and the clean text.
    static func key(url: String?, text: String) -> String {
        var bytes = Array((url ?? "").utf8)
        bytes.append(0)
        bytes.append(contentsOf: text.utf8)
        let a = fnv1a(bytes)
        var b: UInt64 = 0x9E37_79B9_7F4A_7C15
        for byte in bytes { b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x2545_F491 }
        return String(a, radix: 16) + "-" + String(b, radix: 16) + "-" + String(bytes.count)
    }

    public func stories(limit: Int, offset: Int) async throws -> (stories: [StoredStory], total: Int) {
        try await store.stories(limit: limit, offset: offset)
    }

    /// The digest of one story, as `precis summarize --format json` writes it, with its facts and the
    /// near-copies folded in; nil when there is no such story.
    /// A story's digest with its sources (the stored articles, in the digest's document order).
    public func storyPage(story: Int64, words: Int) async throws -> (Digest, [StoredArticle])? {
        let members = try await store.articles(inStory: story)
        guard let digest = try await digest(story: story, words: words, members: members) else { return nil }
        return (digest, members.filter { $0.duplicateOf == nil })
    }

    public func digest(story: Int64, words: Int) async throws -> Digest? {
        try await digest(story: story, words: words, members: try await store.articles(inStory: story))
    }

    func digest(story: Int64, words: Int, members: [StoredArticle]) async throws -> Digest? {
        guard !members.isEmpty else { return nil }
        let originals = members.filter { $0.duplicateOf == nil }
        let articles = originals.map(Self.article)
        var digest = pipeline.digest(articles: articles, budget: .words(words))
        let position = Dictionary(uniqueKeysWithValues: originals.enumerated().map { ($0.element.id, $0.offset) })
        digest.copies = members.compactMap { m in
            guard let of = m.duplicateOf, let k = position[of] else { return nil }
            return Digest.Copy(document: Digest.Document(file: m.origin, title: m.title, date: m.date, url: m.url, site: m.site, text: m.text), of: k)
        }
        return digest
    }

    /// The story's digest as the API sends it (JSON text), made once per version of the story.
    public func digestJSON(story: Int64, words: Int, render: (Digest) -> String) async throws -> String? {
        let version = try await store.storyVersion(story) + "-w\(words)"
        if let cached = digestCache[story], cached.version == version { return cached.json }
        let json: String
        if let stored = try await store.storedDigest(story: story, version: version) {
            json = stored
        } else {
            guard let digest = try await digest(story: story, words: words) else { return nil }
            json = render(digest)
            try await store.saveDigest(story: story, version: version, json: json)
        }
        if digestCache.count > 10_000 { digestCache.removeAll() }
        digestCache[story] = (version, json)
        return json
    }

    static func article(_ s: StoredArticle) -> Article {
        Article(origin: s.origin, title: s.title, date: s.date, url: s.url, site: s.site, text: s.text)
    }

    public func article(id: Int64) async throws -> StoredArticle? {
        try await store.article(id: id)
    }

    public func search(_ query: String, limit: Int) async throws -> [StoredArticle] {
        try await store.search(query, limit: limit)
    }

    /// Prometheus text exposition of the service's counters.
    public func metrics(requests: [String: Int]) async throws -> String {
        var out = "# HELP precis_articles_total Articles submitted, by outcome.\n# TYPE precis_articles_total counter\n"
        out += "precis_articles_total{outcome=\"created\"} \(counters.articlesCreated)\n"
        out += "precis_articles_total{outcome=\"existing\"} \(counters.articlesExisting)\n"
        out += "precis_articles_total{outcome=\"rejected\"} \(counters.articlesRejected)\n"
        out += "# HELP precis_articles_stored Articles in the store.\n# TYPE precis_articles_stored gauge\n"
        out += "precis_articles_stored \(try await store.articleCount())\n"
        out += "# HELP precis_http_requests_total HTTP requests, by route and status class.\n# TYPE precis_http_requests_total counter\n"
        for (key, n) in requests.sorted(by: { $0.key < $1.key }) {
            out += "precis_http_requests_total{\(key)} \(n)\n"
        }
        return out
    }
}
