import Foundation
import Testing

/// Runs the built `precis` tool as a user would, and checks what it prints and how it exits.
enum Tool {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `precis` binary beside this test bundle (or $PRECIS_BIN).
    static var binary: String {
        if let env = ProcessInfo.processInfo.environment["PRECIS_BIN"] { return env }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("precis").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("precis").path
        if FileManager.default.isExecutableFile(atPath: runner) { return runner }
        return root.appendingPathComponent(".build/debug/precis").path
    }

    struct Run {
        var status: Int32
        var reason: Process.TerminationReason
        var out: String
        var err: String
        var errLines: [Substring] { err.split(separator: "\n") }
    }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = root
        // Output goes to files, so a large output can never block the tool on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("precis-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(
            status: process.terminationStatus, reason: process.terminationReason,
            out: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            err: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

final class ScratchDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("precis-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func file(_ name: String, _ data: Data) throws -> String {
        let f = url.appendingPathComponent(name)
        try data.write(to: f)
        return f.path
    }
}

@Suite(.serialized) struct CLITests {
    @Test func summarizesTheBundledExample() throws {
        let r = try Tool.run(["summarize", "Examples/halvard-bay", "--words", "150"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Sources\n[1] "))
        #expect(r.out.range(of: #"\[[1-5]\]"#, options: .regularExpression) != nil)
        #expect(r.err.isEmpty)
    }

    @Test func jsonOffsetsGiveBackEverySentence() throws {
        let r = try Tool.run(["summarize", "Examples/halvard-bay", "--words", "200", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(documents.count == 5)
        #expect(!sentences.isEmpty)
        var words = 0
        for s in sentences {
            let doc = try #require(documents[s["document"] as! Int]["text"] as? String)
            let scalars = Array(doc.unicodeScalars)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[(s["start"] as! Int)..<(s["end"] as! Int)])
            #expect(String(view) == s["text"] as? String)
            words += (s["text"] as! String).split(whereSeparator: { $0.isWhitespace }).count
        }
        #expect(words <= 200)
    }

    /// Two processes (each with its own hash seed) must write the same digest, byte for byte.
    @Test func sameInputSameDigestAcrossProcesses() throws {
        let dir = try ScratchDir()
        var lines = ""
        for k in 0..<12 {
            let docs = (0..<3).map { d in
                "The council of town \(k) voted on Monday to rebuild the harbour wall, officials said. Work on wall \(k) will cost \(d + 2) million euros and take \(k + 3) months. The mayor said the town had waited \(d + 5) years for the decision. Fishermen welcomed the vote on the wall but asked for a new quay as well."
            }
            lines += "{\"id\": \(k), \"documents\": [\(docs.map { "\"\($0)\"" }.joined(separator: ", "))]}\n"
        }
        let file = try dir.file("d.jsonl", Data(lines.utf8))
        let first = try Tool.run(["summarize", "--batch", file, "--words", "40"])
        let second = try Tool.run(["summarize", "--batch", file, "--words", "40"])
        #expect(first.status == 0)
        #expect(first.out == second.out)
        let a = try Tool.run(["summarize", "Examples/halvard-bay", "--format", "json"])
        let b = try Tool.run(["summarize", "Examples/halvard-bay", "--format", "json"])
        #expect(a.out == b.out)
    }

    /// Clusters summarised on several threads come out in input order, with the same lines and the
    /// same warnings as on one, across chunk boundaries (more clusters than one chunk holds).
    @Test func batchOutputDoesNotDependOnJobs() throws {
        let dir = try ScratchDir()
        var lines = ""
        for k in 0..<150 {
            if k % 37 == 5 { lines += "{\"id\": \(k), \"documents\": not json\n"; continue }
            let docs = (0..<(1 + k % 4)).map { d in
                d == 2
                    ? ""
                    : "Harbour town \(k) voted on Monday to rebuild wall number \(d), officials said. The work on wall \(k) will cost \(d + 2) million euros. The mayor of town \(k) said residents had waited \(k % 9 + 2) years."
            }
            lines += "{\"id\": \(k), \"documents\": [\(docs.map { "\"\($0)\"" }.joined(separator: ", "))]}\n"
        }
        let file = try dir.file("many.jsonl", Data(lines.utf8))
        let one = try Tool.run(["summarize", "--batch", file, "--words", "30", "--jobs", "1"])
        let three = try Tool.run(["summarize", "--batch", file, "--words", "30", "--jobs", "3"])
        #expect(one.status == 0, "\(one.err)")
        #expect(one.out.split(separator: "\n").count == 150)
        #expect(one.out == three.out)
        #expect(one.err == three.err)
        #expect(one.err.contains("skipped"))
        let ids = one.out.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? Int
        }
        #expect(ids == (0..<150).filter { $0 % 37 != 5 })
        let zero = try Tool.run(["summarize", "--batch", file, "--jobs", "0"])
        #expect(zero.reason == .exit && zero.status != 0 && zero.err.contains("--jobs"))
    }

    @Test func everyFormatRenders() throws {
        for format in ["text", "markdown", "json", "html"] {
            let r = try Tool.run(["summarize", "Examples/halvard-bay", "--sentences", "3", "--format", format])
            #expect(r.status == 0, "\(format): \(r.err)")
            #expect(!r.out.isEmpty)
        }
    }

    @Test func anHTMLDigestNeverCarriesAJavascriptLinkOrALiveTitle() throws {
        let dir = try ScratchDir()
        let page = """
            <html><head><title>Ferry <script>alert(2)</script> strike</title>
            <link rel="canonical" href=" javascript:alert(1)"></head>
            <body><article><h1>Ferry strike in Brenna</h1>
            <p>Ferry crews in Brenna walked out on Tuesday over pay, stranding hundreds of island residents for the day.</p>
            <p>The crews said the strike would last until the operator made a new offer on wages and rosters.</p>
            </article></body></html>
            """
        let f = try dir.file("hostile.html", Data(page.utf8))
        let json = try dir.file(
            "hostile.json",
            Data(#"{"text": "Ferry crews in Brenna walked out on Tuesday over pay, stranding island residents.", "url": "javascript:alert(4)"}"#.utf8))
        for command in ["digest", "summarize"] {
            let r = try Tool.run([command, f, json, "--format", "html"])
            #expect(r.status == 0, "\(r.err)")
            #expect(!r.out.lowercased().contains("javascript:"), "\(command) wrote a javascript: link")
            #expect(!r.out.contains("<script>alert(2)"), "\(command) wrote the title's script live")
        }
        let extracted = try Tool.run(["extract", f, json])
        #expect(!extracted.out.lowercased().contains("javascript:"))
    }

    @Test func readsStandardInput() throws {
        let text = "The Calder council voted on Monday to rebuild the harbour wall before winter. The work will cost 4.2 million euros."
        let r = try Tool.run(["summarize", "--words", "40"], stdin: Data(text.utf8))
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("The Calder council voted on Monday"))
    }

    @Test func batchWritesOneLinePerClusterInOrder() throws {
        let dir = try ScratchDir()
        let jsonl = """
            {"id": "first", "documents": ["The Calder council voted on Monday to rebuild the harbour wall before winter storms.", "Calder will rebuild its harbour wall, the council decided on Monday after a long debate."]}
            {"id": 2, "documents": ["Ferries to the islands were cancelled on Tuesday as a storm hit the coast of Norland."]}
            not json at all
            {"id": "empty", "documents": [""]}
            """
        let file = try dir.file("c.jsonl", Data(jsonl.utf8))
        let r = try Tool.run(["summarize", "--batch", file, "--words", "30", "--quiet"])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 4)
        #expect(lines[0]?["id"] as? String == "first")
        #expect(lines[1]?["id"] as? Int == 2)
        #expect(lines[2]?["error"] != nil)
        #expect((lines[3]?["sentences"] as? [Any])?.isEmpty == true)
        let first = try #require(lines[0]?["sentences"] as? [[String: Any]])
        #expect(!first.isEmpty)
        #expect(first.allSatisfy { Set($0.keys) == ["text", "document", "start", "end"] })
    }

    // MARK: - Bad input: one line that says what to do, a non-zero exit, no crash.

    func expectCleanFailure(_ r: Tool.Run, mentions needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.reason == .exit, "the tool crashed", sourceLocation: sourceLocation)
        #expect(r.status != 0, sourceLocation: sourceLocation)
        #expect(r.errLines.count == 1, "expected one line, got: \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.contains(needle), "\(r.err)", sourceLocation: sourceLocation)
        #expect(!r.err.contains("Fatal error") && !r.err.contains("Stack dump"), sourceLocation: sourceLocation)
    }

    @Test func emptyFile() throws {
        let dir = try ScratchDir()
        let f = try dir.file("empty.txt", Data())
        expectCleanFailure(try Tool.run(["summarize", f]), mentions: "is empty")
    }

    @Test func binaryFile() throws {
        let dir = try ScratchDir()
        var bytes = [UInt8](repeating: 0, count: 4096)
        for i in bytes.indices { bytes[i] = UInt8((i * 7919) % 256) }
        let f = try dir.file("blob.txt", Data(bytes))
        expectCleanFailure(try Tool.run(["summarize", f]), mentions: "binary")
    }

    @Test func invalidUTF8IsReadWithANote() throws {
        let dir = try ScratchDir()
        let bytes = Array("The café council met on Monday in Calder to vote on the harbour wall ".utf8) + [0xC3, 0x28] + Array(" and approved it.".utf8)
        let f = try dir.file("bad.txt", Data(bytes))
        let r = try Tool.run(["summarize", f])
        #expect(r.status == 0)
        #expect(r.err.contains("1 invalid byte sequence(s) replaced"))
        #expect(r.out.contains("approved it."))
    }

    @Test func fiftyMegabyteFile() throws {
        let dir = try ScratchDir()
        let line = Data("The council met on Monday in Calder to vote on the harbour wall. ".utf8)
        var big = Data()
        big.reserveCapacity(50 * 1_048_576 + line.count)
        while big.count < 50 * 1_048_576 { big.append(line) }
        let f = try dir.file("big.txt", big)
        expectCleanFailure(try Tool.run(["summarize", f]), mentions: "--max-bytes")
    }

    @Test func directoryWithNoArticles() throws {
        let dir = try ScratchDir()
        _ = try dir.file("notes.pdf", Data([1, 2, 3]))
        expectCleanFailure(try Tool.run(["summarize", dir.url.path]), mentions: "holds no articles")
    }

    @Test func missingFile() throws {
        expectCleanFailure(try Tool.run(["summarize", "/nonexistent/precis/file.txt"]), mentions: "does not exist")
    }

    @Test func unknownOption() throws {
        let r = try Tool.run(["summarize", "Examples/halvard-bay", "--bogus"])
        #expect(r.reason == .exit)
        #expect(r.status == 64)
        #expect(r.err.contains("Unknown option '--bogus'"))
        #expect(r.err.contains("--help"))
    }

    @Test func conflictingBudgets() throws {
        let r = try Tool.run(["summarize", "Examples/halvard-bay", "--words", "10", "--sentences", "2"])
        #expect(r.status == 64)
        #expect(r.err.contains("either --words or --sentences"))
    }

    @Test func severalClustersWithoutBatch() throws {
        let dir = try ScratchDir()
        let f = try dir.file("two.jsonl", Data("{\"id\":1,\"documents\":[\"A.\"]}\n{\"id\":2,\"documents\":[\"B.\"]}\n".utf8))
        expectCleanFailure(try Tool.run(["summarize", f]), mentions: "--batch")
    }
}

/// The real articles in ../shared/data/seeds, read in place.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Tool.root.appendingPathComponent("../shared/data/seeds").path), "needs ../shared/data/seeds"))
struct SeedDigestTests {
    @Test func seedsGiveAReadableDigestWithNoWebJunk() throws {
        let seeds = Tool.root.appendingPathComponent("../shared/data/seeds").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count == 5)
        let r = try Tool.run(["summarize"] + files.map { seeds.appendingPathComponent($0).path } + ["--words", "200", "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        let summary = try #require(object["summary"] as? String)
        #expect(sentences.count >= 4)
        #expect(summary.split(whereSeparator: { $0.isWhitespace }).count <= 200)
        #expect(summary.split(whereSeparator: { $0.isWhitespace }).count >= 150)
        for junk in ["©", "browser", "Reporting by", "readers like you", "Comments", "You may also like", "Photo"] {
            #expect(!summary.localizedCaseInsensitiveContains(junk), "junk in the digest: \(junk)")
        }
        // Several sources are cited, not just one.
        #expect(Set(sentences.map { $0["document"] as! Int }).count >= 3)
    }
}

@Suite(.serialized) struct ExtractCommandTests {
    @Test func extractsTheBundledExampleAsJSONLines() throws {
        let r = try Tool.run(["extract", "Examples/halvard-bay"])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 5)
        for line in lines {
            #expect(Set(line.keys).isSuperset(of: ["file", "url", "title", "date", "authors", "site", "language", "text"]))
        }
        let html = try #require(lines.first { ($0["file"] as? String)?.hasSuffix(".html") == true })
        #expect(html["title"] as? String == "Halvard Bay terminal to close by 2029 after assembly vote")
        #expect(html["date"] as? String == "2025-03-11")
        #expect(html["site"] as? String == "Harbour Post")
        #expect(html["language"] as? String == "en")
        #expect(html["url"] as? String == "https://harbourpost.example/2025/03/11/halvard-bay-terminal-vote")
        let text = try #require(html["text"] as? String)
        #expect(!text.contains("Share on"))
        #expect(!text.contains("Related stories"))
        let repeated = try #require(lines.first { ($0["file"] as? String)?.hasSuffix("04-coastline-daily.txt") == true }?["text"] as? String)
        #expect(repeated.components(separatedBy: "My father loaded coal").count == 2)
    }

    @Test func textFormatPrintsTheCleanText() throws {
        let r = try Tool.run(["extract", "Examples/halvard-bay/02-norland-wire.txt", "--format", "text"])
        #expect(r.status == 0)
        #expect(r.out.contains("The plan passed by 41 votes to 28"))
        #expect(!r.out.contains("narrow-browser"))
        #expect(!r.out.contains("Reporting by"))
    }

    @Test func removedBlocksOnRequest() throws {
        let r = try Tool.run(["extract", "Examples/halvard-bay/01-calder-courier.txt", "--removed"])
        #expect(r.status == 0)
        let line = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let removed = try #require(line["removed"] as? [[String: Any]])
        #expect(removed.contains { $0["reason"] as? String == "appeal" })
        #expect(removed.contains { $0["reason"] as? String == "duplicate" })
    }

    @Test func pageOfOnlyScriptsIsReported() throws {
        let dir = try ScratchDir()
        let f = try dir.file("scripts.html", Data("<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>".utf8))
        let r = try Tool.run(["extract", f])
        #expect(r.status != 0)
        #expect(r.errLines.count == 1)
        #expect(r.err.contains("no article text"))
    }
}
