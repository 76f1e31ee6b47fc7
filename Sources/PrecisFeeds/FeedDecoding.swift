import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Feed bytes turned into UTF-8 the way RFC 3023 and the XML specification order the clues: a
/// byte-order mark or the UTF-16/32 shape of "<?xml", then the HTTP charset, then the XML declaration,
/// then UTF-8. When the chosen encoding cannot read the bytes, the other clues are tried, then UTF-8
/// and windows-1252, and the document is marked ill-formed.
struct FeedDecoding {
    var utf8: [UInt8]
    /// The encoding the bytes were read in, lower case ("utf-8", "us-ascii", "iso-8859-1", "utf-16le").
    var encoding: String
    var warnings: [String] = []
    /// Whether the encoding was wrong or the media type not an XML one (feedparser's bozo).
    var illFormed = false

    static func decode(_ bytes: [UInt8], contentType: String?) -> FeedDecoding {
        var warnings: [String] = []
        var illFormed = false
        // 1. What the first bytes say.
        var body = bytes[...]
        var sniffed: String?
        var hadBOM = false
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            sniffed = "utf-32be"; body = bytes[4...]; hadBOM = true
        } else if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            sniffed = "utf-32le"; body = bytes[4...]; hadBOM = true
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            sniffed = "utf-8"; body = bytes[3...]; hadBOM = true
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            sniffed = "utf-16be"; body = bytes[2...]; hadBOM = true
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            sniffed = "utf-16le"; body = bytes[2...]; hadBOM = true
        } else if bytes.starts(with: [0x00, 0x00, 0x00, 0x3C]) {
            sniffed = "utf-32be"
        } else if bytes.starts(with: [0x3C, 0x00, 0x00, 0x00]) {
            sniffed = "utf-32le"
        } else if bytes.count >= 4, bytes[0] == 0x00, bytes[1] == 0x3C, bytes[2] == 0x00, bytes[3] != 0x00 {
            sniffed = "utf-16be"
        } else if bytes.count >= 4, bytes[0] == 0x3C, bytes[1] == 0x00, bytes[2] != 0x00, bytes[3] == 0x00 {
            sniffed = "utf-16le"
        }

        // 2. The XML declaration, read in the sniffed form (or as ASCII).
        var declared: String?
        let head: [UInt8]
        if let s = sniffed, s != "utf-8" {
            head = Array(convert(Array(body.prefix(1024)), from: s, lenient: true) ?? [])
        } else {
            head = Array(body.prefix(1024))
        }
        declared = declaredEncoding(in: head)
        if let d = declared, d.hasPrefix("utf-16") || d.hasPrefix("utf-32") || d == "ucs-2" || d == "ucs-4" {
            // A UTF-16 declaration read as ASCII means the bytes lied about their encoding.
            if sniffed == nil { declared = nil } else if d == "utf-16" || d == "utf-32" { declared = sniffed }
        }

        // 3. The HTTP media type and charset.
        var media: String?
        var charset: String?
        if let contentType {
            let parts = contentType.split(separator: ";", omittingEmptySubsequences: false)
            media = parts.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            for part in parts.dropFirst() {
                let kv = part.split(separator: "=", maxSplits: 1)
                guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
                let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t'\""))
                if !value.isEmpty { charset = normalize(value) }
            }
        }

        var candidates: [String] = []
        if let media {
            let isApplicationXML =
                media == "application/xml" || media == "application/xml-dtd"
                || media == "application/xml-external-parsed-entity" || (media.hasPrefix("application/") && media.hasSuffix("+xml"))
            let isTextXML =
                media == "text/xml" || media == "text/xml-external-parsed-entity"
                || (media.hasPrefix("text/") && media.hasSuffix("+xml"))
            if isApplicationXML {
                candidates = [charset, hadBOM ? sniffed : nil, declared, sniffed, "utf-8"].compactMap { $0 }
            } else if isTextXML {
                // RFC 3023: text/xml without a charset is us-ascii; when the bytes are not, the
                // document's own clues are tried next (and the document is marked ill-formed).
                candidates = [charset ?? "us-ascii", hadBOM ? sniffed : nil, declared, sniffed].compactMap { $0 }
            } else if media.contains("json") {
                candidates = [charset, hadBOM ? sniffed : nil, sniffed, "utf-8"].compactMap { $0 }
            } else if media.hasPrefix("text/") || media.hasPrefix("application/") {
                warnings.append("served as \(media), not an XML media type")
                illFormed = true
                candidates = [charset, hadBOM ? sniffed : nil, declared, sniffed, "utf-8"].compactMap { $0 }
            } else {
                candidates = [charset, hadBOM ? sniffed : nil, declared, sniffed, "utf-8"].compactMap { $0 }
            }
        } else {
            candidates = [hadBOM ? sniffed : nil, declared, sniffed, "utf-8"].compactMap { $0 }
        }
        if let s = sniffed, hadBOM, candidates.first != s, !(candidates.first ?? "").hasPrefix(String(s.prefix(6))) {
            // A byte-order mark beats a declaration that names another encoding.
            if candidates.first == declared { candidates.insert(s, at: 0) }
        }

        var tried: [String] = []
        for (k, name) in (candidates + ["utf-8", "windows-1252"]).enumerated() where !tried.contains(name) {
            tried.append(name)
            let input = Array(isUnicode(name) && hadBOM ? body : bytes[...])
            if let out = convert(input, from: name, lenient: false) {
                if k >= candidates.count || (k > 0 && name != candidates[0]) {
                    warnings.append("the document is not valid \(candidates[0]) (the encoding it was given is overridden); read as \(name)")
                    illFormed = true
                }
                return FeedDecoding(utf8: out, encoding: name, warnings: warnings, illFormed: illFormed)
            }
        }
        // windows-1252 reads everything but five bytes; replace what is left.
        let text = String(decoding: bytes, as: UTF8.self)
        warnings.append("the document is in no encoding it names; invalid bytes replaced")
        return FeedDecoding(utf8: Array(text.utf8), encoding: "utf-8", warnings: warnings, illFormed: true)
    }

    static func isUnicode(_ name: String) -> Bool { name.hasPrefix("utf-") }

    /// The encoding an XML declaration names, normalised, if there is one.
    static func declaredEncoding(in head: [UInt8]) -> String? {
        guard head.starts(with: Array("<?xml".utf8)) else { return nil }
        guard let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let decl = String(decoding: head[..<end], as: UTF8.self)
        guard let r = decl.range(of: "encoding") else { return nil }
        var rest = decl[r.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        let value = rest.prefix { $0 != quote }
        return value.isEmpty ? nil : normalize(String(value))
    }

    /// Encoding names as feedparser reports them.
    static func normalize(_ name: String) -> String {
        let n = name.lowercased().trimmingCharacters(in: .whitespaces)
        switch n {
        case "utf8": return "utf-8"
        case "latin1", "latin-1", "iso8859-1", "iso_8859-1", "l1": return "iso-8859-1"
        case "gb2312", "gbk", "x-gbk": return "gb18030"
        case "ascii", "us_ascii": return "us-ascii"
        case "cp1252": return "windows-1252"
        case "ucs-2", "u16", "utf16", "utf_16": return "utf-16"
        case "ucs-4", "u32", "utf32", "utf_32": return "utf-32"
        default: return n
        }
    }

    /// Bytes in `encoding` as UTF-8; nil when they are not valid in it (unless `lenient`, which stops
    /// at the first invalid sequence instead).
    static func convert(_ bytes: [UInt8], from encoding: String, lenient: Bool) -> [UInt8]? {
        switch encoding {
        case "utf-8":
            if String(validating: bytes, as: UTF8.self) != nil { return bytes }
            return lenient ? Array(String(decoding: bytes, as: UTF8.self).utf8) : nil
        case "us-ascii":
            if bytes.allSatisfy({ $0 < 0x80 }) { return bytes }
            return lenient ? bytes.filter { $0 < 0x80 } : nil
        case "windows-1252":
            return Array(windows1252(bytes).utf8)
        default:
            return iconvConvert(bytes, from: encoding, lenient: lenient)
        }
    }

    /// Windows-1252, the superset of latin-1 that feeds labelled latin-1 really use; its five unused
    /// bytes read as latin-1 control codes.
    /// What windows-1252 has at 0x80-0x9F (nil: unused).
    static let cp1252: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}"
    ]

    static func windows1252(_ bytes: [UInt8]) -> String {
        if let out = iconvConvert(bytes, from: "CP1252", lenient: false) { return String(decoding: out, as: UTF8.self) }
        return String(decoding: iconvConvert(bytes, from: "ISO-8859-1", lenient: true) ?? [], as: UTF8.self)
    }

    static func iconvConvert(_ bytes: [UInt8], from encoding: String, lenient: Bool) -> [UInt8]? {
        let name: String
        switch encoding {
        case "utf-16": name = "UTF-16"
        case "utf-32": name = "UTF-32"
        default: name = encoding.uppercased()
        }
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                if inBuf.isEmpty { return true }
                return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1
            }
        }
        if !ok && !lenient { return nil }
        return Array(output[0..<(output.count - outLeft)])
    }
}
