/// Light compression that keeps provenance: a wire dateline at the start of a sentence
/// ("CALDER (Norland Wire) - ", "NEW YORK, March 3 (AP) -- ", "BRENNA, Norland (AP)_ ", "(CNN) — ")
/// is left out by moving the sentence's start offset, so the cited span still gives back exactly the
/// text shown.
public enum Datelines {
    /// `span` without a leading dateline, or `span` itself when it has none.
    public static func trim(_ span: TextSpan, in text: ScalarText) -> TextSpan {
        guard let i = after(span.start, span.end, in: text.scalars) else { return span }
        let s = text.scalars
        // What is left must read as a sentence: a capital, a digit or an opening quote, and some length.
        guard i < span.end, CharClass.isUpper(s[i]) || CharClass.isDigit(s[i]) || s[i] == "\"" || s[i] == "\u{201C}",
            span.end - i >= 12
        else { return span }
        return TextSpan(start: i, end: span.end)
    }

    /// Whether a line is a dateline and nothing else, as wire copy sets it on a line of its own above
    /// the text ("CALDER, Norland (AP) _", "BRENNA (Norland Wire) --"): no title of the article.
    public static func isWholeLine(_ line: String) -> Bool {
        let s = Array(line.unicodeScalars)
        var end = s.count
        while end > 0 && CharClass.isSpace(s[end - 1]) { end -= 1 }
        var start = 0
        while start < end && CharClass.isSpace(s[start]) { start += 1 }
        guard start < end else { return false }
        // `after` finds a place only with its agency or its separator: a place alone ("UNITED
        // NATIONS") may be a label or a title. The space added lets a separator end the line.
        guard let i = after(start, end + 1, in: s + [" "]) else { return false }
        return i >= end
    }

    /// Where what follows a dateline at `start` begins (spaces after it skipped), or nil when no
    /// dateline opens there.
    static func after(_ start: Int, _ end: Int, in s: [Unicode.Scalar]) -> Int? {
        var i = start

        func skipSpaces() { while i < end && s[i] == " " { i += 1 } }

        /// A word of capitals (letters, dots, hyphens, apostrophes), two letters or more.
        func capitalWord() -> Bool {
            let begin = i
            var letters = 0
            while i < end, CharClass.isUpper(s[i]) || s[i] == "." || s[i] == "-" || s[i] == "'" || s[i] == "\u{2019}" {
                if CharClass.isLetter(s[i]) { letters += 1 }
                i += 1
            }
            if letters >= 2 && (i == end || !CharClass.isLower(s[i])) { return true }
            i = begin
            return false
        }

        /// "(AP)", "(Norland Wire)": up to four words and 30 characters in brackets.
        func agency() -> Bool {
            guard i < end, s[i] == "(" else { return false }
            var j = i + 1
            while j < end && s[j] != ")" && j - i <= 30 { j += 1 }
            guard j < end, s[j] == ")", j > i + 1 else { return false }
            let words = s[(i + 1)..<j].split(separator: " ").count
            guard words <= 4, CharClass.isUpper(s[i + 1]) else { return false }
            i = j + 1
            return true
        }

        /// " - ", " -- ", " – ", " — ", " _ " (wire copy's dash), or a colon right after the place; or
        /// an em dash between the place and a capital ("CALDER, Norland—The ..."; an en dash so placed
        /// joins: "US–China").
        func separator() -> Bool {
            let begin = i
            skipSpaces()
            if i < end && s[i] == ":" && i == begin { i += 1; return true }
            if i == begin, i + 1 < end, s[i] == "\u{2014}", CharClass.isUpper(s[i + 1]) {
                i += 1
                return true
            }
            var dashes = 0
            while i < end && (s[i] == "-" || s[i] == "_" || s[i] == "\u{2013}" || s[i] == "\u{2014}") { i += 1; dashes += 1 }
            if dashes >= 1 && dashes <= 2 && i < end && s[i] == " " { return true }
            i = begin
            return false
        }

        var matched = false
        if agency() {
            // "(CNN) The ..." or "(CNN) — The ..."
            _ = separator()
            matched = true
        } else {
            var words = 0
            while words < 4 && capitalWord() {
                words += 1
                let save = i
                skipSpaces()
                if i < end && CharClass.isUpper(s[i]) && !(i + 1 < end && CharClass.isLower(s[i + 1])) { continue }
                i = save
                break
            }
            if words > 0 {
                // ", March 3" — a short date part after a comma.
                if i < end && s[i] == "," {
                    let save = i
                    i += 1
                    var parts = 0
                    skipSpaces()
                    while parts < 3, i < end, CharClass.isAlphanumeric(s[i]) {
                        while i < end && (CharClass.isAlphanumeric(s[i]) || s[i] == ".") { i += 1 }
                        parts += 1
                        skipSpaces()
                        if i < end && s[i] == "," { i += 1; skipSpaces() }
                    }
                    if parts == 0 { i = save }
                }
                skipSpaces()
                _ = agency()
                matched = separator()
            }
        }
        guard matched else { return nil }
        skipSpaces()
        return i
    }
}
