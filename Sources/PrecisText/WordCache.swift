import Foundation

/// Maps a word's normalised UTF-8 bytes to its stem id (or -1 for a stop word), for `TextAnalyzer`.
///
/// An open-addressing table indexed by a 64-bit FNV-1a hash of the bytes, which are kept in one arena
/// and compared in full, so a known word costs neither a `String` nor SipHash. Stem strings get dense
/// integer ids (the analyzer's vocabulary).
struct WordCache {
    private var slots: [Int32] = []  // entry index, -1 empty; allocated on first insert
    private var entries: [(hash: UInt64, start: Int, length: Int, id: Int)] = []
    private var arena: [UInt8] = []
    private(set) var stems: [String] = []
    private var stemIDs: [String: Int] = [:]

    /// The cached id of `bytes`, or nil.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        if slots.isEmpty { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[slot])
            if e < 0 { return nil }
            let entry = entries[e]
            if entry.hash == hash && entry.length == bytes.count {
                let same = arena.withUnsafeBufferPointer { a in
                    bytes.isEmpty || memcmp(a.baseAddress! + entry.start, bytes.baseAddress!, bytes.count) == 0
                }
                if same { return entry.id }
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, id: Int) {
        if entries.count * 2 >= slots.count { grow() }
        entries.append((hash, arena.count, bytes.count, id))
        arena.append(contentsOf: bytes)
        place(entries.count - 1)
    }

    /// A dense id for a stem string.
    mutating func stemID(_ stem: String) -> Int {
        if let id = stemIDs[stem] { return id }
        let id = stems.count
        stems.append(stem)
        stemIDs[stem] = id
        return id
    }

    var count: Int { entries.count }

    /// Drops the cached words (not the stem ids), to bound memory on endless streams.
    mutating func clearWords() {
        slots = []
        entries.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        fnv1a(bytes)
    }

    private mutating func place(_ e: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[e].hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(e)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: max(1 << 14, slots.count * 2))
        for e in entries.indices { place(e) }
    }
}

/// 64-bit FNV-1a hash of bytes: fast, and good enough to bucket keys that are then compared in full.
public func fnv1a<C: Sequence>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}
