import PrecisText

/// Precision, recall and F1 of one comparison.
public struct RougeScore: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var f1: Double

    public static let zero = RougeScore(precision: 0, recall: 0, f1: 0)

    init(hits: Int, predicted: Int, reference: Int) {
        precision = Double(hits) / Double(max(predicted, 1))
        recall = Double(hits) / Double(max(reference, 1))
        f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    public init(precision: Double, recall: Double, f1: Double) {
        self.precision = precision
        self.recall = recall
        self.f1 = f1
    }
}

/// The ROUGE measures Precis reports.
public enum RougeType: String, Sendable, CaseIterable {
    case rouge1 = "ROUGE-1"
    case rouge2 = "ROUGE-2"
    case rougeL = "ROUGE-L"
    case rougeLsum = "ROUGE-Lsum"
}

/// ROUGE as Google's `rouge-score` package computes it, so figures compare with published ones:
/// lower-case, everything but `a-z0-9` is a separator, words longer than three letters are Porter-stemmed,
/// ROUGE-L is the longest common subsequence over the whole text, ROUGE-Lsum the union LCS over
/// newline-separated sentences (with its guard against counting a token twice). With several
/// references, the one with the best F1 counts, per measure.
///
/// A scorer keeps a stemmer and its cache: use one per thread.
public final class RougeScorer {
    /// Snowball's "porter" algorithm: Porter's original stemmer, as rouge-score's NLTK stemmer is
    /// in all but rare words (the dev-set difference is under 0.02 points).
    private let stemmer: Stemmer?
    public let useStemmer: Bool

    public init(useStemmer: Bool = true) {
        self.useStemmer = useStemmer
        self.stemmer = useStemmer ? Stemmer(algorithm: "porter") : nil
    }

    /// Scores `prediction` against each reference; per measure, the reference giving the best F1.
    public func score(prediction: String, references: [String]) -> [RougeType: RougeScore] {
        var best: [RougeType: RougeScore] = [:]
        for reference in references {
            for (type, score) in score(prediction: prediction, reference: reference) {
                if let current = best[type], current.f1 >= score.f1 { continue }
                best[type] = score
            }
        }
        if best.isEmpty { for type in RougeType.allCases { best[type] = .zero } }
        return best
    }

    public func score(prediction: String, reference: String) -> [RougeType: RougeScore] {
        let p = tokenize(prediction), r = tokenize(reference)
        var out: [RougeType: RougeScore] = [:]
        out[.rouge1] = ngramScore(prediction: p, reference: r, n: 1)
        out[.rouge2] = ngramScore(prediction: p, reference: r, n: 2)
        // LCS compares tokens as integer ids: the same result, without string comparisons.
        var ids: [String: Int] = [:]
        func intern(_ tokens: [String]) -> [Int] {
            tokens.map { token in
                if let id = ids[token] { return id }
                let id = ids.count
                ids[token] = id
                return id
            }
        }
        let ri = intern(r), pi = intern(p)
        out[.rougeL] =
            r.isEmpty || p.isEmpty
            ? .zero
            : RougeScore(hits: Self.lcsLength(ri, pi), predicted: p.count, reference: r.count)
        out[.rougeLsum] = summaryLevelLCS(
            reference: Self.lines(reference).map { intern(tokenize($0)) },
            prediction: Self.lines(prediction).map { intern(tokenize($0)) })
        return out
    }

    /// Tokens as rouge-score makes them.
    public func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            tokens.append(current.count > 3 ? stem(word) : word)
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            // Python's str.lower() first: a capital may lower to a-z (and several scalars).
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                let v = lower.value
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    current.append(UInt8(v))
                } else {
                    flush()
                }
            }
        }
        flush()
        return tokens
    }

    private func stem(_ word: String) -> String {
        stemmer?.stem(word) ?? word
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    // MARK: - N-grams

    func ngramScore(prediction: [String], reference: [String], n: Int) -> RougeScore {
        let p = Self.ngrams(prediction, n), r = Self.ngrams(reference, n)
        var hits = 0
        for (gram, count) in r { hits += min(count, p[gram] ?? 0) }
        return RougeScore(hits: hits, predicted: max(0, prediction.count - n + 1), reference: max(0, reference.count - n + 1))
    }

    static func ngrams(_ tokens: [String], _ n: Int) -> [String: Int] {
        var counts: [String: Int] = [:]
        guard tokens.count >= n else { return counts }
        for i in 0...(tokens.count - n) {
            let gram = n == 1 ? tokens[i] : tokens[i..<(i + n)].joined(separator: " ")
            counts[gram, default: 0] += 1
        }
        return counts
    }

    // MARK: - LCS

    /// The LCS table, flat, (rows+1) x (cols+1).
    static func lcsTable<T: Equatable>(_ a: [T], _ b: [T]) -> [Int] {
        let cols = b.count + 1
        var t = [Int](repeating: 0, count: (a.count + 1) * cols)
        if a.isEmpty || b.isEmpty { return t }
        for i in 1...a.count {
            for j in 1...b.count {
                t[i * cols + j] =
                    a[i - 1] == b[j - 1]
                    ? t[(i - 1) * cols + j - 1] + 1
                    : max(t[(i - 1) * cols + j], t[i * cols + j - 1])
            }
        }
        return t
    }

    static func lcsLength<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        // Two rows suffice for the length.
        if a.isEmpty || b.isEmpty { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Indices into `ref` of one LCS, read back as rouge-score does (ties move up, not left).
    static func lcsIndices<T: Equatable>(_ ref: [T], _ can: [T]) -> [Int] {
        let t = lcsTable(ref, can)
        let cols = can.count + 1
        var i = ref.count, j = can.count
        var out: [Int] = []
        while i > 0 && j > 0 {
            if ref[i - 1] == can[j - 1] {
                out.append(i - 1)
                i -= 1
                j -= 1
            } else if t[i * cols + j - 1] > t[(i - 1) * cols + j] {
                j -= 1
            } else {
                i -= 1
            }
        }
        return out.reversed()
    }

    func summaryLevelLCS<T: Hashable>(reference: [[T]], prediction: [[T]]) -> RougeScore {
        let m = reference.reduce(0) { $0 + $1.count }
        let n = prediction.reduce(0) { $0 + $1.count }
        guard m > 0, n > 0 else { return .zero }
        var refCounts: [T: Int] = [:], canCounts: [T: Int] = [:]
        for s in reference { for t in s { refCounts[t, default: 0] += 1 } }
        for s in prediction { for t in s { canCounts[t, default: 0] += 1 } }
        var hits = 0
        for r in reference {
            var union = Set<Int>()
            for c in prediction { union.formUnion(Self.lcsIndices(r, c)) }
            for index in union.sorted() {
                let token = r[index]
                if (canCounts[token] ?? 0) > 0 && (refCounts[token] ?? 0) > 0 {
                    hits += 1
                    canCounts[token]! -= 1
                    refCounts[token]! -= 1
                }
            }
        }
        return RougeScore(hits: hits, predicted: n, reference: m)
    }
}
