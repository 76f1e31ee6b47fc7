/// The shingle measure of the Scrapinghub article-extraction benchmark, reimplemented.
///
/// Tokens are runs of word characters (letters, digits, marks, underscore), case kept; a shingle is
/// four consecutive tokens (a text of fewer tokens is one shingle). Per page, true positives, false
/// positives and false negatives are multiset overlaps of the shingles, normalised to sum to 1;
/// precision and recall are averaged over pages, and F1 is the harmonic mean of the two averages.
public enum ShingleScore {
    public struct Counts: Sendable, Equatable {
        public var tp: Double
        public var fp: Double
        public var fn: Double

        public var precision: Double {
            if fp == 0 && fn == 0 { return 1 }
            if tp == 0 && fp == 0 { return 0 }
            return tp / (tp + fp)
        }

        public var recall: Double {
            if fp == 0 && fn == 0 { return 1 }
            if tp == 0 && fn == 0 { return 0 }
            return tp / (tp + fn)
        }
    }

    /// Counts for one page.
    public static func match(gold: String, predicted: String, n: Int = 4) -> Counts {
        let g = shingles(gold, n: n), p = shingles(predicted, n: n)
        var tp = 0.0, fp = 0.0, fn = 0.0
        for (key, gc) in g {
            let pc = p[key] ?? 0
            tp += Double(min(gc, pc))
            fn += Double(max(0, gc - pc))
        }
        for (key, pc) in p { fp += Double(max(0, pc - (g[key] ?? 0))) }
        let sum = tp + fp + fn
        guard sum > 0 else { return Counts(tp: 0, fp: 0, fn: 0) }
        return Counts(tp: tp / sum, fp: fp / sum, fn: fn / sum)
    }

    /// Mean precision (over pages with a prediction), mean recall (over pages with gold text), and
    /// the harmonic mean of the two.
    public static func aggregate(_ pages: [Counts]) -> (precision: Double, recall: Double, f1: Double) {
        let withPrediction = pages.filter { $0.tp + $0.fp > 0 }
        let withGold = pages.filter { $0.tp + $0.fn > 0 }
        let p = withPrediction.isEmpty ? 0 : withPrediction.map(\.precision).reduce(0, +) / Double(withPrediction.count)
        let r = withGold.isEmpty ? 0 : withGold.map(\.recall).reduce(0, +) / Double(withGold.count)
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil || scalar == "_"
                || props.generalCategory == .nonspacingMark || props.generalCategory == .spacingMark
            {
                current.append(scalar)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    static func shingles(_ text: String, n: Int) -> [String: Int] {
        let t = tokens(text)
        var counts: [String: Int] = [:]
        guard !t.isEmpty else { return counts }
        for i in 0..<max(1, t.count - n + 1) {
            counts[t[i..<min(t.count, i + n)].joined(separator: "\u{1F}"), default: 0] += 1
        }
        return counts
    }
}
