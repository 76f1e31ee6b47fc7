import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `precis serve` process on a free loopback port, for tests that talk to it over HTTP.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let db: String
    /// What the server wrote on standard error up to its "listening" line and the line that says how
    /// its stories were read (which it reads in the background, listening meanwhile).
    let startupLog: String

    init(db: String, extra: [String] = []) throws {
        self.db = db
        process.executableURL = URL(fileURLWithPath: Tool.binary)
        process.arguments = ["serve", "--db", db, "--port", "0"] + extra
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The server names its port on standard error once it listens.
        var seen = ""
        var port: Int? = nil
        let deadline = Date().addingTimeInterval(60)
        func storiesRead() -> Bool { ["stories read from", "stories replayed from", "could not read the stories"].contains { seen.contains($0) } }
        while (port == nil || !storiesRead()) && Date() < deadline {
            let data = err.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if let r = seen.range(of: "listening on http://127.0.0.1:") {
                port = Int(seen[r.upperBound...].prefix { $0.isNumber })
            }
        }
        guard let port else {
            process.terminate()
            throw TestFailure("server did not start: \(seen)")
        }
        self.port = port
        self.startupLog = seen
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        if process.isRunning { process.terminate(); process.waitUntilExit() }
    }

    deinit { stop() }

    struct Reply {
        var status: Int
        var body: String
        var headers: [String: String] = [:]
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] }
    }

    func request(
        _ method: String, _ path: String, body: Data? = nil, type: String? = "application/json",
        headers: [String: String] = [:]
    ) async throws -> Reply {
        var r = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        r.httpMethod = method
        r.httpBody = body
        r.timeoutInterval = 60
        if let type { r.setValue(type, forHTTPHeaderField: "Content-Type") }
        for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await URLSession.shared.data(for: r)
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (k, v) in http?.allHeaderFields ?? [:] { headers["\(k)"] = "\(v)" }
        return Reply(status: http?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self), headers: headers)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// An invented article, different for each `k`.
func article(_ k: Int) -> Data {
    let towns = ["Calder", "Vesterby", "Norhavn", "Ostmark", "Brenna"]
    let text =
        "\(towns[k % towns.count]) council report number \(k). The council of \(towns[k % towns.count]) met on Monday to discuss item \(k) of its harbour plan, which covers \(k * 7 + 3) berths and a new ferry ramp for the islands."
    return try! JSONSerialization.data(withJSONObject: ["text": text, "url": "https://news.example/\(k)"])
}

@Suite(.serialized) struct ServeTests {
    @Test func apiRoundTrip() async throws {
        let dir = try ScratchDir()
        let server = try ServerProcess(db: dir.url.appendingPathComponent("p.sqlite").path)
        defer { server.stop() }
        #expect(try await server.request("GET", "/health").status == 200)
        let one = try await server.request("POST", "/api/articles", body: article(1))
        #expect(one.status == 201, "\(one.body)")
        let id = try #require(((one.json?["articles"] as? [[String: Any]])?.first?["id"]) as? Int)
        // The same article again: stored once.
        let again = try await server.request("POST", "/api/articles", body: article(1))
        #expect(((again.json?["articles"] as? [[String: Any]])?.first?["id"]) as? Int == id)
        #expect(((again.json?["articles"] as? [[String: Any]])?.first?["created"]) as? Bool == false)
        let batch = try JSONSerialization.data(withJSONObject: [
            "articles": [
                try JSONSerialization.jsonObject(with: article(2)), try JSONSerialization.jsonObject(with: article(3))
            ]
        ])
        #expect(try await server.request("POST", "/api/articles", body: batch).status == 201)
        let plain = try await server.request(
            "POST", "/api/articles",
            body: Data(
                "Ferry strike in Brenna. Ferry crews in Brenna walked out on Tuesday over pay, stranding hundreds of island residents for the day.".utf8),
            type: "text/plain")
        #expect(plain.status == 201)
        let stories = try await server.request("GET", "/api/stories?limit=10")
        let list = try #require(stories.json?["stories"] as? [[String: Any]])
        #expect(!list.isEmpty)
        let storyID = try #require(list.first?["id"] as? Int)
        let digest = try await server.request("GET", "/api/stories/\(storyID)")
        #expect(digest.status == 200)
        for key in ["summary", "sentences", "documents", "timeline", "quotes", "numbers", "disagreements"] {
            #expect(digest.json?[key] != nil, "missing \(key)")
        }
        #expect(try await server.request("GET", "/api/stories/999999").status == 404)
        let search = try await server.request("GET", "/api/search?q=ferry%20brenna")
        #expect((search.json?["articles"] as? [Any])?.count == 1)
        let metrics = try await server.request("GET", "/metrics")
        #expect(metrics.body.contains("precis_articles_stored 4"))
    }

    @Test func badRequestsGetAClearErrorAndTheServerStaysUp() async throws {
        let dir = try ScratchDir()
        let server = try ServerProcess(db: dir.url.appendingPathComponent("p.sqlite").path)
        defer { server.stop() }
        func expectError(_ r: ServerProcess.Reply, _ status: Int, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(r.status == status, "\(r.body)", sourceLocation: sourceLocation)
            let error = r.json?["error"] as? [String: Any]
            #expect(error?["code"] as? String == code, "\(r.body)", sourceLocation: sourceLocation)
            #expect((error?["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        }
        expectError(try await server.request("POST", "/api/articles", body: Data("{\"text\": ".utf8)), 400, "invalid_json")
        expectError(try await server.request("POST", "/api/articles", body: Data("x".utf8), type: "image/png"), 415, "unsupported_type")
        expectError(try await server.request("POST", "/api/articles", body: Data([0x22, 0xC3, 0x28, 0x22]), type: "application/json"), 400, "invalid_utf8")
        expectError(try await server.request("POST", "/api/articles", body: Data([0x41, 0xFF, 0xFE, 0x41]), type: "text/plain"), 400, "invalid_utf8")
        expectError(try await server.request("POST", "/api/articles", body: Data(repeating: 0x61, count: 20 * 1_048_576), type: "text/plain"), 413, "too_large")
        expectError(try await server.request("POST", "/api/articles", body: Data("{\"text\": 5}".utf8)), 400, "invalid_article")
        expectError(try await server.request("POST", "/api/articles", body: Data("{\"text\": \"a\", \"html\": \"b\"}".utf8)), 400, "invalid_article")
        expectError(
            try await server.request("POST", "/api/articles", body: Data("{\"text\": \"Some words here.\", \"date\": \"2014-02-30\"}".utf8)), 400,
            "invalid_article")
        expectError(
            try await server.request("POST", "/api/articles", body: Data("{\"text\": \"Some words.\", \"url\": \"file:///etc/passwd\"}".utf8)), 400,
            "invalid_article")
        expectError(
            try await server.request("POST", "/api/articles", body: Data("{\"text\": \"Some words.\", \"authors\": [\"Ana Okafor\", 7]}".utf8)), 400,
            "invalid_article")
        expectError(try await server.request("POST", "/api/articles", body: Data("{\"text\": \"  \"}".utf8)), 422, "not_an_article")
        // A page with too little text is kept (nothing is dropped silently) but in no story, with the reason.
        let stub = try await server.request("POST", "/api/articles", body: Data("{\"text\": \"Notice. Please log in.\"}".utf8))
        #expect(stub.status == 201)
        let item = (stub.json?["articles"] as? [[String: Any]])?.first
        #expect(item?["story"] is NSNull)
        #expect((item?["reason"] as? String)?.hasPrefix("not an article") == true)
        expectError(try await server.request("GET", "/api/stories?limit=0"), 400, "bad_parameter")
        expectError(
            try await server.request(
                "POST", "/api/articles", body: Data("{\"articles\": [{\"text\": \"Some words here for a test.\"}], \"dry_run\": true}".utf8)), 400,
            "invalid_batch")
        expectError(try await server.request("GET", "/api/stories/abc"), 400, "bad_parameter")
        #expect(try await server.request("GET", "/health").status == 200)
    }

    @Test func hostileQueryValuesGetAnAnswerAndNeverKillTheServer() async throws {
        let dir = try ScratchDir()
        let server = try ServerProcess(db: dir.url.appendingPathComponent("p.sqlite").path)
        defer { server.stop() }
        #expect(try await server.request("POST", "/api/articles", body: article(1)).status == 201)
        let values = [
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-1", "1e9", "abc", "",
            "%00", "0x10", "99999999999999999999999999", "1000000001", "1&offset=2"
        ]
        let routes = [
            "/?offset=", "/api/stories?offset=", "/api/stories?limit=", "/api/stories/", "/stories/",
            "/articles/", "/api/search?q=", "/?q="
        ]
        for route in routes {
            for value in values {
                let reply = try await server.request("GET", route + value)
                #expect((200..<500).contains(reply.status), "\(route)\(value) answered \(reply.status)")
            }
        }
        #expect(try await server.request("GET", "/?offset=9223372036854775807").status == 400)
        #expect(try await server.request("GET", "/api/stories?offset=9223372036854775807").status == 400)
        #expect(try await server.request("GET", "/?offset=3").status == 200, "an offset past the end is an empty page")
        #expect(try await server.request("GET", "/health").status == 200, "the server is still up")
    }

    @Test func everyAnswerCarriesSecurityHeadersAndUnknownRoutesAnswerInKind() async throws {
        let dir = try ScratchDir()
        let server = try ServerProcess(db: dir.url.appendingPathComponent("p.sqlite").path)
        defer { server.stop() }
        for path in ["/", "/api/stories", "/no/such/page", "/api/no-such-route", "/assets/precis.css"] {
            let reply = try await server.request("GET", path)
            #expect(reply.header("Content-Security-Policy")?.contains("frame-ancestors 'none'") == true, "\(path)")
            #expect(reply.header("Content-Security-Policy")?.contains("unsafe-inline") == false, "\(path)")
            #expect(reply.header("X-Content-Type-Options") == "nosniff", "\(path)")
        }
        let api = try await server.request("GET", "/api/no-such-route")
        #expect(api.status == 404)
        #expect((api.json?["error"] as? [String: Any])?["code"] as? String == "not_found", "\(api.body)")
        let page = try await server.request("GET", "/no/such/page")
        #expect(page.status == 404)
        #expect(page.body.contains("<h1>Not found</h1>"))
        let home = try await server.request("GET", "/")
        #expect(!home.body.contains("<script>"), "no inline script: the policy forbids it")
        #expect(!home.body.contains("<style>"), "no inline style: the policy forbids it")
    }

    @Test func aHostileCanonicalLinkAndTitleNeverReachAPageLive() async throws {
        let dir = try ScratchDir()
        let server = try ServerProcess(db: dir.url.appendingPathComponent("p.sqlite").path)
        defer { server.stop() }
        let html = """
            <html><head><title>Ferry <script>alert(2)</script> strike</title>
            <link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="JavaScript:alert(3)"></head>
            <body><article><h1>Ferry strike in Brenna</h1>
            <p>Ferry crews in Brenna walked out on Tuesday over pay, stranding hundreds of island residents for the day.</p>
            <p>The crews said the strike would last until the operator made a new offer on wages and rosters.</p>
            </article></body></html>
            """
        let body = try JSONSerialization.data(withJSONObject: ["html": html])
        let posted = try await server.request("POST", "/api/articles", body: body)
        #expect(posted.status == 201, "\(posted.body)")
        let item = try #require((posted.json?["articles"] as? [[String: Any]])?.first)
        let id = try #require(item["id"] as? Int)
        let story = try #require(item["story"] as? Int)
        for path in ["/articles/\(id)", "/stories/\(story)", "/"] {
            let page = try await server.request("GET", path)
            #expect(page.status == 200)
            #expect(!page.body.lowercased().contains("javascript:"), "\(path) carries a javascript: link")
            #expect(!page.body.contains("<script>alert(2)"), "\(path) carries the title's script live")
        }
        let json = try await server.request("GET", "/api/stories/\(story)")
        #expect(!json.body.lowercased().contains("javascript:"), "the extractor kept the javascript: address")
    }

    @Test func writesNeedTheTokenWhenOneIsSet() async throws {
        let dir = try ScratchDir()
        let server = try ServerProcess(db: dir.url.appendingPathComponent("p.sqlite").path, extra: ["--token", "s3cret"])
        defer { server.stop() }
        #expect(try await server.request("POST", "/api/articles", body: article(1)).status == 401)
        #expect(try await server.request("POST", "/api/articles", body: article(1), headers: ["Authorization": "Bearer wrong"]).status == 401)
        #expect(try await server.request("POST", "/api/articles", body: article(1), headers: ["Authorization": "Bearer s3cret"]).status == 201)
        #expect(try await server.request("GET", "/api/stories").status == 200, "reads need no token")
    }

    @Test func refusesToListenBeyondLoopbackWithoutAToken() throws {
        let r = try Tool.run(["serve", "--host", "0.0.0.0", "--port", "0", "--db", "/tmp/precis-never-created.sqlite"])
        #expect(r.status != 0)
        #expect(r.err.contains("without a token"))
    }

    /// The story line of each story the server lists (id and article count), for comparing two runs.
    func storyLines(_ server: ServerProcess) async throws -> [String] {
        let list = try await server.request("GET", "/api/stories?limit=100").json?["stories"] as? [[String: Any]] ?? []
        return list.map { "\($0["id"] ?? "-") \($0["articles"] ?? "-")" }.sorted()
    }

    @Test func aRestartReadsTheStoriesFromTheKeptSnapshotAfterACrashOrACleanStop() async throws {
        let dir = try ScratchDir()
        let db = dir.url.appendingPathComponent("s.sqlite").path
        let first = try ServerProcess(db: db, extra: ["--snapshot-every", "8"])
        #expect(first.startupLog.contains("stories replayed from 0 articles"))
        for k in 0..<30 { _ = try await first.request("POST", "/api/articles", body: topicArticle(k)) }
        let before = try await storyLines(first)
        #expect(before.count >= 2)
        // Snapshots are saved in the background: give the last one time to land, then crash.
        try await Task.sleep(nanoseconds: 500_000_000)
        first.kill9()
        let second = try ServerProcess(db: db, extra: ["--snapshot-every", "8"])
        let read = second.startupLog.range(of: #"from a snapshot of (\d+) articles, (\d+) replayed"#, options: .regularExpression)
        #expect(read != nil, "\(second.startupLog)")
        if let read {
            let numbers = second.startupLog[read].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            #expect(numbers.count == 2 && numbers[0] >= 24 && numbers[0] + numbers[1] == 30)
        }
        #expect(try await storyLines(second) == before)
        // The next article goes where it would have gone without the crash: its story is an old one.
        let next = try await second.request("POST", "/api/articles", body: topicArticle(30)).json
        let story = ((next?["articles"] as? [[String: Any]])?.first?["story"]) as? Int
        #expect(story != nil && before.contains { $0.hasPrefix("\(story!) ") })
        // A clean stop saves a snapshot of everything: the next start replays nothing.
        second.stop()
        let third = try ServerProcess(db: db)
        defer { third.stop() }
        #expect(third.startupLog.contains("stories read from a snapshot of 31 articles, 0 replayed"), "\(third.startupLog)")
    }

    @Test func killNineMidBatchLosesNoAcknowledgedArticle() async throws {
        let dir = try ScratchDir()
        let db = dir.url.appendingPathComponent("p.sqlite").path
        let first = try ServerProcess(db: db)
        var acknowledged: [Int: Int] = [:]  // article k -> id
        let acks = AckCount()
        // Writers keep posting while the server is killed under them: the kill comes once the first
        // writes are acknowledged (however slow the machine), while later ones are still to be sent.
        await withTaskGroup(of: (Int, Int?).self) { group in
            for k in 0..<120 {
                group.addTask {
                    let r = try? await first.request("POST", "/api/articles", body: article(k))
                    guard let r, (200..<300).contains(r.status) else { return (k, nil) }
                    await acks.add()
                    return (k, ((r.json?["articles"] as? [[String: Any]])?.first?["id"]) as? Int)
                }
                if k == 60 {
                    for _ in 0..<400 where await acks.value == 0 { try? await Task.sleep(nanoseconds: 25_000_000) }
                    first.kill9()
                }
            }
            for await (k, id) in group { if let id { acknowledged[k] = id } }
        }
        #expect(!acknowledged.isEmpty)
        #expect(acknowledged.count < 120, "the kill came in the middle of the stream")
        let server = try ServerProcess(db: db)
        defer { server.stop() }
        // Every acknowledged article is there, under the id it was given, and only once.
        for (k, id) in acknowledged {
            let r = try await server.request("POST", "/api/articles", body: article(k))
            let item = (r.json?["articles"] as? [[String: Any]])?.first
            #expect(item?["id"] as? Int == id)
            #expect(item?["created"] as? Bool == false)
        }
        let metrics = try await server.request("GET", "/metrics").body
        let stored = metrics.split(separator: "\n").first { $0.hasPrefix("precis_articles_stored ") }.flatMap { Int($0.split(separator: " ").last!) } ?? -1
        #expect(stored >= acknowledged.count && stored <= 120)
        #expect(Set(acknowledged.values).count == acknowledged.count, "no two articles share an id")
    }
}

/// An invented article on one of four distinct stories, different for each `k`.
func topicArticle(_ k: Int) -> Data {
    let topics = [
        "Calder harbour wall: the Calder town council voted to rebuild the crumbling harbour wall with \(k + 2) million crowns, Mayor Petra Lindqvist said of the harbour works.",
        "Norland chess: Mira Sandvik won round \(k) of the Norland chess championship in Vesterby, beating grandmaster Tomas Ekholm with a rook sacrifice in the chess hall.",
        "Brenna ferry strike: ferry crews in Brenna stayed out for day \(k) of the ferry strike over pay, stranding island residents as the ferry union met the operator.",
        "Ostmark wind farm: engineers began turbine \(k) of the Ostmark offshore wind farm, the energy ministry said, as cables reached the Ostmark substation."
    ]
    return try! JSONSerialization.data(withJSONObject: ["text": topics[k % 4] + " Report \(k).", "date": "2025-03-\(10 + k % 5)"])
}

@Suite(
    .serialized,
    .enabled(
        if: (ProcessInfo.processInfo.environment["PRECIS_TEST_POSTGRES"] ?? "") != "",
        "needs PRECIS_TEST_POSTGRES (make test starts PostgreSQL)"))
struct PostgresServeTests {
    /// Its own database: the store tests reset theirs in parallel.
    let url = (ProcessInfo.processInfo.environment["PRECIS_TEST_POSTGRES"] ?? "") + "_serve"

    func resetDatabase() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        p.arguments = [url, "-qc", "DROP TABLE IF EXISTS article, story_digest, story_entry, story_state, story_state_part, precis_migration"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
    }

    @Test func twoWorkersOnOneDatabaseMakeNoDuplicateArticlesOrStories() async throws {
        try resetDatabase()
        let one = try ServerProcess(db: url), two = try ServerProcess(db: url)
        defer { one.stop(); two.stop() }
        let count = 40
        // Every article goes to both workers at once.
        var ids: [Int: Set<Int>] = [:]
        var stories: [Int: Set<Int>] = [:]
        await withTaskGroup(of: (Int, Int?, Int?).self) { group in
            for k in 0..<count {
                for worker in [one, two] {
                    group.addTask {
                        let r = try? await worker.request("POST", "/api/articles", body: topicArticle(k))
                        let item = (r?.json?["articles"] as? [[String: Any]])?.first
                        return (k, item?["id"] as? Int, item?["story"] as? Int)
                    }
                }
            }
            for await (k, id, _) in group {
                if let id { ids[k, default: []].insert(id) }
            }
        }
        #expect(ids.count == count, "every article was acknowledged")
        #expect(ids.values.allSatisfy { $0.count == 1 }, "both workers gave an article the same id")
        #expect(Set(ids.values.compactMap(\.first)).count == count, "no article stored twice")
        // Stories as stored (asking again returns the stored story of each article).
        for k in 0..<count {
            let r = try await one.request("POST", "/api/articles", body: topicArticle(k))
            if let s = ((r.json?["articles"] as? [[String: Any]])?.first?["story"]) as? Int { stories[k % 4, default: []].insert(s) }
        }
        #expect(stories.count == 4)
        #expect(stories.values.allSatisfy { $0.count == 1 }, "one story per topic, whichever worker placed its articles: \(stories)")
        let list = try await two.request("GET", "/api/stories")
        #expect(list.json?["total"] as? Int == 4)
    }
}

/// Acknowledged writes, counted across the writer tasks.
private actor AckCount {
    private(set) var value = 0
    func add() { value += 1 }
}
