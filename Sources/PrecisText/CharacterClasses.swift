/// Character classes used by the segmenter and tokenizer, decided on Unicode properties
/// (with a fast path for ASCII, which is most of any English news text).
public enum CharClass {
    @inline(__always) public static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c == " " || (c.value >= 0x09 && c.value <= 0x0D) }
        return c.properties.isWhitespace
    }

    public static func isNewline(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" || c == "\u{0B}" || c == "\u{0C}"
    }

    @inline(__always) public static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }

    @inline(__always) public static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        return c.properties.numericType == .decimal
    }

    @inline(__always) public static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        isLetter(c) || isDigit(c)
    }

    @inline(__always) public static func isUpper(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A }
        return c.properties.isUppercase
    }

    @inline(__always) public static func isLower(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x61 && c.value <= 0x7A }
        return c.properties.isLowercase
    }

    /// Marks that end a sentence.
    public static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "!" || c == "?" || c == "\u{2026}" || c == "\u{203C}" || c == "\u{2047}"
            || c == "\u{2048}" || c == "\u{2049}" || c == "\u{3002}" || c == "\u{FF01}" || c == "\u{FF1F}"
    }

    /// Quotes and brackets that may close after a full stop: `."`, `.)`, `.”`.
    public static func isClosing(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", "\u{300D}", "\u{300F}":
            return true
        default:
            return false
        }
    }

    /// Quotes and brackets that may open a sentence.
    public static func isOpening(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "(", "[", "{", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{2039}", "\u{300C}", "\u{300E}", "\u{201E}":
            return true
        default:
            return false
        }
    }

    /// Characters that may stand inside a word: apostrophes and hyphens between letters.
    public static func isWordJoiner(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}" || c == "-" || c == "\u{2010}" || c == "\u{2011}"
    }
}
