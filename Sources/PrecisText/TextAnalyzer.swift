/// One sentence of a document with the words it is made of.
public struct AnalyzedSentence: Sendable {
    /// Where the sentence stands in its document's text.
    public var span: TextSpan
    /// Position among the document's sentences (0 = first).
    public var index: Int
    /// Paragraph number within the document (0 = first).
    public var paragraph: Int
    /// All word and number tokens.
    public var tokens: [Token]
    /// Stems of the content words (stop words left out), in order.
    public var contentStems: [String]
    /// Whether the sentence ends with a sentence mark (possibly followed by a closing quote),
    /// i.e. it is prose rather than a headline, caption or list item.
    public var endsWithMark: Bool

    public var wordCount: Int { tokens.count }
}

/// A document cut into sentences and words: the view of a text that scoring stages work on.
public struct AnalyzedDocument: Sendable {
    public let text: ScalarText
    public let sentences: [AnalyzedSentence]
}

/// Runs segmentation, tokenisation, stop-word removal and stemming over a text.
public final class TextAnalyzer {
    public let language: LanguageData
    private let segmenter: SentenceSegmenter
    private let tokenizer = Tokenizer()
    private let stemmer: Stemmer?

    public init(language: LanguageData = .english) {
        self.language = language
        self.segmenter = SentenceSegmenter(language: language)
        self.stemmer = Stemmer(algorithm: language.stemmerAlgorithm)
    }

    /// Stem of a lower-case word (the word itself when no stemmer is available).
    public func stem(_ word: String) -> String {
        stemmer?.stem(word) ?? word
    }

    public func analyze(_ text: String) -> AnalyzedDocument {
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

            let tokens = tokenizer.tokens(in: scalars.scalars, range: span.start..<span.end)
            var stems: [String] = []
            for token in tokens where !language.isStopWord(token.normalized) {
                stems.append(token.kind == .number ? token.normalized : stem(token.normalized))
            }
            sentences.append(AnalyzedSentence(
                span: span,
                index: index,
                paragraph: paragraph,
                tokens: tokens,
                contentStems: stems,
                endsWithMark: Self.endsWithMark(scalars.scalars, span: span)
            ))
        }
        return AnalyzedDocument(text: scalars, sentences: sentences)
    }

    private static func endsWithMark(_ s: [Unicode.Scalar], span: TextSpan) -> Bool {
        var e = span.end
        while e > span.start && CharClass.isClosing(s[e - 1]) { e -= 1 }
        return e > span.start && CharClass.isTerminal(s[e - 1])
    }
}
