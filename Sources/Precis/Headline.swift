import Foundation
import PrecisText

/// Headlines for stories: a source's title when one stands for the story, else a cut of the lead.
public enum Headline {
    /// Most words in a headline cut from a sentence.
    public static let maxWords = 14

    /// The title among `titles` (one per source, nil when it has none) whose content words the
    /// `summary` sentences share most, per word of the title; a later source's (by `dates`) on a tie,
    /// since the story as it is now is told by its latest sources. With no titles, the first summary
    /// sentence cut by `cut`. Nil when there is neither.
    public static func choose(titles: [String?], dates: [String?], summary: [String]) -> String? {
        let told = Set(summary.flatMap(words))
        var best: (score: Double, date: String, index: Int)? = nil
        for (k, title) in titles.enumerated() {
            guard let title, !title.isEmpty else { continue }
            let own = Set(words(title))
            let score = own.isEmpty ? 0 : Double(own.intersection(told).count) / Double(own.count)
            let date = k < dates.count ? dates[k] ?? "" : ""
            if best == nil || (score, date, -k) > (best!.score, best!.date, -best!.index) { best = (score, date, k) }
        }
        if let best { return titles[best.index] }
        return summary.first.flatMap(cut)
    }

    /// A headline cut from a sentence: the sentence itself when it has at most `maxWords` words
    /// (less its closing full stop), else its words up to the last clause boundary within the first
    /// `maxWords` (a comma, a semicolon, a colon, a dash, or before "and", "but", "which", "who",
    /// "after", "as", "while", "when", "because") that leaves five words or more; else its first
    /// `maxWords` words and an ellipsis.
    public static func cut(_ sentence: String) -> String? {
        let tokens = sentence.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !tokens.isEmpty else { return nil }
        func trimmed(_ words: ArraySlice<String>) -> String {
            var text = words.joined(separator: " ")
            while let last = text.last, ".,;:–—-".contains(last) { text.removeLast() }
            return text.trimmingCharacters(in: .whitespaces)
        }
        if tokens.count <= maxWords { return trimmed(tokens[...]) }
        let openers: Set<String> = ["and", "but", "which", "who", "after", "as", "while", "when", "because", "where"]
        var boundary: Int? = nil
        for k in 5..<min(tokens.count, maxWords + 1) {
            let before = tokens[k - 1]
            if let c = before.last, ",;:".contains(c) { boundary = k }
            if ["–", "—", "-"].contains(tokens[k]) || openers.contains(tokens[k].lowercased()) { boundary = k }
        }
        if let boundary { return trimmed(tokens[..<boundary]) }
        return trimmed(tokens[..<maxWords]) + " …"
    }

    /// Lower-cased words of four letters or more: what a title and a summary share.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { $0.count >= 4 }
    }
}
