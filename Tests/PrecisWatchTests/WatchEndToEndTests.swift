import Foundation
import Hummingbird
import NIOCore
import PrecisStore
import Testing

/// `precis watch` against a server the test starts on 127.0.0.1: an OPML file, an RSS feed with full
/// content, an Atom feed whose only entry is a teaser pointing at a page on the same server, and a
/// JSON Feed.
@Suite struct WatchEndToEndTests {
    static let opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>Invented subscriptions</title></head><body>
          <outline text="Coast">
            <outline text="Calder Courier" type="rss" xmlUrl="BASE/feeds/courier.xml"/>
            <outline text="Valley Gazette" type="rss" xmlUrl="BASE/feeds/gazette.atom"/>
          </outline>
          <outline text="Tide Tables" type="rss" xmlUrl="BASE/feeds/tides.json"/>
        </body></opml>
        """

    static let courier = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Calder Courier</title><link>BASE/</link><description>Invented news</description>
        <item>
          <title>Calder council votes to rebuild the harbour wall</title>
          <link>/news/harbour-wall.html</link>
          <guid isPermaLink="false">courier-101</guid>
          <pubDate>Thu, 03 Dec 2026 09:30:00 +0100</pubDate>
          <dc:creator>Ada Lindqvist</dc:creator>
          <description>The council voted on the wall.</description>
          <content:encoded><![CDATA[<p>The Calder town council voted on Wednesday to rebuild the crumbling harbour wall before winter, approving 4.2 million crowns for the work after a storm in October tore a gap in its northern end.</p>
          <p>Mayor Ingrid Holm said the first stones would be laid in January and the fishing fleet would keep its berths throughout the work. Harbour master Jonas Berg said the wall had not been repaired in forty years.</p>
          <p>Opposition councillors asked for a second survey of the seabed, but the motion was defeated by nine votes to four.</p>]]></content:encoded>
        </item>
        <item>
          <title>Norland chess title goes to sixteen-year-old</title>
          <link>javascript:alert(1)</link>
          <guid isPermaLink="false">courier-102</guid>
          <pubDate>not a date at all</pubDate>
          <content:encoded><![CDATA[<p>Sixteen-year-old Mira Sandvik won the Norland chess championship in Vesterby on Sunday, beating grandmaster Tomas Ekholm after six hours of play in the final round.</p>
          <p>Sandvik, who learned the game from her grandfather, is the youngest champion in the tournament's ninety-year history. She will represent Norland at the European championship in the spring.</p>]]></content:encoded>
        </item>
        </channel></rss>
        """

    static let gazette = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Valley Gazette</title><id>urn:invented:gazette</id><updated>2026-12-04T08:00:00Z</updated>
          <entry>
            <title>Harbour wall rebuild approved in Calder</title>
            <id>urn:invented:gazette:77</id>
            <link rel="alternate" href="/articles/harbour.html"/>
            <published>2026-12-04T07:15:00Z</published>
            <author><name>Per Ostlund</name></author>
            <summary>Calder approves money for its harbour wall.</summary>
          </entry>
        </feed>
        """

    static let tides = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "Tide Tables",
         "items": [{"id": "tides-9", "url": "https://tides.example/spring-tides",
                    "title": "Spring tides to flood the Ostvik quay road",
                    "date_published": "2026-12-02T18:45:00+01:00",
                    "content_text": "The spring tides this weekend will flood the quay road in Ostvik twice a day, the harbour office said on Wednesday. The road will be closed from two hours before each high water until the water has gone down, and buses will run along the upper road instead. The office asked owners of small boats in the inner basin to check their moorings before Friday evening, when the highest tide of the year is expected."}]}
        """

    static let page = """
        <!DOCTYPE html><html><head><title>Wall money approved | The Gazette Online</title>
        <meta property="article:published_time" content="2026-11-20T10:00:00Z"><meta name="author" content="Jon Berg"></head>
        <body><nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
        <article><h1>Wall money approved</h1>
        <p>Calder will rebuild its harbour wall this winter after the town council approved 4.2 million crowns on Wednesday for the work, which follows the October storm that breached the northern end of the wall.</p>
        <p>Mayor Ingrid Holm told reporters that the fishing fleet would keep its berths while the stones are laid, starting in January. Harbour master Jonas Berg welcomed the vote, saying the wall had gone forty years without repair.</p>
        <p>A motion for a second survey of the seabed was defeated by nine votes to four.</p></article>
        <footer><p>Copyright The Gazette Online. All rights reserved. Subscribe to our newsletter for the latest headlines.</p></footer>
        </body></html>
        """

    static func server(_ log: RequestLog) async throws -> LocalServer {
        try await LocalServer.start { router in
            router.add(middleware: LoggingMiddleware(log: log))
            router.get("feeds/courier.xml") { request, context -> Response in
                if request.headers[.ifNoneMatch] == "\"courier-1\"" { return Response(status: .notModified) }
                let base = "http://\(request.head.authority ?? "")"
                return Response(
                    status: .ok, headers: [.contentType: "application/rss+xml; charset=utf-8", .eTag: "\"courier-1\""],
                    body: .init(byteBuffer: ByteBuffer(string: courier.replacingOccurrences(of: "BASE", with: base))))
            }
            router.get("feeds/gazette.atom") { request, _ -> Response in
                let stamp = "Fri, 04 Dec 2026 08:00:00 GMT"
                if request.headers[.ifModifiedSince] == stamp { return Response(status: .notModified) }
                return Response(
                    status: .ok, headers: [.contentType: "application/atom+xml", .lastModified: stamp],
                    body: .init(byteBuffer: ByteBuffer(string: gazette)))
            }
            router.get("feeds/tides.json") { request, _ -> Response in
                if request.headers[.ifNoneMatch] == "W/\"tides-3\"" { return Response(status: .notModified) }
                return Response(
                    status: .ok, headers: [.contentType: "application/feed+json", .eTag: "W/\"tides-3\""],
                    body: .init(byteBuffer: ByteBuffer(string: tides)))
            }
            router.get("articles/harbour.html") { _, _ in
                Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
            }
            router.get("robots.txt") { _, _ in
                Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "User-agent: *\nDisallow: /private/\n")))
            }
        }
    }

    @Test func watchOnceStoresTheFeedsArticlesWithTheirDatesAndASecondRunGets304s() async throws {
        let log = RequestLog()
        let server = try await Self.server(log)
        defer { server.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("precis-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let opml = dir.appendingPathComponent("feeds.opml").path
        try Self.opml.replacingOccurrences(of: "BASE", with: server.base).write(toFile: opml, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("news.sqlite").path

        let first = try await PrecisRun.run(["watch", opml, "--once", "--allow-private-networks", "--db", db])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out == "watch: 3 feeds (3 read, 0 not modified), 4 new articles, 0 errors\n", "\(first.err)")

        let store = try SQLiteStore(path: db)
        let articles = try await store.allArticles()
        #expect(articles.count == 4)
        let wall = try #require(articles.first { $0.title == "Calder council votes to rebuild the harbour wall" })
        #expect(wall.date == "2026-12-03", "the feed's pubDate is the article's date")
        #expect(wall.url == server.base + "/news/harbour-wall.html", "a relative link resolves against the feed")
        #expect(wall.text.contains("defeated by nine votes to four"))

        let chess = try #require(articles.first { $0.title?.hasPrefix("Norland chess") == true })
        #expect(chess.url == nil, "a javascript: link is dropped, never followed")
        #expect(chess.text.contains("Mira Sandvik"))

        let fetched = try #require(articles.first { $0.title == "Harbour wall rebuild approved in Calder" }, "the feed's title wins over the page's")
        #expect(fetched.date == "2026-12-04", "the feed's date wins over the page's")
        #expect(fetched.authors == ["Per Ostlund"], "the feed's author wins over the page's")
        #expect(wall.authors == ["Ada Lindqvist"], "dc:creator is the article's author")
        #expect(fetched.url == server.base + "/articles/harbour.html")
        #expect(fetched.text.contains("gone forty years without repair"), "the teaser's page was fetched for the full text")
        #expect(!fetched.text.contains("Subscribe to our newsletter") && !fetched.text.contains("Weather"), "the page's menu and footer are cleaned away")
        #expect(fetched.story != nil && fetched.story == wall.story, "two feeds' reports of one event form one story")

        let tide = try #require(articles.first { $0.url == "https://tides.example/spring-tides" })
        #expect(tide.date == "2026-12-02" && tide.title == "Spring tides to flood the Ostvik quay road")
        #expect(tide.story != wall.story)

        let feeds = try await openFeedStore(db).feeds()
        #expect(feeds.map(\.title) == ["Calder Courier", "Valley Gazette", "Tide Tables"])
        #expect(feeds.map(\.httpStatus) == [200, 200, 200])
        #expect(feeds.map(\.articlesStored) == [2, 1, 1])
        #expect(feeds.allSatisfy { $0.lastError == nil && $0.nextPoll != nil && $0.itemsSeen > 0 })
        #expect(await log.count("/articles/harbour.html") == 1)

        let second = try await PrecisRun.run(["watch", opml, "--once", "--allow-private-networks", "--db", db])
        #expect(second.status == 0, "\(second.err)")
        #expect(second.out == "watch: 3 feeds (0 read, 3 not modified), 0 new articles, 0 errors\n", "\(second.err)")
        #expect(try await store.allArticles().count == 4)
        #expect(try await openFeedStore(db).feeds().map(\.httpStatus) == [304, 304, 304])
        #expect(await log.count("/articles/harbour.html") == 1, "no page is fetched again")
    }

    @Test func withoutAllowPrivateNetworksALoopbackFeedIsRefusedAndTheRunFails() async throws {
        let log = RequestLog()
        let server = try await Self.server(log)
        defer { server.stop() }
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("precis-watch-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        let run = try await PrecisRun.run(["watch", server.base + "/feeds/courier.xml", "--once", "--db", db])
        #expect(run.status == 1)
        #expect(run.out == "watch: 1 feed (0 read, 0 not modified), 0 new articles, 1 error\n")
        #expect(run.err.contains("loopback") && run.err.contains("--allow-private-networks"))
        #expect(await log.paths.isEmpty, "nothing reached the server")
        let feeds = try await openFeedStore(db).feeds()
        #expect(feeds.first?.lastError?.contains("loopback") == true && feeds.first?.errorsInRow == 1)
    }

    @Test func badSourcesAreReportedNotCrashedOn() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("precis-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let notOPML = dir.appendingPathComponent("list.opml").path
        try "<rss version=\"2.0\"><channel/></rss>".write(toFile: notOPML, atomically: true, encoding: .utf8)
        let run = try await PrecisRun.run([
            "watch", notOPML, dir.appendingPathComponent("missing.opml").path, "file:///etc/passwd",
            "--once", "--db", dir.appendingPathComponent("n.sqlite").path
        ])
        #expect(run.status == 1)
        #expect(run.err.contains("not an OPML file"))
        #expect(run.err.contains("no such file"))
        #expect(run.err.contains("only http and https"))
        let badEvery = try await PrecisRun.run(["watch", "https://feeds.example/x.xml", "--every", "soon"])
        #expect(badEvery.status != 0 && badEvery.err.contains("--every"))
    }
}

/// The `precis` binary, run without blocking a thread of the test's own server.
enum PrecisRun {
    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    static var binary: String {
        if let env = ProcessInfo.processInfo.environment["PRECIS_BIN"] { return env }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("precis").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("precis").path
        if FileManager.default.isExecutableFile(atPath: runner) { return runner }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/precis").path
    }

    static func run(_ arguments: [String]) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let dir = FileManager.default.temporaryDirectory
        let outURL = dir.appendingPathComponent("precis-out-\(UUID().uuidString)")
        let errURL = dir.appendingPathComponent("precis-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { p in continuation.resume(returning: p.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        return Result(
            status: status,
            out: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            err: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
