import Foundation
import Hummingbird
import NIOCore
import Testing

@testable import PrecisFetch

/// Fetching against a server the test starts on 127.0.0.1; no packet goes anywhere else.
@Suite struct FetcherTests {
    static let feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Tide Tables</title>
        <item><title>Spring tides this week</title><link>/tides/1.html</link></item></channel></rss>
        """

    static func server(_ log: RequestLog) async throws -> LocalServer {
        try await LocalServer.start { router in
            router.add(middleware: LoggingMiddleware(log: log))
            router.get("feed.xml") { request, _ -> Response in
                if request.headers[.ifNoneMatch] == "\"tide-1\"" { return Response(status: .notModified) }
                return Response(
                    status: .ok, headers: [.contentType: "application/rss+xml", .eTag: "\"tide-1\""],
                    body: .init(byteBuffer: ByteBuffer(string: feed)))
            }
            router.get("dated.xml") { request, _ -> Response in
                let stamp = "Fri, 04 Dec 2026 10:00:00 GMT"
                if request.headers[.ifModifiedSince] == stamp { return Response(status: .notModified) }
                return Response(status: .ok, headers: [.lastModified: stamp], body: .init(byteBuffer: ByteBuffer(string: feed)))
            }
            router.get("hop/:n") { _, context -> Response in
                let n = context.parameters.get("n", as: Int.self) ?? 0
                if n == 0 { return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "arrived"))) }
                return Response(status: n % 2 == 0 ? .movedPermanently : .found, headers: [.location: "/hop/\(n - 1)"])
            }
            router.get("loop") { _, _ in Response(status: .temporaryRedirect, headers: [.location: "/loop"]) }
            router.get("escape") { _, _ in Response(status: .found, headers: [.location: "http://10.0.0.1/inside"]) }
            router.get("escape-mapped") { _, _ in Response(status: .found, headers: [.location: "http://[::ffff:169.254.169.254]/latest"]) }
            router.get("to-file") { _, _ in Response(status: .found, headers: [.location: "file:///etc/passwd"]) }
            router.get("gzip.xml") { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "application/rss+xml", .contentEncoding: "gzip"],
                    body: .init(byteBuffer: ByteBuffer(bytes: Fixtures.gzipFeed)))
            }
            router.get("bomb.xml") { _, _ in
                Response(status: .ok, headers: [.contentEncoding: "gzip"], body: .init(byteBuffer: ByteBuffer(bytes: Fixtures.gzipBomb)))
            }
            router.get("big.xml") { _, _ in
                Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 300_000)))
            }
            router.get("robots.txt") { _, _ in
                Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "User-agent: *\nDisallow: /private/\n")))
            }
            router.get("news/:page") { _, _ in
                Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<p>news</p>")))
            }
            // Answers only after ten seconds: longer than any total timeout a test sets.
            router.get("slow.xml") { _, _ -> Response in
                try await Task.sleep(for: .seconds(10))
                return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: feed)))
            }
            router.get("private/:page") { _, _ in
                Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "<p>kept out</p>")))
            }
        }
    }

    static func fetcher(_ tune: (inout FetchSettings) -> Void = { _ in }) -> Fetcher {
        var s = FetchSettings()
        s.allowPrivateNetworks = true
        s.hostDelay = .milliseconds(5)
        tune(&s)
        return Fetcher(settings: s)
    }

    @Test func anETagIsSentBackAndA304ComesWithNoBody() async throws {
        let log = RequestLog()
        let server = try await Self.server(log)
        defer { server.stop() }
        let fetcher = Self.fetcher()
        let first = try await fetcher.fetch(FetchRequest(url: server.base + "/feed.xml"))
        #expect(first.status == 200 && first.etag == "\"tide-1\"")
        #expect(String(decoding: first.body, as: UTF8.self).contains("Spring tides"))
        let second = try await fetcher.fetch(FetchRequest(url: server.base + "/feed.xml", etag: first.etag))
        #expect(second.notModified && second.body.isEmpty)
    }

    @Test func lastModifiedIsSentBackAsIfModifiedSince() async throws {
        let server = try await Self.server(RequestLog())
        defer { server.stop() }
        let fetcher = Self.fetcher()
        let first = try await fetcher.fetch(FetchRequest(url: server.base + "/dated.xml"))
        #expect(first.status == 200 && first.lastModified != nil)
        let second = try await fetcher.fetch(FetchRequest(url: server.base + "/dated.xml", lastModified: first.lastModified))
        #expect(second.status == 304)
    }

    @Test func fiveRedirectsAreFollowedAndASixthIsNot() async throws {
        let server = try await Self.server(RequestLog())
        defer { server.stop() }
        let fetcher = Self.fetcher()
        let five = try await fetcher.fetch(FetchRequest(url: server.base + "/hop/5"))
        #expect(five.status == 200 && five.redirects == 5 && five.url.hasSuffix("/hop/0"))
        await #expect(throws: FetchError.tooManyRedirects(5)) { try await fetcher.fetch(FetchRequest(url: server.base + "/hop/6")) }
        await #expect(throws: FetchError.tooManyRedirects(5)) { try await fetcher.fetch(FetchRequest(url: server.base + "/loop")) }
    }

    @Test func aServerThatDoesNotAnswerInTimeGivesATimeoutError() async throws {
        let server = try await Self.server(RequestLog())
        defer { server.stop() }
        let fetcher = Self.fetcher { $0.totalTimeout = .seconds(1) }
        await #expect(throws: FetchError.timeout(.seconds(1))) { try await fetcher.fetch(FetchRequest(url: server.base + "/slow.xml")) }
    }

    @Test func aGzipBodyArrivesDecompressed() async throws {
        let server = try await Self.server(RequestLog())
        defer { server.stop() }
        let r = try await Self.fetcher().fetch(FetchRequest(url: server.base + "/gzip.xml"))
        #expect(String(decoding: r.body, as: UTF8.self).contains("<title>Harbour Notes</title>"))
    }

    @Test func aBodyOverTheCapIsRefusedCompressedOrNot() async throws {
        let server = try await Self.server(RequestLog())
        defer { server.stop() }
        let fetcher = Self.fetcher { $0.maxBytes = 100_000 }
        await #expect(throws: FetchError.tooLarge(100_000)) { try await fetcher.fetch(FetchRequest(url: server.base + "/big.xml")) }
        await #expect(throws: FetchError.tooLarge(100_000)) { try await fetcher.fetch(FetchRequest(url: server.base + "/bomb.xml")) }
    }

    @Test func aRedirectToAPrivateAddressIsRefusedBeforeConnecting() async throws {
        let server = try await Self.server(RequestLog())
        defer { server.stop() }
        // Loopback allowed (the fixture server), private networks not: the redirect's target is
        // judged before any connection to it.
        let fetcher = Self.fetcher {
            $0.allowPrivateNetworks = false; $0.allowLoopback = true
        }
        do {
            _ = try await fetcher.fetch(FetchRequest(url: server.base + "/escape"))
            Issue.record("the redirect to 10.0.0.1 was followed")
        } catch let FetchError.refusedAddress(host, address, reason) {
            #expect(host == "10.0.0.1" && address == "10.0.0.1" && reason.contains("private"))
        }
        do {
            _ = try await fetcher.fetch(FetchRequest(url: server.base + "/escape-mapped"))
            Issue.record("the redirect to an IPv4-mapped link-local address was followed")
        } catch let FetchError.refusedAddress(_, _, reason) {
            #expect(reason.contains("link-local"))
        }
        do {
            _ = try await fetcher.fetch(FetchRequest(url: server.base + "/to-file"))
            Issue.record("the redirect to file: was followed")
        } catch let FetchError.unsupportedScheme(why) {
            #expect(why.contains("file"))
        }
    }

    @Test func byDefaultTheLoopbackServerIsNeverContacted() async throws {
        let log = RequestLog()
        let server = try await Self.server(log)
        defer { server.stop() }
        let fetcher = Fetcher()
        do {
            _ = try await fetcher.fetch(FetchRequest(url: server.base + "/feed.xml"))
            Issue.record("a loopback address was fetched without --allow-private-networks")
        } catch let FetchError.refusedAddress(_, address, reason) {
            #expect(address == "127.0.0.1" && reason.contains("loopback"))
        }
        await #expect(throws: FetchError.self) { try await fetcher.fetch(FetchRequest(url: "javascript:alert(1)")) }
        #expect(await log.paths.isEmpty)
    }

    @Test func robotsTxtKeepsPagesOutAndIsReadOncePerSite() async throws {
        let log = RequestLog()
        let server = try await Self.server(log)
        defer { server.stop() }
        let fetcher = Self.fetcher()
        let page = try await fetcher.fetchPage(url: server.base + "/news/one.html")
        #expect(page.status == 200)
        await #expect(throws: FetchError.disallowedByRobots(server.base + "/private/two.html")) {
            try await fetcher.fetchPage(url: server.base + "/private/two.html")
        }
        _ = try await fetcher.fetchPage(url: server.base + "/news/three.html")
        #expect(await log.count("/robots.txt") == 1)
        #expect(await log.count("/private/two.html") == 0)
    }

    @Test func requestsToOneHostGoOneAtATimeAndNamePrecis() async throws {
        let log = RequestLog()
        let server = try await Self.server(log)
        defer { server.stop() }
        let fetcher = Self.fetcher()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 { group.addTask { try await fetcher.fetch(FetchRequest(url: server.base + "/feed.xml")).status } }
            for try await status in group { #expect(status == 200) }
        }
        #expect(await log.mostInFlight == 1)
        #expect(await log.userAgents.allSatisfy { $0.hasPrefix("Precis/") })
    }
}

struct LoggingMiddleware<Context: RequestContext>: RouterMiddleware {
    let log: RequestLog
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        await log.begin(request.uri.path, agent: request.headers[.userAgent])
        // Give a second request the chance to overlap, were the fetcher to send one.
        await Task.yield()
        do {
            let response = try await next(request, context)
            await log.end()
            return response
        } catch {
            await log.end()
            throw error
        }
    }
}
