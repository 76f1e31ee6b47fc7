import PostgresNIO

extension PostgresStore: FeedStore {
    /// The feed tables' migrations, recorded in `precis_migration` beside the articles' own.
    static let feedMigrations: [(String, String)] = [
        ("feeds v1: watched feeds and the items they gave", FeedSchema.postgres),
        ("feeds v2: a lease, so that two watchers never poll one feed at once", "ALTER TABLE feed ADD COLUMN IF NOT EXISTS lease_until TEXT")
    ]

    public func prepareFeeds() async throws {
        try await apply(Self.feedMigrations)
    }

    /// Drops the feed tables (tests start from an empty database with it and `dropEverything`).
    func dropFeedTables() async throws {
        try await client.query("DROP TABLE IF EXISTS feed, feed_item", logger: logger)
    }

    typealias FeedRow = (Int64, String, String?, String?, String?, String?, Int32?, Int32, Int32, String?, Int32, String?, Int32)
    static let feedColumns =
        "id, url, title, etag, last_modified, last_fetch, http_status, items_seen, articles_stored, last_error, errors_in_row, next_poll, gone"

    static func feed(_ r: FeedRow) -> FeedRecord {
        FeedRecord(
            id: r.0, url: r.1, title: r.2, etag: r.3, lastModified: r.4, lastFetch: r.5, httpStatus: r.6.map(Int.init),
            itemsSeen: Int(r.7), articlesStored: Int(r.8), lastError: r.9, errorsInRow: Int(r.10), nextPoll: r.11, gone: r.12 != 0)
    }

    func feedRows(_ rows: PostgresRowSequence) async throws -> [FeedRecord] {
        var out: [FeedRecord] = []
        for try await r in rows.decode(FeedRow.self) { out.append(Self.feed(r)) }
        return out
    }

    public func addFeed(url: String, title: String?) async throws -> FeedRecord {
        try await client.query("INSERT INTO feed (url, title) VALUES (\(url), \(title)) ON CONFLICT (url) DO NOTHING", logger: logger)
        if let title {
            try await client.query("UPDATE feed SET title = \(title) WHERE url = \(url) AND title IS NULL", logger: logger)
        }
        guard let f = try await feedRows(client.query("SELECT \(unescaped: Self.feedColumns) FROM feed WHERE url = \(url)", logger: logger)).first else {
            throw StoreError.cannotOpen(location, "the feed \(url) was added but cannot be read back")
        }
        return f
    }

    public func feeds() async throws -> [FeedRecord] {
        try await feedRows(client.query("SELECT \(unescaped: Self.feedColumns) FROM feed ORDER BY id", logger: logger))
    }

    public func feed(id: Int64) async throws -> FeedRecord? {
        try await feedRows(client.query("SELECT \(unescaped: Self.feedColumns) FROM feed WHERE id = \(id)", logger: logger)).first
    }

    public func removeFeed(id: Int64) async throws -> Bool {
        let logger = self.logger
        return try await client.withTransaction(logger: logger) { c in
            try await c.query("DELETE FROM feed_item WHERE feed = \(id)", logger: logger)
            var removed = false
            for try await _ in try await c.query("DELETE FROM feed WHERE id = \(id) RETURNING id", logger: logger).decode(Int64.self) { removed = true }
            return removed
        }
    }

    public func saveFeed(_ f: FeedRecord) async throws {
        let status = f.httpStatus.map(Int32.init)
        try await client.query(
            """
            UPDATE feed SET title = \(f.title), etag = \(f.etag), last_modified = \(f.lastModified), last_fetch = \(f.lastFetch),
                http_status = \(status), items_seen = \(Int32(clamping: f.itemsSeen)), articles_stored = \(Int32(clamping: f.articlesStored)),
                last_error = \(f.lastError), errors_in_row = \(Int32(clamping: f.errorsInRow)), next_poll = \(f.nextPoll),
                gone = \(Int32(f.gone ? 1 : 0))
            WHERE id = \(f.id)
            """, logger: logger)
    }

    public func seenItems(feed: Int64, among keys: [String]) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        var seen = Set<String>()
        for try await key in try await client.query("SELECT key FROM feed_item WHERE feed = \(feed) AND key = ANY(\(keys))", logger: logger).decode(String.self)
        {
            seen.insert(key)
        }
        return seen
    }

    public func leaseFeed(id: Int64, now: String, until: String) async throws -> Bool {
        // A row another transaction is leasing right now is skipped, not waited for; a lease
        // another watcher holds is seen in lease_until.
        var taken = false
        for try await _ in try await client.query(
            """
            UPDATE feed SET lease_until = \(until)
            WHERE id = (SELECT id FROM feed WHERE id = \(id) AND (lease_until IS NULL OR lease_until < \(now)) FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, logger: logger
        ).decode(Int64.self) { taken = true }
        return taken
    }

    public func releaseFeed(id: Int64) async throws {
        try await client.query("UPDATE feed SET lease_until = NULL WHERE id = \(id)", logger: logger)
    }

    public func markSeen(feed: Int64, key: String, article: Int64?) async throws {
        try await client.query(
            "INSERT INTO feed_item (feed, key, article) VALUES (\(feed), \(key), \(article)) ON CONFLICT (feed, key) DO NOTHING", logger: logger)
    }
}
