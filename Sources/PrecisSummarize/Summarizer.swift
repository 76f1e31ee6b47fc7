import Foundation
import PrecisText

/// Extractive multi-document summarizer.
///
/// Each sentence is seen as a set of *concepts*: stemmed content-word bigrams and unigrams. A concept
/// weighs more the more documents carry it (what several sources agree on) and the earlier it comes in
/// them (news leads). Sentences are chosen greedily by the weight of the concepts they add per word,
/// times a lead-position prior, so a second sentence saying the same thing adds nothing; near-copies are
/// refused outright. The chosen sentences are then put in source order. The same input always gives the
/// same summary.
public struct Summarizer: Sendable {
    public struct Options: Sendable {
        /// Sentences shorter than this many words are not chosen (unless nothing else qualifies).
        /// 5 rather than 6, chosen on half A of the Multi-News dev set and held on half B, at 250
        /// words (F1) and at 100 (recall) alike (docs/benchmarks.md).
        public var minSentenceWords = 5
        /// Sentences longer than this are not chosen (unless nothing else qualifies).
        public var maxSentenceWords = 60
        // Defaults chosen on the Multi-News dev set from a plateau of a grid search (README,
        // "Benchmarks"): a strong lead prior and per-word gain; neighbouring values score within 0.2.
        /// Weight of a unigram concept relative to a bigram.
        public var unigramWeight = 0.2
        /// How strongly early sentences are preferred: prior = 1 + leadBoost / (1 + index / leadScale).
        public var leadBoost = 8.0
        public var leadScale = 4.0
        /// Gain is divided by length^lengthExponent (1 = per word, 0 = ignore length).
        public var lengthExponent = 1.0
        /// A candidate sharing more than this share of its content stems with a chosen sentence is refused.
        public var maxOverlap = 0.6
        /// How much more a sentence of the story's latest source weighs than one of its earliest, when
        /// sources are dated, scaled by the share of it no earlier source told: what later sources
        /// add comes before the background they repeat.
        public var recencyBoost = 1.0
        /// How much more a concept weighs when the story's latest source is the first to carry it
        /// than when its earliest does (dated sources only).
        public var noveltyBoost = 1.0
        /// Support of a concept only one source carries, for the story's latest source (scaled by
        /// each source's place in time, so nothing for the earliest; dated sources only). Undated, a
        /// concept one source alone says once is not shared and weighs nothing; dated, what only the
        /// latest source reports is most often what happened since the others were written.
        public var addedSupport = 1.0
        /// A sentence whose content stems are at least this share its source's title's (and at least
        /// three of them) merely restates the headline (a standfirst): not chosen while another
        /// sentence qualifies.
        public var restatesTitle = 0.75
        /// A text's first sentence, alone in its paragraph, whose content stems are at least this share
        /// the next sentence's (at least three of them, and the next has twice as many: it says all
        /// the first says and as much again) is a standfirst that the lead tells again: not chosen
        /// while another sentence qualifies.
        public var restatesLead = 0.6
        /// What a sentence that tells background (an event from well before its source was written:
        /// `background` in `summarize`) weighs against one that tells the story's news. Small, so
        /// the story's developments are covered before its background is repeated: background comes
        /// in once news sentences add little or no longer fit (a lead-position sentence that all
        /// sources share still outweighs a later one at half weight).
        public var backgroundWeight = 0.05
        /// The lead of a dated summary is the chosen sentence whose concepts weigh most divided by
        /// its length to this power. 0, the sum alone, let a later source's long sentence (a
        /// commentator's view wrapped round the story's words) lead over the one that tells the
        /// event; 0.75 and 1 put short asides and captions first. 0.5 from the curve on both
        /// Multi-News dev halves (docs/benchmarks.md, "Leads").
        public var leadLengthExponent = 0.5

        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Summarises `documents` (clean texts) within `budget`. Pass the same `analyzer` to many calls
    /// (a batch run) to keep its caches warm; the result does not depend on it.
    ///
    /// `dates` (ISO 8601, one per document, nil when unknown) order the summary: when every cited
    /// source has a date, the summary leads with the story as it stands: of the `latest` sources'
    /// chosen sentences, the most central (carrying, per word, most of what the sources share) for
    /// what it adds (times the share no earlier source told); of all when theirs only tell what is
    /// to come; then it goes in date order, then by source and
    /// position; otherwise it leads with the most central of the chosen sentences that open their
    /// article (a news lead), then goes by source and position. Either way it does not open on a sentence that
    /// needs the one before it (`SentenceReading.needsTheSentenceBefore`) while another reads alone. With dates, sentences of later sources weigh more
    /// (`recencyBoost`). `superseded` holds, per document, the start offsets of sentences a later
    /// report has overtaken (a preview of an event since reported): they are chosen only when
    /// nothing else is left. `background` holds, per document, the start offsets of sentences that
    /// tell an event from well before their source was written: they weigh `backgroundWeight`.
    public func summarize(
        _ documents: [String], budget: SummaryBudget, analyzer: TextAnalyzer? = nil,
        dates: [String?]? = nil, superseded: [Int: Set<Int>] = [:]
    ) -> [SummarySentence] {
        let analyzer = analyzer ?? TextAnalyzer()
        let analyzed = documents.map { analyzer.analyze($0) }
        return summarize(analyzed: analyzed, budget: budget, dates: dates, superseded: superseded)
    }

    /// Summarises documents already analysed with `TextAnalyzer`.
    ///
    /// `titles` holds, per document, the content stems of its title (analysed with the same
    /// analyzer): a sentence that only restates it is left out while others qualify. `announcing`
    /// holds, per document, the start offsets of sentences that announce an event to come ("is
    /// expected to meet on Monday"): they may be chosen but do not lead a dated summary as the
    /// latest sources' news. `latest` holds the sources known to be the latest (by publication date): a
    /// dated summary leads with what they tell.
    public func summarize(
        analyzed: [AnalyzedDocument], budget: SummaryBudget, dates: [String?]? = nil,
        superseded: [Int: Set<Int>] = [:], titles: [Set<Int>] = [], background: [Int: Set<Int>] = [:],
        announcing: [Int: Set<Int>] = [:], latest: Set<Int> = []
    ) -> [SummarySentence] {
        let vocabulary = analyzed.lazy.flatMap { $0.sentences }.flatMap { $0.contentStems }.max().map { $0 + 1 } ?? 0
        var table = ConceptTable(vocabularySize: vocabulary)
        var candidates = collectCandidates(analyzed, strict: true, titles: titles, table: &table)
        if !candidates.contains(where: { !$0.reserve }) { candidates = collectCandidates(analyzed, strict: false, titles: titles, table: &table) }
        guard !candidates.isEmpty else { return [] }
        let recency = Self.recency(dates, count: analyzed.count)
        // What the sources share is weighed on the sentences that read on their own.
        var weights = conceptWeights(
            candidates.filter { !$0.reserve }, documentCount: analyzed.count, conceptCount: table.count, recency: recency)
        // What later sources add: a concept weighs more the later the first source that carries it,
        // so the story's developments come before its background is told again.
        var firstTold = [Double](repeating: 0, count: weights.count)
        if recency.contains(where: { $0 > 0 }) {
            firstTold = [Double](repeating: 1, count: weights.count)
            for c in candidates where !c.reserve { for concept in c.concepts { firstTold[concept] = min(firstTold[concept], recency[c.document]) } }
            for k in weights.indices { weights[k] *= 1 + options.noveltyBoost * firstTold[k] }
        }
        // A preview a later report has overtaken tells readers what is no longer so ("will vote on
        // Tuesday" once the vote is reported): not chosen, unless nothing else is left to tell. It
        // still counted as a source of what it shares with the others.
        func isSuperseded(_ c: Candidate) -> Bool { superseded[c.document]?.contains(c.sentence.span.start) == true }
        if candidates.contains(where: { !isSuperseded($0) }) { candidates.removeAll(where: isSuperseded) }
        for k in candidates.indices {
            let c = candidates[k]
            // A later source's sentence weighs more by the share of it that no earlier source told:
            // what it adds, not the background it repeats.
            let prior = c.prior * (1 + options.recencyBoost * recency[c.document] * added(c, weights: weights, firstTold: firstTold, recency: recency))
            let told = background[c.document]?.contains(c.sentence.span.start) == true ? options.backgroundWeight : 1
            candidates[k].factor = told * prior / pow(Double(max(c.words, 1)), options.lengthExponent)
        }
        let chosen = select(candidates, weights: weights, budget: budget)
        let cited = Set(chosen.map(\.document))
        let dated = dates.map { d in cited.allSatisfy { $0 < d.count && d[$0] != nil } } ?? false
        let ordered =
            chosen
            .sorted { a, b in
                if dated, let dates, let da = dates[a.document], let db = dates[b.document], da != db { return da < db }
                return (a.document, a.sentence.index) < (b.document, b.sentence.index)
            }
        // The lead: the chosen sentence that carries the most of what the sources share, per word
        // (`leadLengthExponent`; the story's main event), not a preview a later report overtook.
        // A summary does not open on a sentence that needs the one before it ("But ...", "It
        // happened ...") while a chosen one reads alone. (Leaving such sentences out altogether cost
        // 0.6-1.3 ROUGE points on the Multi-News dev halves: they often carry the news.)
        // Undated, the lead is the most central chosen sentence that opens its article: among all
        // chosen, a short quotation or an aside from deep in an article would often win.
        func centrality(_ c: Candidate) -> Double {
            isSuperseded(c) ? 0 : c.concepts.reduce(0) { $0 + weights[$1] } / pow(Double(max(c.words, 1)), options.leadLengthExponent)
        }
        let leads = chosen.enumerated().filter { $0.element.readsAlone }
        // The most central of `list`, its centrality times `weighing` (ties to the earlier).
        func central(_ list: [(offset: Int, element: Candidate)], weighing: (Candidate) -> Double = { _ in 1 }) -> Candidate? {
            func score(_ e: (offset: Int, element: Candidate)) -> (Double, Int) { (centrality(e.element) * weighing(e.element), -e.offset) }
            return list.max(by: { score($0) < score($1) })?.element
        }
        let openings = leads.filter { $0.element.sentence.index == 0 }
        // Dated, the lead tells the story as it stands: the chosen sentence of the latest sources
        // (`latest`) that announces nothing to come (a preview is no state) and is most central for
        // what it adds; when they have none, the most central of the others that announce nothing.
        let settled = leads.filter {
            !isSuperseded($0.element) && announcing[$0.element.document]?.contains($0.element.sentence.span.start) != true
        }
        let now = settled.filter { latest.contains($0.element.document) }
        let others = !latest.isEmpty && !settled.isEmpty ? settled : leads.isEmpty ? Array(chosen.enumerated()) : leads
        // Among the latest sources' sentences, what they add, not the background they repeat: the
        // most central by the share of its weight no earlier source told.
        let newest = central(now, weighing: { added($0, weights: weights, firstTold: firstTold, recency: recency) })
        let first =
            dated
            ? (newest ?? central(others))
            : (central(openings) ?? ordered.first(where: \.readsAlone))
        let lead = first.map { first in
            [first] + ordered.filter { $0.document != first.document || $0.sentence.index != first.sentence.index }
        }
        return (lead ?? ordered)
            .map { c in
                SummarySentence(
                    document: c.document, span: c.span, text: analyzed[c.document].text[c.span], words: c.words,
                    startsInQuotation: c.inQuotation.atStart, endsInQuotation: c.inQuotation.atEnd)
            }
    }

    // MARK: - Candidates

    struct Candidate {
        var document: Int
        var sentence: AnalyzedSentence
        /// What the summary would show: the sentence less any leading dateline.
        var span: TextSpan
        var words: Int
        /// Concept ids, sorted and unique, so sums over them run in a fixed order.
        var concepts: [Int]
        /// Unigram concept ids (the distinct content stems), sorted, for the overlap test.
        var unigrams: [Int]
        /// Lead prior times any penalty (dangling openers).
        var prior: Double
        /// What a unit of gain is worth for this sentence: prior / words^lengthExponent.
        var factor: Double = 0
        /// Whether a quotation of several sentences is open where the sentence starts and where it ends.
        var inQuotation = (atStart: false, atEnd: false)
        /// Whether it can lead: it reads without the sentence before it
        /// (`SentenceReading.needsTheSentenceBefore`), tells no mere condition (`opensOnCondition`) and
        /// is no one's own words (`opensInFirstPerson`).
        var readsAlone = true
        /// Whether it is a sentence cut off ("..., signaling a compromise..."): chosen only once no
        /// whole sentence fits the budget, it weighs nothing in what the sources share and never leads.
        var reserve = false
    }

    /// Gives each concept (a stem, or two stems in a row) an integer id in order of first appearance.
    /// Unigram ids are even, bigram ids odd; ids stay below `2 * count`.
    struct ConceptTable {
        /// Concept id of each vocabulary stem id (-1: not seen), an array since stem ids are dense.
        private var unigrams: [Int]
        private var pairs: [Int: Int] = [:]
        private(set) var count = 0

        init(vocabularySize: Int) {
            unigrams = [Int](repeating: -1, count: vocabularySize)
        }

        /// Concept ids of a sentence's content stems (vocabulary ids), sorted and unique.
        mutating func concepts(_ stems: [Int]) -> [Int] {
            var out: [Int] = []
            out.reserveCapacity(stems.count * 2)
            for stem in stems {
                if stem >= unigrams.count { unigrams += [Int](repeating: -1, count: stem - unigrams.count + 1) }
                let known = unigrams[stem]
                if known >= 0 {
                    out.append(known)
                } else {
                    let id = count << 1
                    count += 1
                    unigrams[stem] = id
                    out.append(id)
                }
            }
            if stems.count > 1 {
                for k in 0..<(stems.count - 1) {
                    let key = stems[k] << 32 | stems[k + 1]
                    if let id = pairs[key] {
                        out.append(id)
                    } else {
                        let id = count << 1 | 1
                        count += 1
                        pairs[key] = id
                        out.append(id)
                    }
                }
            }
            out.sort()
            var unique: [Int] = []
            unique.reserveCapacity(out.count)
            for id in out where unique.last != id { unique.append(id) }
            return unique
        }

        static func isBigram(_ id: Int) -> Bool { id & 1 == 1 }
    }

    func collectCandidates(_ documents: [AnalyzedDocument], strict: Bool, titles: [Set<Int>] = [], table: inout ConceptTable) -> [Candidate] {
        var out: [Candidate] = []
        for (d, doc) in documents.enumerated() {
            var proseIndex = 0
            let quoted = Quotations.openAround(doc.sentences.map(\.span), in: doc.text)
            for (i, sentence) in doc.sentences.enumerated() {
                let span = Datelines.trim(sentence.span, in: doc.text)
                let words = doc.text.wordCount(span)
                if strict {
                    guard sentence.endsWithMark,
                        words >= options.minSentenceWords, words <= options.maxSentenceWords,
                        !sentence.contentStems.isEmpty,
                        let first = doc.text.scalars[sentence.span.start..<sentence.span.end].first(where: CharClass.isAlphanumeric),
                        !CharClass.isLower(first)
                    else { continue }
                } else {
                    guard !sentence.contentStems.isEmpty else { continue }
                }
                // A question, a quotation that names no speaker, a caption, a title left in the text,
                // a telephone number or a web address for readers does not read on its own: left out
                // while any other sentence qualifies.
                let reading = SentenceReading(doc.text[span], inQuotation: quoted[i])
                let aside = reading.isCaption || reading.isHeadline || reading.givesPhoneNumber || reading.holdsWebAddress
                let unattributed = reading.isUnattributedQuotation || reading.isQuotationOfAPronoun
                if strict && (reading.isQuestion || unattributed || aside) {
                    proseIndex += 1
                    continue
                }
                // A sentence cut off ("..., signaling a compromise...") still tells what its source
                // says: kept in reserve, for a summary the whole sentences cannot fill.
                let reserve = strict && reading.isCutOff
                if strict, d < titles.count, restates(sentence.contentStems, title: titles[d]) { proseIndex += 1; continue }
                if strict, i == 0, isStandfirstOfLead(doc) { proseIndex += 1; continue }
                let prior = (1 + options.leadBoost / (1 + Double(proseIndex) / options.leadScale)) * openerPenalty(sentence)
                proseIndex += 1
                let concepts = table.concepts(sentence.contentStems)
                out.append(
                    Candidate(
                        document: d, sentence: sentence, span: span, words: words,
                        concepts: concepts, unigrams: concepts.filter { !ConceptTable.isBigram($0) }, prior: prior,
                        inQuotation: quoted[i],
                        readsAlone: !reserve && !reading.needsTheSentenceBefore && !reading.opensWithoutReport, reserve: reserve))
            }
        }
        return out
    }

    /// The share of a candidate's concept weight that no source dated before its own carries: 1
    /// when all it says is new at its date, 0 when an earlier source told it all.
    func added(_ c: Candidate, weights: [Double], firstTold: [Double], recency: [Double]) -> Double {
        var all = 0.0, new = 0.0
        for concept in c.concepts {
            all += weights[concept]
            if firstTold[concept] >= recency[c.document] { new += weights[concept] }
        }
        return all > 0 ? new / all : 0
    }

    /// Whether a sentence says little beyond its source's title: a standfirst under the headline.
    func restates(_ stems: [Int], title: Set<Int>) -> Bool {
        let own = Set(stems)
        guard own.count >= 3, !title.isEmpty else { return false }
        return Double(own.intersection(title).count) >= options.restatesTitle * Double(own.count)
    }

    /// Whether a text opens with a standfirst its lead tells again: a first sentence alone in its
    /// paragraph, most of whose content stems the next sentence carries, saying twice as much ("The council has
    /// criticised the port's accounts." above "The town council voted on Monday to audit the
    /// port's accounts for ...").
    func isStandfirstOfLead(_ doc: AnalyzedDocument) -> Bool {
        guard doc.sentences.count > 1 else { return false }
        let (first, next) = (doc.sentences[0], doc.sentences[1])
        guard next.paragraph != first.paragraph else { return false }
        let own = Set(first.contentStems), lead = Set(next.contentStems)
        guard own.count >= 3, lead.count >= 2 * own.count else { return false }
        return Double(own.intersection(lead).count) >= options.restatesLead * Double(own.count)
    }

    /// Sentences that open with a pronoun or a linking word read badly out of context.
    func openerPenalty(_ sentence: AnalyzedSentence) -> Double {
        guard let first = sentence.firstWord else { return 1 }
        return Self.danglingOpeners.contains(first) ? 0.75 : 1
    }

    /// Pronouns and linking words that make a sentence need the one before it, and words that may
    /// (`back` and `weak` lines of openers.txt).
    public static let danglingOpeners: Set<String> = Set(SentenceReading.openerEntries.filter { ["back", "weak"].contains($0.kind) }.map(\.value))

    /// Each document's place in time, 0 for the earliest date to 1 for the latest; 0 for all when
    /// fewer than two dates are known.
    static func recency(_ dates: [String?]?, count: Int) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        guard let dates else { return out }
        let days = Array(Set(dates.compactMap { $0.map { String($0.prefix(10)) } })).sorted()
        guard days.count >= 2 else { return out }
        for d in 0..<min(count, dates.count) {
            if let day = dates[d].map({ String($0.prefix(10)) }), let k = days.firstIndex(of: day) {
                out[d] = Double(k) / Double(days.count - 1)
            }
        }
        return out
    }

    // MARK: - Weights

    /// Concept weight, by concept id: how many documents carry it, with a bonus for appearing in a
    /// document's lead. `recency` (`recency(_:count:)`) gives a concept one later source alone
    /// carries some support (`addedSupport`).
    func conceptWeights(_ candidates: [Candidate], documentCount: Int, conceptCount: Int, recency: [Double] = []) -> [Double] {
        let size = conceptCount * 2 + 2  // ids run below 2 * count
        var lastDocument = [Int](repeating: -1, count: size)
        var df = [Int](repeating: 0, count: size)
        var tf = [Int](repeating: 0, count: size)
        var inLead = [Int](repeating: 0, count: size)
        for c in candidates {
            for concept in c.concepts {
                if lastDocument[concept] != c.document {
                    lastDocument[concept] = c.document
                    df[concept] += 1
                }
                tf[concept] += 1
                if c.sentence.index < 3 { inLead[concept] += 1 }
            }
        }
        var weights = [Double](repeating: 0, count: size)
        for concept in 0..<size where tf[concept] > 0 {
            // With several documents, what one source alone says once is not a shared concept.
            let support: Double
            if documentCount > 1 {
                let added = recency.isEmpty ? 0 : options.addedSupport * recency[lastDocument[concept]]
                support = df[concept] >= 2 ? Double(df[concept]) : max(tf[concept] >= 2 ? 0.5 : 0.0, added)
            } else {
                support = tf[concept] >= 2 ? Double(tf[concept]) : 0.25
            }
            guard support > 0 else { continue }
            let lead = 1 + 0.5 * Double(min(inLead[concept], 3))
            weights[concept] = support * lead * (ConceptTable.isBigram(concept) ? 1 : options.unigramWeight)
        }
        return weights
    }

    // MARK: - Selection

    func select(_ candidates: [Candidate], weights: [Double], budget: SummaryBudget) -> [Candidate] {
        var covered = [Bool](repeating: false, count: weights.count)
        var chosen: [Candidate] = []
        var used = Array(repeating: false, count: candidates.count)
        var wordsLeft: Int
        var sentencesLeft: Int
        switch budget {
        case .words(let n): wordsLeft = max(0, n); sentencesLeft = Int.max
        case .sentences(let n): wordsLeft = Int.max; sentencesLeft = max(0, n)
        }

        // Lazy greedy: a candidate's gain can only shrink as concepts get covered, so its last score
        // is an upper bound. Each round walks candidates from the highest bound down, recomputing
        // true scores, and stops once no remaining bound can beat the best true score. Ties go to
        // the earlier candidate (document, then position), as in a plain greedy scan.
        var bound = candidates.map { c -> Double in
            var gain = 0.0
            for concept in c.concepts { gain += weights[concept] }
            return gain * c.factor
        }
        func pick(from order: inout [Int]) {
            while sentencesLeft > 0 {
                order.sort { bound[$0] != bound[$1] ? bound[$0] > bound[$1] : $0 < $1 }
                var best: Int? = nil
                var bestScore = -1.0
                for k in order where !used[k] {
                    if bound[k] < bestScore || (bound[k] == bestScore && k > best!) { break }
                    let c = candidates[k]
                    guard c.words <= wordsLeft else { continue }
                    if chosen.contains(where: { Self.overlap(c.unigrams, $0.unigrams) > options.maxOverlap }) {
                        used[k] = true
                        continue
                    }
                    var gain = 0.0
                    for concept in c.concepts where !covered[concept] { gain += weights[concept] }
                    let score = gain * c.factor
                    bound[k] = score
                    if score > bestScore || (score == bestScore && k < best!) {
                        bestScore = score
                        best = k
                    }
                }
                guard let pick = best else { break }
                used[pick] = true
                let c = candidates[pick]
                chosen.append(c)
                for concept in c.concepts { covered[concept] = true }
                if wordsLeft != Int.max { wordsLeft -= c.words }
                sentencesLeft -= 1
            }
        }
        // Sentences kept in reserve come only once no other fits.
        for reserve in [false, true] {
            var order = candidates.indices.filter { candidates[$0].reserve == reserve }
            pick(from: &order)
        }
        return chosen
    }

    /// Share of the smaller set's stems that the other also has; both sorted and unique.
    static func overlap(_ a: [Int], _ b: [Int]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return Double(common) / Double(min(a.count, b.count))
    }
}
