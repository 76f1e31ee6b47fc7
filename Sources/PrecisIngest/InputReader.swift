import Foundation
import PrecisJSON

/// Reads articles from files, directories, JSON, JSON Lines and standard input.
///
/// Files are recognised by extension: `.txt` (and `.text`, `.md`), `.html`/`.htm`/`.xhtml`, `.json`,
/// `.jsonl`/`.ndjson`; a named file with another extension is sniffed. Directories are walked in
/// name order (hidden entries left out) and their files of other kinds skipped with a reason.
/// A JSON record is an article (`{"text"|"html", "title"?, "date"?, "url"?, "id"?}`), a cluster
/// (`{"id", "documents": [string, ...]}`), a bare string, or an array of those; other keys are ignored.
public struct InputReader: Sendable {
    /// Largest single document (a text, HTML or JSON file, or one JSON Lines record) read, in bytes.
    public var maxDocumentBytes: Int

    public static let defaultMaxDocumentBytes = 20 * 1024 * 1024

    public init(maxDocumentBytes: Int = InputReader.defaultMaxDocumentBytes) {
        self.maxDocumentBytes = maxDocumentBytes
    }

    static let textExtensions: Set<String> = ["txt", "text", "md"]
    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml"]
    static let jsonExtensions: Set<String> = ["json"]
    static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]

    /// Reads every path (`-` is standard input) into one intake, in the order given.
    public func read(paths: [String]) -> Intake {
        var intake = Intake()
        for path in paths {
            if path == "-" {
                readStandardInput(into: &intake)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                intake.skipped.append(SkippedInput(origin: path, reason: "does not exist; check the path"))
                continue
            }
            if isDirectory.boolValue {
                readDirectory(path, into: &intake)
            } else {
                readFile(path, into: &intake, sniffUnknown: true)
            }
        }
        return intake
    }

    /// Reads standard input; its kind is sniffed from the first character.
    public func readStandardInput(into intake: inout Intake) {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard data.count <= maxDocumentBytes * 4 else {
            intake.skipped.append(SkippedInput(origin: "-", reason: "standard input is \(Self.megabytes(data.count)), over the limit"))
            return
        }
        readBytes([UInt8](data), origin: "-", kind: nil, into: &intake)
    }

    func readDirectory(_ root: String, into intake: inout Intake) {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root) else {
            intake.skipped.append(SkippedInput(origin: root, reason: "cannot list this directory (check its permissions)"))
            return
        }
        var files: [String] = []
        var unsupported = 0
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            let full = (root as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if Self.kind(ofExtension: (name as NSString).pathExtension.lowercased()) != nil {
                files.append(full)
            } else {
                unsupported += 1
            }
        }
        if files.isEmpty {
            intake.skipped.append(
                SkippedInput(
                    origin: root,
                    reason: "holds no articles (.txt, .html, .htm, .json or .jsonl files)"
                        + (unsupported > 0 ? "; \(unsupported) other file(s) left out" : "")))
            return
        }
        if unsupported > 0 {
            intake.notes.append("\(root): \(unsupported) file(s) of other kinds left out")
        }
        for file in files.sorted() {
            readFile(file, into: &intake, sniffUnknown: false)
        }
    }

    enum Kind { case text, html, json, jsonLines }

    static func kind(ofExtension ext: String) -> Kind? {
        if textExtensions.contains(ext) { return .text }
        if htmlExtensions.contains(ext) { return .html }
        if jsonExtensions.contains(ext) { return .json }
        if jsonLinesExtensions.contains(ext) { return .jsonLines }
        return nil
    }

    func readFile(_ path: String, into intake: inout Intake, sniffUnknown: Bool) {
        let kind = Self.kind(ofExtension: (path as NSString).pathExtension.lowercased())
        if kind == .jsonLines {
            readJSONLines(path, into: &intake)
            return
        }
        let bytes: [UInt8]
        switch Self.contents(ofFile: path, limit: maxDocumentBytes) {
        case .unreadable:
            intake.skipped.append(SkippedInput(origin: path, reason: "cannot read this file (check its permissions)"))
            return
        case .tooLarge(let size):
            intake.skipped.append(
                SkippedInput(
                    origin: path,
                    reason:
                        "is \(Self.megabytes(size)), over the \(Self.megabytes(maxDocumentBytes)) limit for one article; split it, or raise the limit with --max-bytes"
                ))
            return
        case .bytes(let read):
            bytes = read
        }
        readBytes(bytes, origin: path, kind: kind, into: &intake)
    }

    enum FileContents {
        case bytes([UInt8])
        case tooLarge(Int)
        case unreadable
    }

    /// A file's bytes, read straight into one array (no size lookup through Foundation, no copy out
    /// of a `Data`); a file over `limit` bytes is not read.
    static func contents(ofFile path: String, limit: Int) -> FileContents {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            // A pipe or device: read to its end, as Foundation does.
            guard let data = FileManager.default.contents(atPath: path) else { return .unreadable }
            return data.count > limit ? .tooLarge(data.count) : .bytes([UInt8](data))
        }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while done < size {
                let n = Glibc.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return n == 0 }
                done += n
            }
            return true
        }
        guard ok else { return .unreadable }
        // A file that shrank while being read gives what it held.
        if done < size { bytes.removeSubrange(done...) }
        return .bytes(bytes)
    }

    func readBytes(_ bytes: [UInt8], origin: String, kind: Kind?, into intake: inout Intake) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            intake.skipped.append(SkippedInput(origin: origin, reason: "is empty; give a file with article text"))
            return
        }
        let decoded: DecodedText
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch {
            intake.skipped.append(SkippedInput(origin: origin, reason: "looks like a binary file, not text; give Precis .txt, .html or .json articles"))
            return
        }
        note(decoded, origin: origin, into: &intake)
        let resolved = kind ?? Self.sniff(decoded.text)
        switch resolved {
        case .text, .html:
            intake.documents.append(
                RawDocument(
                    origin: origin, format: resolved == .html ? .html : .text, content: decoded.text,
                    encoding: decoded.encoding, replacedSequences: decoded.replacedSequences))
        case .json:
            do {
                let value = try JSONParser.parse(decoded.text)
                addRecord(value, origin: origin, encoding: decoded, into: &intake, allowArray: true)
            } catch {
                // A JSON Lines stream given on standard input or under a .json name.
                if Self.looksLikeJSONLines(decoded.text) {
                    readJSONLinesText(decoded.text, origin: origin, into: &intake)
                } else {
                    intake.skipped.append(SkippedInput(origin: origin, reason: "is not valid JSON (\(Self.describe(error)))"))
                }
            }
        case .jsonLines:
            readJSONLinesText(decoded.text, origin: origin, into: &intake)
        }
    }

    private func note(_ decoded: DecodedText, origin: String, into intake: inout Intake) {
        if decoded.replacedSequences > 0 {
            intake.notes.append("\(origin): \(decoded.replacedSequences) invalid byte sequence(s) replaced by U+FFFD")
        }
        if decoded.encoding == "windows-1252" {
            intake.notes.append("\(origin): not UTF-8; read as windows-1252")
        }
    }

    /// Two or more lines that each open with `{`.
    static func looksLikeJSONLines(_ text: String) -> Bool {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.count >= 2 && lines.allSatisfy { $0.hasPrefix("{") }
    }

    static func sniff(_ text: String) -> Kind {
        // Decided on the first non-space byte, and for markup on the first 4 KiB of bytes.
        let head = text.utf8.withContiguousStorageIfAvailable { Array($0.prefix(4096)) } ?? Array(text.utf8.prefix(4096))
        var index = 0
        while index < head.count, head[index] == 0x20 || (0x09...0x0D).contains(head[index]) { index += 1 }
        // A UTF-8 byte-order mark (EF BB BF) is skipped too.
        if head[index...].starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
        guard index < head.count else { return .text }
        let first = head[index]
        if first == 0x7B || first == 0x5B { return .json }
        if first == 0x3C {
            let lower = String(decoding: head, as: UTF8.self).lowercased()
            if lower.contains("<html") || lower.contains("<!doctype") || lower.contains("<body")
                || lower.contains("<p") || lower.contains("<div") || lower.contains("<article")
            {
                return .html
            }
        }
        return .text
    }

    // MARK: - JSON

    /// Reads a JSON Lines file line by line, without holding the whole file in memory.
    func readJSONLines(_ path: String, into intake: inout Intake) {
        guard let lines = LineReader(path: path) else {
            intake.skipped.append(SkippedInput(origin: path, reason: "cannot read this file (check its permissions)"))
            return
        }
        let summary = readRecords(lines, origin: path, into: &intake)
        if summary.records == 0 {
            intake.skipped.append(SkippedInput(origin: path, reason: "is empty; give a file with article text"))
        }
    }

    func readJSONLinesText(_ text: String, origin: String, into intake: inout Intake) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).lazy.map { Array($0.utf8) }
        readRecords(lines, origin: origin, into: &intake)
    }

    /// Adds every record of `lines` to `intake`: articles and clusters, or a skip with its reason.
    @discardableResult
    private func readRecords<S: Sequence>(_ lines: S, origin: String, into intake: inout Intake) -> JSONLinesSummary
    where S.Element == [UInt8] {
        let summary = forEachRecord(in: lines, origin: origin) { lineNumber, result in
            switch result {
            case .success(let value):
                addRecord(
                    value, origin: "\(origin):\(lineNumber)", encoding: DecodedText(text: "", encoding: "utf-8", replacedSequences: 0),
                    into: &intake, allowArray: false)
            case .failure(let skipped):
                intake.skipped.append(skipped)
            }
        }
        if let note = summary.note(origin: origin) { intake.notes.append(note) }
        return summary
    }

    /// The one loop over JSON Lines records, whatever holds the lines: blank lines are passed over,
    /// records over the size limit and invalid JSON become failures, invalid UTF-8 is replaced and
    /// counted in the summary.
    func forEachRecord<S: Sequence>(
        in lines: S, origin: String,
        _ body: (Int, Result<JSONValue, SkippedInput>) throws -> Void
    ) rethrows -> JSONLinesSummary
    where S.Element == [UInt8] {
        var lineNumber = 0
        var summary = JSONLinesSummary()
        for line in lines {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            summary.records += 1
            let recordOrigin = "\(origin):\(lineNumber)"
            if line.count > maxDocumentBytes {
                try body(
                    lineNumber,
                    .failure(
                        SkippedInput(
                            origin: recordOrigin,
                            reason: "record is \(Self.megabytes(line.count)), over the \(Self.megabytes(maxDocumentBytes)) limit; raise it with --max-bytes")))
                continue
            }
            // Invalid UTF-8 inside a record is replaced (U+FFFD), as for files, and counted, rather
            // than losing the line.
            let invalid = TextDecoding.scanUTF8(line[...]).invalid
            if invalid > 0 {
                summary.replacedSequences += invalid
                summary.recordsWithReplacements.append(lineNumber)
            }
            let parsed: Result<JSONValue, SkippedInput>
            do {
                parsed = .success(try JSONParser.parse(line))
            } catch {
                parsed = .failure(SkippedInput(origin: recordOrigin, reason: "is not valid JSON (\(error.description))"))
            }
            try body(lineNumber, parsed)
        }
        return summary
    }

    func addRecord(_ value: JSONValue, origin: String, encoding: DecodedText, into intake: inout Intake, allowArray: Bool) {
        switch value {
        case .string(let text):
            addDocument(
                RawDocument(
                    origin: origin, format: Self.sniff(text) == .html ? .html : .text, content: text,
                    encoding: encoding.encoding, replacedSequences: 0), into: &intake)
        case .array(let items) where allowArray:
            for (k, item) in items.enumerated() {
                addRecord(item, origin: "\(origin)#\(k)", encoding: encoding, into: &intake, allowArray: false)
            }
        case .object(let fields):
            if case .array(let docs)? = fields["documents"] {
                var cluster = Cluster(id: fields["id"] ?? .null, origin: origin, documents: [])
                for (k, doc) in docs.enumerated() {
                    let docOrigin = "\(origin)#\(k)"
                    if let article = article(from: doc, origin: docOrigin) {
                        cluster.documents.append(article)
                    } else {
                        intake.skipped.append(SkippedInput(origin: docOrigin, reason: "document is neither a string nor an object with \"text\" or \"html\""))
                    }
                }
                intake.clusters.append(cluster)
            } else if let article = article(from: value, origin: origin) {
                addDocument(article, into: &intake)
            } else {
                intake.skipped.append(SkippedInput(origin: origin, reason: "has no \"text\", \"html\" or \"documents\" field"))
            }
        default:
            intake.skipped.append(SkippedInput(origin: origin, reason: "is neither an article object, a cluster nor a string"))
        }
    }

    private func addDocument(_ document: RawDocument, into intake: inout Intake) {
        if document.content.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            intake.skipped.append(SkippedInput(origin: document.origin, reason: "is empty; give a file with article text"))
        } else {
            intake.documents.append(document)
        }
    }

    /// The article a JSON value holds: a string (text or HTML, sniffed), or an object with "text" or
    /// "html" and optional "title", "date", "url" and "id"; nil for anything else.
    public func article(from value: JSONValue, origin: String) -> RawDocument? {
        switch value {
        case .string(let text):
            return RawDocument(origin: origin, format: Self.sniff(text) == .html ? .html : .text, content: text)
        case .object(let fields):
            let format: ContentFormat
            let content: String
            if let html = fields["html"]?.stringValue {
                format = .html
                content = html
            } else if let text = fields["text"]?.stringValue {
                format = .text
                content = text
            } else {
                return nil
            }
            return RawDocument(
                origin: origin, format: format, content: content,
                title: fields["title"]?.stringValue, date: fields["date"]?.stringValue,
                url: fields["url"]?.stringValue, id: fields["id"])
        default:
            return nil
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    static func describe(_ error: Error) -> String {
        if let parse = error as? JSONParseError { return parse.description }
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context): return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
            default: return "unexpected structure"
            }
        }
        return "\(error.localizedDescription)"
    }
}

/// What streaming a JSON Lines file saw, beyond the records themselves.
public struct JSONLinesSummary: Sendable {
    /// Non-blank lines read.
    public var records = 0
    /// Invalid UTF-8 sequences replaced by U+FFFD, and the lines that had them.
    public var replacedSequences = 0
    public var recordsWithReplacements: [Int] = []

    /// The note to show when bytes were replaced, naming the first lines that had them; nil otherwise.
    public func note(origin: String) -> String? {
        guard replacedSequences > 0 else { return nil }
        let lines = recordsWithReplacements.prefix(5).map(String.init).joined(separator: ", ")
        return "\(origin): \(replacedSequences) invalid byte sequence(s) replaced by U+FFFD (line \(lines)\(recordsWithReplacements.count > 5 ? ", ..." : ""))"
    }
}

extension InputReader {
    /// Streams a JSON Lines file: `body` gets each non-blank line's number and its JSON value, or why
    /// it holds none, in file order. Throws `SkippedInput` when the file cannot be opened; errors thrown
    /// by `body` stop the stream.
    @discardableResult
    public func forEachJSONLine(inFile path: String, _ body: (Int, Result<JSONValue, SkippedInput>) throws -> Void) throws -> JSONLinesSummary {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SkippedInput(origin: path, reason: "does not exist; check the path")
        }
        guard !isDirectory.boolValue else {
            throw SkippedInput(origin: path, reason: "is a directory; give one JSON Lines file")
        }
        guard let lines = LineReader(path: path) else {
            throw SkippedInput(origin: path, reason: "cannot read this file (check its permissions)")
        }
        return try forEachRecord(in: lines, origin: path, body)
    }

    /// Streams a JSON Lines file of clusters (`{"id", "documents": [...]}`), like `forEachJSONLine`.
    @discardableResult
    public func forEachCluster(inJSONLines path: String, _ body: (Int, Result<Cluster, SkippedInput>) throws -> Void) throws -> JSONLinesSummary {
        try forEachJSONLine(inFile: path) { lineNumber, result in
            let origin = "\(path):\(lineNumber)"
            switch result {
            case .failure(let skipped):
                try body(lineNumber, .failure(skipped))
            case .success(let value):
                var intake = Intake()
                addRecord(value, origin: origin, encoding: DecodedText(text: "", encoding: "utf-8", replacedSequences: 0), into: &intake, allowArray: false)
                if let cluster = intake.clusters.first {
                    try body(lineNumber, .success(cluster))
                } else if let skipped = intake.skipped.first {
                    try body(lineNumber, .failure(skipped))
                } else {
                    try body(
                        lineNumber,
                        .failure(
                            SkippedInput(
                                origin: origin,
                                reason: "is an article, not a cluster; each line should be {\"id\": ..., \"documents\": [...]}")))
                }
            }
        }
    }
}
