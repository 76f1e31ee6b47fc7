import Foundation
import GRDB

/// An article as the store keeps it: clean text and metadata, with its story and the article it
/// copies, if any.
public struct StoredArticle: Sendable, Equatable {
    public var id: Int64
    /// Content key: the same text under the same address is the same article (ingest is idempotent).
    public var key: String
    public var origin: String
    public var url: String?
    public var title: String?
    public var date: String?
    public var site: String?
    public var text: String
    /// The story: the id of the story's first article.
    public var story: Int64?
    public var duplicateOf: Int64?
    /// Why the article is in no story (not an article: a notice, a stub), when it is in none.
    public var skipReason: String?
    /// What cleaning left out of the page, as JSON (`[{"reason", "text"}]`), for readers who ask.
    public var removed: String?
    /// The author names, in order (a feed's, else those the page names); stored one a line.
    public var authors: [String]

    public init(
        id: Int64 = 0, key: String, origin: String, url: String? = nil, title: String? = nil, date: String? = nil,
        site: String? = nil, text: String, story: Int64? = nil, duplicateOf: Int64? = nil, skipReason: String? = nil,
        removed: String? = nil, authors: [String] = []
    ) {
        self.id = id
        self.key = key
        self.origin = origin
        self.url = url
        self.title = title
        self.date = date
        self.site = site
        self.text = text
        self.story = story
        self.duplicateOf = duplicateOf
        self.skipReason = skipReason
        self.removed = removed
        self.authors = authors
    }

    /// The columns an article is read from, in the order `PostgresStore` decodes them: not the
    /// clustering features, which only catching up reads.
    static let columns = "id, key, origin, url, title, date, site, text, story, duplicate_of, skip_reason, removed, authors"

    /// The same columns as catching up reads them, with the features: the text only where no
    /// features were kept (what cleaning removed, the address, site and authors not at all), so that
    /// catching up with other processes does not carry every article's text across.
    static let placementColumns = """
        id, key, origin, NULL AS url, title, date, NULL AS site, CASE WHEN features IS NULL THEN text ELSE '' END AS text, \
        story, duplicate_of, skip_reason, NULL AS removed, NULL AS authors, features
        """

    /// The authors as stored: one name a line, nil for none.
    static func authorsColumn(_ names: [String]) -> String? {
        names.isEmpty ? nil : names.joined(separator: "\n")
    }

    static func authors(fromColumn value: String?) -> [String] {
        value.map { $0.split(separator: "\n").map(String.init) } ?? []
    }
}

/// A story as lists show it.
public struct StoredStory: Sendable, Equatable {
    public var id: Int64
    public var headline: String?
    public var articles: Int
    public var firstDate: String?
    public var latestDate: String?
}

/// A stored article with the clustering features its placer kept (nil when none were kept).
public typealias PlacedArticle = (article: StoredArticle, features: [UInt8]?)

/// Where a new article goes: its story (by the id of the story's first article) and the article it
/// copies; and for stories that merged, the new story of every article already stored.
public struct Placement: Sendable {
    public var story: Int64?
    public var duplicateOf: Int64?
    public var skipReason: String?
    /// Article id → story id, for articles whose story changed (merges).
    public var moved: [Int64: Int64]
    /// What clustering read of the article, as bytes another process sharing the store can place it
    /// from without reading its text (`StoryIndex.catchUp`); empty when not kept.
    public var features: [UInt8]

    public init(story: Int64?, duplicateOf: Int64?, skipReason: String?, moved: [Int64: Int64] = [:], features: [UInt8] = []) {
        self.story = story
        self.duplicateOf = duplicateOf
        self.skipReason = skipReason
        self.moved = moved
        self.features = features
    }
}

/// What ingesting one article did.
public struct IngestResult: Sendable, Equatable {
    public var id: Int64
    /// False when the same article was already stored (nothing changed).
    public var created: Bool
    public var story: Int64?
    /// Why it is in no story (not an article), when it is in none.
    public var skipReason: String? = nil
}

public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(String, String)
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open the database \(path): \(reason)"
        }
    }
}

/// The store on one machine: a SQLite file (WAL journal, so readers never wait for the writer),
/// schema changes in one ordered list of migrations. Every ingest is one transaction: the article
/// and its story assignment are written together or not at all, so a crash never leaves an
/// article without its story or half a merge.
public final class SQLiteStore: ArticleStore {
    let pool: DatabasePool
    public let path: String

    /// The default file: `$PRECIS_DB`, else `precis.sqlite` in the current directory.
    public static var defaultPath: String {
        ProcessInfo.processInfo.environment["PRECIS_DB"] ?? "precis.sqlite"
    }

    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError.cannotOpen(path, "\(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: articles with their story") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        key TEXT NOT NULL UNIQUE,
                        origin TEXT NOT NULL,
                        url TEXT, title TEXT, date TEXT, site TEXT,
                        text TEXT NOT NULL,
                        story INTEGER,
                        duplicate_of INTEGER,
                        skip_reason TEXT,
                        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    );
                    CREATE INDEX article_story ON article(story);
                    """)
        }
        m.registerMigration("v2: story digests (summary and facts) with the version they were made from") { db in
            try db.execute(
                sql: """
                    CREATE TABLE story_digest (
                        story INTEGER PRIMARY KEY,
                        version TEXT NOT NULL,
                        json TEXT NOT NULL,
                        made_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    );
                    """)
        }
        m.registerMigration("v3: what cleaning removed from each article") { db in
            try db.execute(sql: "ALTER TABLE article ADD COLUMN removed TEXT")
        }
        m.registerMigration("v4 (service): the story page kept with the digest it shows") { db in
            try db.execute(sql: "ALTER TABLE story_digest ADD COLUMN page TEXT")
        }
        m.registerMigration("v6: the authors of each article") { db in
            try db.execute(sql: "ALTER TABLE article ADD COLUMN authors TEXT")
        }
        m.registerMigration("v5 (service): the story list, kept up to date as articles are placed") { db in
            try db.execute(
                sql: """
                    CREATE TABLE story_entry (
                        story INTEGER PRIMARY KEY,
                        headline TEXT,
                        articles INTEGER NOT NULL,
                        first_date TEXT, latest_date TEXT,
                        latest_day TEXT NOT NULL,
                        latest_id INTEGER NOT NULL
                    );
                    CREATE INDEX story_entry_newest ON story_entry(latest_day DESC, latest_id DESC);
                    INSERT INTO story_entry \(storyEntry) WHERE story IS NOT NULL GROUP BY story;
                    """)
        }
        m.registerMigration("v7 (service): a snapshot of the story index, so start-up reads it instead of replaying") { db in
            try db.execute(
                sql: """
                    CREATE TABLE story_state (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        last_article INTEGER NOT NULL,
                        parts INTEGER NOT NULL,
                        bytes INTEGER NOT NULL,
                        saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    );
                    CREATE TABLE story_state_part (
                        generation INTEGER NOT NULL,
                        part INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (generation, part)
                    );
                    """)
        }
        m.registerMigration("v8: each article's clustering features, so other processes place it without reading its text") { db in
            try db.execute(sql: "ALTER TABLE article ADD COLUMN features BLOB")
        }
        return m
    }

    public var location: String { path }

    public func placed(after id: Int64) async throws -> [PlacedArticle] {
        try await pool.read { db in try Self.placed(db, after: id) }
    }

    /// The articles stored after `id`, oldest first, with the clustering features their placer kept
    /// (nil for articles stored before features were kept): what catching up replays.
    static func placed(_ db: Database, after id: Int64) throws -> [PlacedArticle] {
        let rows = try Row.fetchAll(db, sql: "SELECT \(StoredArticle.placementColumns) FROM article WHERE id > ? ORDER BY id", arguments: [id]).map {
            row -> PlacedArticle in (article(row), (row["features"] as Data?).map { [UInt8]($0) })
        }
        let ids = StoryIndex.unreadable(rows)
        guard !ids.isEmpty else { return rows }
        let whole = try Row.fetchAll(
            db, sql: "SELECT \(StoredArticle.columns) FROM article WHERE id IN (\(ids.map(String.init).joined(separator: ",")))"
        ).map(article)
        return StoryIndex.withTexts(rows, whole: whole)
    }

    public func storyStateArticle() async throws -> Int64? {
        try await pool.read { db in try Int64.fetchOne(db, sql: "SELECT last_article FROM story_state WHERE id = 1") }
    }

    public func storyState() async throws -> (lastArticle: Int64, snapshot: [UInt8])? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT last_article, parts, bytes FROM story_state WHERE id = 1") else { return nil }
            let last: Int64 = row["last_article"]
            let parts = try Data.fetchAll(db, sql: "SELECT data FROM story_state_part WHERE generation = ? ORDER BY part", arguments: [last])
            return (last, SnapshotParts.join(parts, expected: (row["parts"], row["bytes"])))
        }
    }

    public func saveStoryState(lastArticle: Int64, snapshot: [UInt8]) async throws {
        try await saveStoryState(lastArticle: lastArticle, snapshot: snapshot, partBytes: SnapshotParts.size)
    }

    /// Writes the snapshot in parts, each its own short transaction (articles are stored between
    /// two), then points the state at them and drops older parts in one last transaction.
    func saveStoryState(lastArticle: Int64, snapshot: [UInt8], partBytes: Int) async throws {
        if let kept = try await storyStateArticle(), kept >= lastArticle { return }
        let parts = SnapshotParts.split(snapshot, size: partBytes)
        for (k, part) in parts.enumerated() {
            let data = Data(part)
            try await pool.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO story_state_part (generation, part, data) VALUES (?, ?, ?)", arguments: [lastArticle, k, data])
            }
        }
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO story_state (id, last_article, parts, bytes) VALUES (1, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET last_article = excluded.last_article, parts = excluded.parts, bytes = excluded.bytes,
                        saved_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                    WHERE excluded.last_article > story_state.last_article
                    """, arguments: [lastArticle, parts.count, snapshot.count])
            try db.execute(sql: "DELETE FROM story_state_part WHERE generation < (SELECT last_article FROM story_state WHERE id = 1)")
        }
    }

    /// A story's line in the list, from its articles (`WHERE story ...` and `GROUP BY story` follow):
    /// the headline is the first titled article's title; stories sort by their latest day, then by
    /// their latest article.
    static let storyEntry = """
        SELECT story, (SELECT title FROM article h WHERE h.story = a.story AND h.title IS NOT NULL ORDER BY h.id LIMIT 1),
               COUNT(*), MIN(date), MAX(date), COALESCE(MAX(substr(date, 1, 10)), ''), MAX(id)
        FROM article a
        """

    /// Makes the list's lines of these stories again from their articles (none for a story left empty).
    static func refresh(_ db: Database, stories: Set<Int64>) throws {
        for story in stories {
            try db.execute(sql: "DELETE FROM story_entry WHERE story = ?", arguments: [story])
            try db.execute(sql: "INSERT INTO story_entry \(storyEntry) WHERE story = ? GROUP BY story", arguments: [story])
        }
    }

    public func storedDigest(story: Int64, version: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT json FROM story_digest WHERE story = ? AND version = ?", arguments: [story, version])
        }
    }

    public func storedPage(story: Int64, version: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT page FROM story_digest WHERE story = ? AND version = ?", arguments: [story, version])
        }
    }

    public func saveDigest(story: Int64, version: String, json: String, page: String?) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO story_digest (story, version, json, page) VALUES (?, ?, ?, ?)
                    ON CONFLICT(story) DO UPDATE SET version = excluded.version, json = excluded.json, page = excluded.page,
                        made_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                    """, arguments: [story, version, json, page])
        }
    }

    public func ingest(_ articles: [StoredArticle], index: StoryIndex) async throws -> [IngestResult] {
        try await pool.write { db in
            index.catchUp(try Self.placed(db, after: index.lastID))
            return try Self.ingest(db, articles) { article, id in
                var a = article
                a.id = id
                return index.place(a)
            }
        }
    }

    public func articleCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0 }
    }

    /// Stores an article unless one with the same key is there, placing it with `place` (called
    /// inside the transaction with the new article's id). Returns its id and whether it is new.
    public func ingest(_ article: StoredArticle, place: (Int64) throws -> Placement) throws -> IngestResult {
        try pool.write { db in try Self.ingest(db, [article]) { _, id in try place(id) }[0] }
    }

    /// Stores a batch in the caller's transaction, placing each new article with `place` (given the
    /// article and its new id), and makes the story list's lines of the stories that changed again,
    /// once for the batch.
    static func ingest(_ db: Database, _ articles: [StoredArticle], place: (StoredArticle, Int64) throws -> Placement) throws -> [IngestResult] {
        var changed = Set<Int64>()
        let results = try articles.map { article in try insert(db, article, changed: &changed) { id in try place(article, id) } }
        try refresh(db, stories: changed)
        return results
    }

    /// Stores one article unless its key is there and writes its placement; adds the stories whose
    /// list lines must be made again to `changed` (refreshed once for a whole batch).
    static func insert(_ db: Database, _ article: StoredArticle, changed: inout Set<Int64>, place: (Int64) throws -> Placement) throws -> IngestResult {
        if let row = try Row.fetchOne(db, sql: "SELECT id, story, skip_reason FROM article WHERE key = ?", arguments: [article.key]) {
            return IngestResult(id: row["id"], created: false, story: row["story"], skipReason: row["skip_reason"])
        }
        try db.execute(
            sql: """
                INSERT INTO article (key, origin, url, title, date, site, text, removed, authors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                article.key, article.origin, article.url, article.title, article.date, article.site, article.text, article.removed,
                StoredArticle.authorsColumn(article.authors)
            ])
        let id = db.lastInsertedRowID
        let placement = try place(id)
        try db.execute(
            sql: "UPDATE article SET story = ?, duplicate_of = ?, skip_reason = ?, features = ? WHERE id = ?",
            arguments: [placement.story, placement.duplicateOf, placement.skipReason, placement.features.isEmpty ? nil : Data(placement.features), id])
        if let story = placement.story { changed.insert(story) }
        for (moved, story) in placement.moved where moved != id {
            if let old = try Int64.fetchOne(db, sql: "SELECT story FROM article WHERE id = ?", arguments: [moved]) { changed.insert(old) }
            changed.insert(story)
            try db.execute(sql: "UPDATE article SET story = ? WHERE id = ?", arguments: [story, moved])
        }
        return IngestResult(id: id, created: true, story: placement.story, skipReason: placement.skipReason)
    }

    static func article(_ row: Row) -> StoredArticle {
        StoredArticle(
            id: row["id"], key: row["key"], origin: row["origin"], url: row["url"], title: row["title"],
            date: row["date"], site: row["site"], text: row["text"], story: row["story"],
            duplicateOf: row["duplicate_of"], skipReason: row["skip_reason"], removed: row["removed"],
            authors: StoredArticle.authors(fromColumn: row["authors"]))
    }

    /// Every article in the order it was stored (to rebuild the story index at start-up).
    public func allArticles() async throws -> [StoredArticle] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT \(StoredArticle.columns) FROM article ORDER BY id").map(Self.article) }
    }

    public func articles(inStory story: Int64) async throws -> [StoredArticle] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(StoredArticle.columns) FROM article WHERE story = ? ORDER BY id", arguments: [story]).map(Self.article)
        }
    }

    /// A value that changes whenever the story's articles do (their number and the newest id).
    public func storyVersion(_ story: Int64) async throws -> String {
        try await pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, MAX(id) AS last FROM article WHERE story = ?", arguments: [story])
            return "\(row?["n"] as Int? ?? 0)-\(row?["last"] as Int64? ?? 0)"
        }
    }

    public func article(id: Int64) async throws -> StoredArticle? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT \(StoredArticle.columns) FROM article WHERE id = ?", arguments: [id]).map(Self.article) }
    }

    /// Stories, biggest... no: newest first (by their latest article date, then their latest article),
    /// `limit` from `offset`.
    /// An indexed read of the list the ingests keep (`story_entry`), never a grouping of all articles.
    public func stories(limit: Int, offset: Int) async throws -> (stories: [StoredStory], total: Int) {
        try await pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story_entry") ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT story, headline, articles, first_date, latest_date FROM story_entry
                    ORDER BY latest_day DESC, latest_id DESC LIMIT ? OFFSET ?
                    """, arguments: [limit, offset])
            let stories = rows.map { row in
                StoredStory(
                    id: row["story"], headline: row["headline"], articles: row["articles"],
                    firstDate: row["first_date"], latestDate: row["latest_date"])
            }
            return (stories, total)
        }
    }

    /// Articles whose title or text holds every word of the query (case-insensitive), newest first.
    public func search(_ query: String, limit: Int) async throws -> [StoredArticle] {
        let words = query.lowercased().split(whereSeparator: { $0.isWhitespace }).prefix(8).map(String.init)
        guard !words.isEmpty else { return [] }
        let clause = words.map { _ in "(lower(coalesce(title, '')) LIKE ? ESCAPE '\\' OR lower(text) LIKE ? ESCAPE '\\')" }.joined(separator: " AND ")
        var patterns: [String] = []
        for w in words {
            let escaped = w.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            patterns.append("%\(escaped)%")
            patterns.append("%\(escaped)%")
        }
        let bound = patterns
        return try await pool.read { db in
            var arguments = StatementArguments(bound)
            arguments += [limit]
            return try Row.fetchAll(
                db, sql: "SELECT \(StoredArticle.columns) FROM article WHERE \(clause) ORDER BY id DESC LIMIT ?",
                arguments: arguments
            ).map(Self.article)
        }
    }
}
