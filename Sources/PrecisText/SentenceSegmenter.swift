/// Splits text into sentences, news style.
///
/// Rules, in the order they are tried at each candidate end (`.`, `!`, `?`, `…`, or a line break):
/// 1. A blank line always ends a sentence; a single line break ends one unless the next line goes on
///    in lower case (hard-wrapped text). Headlines and list items thus stand alone.
/// 2. Closing quotes and brackets after the mark belong to the sentence that ends: `…attend,” he told AFP.`
///    keeps together, `“We will not attend.”` ends after the quote.
/// 3. `!` and `?` end a sentence unless lower case follows (`“Why?” he asked`), or they stand inside a
///    short quotation whose sentence goes on after it (`“Liberty! Liberty!” blocked the road`).
/// 4. After a full stop: a title ("Mr.", "Gen.") never ends a sentence; other abbreviations, dotted
///    acronyms ("U.S.", "p.m.") and initials ("W.") end one only when a clear opener follows
///    ("in the U.S. The ..."), and never before a number ("Dec. 5"); lower case never starts a sentence.
/// 5. Text glued without a space (`Court.Outraged`, `crimes.”Rights`, `week."I think`) is split where a
///    word of two or more letters ends, a capitalised word (or "I", "A") follows, and neither is an
///    abbreviation.
public struct SentenceSegmenter: Sendable {
    public let language: LanguageData

    public init(language: LanguageData = .english) {
        self.language = language
    }

    /// Sentence spans of `text`, in Unicode scalar offsets, trimmed of surrounding white space.
    public func sentences(in text: String) -> [TextSpan] {
        sentences(in: ScalarText(text))
    }

    public func sentences(in text: ScalarText) -> [TextSpan] {
        sentences(in: text.scalars, range: 0..<text.count)
    }

    /// Sentence spans within `range` of `s`.
    public func sentences(in s: [Unicode.Scalar], range: Range<Int>) -> [TextSpan] {
        var result: [TextSpan] = []
        var start: Int? = nil
        let n = range.upperBound

        func close(at end: Int) {
            guard let begin = start else { return }
            var e = end
            while e > begin && CharClass.isSpace(s[e - 1]) { e -= 1 }
            if e > begin && !s[begin..<e].contains(where: CharClass.isAlphanumeric), let last = result.last {
                // A stray mark (a lone quote or bracket) is glued to the sentence before it,
                // so no character of the text is silently dropped from the sentence list.
                result[result.count - 1] = TextSpan(start: last.start, end: e)
            } else if e > begin {
                result.append(TextSpan(start: begin, end: e))
            }
            start = nil
        }

        var i = range.lowerBound
        while i < n {
            let c = s[i]
            if CharClass.isNewline(c) {
                if start != nil {
                    var k = i + 1
                    var blank = false
                    while k < n && CharClass.isSpace(s[k]) {
                        if CharClass.isNewline(s[k]) { blank = true }
                        k += 1
                    }
                    if blank || k >= n || !continuesLine(s, at: k, n: n) {
                        close(at: i)
                    }
                }
                i += 1
                continue
            }
            if start == nil {
                if CharClass.isSpace(c) { i += 1; continue }
                start = i
            }
            if CharClass.isTerminal(c) {
                let j = markRunEnd(s, from: i + 1, n: n, sentenceStart: start ?? i)
                if isBoundary(s, markAt: i, runEnd: j, n: n, sentenceStart: start ?? i) {
                    close(at: j)
                }
                i = j
                continue
            }
            i += 1
        }
        close(at: n)
        return result
    }

    // MARK: - Rules

    /// The end of a run of sentence marks and closing quotes starting at `j`. A spaced ellipsis
    /// (`. . .`) belongs to the run. A straight quote glued to the next word closes this sentence when
    /// the sentence has a quote open (`a "plot."Nobody`), else it opens the next one (`soon."They`).
    private func markRunEnd(_ s: [Unicode.Scalar], from start: Int, n: Int, sentenceStart: Int) -> Int {
        var j = start
        while j < n {
            let c = s[j]
            if CharClass.isTerminal(c) {
                j += 1
            } else if c == " " && j + 1 < n && s[j + 1] == "." && s[j - 1] == "." {
                j += 1
            } else if CharClass.isClosing(c) {
                if (c == "\"" || c == "'") && j + 1 < n && CharClass.isAlphanumeric(s[j + 1]) {
                    let open = s[sentenceStart..<j].reduce(0) { $0 + ($1 == c ? 1 : 0) }
                    if open % 2 == 0 { break }
                }
                j += 1
            } else {
                break
            }
        }
        return j
    }

    /// A line that starts in lower case carries on the sentence of the line before.
    private func continuesLine(_ s: [Unicode.Scalar], at k: Int, n: Int) -> Bool {
        CharClass.isLower(s[k])
    }

    private func isBoundary(_ s: [Unicode.Scalar], markAt i: Int, runEnd j: Int, n: Int, sentenceStart: Int) -> Bool {
        if j >= n { return true }
        let run = s[i..<j]
        let hasStrongMark = run.contains { $0 == "!" || $0 == "?" || $0 == "\u{203C}" || $0 == "\u{2049}" || $0 == "\u{2048}" || $0 == "\u{2047}" }
        let isEllipsis = run.contains("\u{2026}") || run.filter({ $0 == "." }).count >= 3
        let closesQuote = run.contains(where: CharClass.isClosing)
        let next = s[j]

        if !CharClass.isSpace(next) {
            return isGluedBoundary(s, markAt: i, runEnd: j, n: n, strong: hasStrongMark || closesQuote || isEllipsis)
        }

        // Skip the space, then any opening quotes or brackets, to the first character of what follows.
        var k = j
        while k < n && CharClass.isSpace(s[k]) {
            if CharClass.isNewline(s[k]) { return true }
            k += 1
        }
        if k >= n { return true }
        var m = k
        while m < n && (CharClass.isOpening(s[m]) || s[m] == "-" || s[m] == "\u{2013}" || s[m] == "\u{2014}" || s[m] == "\u{2022}") { m += 1 }
        if m >= n { return true }
        let first = s[m]

        if CharClass.isLower(first) {
            // "iPhone", "eBay": a lower-case letter followed by a capital still opens a sentence.
            return m + 1 < n && CharClass.isUpper(s[m + 1]) && !hasStrongMark && !isEllipsis
                && wordBefore(s, endingAt: i).kind == .word
        }
        if hasStrongMark {
            return closesQuote || !quotationOpen(s, from: sentenceStart, to: i) || !quotationGoesOn(s, from: m, n: n)
        }
        if isEllipsis {
            return CharClass.isUpper(first) || CharClass.isOpening(s[k])
        }

        let before = wordBefore(s, endingAt: i)
        switch before.kind {
        case .title:
            return false
        case .abbreviation:
            if closesQuote { return true }
            if CharClass.isDigit(first) { return false }
            if before.isClockTime { return !continuesClockTime(s, at: m, n: n) }
            return opensSentence(s, at: m, n: n)
        case .word, .number, .none:
            return true
        }
    }

    /// Whether a quotation opened in `s[start..<end]` is still open at `end`.
    private func quotationOpen(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        var curly = 0, straight = 0
        for c in s[start..<end] {
            if c == "\u{201C}" { curly += 1 } else if c == "\u{201D}" { curly -= 1 } else if c == "\"" { straight += 1 }
        }
        return curly > 0 || straight % 2 == 1
    }

    /// Rule 3's exception: inside a quotation that closes within four words and is followed by lower
    /// case, a `!` or `?` ends no sentence ("“Liberty! Liberty!” blocked the road", "“Stop! Thief!”
    /// she shouted"): the chant and the clause it stands in are one sentence.
    private func quotationGoesOn(_ s: [Unicode.Scalar], from m: Int, n: Int) -> Bool {
        var k = m, spaces = 0
        while k < n {
            let c = s[k]
            if CharClass.isNewline(c) { return false }
            if c == "\u{201D}" || c == "\"" {
                var e = k + 1
                while e < n && s[e] == " " { e += 1 }
                return e > k + 1 && e < n && CharClass.isLower(s[e])
            }
            if c == " " {
                spaces += 1
                if spaces > 3 { return false }
            }
            k += 1
        }
        return false
    }

    /// `word.Word` with no space: split only between a real word and a capitalised word.
    private func isGluedBoundary(_ s: [Unicode.Scalar], markAt i: Int, runEnd j: Int, n: Int, strong: Bool) -> Bool {
        var m = j
        while m < n && CharClass.isOpening(s[m]) { m += 1 }
        // A capitalised word, or the one-letter words that open sentences ("I think", "I'm", "A boat").
        guard m + 1 < n, CharClass.isUpper(s[m]) else { return false }
        let oneLetter = (s[m] == "I" || s[m] == "A") && (s[m + 1] == " " || s[m + 1] == "'" || s[m + 1] == "\u{2019}")
        guard CharClass.isLower(s[m + 1]) || oneLetter else { return false }
        if strong { return true }
        // Only a single full stop between them.
        guard j == i + 1 else { return false }
        let before = wordBefore(s, endingAt: i)
        // After a number too when a quotation opens right after the stop ("in 2029.“We will ...").
        guard before.kind == .word || (before.kind == .number && m > j), before.length >= 2 else { return false }
        // The word after must not itself be an abbreviation ("U.S.Army" is not split), unless it is a title
        // after a word of three letters or more: a name starts the next sentence ("in response.Mr. Choe").
        var e = m
        while e < n && CharClass.isLetter(s[e]) { e += 1 }
        if e < n && s[e] == "." {
            var form = String.UnicodeScalarView()
            form.append(contentsOf: s[m..<e])
            if let kind = language.abbreviationKind(Substring(String(form))), kind != .title || before.length < 3 { return false }
        }
        return true
    }

    /// Whether the word at `m` is a clear sentence opener: a capitalised stop word ("The", "He", "But").
    private func opensSentence(_ s: [Unicode.Scalar], at m: Int, n: Int) -> Bool {
        guard CharClass.isUpper(s[m]) else { return CharClass.isOpening(s[m]) }
        var e = m
        while e < n && CharClass.isLetter(s[e]) { e += 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: s[m..<e])
        let text = String(word)
        // An all-capitals word ("U", "AP") is not an opener by itself.
        if e - m > 1 && text.uppercased() == text { return false }
        return language.isStopWord(text.lowercased())
    }

    enum WordKind { case title, abbreviation, word, number, none }

    struct WordBefore {
        var kind: WordKind
        var length: Int
        /// "a.m." or "p.m.": after a clock time a capitalised word usually opens a new sentence.
        var isClockTime = false
    }

    /// What may follow a clock time within the same sentence: a day or month name ("5 p.m. Friday")
    /// or a time zone in capitals ("2 p.m. EST").
    private func continuesClockTime(_ s: [Unicode.Scalar], at m: Int, n: Int) -> Bool {
        guard CharClass.isUpper(s[m]) else { return true }
        var e = m
        while e < n && CharClass.isLetter(s[e]) { e += 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: s[m..<e])
        let text = String(word)
        if e - m > 1 && text.uppercased() == text { return true }
        let lower = text.lowercased()
        return language.weekdays[lower] != nil || language.months[lower] != nil
    }

    /// Classifies the token that ends right before the full stop at `i`.
    private func wordBefore(_ s: [Unicode.Scalar], endingAt i: Int) -> WordBefore {
        var b = i
        while b > 0 {
            let c = s[b - 1]
            if CharClass.isAlphanumeric(c) || c == "." || c == "'" || c == "\u{2019}" || c == "-" || c == "&" { b -= 1 } else { break }
        }
        // Trim leading punctuation that is not part of the token.
        while b < i && !CharClass.isAlphanumeric(s[b]) { b += 1 }
        if b >= i { return WordBefore(kind: .none, length: 0) }
        let token = s[b..<i]
        let length = i - b
        if token.allSatisfy({ CharClass.isDigit($0) || $0 == "." || $0 == "," }) {
            return WordBefore(kind: .number, length: length)
        }
        // Initials and dotted acronyms: "W", "U.S", "e.g", "p.m", "D.C".
        if token.contains(".") {
            let parts = token.split(separator: ".")
            if parts.allSatisfy({ $0.count <= 2 && $0.allSatisfy(CharClass.isLetter) }) {
                let clock =
                    parts.count == 2 && parts[1].count == 1 && (parts[1].first == "m" || parts[1].first == "M")
                    && parts[0].count == 1 && "aApP".unicodeScalars.contains(parts[0].first!)
                return WordBefore(kind: .abbreviation, length: length, isClockTime: clock)
            }
        }
        if length == 1 && CharClass.isUpper(token.first!) {
            return WordBefore(kind: .abbreviation, length: length)
        }
        // The last hyphen- or dot-separated piece decides: "ex-Gov." is a title.
        var lastStart = i
        while lastStart > b && CharClass.isLetter(s[lastStart - 1]) { lastStart -= 1 }
        if lastStart < i {
            var form = String.UnicodeScalarView()
            form.append(contentsOf: s[lastStart..<i])
            switch language.abbreviationKind(Substring(String(form))) {
            case .title?: return WordBefore(kind: .title, length: length)
            case .abbreviation?: return WordBefore(kind: .abbreviation, length: length)
            case nil: break
            }
        }
        return WordBefore(kind: .word, length: length)
    }
}
