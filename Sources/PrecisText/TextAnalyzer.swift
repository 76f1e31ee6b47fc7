import Foundation

/// One sentence of a document with the words it is made of.
public struct AnalyzedSentence: Sendable {
    /// Where the sentence stands in its document's text.
    public var span: TextSpan
    /// Position among the document's sentences (0 = first).
    public var index: Int
    /// Paragraph number within the document (0 = first).
    public var paragraph: Int
    /// Number of word and number tokens (the tokens themselves are not kept: `Tokenizer` gives them
    /// again from the span when a stage needs them).
    public var tokenCount: Int
    /// The first token, lower-cased ("but", "he"), to judge how the sentence opens.
    public var firstWord: String?
    /// Stems of the content words (stop words left out), in order, as ids into the analyzer's
    /// vocabulary (`TextAnalyzer.stemText(_:)` gives the stem back).
    public var contentStems: [Int]
    /// The content stems of capitalised words inside the sentence (not its first word): mostly names
    /// of people, places and organisations. Filled only by an analyzer made with `recordsNames`.
    public var nameStems: [Int] = []
    /// Whether the sentence ends with a sentence mark (possibly followed by a closing quote),
    /// i.e. it is prose rather than a headline, caption or list item.
    public var endsWithMark: Bool

}

/// A document cut into sentences and words: the view of a text that scoring stages work on.
public struct AnalyzedDocument: Sendable {
    public let text: ScalarText
    public let sentences: [AnalyzedSentence]
}

/// Runs segmentation, tokenisation, stop-word removal and stemming over a text.
///
/// An analyzer keeps caches and a vocabulary of stems that grow as it reads, so reuse one across the
/// documents of a run (it is not `Sendable`: use one per thread).
public final class TextAnalyzer {
    public let language: LanguageData
    private let segmenter: SentenceSegmenter
    private let tokenizer = Tokenizer()
    private let stemmer: Stemmer?
    /// Words seen, with their stem ids, and the vocabulary of stems.
    private var cache = WordCache()

    /// The stem with this id.
    public func stemText(_ id: Int) -> String { cache.stems[id] }

    /// The id of a stem, given one now when it is new (as reading a word with that stem would).
    public func stemID(_ stem: String) -> Int { cache.stemID(stem) }

    /// Number of distinct stems seen so far; every id is below it.
    public var vocabularySize: Int { cache.stems.count }

    /// Every stem seen so far, by id: what a copy of this analyzer needs to give the same ids.
    public var vocabulary: [String] { cache.stems }

    /// Gives a fresh analyzer the stem ids of another's `vocabulary` (stem `k` gets id `k`), so that
    /// the texts it analyses next get the ids they would have got from that analyzer.
    public func restoreVocabulary(_ stems: [String]) {
        precondition(cache.stems.isEmpty, "a vocabulary is restored into a fresh analyzer")
        for stem in stems { _ = cache.stemID(stem) }
    }

    /// Whether `analyze` fills `AnalyzedSentence.nameStems`.
    public let recordsNames: Bool

    public init(language: LanguageData = .english, recordsNames: Bool = false) {
        self.language = language
        self.recordsNames = recordsNames
        self.segmenter = SentenceSegmenter(language: language)
        self.stemmer = Stemmer(algorithm: language.stemmerAlgorithm)
    }

    /// Stem of a lower-case word (the word itself when no stemmer is available).
    public func stem(_ word: String) -> String {
        stemmer?.stem(word) ?? word
    }

    public func analyze(_ text: String) -> AnalyzedDocument {
        // Work on a local copy of the cache (swapped, not copied): stored properties of a class are
        // checked for exclusive access at run time on every use, locals are not.
        var cache = WordCache()
        swap(&cache, &self.cache)
        defer { swap(&cache, &self.cache) }
        let scalars = ScalarText(text)
        let spans = segmenter.sentences(in: scalars)
        var sentences: [AnalyzedSentence] = []
        sentences.reserveCapacity(spans.count)
        var paragraph = 0
        var previousEnd = 0
        for (index, span) in spans.enumerated() {
            // A blank line between two sentences starts a new paragraph.
            var newlines = 0
            for k in previousEnd..<span.start where scalars.scalars[k] == "\n" { newlines += 1 }
            if newlines >= 2 && index > 0 { paragraph += 1 }
            previousEnd = span.end

            var ids: [Int] = []
            var tokenCount = 0
            var names: [Int] = []
            var firstWord: String? = nil
            let recordsNames = self.recordsNames
            tokenizer.forEachToken(in: scalars.scalars, range: span.start..<span.end) { bytes, tokenSpan, kind in
                tokenCount += 1
                if tokenCount == 1 { firstWord = String(decoding: bytes, as: UTF8.self) }
                let id = contentStemID(bytes, kind: kind, cache: &cache)
                if id >= 0 {
                    ids.append(id)
                    if recordsNames && tokenCount > 1 && CharClass.isUpper(scalars.scalars[tokenSpan.start]) { names.append(id) }
                }
            }
            sentences.append(
                AnalyzedSentence(
                    span: span,
                    index: index,
                    paragraph: paragraph,
                    tokenCount: tokenCount,
                    firstWord: firstWord,
                    contentStems: ids,
                    nameStems: names,
                    endsWithMark: Self.endsWithMark(scalars.scalars, span: span)
                ))
        }
        return AnalyzedDocument(text: scalars, sentences: sentences)
    }

    /// The stem id of a token's normalised bytes, or -1 for a stop word.
    private func contentStemID(_ bytes: UnsafeBufferPointer<UInt8>, kind: Token.Kind, cache: inout WordCache) -> Int {
        let hash = WordCache.hash(bytes)
        if let id = cache.lookup(bytes, hash: hash) { return id }
        let word = String(decoding: bytes, as: UTF8.self)
        let id =
            language.isStopWord(word)
            ? -1
            : cache.stemID(kind == .number ? word : (stemmer?.stemUncached(word) ?? word))
        if cache.count > 1_000_000 { cache.clearWords() }
        cache.insert(bytes, hash: hash, id: id)
        return id
    }

    private static func endsWithMark(_ s: [Unicode.Scalar], span: TextSpan) -> Bool {
        var e = span.end
        while e > span.start && CharClass.isClosing(s[e - 1]) { e -= 1 }
        return e > span.start && CharClass.isTerminal(s[e - 1])
    }
}
