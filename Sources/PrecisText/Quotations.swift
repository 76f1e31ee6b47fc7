import Foundation

/// Where quotations stand around sentences: whether a sentence starts or ends inside a quotation that
/// runs over more than one sentence ('"We walk away. We walk away from bad deals."'), so that a
/// sentence lifted out of it would put someone's words in the reader's voice.
public enum Quotations {
    /// Whether a sentence asks rather than tells: its last mark, before any closing quotation marks,
    /// brackets or spaces, is a question mark ("Was it a random or targeted attack?\u{201D}").
    public static func endsAsQuestion(_ sentence: some StringProtocol) -> Bool {
        let closers: Set<Character> = ["\"", "\u{201D}", "\u{2019}", "'", ")", "]", " "]
        return sentence.trimmingCharacters(in: .whitespacesAndNewlines).reversed().first { !closers.contains($0) } == "?"
    }

    /// For each span of `text` (in order, not overlapping), whether a quotation is open where it
    /// starts and where it ends. Curly marks open and close; a straight mark toggles; a paragraph
    /// break closes whatever is open (a quotation that runs on reopens with a mark of its own).
    public static func openAround(_ spans: [TextSpan], in text: ScalarText) -> [(atStart: Bool, atEnd: Bool)] {
        let s = text.scalars
        var open = false
        var k = 0
        func advance(to end: Int) {
            while k < end && k < s.count {
                switch s[k] {
                case "\u{201C}": open = true
                case "\u{201D}": open = false
                case "\"": open.toggle()
                case "\n":
                    var n = k + 1
                    while n < s.count && (s[n] == " " || s[n] == "\t" || s[n] == "\r") { n += 1 }
                    if n < s.count && s[n] == "\n" { open = false }
                default: break
                }
                k += 1
            }
        }
        return spans.map { span in
            advance(to: span.start)
            let atStart = open
            advance(to: span.end)
            return (atStart, open)
        }
    }

    /// The text of `text` outside quotation marks (curly marks open and close, a straight mark
    /// toggles), the marks left out: what the writer says, not what is quoted.
    public static func outside(_ text: String) -> String {
        var outside = "", quoted = false
        for c in text {
            switch c {
            case "\u{201C}": quoted = true
            case "\u{201D}": quoted = false
            case "\"": quoted.toggle()
            default: if !quoted { outside.append(c) }
            }
        }
        return outside
    }

    /// How many words of `text` stand inside quotation marks (curly marks open and close, a straight
    /// mark toggles): how much of a reported statement is the speaker's own words.
    public static func quotedWords(in text: String) -> Int {
        var open = false, inWord = false, words = 0
        for c in text.unicodeScalars {
            switch c {
            case "\u{201C}": open = true; inWord = false
            case "\u{201D}": open = false; inWord = false
            case "\"": open.toggle(); inWord = false
            default:
                let letter = CharClass.isLetter(c) || CharClass.isDigit(c)
                if letter && !inWord && open { words += 1 }
                inWord = letter || (inWord && (c == "'" || c == "\u{2019}" || c == "-"))
            }
        }
        return words
    }
}
