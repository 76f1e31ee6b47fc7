import Foundation
import GRDB
import PrecisStories
import Testing

@testable import PrecisStore

@Suite struct SQLiteStoreTests {
    static let texts = [
        "Calder council votes to rebuild harbour wall. The Calder town council voted on Monday to rebuild the crumbling harbour wall before winter, approving 4.2 million crowns for the work.",
        "Teenager wins Norland chess title. Sixteen-year-old Mira Sandvik won the Norland chess championship in Vesterby on Sunday, beating grandmaster Tomas Ekholm after six hours.",
        "Harbour wall rebuild approved in Calder. Calder will rebuild its harbour wall this autumn after the town council approved 4.2 million crowns on Monday for the harbour work.",
        "Notice. Please log in."
    ]

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("precis-store-\(UUID().uuidString).sqlite").path
    }

    func ingestAll(_ store: SQLiteStore, _ index: StoryIndex) throws -> [IngestResult] {
        try Self.texts.enumerated().map { k, text in
            let a = StoredArticle(key: "k\(k)", origin: "t\(k)", text: text)
            return try store.ingest(a) { id in
                var s = a
                s.id = id
                return index.place(s)
            }
        }
    }

    /// Two processes on one file, each with its own index, write in turn: each catches up from the
    /// features the other kept (every placed article has them) and the stories are one writer's.
    @Test func twoWritersOnOneFileCatchUpFromKeptFeatures() async throws {
        let path = temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
        let a = StoryIndex(articles: []), b = StoryIndex(articles: [])
        let articles = InventedNews.articles(count: 60, events: 6)
        var stories: [Int64?] = []
        for (k, article) in articles.enumerated() {
            let r = try await (k % 2 == 0 ? first : second).ingest([article], index: k % 2 == 0 ? a : b)
            stories.append(r[0].story)
        }
        let single = StoryIndex(articles: [])
        let stored = try await first.allArticles()
        var expected: [Int64?] = []
        for var x in stored {
            x.story = nil
            expected.append(single.place(x).story)
        }
        #expect(stories == expected)
        #expect(Set(stories.compactMap { $0 }).count > 3)
        let kept = try await first.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE features IS NOT NULL") }
        #expect(kept == stored.count)
    }

    /// Catching up reads an article's text only where its kept features cannot be read (damaged,
    /// another version) or none were kept: those are read whole and placed from their texts, and
    /// the stories are still the writer's.
    @Test func catchingUpReadsTextsOnlyWhereTheFeaturesCannotBeRead() async throws {
        let path = temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        let writer = StoryIndex(articles: [])
        for article in InventedNews.articles(count: 30, events: 4) { _ = try await store.ingest([article], index: writer) }
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE article SET features = substr(features, 1, 10) WHERE id = 5")
            try db.execute(sql: "UPDATE article SET features = NULL WHERE id = 9")
        }
        let rows = try await store.placed(after: 0)
        #expect(rows.count == 30)
        for row in rows {
            let read = [5, 9].contains(row.article.id)
            #expect(row.article.text.isEmpty != read, "article \(row.article.id)")
            #expect(row.article.removed == nil && row.article.url == nil)
        }
        let reader = StoryIndex(articles: [])
        reader.catchUp(rows)
        #expect(reader.storiesByArticle() == writer.storiesByArticle())
        #expect(Set(writer.storiesByArticle().values).count > 2)
    }

    @Test func ingestIsIdempotentAndStoriesSurviveARestart() async throws {
        let path = temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        let index = StoryIndex(articles: [])
        let results = try ingestAll(store, index)
        #expect(results.map(\.created) == [true, true, true, true])
        #expect(results[0].story == results[0].id && results[2].story == results[0].id, "a story's id is its first article's")
        #expect(results[1].story == results[1].id)
        #expect(results[3].story == nil && results[3].skipReason?.hasPrefix("not an article") == true)
        // The same articles again change nothing.
        let again = try ingestAll(store, StoryIndex(articles: try await store.allArticles()))
        #expect(again.map(\.created) == [false, false, false, false])
        #expect(again.map(\.id) == results.map(\.id))
        #expect(try await store.articleCount() == 4)
        // A new process: the index rebuilt from the file places the next article as before.
        let reopened = try SQLiteStore(path: path)
        let rebuilt = StoryIndex(articles: try await reopened.allArticles())
        #expect(rebuilt.count == 4)
        let next = StoredArticle(
            key: "k9", origin: "t9",
            text:
                "Calder harbour wall work starts. Work on the Calder harbour wall began, the council said, after the 4.2 million crowns were approved on Monday."
        )
        let r = try reopened.ingest(next) { id in
            var s = next; s.id = id; return rebuilt.place(s)
        }
        #expect(r.story == results[0].id)
        let (stories, total) = try await reopened.stories(limit: 10, offset: 0)
        #expect(total == 2)
        #expect(stories.first { $0.id == results[0].id }?.articles == 3)
        #expect(try await reopened.search("chess vesterby", limit: 5).map(\.id) == [results[1].id])
        #expect(try await reopened.search("100%_", limit: 5).isEmpty)
        // Digests are kept with the version of the story they were made from.
        let version = try await reopened.storyVersion(results[0].id)
        try await reopened.saveDigest(story: results[0].id, version: version, json: "{\"summary\": \"x\"}", page: "<p>x</p>")
        #expect(try await reopened.storedDigest(story: results[0].id, version: version) == "{\"summary\": \"x\"}")
        #expect(try await reopened.storedPage(story: results[0].id, version: version) == "<p>x</p>")
        #expect(try await reopened.storedDigest(story: results[0].id, version: "other") == nil)
        #expect(try await reopened.storedPage(story: results[0].id, version: "other") == nil)
        #expect(try await reopened.storedView(story: results[0].id, version: version)?.page == "<p>x</p>")
        #expect(try await reopened.storedView(story: results[0].id, version: "other") == nil)
    }

    @Test func aFailedPlacementRollsTheArticleBack() async throws {
        let path = temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.ingest(StoredArticle(key: "x", origin: "x", text: "Some text that will not be stored at all.")) { _ in throw Boom() }
        }
        #expect(try await store.articleCount() == 0)
    }

    @Test func aBatchIsStoredWholeOrNotAtAll() async throws {
        let path = temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        // The database refuses one article of the batch (as a full disk or a lost connection would).
        try await store.pool.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON article WHEN NEW.origin = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        let batch = Self.texts.enumerated().map { k, text in StoredArticle(key: "k\(k)", origin: k == 2 ? "refused" : "t\(k)", text: text) }
        await #expect(throws: (any Error).self) { try await store.ingest(batch, index: StoryIndex(articles: [])) }
        #expect(try await store.articleCount() == 0, "the articles before the refused one are rolled back with it")
        #expect(try await store.stories(limit: 10, offset: 0).total == 0)
        // Without the refused one, the whole batch is stored, in its order, with its stories.
        var accepted = batch
        accepted[2].origin = "t2"
        let results = try await store.ingest(accepted, index: StoryIndex(articles: []))
        #expect(results.map(\.created) == [true, true, true, true])
        #expect(results.map(\.id) == results.map(\.id).sorted())
        #expect(results[2].story == results[0].id)
        #expect(try await store.stories(limit: 10, offset: 0).total == 2)
        // A batch holding an article twice stores it once.
        let twice = try await store.ingest([accepted[0], accepted[0]], index: StoryIndex(articles: try await store.allArticles()))
        #expect(twice.map(\.created) == [false, false] && twice[0].id == results[0].id)
    }

    @Test func unreadableDatabaseIsAClearError() {
        #expect(throws: StoreError.self) { try SQLiteStore(path: "/nonexistent-dir/precis.sqlite") }
    }
}
