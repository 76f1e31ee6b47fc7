import Testing

@testable import PrecisEval

/// The reports `precis eval rouge` and `precis eval stories` print, written by PrecisEval.
@Suite struct ReportTextTests {
    @Test func aRougeReportHasAColumnPerMeasureAndItsTime() {
        let scores: [RougeType: RougeScore] = [
            .rouge1: RougeScore(precision: 0.5, recall: 0.4, f1: 0.4444), .rouge2: RougeScore(precision: 0.2, recall: 0.1, f1: 0.1333)
        ]
        let report = RougeReport(clusters: 2, mean: scores, summarizeCPUSeconds: 0.5, wallSeconds: 1.25)
        let lines = [
            "clusters: 2   budget: 100 words, cut at 100   recall x100, Porter-stemmed",
            "ROUGE-1    ROUGE-2    ROUGE-L    ROUGE-Lsum ",
            "40.00      10.00      0.00       0.00       ",
            "summarize: 0.500 s CPU (250.00 ms per cluster); with scoring: 1.25 s wall"
        ]
        #expect(report.text(words: 100, truncatedTo: 100, recall: true) == lines.map { $0 + "\n" }.joined())
    }

    @Test func aStoryReportScoresAllDocumentsAndTheArticlesOnly() {
        let score = ClusteringScore(precision: 1, recall: 0.5)
        let report = StoryReport(
            documents: 4, goldStories: 2, predictedStories: 3, nonArticles: 1, duplicates: 0, bcubed: score, pairwise: score,
            bcubedArticles: score, pairwiseArticles: score, seconds: 2)
        let lines = [
            "documents: 4   gold stories: 2   predicted stories: 3   non-articles: 1   near-copies: 0   seed: 7",
            "all documents  B-cubed P 1.000 R 0.500 F1 0.667   pairwise P 1.000 R 0.500 F1 0.667",
            "articles only  B-cubed P 1.000 R 0.500 F1 0.667   pairwise P 1.000 R 0.500 F1 0.667",
            "extract + cluster: 2.000 s CPU, 2 documents per second"
        ]
        #expect(report.text(seed: 7) == lines.map { $0 + "\n" }.joined())
    }
}
