import Foundation
import Testing

/// `precis stories`, `precis digest` and `precis eval stories`, run as a user would.
@Suite(.serialized) struct StoriesCLITests {
    static let harbour =
        "Calder council votes to rebuild harbour wall\n\nThe Calder town council voted on Monday to rebuild the crumbling harbour wall before winter, approving 4.2 million crowns for the work after a four-hour debate. Mayor Petra Lindqvist said the wall, built in 1911, could not survive another season of gales."
    static let harbourAgain =
        "Harbour wall rebuild approved in Calder\n\nCalder will rebuild its harbour wall this autumn after the town council approved 4.2 million crowns on Monday. Mayor Petra Lindqvist said the 1911 wall cracked in three places during last winter's gales."
    static let chess =
        "Teenager wins Norland chess championship\n\nSixteen-year-old Mira Sandvik won the Norland chess championship in Vesterby on Sunday, beating grandmaster Tomas Ekholm in a final game that lasted more than six hours. Sandvik sacrificed a rook on move 31."
    static let chessAgain =
        "Sandvik takes Norland chess title\n\nMira Sandvik became Norland's youngest chess champion on Sunday when she beat four-time winner Tomas Ekholm in Vesterby after six hours of play, with a rook sacrifice that stunned the hall."

    func line(_ fields: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }

    func intake() throws -> String {
        let copy = "NORLAND NEWS AGENCY\n\n" + Self.harbour.components(separatedBy: "\n\n")[1] + "\n\nDistributed by the Norland News Agency."
        return [
            try line(["id": "h1", "text": Self.harbour, "date": "2025-03-03"]),
            try line(["id": 2, "html": "<html><body><article><h1>Chess</h1><p>\(Self.chess)</p></article></body></html>"]),
            try line(["id": "h2", "text": Self.harbourAgain]),
            "{not json",
            try line(["id": "copy", "text": copy, "url": "https://wire.example/h"]),
            try line(["id": "stub", "text": "Notice\n\nPlease log in."]),
            try line(["id": "c2", "text": Self.chessAgain]),
            try line(["id": "none"])
        ].joined(separator: "\n") + "\n"
    }

    func parse(_ out: String) -> [[String: Any]] {
        out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test(arguments: [false, true])
    func storiesWritesOneLinePerArticleInOrder(stream: Bool) throws {
        let dir = try ScratchDir()
        let file = try dir.file("day.jsonl", Data(try intake().utf8))
        let r = try Tool.run(["stories", "--batch", file, "--quiet"] + (stream ? ["--stream"] : []))
        #expect(r.status == 0, "\(r.err)")
        let lines = parse(r.out)
        try #require(lines.count == 8)
        #expect(lines.map { "\($0["id"] ?? "")" } == ["h1", "2", "h2", "<null>", "copy", "stub", "c2", "none"])
        func story(_ k: Int) -> Int? { lines[k]["story"] as? Int }
        #expect(story(0) == 0 && story(2) == 0 && story(4) == 0)
        #expect(story(1) == 1 && story(6) == 1)
        #expect(lines[4]["duplicate_of"] as? String == "h1")
        #expect(lines[0]["duplicate_of"] is NSNull)
        for k in [3, 5, 7] {
            #expect(lines[k]["story"] is NSNull)
            #expect((lines[k]["reason"] as? String)?.isEmpty == false)
        }
    }

    @Test func storiesReportsSkippedLines() throws {
        let dir = try ScratchDir()
        let file = try dir.file("day.jsonl", Data(try intake().utf8))
        let r = try Tool.run(["stories", "--batch", file])
        #expect(r.status == 0)
        #expect(r.err.contains(":4: ") && r.err.contains("not valid JSON"))
    }

    @Test func storiesFailsCleanlyOnAMissingFile() throws {
        let r = try Tool.run(["stories", "--batch", "no/such/file.jsonl"])
        #expect(r.reason == .exit && r.status != 0)
        #expect(r.errLines.count == 1 && r.err.contains("does not exist"))
    }

    @Test func digestWritesEveryStoryBiggestFirst() throws {
        let dir = try ScratchDir()
        _ = try dir.file("a.txt", Data(Self.chess.utf8))
        _ = try dir.file("b.txt", Data(Self.harbour.utf8))
        _ = try dir.file("c.txt", Data(Self.harbourAgain.utf8))
        _ = try dir.file("d.txt", Data(Self.chessAgain.utf8))
        _ = try dir.file(
            "e.txt",
            Data(
                "Harbour wall: what happens next\n\nThe Calder harbour wall will be rebuilt from September, the council said on Monday, after Mayor Petra Lindqvist won a vote on the 4.2 million crown plan."
                    .utf8))
        let r = try Tool.run(["digest", dir.url.path, "--format", "json", "--words", "40"])
        #expect(r.status == 0, "\(r.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let stories = try #require(object["stories"] as? [[String: Any]])
        try #require(stories.count == 2)
        #expect(stories[0]["articles"] as? Int == 3)
        #expect(stories[1]["articles"] as? Int == 2)
        let markdown = try Tool.run(["digest", dir.url.path])
        #expect(markdown.status == 0)
        #expect(markdown.out.hasPrefix("# Stories"))
        let html = try Tool.run(["digest", dir.url.path, "--format", "html"])
        #expect(html.out.contains("<article class=\"story\""))
    }

    @Test func digestOfNothingUsable() throws {
        let dir = try ScratchDir()
        _ = try dir.file("a.txt", Data("Notice\n\nPlease log in.".utf8))
        let r = try Tool.run(["digest", dir.url.path])
        #expect(r.reason == .exit && r.status != 0)
        #expect(r.err.contains("not an article"))
    }

    @Test func evalStoriesScoresALabelledSet() throws {
        let dir = try ScratchDir()
        let lines = [
            try line(["id": "harbour", "documents": [Self.harbour, Self.harbourAgain]]),
            try line(["id": "chess", "documents": [Self.chess, Self.chessAgain]])
        ]
        let file = try dir.file("set.jsonl", Data(lines.joined(separator: "\n").utf8))
        let r = try Tool.run(["eval", "stories", "--data", file])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("documents: 4   gold stories: 2   predicted stories: 2"))
        #expect(r.out.contains("B-cubed P 1.000 R 1.000 F1 1.000"))
    }
}

@Suite(.serialized) struct FactsCLITests {
    @Test func factsResolveAgainstTheGivenDate() throws {
        let dir = try ScratchDir()
        let a = try dir.file(
            "a.txt",
            Data(
                "Calder votes on harbour wall\n\nThe Calder assembly voted on Tuesday to rebuild the harbour wall. A survey in January found three cracks.".utf8
            ))
        let undated = try Tool.run(["facts", a])
        #expect(undated.status == 0, "\(undated.err)")
        let u = try #require(try JSONSerialization.jsonObject(with: Data(undated.out.utf8)) as? [String: Any])
        let uTimes = try #require(u["times"] as? [[String: Any]])
        #expect(uTimes.first { $0["text"] as? String == "Tuesday" }?["value"] as? String == "XXXX-WXX-2")

        let dated = try Tool.run(["facts", a, "--date", "2025-03-12"])
        let d = try #require(try JSONSerialization.jsonObject(with: Data(dated.out.utf8)) as? [String: Any])
        let times = try #require(d["times"] as? [[String: Any]])
        let tuesday = try #require(times.first { $0["text"] as? String == "Tuesday" })
        #expect(tuesday["value"] as? String == "2025-03-11")
        #expect(tuesday["type"] as? String == "DATE")
        #expect(tuesday["document"] as? Int == 0)
        #expect(Set(tuesday.keys) == ["text", "type", "value", "document", "start", "end"])
        // Every reported item's offsets index its document's clean text, which the JSON carries.
        let documents = try #require(d["documents"] as? [[String: Any]])
        let text = Array(try #require(documents.first?["text"] as? String).unicodeScalars)
        for key in ["times", "quotes", "numbers"] {
            for item in try #require(d[key] as? [[String: Any]]) {
                let start = try #require(item["start"] as? Int), end = try #require(item["end"] as? Int)
                var span = String.UnicodeScalarView()
                span.append(contentsOf: text[start..<end])
                #expect(String(span) == item["text"] as? String, "\(key): \(item)")
            }
        }
        #expect(try #require(d["numbers"] as? [[String: Any]]).contains { $0["text"] as? String == "three cracks" })
        let timeline = try #require(d["timeline"] as? [[String: Any]])
        #expect(timeline.map { $0["date"] as? String } == ["2025-01", "2025-03-11"])

        let markdown = try Tool.run(["facts", a, "--date", "2025-03-12", "--format", "markdown"])
        #expect(markdown.out.contains("**2025-03-11**"))
        let bad = try Tool.run(["facts", a, "--date", "12/03/2025"])
        #expect(bad.status != 0 && bad.err.contains("YYYY-MM-DD"))
    }

    @Test func evalTimesScoresATimeMLFile() throws {
        let dir = try ScratchDir()
        let tml = """
            <?xml version="1.0" ?>
            <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-03-12" functionInDocument="CREATION_TIME">2025-03-12</TIMEX3></DCT>
            <TEXT>The assembly voted <TIMEX3 tid="t1" type="DATE" value="2025-03-11">Tuesday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P4M">four months</TIMEX3> of talks &amp; protests.</TEXT></TimeML>
            """
        let file = try dir.file("a.tml", Data(tml.utf8))
        let r = try Tool.run(["eval", "times", "--data", file])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("gold: 2   found: 2"))
        #expect(r.out.contains("strict   P 100.0  R 100.0  F1 100.0"))
        #expect(r.out.contains("value    P 100.0  R 100.0  F1 100.0"))
    }

    @Test func evalClustersLearnsWordClassesFromPlainText() throws {
        let dir = try ScratchDir()
        let speakers = ["The mayor", "Officials", "Lena Ortiz", "The union"], verbs = ["said", "argued", "warned", "insisted"]
        for k in 0..<30 {
            let text = "\(speakers[k % 4]) \(verbs[k % 4]) that the ferry would run late. The children ate the \(["apple", "pear", "plum"][k % 3]) with joy."
            _ = try dir.file("a\(k).txt", Data(text.utf8))
        }
        let out = dir.url.appendingPathComponent("classes.bin").path
        let r = try Tool.run(["eval", "clusters", dir.url.path, "--levels", "3,6", "--contexts", "40", "--save", out, "--show", "said,zebra"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("from 30 texts"))
        let said = try #require(r.out.split(separator: "\n").first { $0.hasPrefix("said [") })
        #expect(said.contains("argued") && said.contains("warned") && !said.contains("pear"))
        #expect(r.out.contains("zebra: no class"))
        #expect(FileManager.default.contents(atPath: out)?.starts(with: Array("PRECIS-CLUSTERS 1 ".utf8)) == true)
        // Nothing to learn from, or a level of one class: a clear error, no crash.
        let empty = try ScratchDir()
        let none = try Tool.run(["eval", "clusters", empty.url.path])
        #expect(none.reason == .exit && none.status != 0 && none.err.contains("no articles"), "\(none.err)")
        let one = try Tool.run(["eval", "clusters", dir.url.path, "--levels", "1"])
        #expect(one.reason == .exit && one.status == 64 && one.err.contains("--levels"))
        // Classes are read while training a tagger; alone they are a usage error.
        let alone = try Tool.run(["eval", "quotes", "--data", dir.url.path, "--clusters", out])
        #expect(alone.reason == .exit && alone.status == 64 && alone.err.contains("--train"))
    }
}
