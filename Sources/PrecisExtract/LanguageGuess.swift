import PrecisText

/// Says which language an article is in, as far as Precis can tell.
public enum LanguageGuess {
    /// "en-GB" -> "en"; nil for an empty or malformed tag.
    public static func primarySubtag(_ tag: String) -> String? {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return primary
    }

    /// "en" when English stop words make up a good share of the words (running English prose has
    /// 40-50%; other languages a few percent), else nil: Precis ships language data for English only,
    /// so it does not pretend to name others.
    public static func guess(_ text: String, language: LanguageData = .english) -> String? {
        var words = 0, stops = 0
        for token in Tokenizer().tokens(in: String(text.prefix(5_000))) where token.kind == .word {
            words += 1
            if language.isStopWord(token.normalized) { stops += 1 }
        }
        guard words >= 20 else { return nil }
        return stops * 4 >= words ? language.code : nil
    }
}
