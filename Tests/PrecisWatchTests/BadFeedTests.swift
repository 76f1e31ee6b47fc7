import Foundation
import Hummingbird
import NIOCore
import PrecisStore
import Testing

@testable import PrecisServer

/// Feeds that go wrong get a clear status on the feed, never a crash.
@Suite struct BadFeedTests {
    static func server() async throws -> LocalServer {
        try await LocalServer.start { router in
            router.get("gone.xml") { _, _ in Response(status: .gone) }
            router.get("missing.xml") { _, _ in Response(status: .notFound) }
            router.get("busy.xml") { _, _ in Response(status: .serviceUnavailable, headers: [.retryAfter: "7200"]) }
            router.get("page.xml") { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "application/rss+xml"],
                    body: .init(byteBuffer: ByteBuffer(string: "<!DOCTYPE html><html><body><p>Welcome to the harbour site</p></body></html>")))
            }
            router.get("words.xml") { _, _ in
                Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "the tide is out and the boats are resting")))
            }
            router.get("huge.xml") { _, _ in
                Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "<"), count: 200_000)))
            }
            router.get("binary.xml") { _, _ in
                Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: [0x00, 0xFF, 0x00, 0x13, 0x37] + Array(repeating: 0, count: 64))))
            }
        }
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("precis-watch-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A watcher on a new SQLite file that may reach the loopback fixture server (and nothing private).
    static func watcher(_ path: String, _ tune: (inout WatchSettings) -> Void = { _ in }) async throws -> (any ArticleStore & FeedStore, FeedWatcher) {
        let store = try await openFeedStore(path)
        var settings = WatchSettings()
        settings.fetch.allowLoopback = true
        settings.fetch.hostDelay = .milliseconds(5)
        tune(&settings)
        return (store, FeedWatcher(service: try await PrecisService(store: store), feeds: store, settings: settings))
    }

    @Test func eachBrokenFeedIsRecordedWithWhatWentWrongAndAGoneFeedIsDropped() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let path = Self.temporaryDatabase()
        defer { Self.remove(path) }
        let (store, watcher) = try await Self.watcher(path) { $0.fetch.maxBytes = 100_000 }
        let names = ["gone", "missing", "busy", "page", "words", "huge", "binary"]
        for name in names { _ = try await watcher.subscribe(url: server.base + "/\(name).xml") }

        let before = Date()
        let summary = try await watcher.pollOnce()
        #expect(summary.feeds == names.count && summary.errors == names.count && summary.read == 0)
        let feeds = Dictionary(uniqueKeysWithValues: try await store.feeds().map { (String($0.url.split(separator: "/").last!.dropLast(4)), $0) })
        #expect(feeds["gone"]?.gone == true && feeds["gone"]?.httpStatus == 410)
        #expect(feeds["missing"]?.lastError == "HTTP 404" && feeds["missing"]?.gone == false)
        #expect(feeds["busy"]?.lastError?.contains("503") == true)
        let busyNext = try #require(feeds["busy"]?.nextPoll.flatMap { try? Date($0, strategy: .iso8601) })
        #expect(busyNext > before.addingTimeInterval(7000), "Retry-After is honoured")
        #expect(feeds["page"]?.lastError?.contains("HTML page") == true)
        #expect(feeds["words"]?.lastError?.contains("neither XML nor JSON") == true)
        #expect(feeds["huge"]?.lastError?.contains("over 100000 bytes") == true)
        #expect(feeds["binary"]?.lastError?.isEmpty == false)
        #expect(feeds.values.allSatisfy { $0.errorsInRow == 1 && $0.articlesStored == 0 })

        let again = try await watcher.pollOnce()
        #expect(again.feeds == names.count - 1, "a feed that answered 410 is polled no more")
        #expect(try await store.feeds().first { $0.url.hasSuffix("/missing.xml") }?.errorsInRow == 2)
    }

    @Test func aFeedAnotherWatcherHoldsIsLeftToIt() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let path = Self.temporaryDatabase()
        defer { Self.remove(path) }
        let (store, watcher) = try await Self.watcher(path)
        let feed = try await watcher.subscribe(url: server.base + "/missing.xml")
        // Another process took it, with a lease that runs past this test.
        #expect(try await store.leaseFeed(id: feed.id, now: "2026-01-01T00:00:00Z", until: "2999-01-01T00:00:00Z"))
        let summary = try await watcher.pollOnce()
        #expect(summary.feeds == 0)
        #expect(try await store.feed(id: feed.id)?.lastFetch == nil, "the feed was not polled")
        try await store.releaseFeed(id: feed.id)
        #expect(try await watcher.pollOnce().errors == 1)
    }

    @Test func feedsAddedTogetherArePolledNextAcrossAWholeIntervalThenAtItsPace() {
        let urls = (0..<200).map { "https://feeds.example/\($0)/rss.xml" }
        let first = urls.map { FeedWatcher.spread(.seconds(3600), url: $0, first: true) }
        let later = urls.map { FeedWatcher.spread(.seconds(3600), url: $0, first: false) }
        #expect(first.allSatisfy { (1800...5400).contains($0) } && later.allSatisfy { (3240...3960).contains($0) })
        // Every tenth of the spread holds some of the 200 feeds: none is left bare, none takes half.
        let tenths = Dictionary(grouping: first) { Int(($0 - 1800) / 360) }
        #expect(tenths.count == 10 && tenths.values.allSatisfy { $0.count < 100 })
    }
}
