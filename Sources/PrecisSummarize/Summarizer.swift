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
        public var minSentenceWords = 6
        /// Sentences longer than this are not chosen (unless nothing else qualifies).
        public var maxSentenceWords = 60
        /// Weight of a unigram concept relative to a bigram.
        public var unigramWeight = 0.3
        /// How strongly early sentences are preferred: prior = 1 + leadBoost / (1 + index / leadScale).
        public var leadBoost = 1.0
        public var leadScale = 2.0
        /// Gain is divided by length^lengthExponent (1 = per word, 0 = ignore length).
        public var lengthExponent = 0.6
        /// A candidate sharing more than this share of its content stems with a chosen sentence is refused.
        public var maxOverlap = 0.6

        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Summarises `documents` (clean texts) within `budget`.
    public func summarize(_ documents: [String], budget: SummaryBudget) -> [SummarySentence] {
        let analyzer = TextAnalyzer()
        let analyzed = documents.map { analyzer.analyze($0) }
        return summarize(analyzed: analyzed, budget: budget)
    }

    /// Summarises documents already analysed with `TextAnalyzer`.
    public func summarize(analyzed: [AnalyzedDocument], budget: SummaryBudget) -> [SummarySentence] {
        var candidates = collectCandidates(analyzed, strict: true)
        if candidates.isEmpty { candidates = collectCandidates(analyzed, strict: false) }
        guard !candidates.isEmpty else { return [] }
        let weights = conceptWeights(candidates, documentCount: analyzed.count)
        let chosen = select(candidates, weights: weights, budget: budget)
        return chosen
            .sorted { ($0.document, $0.sentence.index) < ($1.document, $1.sentence.index) }
            .map { c in
                let text = analyzed[c.document].text[c.sentence.span]
                return SummarySentence(document: c.document, span: c.sentence.span, text: text, words: c.words)
            }
    }

    // MARK: - Candidates

    struct Candidate {
        var document: Int
        var sentence: AnalyzedSentence
        var words: Int
        var concepts: Set<String>
        var stems: Set<String>
        /// Lead prior times any penalty (dangling openers).
        var prior: Double
    }

    func collectCandidates(_ documents: [AnalyzedDocument], strict: Bool) -> [Candidate] {
        var out: [Candidate] = []
        for (d, doc) in documents.enumerated() {
            var proseIndex = 0
            for sentence in doc.sentences {
                let text = doc.text[sentence.span]
                let words = wordCount(text)
                if strict {
                    guard sentence.endsWithMark,
                          words >= options.minSentenceWords, words <= options.maxSentenceWords,
                          !sentence.contentStems.isEmpty,
                          let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }),
                          !first.properties.isLowercase else { continue }
                } else {
                    guard !sentence.contentStems.isEmpty else { continue }
                }
                let prior = (1 + options.leadBoost / (1 + Double(proseIndex) / options.leadScale)) * openerPenalty(sentence)
                proseIndex += 1
                out.append(Candidate(
                    document: d, sentence: sentence, words: words,
                    concepts: Self.concepts(sentence.contentStems),
                    stems: Set(sentence.contentStems), prior: prior))
            }
        }
        return out
    }

    /// Sentences that open with a pronoun or a linking word read badly out of context.
    func openerPenalty(_ sentence: AnalyzedSentence) -> Double {
        guard let first = sentence.tokens.first?.normalized else { return 1 }
        return Self.danglingOpeners.contains(first) ? 0.75 : 1
    }

    static let danglingOpeners: Set<String> = [
        "but", "and", "or", "so", "however", "he", "she", "it", "they", "his", "her", "its", "their", "this",
        "these", "those", "that", "also", "meanwhile", "still", "yet", "then", "there", "here", "him", "them",
    ]

    static func concepts(_ stems: [String]) -> Set<String> {
        var set = Set<String>()
        for stem in stems { set.insert(stem) }
        if stems.count > 1 {
            for k in 0..<(stems.count - 1) { set.insert(stems[k] + " " + stems[k + 1]) }
        }
        return set
    }

    // MARK: - Weights

    /// Concept weight: how many documents carry it, with a bonus for appearing in a document's lead.
    func conceptWeights(_ candidates: [Candidate], documentCount: Int) -> [String: Double] {
        var documentsWith: [String: Set<Int>] = [:]
        var frequency: [String: Int] = [:]
        var inLead: [String: Int] = [:]
        for c in candidates {
            for concept in c.concepts {
                documentsWith[concept, default: []].insert(c.document)
                frequency[concept, default: 0] += 1
                if c.sentence.index < 3 { inLead[concept, default: 0] += 1 }
            }
        }
        var weights: [String: Double] = [:]
        for (concept, docs) in documentsWith {
            let df = docs.count
            let tf = frequency[concept] ?? 0
            // With several documents, what one source alone says once is not a shared concept.
            let support: Double
            if documentCount > 1 {
                support = df >= 2 ? Double(df) : (tf >= 2 ? 0.5 : 0.0)
            } else {
                support = tf >= 2 ? Double(tf) : 0.25
            }
            guard support > 0 else { continue }
            let isBigram = concept.contains(" ")
            let lead = 1 + 0.5 * Double(min(inLead[concept] ?? 0, 3))
            weights[concept] = support * lead * (isBigram ? 1 : options.unigramWeight)
        }
        return weights
    }

    // MARK: - Selection

    func select(_ candidates: [Candidate], weights: [String: Double], budget: SummaryBudget) -> [Candidate] {
        var covered = Set<String>()
        var chosen: [Candidate] = []
        var used = Array(repeating: false, count: candidates.count)
        var wordsLeft: Int
        var sentencesLeft: Int
        switch budget {
        case .words(let n): wordsLeft = max(0, n); sentencesLeft = Int.max
        case .sentences(let n): wordsLeft = Int.max; sentencesLeft = max(0, n)
        }

        while sentencesLeft > 0 {
            var best: Int? = nil
            var bestScore = -1.0
            for (k, c) in candidates.enumerated() where !used[k] && c.words <= wordsLeft {
                if chosen.contains(where: { Self.overlap(c.stems, $0.stems) > options.maxOverlap }) {
                    used[k] = true
                    continue
                }
                var gain = 0.0
                for concept in c.concepts where !covered.contains(concept) { gain += weights[concept] ?? 0 }
                let score = gain * c.prior / pow(Double(max(c.words, 1)), options.lengthExponent)
                if score > bestScore {
                    bestScore = score
                    best = k
                }
            }
            guard let pick = best else { break }
            used[pick] = true
            let c = candidates[pick]
            chosen.append(c)
            covered.formUnion(c.concepts)
            if wordsLeft != Int.max { wordsLeft -= c.words }
            sentencesLeft -= 1
        }
        return chosen
    }

    /// Share of the smaller set's stems that the other also has.
    static func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let common = a.intersection(b).count
        return Double(common) / Double(min(a.count, b.count))
    }
}
