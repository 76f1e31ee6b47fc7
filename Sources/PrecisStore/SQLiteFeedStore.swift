import GRDB

extension SQLiteStore: FeedStore {
    /// The feed tables' migrations, kept apart from the articles' so each list grows on its own.
    static var feedMigrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("feeds v1: watched feeds and the items they gave") { db in
            try db.execute(sql: FeedSchema.sqlite)
        }
        m.registerMigration("feeds v2: a lease, so that two watchers never poll one feed at once") { db in
            try db.execute(sql: "ALTER TABLE feed ADD COLUMN lease_until TEXT")
        }
        return m
    }

    public func prepareFeeds() async throws {
        try Self.feedMigrator.migrate(pool)
    }

    static func feed(_ row: Row) -> FeedRecord {
        FeedRecord(
            id: row["id"], url: row["url"], title: row["title"], etag: row["etag"], lastModified: row["last_modified"],
            lastFetch: row["last_fetch"], httpStatus: row["http_status"], itemsSeen: row["items_seen"],
            articlesStored: row["articles_stored"], lastError: row["last_error"], errorsInRow: row["errors_in_row"],
            nextPoll: row["next_poll"], gone: (row["gone"] as Int? ?? 0) != 0)
    }

    public func addFeed(url: String, title: String?) async throws -> FeedRecord {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO feed (url, title) VALUES (?, ?) ON CONFLICT(url) DO NOTHING", arguments: [url, title])
            if let title {
                try db.execute(sql: "UPDATE feed SET title = ? WHERE url = ? AND title IS NULL", arguments: [title, url])
            }
            return try Row.fetchOne(db, sql: "SELECT * FROM feed WHERE url = ?", arguments: [url]).map(Self.feed)!
        }
    }

    public func feeds() async throws -> [FeedRecord] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM feed ORDER BY id").map(Self.feed) }
    }

    public func feed(id: Int64) async throws -> FeedRecord? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM feed WHERE id = ?", arguments: [id]).map(Self.feed) }
    }

    public func removeFeed(id: Int64) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM feed_item WHERE feed = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM feed WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func saveFeed(_ f: FeedRecord) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE feed SET title = ?, etag = ?, last_modified = ?, last_fetch = ?, http_status = ?, items_seen = ?,
                        articles_stored = ?, last_error = ?, errors_in_row = ?, next_poll = ?, gone = ?
                    WHERE id = ?
                    """,
                arguments: [
                    f.title, f.etag, f.lastModified, f.lastFetch, f.httpStatus, f.itemsSeen, f.articlesStored,
                    f.lastError, f.errorsInRow, f.nextPoll, f.gone ? 1 : 0, f.id
                ])
        }
    }

    public func seenItems(feed: Int64, among keys: [String]) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try await pool.read { db in
            var seen = Set<String>()
            // In chunks, under SQLite's limit on bound parameters.
            for start in stride(from: 0, to: keys.count, by: 500) {
                let chunk = Array(keys[start..<min(start + 500, keys.count)])
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                var values: [any DatabaseValueConvertible] = [feed]
                values += chunk.map { $0 as any DatabaseValueConvertible }
                let found = try String.fetchAll(
                    db, sql: "SELECT key FROM feed_item WHERE feed = ? AND key IN (\(marks))",
                    arguments: StatementArguments(values))
                seen.formUnion(found)
            }
            return seen
        }
    }

    public func markSeen(feed: Int64, key: String, article: Int64?) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO feed_item (feed, key, article) VALUES (?, ?, ?) ON CONFLICT(feed, key) DO NOTHING",
                arguments: [feed, key, article])
        }
    }
}

extension SQLiteStore {
    public func leaseFeed(id: Int64, now: String, until: String) async throws -> Bool {
        // SQLite has one writer at a time: the test and the update are one step.
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE feed SET lease_until = ? WHERE id = ? AND (lease_until IS NULL OR lease_until < ?)",
                arguments: [until, id, now])
            return db.changesCount == 1
        }
    }

    public func releaseFeed(id: Int64) async throws {
        try await pool.write { db in try db.execute(sql: "UPDATE feed SET lease_until = NULL WHERE id = ?", arguments: [id]) }
    }
}

/// The feed tables, written once for each database: one schema, in each database's types.
enum FeedSchema {
    static let sqlite = tables(
        id: "INTEGER PRIMARY KEY AUTOINCREMENT", reference: "INTEGER",
        stamp: "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
    static let postgres = tables(id: "BIGSERIAL PRIMARY KEY", reference: "BIGINT", stamp: "TIMESTAMPTZ NOT NULL DEFAULT now()")

    static func tables(id: String, reference: String, stamp: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS feed (
            id \(id),
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            etag TEXT, last_modified TEXT,
            last_fetch TEXT, http_status INTEGER,
            items_seen INTEGER NOT NULL DEFAULT 0,
            articles_stored INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            errors_in_row INTEGER NOT NULL DEFAULT 0,
            next_poll TEXT,
            gone INTEGER NOT NULL DEFAULT 0,
            added_at \(stamp)
        );
        CREATE TABLE IF NOT EXISTS feed_item (
            feed \(reference) NOT NULL,
            key TEXT NOT NULL,
            article \(reference),
            seen_at \(stamp),
            PRIMARY KEY (feed, key)
        );
        """
    }
}
