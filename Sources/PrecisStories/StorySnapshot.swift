import PrecisText

/// Why a story snapshot cannot be read back.
public enum StorySnapshotError: Error, CustomStringConvertible, Equatable {
    /// Not a snapshot, or one written by another version of this format.
    case notASnapshot
    /// Written with other clustering settings: its stories would not be these settings' stories.
    case otherSettings
    /// Cut short or damaged.
    case damaged(String)

    public var description: String {
        switch self {
        case .notASnapshot: return "not a story snapshot of this version"
        case .otherSettings: return "the snapshot was made with other clustering settings"
        case .damaged(let what): return "the snapshot is damaged: \(what)"
        }
    }
}

/// Little-endian bytes of fixed-size values and arrays of them, for snapshots.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    /// A string of at most 65 535 bytes, its length in two bytes: where strings are many and short.
    mutating func shortString(_ value: String) {
        let utf8 = Array(value.utf8.prefix(Int(UInt16.max)))
        withUnsafeBytes(of: UInt16(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: utf8)
    }

    /// An array of plain values (integers, floats and tuples of them), count first, in memory order:
    /// snapshots are read on the kind of machine that wrote them (the header checks the byte order).
    mutating func array<T>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) { array(Array(value.utf8)) }

    mutating func optional(_ value: Int?) { int(value ?? -1) }
}

/// Reads what `SnapshotWriter` wrote; every read is bounds-checked.
struct SnapshotReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws -> Range<Int> {
        guard count >= 0, count <= bytes.count - offset else { throw StorySnapshotError.damaged("cut short at byte \(offset)") }
        defer { offset += count }
        return offset..<offset + count
    }

    mutating func int() throws -> Int {
        let range = try take(8)
        var value: Int64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[range]) }
        return Int(Int64(littleEndian: value))
    }

    mutating func u64() throws -> UInt64 { try fixed(UInt64.self) }
    mutating func u32() throws -> UInt32 { try fixed(UInt32.self) }

    private mutating func fixed<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let range = try take(MemoryLayout<T>.size)
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[range]) }
        return T(littleEndian: value)
    }

    /// A string `SnapshotWriter.shortString` wrote.
    mutating func shortString() throws -> String {
        let length = Int(try fixed(UInt16.self))
        return String(decoding: bytes[try take(length)], as: UTF8.self)
    }

    /// A count, checked against what is left (so a damaged count cannot ask for terabytes).
    mutating func count(of size: Int) throws -> Int {
        let n = try int()
        guard n >= 0, n <= (bytes.count - offset) / max(1, size) else { throw StorySnapshotError.damaged("a count of \(n) at byte \(offset - 8)") }
        return n
    }

    mutating func array<T>(_: T.Type) throws -> [T] {
        let n = try count(of: MemoryLayout<T>.stride)
        let range = try take(n * MemoryLayout<T>.stride)
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyBytes(from: bytes[range])
            initialized = n
        }
    }

    mutating func string() throws -> String { String(decoding: try array(UInt8.self), as: UTF8.self) }

    /// A value written by `SnapshotWriter.optional`.
    mutating func optional(below limit: Int) throws -> Int? {
        let n = try int()
        guard n >= -1, n < limit else { throw StorySnapshotError.damaged("an index of \(n) where \(limit) are known") }
        return n < 0 ? nil : n
    }
}

extension StoryClusterer {
    /// Marks a snapshot and its format; a change of what is written changes it.
    static let snapshotMagic: UInt64 = 0x5052_4543_5354_0001  // "PRECST", format 1
    /// Written in the machine's order and read back to check that the reader's order is the same.
    static let byteOrderMark: UInt64 = 0x0102_0304_0506_0708

    /// A fingerprint of the settings a snapshot was made with: stories made with other settings are
    /// not these settings' stories, so such a snapshot is refused, not used.
    var settingsFingerprint: UInt64 {
        fnv1a(Array("\(options) \(analyzer.language.code) \(analyzer.recordsNames)".utf8))
    }

    /// A streaming clusterer in the state a snapshot holds.
    convenience init(snapshot r: inout SnapshotReader, options: StoryOptions) throws {
        self.init(options: options)
        guard try r.u64() == Self.snapshotMagic else { throw StorySnapshotError.notASnapshot }
        guard try r.array(UInt64.self) == [Self.byteOrderMark] else { throw StorySnapshotError.notASnapshot }
        guard try r.u64() == settingsFingerprint else { throw StorySnapshotError.otherSettings }
        let stemCount = try r.count(of: 8)
        var stems: [String] = []
        stems.reserveCapacity(stemCount)
        for _ in 0..<stemCount { stems.append(try r.string()) }
        guard Set(stems).count == stems.count else { throw StorySnapshotError.damaged("a stem listed twice") }
        analyzer.restoreVocabulary(stems)
        articleCount = try r.int()
        documentFrequency = try r.array(Int32.self)
        idfCache = try r.array((value: Float, stamp: Int32).self)
        guard documentFrequency.count <= stemCount, idfCache.count == documentFrequency.count else {
            throw StorySnapshotError.damaged("term counts for \(documentFrequency.count) stems where \(stemCount) are known")
        }
        let documentCount = try r.count(of: 24)
        documents.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            let story = try r.optional(below: Int.max)
            let duplicateOf = try r.optional(below: documentCount)
            let reason = try r.int() == 1 ? try r.string() : nil
            documents.append(DocumentState(story: story, duplicateOf: duplicateOf, skipReason: reason))
        }
        let nodeCount = try r.count(of: 8 * 7)
        func terms() throws -> [(term: Int32, weight: Float)] {
            let terms = try r.array((term: Int32, weight: Float).self)
            guard terms.allSatisfy({ $0.term >= 0 && Int($0.term) < stemCount }) else { throw StorySnapshotError.damaged("a term out of the vocabulary") }
            return terms
        }
        nodes.reserveCapacity(nodeCount)
        for _ in 0..<nodeCount {
            let vector = try terms()
            let tf = try r.array(Float.self)
            guard tf.count == vector.count else { throw StorySnapshotError.damaged("a node's weights do not match its terms") }
            let names = try terms()
            let years = try r.array(Int32.self), numbers = try r.array(Int32.self), dates = try r.array(Int32.self)
            let day = try r.int()
            nodes.append(
                Node(
                    vector: vector, tf: zip(vector, tf).map { (term: $0.term, weight: $1) }, names: names, years: years,
                    numbers: numbers, dates: dates, day: day == Int.min ? nil : day))
        }
        nodeLabel = try r.array(Int.self)
        nodeDocument = try r.array(Int.self)
        guard nodeLabel.count == nodeCount, nodeDocument.count == nodeCount,
            nodeLabel.allSatisfy({ $0 >= 0 && $0 < nodeCount }), nodeDocument.allSatisfy({ $0 >= 0 && $0 < documentCount }),
            documents.allSatisfy({ $0.story.map { $0 < nodeCount } ?? true })
        else { throw StorySnapshotError.damaged("stories that do not match the articles") }
        adjacency.reserveCapacity(nodeCount)
        for _ in 0..<nodeCount {
            let links = try r.array((node: Int32, score: Float, scoredAt: Int32).self)
            guard links.allSatisfy({ $0.node >= 0 && Int($0.node) < nodeCount }) else { throw StorySnapshotError.damaged("a link to no article") }
            adjacency.append(links)
        }
        for _ in 0..<(try r.count(of: 24)) {
            let document = try r.int(), shingles = try r.int()
            let signature = try r.array(UInt64.self)
            guard document >= 0, document < documentCount, signature.count == MinHasher.hashCount else {
                throw StorySnapshotError.damaged("a copy signature")
            }
            duplicates.insert(signature, shingles: shingles, document: document)
        }
        // What is derived: stem kinds and hashes, the index of terms, each story's members (in
        // ascending order, as placement keeps them), each article's near-copies (in arrival order).
        if stemCount > 0 { _ = kind(of: stemCount - 1) }
        let restored = nodes
        nodes = []
        for node in restored { insert(node) }
        for (m, label) in nodeLabel.enumerated() { storyMembers[label, default: []].append(m) }
        for (k, d) in documents.enumerated() where d.duplicateOf != nil {
            if let story = d.story { copies[story, default: []].append(k) }
        }
    }
}

extension StoryClusterer {
    /// The state of streaming clustering as bytes, with the caller's label of each document (one per
    /// document, in the order added: a store's article ids) and a tag of its own (what tells the
    /// caller the snapshot belongs to its data). `restore` reads them back.
    public func snapshot(labels: [Int64], tag: String = "") -> [UInt8] {
        captureSnapshot(labels: labels, tag: tag).bytes()
    }

    /// What `snapshot` writes, taken now and written to bytes later (`StorySnapshotState.bytes`), so
    /// that the clusterer can go on placing articles meanwhile: its arrays are shared with the
    /// clusterer's until the clusterer next changes them, so taking it copies nothing. Read back with
    /// `restore`, it gives a clusterer that places every later article exactly as this one would.
    /// What can be derived (the index of terms, the members of each story, the near-copies of each
    /// article, the kinds of stems) is not written but derived again on reading.
    public func captureSnapshot(labels: [Int64], tag: String = "") -> StorySnapshotState {
        precondition(labels.count == documents.count, "one label per document")
        return StorySnapshotState(
            fingerprint: settingsFingerprint, stems: analyzer.vocabulary, articleCount: articleCount,
            documentFrequency: documentFrequency, idfCache: idfCache, documents: documents, nodes: nodes, nodeLabel: nodeLabel,
            nodeDocument: nodeDocument, adjacency: adjacency, duplicates: duplicates, labels: labels, tag: tag)
    }

    /// A streaming clusterer in the state of a `snapshot`, and the labels and tag saved with it; an
    /// error when the bytes are not such a snapshot, are damaged, or were made with other settings.
    public static func restore(
        snapshot bytes: [UInt8], options: StoryOptions = StoryOptions()
    ) throws -> (clusterer: StoryClusterer, labels: [Int64], tag: String) {
        var r = SnapshotReader(bytes)
        let clusterer = try StoryClusterer(snapshot: &r, options: options)
        let labels = try r.array(Int64.self)
        let tag = try r.string()
        guard r.atEnd else { throw StorySnapshotError.damaged("bytes after the end") }
        guard labels.count == clusterer.documentCount else {
            throw StorySnapshotError.damaged("\(labels.count) labels for \(clusterer.documentCount) articles")
        }
        return (clusterer, labels, tag)
    }
}

/// The state of a streaming clusterer at one moment, with the caller's labels and tag: what a
/// snapshot holds, before it is written to bytes.
public struct StorySnapshotState: @unchecked Sendable {
    // Unchecked: every field is a value (arrays and dictionaries of plain values) that no one else
    // changes; the clusterer's own copies are copied on its next write.
    let fingerprint: UInt64
    let stems: [String]
    let articleCount: Int
    let documentFrequency: [Int32]
    let idfCache: [(value: Float, stamp: Int32)]
    let documents: [StoryClusterer.DocumentState]
    let nodes: [StoryClusterer.Node]
    let nodeLabel: [Int]
    let nodeDocument: [Int]
    let adjacency: [[(node: Int32, score: Float, scoredAt: Int32)]]
    let duplicates: NearDuplicateIndex
    let labels: [Int64]
    let tag: String

    /// The snapshot's bytes (see `StoryClusterer.snapshot`).
    public func bytes() -> [UInt8] {
        var w = SnapshotWriter()
        write(into: &w)
        w.array(labels)
        w.string(tag)
        return w.bytes
    }

    func write(into w: inout SnapshotWriter) {
        w.u64(StoryClusterer.snapshotMagic)
        w.array([StoryClusterer.byteOrderMark])
        w.u64(fingerprint)
        w.int(stems.count)
        for stem in stems { w.string(stem) }
        w.int(articleCount)
        w.array(documentFrequency)
        w.array(idfCache)
        w.int(documents.count)
        for d in documents {
            w.optional(d.story)
            w.optional(d.duplicateOf)
            if let reason = d.skipReason {
                w.int(1)
                w.string(reason)
            } else {
                w.int(0)
            }
        }
        w.int(nodes.count)
        for node in nodes {
            w.array(node.vector)
            w.array(node.tf.map(\.weight))
            w.array(node.names)
            w.array(node.years)
            w.array(node.numbers)
            w.array(node.dates)
            w.int(node.day ?? Int.min)
        }
        w.array(nodeLabel)
        w.array(nodeDocument)
        for links in adjacency { w.array(links) }
        let originals = duplicates.originals
        w.int(originals.count)
        for o in originals {
            w.int(o.document)
            w.int(o.shingles)
            w.array(o.signature)
        }
    }
}
