import Foundation
import PrecisExtract
import PrecisIngest
import PrecisJSON

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

/// What Precis extracted from a set's pages: the text per page id, as the gold is written (the
/// title first when the clean text does not open with it), and the CPU time of the fastest run.
public struct ExtractionRun: Sendable {
    public var texts: [String: String]
    public var cpuSeconds: Double
    /// Page id, HTML file and text, in set order.
    public var pages: [(id: String, file: String, text: String)]
}

public enum ExtractionEvaluation {
    /// Extracts every page, then removes each site's template across its pages, as a batch run does;
    /// timed `repeatCount` times, the fastest kept (one pass lasts a fraction of a second, and other
    /// work on a shared machine only ever adds time). A page that gives no article has empty text.
    public static func run(_ pages: [ExtractionPage], repeatCount: Int = 1, extractor: ArticleExtractor = ArticleExtractor()) -> ExtractionRun {
        let reader = InputReader()
        var extracted: [(page: ExtractionPage, article: Article?)] = []
        var cleaned: [Article] = []
        var times: [Double] = []
        for _ in 0..<max(1, repeatCount) {
            let start = cpuSeconds()
            extracted = []
            for page in pages {
                let intake = reader.read(paths: [page.htmlPath])
                var article: Article? = nil
                if let raw = intake.documents.first, case .success(let a) = extractor.extract(raw) { article = a }
                extracted.append((page, article))
            }
            cleaned = SiteTemplate.removeRepeatedLines(extracted.compactMap(\.article))
            times.append(cpuSeconds() - start)
        }
        var next = cleaned.makeIterator()
        var out = ExtractionRun(texts: [:], cpuSeconds: times.min() ?? 0, pages: [])
        for (page, original) in extracted {
            var text = ""
            if original != nil, let article = next.next() {
                // The gold main text includes the headline; the clean text may hold it only as the title.
                if let title = article.title, !article.text.prefix(400).contains(title) {
                    text = title + "\n\n" + article.text
                } else {
                    text = article.text
                }
            }
            out.texts[page.id] = text
            out.pages.append((page.id, page.htmlPath, text))
        }
        return out
    }

    /// Another extractor's output, `{"page", "text"}` per line, as page id -> text.
    public static func readPredictions(_ path: String) throws -> [String: String] {
        var texts: [String: String] = [:]
        try InputReader(maxDocumentBytes: 256 * 1_048_576).forEachJSONLine(inFile: path) { _, result in
            if case .success(let value) = result, let page = value["page"]?.stringValue {
                texts[page] = value["text"]?.stringValue ?? ""
            }
        }
        return texts
    }

    /// Each page's output as JSON Lines (`{"page", "file", "text"}`).
    public static func dumpLines(_ run: ExtractionRun) -> String {
        run.pages.map { JSONOutput.object([("page", .string($0.id)), ("file", .string($0.file)), ("text", .string($0.text))]).serialized() + "\n" }.joined()
    }

    /// Each page's scores as JSON Lines (`{"page", "precision", "recall"}`).
    public static func perPageLines(_ report: ExtractionReport) -> String {
        report.perPage.map { row in
            JSONOutput.object([("page", .string(row.page)), ("precision", .double(row.precision)), ("recall", .double(row.recall))]).serialized() + "\n"
        }.joined()
    }

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
                perPage.append(
                    (
                        page.id, without.isEmpty ? 1 : Double(avoided) / Double(without.count),
                        with.isEmpty ? 1 : Double(found) / Double(with.count)
                    ))
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
