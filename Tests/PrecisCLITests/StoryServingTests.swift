import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How `precis serve` serves a story: from the digest it stored, built once per version of the
/// story's articles.
@Suite(.serialized) struct StoryServingTests {
    /// Three invented reports of one story, each in words of its own (no one a copy of another).
    static let harbour = [
        "Calder council votes to rebuild harbour wall. The Calder town council voted on Monday to rebuild the crumbling harbour wall before winter, approving 4.2 million crowns for the work.",
        "Harbour wall rebuild approved in Calder. Calder will rebuild its harbour wall this autumn after the town council approved 4.2 million crowns on Monday for the harbour work.",
        "Calder harbour wall work starts. Work on the Calder harbour wall began, the council said, after the 4.2 million crowns were approved on Monday."
    ]

    static func harbourArticle(_ k: Int) -> Data {
        try! JSONSerialization.data(withJSONObject: ["text": harbour[k], "date": "2025-03-1\(k)"])
    }

    /// The number of digests the server built, from /metrics.
    func digestsBuilt(_ server: ServerProcess) async throws -> Int {
        let metrics = try await server.request("GET", "/metrics").body
        let line = try #require(metrics.split(separator: "\n").first { $0.hasPrefix("precis_digests_built_total ") })
        return try #require(Int(line.split(separator: " ").last!))
    }

    func post(_ server: ServerProcess, _ body: Data) async throws -> (id: Int, story: Int) {
        let r = try await server.request("POST", "/api/articles", body: body)
        #expect(r.status == 201, "\(r.body)")
        let item = try #require((r.json?["articles"] as? [[String: Any]])?.first)
        return (try #require(item["id"] as? Int), try #require(item["story"] as? Int))
    }

    @Test func aSecondViewOfAStoryReadsTheStoredDigestAndANewArticleMakesItAgain() async throws {
        let dir = try ScratchDir()
        let db = dir.url.appendingPathComponent("p.sqlite").path
        var server = try ServerProcess(db: db)
        let first = try await post(server, Self.harbourArticle(0))
        let second = try await post(server, Self.harbourArticle(1))
        #expect(second.story == first.story, "two articles on the Calder harbour wall: one story")
        let story = first.story
        #expect(try await digestsBuilt(server) == 0, "posting builds no digest")

        let page = try await server.request("GET", "/stories/\(story)")
        #expect(page.status == 200)
        #expect(page.body.contains("2 sources"))
        #expect(try await digestsBuilt(server) == 1)
        // The second view, the API and the story list read what the first view stored.
        let again = try await server.request("GET", "/stories/\(story)")
        #expect(again.body == page.body)
        let api = try await server.request("GET", "/api/stories/\(story)")
        #expect((api.json?["documents"] as? [Any])?.count == 2, "\(api.body)")
        #expect(try await server.request("GET", "/").status == 200)
        #expect(try await digestsBuilt(server) == 1, "no view after the first built the digest again")

        // A new article in the story makes the stored digest stale: the next view builds it once.
        let third = try await post(server, Self.harbourArticle(2))
        #expect(third.story == story)
        let grown = try await server.request("GET", "/api/stories/\(story)")
        #expect((grown.json?["documents"] as? [Any])?.count == 3, "\(grown.body)")
        #expect(try await server.request("GET", "/stories/\(story)").body.contains("3 sources"))
        #expect(try await digestsBuilt(server) == 2)

        // Another process on the same file serves the stored digest without building it.
        server.stop()
        server = try ServerProcess(db: db)
        defer { server.stop() }
        #expect(try await server.request("GET", "/stories/\(story)").body.contains("3 sources"))
        #expect(try await server.request("GET", "/api/stories/\(story)").status == 200)
        #expect(try await digestsBuilt(server) == 0, "the digest came from the store")
    }

    @Test func concurrentViewsOfAChangedStoryBuildItsDigestOnce() async throws {
        let dir = try ScratchDir()
        let server = try ServerProcess(db: dir.url.appendingPathComponent("p.sqlite").path)
        defer { server.stop() }
        var stories: Set<Int> = []
        for k in 0..<3 { stories.insert(try await post(server, Self.harbourArticle(k)).story) }
        #expect(stories.count == 1)
        let story = try #require(stories.first)
        let statuses = await withTaskGroup(of: Int.self) { group in
            for k in 0..<8 {
                group.addTask {
                    let path = k % 2 == 0 ? "/stories/\(story)" : "/api/stories/\(story)"
                    return (try? await server.request("GET", path).status) ?? 0
                }
            }
            var out: [Int] = []
            for await s in group { out.append(s) }
            return out
        }
        #expect(statuses == Array(repeating: 200, count: 8))
        #expect(try await digestsBuilt(server) == 1, "eight views at once share one build")
    }

    @Test func aBatchIsStoredInItsOrderWithEveryArticlesOutcome() async throws {
        let dir = try ScratchDir()
        let server = try ServerProcess(db: dir.url.appendingPathComponent("p.sqlite").path)
        defer { server.stop() }
        var items: [Any] = []
        for k in 0..<12 { items.append(try JSONSerialization.jsonObject(with: topicArticle(k))) }
        items.insert(["text": "Notice. Please log in."], at: 5)
        items.insert(["text": "   "], at: 9)
        let r = try await server.request("POST", "/api/articles", body: try JSONSerialization.data(withJSONObject: ["articles": items]))
        #expect(r.status == 201, "\(r.body)")
        let results = try #require(r.json?["articles"] as? [[String: Any]])
        #expect(results.count == 14)
        #expect(results[9]["error"] != nil, "the empty one is rejected in its place")
        #expect(results[5]["reason"] as? String != nil, "the notice is kept, in no story")
        let ids = results.compactMap { $0["id"] as? Int }
        #expect(ids.count == 13)
        #expect(ids == ids.sorted(), "ids follow the batch's order")
        let list = try await server.request("GET", "/api/stories")
        #expect(list.json?["total"] as? Int == 4, "\(list.body)")
    }

    /// Status and Location of an answer, the redirect not followed.
    func unfollowed(_ server: ServerProcess, _ path: String) throws -> (status: Int, location: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        p.arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", "http://127.0.0.1:\(server.port)\(path)"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ", maxSplits: 1)
        return (Int(text.first ?? "") ?? 0, text.count > 1 ? String(text[1]) : "")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "needs curl"))
    func aMergedStorysIdRedirectsToTheStoryItJoined() async throws {
        let dir = try ScratchDir()
        let server = try ServerProcess(db: dir.url.appendingPathComponent("p.sqlite").path)
        defer { server.stop() }
        // A strike and a wage offer, told apart until a third report ties them together.
        let texts = [
            "Ferry crews strike in Brenna\n\nFerry crews in Brenna walked out on Tuesday over pay, stranding hundreds of island residents for the day. The crews' union said talks on wages had failed and the strike would go on.",
            "Norland Sea Lines makes new wage offer\n\nNorland Sea Lines said on Wednesday it had put a new offer on wages and rosters to its deckhands, hoping to restore sailings to the outer islands before the weekend.",
            "Brenna ferry strike ends after Norland Sea Lines offer\n\nFerry crews in Brenna ended their strike over pay on Thursday after Norland Sea Lines put a new offer on wages and rosters to its deckhands, restoring sailings to the outer islands for residents stranded since Tuesday."
        ]
        func body(_ text: String) throws -> Data { try JSONSerialization.data(withJSONObject: ["text": text]) }
        let strike = try await post(server, body(texts[0])), offer = try await post(server, body(texts[1]))
        #expect(offer.story != strike.story, "two stories at first")
        #expect(try await server.request("GET", "/api/stories/\(offer.story)").status == 200)
        let end = try await post(server, body(texts[2]))
        #expect(end.story == strike.story)
        let list = try await server.request("GET", "/api/stories")
        #expect(list.json?["total"] as? Int == 1, "the offer's story joined the strike's: \(list.body)")

        let api = try unfollowed(server, "/api/stories/\(offer.story)")
        #expect(api.status == 308)
        #expect(api.location.hasSuffix("/api/stories/\(strike.story)"), "\(api.location)")
        let page = try unfollowed(server, "/stories/\(offer.story)")
        #expect(page.status == 301)
        #expect(page.location.hasSuffix("/stories/\(strike.story)"), "\(page.location)")
        // Followed, the old id shows the story it joined, with all three reports.
        let followed = try await server.request("GET", "/api/stories/\(offer.story)")
        #expect(followed.json?["id"] as? Int == strike.story)
        #expect((followed.json?["documents"] as? [Any])?.count == 3)
        #expect(try unfollowed(server, "/api/stories/\(end.id + 100)").status == 404, "an id that never was a story is still unknown")
    }
}
