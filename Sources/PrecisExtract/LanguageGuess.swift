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
        // A byte scan of the first 1 KB (about 170 words): words are runs of ASCII letters.
        var words = 0, stops = 0
        var word: [UInt8] = []
        word.reserveCapacity(16)
        func finish() {
            guard !word.isEmpty else { return }
            words += 1
            if word.count <= 12, language.isStopWord(String(decoding: word, as: UTF8.self)) { stops += 1 }
            word.removeAll(keepingCapacity: true)
        }
        let head = text.utf8.withContiguousStorageIfAvailable { Array($0.prefix(1024)) } ?? Array(text.utf8.prefix(1024))
        for b in head {
            if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { word.append(b | 0x20) } else if b != 0x27 { finish() }
        }
        finish()
        guard words >= 20 else { return nil }
        return stops * 4 >= words ? language.code : nil
    }
}
