import PrecisFacts
import PrecisText

/// How well undated articles are dated: each article's creation date is hidden in turn and inferred
/// from its text and the other articles of its corpus (their dates known), as a story's undated
/// source is.
public struct DatingReport: Sendable {
    public var documents = 0
    /// Articles that got a range (one end or both).
    public var dated = 0
    /// Of those, the ranges that hold the true date.
    public var holding = 0
    /// Ranges with both ends, and their widths in days (latest - earliest).
    public var widths: [Int] = []
    /// Ranges open on one side.
    public var halfOpen = 0
    /// The day the article is ordered by (`InferredDate.estimate`) against the truth, in days.
    public var estimateErrors: [Int] = []

    public var noRange: Int { documents - dated }
    public var medianWidth: Int? { Self.median(widths) }
    public var medianEstimateError: Int? { Self.median(estimateErrors.map(abs)) }

    static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

public enum DatingEvaluation {
    /// Leave-one-out over each corpus (`TimeMLDocument.corpus`): documents without a creation date
    /// are read as context but not scored. `each` sees every scored document with its inferred date.
    public static func run(
        _ documents: [TimeMLDocument],
        each: (TimeMLDocument, InferredDate?) -> Void = { _, _ in }
    ) -> DatingReport {
        var report = DatingReport()
        let builder = TimelineBuilder()
        let analyzer = TextAnalyzer()
        var corpora: [String: [Int]] = [:]
        for (k, d) in documents.enumerated() { corpora[d.corpus, default: []].append(k) }
        for name in corpora.keys.sorted() {
            let members = corpora[name]!
            let texts = members.map { documents[$0].text }
            let known = members.map { documents[$0].creationDate?.description }
            for (i, k) in members.enumerated() {
                guard let truth = documents[k].creationDate else { continue }
                var dates = known
                dates[i] = nil
                let inferred = builder.build(texts: texts, dates: dates, analyzer: analyzer).dating[i] ?? nil
                report.documents += 1
                each(documents[k], inferred)
                guard let inferred else { continue }
                report.dated += 1
                let day = truth.description
                if (inferred.earliest.map { $0 <= day } ?? true) && (inferred.latest.map { day <= $0 } ?? true) { report.holding += 1 }
                if let a = inferred.earliest.flatMap(CivilDate.init(iso:)), let b = inferred.latest.flatMap(CivilDate.init(iso:)) {
                    report.widths.append(b.dayNumber - a.dayNumber)
                } else {
                    report.halfOpen += 1
                }
                if let e = inferred.estimate.flatMap(CivilDate.init(iso:)) { report.estimateErrors.append(e.dayNumber - truth.dayNumber) }
            }
        }
        return report
    }
}
