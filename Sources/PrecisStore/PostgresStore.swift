import Foundation
import Logging
import PostgresNIO
import PrecisJSON

/// The store for several machines: a PostgreSQL database that several `precis` processes share.
///
/// Every ingest is one transaction that first takes a transaction-scoped advisory lock, so the
/// processes place articles one at a time; each catches its story index up with what the others
/// stored before placing its own (see `ArticleStore`). The schema is created by the migrations in
/// `migrations`, applied once each under the same lock.
public final class PostgresStore: ArticleStore {
    let client: PostgresClient
    private let runner: Task<Void, Never>
    public let location: String
    let logger = Logger(label: "precis.postgres")
    /// The advisory lock every writer takes (any fixed number, the same for all processes).
    static let writeLock: Int64 = 7_170_301_402

    /// Each written so that running it again changes nothing (IF NOT EXISTS), should a database hold a
    /// table its migration list does not record.
    static let migrations: [(String, String)] = [
        (
            "v1: articles with their story",
            """
            CREATE TABLE IF NOT EXISTS article (
                id BIGSERIAL PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                origin TEXT NOT NULL,
                url TEXT, title TEXT, date TEXT, site TEXT,
                text TEXT NOT NULL,
                story BIGINT,
                duplicate_of BIGINT,
                skip_reason TEXT,
                created_at TIMESTAMPTZ NOT NULL DEFAULT now()
            );
            CREATE INDEX IF NOT EXISTS article_story ON article(story);
            """
        ),
        (
            "v2: story digests (summary and facts) with the version they were made from",
            """
            CREATE TABLE IF NOT EXISTS story_digest (
                story BIGINT PRIMARY KEY,
                version TEXT NOT NULL,
                json TEXT NOT NULL,
                made_at TIMESTAMPTZ NOT NULL DEFAULT now()
            );
            """
        ),
        ("v3: what cleaning removed from each article", "ALTER TABLE article ADD COLUMN IF NOT EXISTS removed TEXT"),
        ("v4 (service): the story page kept with the digest it shows", "ALTER TABLE story_digest ADD COLUMN IF NOT EXISTS page TEXT"),
        ("v6: the authors of each article", "ALTER TABLE article ADD COLUMN IF NOT EXISTS authors TEXT"),
        (
            "v5 (service): the story list, kept up to date as articles are placed",
            """
            CREATE TABLE IF NOT EXISTS story_entry (
                story BIGINT PRIMARY KEY,
                headline TEXT,
                articles BIGINT NOT NULL,
                first_date TEXT, latest_date TEXT,
                latest_day TEXT NOT NULL,
                latest_id BIGINT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS story_entry_newest ON story_entry(latest_day DESC, latest_id DESC);
            INSERT INTO story_entry \(storyEntry) WHERE story IS NOT NULL GROUP BY story ON CONFLICT DO NOTHING
            """
        ),
        (
            "v7 (service): a snapshot of the story index, so start-up reads it instead of replaying",
            """
            CREATE TABLE IF NOT EXISTS story_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last_article BIGINT NOT NULL,
                parts INTEGER NOT NULL,
                bytes BIGINT NOT NULL,
                saved_at TIMESTAMPTZ NOT NULL DEFAULT now()
            );
            CREATE TABLE IF NOT EXISTS story_state_part (
                generation BIGINT NOT NULL,
                part INTEGER NOT NULL,
                data BYTEA NOT NULL,
                PRIMARY KEY (generation, part)
            )
            """
        ),
        (
            "v8: each article's clustering features, so other processes place it without reading its text",
            "ALTER TABLE article ADD COLUMN IF NOT EXISTS features BYTEA"
        ),
        (
            // The story list's line takes a story's first titled article by id: on an index of story
            // alone PostgreSQL walked the primary key from the first article of the archive, a cost
            // that grew with every article stored.
            "v9: each story's articles indexed in id order",
            """
            CREATE INDEX IF NOT EXISTS article_story_id ON article(story, id);
            DROP INDEX IF EXISTS article_story
            """
        ),
        (
            // A snapshot's parts are written as they are: PostgreSQL's default compression of each
            // 4 MB part cost more CPU than any other statement but the placing ones (in a scale-out
            // run, 225 ms for six parts against 53 ms stored as they are) for a snapshot about twice
            // as large.
            "v10: snapshot parts stored uncompressed",
            "ALTER TABLE story_state_part ALTER COLUMN data SET STORAGE EXTERNAL"
        )
    ]

    /// A story's line in the list, from its articles (as in `SQLiteStore.storyEntry`).
    static let storyEntry = """
        SELECT story, (SELECT title FROM article h WHERE h.story = a.story AND h.title IS NOT NULL ORDER BY h.id LIMIT 1),
               COUNT(*), MIN(date), MAX(date), COALESCE(MAX(substr(date, 1, 10)), ''), MAX(id)
        FROM article a
        """

    init(client: PostgresClient, location: String) {
        self.client = client
        self.location = location
        runner = Task { await client.run() }
    }

    deinit { runner.cancel() }

    /// Connects to `postgres://user:password@host:port/database` and brings the schema up to date.
    public static func open(url: String) async throws -> PostgresStore {
        let store = try connect(url: url)
        do {
            try await store.migrate()
        } catch {
            throw StoreError.cannotOpen(store.location, String(reflecting: error))
        }
        return store
    }

    /// Connects without touching the schema.
    static func connect(url: String) throws -> PostgresStore {
        guard let u = URLComponents(string: url), let host = u.host, let user = u.user else {
            throw StoreError.cannotOpen(url, "give postgres://user:password@host:port/database")
        }
        let database = String(u.path.drop(while: { $0 == "/" }))
        let config = PostgresClient.Configuration(
            host: host, port: u.port ?? 5432, username: user, password: u.password,
            database: database.isEmpty ? user : database, tls: .disable)
        let location = "postgres://\(host):\(u.port ?? 5432)/\(database)"
        return PostgresStore(client: PostgresClient(configuration: config), location: location)
    }

    func migrate() async throws {
        try await apply(Self.migrations)
    }

    /// Applies the named migrations not yet recorded in `precis_migration`, in order, under the write
    /// lock, in one transaction: several processes starting at once apply each exactly once.
    func apply(_ migrations: [(String, String)]) async throws {
        try await client.withTransaction(logger: logger) { c in
            try await c.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger: logger)
            try await c.query(
                "CREATE TABLE IF NOT EXISTS precis_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())", logger: logger)
            var applied = Set<String>()
            for try await name in try await c.query("SELECT name FROM precis_migration", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            for (name, sql) in migrations where !applied.contains(name) {
                for statement in sql.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !statement.isEmpty {
                    try await c.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await c.query("INSERT INTO precis_migration (name) VALUES (\(name))", logger: logger)
            }
        }
    }

    typealias ArticleRow = (Int64, String, String, String?, String?, String?, String?, String, Int64?, Int64?, String?, String?, String?)
    static let columns = StoredArticle.columns

    static func article(_ r: ArticleRow) -> StoredArticle {
        StoredArticle(
            id: r.0, key: r.1, origin: r.2, url: r.3, title: r.4, date: r.5, site: r.6, text: r.7,
            story: r.8, duplicateOf: r.9, skipReason: r.10, removed: r.11, authors: StoredArticle.authors(fromColumn: r.12))
    }

    func articles(_ rows: PostgresRowSequence) async throws -> [StoredArticle] {
        var out: [StoredArticle] = []
        for try await r in rows.decode(ArticleRow.self) { out.append(Self.article(r)) }
        return out
    }

    public func ingest(_ articles: [StoredArticle], index: StoryIndex) async throws -> [IngestResult] {
        let logger = self.logger
        // Catch up before taking the lock: what other processes stored is committed, so placed (an
        // article is inserted and placed under the lock, in one transaction, so the ids committed
        // are always a prefix). Replayed here, they no longer hold the lock: inside it this process
        // replays only what others stored while it waited, then places its own articles.
        // Done when other processes stored articles during the last write (else one query less).
        let held = index.count
        if index.othersWriting { index.catchUp(try await self.placed(after: index.lastID, connection: nil)) }
        return try await client.withTransaction(logger: logger) { c in
            try await c.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger: logger)
            index.catchUp(try await self.placed(after: index.lastID, connection: c))
            index.othersWriting = index.count > held
            return try await self.storeAndPlace(articles, index: index, connection: c)
        }
    }

    /// The articles stored after `id`, oldest first, each with the clustering features its placer
    /// kept (nil for articles stored before features were kept): what catching up replays.
    func placed(after id: Int64, connection: PostgresConnection?) async throws -> [PlacedArticle] {
        // On the transaction's connection when one is given.
        func run(_ query: PostgresQuery) async throws -> PostgresRowSequence {
            if let connection { return try await connection.query(query, logger: logger) }
            return try await client.query(query, logger: logger)
        }
        var out: [PlacedArticle] = []
        for try await r in try await run("SELECT \(unescaped: StoredArticle.placementColumns) FROM article WHERE id > \(id) ORDER BY id").decode(
            (Int64, String, String, String?, String?, String?, String?, String, Int64?, Int64?, String?, String?, String?, Data?).self)
        {
            let article = Self.article((r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9, r.10, r.11, r.12))
            out.append((article, r.13.map { [UInt8]($0) }))
        }
        let ids = StoryIndex.unreadable(out)
        guard !ids.isEmpty else { return out }
        let whole = try await articles(try await run("SELECT \(unescaped: Self.columns) FROM article WHERE id = ANY(\(ids)) ORDER BY id"))
        return StoryIndex.withTexts(out, whole: whole)
    }

    /// Stores the batch's new articles and writes their placements inside the batch's transaction,
    /// in a fixed number of statements whatever the batch's size (each a round trip made while the
    /// lock is held): the keys already stored, one insert of the new articles (ids in batch order),
    /// then, once each is placed in id order, one update of the placements, one of the articles that
    /// moved, and the story list's lines of every story that changed.
    private func storeAndPlace(_ articles: [StoredArticle], index: StoryIndex, connection c: PostgresConnection) async throws -> [IngestResult] {
        var known: [String: IngestResult] = [:]
        let keys = articles.map(\.key)
        for try await (id, key, story, reason) in try await c.query(
            "SELECT id, key, story, skip_reason FROM article WHERE key = ANY(\(keys))", logger: logger
        ).decode((Int64, String, Int64?, String?).self) {
            known[key] = IngestResult(id: id, created: false, story: story, skipReason: reason)
        }
        var fresh: [StoredArticle] = []
        var freshKeys = Set<String>()
        for a in articles where known[a.key] == nil && freshKeys.insert(a.key).inserted { fresh.append(a) }
        var placed: [String: IngestResult] = [:]
        var moved: [Int64: Int64] = [:]
        var changed = Set<Int64>()
        if !fresh.isEmpty {
            var ids: [String: Int64] = [:]
            for try await (id, key) in try await c.query(
                """
                INSERT INTO article (key, origin, url, title, date, site, text, removed, authors)
                SELECT key, origin, url, title, date, site, text, removed, authors
                FROM ROWS FROM (json_to_recordset(\(Self.json(fresh))::json) AS (
                    key text, origin text, url text, title text, date text, site text, text text, removed text, authors text))
                    WITH ORDINALITY AS t(key, origin, url, title, date, site, text, removed, authors, position)
                ORDER BY position
                RETURNING id, key
                """, logger: logger
            ).decode((Int64, String).self) { ids[key] = id }
            var placements: (ids: [Int64], stories: [Int64], copies: [Int64], reasons: [String], features: [ByteBuffer]) = ([], [], [], [], [])
            for var a in fresh.sorted(by: { ids[$0.key]! < ids[$1.key]! }) {
                a.id = ids[a.key]!
                let p = index.place(a)
                placed[a.key] = IngestResult(id: a.id, created: true, story: p.story, skipReason: p.skipReason)
                placements.ids.append(a.id)
                placements.stories.append(p.story ?? -1)
                placements.copies.append(p.duplicateOf ?? -1)
                placements.reasons.append(p.skipReason ?? "")
                placements.features.append(ByteBuffer(bytes: p.features))
                if let story = p.story { changed.insert(story) }
                for (article, story) in p.moved where article != a.id { moved[article] = story }
            }
            try await c.query(
                """
                UPDATE article SET story = NULLIF(u.story, -1), duplicate_of = NULLIF(u.copy, -1), skip_reason = NULLIF(u.reason, ''),
                    features = NULLIF(u.features, ''::bytea)
                FROM unnest(\(placements.ids), \(placements.stories), \(placements.copies), \(placements.reasons), \(placements.features))
                    AS u(id, story, copy, reason, features)
                WHERE article.id = u.id
                """, logger: logger)
        }
        if !moved.isEmpty {
            let (articleIDs, stories) = (Array(moved.keys), moved.keys.map { moved[$0]! })
            for try await old in try await c.query("SELECT story FROM article WHERE id = ANY(\(articleIDs))", logger: logger).decode(Int64?.self) {
                if let old { changed.insert(old) }
            }
            changed.formUnion(stories)
            try await c.query(
                "UPDATE article SET story = u.story FROM unnest(\(articleIDs), \(stories)) AS u(id, story) WHERE article.id = u.id", logger: logger)
        }
        if !changed.isEmpty {
            // The story list's lines of the stories that changed, made again from their articles.
            let stories = Array(changed)
            try await c.query("DELETE FROM story_entry WHERE story = ANY(\(stories))", logger: logger)
            var bindings = PostgresBindings()
            bindings.append(stories)
            try await c.query(
                PostgresQuery(unsafeSQL: "INSERT INTO story_entry \(Self.storyEntry) WHERE story = ANY($1) GROUP BY story", binds: bindings), logger: logger)
        }
        // In the batch's order; an article stored before, or twice in the batch, with its story now.
        return articles.map { a in
            if let r = placed[a.key] {
                var first = r
                if freshKeys.remove(a.key) == nil { first.created = false }
                if let now = moved[first.id] { first.story = now }
                return first
            }
            var r = known[a.key]!
            if let now = moved[r.id] { r.story = now }
            return r
        }
    }

    /// The articles as a JSON array of objects, for one insert of them all.
    static func json(_ articles: [StoredArticle]) -> String {
        JSONOutput.array(
            articles.map { a in
                .object([
                    ("key", .string(a.key)), ("origin", .string(a.origin)), ("url", .optional(a.url)), ("title", .optional(a.title)),
                    ("date", .optional(a.date)), ("site", .optional(a.site)), ("text", .string(a.text)), ("removed", .optional(a.removed)),
                    ("authors", .optional(StoredArticle.authorsColumn(a.authors)))
                ])
            }
        ).serialized()
    }

    public func allArticles() async throws -> [StoredArticle] {
        try await articles(client.query("SELECT \(unescaped: Self.columns) FROM article ORDER BY id", logger: logger))
    }

    public func articles(inStory story: Int64) async throws -> [StoredArticle] {
        try await articles(client.query("SELECT \(unescaped: Self.columns) FROM article WHERE story = \(story) ORDER BY id", logger: logger))
    }

    public func article(id: Int64) async throws -> StoredArticle? {
        try await articles(client.query("SELECT \(unescaped: Self.columns) FROM article WHERE id = \(id)", logger: logger)).first
    }

    /// Read from the story's line of the story list (its count of articles and newest id, kept in the
    /// placing transaction): a lookup by key, not a count over the story's articles.
    public func storyVersion(_ story: Int64) async throws -> String {
        for try await (n, last) in try await client.query("SELECT articles, latest_id FROM story_entry WHERE story = \(story)", logger: logger).decode(
            (Int64, Int64).self)
        {
            return "\(n)-\(last)"
        }
        return "0-0"
    }

    public func stories(limit: Int, offset: Int) async throws -> (stories: [StoredStory], total: Int) {
        var total = 0
        for try await n in try await client.query("SELECT COUNT(*) FROM story_entry", logger: logger).decode(Int64.self) { total = Int(n) }
        var out: [StoredStory] = []
        let rows = try await client.query(
            """
            SELECT story, articles, first_date, latest_date, headline FROM story_entry
            ORDER BY latest_day DESC, latest_id DESC
            LIMIT \(limit) OFFSET \(offset)
            """, logger: logger)
        for try await (story, n, first, latest, headline) in rows.decode((Int64, Int64, String?, String?, String?).self) {
            out.append(StoredStory(id: story, headline: headline, articles: Int(n), firstDate: first, latestDate: latest))
        }
        return (out, total)
    }

    public func search(_ query: String, limit: Int) async throws -> [StoredArticle] {
        let words = query.lowercased().split(whereSeparator: { $0.isWhitespace }).prefix(8).map(String.init)
        guard !words.isEmpty else { return [] }
        // Every word must appear: one position() test per word, each word a bound parameter.
        var sql = PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM article WHERE TRUE")
        var bindings = PostgresBindings()
        for w in words {
            bindings.append(w)
            sql = PostgresQuery(unsafeSQL: sql.sql + " AND position($\(bindings.count) in lower(coalesce(title, '') || ' ' || text)) > 0", binds: bindings)
        }
        bindings.append(limit)
        sql = PostgresQuery(unsafeSQL: sql.sql + " ORDER BY id DESC LIMIT $\(bindings.count)", binds: bindings)
        return try await articles(client.query(sql, logger: logger))
    }

    /// Drops Precis's tables (tests start from an empty database with it).
    func dropEverything() async throws {
        try await client.query("DROP TABLE IF EXISTS article, story_digest, story_entry, story_state, story_state_part, precis_migration", logger: logger)
    }

    public func storedDigest(story: Int64, version: String) async throws -> String? {
        for try await json in try await client.query("SELECT json FROM story_digest WHERE story = \(story) AND version = \(version)", logger: logger).decode(
            String.self)
        {
            return json
        }
        return nil
    }

    public func storedView(story: Int64, version: String) async throws -> (json: String, page: String?)? {
        for try await (json, page) in try await client.query(
            "SELECT json, page FROM story_digest WHERE story = \(story) AND version = \(version)", logger: logger
        ).decode((String, String?).self) {
            return (json, page)
        }
        return nil
    }

    public func storedPage(story: Int64, version: String) async throws -> String? {
        for try await page in try await client.query("SELECT page FROM story_digest WHERE story = \(story) AND version = \(version)", logger: logger).decode(
            String?.self)
        {
            return page
        }
        return nil
    }

    public func saveDigest(story: Int64, version: String, json: String, page: String?) async throws {
        try await client.query(
            """
            INSERT INTO story_digest (story, version, json, page) VALUES (\(story), \(version), \(json), \(page))
            ON CONFLICT (story) DO UPDATE SET version = excluded.version, json = excluded.json, page = excluded.page, made_at = now()
            """, logger: logger)
    }

    public func placed(after id: Int64) async throws -> [PlacedArticle] {
        try await placed(after: id, connection: nil)
    }

    public func storyStateArticle() async throws -> Int64? {
        for try await last in try await client.query("SELECT last_article FROM story_state WHERE id = 1", logger: logger).decode(Int64.self) {
            return last
        }
        return nil
    }

    public func storyState() async throws -> (lastArticle: Int64, snapshot: [UInt8])? {
        // One statement, so one view of the tables: a save pointing the state at newer parts and
        // dropping these is seen whole or not at all.
        var last: Int64?
        var expected = (parts: 0, bytes: 0)
        var parts: [Data] = []
        for try await (generation, count, bytes, data) in try await client.query(
            """
            SELECT s.last_article, s.parts, s.bytes, p.data FROM story_state s
            LEFT JOIN story_state_part p ON p.generation = s.last_article WHERE s.id = 1 ORDER BY p.part
            """, logger: logger
        ).decode((Int64, Int32, Int64, Data?).self) {
            last = generation
            expected = (Int(count), Int(bytes))
            if let data { parts.append(data) }
        }
        guard let last else { return nil }
        return (last, SnapshotParts.join(parts, expected: expected))
    }

    public func saveStoryState(lastArticle: Int64, snapshot: [UInt8]) async throws {
        if let kept = try await storyStateArticle(), kept >= lastArticle { return }
        let parts = SnapshotParts.split(snapshot, size: SnapshotParts.size)
        for (k, part) in parts.enumerated() {
            let data = Data(part), number = Int32(k)
            try await client.query(
                """
                INSERT INTO story_state_part (generation, part, data) VALUES (\(lastArticle), \(number), \(data))
                ON CONFLICT (generation, part) DO UPDATE SET data = excluded.data
                """, logger: logger)
        }
        let (count, bytes) = (Int32(parts.count), Int64(snapshot.count))
        try await client.withTransaction(logger: logger) { c in
            try await c.query(
                """
                INSERT INTO story_state (id, last_article, parts, bytes) VALUES (1, \(lastArticle), \(count), \(bytes))
                ON CONFLICT (id) DO UPDATE SET last_article = excluded.last_article, parts = excluded.parts, bytes = excluded.bytes, saved_at = now()
                WHERE excluded.last_article > story_state.last_article
                """, logger: logger)
            try await c.query("DELETE FROM story_state_part WHERE generation < (SELECT last_article FROM story_state WHERE id = 1)", logger: logger)
        }
    }

    public func articleCount() async throws -> Int {
        for try await n in try await client.query("SELECT COUNT(*) FROM article", logger: logger).decode(Int64.self) { return Int(n) }
        return 0
    }
}
