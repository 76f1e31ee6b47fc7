import Foundation
import PrecisText

/// The role a token plays in an attribution, in BIO form: the speaker mention (source), the cue
/// ("said", "according to") and what was said (content).
enum AttributionTag: Int, CaseIterable, Sendable {
    case outside = 0, sourceBegin, sourceInside, cueBegin, cueInside, contentBegin, contentInside

    static let count = 7

    /// 0 source, 1 cue, 2 content; nil outside.
    var role: Int? { self == .outside ? nil : (rawValue - 1) / 2 }
    var begins: Bool { self == .sourceBegin || self == .cueBegin || self == .contentBegin }

    /// Whether `self` may follow `previous`: an inside tag continues its own role only.
    func canFollow(_ previous: AttributionTag?) -> Bool {
        switch self {
        case .sourceInside: return previous == .sourceBegin || previous == .sourceInside
        case .cueInside: return previous == .cueBegin || previous == .cueInside
        case .contentInside: return previous == .contentBegin || previous == .contentInside
        default: return true
        }
    }
}

/// One pass of the attribution tagger: an averaged structured perceptron over hashed feature rows,
/// decoded with Viterbi under BIO constraints.
struct AttributionLayer: Sendable {
    /// Weights, `buckets` rows of `AttributionTag.count`, then the transition matrix (previous tag
    /// row, `count + 1` rows with the sentence start last).
    var weights: [Float]
    let buckets: Int

    init(buckets: Int) {
        self.buckets = buckets
        weights = [Float](repeating: 0, count: buckets * AttributionTag.count + (AttributionTag.count + 1) * AttributionTag.count)
    }

    var transitionBase: Int { buckets * AttributionTag.count }
}

/// A sentence-level sequence tagger for attributions, in two passes. The first reads hashed
/// features of each token and its neighbours (words, shapes, quote-mark state, reporting-verb cues
/// near it); the second reads the same features and the first pass's tags around each token (where
/// it put a cue, a speaker, a content), so a decision can lean on the sentence's other decisions.
/// Both are averaged structured perceptrons decoded with Viterbi under BIO constraints, learnt from
/// PolNeAR's training split (`precis eval quotes --train`) and shipped as `attribution.model.1` to `.8`.
public struct AttributionModel: Sendable {
    /// The passes, first to last; each pass after the first also reads its predecessor's tags.
    var layers: [AttributionLayer]
    /// Word classes learnt from unlabelled text that the features read, kept with the weights they
    /// were trained with.
    var clusters: WordClusters?

    init(buckets: Int, passes: Int = 1, clusters: WordClusters? = nil) {
        layers = Array(repeating: AttributionLayer(buckets: buckets), count: max(1, passes))
        self.clusters = clusters
    }

    init(layers: [AttributionLayer], clusters: WordClusters? = nil) {
        self.layers = layers
        self.clusters = clusters
    }

    var buckets: Int { layers[0].buckets }

    /// The model that ships with Precis, or nil when its resource is missing or unreadable.
    /// It ships in eight parts (see Package.swift), read here in order as one.
    public static let english: AttributionModel? = AttributionModel(
        serialized: Array(
            [
                PackageResources.attribution_model_1, PackageResources.attribution_model_2, PackageResources.attribution_model_3,
                PackageResources.attribution_model_4, PackageResources.attribution_model_5, PackageResources.attribution_model_6,
                PackageResources.attribution_model_7, PackageResources.attribution_model_8
            ].joined()))

    /// `serialized()` cut into `parts` pieces of nearly equal length, in order (the shipped model's
    /// resource files).
    public func serialized(parts: Int) -> [[UInt8]] {
        let bytes = serialized()
        let size = (bytes.count + parts - 1) / max(1, parts)
        return (0..<max(1, parts)).map { k in Array(bytes[min(bytes.count, k * size)..<min(bytes.count, (k + 1) * size)]) }
    }

    /// The tags of the tokens `tokens[sentence]`, one sentence.
    func tags(_ tokens: [TimeToken], _ sentence: Range<Int>, words: QuoteWords) -> [AttributionTag] {
        let hashes = Self.wordHashes(tokens, sentence), stems = Self.stemHashes(tokens, sentence)
        let rows = Self.features(tokens, sentence, hashes: hashes, stems: stems, words: words, clusters: clusters, buckets: buckets)
        var tags = layers[0].decode(rows)
        for layer in layers.dropFirst() { tags = layer.decode(Self.stacked(rows, tags, words: stems, buckets: buckets)) }
        return tags
    }

    // MARK: features

    /// The hashed lower-case forms of the tokens `tokens[sentence]`, read by both passes' features.
    static func wordHashes(_ tokens: [TimeToken], _ sentence: Range<Int>) -> [UInt64] {
        tokens[sentence].map { hashString($0.lower) }
    }

    /// The hashed Snowball stems of the words of `tokens[sentence]` (other tokens as they are), so inflections
    /// share weights ("urges", "urged"; "blasted", "blasts").
    static func stemHashes(_ tokens: [TimeToken], _ sentence: Range<Int>) -> [UInt64] {
        let stemmer = Stemmer()
        return tokens[sentence].map { t in hashString(t.kind == .word ? stemmer?.stemUncached(t.lower) ?? t.lower : t.lower) }
    }

    /// Hashed feature rows of every token of a sentence; `hashes` are its `wordHashes`.
    static func features(
        _ tokens: [TimeToken], _ sentence: Range<Int>, hashes wordHash: [UInt64], stems: [UInt64], words: QuoteWords,
        clusters: WordClusters? = nil, buckets: Int
    ) -> [[Int32]] {
        let n = sentence.count
        guard n > 0 else { return [] }
        var shapes = [UInt64](repeating: 0, count: n)
        var isCue = [Bool](repeating: false, count: n)
        var isStance = [Bool](repeating: false, count: n)
        // Across the sentence boundary: whether the text before the sentence left a quotation open
        // (the last mark in the 80 tokens before it opens one), and the marks that end the previous
        // sentence and start the next ('"...," Graham said. "..."' is one PolNeAR content).
        var carried: UInt64 = 0
        var straight = 0
        for k in stride(from: sentence.lowerBound - 1, through: max(0, sentence.lowerBound - 80), by: -1) {
            let q = tokens[k].lower
            if q == "\u{201C}" && straight == 0 { carried = 1; break }
            if q == "\u{201D}" && straight == 0 { carried = 2; break }
            if q == "\"" { straight += 1 }
        }
        if carried == 0 && straight > 0 { carried = straight % 2 == 1 ? 3 : 4 }
        func outsideShape(_ k: Int) -> UInt64 { k < 0 || k >= tokens.count ? 0 : UInt64(shape(tokens[k])) }
        let before = outsideShape(sentence.lowerBound - 2) &* 31 &+ outsideShape(sentence.lowerBound - 1)
        let after = outsideShape(sentence.upperBound) &* 31 &+ outsideShape(sentence.upperBound + 1)
        let inQuote = Self.insideQuotation(tokens, sentence, openBefore: carried == 1 || carried == 3)
        for j in 0..<n {
            let t = tokens[sentence.lowerBound + j]
            shapes[j] = UInt64(shape(t))
            isCue[j] =
                t.kind == .word && !t.capitalized
                && (words.cues.contains(t.lower) || words.participles.contains(t.lower) || words.attribution.contains(t.lower))
            isStance[j] = t.kind == .word && words.stanceStems.contains(stems[j])
        }
        let hasQuote = inQuote.contains(true)
        // Distance to the nearest cue word on each side, and to the nearest word of saying, believing,
        // wanting or judging in any form (`stance` words, matched by stem: "urged", "worries").
        let (leftCue, rightCue) = nearest(isCue)
        let (leftStance, rightStance) = nearest(isStance)
        func stem(_ j: Int) -> UInt64 { j < 0 || j >= n ? 0 : stems[j] }
        var commaCount = [Int](repeating: 0, count: n + 1)
        for j in 0..<n { commaCount[j + 1] = commaCount[j] + (tokens[sentence.lowerBound + j].lower == "," ? 1 : 0) }
        func commas(_ a: Int, _ b: Int) -> UInt64 { UInt64(min(3, commaCount[b] - commaCount[a])) }
        let boundary = hashString("<s>"), endMark = hashString("</s>")
        func word(_ j: Int) -> UInt64 { j < 0 ? boundary : j >= n ? endMark : wordHash[j] }
        func shapeAt(_ j: Int) -> UInt64 { j < 0 || j >= n ? 0 : shapes[j] }
        // Each token's word class at every level of `clusters` (0: none), level-major.
        let levels = clusters?.levels.count ?? 0
        var classes = [UInt64](repeating: 0, count: levels * n)
        if let clusters {
            for j in 0..<n {
                guard let c = clusters.classes(ofHash: wordHash[j]) else { continue }
                for (l, v) in c.enumerated() { classes[l * n + j] = UInt64(v) }
            }
        }
        func cls(_ level: Int, _ j: Int) -> UInt64 { j < 0 ? 70_000 : j >= n ? 70_001 : classes[level * n + j] }
        var rows: [[Int32]] = []
        rows.reserveCapacity(n)
        let m = UInt64(buckets)
        for j in 0..<n {
            var f: [Int32] = []
            f.reserveCapacity(24)
            func add(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0) {
                f.append(Int32(truncatingIfNeeded: combine(template, a, b) % m))
            }
            let t = tokens[sentence.lowerBound + j]
            add(1, 0)
            add(2, word(j))
            add(3, word(j - 1))
            add(4, word(j + 1))
            add(5, word(j - 2))
            add(6, word(j + 2))
            add(7, word(j - 1), word(j))
            add(8, word(j), word(j + 1))
            add(9, shapeAt(j))
            add(10, shapeAt(j - 1), shapeAt(j))
            add(11, shapeAt(j), shapeAt(j + 1))
            add(12, hashString(String(t.lower.suffix(3))))
            add(13, inQuote[j] ? 1 : 0, hasQuote ? 1 : 0)
            add(14, bucketDistance(leftCue[j]), bucketDistance(rightCue[j]))
            add(15, bucketDistance(leftCue[j]), word(j))
            add(16, bucketDistance(rightCue[j]), word(j))
            add(17, bucketDistance(j), bucketDistance(n - 1 - j))
            add(18, isCue[j] ? 1 : 0, inQuote[j] ? 1 : 0)
            add(19, bucketDistance(rightCue[j]), shapeAt(j))
            add(20, bucketDistance(leftCue[j]), shapeAt(j))
            add(21, word(0), bucketDistance(j))
            if j > 0, leftCue[j] > 0 { add(22, word(j - leftCue[j]), bucketDistance(leftCue[j])) }
            if rightCue[j] > 0 { add(23, word(j + rightCue[j]), bucketDistance(rightCue[j])) }
            add(24, words.pronouns.contains(t.lower) ? 1 : 0, bucketDistance(rightCue[j]))
            add(25, carried, inQuote[j] ? 1 : 0)
            add(26, carried &* 7 &+ before, bucketDistance(j))
            add(27, after, bucketDistance(n - 1 - j))
            add(28, carried, shapeAt(j))
            add(29, stem(j))
            add(30, stem(j - 1))
            add(31, stem(j + 1))
            add(32, bucketDistance(leftStance[j]), bucketDistance(rightStance[j]))
            add(33, bucketDistance(leftStance[j]), shapeAt(j))
            add(34, bucketDistance(rightStance[j]), shapeAt(j))
            add(35, isStance[j] ? 1 : 0, inQuote[j] ? 1 : 0)
            if rightStance[j] > 0 { add(36, stem(j + rightStance[j]), bucketDistance(rightStance[j])) }
            if leftStance[j] > 0 { add(37, stem(j - leftStance[j]), bucketDistance(leftStance[j])) }
            // How many commas lie between the token and the nearest stance word on each side: a speaker
            // set off by an apposition ("Ana Pell, the mayor, said") is nearer than its distance says.
            let commasRight: UInt64 = rightStance[j] > 0 ? commas(j, j + rightStance[j]) : 9
            let commasLeft: UInt64 = leftStance[j] > 0 ? commas(j - leftStance[j], j) : 9
            add(38, commasRight, shapeAt(j))
            add(39, commasLeft, shapeAt(j))
            add(60, commasRight &* 16 &+ commasLeft, bucketDistance(rightStance[j]))
            for l in 0..<levels {
                let t = 100 + 8 * UInt64(l)
                add(t, cls(l, j))
                add(t + 1, cls(l, j - 1))
                add(t + 2, cls(l, j + 1))
                add(t + 3, cls(l, j - 1), cls(l, j))
                add(t + 4, cls(l, j), cls(l, j + 1))
                add(t + 5, cls(l, j), bucketDistance(rightCue[j]))
                add(t + 6, cls(l, j), bucketDistance(leftCue[j]))
            }
            rows.append(f)
        }
        return rows
    }

    /// `rows` with features of the previous pass's `tags`: the tags around each token, the tag with
    /// the word and its neighbours, the tag with the position in the sentence, how far the nearest
    /// predicted cue is on each side and which word it is, and which roles the sentence has at all.
    /// `words` are the tokens' hashed lower-case forms.
    static func stacked(_ rows: [[Int32]], _ tags: [AttributionTag], words: [UInt64], buckets: Int) -> [[Int32]] {
        let n = rows.count
        let m = UInt64(buckets)
        func tag(_ j: Int) -> UInt64 { j < 0 ? 100 : j >= n ? 101 : UInt64(tags[j].rawValue) }
        let (leftCue, rightCue) = nearest(tags.map { $0 == .cueBegin })
        var roles: UInt64 = 0
        for t in tags { if let r = t.role { roles |= 1 << UInt64(r) } }
        var out = rows
        for j in 0..<n {
            func add(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0) {
                out[j].append(Int32(truncatingIfNeeded: combine(template, a, b) % m))
            }
            let left = leftCue[j], right = rightCue[j]
            add(40, tag(j))
            add(41, tag(j - 1), tag(j))
            add(42, tag(j), tag(j + 1))
            add(43, tag(j - 2), tag(j + 2))
            add(44, tag(j), words[j])
            add(45, bucketDistance(left), bucketDistance(right))
            add(46, roles, tag(j))
            if left >= 0 { add(47, words[j - left], bucketDistance(left)) }
            if right >= 0 { add(48, words[j + right], bucketDistance(right)) }
            add(49, tag(j - 1), words[j])
            add(50, tag(j + 1), words[j])
            add(51, tag(j), bucketDistance(j))
            add(52, tag(j), bucketDistance(n - 1 - j))
            add(53, tag(j - 1), tag(j + 1))
            add(54, tag(j), words[max(0, j - 1)])
            add(55, tag(j), words[min(n - 1, j + 1)])
        }
        return out
    }

    /// For each position, how far back and how far ahead the nearest other flagged position is (-1:
    /// none on that side).
    static func nearest(_ flags: [Bool]) -> (left: [Int], right: [Int]) {
        let n = flags.count
        var left = [Int](repeating: -1, count: n), right = [Int](repeating: -1, count: n)
        var last = -1
        for j in 0..<n { left[j] = last < 0 ? -1 : j - last; if flags[j] { last = j } }
        last = -1
        for j in stride(from: n - 1, through: 0, by: -1) { right[j] = last < 0 ? -1 : last - j; if flags[j] { last = j } }
        return (left, right)
    }

    /// Whether each token of `tokens[sentence]` stands inside a quotation, given whether one is open before it;
    /// the quotation marks themselves count as inside.
    static func insideQuotation(_ tokens: [TimeToken], _ sentence: Range<Int>, openBefore: Bool = false) -> [Bool] {
        var open = openBefore
        return tokens[sentence].map { t in
            switch t.lower {
            case "\u{201C}": open = true
            case "\u{201D}": open = false; return true
            case "\"": open.toggle(); return true
            default: break
            }
            return open
        }
    }

    /// A token distance in coarse steps (none, 0 to 3, up to 6, up to 12, further), so near and far
    /// cues share weights.
    static func bucketDistance(_ d: Int) -> UInt64 { d < 0 ? 99 : d <= 3 ? UInt64(d) : d <= 6 ? 5 : d <= 12 ? 8 : 20 }

    /// Word classes a tagger can generalise over: capitalised word, lower-case word, number, and
    /// the punctuation marks themselves.
    static func shape(_ t: TimeToken) -> Int {
        switch t.kind {
        case .number: return 1
        case .word: return t.capitalized ? (t.lower.count == 1 ? 2 : 3) : 4
        case .punct:
            switch t.lower {
            case ",": return 5
            case ".", "!", "?": return 6
            case "\u{201C}": return 7
            case "\u{201D}": return 8
            case "\"": return 9
            case ":": return 10
            case "-": return 11
            case "(", ")": return 12
            case "'", "\u{2018}", "\u{2019}": return 13
            default: return 14
            }
        }
    }

    static func hashString(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01B3 }
        return h
    }

    static func combine(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h ^= b &+ 0x632B_E59B_D9B4_E019 &+ (h << 6) &+ (h >> 2)
        h ^= c &+ 0x8510_3E8A_5C4F_1D27 &+ (h << 6) &+ (h >> 2)
        h ^= h >> 33; h = h &* 0xFF51_AFD7_ED55_8CCD; h ^= h >> 33
        return h
    }

    // MARK: storage

    /// The serialised form: "PRECIS-ATTRIBUTION 3 <buckets> <scale of pass 1> <scale of pass 2> ...\n"
    /// (4 instead of 3 when the model reads word classes, whose `WordClusters.serialized()` follows),
    /// then for each pass every weight of the hashed features as one Int8 (weight / scale,
    /// bucket-major) and the transitions as little-endian Float32.
    public func serialized() -> [UInt8] {
        let scales = layers.map { layer in
            let maxAbs = layer.weights[0..<layer.transitionBase].reduce(Float(0)) { max($0, abs($1)) }
            return maxAbs > 0 ? maxAbs / 127 : 1
        }
        var out = Array("PRECIS-ATTRIBUTION \(clusters == nil ? 3 : 4) \(buckets) \(scales.map { "\($0)" }.joined(separator: " "))\n".utf8)
        if let clusters { out += clusters.serialized() }
        for (layer, scale) in zip(layers, scales) {
            let tb = layer.transitionBase
            for w in layer.weights[0..<tb] { out.append(UInt8(bitPattern: Int8(clamping: Int((w / scale).rounded())))) }
            for w in layer.weights[tb...] { withUnsafeBytes(of: w.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        }
        return out
    }

    /// Reads `serialized()`; nil for anything else (a missing or damaged model reads as none).
    public init?(serialized bytes: [UInt8]) {
        guard let newline = bytes.prefix(200).firstIndex(of: 10) else { return nil }
        let head = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard (4...6).contains(head.count), head[0] == "PRECIS-ATTRIBUTION", head[1] == "3" || head[1] == "4",
            let buckets = Int(head[2]), buckets > 0, buckets <= 1 << 24
        else { return nil }
        let scales = head[3...].compactMap { Float($0) }.filter(\.isFinite)
        guard scales.count == head.count - 3 else { return nil }
        var i = newline + 1
        // Version 4 carries the word classes its features read, between the head and the weights.
        var clusters: WordClusters?
        if head[1] == "4" {
            var consumed = 0
            guard let c = WordClusters(serialized: bytes[i...], consumed: &consumed) else { return nil }
            clusters = c
            i += consumed
        }
        self.init(buckets: buckets, passes: scales.count, clusters: clusters)
        let tb = layers[0].transitionBase, size = layers[0].weights.count
        guard bytes.count == i + scales.count * (tb + 4 * (size - tb)) else { return nil }
        for (l, scale) in scales.enumerated() {
            for w in 0..<tb { layers[l].weights[w] = Float(Int8(bitPattern: bytes[i + w])) * scale }
            i += tb
            for t in tb..<size {
                layers[l].weights[t] = Float(bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
                i += 4
            }
        }
    }
}

extension AttributionLayer {
    // MARK: decoding

    /// The best tag sequence for a sentence's feature rows.
    func decode(_ rows: [[Int32]]) -> [AttributionTag] {
        let n = rows.count, k = AttributionTag.count
        guard n > 0 else { return [] }
        let tags = AttributionTag.allCases
        var score = [Float](repeating: -.infinity, count: n * k)
        var back = [Int](repeating: 0, count: n * k)
        func emission(_ j: Int, _ tag: Int) -> Float {
            var sum: Float = 0
            for f in rows[j] { sum += weights[Int(f) * k + tag] }
            return sum
        }
        let tb = transitionBase
        for tag in tags where tag.canFollow(nil) {
            score[tag.rawValue] = emission(0, tag.rawValue) + weights[tb + k * k + tag.rawValue]
        }
        for j in 1..<n {
            for tag in tags {
                var best: Float = -.infinity, arg = 0
                for prev in tags where tag.canFollow(prev) {
                    let v = score[(j - 1) * k + prev.rawValue] + weights[tb + prev.rawValue * k + tag.rawValue]
                    if v > best { best = v; arg = prev.rawValue }
                }
                guard best > -.infinity else { continue }
                score[j * k + tag.rawValue] = best + emission(j, tag.rawValue)
                back[j * k + tag.rawValue] = arg
            }
        }
        var arg = 0
        for tag in 0..<k where score[(n - 1) * k + tag] > score[(n - 1) * k + arg] { arg = tag }
        var out = [AttributionTag](repeating: .outside, count: n)
        for j in stride(from: n - 1, through: 0, by: -1) {
            out[j] = AttributionTag(rawValue: arg)!
            arg = back[j * k + arg]
        }
        return out
    }
}

/// Learns an `AttributionModel` from tagged sentences.
public struct AttributionTrainer {
    /// One training sentence: feature rows and gold tags.
    struct Example { var rows: [[Int32]]; var gold: [AttributionTag]; var words: [UInt64]; var document: Int }
    var examples: [Example] = []
    var documents = 0
    let buckets: Int
    let words = QuoteWords.english
    let clusters: WordClusters?

    public init(buckets: Int = 1 << 16, clusters: WordClusters? = nil) {
        self.buckets = buckets
        self.clusters = clusters
    }

    /// Adds the sentences of one document with its gold source, cue and content spans (scalar offsets).
    public mutating func add(
        text: String, sources: [TextSpan], cues: [TextSpan], contents: [TextSpan],
        segmenter: SentenceSegmenter = SentenceSegmenter()
    ) {
        let scalars = ScalarText(text)
        let tokens = TimeToken.splittingClitics(TimeToken.tokenize(scalars.scalars))
        // Gold role of each scalar; a later role does not overwrite an earlier one (annotations are univocal).
        var role = [Int8](repeating: -1, count: scalars.scalars.count + 1)
        var spanStart = [Bool](repeating: false, count: scalars.scalars.count + 1)
        for (r, spans) in [sources, cues, contents].enumerated() {
            for sp in spans where sp.start >= 0 && sp.end <= scalars.scalars.count && sp.start < sp.end {
                for c in sp.start..<sp.end where role[c] < 0 { role[c] = Int8(r) }
                spanStart[sp.start] = true
            }
        }
        defer { documents += 1 }
        for range in AttributionTrainer.sentenceRanges(tokens, scalars, segmenter) {
            var gold: [AttributionTag] = []
            var previousRole = -1
            for k in range {
                let t = tokens[k]
                let r = Int(role[t.start])
                if r < 0 { gold.append(.outside); previousRole = -1; continue }
                let begins = previousRole != r || spanStart[t.start]
                gold.append(AttributionTag(rawValue: 1 + 2 * r + (begins ? 0 : 1))!)
                previousRole = r
            }
            let hashes = AttributionModel.wordHashes(tokens, range), stems = AttributionModel.stemHashes(tokens, range)
            examples.append(
                Example(
                    rows: AttributionModel.features(
                        tokens, range, hashes: hashes, stems: stems, words: words,
                        clusters: clusters, buckets: buckets),
                    gold: gold, words: stems, document: documents))
        }
    }

    /// Token ranges of the sentences of a text.
    static func sentenceRanges(_ tokens: [TimeToken], _ scalars: ScalarText, _ segmenter: SentenceSegmenter) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var t = 0
        for span in segmenter.sentences(in: scalars) {
            let r = TimeToken.range(of: span, in: tokens, from: &t)
            if !r.isEmpty { out.append(r) }
        }
        return out
    }

    /// Trains both passes. The second pass learns from first-pass tags it could meet at reading time:
    /// for each of `folds` slices of the documents, a first pass trained on the other slices tags it.
    public func train(epochs: Int = 10, seed: UInt64 = 7, folds: Int = 5) -> AttributionModel {
        let first = Self.train(examples, buckets: buckets, epochs: epochs, seed: seed)
        guard folds > 1 else { return AttributionModel(layers: [first], clusters: clusters) }
        var second = examples
        for fold in 0..<folds {
            let held = examples.indices.filter { examples[$0].document % folds == fold }
            guard !held.isEmpty else { continue }
            let layer = Self.train(examples.filter { $0.document % folds != fold }, buckets: buckets, epochs: epochs, seed: seed)
            for e in held {
                let ex = examples[e]
                second[e].rows = AttributionModel.stacked(ex.rows, layer.decode(ex.rows), words: ex.words, buckets: buckets)
            }
        }
        return AttributionModel(layers: [first, Self.train(second, buckets: buckets, epochs: epochs, seed: seed)], clusters: clusters)
    }

    /// Averaged perceptron training over `epochs` passes in a fixed shuffled order.
    static func train(_ examples: [Example], buckets: Int, epochs: Int, seed: UInt64) -> AttributionLayer {
        var model = AttributionLayer(buckets: buckets)
        var accumulated = [Float](repeating: 0, count: model.weights.count)
        let k = AttributionTag.count
        var step: Float = 1
        var order = Array(examples.indices)
        var rng = seed
        let tb = model.transitionBase
        for _ in 0..<epochs {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                order.swapAt(i, Int((rng >> 33) % UInt64(i + 1)))
            }
            for e in order {
                let ex = examples[e]
                let guess = model.decode(ex.rows)
                if guess != ex.gold {
                    func update(_ index: Int, _ delta: Float) {
                        model.weights[index] += delta
                        accumulated[index] += step * delta
                    }
                    for j in ex.rows.indices where guess[j] != ex.gold[j] {
                        for f in ex.rows[j] {
                            update(Int(f) * k + ex.gold[j].rawValue, 1)
                            update(Int(f) * k + guess[j].rawValue, -1)
                        }
                    }
                    for j in ex.rows.indices {
                        let gp = j == 0 ? k : ex.gold[j - 1].rawValue, pp = j == 0 ? k : guess[j - 1].rawValue
                        if gp != pp || ex.gold[j] != guess[j] {
                            update(tb + gp * k + ex.gold[j].rawValue, 1)
                            update(tb + pp * k + guess[j].rawValue, -1)
                        }
                    }
                }
                step += 1
            }
        }
        for i in model.weights.indices { model.weights[i] -= accumulated[i] / step }
        return model
    }
}
