import Foundation

/// Turns text as it comes off the web into the clean form every later stage indexes into.
///
/// - Unicode NFC, so "é" is one scalar whatever the source used;
/// - line breaks unified to `\n`; non-breaking and other exotic spaces become a plain space;
/// - invisible characters (zero-width spaces, soft hyphens, byte-order marks, control codes) removed;
/// - runs of spaces collapsed, lines trimmed, and runs of blank lines reduced to one blank line,
///   which is how a paragraph break is written in the clean text;
/// - quotation marks typed as pairs of ASCII marks, as wire copy and tokenised corpora write them,
///   become quotation marks (`typewriterQuotes`), and dashes typed as an underscore or a run of
///   hyphens set off by spaces become a dash (`typewriterDashes`), and wire copy's typesetting
///   codes ("&QL;") go (`typesettingCodes`).
public enum TextNormalizer {
    /// True when every scalar is one NFC leaves alone whatever surrounds it: below U+0300 (ASCII and
    /// Latin-1, before the combining marks) or typographic punctuation and currency signs
    /// (U+2010–U+205F, U+20A0–U+20BF), which is what English news text is made of.
    static func isStableUnderNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 || (v >= 0x2010 && v <= 0x205F) || (v >= 0x20A0 && v <= 0x20BF) || v == 0xFFFD { continue }
            return false
        }
        return true
    }

    public static func normalize(_ text: String) -> String {
        // Foundation's NFC pass is costly; skip it when no character could change under it.
        let composed = isStableUnderNFC(text) ? text : text.precomposedStringWithCanonicalMapping
        // Built as UTF-8 bytes: appending to a String scalar by scalar is several times slower.
        var out: [UInt8] = []
        out.reserveCapacity(composed.utf8.count)
        var pendingSpace = false
        var pendingNewlines = 0
        var atStart = true

        func flushSeparators() {
            if pendingNewlines > 0 {
                if !atStart {
                    out.append(0x0A)
                    if pendingNewlines > 1 { out.append(0x0A) }
                }
            } else if pendingSpace && !atStart {
                out.append(0x20)
            }
            pendingSpace = false
            pendingNewlines = 0
        }

        var previous: Unicode.Scalar = " "
        for scalar in composed.unicodeScalars {
            defer { previous = scalar }
            // Printable ASCII, nearly all of any English text, first.
            if scalar.value > 0x20 && scalar.value < 0x7F {
                if pendingSpace || pendingNewlines > 0 { flushSeparators() }
                out.append(UInt8(scalar.value))
                atStart = false
                continue
            }
            switch scalar {
            case "\r":
                pendingNewlines += 1
                continue
            case "\n":
                if previous != "\r" { pendingNewlines += 1 }
                continue
            case "\u{2028}", "\u{0B}", "\u{0C}", "\u{85}":
                pendingNewlines += 1
                continue
            case "\u{2029}":
                pendingNewlines += 2
                continue
            case "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{2060}", "\u{200E}", "\u{200F}":
                continue
            default:
                break
            }
            if CharClass.isSpace(scalar) {
                pendingSpace = true
                continue
            }
            if scalar.value < 0x20 || scalar.properties.generalCategory == .control {
                continue
            }
            flushSeparators()
            UTF8.encode(scalar) { out.append($0) }
            atStart = false
        }
        return String(decoding: typewriterDashes(typewriterQuotes(typesettingCodes(out))), as: UTF8.self)
    }

    /// A typesetting code of wire copy, an ampersand, two to five capital letters and a semicolon
    /// ("&QL;", "&UR;", "&MD;", left in the text when its markup is unescaped), is no text and goes,
    /// with a space beside it. HTML's own capital entities ("&AMP;", "&LT;", "&GT;", "&QUOT;",
    /// "&COPY;", "&REG;") stay for whoever decodes them.
    static func typesettingCodes(_ bytes: [UInt8]) -> [UInt8] {
        let ampersand: UInt8 = 0x26, semicolon: UInt8 = 0x3B, space: UInt8 = 0x20
        func code(at k: Int) -> Int? {
            var e = k + 1
            while e < bytes.count, e - k <= 6, bytes[e] >= 0x41, bytes[e] <= 0x5A { e += 1 }
            guard (3...6).contains(e - k), e < bytes.count, bytes[e] == semicolon else { return nil }
            let name = String(decoding: bytes[(k + 1)..<e], as: UTF8.self)
            return htmlCapitals.contains(name) ? nil : e + 1
        }
        guard bytes.indices.contains(where: { bytes[$0] == ampersand && code(at: $0) != nil }) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            if bytes[k] == ampersand, var e = code(at: k) {
                if out.isEmpty || out.last == 0x0A {
                    // Alone on its line, or first on it: the line goes, or its text moves up.
                    while e < bytes.count, bytes[e] == space || bytes[e] == 0x0A { e += 1 }
                } else if e == bytes.count || bytes[e] == 0x0A {
                    while out.last == space { out.removeLast() }
                } else if out.last == space {
                    while e < bytes.count, bytes[e] == space { e += 1 }
                }
                k = e
            } else {
                out.append(bytes[k])
                k += 1
            }
        }
        while out.last == space || out.last == 0x0A { out.removeLast() }
        return out
    }

    static let htmlCapitals: Set<String> = ["AMP", "LT", "GT", "QUOT", "COPY", "REG"]

    /// A dash typed as wire copy types it: an underscore standing alone after a space ("(AP) _ A
    /// storm", "is _ period") or a run of two or more hyphens between spaces ("the service ---- a
    /// ceremony", "Calder -- the port"), becomes an em dash. Hyphens and underscores inside words
    /// ("snake_case", "--help") stay.
    static func typewriterDashes(_ bytes: [UInt8]) -> [UInt8] {
        let space: UInt8 = 0x20, newline: UInt8 = 0x0A, underscore: UInt8 = 0x5F, hyphen: UInt8 = 0x2D
        func isDash(_ k: Int) -> Int? {
            guard k > 0, bytes[k - 1] == space else { return nil }
            var e = k
            if bytes[k] == underscore {
                e = k + 1
            } else {
                while e < bytes.count && bytes[e] == hyphen { e += 1 }
                guard e - k >= 2 else { return nil }
            }
            return e == bytes.count || bytes[e] == space || bytes[e] == newline ? e : nil
        }
        guard bytes.indices.contains(where: { (bytes[$0] == underscore || bytes[$0] == hyphen) && isDash($0) != nil }) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var k = 0
        while k < bytes.count {
            if bytes[k] == underscore || bytes[k] == hyphen, let e = isDash(k) {
                out += [0xE2, 0x80, 0x94]
                k = e
            } else {
                out.append(bytes[k])
                k += 1
            }
        }
        return out
    }

    /// Quotation marks typed as pairs of ASCII marks: two grave accents open a quotation (``...''),
    /// and two apostrophes close it in a text that opens with grave accents, unless they start a
    /// word (then they open one: ''...''); in one that does not,
    /// two apostrophes stand on both sides (''...''), as some papers write them, and become a
    /// straight double mark. After a digit two apostrophes are inches ("6'2''") and stay.
    static func typewriterQuotes(_ bytes: [UInt8]) -> [UInt8] {
        let grave: UInt8 = 0x60, apostrophe: UInt8 = 0x27
        var graves = false, apostrophes = false
        for k in bytes.indices.dropFirst() {
            if bytes[k] == grave && bytes[k - 1] == grave { graves = true }
            if bytes[k] == apostrophe && bytes[k - 1] == apostrophe { apostrophes = true }
        }
        guard graves || apostrophes else { return bytes }
        let opening: [UInt8] = [0xE2, 0x80, 0x9C], closing: [UInt8] = graves ? [0xE2, 0x80, 0x9D] : [0x22]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var k = 0
        while k < bytes.count {
            let pair = k + 1 < bytes.count && bytes[k + 1] == bytes[k]
            if pair && bytes[k] == grave {
                out += opening
                k += 2
            } else if pair && bytes[k] == apostrophe && !(k > 0 && bytes[k - 1] >= 0x30 && bytes[k - 1] <= 0x39) {
                // In a text that opens with grave accents, a pair of apostrophes that starts a word
                // (after a space or a line's start, before a letter or a digit) opens one too: wire
                // copy mixes the two ("``Toys,'' he said. ''He cannot decide.''").
                let startsWord =
                    (k == 0 || [0x20, 0x0A, 0x09, 0x28].contains(bytes[k - 1]))
                    && k + 2 < bytes.count && (bytes[k + 2] >= 0x80 || CharClass.isAlphanumeric(Unicode.Scalar(bytes[k + 2])))
                out += graves && startsWord ? opening : closing
                k += 2
            } else {
                out.append(bytes[k])
                k += 1
            }
        }
        return out
    }
}
