import Foundation
import PrecisJSON
import PrecisText

/// Mean ROUGE of a summarizer over a set of clusters.
public struct RougeReport: Sendable {
    public var clusters: Int
    /// Mean scores per measure, in 0...1.
    public var mean: [RougeType: RougeScore]
    /// CPU seconds the summarizer spent, all clusters together (scoring excluded).
    public var summarizeCPUSeconds: Double
    /// Wall-clock seconds for summarising and scoring.
    public var wallSeconds: Double

    /// The report `precis eval rouge` prints: the set and budget, one column per measure (F1, or
    /// recall), x100, and the time spent.
    public func text(words: Int, truncatedTo truncate: Int, recall: Bool) -> String {
        let measure = recall ? "recall" : "F1"
        var out = "clusters: \(clusters)   budget: \(words) words, cut at \(truncate)   \(measure) x100, Porter-stemmed\n"
        out += RougeType.allCases.map { $0.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0) }.joined() + "\n"
        out +=
            RougeType.allCases.map { type -> String in
                let s = mean[type] ?? RougeScore.zero
                return String(format: "%-11.2f", 100 * (recall ? s.recall : s.f1))
            }.joined() + "\n"
        out += String(
            format: "summarize: %.3f s CPU (%.2f ms per cluster); with scoring: %.2f s wall\n",
            summarizeCPUSeconds, 1000 * summarizeCPUSeconds / Double(clusters), wallSeconds)
        return out
    }

    /// One line of the `--dump` file: a cluster's id, its scored summary and its references.
    public static func dumpLine(id: JSONValue, prediction: String, references: [String]) -> String {
        JSONOutput.object([
            ("id", JSONOutput(id)), ("prediction", .string(prediction)),
            ("references", .array(references.map { .string($0) }))
        ]).serialized() + "\n"
    }
}

public struct RougeEvaluation {
    /// Words the summary is cut to before scoring (nil: not cut).
    public var truncateTo: Int?

    public init(truncateTo: Int? = nil) {
        self.truncateTo = truncateTo
    }

    /// The text that is scored for a summary: its sentences one per line, cut to `truncateTo` words.
    public func scoredText(_ sentences: [String]) -> String {
        let joined = sentences.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        return truncateTo.map { truncateWords(joined, to: $0) } ?? joined
    }

    /// A reference with its sentences one per line, for ROUGE-Lsum.
    public static func referenceLines(_ reference: String, segmenter: SentenceSegmenter = SentenceSegmenter()) -> String {
        let text = ScalarText(TextNormalizer.normalize(reference))
        return segmenter.sentences(in: text).map { text[$0].replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
    }

    /// Runs `summarize` on every cluster and scores the result. `onCluster` sees each cluster's
    /// scored prediction and references (for dumps).
    public func run(
        _ clusters: [ReferenceCluster], summarize: ([String]) -> [String],
        onCluster: ((ReferenceCluster, String, [String]) -> Void)? = nil
    ) -> RougeReport {
        let scorer = RougeScorer(useStemmer: true)
        let segmenter = SentenceSegmenter()
        var sums: [RougeType: (Double, Double, Double)] = [:]
        var cpu = 0.0
        let wallStart = Date()
        for cluster in clusters {
            let before = cpuSeconds()
            let sentences = summarize(cluster.documents)
            cpu += cpuSeconds() - before
            let prediction = scoredText(sentences)
            let references = cluster.references.map { Self.referenceLines($0, segmenter: segmenter) }
            onCluster?(cluster, prediction, references)
            for (type, s) in scorer.score(prediction: prediction, references: references) {
                let old = sums[type] ?? (0, 0, 0)
                sums[type] = (old.0 + s.precision, old.1 + s.recall, old.2 + s.f1)
            }
        }
        let n = Double(max(clusters.count, 1))
        var mean: [RougeType: RougeScore] = [:]
        for type in RougeType.allCases {
            let s = sums[type] ?? (0, 0, 0)
            mean[type] = RougeScore(precision: s.0 / n, recall: s.1 / n, f1: s.2 / n)
        }
        return RougeReport(
            clusters: clusters.count, mean: mean, summarizeCPUSeconds: cpu,
            wallSeconds: Date().timeIntervalSince(wallStart))
    }
}

/// CPU time of this process (user + system), in seconds.
public func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
