import PrecisExtract
import PrecisIngest
import PrecisSummarize
import PrecisText

/// Runs the stages in order: extract each raw document into an article, then summarise.
public struct Pipeline: Sendable {
    public var extractor = ArticleExtractor()
    public var summarizer = Summarizer()

    public init() {}

    /// The outcome of turning raw documents into a digest.
    public struct Outcome: Sendable {
        public var digest: Digest
        /// Inputs that gave no article, with the reason.
        public var skipped: [SkippedInput]
    }

    /// Clean articles from raw documents; those with no article text are reported, not dropped silently.
    public func articles(from raw: [RawDocument]) -> (articles: [Article], skipped: [SkippedInput]) {
        var articles: [Article] = []
        var skipped: [SkippedInput] = []
        for document in raw {
            switch extractor.extract(document) {
            case .success(let article): articles.append(article)
            case .failure(let failure): skipped.append(SkippedInput(origin: failure.origin, reason: failure.reason))
            }
        }
        // Several pages of one site: what they all repeat is the site's template.
        return (SiteTemplate.removeRepeatedLines(articles), skipped)
    }

    /// One digest for all `raw` documents.
    public func digest(_ raw: [RawDocument], budget: SummaryBudget) -> Outcome {
        let (articles, skipped) = articles(from: raw)
        return Outcome(digest: digest(articles: articles, budget: budget), skipped: skipped)
    }

    /// One digest for clean articles.
    public func digest(articles: [Article], budget: SummaryBudget) -> Digest {
        let summary = summarizer.summarize(articles.map(\.text), budget: budget, dates: articles.map(\.date))
        return Digest(articles: articles, summary: summary)
    }

    /// Summary of one cluster for batch runs: sentence `document` indices refer to the cluster's own
    /// `documents` array, including entries that gave no article (they are simply never cited).
    /// Pass one `analyzer` to every call of a run to keep its caches warm.
    public func summarize(cluster: Cluster, budget: SummaryBudget, analyzer: TextAnalyzer? = nil) -> (sentences: [Digest.CitedSentence], skipped: [SkippedInput]) {
        var texts: [String] = []
        var dates: [String?] = []
        var skipped: [SkippedInput] = []
        for document in cluster.documents {
            switch extractor.extract(document) {
            case .success(let article):
                texts.append(article.text)
                dates.append(article.date)
            case .failure(let failure):
                texts.append("")
                dates.append(nil)
                skipped.append(SkippedInput(origin: failure.origin, reason: failure.reason))
            }
        }
        let summary = summarizer.summarize(texts, budget: budget, analyzer: analyzer, dates: dates)
        let sentences = summary.map {
            Digest.CitedSentence(text: $0.text, document: $0.document, start: $0.span.start, end: $0.span.end)
        }
        return (sentences, skipped)
    }
}
