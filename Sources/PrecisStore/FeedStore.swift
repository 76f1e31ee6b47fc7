/// A watched feed and what the last polls found: the validators to send back (ETag,
/// Last-Modified), how the last fetch went, what it has given so far, and when to poll it next.
public struct FeedRecord: Sendable, Equatable {
    public var id: Int64
    public var url: String
    public var title: String?
    public var etag: String?
    public var lastModified: String?
    /// When it was last fetched, ISO 8601 UTC.
    public var lastFetch: String?
    /// The HTTP status of the last fetch (nil when no answer came).
    public var httpStatus: Int?
    public var itemsSeen: Int
    public var articlesStored: Int
    public var lastError: String?
    /// Failed polls in a row (for the backoff); 0 after a good one.
    public var errorsInRow: Int
    /// When it is due, ISO 8601 UTC; nil for now.
    public var nextPoll: String?
    /// The server said 410 Gone: it is polled no more.
    public var gone: Bool

    public init(
        id: Int64 = 0, url: String, title: String? = nil, etag: String? = nil, lastModified: String? = nil,
        lastFetch: String? = nil, httpStatus: Int? = nil, itemsSeen: Int = 0, articlesStored: Int = 0,
        lastError: String? = nil, errorsInRow: Int = 0, nextPoll: String? = nil, gone: Bool = false
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetch = lastFetch
        self.httpStatus = httpStatus
        self.itemsSeen = itemsSeen
        self.articlesStored = articlesStored
        self.lastError = lastError
        self.errorsInRow = errorsInRow
        self.nextPoll = nextPoll
        self.gone = gone
    }
}

/// Where the feeds a store watches are kept, beside its articles (tables `feed` and `feed_item`,
/// the same on SQLite and PostgreSQL). An item's key is recorded as seen only after its article is
/// stored, so a process killed mid-poll stores that item again next time, and the article's content
/// key makes that second store a no-op: nothing lost, nothing twice.
public protocol FeedStore: Sendable {
    /// Creates the feed tables when missing (their own migrations, apart from the articles').
    func prepareFeeds() async throws
    /// Adds a feed by URL, or returns the one already there.
    func addFeed(url: String, title: String?) async throws -> FeedRecord
    func feeds() async throws -> [FeedRecord]
    func feed(id: Int64) async throws -> FeedRecord?
    /// Removes a feed and its seen items (its articles stay); false when there was no such feed.
    func removeFeed(id: Int64) async throws -> Bool
    /// Writes everything but the id and URL.
    func saveFeed(_ feed: FeedRecord) async throws
    /// Which of `keys` the feed has already given.
    func seenItems(feed: Int64, among keys: [String]) async throws -> Set<String>
    /// Records an item as seen, with the article it was stored as (nil when it gave none).
    func markSeen(feed: Int64, key: String, article: Int64?) async throws
    /// Takes the feed for one poll until `until` (ISO 8601 UTC): true when no other watcher holds
    /// it, i.e. its lease is free or ran out before `now` (a watcher killed mid-poll holds it no
    /// longer than its lease). On PostgreSQL the row is taken with FOR UPDATE SKIP LOCKED, so
    /// several watcher processes on one database never poll one feed at the same time.
    func leaseFeed(id: Int64, now: String, until: String) async throws -> Bool
    /// Gives the feed's lease back after its poll.
    func releaseFeed(id: Int64) async throws
}

/// Opens the store a `--db` value names, with its feed tables ready.
public func openFeedStore(_ db: String) async throws -> any ArticleStore & FeedStore {
    let store: any ArticleStore & FeedStore
    if db.hasPrefix("postgres://") || db.hasPrefix("postgresql://") {
        store = try await PostgresStore.open(url: db)
    } else {
        store = try SQLiteStore(path: db)
    }
    try await store.prepareFeeds()
    return store
}
