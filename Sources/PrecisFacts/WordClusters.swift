import Foundation
import PrecisText

/// Word classes learnt from unlabelled text: words found between the same neighbours share a class
/// ("blasted" and "slammed", "spokesman" and "aide"), so a tagger can carry what it learnt about one
/// word to others its training split holds rarely or never. Each word has a class at several
/// granularities (say 64, 256 and 1024 classes). Words are kept only as the hash the attribution
/// tagger gives their lower-case form; no word of the text they were learnt from is stored.
public struct WordClusters: Sendable, Equatable {
    /// The number of classes at each granularity, coarse to fine.
    public let levels: [Int]
    /// Sorted word hashes, and for each its class at every level (`levels.count` per word).
    let keys: [UInt64]
    let classes: [UInt16]

    init(levels: [Int], keys: [UInt64], classes: [UInt16]) {
        self.levels = levels
        self.keys = keys
        self.classes = classes
    }

    /// The number of words with a class.
    public var count: Int { keys.count }

    /// The classes of the word with this hash, one per level, each 1-based (0: the word has none).
    func classes(ofHash hash: UInt64) -> ArraySlice<UInt16>? {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < hash { lo = mid + 1 } else { hi = mid }
        }
        guard lo < keys.count, keys[lo] == hash else { return nil }
        return classes[lo * levels.count..<(lo + 1) * levels.count]
    }

    /// The class of a lower-case word at `level` (0-based, coarse first), or nil when it has none.
    public func cluster(of word: String, level: Int) -> Int? {
        guard levels.indices.contains(level), let c = classes(ofHash: AttributionModel.hashString(word)) else { return nil }
        return Int(c[c.startIndex + level])
    }

    /// The lower-case words (and marks) of a text as the attribution tagger reads them.
    public static func words(in text: String) -> [String] {
        TimeToken.splittingClitics(TimeToken.tokenize(ScalarText(text).scalars)).map(\.lower)
    }

    // MARK: storage

    /// "PRECIS-CLUSTERS 1 <words> <classes per level ...>\n", then each word's hash (8 bytes,
    /// little-endian, ascending) followed by its class at each level (2 bytes each).
    public func serialized() -> [UInt8] {
        var out = Array("PRECIS-CLUSTERS 1 \(keys.count) \(levels.map(String.init).joined(separator: " "))\n".utf8)
        out.reserveCapacity(out.count + keys.count * (8 + 2 * levels.count))
        for (i, key) in keys.enumerated() {
            withUnsafeBytes(of: key.littleEndian) { out.append(contentsOf: $0) }
            for c in classes[i * levels.count..<(i + 1) * levels.count] {
                withUnsafeBytes(of: c.littleEndian) { out.append(contentsOf: $0) }
            }
        }
        return out
    }

    /// Reads `serialized()` from the start of `bytes`; nil for anything else. `consumed` is how many
    /// bytes it took.
    public init?(serialized bytes: ArraySlice<UInt8>, consumed: inout Int) {
        guard let newline = bytes.prefix(200).firstIndex(of: 10) else { return nil }
        let head = String(decoding: bytes[bytes.startIndex..<newline], as: UTF8.self).split(separator: " ")
        guard head.count >= 4, head[0] == "PRECIS-CLUSTERS", head[1] == "1", let n = Int(head[2]), n >= 0, n <= 1 << 24 else { return nil }
        let levels = head[3...].compactMap { Int($0) }
        guard levels.count == head.count - 3, levels.count <= 8, levels.allSatisfy({ (1...Int(UInt16.max - 1)).contains($0) }) else { return nil }
        let width = 8 + 2 * levels.count
        var i = newline + 1
        guard bytes.endIndex - i >= n * width else { return nil }
        var keys = [UInt64](), classes = [UInt16]()
        keys.reserveCapacity(n)
        classes.reserveCapacity(n * levels.count)
        for _ in 0..<n {
            var key: UInt64 = 0
            for b in 0..<8 { key |= UInt64(bytes[i + b]) << (8 * UInt64(b)) }
            guard keys.last.map({ $0 < key }) ?? true else { return nil }
            keys.append(key)
            i += 8
            for level in levels {
                let c = UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                guard c <= level else { return nil }
                classes.append(c)
                i += 2
            }
        }
        consumed = i - bytes.startIndex
        self.init(levels: levels, keys: keys, classes: classes)
    }

    // MARK: learning

    /// Learns classes from unlabelled texts. Every word seen at least `minCount` times is described
    /// by the words around it (the `contexts` most frequent tokens, punctuation included, one and two
    /// places to each side), weighted by positive pointwise mutual information with smoothed context
    /// counts, and the descriptions are grouped by spherical k-means at each of `levels`. Deterministic:
    /// the same texts give the same classes.
    public static func learn(
        texts: [String], levels: [Int] = [64, 256, 1024], minCount: Int = 5,
        contexts: Int = 1000, iterations: Int = 20
    ) -> WordClusters {
        // Token ids, most frequent first.
        var ids: [String: Int32] = [:]
        var counts: [Int] = []
        var streams: [[Int32]] = []
        for text in texts {
            let tokens = words(in: text)
            var stream = [Int32]()
            stream.reserveCapacity(tokens.count)
            for t in tokens {
                let id: Int32
                if let known = ids[t] { id = known } else { id = Int32(counts.count); ids[t] = id; counts.append(0) }
                counts[Int(id)] += 1
                stream.append(id)
            }
            streams.append(stream)
        }
        let words = ids.sorted { counts[Int($0.value)] != counts[Int($1.value)] ? counts[Int($0.value)] > counts[Int($1.value)] : $0.key < $1.key }
        var rank = [Int32](repeating: -1, count: counts.count)
        for (r, w) in words.enumerated() { rank[Int(w.value)] = Int32(r) }
        let vocabulary = words.prefix { counts[Int($0.value)] >= minCount }.count
        let contextCount = min(contexts, words.count)
        let offsets = [-2, -1, 1, 2]
        let dims = offsets.count * contextCount
        guard vocabulary > 0, dims > 0 else { return WordClusters(levels: levels, keys: [], classes: []) }

        // Co-occurrences as sorted (word, dimension) pairs, counted by runs.
        var pairs: [UInt64] = []
        for stream in streams {
            let ranked = stream.map { rank[Int($0)] }
            for (p, w) in ranked.enumerated() where w < vocabulary {
                for (o, offset) in offsets.enumerated() {
                    let q = p + offset
                    guard q >= 0, q < ranked.count, ranked[q] < contextCount else { continue }
                    pairs.append(UInt64(w) << 32 | UInt64(o * contextCount + Int(ranked[q])))
                }
            }
        }
        pairs.sort()
        var rowEnd = [Int](repeating: 0, count: vocabulary)
        var entryDim: [Int32] = [], entryValue: [Float] = []
        var dimTotal = [Double](repeating: 0, count: dims)
        var i = 0
        while i < pairs.count {
            var j = i
            while j < pairs.count && pairs[j] == pairs[i] { j += 1 }
            let w = Int(pairs[i] >> 32), d = Int(pairs[i] & 0xFFFF_FFFF)
            entryDim.append(Int32(d)); entryValue.append(Float(j - i))
            rowEnd[w] = entryDim.count
            dimTotal[d] += Double(j - i)
            i = j
        }
        var rowStart = [0]
        for w in 0..<vocabulary { rowStart.append(max(rowEnd[w], rowStart[w])) }
        // PPMI with context counts raised to 0.75, then rows of unit length.
        let smoothed = dimTotal.map { pow($0, 0.75) }
        let smoothedSum = smoothed.reduce(0, +), total = Double(pairs.count)
        for w in 0..<vocabulary {
            let r = rowStart[w]..<rowStart[w + 1]
            let rowTotal = r.reduce(0.0) { $0 + Double(entryValue[$1]) }
            var norm: Float = 0
            for e in r {
                let pmi = log(Double(entryValue[e]) / total / (rowTotal / total * smoothed[Int(entryDim[e])] / smoothedSum))
                entryValue[e] = Float(max(0, pmi))
                norm += entryValue[e] * entryValue[e]
            }
            norm = norm.squareRoot()
            if norm > 0 { for e in r { entryValue[e] /= norm } }
        }
        let rows = SparseRows(start: rowStart, dim: entryDim, value: entryValue, dims: dims)
        var assignments: [[UInt16]] = []
        for k in levels { assignments.append(rows.sphericalKMeans(k: max(1, min(k, vocabulary)), iterations: iterations)) }
        // Keyed by the tagger's hash of each word.
        var entries = (0..<vocabulary).map { w in (AttributionModel.hashString(words[w].key), w) }
        entries.sort { $0.0 < $1.0 }
        var keys: [UInt64] = [], classes: [UInt16] = []
        for (hash, w) in entries where keys.last != hash {
            keys.append(hash)
            for a in assignments { classes.append(a[w] + 1) }
        }
        return WordClusters(levels: levels, keys: keys, classes: classes)
    }
}

/// Rows of unit length in compressed sparse form, for `WordClusters.learn`.
private struct SparseRows {
    let start: [Int]
    let dim: [Int32]
    let value: [Float]
    let dims: Int
    var count: Int { start.count - 1 }

    /// Each row's similarity to every centroid; `centroids` is dimension-major (`dims` x `k`).
    func similarities(_ row: Int, _ centroids: [Float], k: Int, into scores: inout [Float]) {
        for c in 0..<k { scores[c] = 0 }
        centroids.withUnsafeBufferPointer { cp in
            scores.withUnsafeMutableBufferPointer { sp in
                for e in start[row]..<start[row + 1] {
                    let v = value[e], base = Int(dim[e]) * k
                    for c in 0..<k { sp[c] += v * cp[base + c] }
                }
            }
        }
    }

    /// Spherical k-means: each row joins the centroid it is most similar to (cosine), each centroid is
    /// the normalised sum of its rows. Seeded k-means++ style from a fixed generator; a class left
    /// empty takes the row least similar to its own centroid.
    func sphericalKMeans(k: Int, iterations: Int) -> [UInt16] {
        var rng: UInt64 = 0x5EED_0F_C1A5_5E5
        func next() -> UInt64 { rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return rng >> 11 }
        var centroids = [Float](repeating: 0, count: dims * k)
        func setCentroid(_ c: Int, toRow row: Int) {
            for e in start[row]..<start[row + 1] { centroids[Int(dim[e]) * k + c] = value[e] }
        }
        // Seeds: the first row, then rows drawn in proportion to their distance from the seeds so far.
        var best = [Float](repeating: -1, count: count)
        var scores = [Float](repeating: 0, count: k)
        setCentroid(0, toRow: 0)
        for c in 1..<max(1, k) {
            var weights = [Double](repeating: 0, count: count)
            var sum = 0.0
            for r in 0..<count {
                var s: Float = 0
                for e in start[r]..<start[r + 1] { s += value[e] * centroids[Int(dim[e]) * k + c - 1] }
                best[r] = max(best[r], s)
                weights[r] = Double(max(0, 1 - best[r]))
                sum += weights[r]
            }
            var pick = Double(next() % 1_000_000) / 1_000_000 * sum
            var chosen = count - 1
            for r in 0..<count { pick -= weights[r]; if pick <= 0 && weights[r] > 0 { chosen = r; break } }
            setCentroid(c, toRow: chosen)
        }
        var assignment = [Int](repeating: -1, count: count)
        var similarity = [Float](repeating: 0, count: count)
        for _ in 0..<iterations {
            var changed = 0
            for r in 0..<count {
                similarities(r, centroids, k: k, into: &scores)
                var arg = 0
                for c in 1..<k where scores[c] > scores[arg] { arg = c }
                if assignment[r] != arg { changed += 1; assignment[r] = arg }
                similarity[r] = scores[arg]
            }
            for c in centroids.indices { centroids[c] = 0 }
            var members = [Int](repeating: 0, count: k)
            for r in 0..<count {
                members[assignment[r]] += 1
                for e in start[r]..<start[r + 1] { centroids[Int(dim[e]) * k + assignment[r]] += value[e] }
            }
            // Empty classes take the rows least like their centroids.
            let empty = (0..<k).filter { members[$0] == 0 }
            if !empty.isEmpty {
                let outliers = (0..<count).sorted { similarity[$0] != similarity[$1] ? similarity[$0] < similarity[$1] : $0 < $1 }
                for (c, r) in zip(empty, outliers) { setCentroid(c, toRow: r) }
            }
            for c in 0..<k {
                var norm: Float = 0
                for d in 0..<dims { norm += centroids[d * k + c] * centroids[d * k + c] }
                norm = norm.squareRoot()
                if norm > 0 { for d in 0..<dims { centroids[d * k + c] /= norm } }
            }
            if changed == 0 { break }
        }
        return assignment.map { UInt16($0) }
    }
}
