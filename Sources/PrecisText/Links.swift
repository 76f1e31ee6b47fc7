import Foundation

/// Whether a run of non-space characters is a link, an e-mail address or a handle: "https://t.co/x",
/// "www.example.org", "pic.example.com/8aanQ", "@anapell", "ana@example.org".
public func isLinkOrHandle(_ chunk: some StringProtocol) -> Bool {
    if chunk.contains("://") || chunk.lowercased().hasPrefix("www.") || chunk.contains("@") { return true }
    guard let slash = chunk.firstIndex(of: "/") else { return false }
    return chunk[..<slash].contains(".")
}

/// The address itself when it is a web address Precis may record or link to: an absolute `http` or
/// `https` URL (scheme in any case) with a host, no white space or control characters, at most 2 048
/// characters. Anything else is nil: `javascript:alert(1)`, `data:...`, `file:///etc/passwd`, a
/// relative `/path`, `http://` alone. Every URL that enters Precis (the API's `url` field, a page's
/// canonical or `og:url` link, a scraped text's URL line) passes here, and so does every URL written
/// into a page or an HTML digest.
///
///     webAddress("https://example.org/a?b=1")   // "https://example.org/a?b=1"
///     webAddress(" javascript:alert(1)")         // nil
public func webAddress(_ text: some StringProtocol) -> String? {
    let s = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !s.isEmpty, s.count <= 2_048 else { return nil }
    guard !s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.isWhitespace }) else { return nil }
    let lower = s.lowercased()
    let rest: Substring
    if lower.hasPrefix("https://") { rest = s.dropFirst(8) } else if lower.hasPrefix("http://") { rest = s.dropFirst(7) } else { return nil }
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard !host.isEmpty, !host.hasPrefix("@"), !host.hasPrefix(":") else { return nil }
    return s
}
