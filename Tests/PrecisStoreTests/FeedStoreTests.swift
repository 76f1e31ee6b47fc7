import Foundation
import Testing

@testable import PrecisStore

/// The feed tables behave the same on SQLite and PostgreSQL.
@Suite(.serialized) struct FeedStoreTests {
    func exercise(_ store: any FeedStore, reopen: () async throws -> any FeedStore) async throws {
        try await store.prepareFeeds()
        let a = try await store.addFeed(url: "https://harbour.example/feed.xml", title: nil)
        let again = try await store.addFeed(url: "https://harbour.example/feed.xml", title: "Harbour Notes")
        #expect(again.id == a.id && again.title == "Harbour Notes", "adding a known URL returns it, filling a missing title")
        let b = try await store.addFeed(url: "https://valley.example/atom", title: "Valley Gazette")
        #expect(try await store.feeds().map(\.url) == ["https://harbour.example/feed.xml", "https://valley.example/atom"])

        var state = again
        state.etag = "\"v7\""
        state.lastModified = "Fri, 04 Dec 2026 10:00:00 GMT"
        state.lastFetch = "2026-12-05T06:00:00Z"
        state.httpStatus = 200
        state.itemsSeen = 3
        state.articlesStored = 2
        state.lastError = nil
        state.errorsInRow = 0
        state.nextPoll = "2026-12-05T06:30:00Z"
        try await store.saveFeed(state)
        try await store.markSeen(feed: a.id, key: "id:one", article: 1)
        try await store.markSeen(feed: a.id, key: "id:one", article: 1)
        try await store.markSeen(feed: a.id, key: "link:https://harbour.example/2", article: nil)
        try await store.markSeen(feed: b.id, key: "id:two", article: 5)

        // Another process opening the same database sees it all.
        let other = try await reopen()
        #expect(try await other.feed(id: a.id) == state)
        #expect(
            try await other.seenItems(feed: a.id, among: ["id:one", "id:two", "link:https://harbour.example/2", "id:new"])
                == ["id:one", "link:https://harbour.example/2"])
        #expect(try await other.seenItems(feed: a.id, among: []) == [])

        var gone = try #require(try await other.feed(id: b.id))
        gone.gone = true
        gone.httpStatus = 410
        gone.lastError = "410 Gone"
        try await other.saveFeed(gone)
        #expect(try await store.feed(id: b.id)?.gone == true)

        // One watcher at a time: a lease is taken once, until it is given back or runs out.
        #expect(try await store.leaseFeed(id: a.id, now: "2026-12-05T06:00:00Z", until: "2026-12-05T06:15:00Z"))
        #expect(try await other.leaseFeed(id: a.id, now: "2026-12-05T06:01:00Z", until: "2026-12-05T06:16:00Z") == false)
        #expect(
            try await other.leaseFeed(id: a.id, now: "2026-12-05T06:20:00Z", until: "2026-12-05T06:35:00Z"),
            "a watcher killed mid-poll holds its feed no longer than the lease")
        try await other.releaseFeed(id: a.id)
        #expect(try await store.leaseFeed(id: a.id, now: "2026-12-05T06:21:00Z", until: "2026-12-05T06:36:00Z"))
        try await store.releaseFeed(id: a.id)
        #expect(try await store.leaseFeed(id: 987_654, now: "2026-12-05T06:21:00Z", until: "2026-12-05T06:36:00Z") == false)

        #expect(try await store.removeFeed(id: a.id))
        #expect(try await store.removeFeed(id: a.id) == false)
        #expect(try await store.feed(id: a.id) == nil)
        let readded = try await store.addFeed(url: "https://harbour.example/feed.xml", title: nil)
        #expect(try await store.seenItems(feed: readded.id, among: ["id:one"]).isEmpty, "a removed feed's items go with it")
    }

    @Test func feedStateAndSeenItemsPersistInSQLite() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("precis-feeds-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        try await exercise(store) { try await openFeedStore(path) }
        // The articles' own migrations are untouched by the feed tables'.
        #expect(try await SQLiteStore(path: path).articleCount() == 0)
    }
}

/// In the PostgreSQL suite, which runs its tests one at a time on the one test database.
extension PostgresStoreTests {
    @Test func feedStateAndSeenItemsPersistInPostgreSQL() async throws {
        let store = try await fresh()
        try await store.dropFeedTables()
        try await FeedStoreTests().exercise(store) { try await openFeedStore(TestPostgres.url!) }
    }

    @Test func watchersRacingForOneFeedOnPostgreSQLLeaseItOnce() async throws {
        let first = try await fresh()
        try await first.dropFeedTables()
        try await first.prepareFeeds()
        let feed = try await first.addFeed(url: "https://harbour.example/feed.xml", title: nil)
        // Eight connections (as eight watcher processes would have) ask for the same feed at once.
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<8 { group.addTask { try await PostgresStore.open(url: TestPostgres.url!) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let taken = try await withThrowingTaskGroup(of: Bool.self) { group in
            for s in stores { group.addTask { try await s.leaseFeed(id: feed.id, now: "2026-12-05T06:00:00Z", until: "2026-12-05T06:15:00Z") } }
            return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(taken == 1)
    }
}
