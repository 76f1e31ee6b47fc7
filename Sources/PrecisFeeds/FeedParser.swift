import PrecisIngest

/// Reads a feed's bytes, whatever the format: RSS 0.9x, 1.0 and 2.0, Atom 0.3 and 1.0, CDF and JSON
/// Feed 1.0/1.1. What real feeds get wrong is repaired and noted in `Feed.warnings` (feedparser's
/// "bozo"): a wrong declared encoding, undeclared HTML entities, XML that is not well-formed (read by
/// libxml2 in recover mode), unreadable dates, links that are not http or https. What cannot be a
/// feed at all (nothing, binary data, an HTML page, too many bytes) is a `FeedError`.
public enum FeedParser {
    /// The default size limit, 20 MB: feeds are rarely over 1 MB.
    public static let defaultMaxBytes = 20 << 20

    /// - Parameters:
    ///   - url: where the feed was fetched from: relative links resolve against it.
    ///   - contentType: the HTTP Content-Type, whose charset outranks the XML declaration.
    ///   - contentLanguage: the HTTP Content-Language: the language of text that names none.
    public static func parse(
        _ bytes: [UInt8], url: String? = nil, contentType: String? = nil,
        contentLanguage: String? = nil, maxBytes: Int = defaultMaxBytes
    ) throws(FeedError) -> Feed {
        guard bytes.count <= maxBytes else { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }
        // A document URL in a refused scheme (a javascript: Content-Location) is no base for links.
        let url = url.flatMap { URLResolution.isRefusedBase($0) ? nil : $0 }
        var decoded = FeedDecoding.decode(bytes, contentType: contentType)
        if decoded.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { decoded.utf8.removeFirst(3) }
        let first = decoded.utf8.firstIndex { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C) }
        guard let first else { throw .empty }
        if TextDecoding.looksBinary(Array(decoded.utf8.prefix(65_536))) { throw .binary }
        // What the text is decides how it is read, whatever the Content-Type claims.
        if decoded.utf8[first] == UInt8(ascii: "{") || decoded.utf8[first] == UInt8(ascii: "[") {
            var feed = try JSONFeedReader.read(decoded.utf8, url: url)
            feed.encoding = decoded.encoding
            feed.warnings = decoded.warnings + feed.warnings
            feed.isIllFormed = decoded.illFormed
            return feed
        }
        guard decoded.utf8[first] == UInt8(ascii: "<") else {
            throw .unreadable("the text is neither XML nor JSON")
        }
        if looksLikeHTML(decoded.utf8[first...].prefix(2048)) { throw .htmlPage }

        var warnings = decoded.warnings
        var illFormed = decoded.illFormed
        let repaired = XMLDocumentReader.repairEntities(decoded.utf8)
        if !repaired.repaired.isEmpty {
            let names = Array(Set(repaired.repaired)).sorted().prefix(5).joined(separator: " ")
            warnings.append("undeclared entities or bare ampersands repaired: \(names)")
            illFormed = true
        }
        let language = contentLanguage?.split(separator: ",").first.map { String($0).trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
        let xml = XMLDocumentReader.read(Array(repaired.bytes[...]), url: url, language: language)
        guard let root = xml.root else {
            throw .unreadable(xml.errors.first.map { "not XML (\($0))" } ?? "not XML")
        }
        if !xml.wellFormed {
            warnings.append("not well-formed XML, read in recover mode: " + (xml.errors.first ?? ""))
            illFormed = true
        }
        var reader = XMLFeedReader()
        var feed = try reader.read(root, doctype: xml.doctype)
        feed.encoding = decoded.encoding
        if feed.language == nil { feed.language = language }
        feed.warnings = warnings + feed.warnings
        feed.isIllFormed = illFormed
        for (k, item) in feed.items.enumerated() {
            for d in [item.published, item.updated] {
                if let d, d.date == nil, !d.text.isEmpty {
                    feed.warnings.append("item \(k + 1): unreadable date \"\(d.text.prefix(40))\"")
                }
            }
        }
        return feed
    }

    /// Reads a file-like `String` (already decoded).
    public static func parse(_ text: String, url: String? = nil) throws(FeedError) -> Feed {
        try parse(Array(text.utf8), url: url, contentType: nil)
    }

    /// An HTML page: a doctype or root element saying html, before any feed element.
    static func looksLikeHTML(_ head: ArraySlice<UInt8>) -> Bool {
        let s = String(decoding: head, as: UTF8.self).lowercased()
        if s.hasPrefix("<!doctype html") { return true }
        // The first element that is not a declaration, comment or processing instruction.
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                guard let close = after.firstIndex(of: ">") else { return false }
                rest = after[after.index(after: close)...]
                continue
            }
            return after.hasPrefix("html") && (after.dropFirst(4).first.map { $0 == ">" || $0 == " " || $0 == "\n" || $0 == "\t" } ?? false)
        }
        return false
    }
}
