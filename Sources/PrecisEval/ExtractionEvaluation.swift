import Foundation

/// Scores of an extractor over one extraction set.
public struct ExtractionReport: Sendable {
    public var pages: Int
    /// Shingle precision, recall, F1 (sets with gold text), as in the Scrapinghub benchmark.
    public var shingle: (precision: Double, recall: Double, f1: Double)?
    /// Mean per-page ROUGE-LSum F1 (lines as sentences), as in Webis 2023.
    public var rougeLsum: Double?
    /// Snippet counts summed over pages (trafilatura's set): precision, recall, F1, accuracy.
    public var snippets: (precision: Double, recall: Double, f1: Double, accuracy: Double)?
    /// Each page's own figures, in set order: shingle precision and recall, or the share of its
    /// "with" snippets found (as recall) and of its "without" snippets avoided (as precision).
    public var perPage: [(page: String, precision: Double, recall: Double)] = []
}

public enum ExtractionEvaluation {
    /// Scores `predictions` (page id -> extracted text; a missing page counts as empty output).
    public static func score(_ pages: [ExtractionPage], predictions: [String: String]) -> ExtractionReport {
        var shingles: [ShingleScore.Counts] = []
        var rougeSum = 0.0, rougePages = 0
        var tp = 0, fp = 0, fn = 0, tn = 0
        var perPage: [(page: String, precision: Double, recall: Double)] = []
        let scorer = RougeScorer(useStemmer: false)
        for page in pages {
            let predicted = predictions[page.id] ?? ""
            switch page.gold {
            case .text(let gold):
                let counts = ShingleScore.match(gold: gold, predicted: predicted)
                shingles.append(counts)
                perPage.append((page.id, counts.precision, counts.recall))
                rougeSum += scorer.score(prediction: predicted, reference: gold)[.rougeLsum]?.f1 ?? 0
                rougePages += 1
            case .snippets(let with, let without):
                let output = squeeze(predicted)
                let found = with.filter { output.contains(squeeze($0)) }.count
                let avoided = without.filter { !output.contains(squeeze($0)) }.count
                tp += found; fn += with.count - found; fp += without.count - avoided; tn += avoided
                perPage.append((page.id, without.isEmpty ? 1 : Double(avoided) / Double(without.count),
                                with.isEmpty ? 1 : Double(found) / Double(with.count)))
            }
        }
        var report = ExtractionReport(pages: pages.count)
        report.perPage = perPage
        if !shingles.isEmpty {
            report.shingle = ShingleScore.aggregate(shingles)
            report.rougeLsum = rougeSum / Double(rougePages)
        }
        if tp + fp + fn + tn > 0 {
            let p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
            let r = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
            report.snippets = (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, Double(tp + tn) / Double(tp + fp + fn + tn))
        }
        return report
    }

    /// White space collapsed to single spaces, as trafilatura's evaluation compares snippets.
    static func squeeze(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
