/// MinHash signatures of word shingles, and a banded LSH index over them, to find near-copies of
/// a document (syndicated wire copies, re-posts) without comparing all pairs.
///
/// Shingles are runs of `shingleLength` consecutive content-word stems, so copies that differ in
/// punctuation, stop words, inflection or layout still match; the Jaccard similarity of two shingle
/// sets is estimated by the share of the `hashCount` minimum hashes the two signatures agree on.
struct MinHasher: Sendable {
    static let hashCount = 64
    static let bands = 16
    static let rows = hashCount / bands
    let shingleLength = 4

    /// One seed per hash function, from a fixed SplitMix64 stream (so signatures are the same on
    /// every run and machine).
    private let seeds: [UInt64] = {
        var state: UInt64 = 0x5EED_0F_5EED
        return (0..<MinHasher.hashCount).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            return mix(state)
        }
    }()

    /// The signature of a sequence of stem ids, or nil when it is too short to have a shingle.
    func signature(_ stems: [Int]) -> [UInt64]? {
        shingleSignature(stems)?.signature
    }

    /// The signature and the number of distinct shingles it was made from.
    func shingleSignature(_ stems: [Int]) -> (signature: [UInt64], shingles: Int)? {
        guard stems.count >= shingleLength else { return nil }
        var shingles: [UInt64] = []
        shingles.reserveCapacity(stems.count)
        for i in 0...(stems.count - shingleLength) {
            var h: UInt64 = 0x84_22_23_25
            for k in 0..<shingleLength { h = mix(h ^ UInt64(truncatingIfNeeded: stems[i + k])) }
            shingles.append(h)
        }
        // Repeated shingles change no minimum: hash each distinct one once.
        shingles.sort()
        var signature = [UInt64](repeating: .max, count: Self.hashCount)
        var previous: UInt64? = nil
        var distinct = 0
        // On buffers: no bounds checks in the innermost loop, which the compiler can then vectorise.
        signature.withUnsafeMutableBufferPointer { minimum in
            seeds.withUnsafeBufferPointer { seeds in
                for s in shingles where s != previous {
                    previous = s
                    distinct += 1
                    for k in 0..<minimum.count {
                        minimum[k] = Swift.min(minimum[k], mix(s ^ seeds[k]))
                    }
                }
            }
        }
        return (signature, distinct)
    }

    /// Share of hash functions on which two signatures agree: an estimate of shingle-set Jaccard.
    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var same = 0
        for k in 0..<hashCount where a[k] == b[k] { same += 1 }
        return Double(same) / Double(hashCount)
    }

    /// The key of one band of a signature.
    static func bandKey(_ signature: [UInt64], band: Int) -> UInt64 {
        var h = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        for k in (band * rows)..<((band + 1) * rows) { h = mix(h ^ signature[k]) }
        return h
    }
}

/// SplitMix64's finaliser: a fast, well-mixing 64-bit hash step.
@inline(__always)
func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// Signatures of the documents seen so far, indexed by band, to answer "which earlier document is
/// this a near-copy of?" in time that does not grow with the number of documents.
///
/// A copy is judged by containment, not plain Jaccard: a wire copy carries the original's body with
/// its own header and sign-off, which weigh a lot against a short body. The shared shingles are
/// estimated from the Jaccard estimate and the two shingle counts; a document is a copy when that
/// covers `threshold` of the shorter one and the shorter is at least half the longer (so a quoted
/// paragraph does not make an article a copy).
struct NearDuplicateIndex {
    let threshold: Double
    private var entries: [Int: (signature: [UInt64], shingles: Int)] = [:]
    private var buckets: [UInt64: [Int]] = [:]

    init(threshold: Double) {
        self.threshold = threshold
    }

    /// The earliest-indexed document most similar to this one at or above the threshold.
    func original(of signature: [UInt64], shingles: Int) -> Int? {
        var best: (document: Int, similarity: Double)? = nil
        var seen = Set<Int>()
        for band in 0..<MinHasher.bands {
            guard let bucket = buckets[MinHasher.bandKey(signature, band: band)] else { continue }
            for document in bucket where seen.insert(document).inserted {
                let other = entries[document]!
                let smaller = Double(min(shingles, other.shingles)), larger = Double(max(shingles, other.shingles))
                guard smaller >= larger / 2 else { continue }
                let j = MinHasher.similarity(signature, other.signature)
                let containment = min(1, j * (smaller + larger) / (1 + j) / smaller)
                if containment >= threshold,
                    best == nil || containment > best!.similarity
                        || (containment == best!.similarity && document < best!.document)
                {
                    best = (document, containment)
                }
            }
        }
        return best?.document
    }

    /// Every indexed original, by document: what `insert`ing them again, in this order, rebuilds.
    var originals: [(document: Int, signature: [UInt64], shingles: Int)] {
        entries.map { ($0.key, $0.value.signature, $0.value.shingles) }.sorted { $0.document < $1.document }
    }

    /// Adds an original (not a copy) so later copies of it are found.
    mutating func insert(_ signature: [UInt64], shingles: Int, document: Int) {
        entries[document] = (signature, shingles)
        for band in 0..<MinHasher.bands {
            buckets[MinHasher.bandKey(signature, band: band), default: []].append(document)
        }
    }
}
