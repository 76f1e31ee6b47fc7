import PrecisText

/// What clustering reads of an article, as bytes another process can place it from without reading
/// its text again: stems as text (stem ids are the process's own), weights, years, numbers, dates,
/// the near-copy signature, the day and the content hash.
///
/// A process that shares a store with others replays the articles they placed, in the order they
/// were stored, to keep its stories the same as theirs; from these bytes the replay skips the text
/// analysis, about half of the cost of placing an article.
extension StoryClusterer {
    static let portableVersion = 3

    /// Adds the next document, as `add(_:)` does, and returns with the assignment its features as
    /// portable bytes (`add(portable:)` reads them).
    public func addKeepingFeatures(_ document: StoryDocument) -> (assignment: StoryAssignment, features: [UInt8]) {
        let f = features(document)
        let bytes = portable(f)
        return (add(f), bytes)
    }

    /// Adds the next document from the bytes `addKeepingFeatures` gave for it: the same assignment,
    /// in the same stories, as adding the document itself. Nil, with nothing added, when the bytes
    /// are not such features (damaged, another version).
    public func add(portable bytes: [UInt8]) -> StoryAssignment? {
        guard let f = try? features(portable: bytes) else { return nil }
        return add(f)
    }

    func portable(_ f: Features) -> [UInt8] {
        var w = SnapshotWriter()
        w.int(Self.portableVersion)
        w.int(f.words)
        // Each stem as its length (two bytes) and text, then its weight (four bytes): the stems
        // are most of the bytes.
        for list in [f.counts, f.names] {
            w.int(list.count)
            for entry in list {
                w.shortString(analyzer.stemText(Int(entry.term)))
                w.u32(entry.count.bitPattern)
            }
        }
        w.array(f.years)
        w.array(f.numbers)
        w.array(f.dates)
        w.int(f.signature == nil ? 0 : 1)
        if let signature = f.signature {
            w.array(signature.signature)
            w.int(signature.shingles)
        }
        w.int(f.day == nil ? 0 : 1)
        w.int(f.day ?? 0)
        w.u64(f.hash)
        return w.bytes
    }

    func features(portable bytes: [UInt8]) throws -> Features {
        var f = try Self.read(portable: bytes) { Int32(analyzer.stemID($0)) }
        // Sorted by this process's ids, as `features(_:)` sorts them.
        f.counts.sort { $0.term < $1.term }
        f.names.sort { $0.term < $1.term }
        // The kinds and hashes of the stems, which reading a text fills as it goes.
        if analyzer.vocabularySize > 0 { _ = kind(of: analyzer.vocabularySize - 1) }
        return f
    }

    /// Whether `add(portable:)` can read these bytes (features of this version, whole): a process
    /// that reads stored features without the texts asks, and reads the text of those it cannot.
    public static func canRead(portable bytes: [UInt8]) -> Bool {
        (try? read(portable: bytes) { _ in 0 }) != nil
    }

    /// The features in the bytes, each stem given the id `stem` gives its text.
    private static func read(portable bytes: [UInt8], stem: (String) -> Int32) throws -> Features {
        var r = SnapshotReader(bytes)
        guard try r.int() == portableVersion else { throw StorySnapshotError.damaged("features of another version") }
        var f = Features()
        f.words = try r.int()
        var lists: [[(term: Int32, count: Float)]] = []
        for _ in 0..<2 {
            // Each entry takes at least six bytes (the text's length and the weight).
            let n = try r.count(of: 6)
            var list: [(term: Int32, count: Float)] = []
            list.reserveCapacity(n)
            for _ in 0..<n {
                let text = try r.shortString()
                list.append((stem(text), Float(bitPattern: try r.u32())))
            }
            lists.append(list)
        }
        f.counts = lists[0]
        f.names = lists[1]
        f.years = try r.array(Int32.self)
        f.numbers = try r.array(Int32.self)
        f.dates = try r.array(Int32.self)
        if try r.int() == 1 {
            let signature = try r.array(UInt64.self)
            f.signature = (signature, try r.int())
        }
        let hasDay = try r.int() == 1
        let day = try r.int()
        f.day = hasDay ? day : nil
        f.hash = try r.u64()
        guard r.atEnd else { throw StorySnapshotError.damaged("bytes after the features") }
        return f
    }
}
