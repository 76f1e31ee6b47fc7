import Foundation
import PostgresNIO
import PrecisStories
import Testing

@testable import PrecisStore

/// The PostgreSQL URL the tests may use (`make test` starts a server on loopback and sets it).
enum TestPostgres {
    static var url: String? {
        let u = ProcessInfo.processInfo.environment["PRECIS_TEST_POSTGRES"] ?? ""
        return u.isEmpty ? nil : u
    }
}

@Suite(.serialized, .enabled(if: TestPostgres.url != nil, "needs PRECIS_TEST_POSTGRES (make test starts PostgreSQL)"))
struct PostgresStoreTests {
    func fresh() async throws -> PostgresStore {
        try await PostgresStore.connect(url: TestPostgres.url!).dropEverything()
        return try await PostgresStore.open(url: TestPostgres.url!)
    }

    @Test func ingestIsIdempotentAndStoriesSurviveARestart() async throws {
        let store = try await fresh()
        let index = StoryIndex(articles: [])
        var results: [IngestResult] = []
        for (k, text) in SQLiteStoreTests.texts.enumerated() {
            results.append(try await store.ingest(StoredArticle(key: "k\(k)", origin: "t\(k)", text: text), index: index))
        }
        #expect(results.map(\.created) == [true, true, true, true])
        #expect(results[2].story == results[0].id)
        #expect(results[3].story == nil && results[3].skipReason != nil)
        let again = try await store.ingest(StoredArticle(key: "k0", origin: "t0", text: SQLiteStoreTests.texts[0]), index: index)
        #expect(again.created == false && again.id == results[0].id)
        #expect(try await store.articleCount() == 4)
        // Another process: a new connection and an index rebuilt from the database.
        let other = try await PostgresStore.open(url: TestPostgres.url!)
        let rebuilt = StoryIndex(articles: try await other.allArticles())
        let next = try await other.ingest(
            StoredArticle(
                key: "k9", origin: "t9",
                text:
                    "Calder harbour wall work starts. Work on the Calder harbour wall began, the council said, after the 4.2 million crowns were approved on Monday."
            ), index: rebuilt)
        #expect(next.story == results[0].id)
        let (stories, total) = try await other.stories(limit: 10, offset: 0)
        #expect(total == 2)
        #expect(stories.first { $0.id == results[0].id }?.articles == 3)
        #expect(try await other.search("chess vesterby", limit: 5).map(\.id) == [results[1].id])
        // The version is the story's count of articles and its newest id, read from its line of the
        // story list; a story with no article has none.
        #expect(try await other.storyVersion(results[0].id) == "3-\(next.id)")
        #expect(try await other.storyVersion(next.id + 1_000) == "0-0")
        try await other.saveDigest(story: results[0].id, version: "v1", json: "{}", page: nil)
        #expect(try await store.storedPage(story: results[0].id, version: "v1") == nil, "a digest kept without its page")
        try await other.saveDigest(story: results[0].id, version: "v2", json: "{\"a\": 1}", page: "<p>a</p>")
        #expect(try await store.storedDigest(story: results[0].id, version: "v2") == "{\"a\": 1}")
        #expect(try await store.storedPage(story: results[0].id, version: "v2") == "<p>a</p>")
        #expect(try await store.storedDigest(story: results[0].id, version: "v1") == nil)
        let view = try await store.storedView(story: results[0].id, version: "v2")
        #expect(view?.json == "{\"a\": 1}" && view?.page == "<p>a</p>")
        #expect(try await store.storedView(story: results[0].id, version: "v1") == nil)
    }

    /// A story's line in the story list is made from that story's articles alone: its first titled
    /// article is found in an index of the story's articles by id, not by walking the archive's
    /// primary key, so a write costs the same however many articles are stored.
    @Test func theStoryListLineReadsOnlyTheStorysArticles() async throws {
        let store = try await fresh()
        let plan = try await store.client.withConnection { c in
            var lines: [String] = []
            let query = "EXPLAIN (FORMAT TEXT) \(PostgresStore.storyEntry) WHERE story = ANY('{1,2}'::bigint[]) GROUP BY story"
            for try await line in try await c.query(PostgresQuery(unsafeSQL: query), logger: store.logger).decode(String.self) {
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }
        #expect(plan.contains("article_story_id"), "\(plan)")
        #expect(!plan.contains("article_pkey"), "\(plan)")
    }

    /// The snapshot's parts are kept as they are, not compressed by PostgreSQL on every save.
    @Test func snapshotPartsAreStoredUncompressed() async throws {
        let store = try await fresh()
        let storage = try await store.client.withConnection { c in
            var out: [String] = []
            let query: PostgresQuery = """
                SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'story_state_part'::regclass AND attname = 'data'
                """
            for try await value in try await c.query(query, logger: store.logger).decode(String.self) { out.append(value) }
            return out
        }
        #expect(storage == ["e"])
    }

    @Test func aProcessStartingUpReadsTheSnapshotAnotherSaved() async throws {
        let store = try await fresh()
        let articles = StorySnapshotTests.stream(80)
        let writer = StoryIndex(articles: [])
        for a in articles[..<60] {
            _ = try await store.ingest(StoredArticle(key: a.key, origin: a.origin, title: a.title, date: a.date, text: a.text), index: writer)
        }
        try await store.saveStoryState(lastArticle: writer.lastID, snapshot: writer.snapshot())
        try await store.saveStoryState(lastArticle: 3, snapshot: [0])  // older: kept out
        for a in articles[60...] {
            _ = try await store.ingest(StoredArticle(key: a.key, origin: a.origin, title: a.title, date: a.date, text: a.text), index: writer)
        }
        let other = try await PostgresStore.open(url: TestPostgres.url!)
        let (index, origin) = try await StoryIndex.load(from: other)
        #expect(origin.snapshotArticles == 60 && origin.replayed == 20 && origin.snapshotRefused == nil)
        #expect(index.storiesByArticle() == writer.storiesByArticle())
    }

    @Test func aBatchIsStoredAndPlacedAsOneArticleAtATimeWouldBe() async throws {
        let store = try await fresh()
        let articles = StorySnapshotTests.stream(90).map { StoredArticle(key: $0.key, origin: $0.origin, title: $0.title, date: $0.date, text: $0.text) }
        // Batches of seven, one of them holding an article twice and one an article stored before.
        var batches = stride(from: 0, to: articles.count, by: 7).map { Array(articles[$0..<min($0 + 7, articles.count)]) }
        batches[3].insert(batches[3][1], at: 4)
        batches[5].append(articles[2])
        let index = StoryIndex(articles: [])
        var results: [IngestResult] = []
        for batch in batches { results += try await store.ingest(batch, index: index) }
        #expect(results.filter(\.created).count == 90 && results.count == 92)
        #expect(results[3 * 7 + 4].created == false && results[3 * 7 + 4].id == results[3 * 7 + 1].id)
        // The same articles one at a time, in a SQLite store: the same ids, stories, copies and list.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("precis-batch-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let single = try SQLiteStore(path: path)
        let other = StoryIndex(articles: [])
        for a in articles { _ = try await single.ingest(a, index: other) }
        func rows(_ s: any ArticleStore) async throws -> [String] {
            try await s.allArticles().map { "\($0.id) \($0.key) \($0.story ?? 0) \($0.duplicateOf ?? 0) \($0.skipReason ?? "-")" }
        }
        #expect(try await rows(store) == rows(single))
        #expect(try await store.stories(limit: 500, offset: 0).stories == single.stories(limit: 500, offset: 0).stories)
        // Each reply names the story its article is in once the batch is placed.
        let stored = Dictionary(uniqueKeysWithValues: try await store.allArticles().map { ($0.id, $0.story) })
        for r in results.suffix(7) { #expect(r.story == stored[r.id]!) }
    }

    @Test func anIndexBehindOtherWritersCatchesUp() async throws {
        let store = try await fresh()
        let a = StoryIndex(articles: []), b = StoryIndex(articles: [])
        // Two writers alternate, each with its own index: the second always catches up first.
        var stories: [Int64?] = []
        for (k, text) in SQLiteStoreTests.texts.enumerated() {
            let r = try await store.ingest(StoredArticle(key: "w\(k)", origin: "w\(k)", text: text), index: k % 2 == 0 ? a : b)
            stories.append(r.story)
        }
        // The same as one writer would have made.
        let single = StoryIndex(articles: [])
        var expected: [Int64?] = []
        var features: [[UInt8]] = []
        for article in try await store.allArticles() {
            var x = article
            x.story = nil
            let p = single.place(x)
            expected.append(p.story)
            features.append(p.features)
        }
        #expect(stories == expected)
        // Each article's clustering features are kept byte for byte (bound as bytea), so a writer
        // catching up places from them.
        let kept = try await store.placed(after: 0, connection: nil)
        #expect(kept.map { $0.features ?? [] } == features)
        #expect(features.allSatisfy { !$0.isEmpty })
    }
}
