import PrecisIngest

/// One subscription of an OPML file: an outline with an `xmlUrl`.
public struct OPMLOutline: Sendable, Equatable {
    public var url: String
    public var title: String?
    public var htmlURL: String?

    public init(url: String, title: String? = nil, htmlURL: String? = nil) {
        self.url = url
        self.title = title
        self.htmlURL = htmlURL
    }
}

/// The subscription list that feed readers export (OPML 1.0 and 2.0): every outline with an
/// `xmlUrl`, at any depth (readers nest feeds in folders), once each, in document order.
public enum OPML {
    public struct Subscriptions: Sendable, Equatable {
        public var feeds: [OPMLOutline] = []
        /// Outlines passed over, and why (an `xmlUrl` that is not http or https, a repeat).
        public var skipped: [String] = []
    }

    public static func parse(_ bytes: [UInt8], maxBytes: Int = 5 << 20) throws(FeedError) -> Subscriptions {
        guard bytes.count <= maxBytes else { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }
        var decoded = FeedDecoding.decode(bytes, contentType: nil)
        if decoded.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { decoded.utf8.removeFirst(3) }
        guard decoded.utf8.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else { throw .empty }
        if TextDecoding.looksBinary(Array(decoded.utf8.prefix(65_536))) { throw .binary }
        let repaired = XMLDocumentReader.repairEntities(decoded.utf8)
        let xml = XMLDocumentReader.read(Array(repaired.bytes[...]), url: nil)
        guard let root = xml.root else { throw .unreadable(xml.errors.first.map { "not XML (\($0))" } ?? "not XML") }
        guard root.name.lowercased() == "opml" else { throw .notAFeed(root.name) }
        var out = Subscriptions()
        var seen = Set<String>()
        func walk(_ e: XElement) {
            for child in e.elements where child.name.lowercased() == "outline" || child.name.lowercased() == "body" {
                if let raw = child.attribute("xmlUrl")?.trimmingWhitespace, !raw.isEmpty {
                    let title = (child.attribute("title") ?? child.attribute("text"))?.trimmingWhitespace
                    let lower = raw.lowercased()
                    if !(lower.hasPrefix("http://") || lower.hasPrefix("https://")) {
                        out.skipped.append("\(raw.prefix(200)): only http and https feeds are watched")
                    } else if !seen.insert(raw).inserted {
                        out.skipped.append("\(raw.prefix(200)): listed twice")
                    } else {
                        out.feeds.append(
                            OPMLOutline(
                                url: raw, title: title.flatMap { $0.isEmpty ? nil : $0 },
                                htmlURL: child.attribute("htmlUrl")))
                    }
                }
                walk(child)
            }
        }
        walk(root)
        return out
    }
}
