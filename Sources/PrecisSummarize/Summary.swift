import PrecisText

/// How long a summary may be.
public enum SummaryBudget: Sendable, Equatable {
    /// At most this many words (a word is a run of characters between white space); never exceeded,
    /// filled as closely as whole sentences allow.
    case words(Int)
    /// Exactly this many sentences, or all there are when fewer qualify.
    case sentences(Int)
}

/// One sentence chosen for a summary, pointing into its source document.
public struct SummarySentence: Sendable, Equatable {
    /// Index of the source document in the summarizer's input.
    public var document: Int
    /// Where the sentence stands in that document's text (Unicode scalar offsets).
    public var span: TextSpan
    /// The sentence exactly as it stands in the document.
    public var text: String
    /// Number of words (white-space separated) in `text`.
    public var words: Int
    /// Whether the sentence starts or ends inside a quotation that runs over several sentences, so
    /// that `text` lacks the opening or closing mark of the words it quotes.
    public var startsInQuotation = false, endsInQuotation = false

    /// `text` as a reader should see it: a sentence from inside a quotation of several gets the
    /// marks it lacks ('He walks away from bad deals."' reads '"He walks away from bad deals."'), so
    /// the source's words are not read as the digest's own.
    public var shown: String { Self.shown(text, startsInQuotation: startsInQuotation, endsInQuotation: endsInQuotation) }

    /// `text` with an opening mark before it and a closing one after it as asked, straight when the
    /// text's own marks are straight, curly otherwise.
    public static func shown(_ text: String, startsInQuotation: Bool, endsInQuotation: Bool) -> String {
        guard startsInQuotation || endsInQuotation else { return text }
        let straight = text.unicodeScalars.contains("\"") && !text.unicodeScalars.contains { $0 == "\u{201C}" || $0 == "\u{201D}" }
        return (startsInQuotation ? (straight ? "\"" : "\u{201C}") : "") + text + (endsInQuotation ? (straight ? "\"" : "\u{201D}") : "")
    }
}

/// Counts words the way budgets do: runs of characters between white space.
public func wordCount(_ text: String) -> Int {
    PrecisText.wordCount(scalars: text.unicodeScalars)
}
