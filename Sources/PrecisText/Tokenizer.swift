/// A word or number in a text, with where it stands.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number }
    /// Lower-cased form; apostrophes unified to `'`, digit group commas removed ("120,000" -> "120000").
    public var normalized: String
    public var span: TextSpan
    public var kind: Kind
    /// Whether the token starts with a capital letter in the text.
    public var isCapitalized: Bool
}

/// Splits text into words and numbers.
///
/// Words are runs of letters and digits; an apostrophe between letters stays inside the word
/// ("don't", "Korea's"), a hyphen splits ("Jong-Un" -> "jong", "un"), as most evaluation tools do.
/// Numbers keep their decimal point and digit-group commas ("3.5", "120,000").
public struct Tokenizer: Sendable {
    public init() {}

    public func tokens(in text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        return tokens(in: scalars, range: 0..<scalars.count)
    }

    public func tokens(in s: [Unicode.Scalar], range: Range<Int>) -> [Token] {
        var out: [Token] = []
        forEachToken(in: s, range: range) { bytes, span, kind in
            out.append(
                Token(
                    normalized: String(decoding: bytes, as: UTF8.self),
                    span: span,
                    kind: kind,
                    isCapitalized: CharClass.isUpper(s[span.start])
                ))
        }
        return out
    }

    /// Calls `body` with each token's normalised UTF-8 bytes (valid only during the call), its span
    /// and kind, without building a `Token` or a `String`: the form hot paths use.
    public func forEachToken(
        in s: [Unicode.Scalar], range: Range<Int>,
        _ body: (UnsafeBufferPointer<UInt8>, TextSpan, Token.Kind) -> Void
    ) {
        var i = range.lowerBound
        let n = range.upperBound
        var text: [UInt8] = []  // one buffer for every token's bytes
        text.reserveCapacity(32)
        while i < n {
            let c = s[i]
            guard CharClass.isAlphanumeric(c) else { i += 1; continue }
            let begin = i
            var allDigits = true
            text.removeAll(keepingCapacity: true)
            while i < n {
                let d = s[i]
                if CharClass.isAlphanumeric(d) {
                    if !CharClass.isDigit(d) { allDigits = false }
                    if d.value < 0x80 {
                        text.append(UInt8(d.value) | (CharClass.isUpper(d) ? 0x20 : 0))
                    } else {
                        text.append(contentsOf: d.properties.lowercaseMapping.utf8)
                    }
                    i += 1
                } else if (d == "'" || d == "\u{2019}") && i + 1 < n && CharClass.isLetter(s[i + 1]) && !allDigits {
                    text.append(0x27)
                    i += 1
                } else if (d == "." || d == ",") && allDigits && i + 1 < n && CharClass.isDigit(s[i + 1]) {
                    if d == "." { text.append(0x2E) }
                    i += 1
                } else {
                    break
                }
            }
            text.withUnsafeBufferPointer { body($0, TextSpan(start: begin, end: i), allDigits ? .number : .word) }
        }
    }
}
