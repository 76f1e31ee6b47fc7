/// What the service needs of a store, whichever database is behind it.
///
/// `ingest` is the one write: under the store's write lock (SQLite's writer lock, a PostgreSQL
/// advisory lock held for the transaction) it catches the story index up with articles other
/// processes stored, stores each article of a batch unless its key is there, places it, and writes
/// the placements, all in one transaction: a batch is stored whole or not at all. Several processes
/// on one database therefore place articles one at a time, in id order, each seeing all earlier ones:
/// they never make two stories of one.
public protocol ArticleStore: Sendable {
    func ingest(_ articles: [StoredArticle], index: StoryIndex) async throws -> [IngestResult]
    func allArticles() async throws -> [StoredArticle]
    func articles(inStory story: Int64) async throws -> [StoredArticle]
    func article(id: Int64) async throws -> StoredArticle?
    func storyVersion(_ story: Int64) async throws -> String
    func stories(limit: Int, offset: Int) async throws -> (stories: [StoredStory], total: Int)
    func search(_ query: String, limit: Int) async throws -> [StoredArticle]
    func articleCount() async throws -> Int
    /// The stored digest of a story (summary and facts, as the API sends them) if it was made from
    /// this version of the story's articles.
    func storedDigest(story: Int64, version: String) async throws -> String?
    /// The stored page of a story (the digest as the reader's page shows it), if it was made from this
    /// version of the story's articles.
    func storedPage(story: Int64, version: String) async throws -> String?
    /// The stored digest and page of a story together, if made from this version of its articles.
    func storedView(story: Int64, version: String) async throws -> (json: String, page: String?)?
    /// Keeps a story's digest (and its page, when made) with the version of its articles it was made
    /// from, in place of any older one.
    func saveDigest(story: Int64, version: String, json: String, page: String?) async throws
    /// Articles stored after this id, oldest first, each with the clustering features its placer
    /// kept (what a story index restored from a snapshot, or behind another writer, has still to
    /// take in: `StoryIndex.catchUp` places from the features without reading the text).
    func placed(after id: Int64) async throws -> [PlacedArticle]
    /// The id of the newest article the kept snapshot of the story index holds, nil when none is kept.
    func storyStateArticle() async throws -> Int64?
    /// The kept snapshot of the story index (`StoryIndex.snapshot`) and the id of the newest article
    /// it holds, if one is kept.
    func storyState() async throws -> (lastArticle: Int64, snapshot: [UInt8])?
    /// Keeps a snapshot of the story index in place of the kept one, unless that one holds as new
    /// articles or newer (several processes may save theirs).
    func saveStoryState(lastArticle: Int64, snapshot: [UInt8]) async throws
    /// A short name of the database for messages ("news.sqlite", "postgres://host/db").
    var location: String { get }
}

extension ArticleStore {
    /// The digest and the page by two reads (a store where a read costs no round trip).
    public func storedView(story: Int64, version: String) async throws -> (json: String, page: String?)? {
        guard let json = try await storedDigest(story: story, version: version) else { return nil }
        return (json, try await storedPage(story: story, version: version))
    }

    /// Stores and places one article (a batch of one).
    public func ingest(_ article: StoredArticle, index: StoryIndex) async throws -> IngestResult {
        try await ingest([article], index: index)[0]
    }
}

/// Opens the store a `--db` value names: a `postgres://` URL or a SQLite file path.
public func openStore(_ db: String) async throws -> any ArticleStore {
    if db.hasPrefix("postgres://") || db.hasPrefix("postgresql://") {
        return try await PostgresStore.open(url: db)
    }
    return try SQLiteStore(path: db)
}
