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
        var table = ConceptTable()
        var candidates = collectCandidates(analyzed, strict: true, table: &table)
        if candidates.isEmpty { candidates = collectCandidates(analyzed, strict: false, table: &table) }
        guard !candidates.isEmpty else { return [] }
        let weights = conceptWeights(candidates, documentCount: analyzed.count, conceptCount: table.count)
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
        /// Concept ids, sorted and unique, so sums over them run in a fixed order.
        var concepts: [Int]
        var stems: Set<String>
        /// Lead prior times any penalty (dangling openers).
        var prior: Double
    }

    /// Gives each concept (a stem, or two stems in a row) an integer id in order of first appearance.
    struct ConceptTable {
        private var ids: [String: Int] = [:]
        var count: Int { ids.count }

        mutating func concepts(_ stems: [String]) -> [Int] {
            var out: [Int] = []
            out.reserveCapacity(stems.count * 2)
            for stem in stems { out.append(id(stem)) }
            if stems.count > 1 {
                for k in 0..<(stems.count - 1) { out.append(id(stems[k] + " " + stems[k + 1]) | Self.bigramFlag) }
            }
            return Array(Set(out)).sorted()
        }

        private mutating func id(_ key: String) -> Int {
            if let existing = ids[key] { return existing }
            let new = ids.count << 1
            ids[key] = new
            return new
        }

        /// Bigram ids are odd, unigram ids even; `index` maps both to a dense weight-array slot.
        static let bigramFlag = 1
        static func isBigram(_ id: Int) -> Bool { id & 1 == 1 }
        static func index(_ id: Int) -> Int { id >> 1 }
    }

    func collectCandidates(_ documents: [AnalyzedDocument], strict: Bool, table: inout ConceptTable) -> [Candidate] {
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
                    concepts: table.concepts(sentence.contentStems),
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

    // MARK: - Weights

    /// Concept weight, by concept id: how many documents carry it, with a bonus for appearing in a
    /// document's lead.
    func conceptWeights(_ candidates: [Candidate], documentCount: Int, conceptCount: Int) -> [Double] {
        let size = conceptCount * 2 + 2
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
                support = df[concept] >= 2 ? Double(df[concept]) : (tf[concept] >= 2 ? 0.5 : 0.0)
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

        while sentencesLeft > 0 {
            var best: Int? = nil
            var bestScore = -1.0
            for (k, c) in candidates.enumerated() where !used[k] && c.words <= wordsLeft {
                if chosen.contains(where: { Self.overlap(c.stems, $0.stems) > options.maxOverlap }) {
                    used[k] = true
                    continue
                }
                var gain = 0.0
                for concept in c.concepts where !covered[concept] { gain += weights[concept] }
                let score = gain * c.prior / pow(Double(max(c.words, 1)), options.lengthExponent)
                // Ties go to the earlier candidate (document, then position): strict comparison.
                if score > bestScore {
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
        return chosen
    }

    /// Share of the smaller set's stems that the other also has.
    static func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let common = a.intersection(b).count
        return Double(common) / Double(min(a.count, b.count))
    }
}
