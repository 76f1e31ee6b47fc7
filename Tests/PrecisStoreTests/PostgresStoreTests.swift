import Foundation
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
        #expect(try await other.storyVersion(results[0].id).hasPrefix("3-"))
        try await other.saveDigest(story: results[0].id, version: "v1", json: "{}", page: nil)
        #expect(try await store.storedPage(story: results[0].id, version: "v1") == nil, "a digest kept without its page")
        try await other.saveDigest(story: results[0].id, version: "v2", json: "{\"a\": 1}", page: "<p>a</p>")
        #expect(try await store.storedDigest(story: results[0].id, version: "v2") == "{\"a\": 1}")
        #expect(try await store.storedPage(story: results[0].id, version: "v2") == "<p>a</p>")
        #expect(try await store.storedDigest(story: results[0].id, version: "v1") == nil)
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
        for (k, article) in try await store.allArticles().enumerated() {
            var x = article
            x.story = nil
            _ = k
            expected.append(single.place(x).story)
        }
        #expect(stories == expected)
    }
}
