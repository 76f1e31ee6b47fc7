import Foundation
import Testing

@testable import PrecisIngest

/// A scratch directory for one test, removed afterwards.
final class Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("precis-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }
}

@Suite struct InputReaderTests {
    let reader = InputReader()

    @Test func readsADirectoryInNameOrderAndSaysWhatItLeftOut() throws {
        let dir = try Scratch()
        try dir.write("b.txt", "Second article text.")
        try dir.write("a.html", "<html><body><p>First.</p></body></html>")
        try dir.write("c.pdf", [0x25, 0x50, 0x44, 0x46])
        try dir.write(".hidden.txt", "hidden")
        try dir.write("sub/d.json", #"{"text": "Third.", "title": "T", "date": "2025-03-11", "url": "https://x.example/a"}"#)
        let intake = reader.read(paths: [dir.url.path])
        #expect(intake.documents.map { ($0.origin as NSString).lastPathComponent } == ["a.html", "b.txt", "d.json"])
        #expect(intake.documents[0].format == .html)
        #expect(intake.documents[2].title == "T")
        #expect(intake.documents[2].date == "2025-03-11")
        #expect(intake.notes.contains { $0.contains("1 file(s) of other kinds") })
    }

    @Test func emptyBinaryAndMissingInputsAreSkippedWithAReason() throws {
        let dir = try Scratch()
        let empty = try dir.write("empty.txt", "  \n ")
        let binary = try dir.write("blob.txt", [0x00, 0x01, 0x02, 0xFF, 0x10, 0x00])
        let emptyDir = dir.url.appendingPathComponent("nothing")
        try FileManager.default.createDirectory(at: emptyDir, withIntermediateDirectories: true)
        let intake = reader.read(paths: [empty, binary, emptyDir.path, dir.url.appendingPathComponent("missing.txt").path])
        #expect(intake.documents.isEmpty)
        #expect(
            intake.skipped.map(\.reason).map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
                == ["is empty;", "looks like", "holds no", "does not"])
    }

    @Test func oversizedFileIsSkippedNotRead() throws {
        let dir = try Scratch()
        let big = try dir.write("big.txt", String(repeating: "word ", count: 1000))
        let intake = InputReader(maxDocumentBytes: 1000).read(paths: [big])
        #expect(intake.documents.isEmpty)
        #expect(intake.skipped.first?.reason.contains("over the") == true)
    }

    @Test func invalidUTF8IsReplacedAndCounted() throws {
        let dir = try Scratch()
        let file = try dir.write("mixed.txt", Array("Caf".utf8) + [0xC3, 0xA9] + Array(" and ".utf8) + [0xFF] + Array(" end.".utf8))
        let intake = reader.read(paths: [file])
        #expect(intake.documents.first?.content == "Café and \u{FFFD} end.")
        #expect(intake.documents.first?.replacedSequences == 1)
        #expect(intake.notes.contains { $0.contains("1 invalid byte sequence") })
    }

    @Test func latin1IsReadAsWindows1252() throws {
        let dir = try Scratch()
        let file = try dir.write("old.txt", Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94])
        let intake = reader.read(paths: [file])
        #expect(intake.documents.first?.content == "Café “quoted”")
        #expect(intake.documents.first?.encoding == "windows-1252")
    }

    @Test func byteOrderMarks() throws {
        let dir = try Scratch()
        let utf8 = try dir.write("bom8.txt", [0xEF, 0xBB, 0xBF] + Array("Hello.".utf8))
        let utf16 = try dir.write("bom16.txt", [0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00, 0x2E, 0x00])
        let intake = reader.read(paths: [utf8, utf16])
        #expect(intake.documents.map(\.content) == ["Hello.", "Hi."])
        #expect(intake.documents[1].encoding == "utf-16le")
    }

    @Test func jsonLinesClustersAndArticles() throws {
        let dir = try Scratch()
        let file = try dir.write(
            "in.jsonl",
            """
            {"id": 7, "documents": ["First doc.", "Second doc."], "references": ["ignored"]}

            {"id": "b", "documents": [{"html": "<p>Third.</p>"}, 12]}
            {"text": "An article on its own line."}
            not json
            """)
        let intake = reader.read(paths: [file])
        #expect(intake.clusters.map(\.id) == [.integer(7), .string("b")])
        #expect(intake.clusters[0].documents.map(\.content) == ["First doc.", "Second doc."])
        #expect(intake.clusters[1].documents.first?.format == .html)
        #expect(intake.documents.map(\.content) == ["An article on its own line."])
        #expect(intake.skipped.count == 2)
        #expect(intake.skipped.contains { $0.origin.hasSuffix(":5") && $0.reason.contains("not valid JSON") })
    }

    @Test func invalidBytesInJSONLinesAreCountedWithTheirLine() throws {
        let dir = try Scratch()
        let file = try dir.write("bad.jsonl", Array("{\"text\": \"fine\"}\n{\"text\": \"caf".utf8) + [0xFF] + Array("\"}\n".utf8))
        let intake = reader.read(paths: [file])
        #expect(intake.documents.map(\.content) == ["fine", "caf\u{FFFD}"])
        #expect(intake.notes == ["\(file): 1 invalid byte sequence(s) replaced by U+FFFD (line 2)"])
    }

    @Test func streamsClustersInOrderWithFailures() throws {
        let dir = try Scratch()
        let file = try dir.write("c.jsonl", "{\"id\": 1, \"documents\": [\"a\"]}\n{oops\n{\"text\": \"x\"}\n{\"id\": 2, \"documents\": []}\n")
        var seen: [String] = []
        try reader.forEachCluster(inJSONLines: file) { line, result in
            switch result {
            case .success(let c): seen.append("\(line):\(c.id.display)")
            case .failure: seen.append("\(line):error")
            }
        }
        #expect(seen == ["1:1", "2:error", "3:error", "4:2"])
    }

    @Test func sniffsUnknownExtensions() {
        #expect(InputReader.sniff("<!doctype html><p>x</p>") == .html)
        #expect(InputReader.sniff("  {\"text\": \"x\"}") == .json)
        #expect(InputReader.sniff("Plain words.") == .text)
        #expect(InputReader.sniff("<3 my city") == .text)
    }
}
