import Foundation
import Testing

/// What a reader sees, in a real browser: headless Chromium against `precis serve`.
enum Browser {
    static var path: String? {
        let p = ProcessInfo.processInfo.environment["PRECIS_TEST_CHROMIUM"] ?? ""
        return p.isEmpty ? nil : p
    }

    /// Where screenshots are kept as test artefacts.
    static let artifacts = Tool.root.appendingPathComponent(".build/browser-artifacts")

    static func run(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=3000"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The page's DOM after its scripts ran.
    static func dom(_ url: String) throws -> String { try run(["--dump-dom", url]) }

    static func screenshot(_ url: String, width: Int, height: Int, name: String) throws {
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        _ = try run(["--window-size=\(width),\(height)", "--screenshot=\(artifacts.appendingPathComponent(name).path)", url])
    }
}

@Suite(.serialized, .enabled(if: Browser.path != nil, "needs PRECIS_TEST_CHROMIUM (make test installs Chromium)"))
struct BrowserTests {
    @Test func aReaderSeesTheStoriesTheSummaryAndTheCitedPassage() async throws {
        let dir = try ScratchDir()
        let db = dir.url.appendingPathComponent("b.sqlite").path
        let ingest = try Tool.run(["ingest", "Examples/halvard-bay", "--db", db])
        #expect(ingest.status == 0, "\(ingest.err)")
        let server = try ServerProcess(db: db)
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"

        // The story list: headline, gist, sources, search box.
        let list = try Browser.dom(base + "/")
        #expect(list.contains("Halvard Bay coal terminal faces closure vote"))
        #expect(list.contains("class=\"gist\""))
        #expect(list.contains("5 sources"))
        #expect(list.contains("type=\"search\""))
        let storyLink = try #require(list.range(of: "href=\"/stories/").map { list[$0.upperBound...].prefix { $0.isNumber } })

        // The story page: summary, timeline, and citation links to passages.
        let storyURL = base + "/stories/" + storyLink
        let story = try Browser.dom(storyURL)
        #expect(story.contains("class=\"summary\""))
        #expect(story.contains("<h2 id=\"h-timeline\">Timeline</h2>"))
        #expect(story.contains("Who said what"))
        let target = try #require(story.range(of: "class=\"cite\" href=\"#p").map { "p" + story[$0.upperBound...].prefix { $0 != "\"" } })

        // Following a citation opens the source, and highlights and focuses the passage.
        let followed = try Browser.dom(storyURL + "#" + target)
        let mark = try #require(followed.range(of: "<mark id=\"\(target)\"").map { followed[$0.lowerBound...].prefix { $0 != ">" } })
        #expect(mark.contains("class=\"highlight\""), "\(mark)")
        let source = String(target.dropFirst().prefix { $0 != "-" })
        #expect(followed.contains("<details class=\"source\" id=\"source-\(source)\" open=\"\">"))

        // Screenshots at phone and desktop widths, kept as artefacts.
        try Browser.screenshot(base + "/", width: 390, height: 844, name: "list-phone.png")
        try Browser.screenshot(base + "/", width: 1280, height: 900, name: "list-desktop.png")
        try Browser.screenshot(storyURL, width: 390, height: 2400, name: "story-phone.png")
        try Browser.screenshot(storyURL + "#" + target, width: 1280, height: 2000, name: "story-desktop.png")
        for name in ["list-phone.png", "list-desktop.png", "story-phone.png", "story-desktop.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: Browser.artifacts.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(name) is a real picture")
        }
    }

    @Test func articleTextIsShownAsTextNeverRun() async throws {
        let dir = try ScratchDir()
        let server = try ServerProcess(db: dir.url.appendingPathComponent("b.sqlite").path)
        defer { server.stop() }
        let body = try JSONSerialization.data(withJSONObject: [
            "title": "<script>document.title='pwned'</script>Harbour <b>wall</b>",
            "text":
                "Calder council votes on the wall. <script>document.body.innerHTML='pwned'</script> The Calder town council voted on Monday to rebuild the crumbling harbour wall before winter, approving 4.2 million crowns."
        ])
        let r = try await server.request("POST", "/api/articles", body: body)
        let item = try #require((r.json?["articles"] as? [[String: Any]])?.first)
        let id = try #require(item["id"] as? Int)
        let article = try Browser.dom("http://127.0.0.1:\(server.port)/articles/\(id)")
        #expect(!article.contains("pwned</title>") && !article.contains("<body>pwned"))
        #expect(article.contains("&lt;script&gt;"))
        let storyID = try #require(item["story"] as? Int)
        let story = try Browser.dom("http://127.0.0.1:\(server.port)/stories/\(storyID)")
        #expect(!story.contains("<b>wall</b>"))
        #expect(story.contains("&lt;b&gt;wall&lt;/b&gt;"))
    }

    @Test func removedBoilerplateOnRequest() async throws {
        let dir = try ScratchDir()
        let db = dir.url.appendingPathComponent("b.sqlite").path
        _ = try Tool.run(["ingest", "Examples/halvard-bay/01-calder-courier.txt", "--db", db])
        let server = try ServerProcess(db: db)
        defer { server.stop() }
        let plain = try Browser.dom("http://127.0.0.1:\(server.port)/articles/1")
        #expect(plain.contains("?removed=1"))
        #expect(!plain.contains("Removed by cleaning"))
        let shown = try Browser.dom("http://127.0.0.1:\(server.port)/articles/1?removed=1")
        #expect(shown.contains("Removed by cleaning"))
        #expect(shown.contains("<strong>appeal</strong>"))
    }
}
