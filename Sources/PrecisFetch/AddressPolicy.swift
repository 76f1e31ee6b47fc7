#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An IP address, parsed from its text form without any lookup.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    case v4(UInt32)
    /// Sixteen bytes, network order.
    case v6([UInt8])

    /// Parses a dotted IPv4 address or an IPv6 address (brackets and a `%zone` allowed); nil for
    /// anything else, host names included.
    public init?(_ text: String) {
        var s = text
        if s.hasPrefix("[") && s.hasSuffix("]") { s = String(s.dropFirst().dropLast()) }
        if let zone = s.firstIndex(of: "%") { s = String(s[..<zone]) }
        guard !s.isEmpty, s.count <= 45 else { return nil }
        var v4 = in_addr()
        if s.withCString({ inet_pton(AF_INET, $0, &v4) }) == 1 {
            self = .v4(UInt32(bigEndian: v4.s_addr))
            return
        }
        var v6 = in6_addr()
        if s.withCString({ inet_pton(AF_INET6, $0, &v6) }) == 1 {
            self = .v6(withUnsafeBytes(of: &v6) { Array($0) })
            return
        }
        return nil
    }

    public var description: String {
        switch self {
        case .v4(let a):
            return "\(a >> 24).\((a >> 16) & 0xFF).\((a >> 8) & 0xFF).\(a & 0xFF)"
        case .v6(var bytes):
            var buffer = [CChar](repeating: 0, count: 64)
            let ok = bytes.withUnsafeMutableBytes { raw in
                inet_ntop(AF_INET6, raw.baseAddress, &buffer, socklen_t(buffer.count)) != nil
            }
            if ok, let end = buffer.firstIndex(of: 0) {
                return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            return bytes.map { String($0, radix: 16) }.joined(separator: ":")
        }
    }
}

/// Which addresses a fetch may connect to. Feeds and pages are fetched on behalf of whoever adds a
/// feed, so without this anyone able to add a feed could make Precis read the machine's own
/// services or the private network behind it (server-side request forgery). Every address a name
/// resolves to is checked, before the first connection and again on every redirect.
public enum AddressPolicy {
    /// Why connecting to `address` is refused, or nil when it is a public unicast address.
    public static func refusal(_ address: IPAddress) -> String? {
        switch address {
        case .v4(let a): return refusalV4(a)
        case .v6(let b): return refusalV6(b)
        }
    }

    static let v4Ranges: [(UInt32, Int, String)] = [
        (0x0000_0000, 8, "unspecified (0.0.0.0/8)"),
        (0x0A00_0000, 8, "private (10.0.0.0/8)"),
        (0x6440_0000, 10, "shared carrier-grade NAT (100.64.0.0/10)"),
        (0x7F00_0000, 8, "loopback (127.0.0.0/8)"),
        (0xA9FE_0000, 16, "link-local (169.254.0.0/16)"),
        (0xAC10_0000, 12, "private (172.16.0.0/12)"),
        (0xC000_0000, 24, "reserved for protocols (192.0.0.0/24)"),
        (0xC000_0200, 24, "documentation (192.0.2.0/24)"),
        (0xC058_6300, 24, "6to4 relay anycast (192.88.99.0/24)"),
        (0xC0A8_0000, 16, "private (192.168.0.0/16)"),
        (0xC612_0000, 15, "benchmarking (198.18.0.0/15)"),
        (0xC633_6400, 24, "documentation (198.51.100.0/24)"),
        (0xCB00_7100, 24, "documentation (203.0.113.0/24)"),
        (0xE000_0000, 4, "multicast (224.0.0.0/4)"),
        (0xF000_0000, 4, "reserved (240.0.0.0/4, broadcast included)")
    ]

    static func refusalV4(_ a: UInt32) -> String? {
        for (base, bits, why) in v4Ranges {
            let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
            if a & mask == base { return why }
        }
        return nil
    }

    static func refusalV6(_ b: [UInt8]) -> String? {
        guard b.count == 16 else { return "not an IPv6 address" }
        func embeddedV4(from k: Int) -> UInt32 {
            UInt32(b[k]) << 24 | UInt32(b[k + 1]) << 16 | UInt32(b[k + 2]) << 8 | UInt32(b[k + 3])
        }
        let firstTen = b[0..<10].allSatisfy { $0 == 0 }
        if firstTen && b[10] == 0xFF && b[11] == 0xFF {
            // ::ffff:a.b.c.d reaches the IPv4 address a.b.c.d.
            return refusalV4(embeddedV4(from: 12)).map { "IPv4-mapped \($0)" }
        }
        if b[0..<15].allSatisfy({ $0 == 0 }) {
            if b[15] == 0 { return "unspecified (::)" }
            if b[15] == 1 { return "loopback (::1)" }
        }
        if firstTen && b[10] == 0 && b[11] == 0 { return "IPv4-compatible (::/96, deprecated)" }
        // 64:ff9b::/96, NAT64: the IPv4 address it translates to decides.
        if b[0] == 0x00, b[1] == 0x64, b[2] == 0xFF, b[3] == 0x9B, b[4..<12].allSatisfy({ $0 == 0 }) {
            return refusalV4(embeddedV4(from: 12)).map { "NAT64 of \($0)" }
        }
        if b[0] == 0x20, b[1] == 0x02 {
            // 2002::/16, 6to4: bytes 2-5 are an IPv4 address.
            return refusalV4(embeddedV4(from: 2)).map { "6to4 of \($0)" }
        }
        if b[0] == 0xFF { return "multicast (ff00::/8)" }
        if b[0] & 0xFE == 0xFC { return "unique local, private (fc00::/7)" }
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return "link-local (fe80::/10)" }
        if b[0] == 0xFE && b[1] & 0xC0 == 0xC0 { return "site-local (fec0::/10, deprecated)" }
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0D, b[3] == 0xB8 { return "documentation (2001:db8::/32)" }
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x00, b[3] == 0x00 { return "Teredo tunnel (2001::/32)" }
        if b[0] == 0x01, b[1..<8].allSatisfy({ $0 == 0 }) { return "discard-only (100::/64)" }
        // Only global unicast (2000::/3) is public; the rest of the space is unassigned.
        if b[0] & 0xE0 != 0x20 { return "reserved (outside 2000::/3)" }
        return nil
    }

    /// Why a URL's scheme may not be fetched, or nil for http and https.
    public static func schemeRefusal(_ scheme: String?) -> String? {
        switch scheme?.lowercased() {
        case "http", "https": return nil
        case nil: return "the address has no scheme; only http and https are fetched"
        case let s?: return "only http and https are fetched, not \(s):"
        }
    }

    /// Decides on every address a host resolved to: the first allowed one to connect to, or why
    /// none may be used. One refused address refuses the host: a name that resolves to a private
    /// address among public ones is a rebinding attempt, not a choice.
    public static func choose(host: String, addresses: [IPAddress], allowPrivate: Bool, allowLoopback: Bool = false) -> Result<IPAddress, FetchError> {
        guard let first = addresses.first else { return .failure(.cannotResolve(host, "no address")) }
        if allowPrivate { return .success(first) }
        for a in addresses {
            if allowLoopback && isLoopback(a) { continue }
            if let why = refusal(a) { return .failure(.refusedAddress(host: host, address: a.description, reason: why)) }
        }
        return .success(first)
    }

    /// 127.0.0.0/8, ::1 and the IPv4-mapped form of 127.0.0.0/8: the machine itself.
    public static func isLoopback(_ address: IPAddress) -> Bool {
        switch address {
        case .v4(let a): return a >> 24 == 127
        case .v6(let b):
            guard b.count == 16 else { return false }
            if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return true }
            return b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF && b[12] == 127
        }
    }
}
