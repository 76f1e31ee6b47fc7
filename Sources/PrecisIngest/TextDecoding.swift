/// What decoding a file's bytes found.
public struct DecodedText: Sendable {
    public var text: String
    /// "utf-8", "utf-16le", "utf-16be" or "windows-1252".
    public var encoding: String
    /// How many invalid byte sequences were replaced by U+FFFD.
    public var replacedSequences: Int
}

/// Why bytes could not be read as text.
public enum DecodingFailure: Error, Equatable, Sendable {
    case binary
}

/// Turns file bytes into text: byte-order marks first, then UTF-8, then windows-1252 for files with
/// no valid multi-byte UTF-8 at all (old latin-1 pages); otherwise invalid bytes are replaced and
/// counted, never fatal. Bytes that look binary (NUL bytes, many control codes) are refused.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8]) throws(DecodingFailure) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(bytes[3...])
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return utf16(bytes[2...], bigEndian: false)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(bytes[2...], bigEndian: true)
        }
        if looksBinary(bytes) { throw .binary }
        // Valid UTF-8 (nearly every file): one validating pass, nothing replaced, nothing to count.
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: "utf-8", replacedSequences: 0)
        }
        let scan = scanUTF8(bytes[...])
        if scan.invalid > 0 && scan.validMultibyte == 0 {
            return DecodedText(text: windows1252(bytes), encoding: "windows-1252", replacedSequences: 0)
        }
        return utf8(bytes[...])
    }

    /// NUL bytes, or more than 10% control codes other than tab, line feed, form feed and carriage
    /// return, in the first 64 KiB.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let count = min(bytes.count, 65_536)
        if count == 0 { return false }
        var controls = 0
        return bytes.withUnsafeBytes { raw in
            var i = 0
            while i < count {
                // Eight bytes at a time where none is below 0x20 (the usual case); else byte by byte.
                if i + 8 <= count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                let b = raw[i]
                if b == 0 { return true }
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D && b != 0x1B { controls += 1 }
                i += 1
            }
            return controls * 10 > count
        }
    }

    static func utf8(_ bytes: ArraySlice<UInt8>) -> DecodedText {
        let text = String(decoding: bytes, as: UTF8.self)
        let replaced = countReplacement(in: text) - countLiteralReplacement(bytes)
        return DecodedText(text: text, encoding: "utf-8", replacedSequences: max(0, replaced))
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        return DecodedText(
            text: text, encoding: bigEndian ? "utf-16be" : "utf-16le",
            replacedSequences: countReplacement(in: text) + (bytes.count % 2))
    }

    private static func countReplacement(in text: String) -> Int {
        var n = 0
        for s in text.unicodeScalars where s == "\u{FFFD}" { n += 1 }
        return n
    }

    private static func countLiteralReplacement(_ bytes: ArraySlice<UInt8>) -> Int {
        var n = 0
        var i = bytes.startIndex
        while i + 2 < bytes.endIndex {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { n += 1; i += 3 } else { i += 1 }
        }
        return n
    }

    /// Counts valid multi-byte sequences and invalid bytes, without decoding.
    /// Counts the well-formed multi-byte sequences and the invalid ones in UTF-8 bytes.
    public static func scanUTF8(_ bytes: ArraySlice<UInt8>) -> (validMultibyte: Int, invalid: Int) {
        var valid = 0, invalid = 0
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            // Runs of ASCII eight bytes at a time.
            if i + 8 <= end, asciiWord(bytes, at: i) { i += 8; continue }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: invalid += 1; i += 1; continue
            }
            var ok = i + length <= end
            if ok {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { ok = false; break }
            }
            if ok { valid += 1; i += length } else { invalid += 1; i += 1 }
        }
        return (valid, invalid)
    }

    /// Whether the eight bytes from `i` are all ASCII.
    @inline(__always) private static func asciiWord(_ bytes: ArraySlice<UInt8>, at i: Int) -> Bool {
        bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i - bytes.startIndex, as: UInt64.self) } & 0x8080_8080_8080_8080 == 0
    }

    /// Windows-1252, the superset of latin-1 that web pages labelled latin-1 really use.
    static func windows1252(_ bytes: [UInt8]) -> String {
        // Built as UTF-8 bytes: appending scalars to a String one by one is several times slower.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else if b < 0xA0, let mapped = cp1252High[Int(b - 0x80)] {
                UTF8.encode(mapped) { out.append($0) }
            } else {
                out.append(0xC0 | (b >> 6))
                out.append(0x80 | (b & 0x3F))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}"
    ]
}
