/// Whether a run of non-space characters is a link, an e-mail address or a handle: "https://t.co/x",
/// "www.example.org", "pic.example.com/8aanQ", "@anapell", "ana@example.org".
public func isLinkOrHandle(_ chunk: some StringProtocol) -> Bool {
    if chunk.contains("://") || chunk.lowercased().hasPrefix("www.") || chunk.contains("@") { return true }
    guard let slash = chunk.firstIndex(of: "/") else { return false }
    return chunk[..<slash].contains(".")
}
