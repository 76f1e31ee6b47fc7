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
}

/// Counts words the way budgets do: runs of characters between white space.
public func wordCount(_ text: String) -> Int {
    PrecisText.wordCount(scalars: text.unicodeScalars)
}
