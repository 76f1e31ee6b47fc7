import Foundation
import Hummingbird
import NIOCore
import PrecisServer
import PrecisStore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The feed endpoints of the service, run in the test's process on 127.0.0.1, watching a feed that a
/// second local server serves.
@Suite struct FeedAPITests {
    struct Reply {
        var status: Int
        var body: String
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] }
    }

    static func request(_ method: String, _ url: String, body: String? = nil, token: String? = nil) async throws -> Reply {
        var r = URLRequest(url: URL(string: url)!)
        r.httpMethod = method
        r.httpBody = body.map { Data($0.utf8) }
        r.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { r.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: r)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self))
    }

    @Test func feedsAreAddedListedAndRemovedWithTheTokenAndThePageShowsTheirHealth() async throws {
        let log = RequestLog()
        let fixtures = try await WatchEndToEndTests.server(log)
        defer { fixtures.stop() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("precis-api-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try await openFeedStore(path)
        let service = try await PrecisService(store: store)
        var watch = WatchSettings()
        watch.fetch.allowLoopback = true
        watch.fetch.hostDelay = .milliseconds(5)
        let watcher = FeedWatcher(service: service, feeds: store, settings: watch)
        var settings = ServerSettings()
        settings.port = 0
        settings.token = "sesame"
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = PrecisHTTP.application(service: service, settings: settings, watcher: watcher) { port in continuation.yield(port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let api = "http://127.0.0.1:\(port)"
        let feedURL = fixtures.base + "/feeds/gazette.atom"

        let refused = try await Self.request("POST", api + "/api/feeds", body: "{\"url\": \"\(feedURL)\"}")
        #expect(refused.status == 401)
        let badScheme = try await Self.request("POST", api + "/api/feeds", body: "{\"url\": \"file:///etc/passwd\"}", token: "sesame")
        #expect(badScheme.status == 400 && badScheme.body.contains("only http and https"))
        let junk = try await Self.request("POST", api + "/api/feeds", body: "{\"address\": 1}", token: "sesame")
        #expect(junk.status == 400)

        let added = try await Self.request("POST", api + "/api/feeds", body: "{\"url\": \"\(feedURL)\"}", token: "sesame")
        #expect(added.status == 201, "\(added.body)")
        let id = try #require(added.json?["id"] as? Int)
        let again = try await Self.request("POST", api + "/api/feeds", body: "{\"url\": \"\(feedURL)\"}", token: "sesame")
        #expect(again.status == 200 && again.json?["id"] as? Int == id)

        // The first poll runs apart from the request; the stored state says when it is done.
        var listed: [[String: Any]] = []
        for _ in 0..<600 {
            listed = try await Self.request("GET", api + "/api/feeds").json?["feeds"] as? [[String: Any]] ?? []
            if listed.first?["http_status"] as? Int != nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(listed.count == 1)
        #expect(listed.first?["url"] as? String == feedURL)
        #expect(listed.first?["http_status"] as? Int == 200)
        #expect(listed.first?["title"] as? String == "Valley Gazette")
        #expect(listed.first?["articles_stored"] as? Int == 1)
        #expect(listed.first?["last_error"] is NSNull)
        for key in ["last_fetch", "items_seen", "next_poll"] { #expect(listed.first?[key] != nil, "\(key) missing") }

        let page = try await Self.request("GET", api + "/feeds")
        #expect(page.status == 200 && page.body.contains("Valley Gazette") && page.body.contains("ok (HTTP 200)"))

        #expect(try await Self.request("DELETE", api + "/api/feeds/\(id)").status == 401)
        #expect(try await Self.request("DELETE", api + "/api/feeds/\(id)", token: "sesame").status == 204)
        #expect(try await Self.request("DELETE", api + "/api/feeds/\(id)", token: "sesame").status == 404)
        #expect((try await Self.request("GET", api + "/api/feeds").json?["feeds"] as? [Any])?.isEmpty == true)
        #expect(try await store.articleCount() == 1, "a removed feed's articles stay")
    }
}
