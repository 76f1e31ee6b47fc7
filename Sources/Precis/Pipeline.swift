import PrecisExtract
import PrecisFacts
import PrecisIngest
import PrecisStories
import PrecisSummarize
import PrecisText

/// Runs the stages in order: extract each raw document into an article, then summarise.
public struct Pipeline: Sendable {
    public var extractor = ArticleExtractor()
    public var summarizer = Summarizer()
    public var storyOptions = StoryOptions()

    public init() {}

    /// The outcome of turning raw documents into a digest.
    public struct Outcome: Sendable {
        public var digest: Digest
        /// Inputs that gave no article, with the reason.
        public var skipped: [SkippedInput]
    }

    /// Clean articles from raw documents; those with no article text are reported, not dropped silently.
    public func articles(from raw: [RawDocument]) -> (articles: [Article], skipped: [SkippedInput]) {
        let (articles, _, skipped) = extracted(raw)
        return (articles, skipped)
    }

    /// `articles(from:)`, with the index in `raw` of each article's document.
    func extracted(_ raw: [RawDocument]) -> (articles: [Article], index: [Int], skipped: [SkippedInput]) {
        var articles: [Article] = []
        var index: [Int] = []
        var skipped: [SkippedInput] = []
        for (k, document) in raw.enumerated() {
            switch extractor.extract(document) {
            case .success(let article):
                articles.append(article)
                index.append(k)
            case .failure(let failure): skipped.append(SkippedInput(origin: failure.origin, reason: failure.reason))
            }
        }
        // Several pages of one site: what they all repeat is the site's template.
        return (SiteTemplate.removeRepeatedLines(articles), index, skipped)
    }

    /// One digest for all `raw` documents. What is not an article (a notice, a login wall: fewer
    /// words than `StoryOptions.minimumWords`, as story clustering reads it) is skipped with the
    /// reason while at least one article is left, so it is not listed as a source.
    public func digest(_ raw: [RawDocument], budget: SummaryBudget) -> Outcome {
        let (digest, _, skipped) = digest(raw, budget: budget, analyzer: TextAnalyzer())
        return Outcome(digest: digest, skipped: skipped)
    }

    /// `digest(_:budget:)`, with `order` giving for each of the digest's documents the index in
    /// `raw` of the document it came from.
    func digest(_ raw: [RawDocument], budget: SummaryBudget, analyzer: TextAnalyzer, facts: Bool = true) -> (
        digest: Digest, order: [Int], skipped: [SkippedInput]
    ) {
        var (articles, index, skipped) = extracted(raw)
        var analyzed = articles.map { analyzer.analyze($0.text) }
        let reasons = analyzed.map { storyOptions.notAnArticle(words: $0.sentences.reduce(0) { $0 + $1.tokenCount }) }
        if reasons.contains(where: { $0 == nil }) {
            for (a, reason) in zip(articles, reasons) { if let reason { skipped.append(SkippedInput(origin: a.origin, reason: reason)) } }
            let kept = reasons.indices.filter { reasons[$0] == nil }
            articles = kept.map { articles[$0] }
            analyzed = kept.map { analyzed[$0] }
            index = kept.map { index[$0] }
        }
        let (digest, order) = inTime(articles: articles, budget: budget, analyzer: analyzer, analyzed: analyzed, facts: facts)
        return (digest, order.map { index[$0] }, skipped)
    }

    /// One digest for clean articles.
    public func digest(articles: [Article], budget: SummaryBudget) -> Digest {
        digest(articles: articles, budget: budget, analyzer: TextAnalyzer())
    }

    /// One digest: each article is analysed once, for the summary, the repeated sentences and the facts.
    ///
    /// Sources are numbered in date order (known or inferred dates; undated ones last, in input
    /// order), so the summary, the timeline and the source list tell the story in time.
    /// `analyzed`, when given, holds each article's analysis by `analyzer`, so it is not done again.
    func digest(articles: [Article], budget: SummaryBudget, analyzer: TextAnalyzer, analyzed: [AnalyzedDocument]? = nil) -> Digest {
        inTime(articles: articles, budget: budget, analyzer: analyzer, analyzed: analyzed).digest
    }

    /// The digest, and for each of its documents the index in `articles` of its article.
    /// `facts: false` leaves out what the summary does not need (quotes, quantities, disagreements,
    /// names): `digest.facts` then holds the times and the timeline alone.
    func inTime(
        articles: [Article], budget: SummaryBudget, analyzer: TextAnalyzer, analyzed: [AnalyzedDocument]? = nil, facts readAll: Bool = true
    ) -> (digest: Digest, order: [Int]) {
        var articles = articles
        var analyzed = analyzed ?? articles.map { analyzer.analyze($0.text) }
        func times() -> StoryFacts {
            StoryFacts.readTimes(texts: articles.map(\.text), dates: articles.map(\.date), captions: Self.captions(articles), analyzed: analyzed)
        }
        var facts = times()
        let effective = facts.effectiveDates(articles.map(\.date)).map { $0.map { String($0.prefix(10)) } }
        let order = articles.indices.sorted { (effective[$0] ?? "9999", $0) < (effective[$1] ?? "9999", $1) }
        if order != Array(articles.indices) {
            articles = order.map { articles[$0] }
            analyzed = order.map { analyzed[$0] }
            facts = times()
        }
        if readAll { facts.readStatements(texts: articles.map(\.text), dates: articles.map(\.date)) }
        let titles = articles.map { a in Set(a.title.map { analyzer.analyze($0).sentences.flatMap(\.contentStems) } ?? []) }
        let dates = facts.effectiveDates(articles.map(\.date))
        let summary = summarizer.summarize(
            analyzed: analyzed, budget: budget, dates: dates, superseded: Self.starts(facts.superseded), titles: titles,
            background: Self.starts(facts.background(dates: dates)), announcing: Self.starts(facts.timeline.flatMap(\.announced)),
            latest: Self.latest(articles.map(\.date), effective: dates))
        var digest = Digest(articles: articles, summary: summary)
        for d in digest.documents.indices where d < facts.dating.count { digest.documents[d].dateInferred = facts.dating[d] }
        digest.findRepeats(analyzed: analyzed)
        Self.tellReadably(&facts.timeline, texts: analyzed.map(\.text))
        digest.facts = facts
        if readAll { digest.nameQuotationSpeakers() }
        return (digest, order)
    }

    /// The start offsets of sentences, by document: how the summarizer is told which sentences a
    /// fact marks (superseded, background, announcing).
    static func starts(_ spans: [SourceSpan]) -> [Int: Set<Int>] {
        var out: [Int: Set<Int>] = [:]
        for span in spans { out[span.document, default: []].insert(span.start) }
        return out
    }

    /// The sources that tell the story as it stands: those of the latest publication date known,
    /// when no source is placed after it (an inferred date that lies wholly later); none when no
    /// date is known or all sources share one.
    static func latest(_ known: [String?], effective: [String?]) -> Set<Int> {
        let days = known.map { $0.map { String($0.prefix(10)) } }
        guard let last = days.compactMap({ $0 }).max(), Set(days.compactMap { $0 }).count > 1 || days.contains(nil),
            !effective.contains(where: { ($0.map { String($0.prefix(10)) } ?? "") > last })
        else { return [] }
        return Set(days.indices.filter { days[$0] == last })
    }

    /// The facts of the story the articles tell: time expressions (resolved against each article's
    /// publication date), timeline, quotes with speakers, quantities, and disagreements.
    public func facts(articles: [Article], analyzer: TextAnalyzer = TextAnalyzer()) -> StoryFacts {
        var facts = StoryFacts.read(texts: articles.map(\.text), dates: articles.map(\.date), captions: Self.captions(articles), analyzer: analyzer)
        Self.tellReadably(&facts.timeline, texts: articles.map { ScalarText($0.text) })
        return facts
    }

    /// An event several sources tell is shown in the words of the first of them whose sentence reads
    /// without the one before it ("But nothing could stop the bullet that tore through his kitchen
    /// window Friday night" in an editorial, "A sniper killed the doctor in his kitchen on Friday
    /// night" in a report): that source is cited first, as the one the entry quotes.
    static func tellReadably(_ timeline: inout [TimelineEntry], texts: [ScalarText]) {
        func sentence(_ s: SourceSpan) -> String? {
            guard s.document < texts.count, 0 <= s.start, s.start <= s.end, s.end <= texts[s.document].count else { return nil }
            return texts[s.document][TextSpan(start: s.start, end: s.end)]
        }
        for k in timeline.indices where timeline[k].sources.count > 1 && SentenceReading(timeline[k].text).needsTheSentenceBefore {
            guard
                let j = timeline[k].sources.indices.dropFirst().first(where: { j in
                    sentence(timeline[k].sources[j]).map { !SentenceReading($0).needsTheSentenceBefore } ?? false
                }), let text = sentence(timeline[k].sources[j])
            else { continue }
            timeline[k].sources.insert(timeline[k].sources.remove(at: j), at: 0)
            timeline[k].text = text
        }
    }

    /// The photo captions cleaning removed from each article: a full date one names helps date it.
    static func captions(_ articles: [Article]) -> [[String]] {
        articles.map { $0.removed.filter { $0.reason == .caption }.map(\.text) }
    }

    /// Summary of one cluster for batch runs, the same as the cluster's digest tells
    /// (`digest(_:budget:)`): sentence `document` indices refer to the cluster's own `documents`
    /// array, including entries that gave no article (they are simply never cited). Pass one
    /// `analyzer` to every call of a run to keep its caches warm.
    public func summarize(cluster: Cluster, budget: SummaryBudget, analyzer: TextAnalyzer? = nil) -> (
        sentences: [Digest.CitedSentence], skipped: [SkippedInput]
    ) {
        let (digest, order, skipped) = digest(cluster.documents, budget: budget, analyzer: analyzer ?? TextAnalyzer(), facts: false)
        let sentences = digest.sentences.map { s in
            var s = s
            s.document = order[s.document]
            s.also = s.also.map { Digest.Passage(document: order[$0.document], start: $0.start, end: $0.end) }
            return s
        }
        return (sentences, skipped)
    }

    /// What story clustering reads of an article.
    public func storyDocument(_ article: Article) -> StoryDocument {
        StoryDocument(text: article.text, title: article.title, date: article.date)
    }

    /// Groups articles into stories and writes a digest for each: its summary over the story's
    /// sources, with near-copies folded in (listed, not summarised). Stories come biggest first, then
    /// newest, then in input order; articles that are not articles (notices, stubs) are returned apart
    /// with the reason. `progress` is told how many stories are done out of how many.
    public func storyDigests(
        articles: [Article], budget: SummaryBudget,
        progress: ((Int, Int) -> Void)? = nil
    ) -> (stories: [StoryDigest], skipped: [SkippedInput]) {
        let batch = StoryBatch(options: storyOptions)
        for article in articles { batch.append(storyDocument(article)) }
        let assignments = batch.cluster()
        var members: [Int: [Int]] = [:]
        var skipped: [SkippedInput] = []
        for (k, a) in assignments.enumerated() {
            if let story = a.story {
                members[story, default: []].append(k)
            } else {
                skipped.append(SkippedInput(origin: articles[k].origin, reason: a.skipReason ?? "not an article"))
            }
        }
        let analyzer = TextAnalyzer()
        var stories: [StoryDigest] = []
        for story in members.keys.sorted() {
            let indices = members[story]!
            let originals = indices.filter { assignments[$0].duplicateOf == nil }
            let position = Dictionary(uniqueKeysWithValues: originals.enumerated().map { ($0.element, $0.offset) })
            let sources = originals.map { articles[$0] }
            var digest = digest(articles: sources, budget: budget, analyzer: analyzer)
            digest.copies = indices.compactMap { k in
                guard let original = assignments[k].duplicateOf, let of = position[original] else { return nil }
                return Digest.Copy(document: Digest.Document(articles[k]), of: of)
            }
            stories.append(StoryDigest(story: story, digest: digest))
            progress?(stories.count, members.count)
        }
        stories.sort { a, b in
            if a.articleCount != b.articleCount { return a.articleCount > b.articleCount }
            let da = a.latestDate ?? "", db = b.latestDate ?? ""
            if da != db { return da > db }
            return a.story < b.story
        }
        return (stories, skipped)
    }
}
