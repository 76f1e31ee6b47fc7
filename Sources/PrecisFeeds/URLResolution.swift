/// Relative references resolved against a base URI (RFC 3986, section 5), on strings, so that
/// non-ASCII characters and odd but harmless forms survive as written.
enum URLResolution {
    struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(_ s: String) {
            var rest = Substring(s)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let q = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: q)...])
                rest = rest[..<q]
            }
            if let colon = rest.firstIndex(of: ":"), let first = rest.first, first.isASCII, first.isLetter,
                rest[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
            {
                scheme = rest[..<colon].lowercased()
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        var string: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }

    /// The scheme of a URI, lower case, if it has one.
    static func scheme(_ s: String) -> String? { Parts(s.trimmingWhitespace).scheme }

    /// Schemes never followed and never used as a base for other links.
    static let refusedSchemes: Set<String> = ["javascript", "vbscript", "file", "data", "about", "chrome", "jar", "blob"]

    /// Whether a base URI must be ignored: its scheme is a refused one.
    static func isRefusedBase(_ uri: String) -> Bool {
        guard let s = scheme(uri) else { return false }
        return refusedSchemes.contains(s)
    }

    /// `reference` made absolute against `base` (nil or empty base: the reference as it is).
    static func resolve(_ reference: String, against base: String?) -> String {
        let ref = reference.trimmingWhitespace
        guard let base, !base.isEmpty else { return ref }
        let r = Parts(ref)
        if r.scheme != nil { return ref }
        var b = Parts(base.trimmingWhitespace)
        guard b.scheme != nil else { return ref }
        var t = Parts("")
        t.scheme = b.scheme
        if r.authority != nil {
            t.authority = r.authority
            t.path = removeDots(r.path)
            t.query = r.query
        } else {
            t.authority = b.authority
            if r.path.isEmpty {
                t.path = b.path
                t.query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    t.path = removeDots(r.path)
                } else {
                    if b.authority != nil && b.path.isEmpty { b.path = "/" }
                    let dir = b.path.lastIndex(of: "/").map { String(b.path[...$0]) } ?? ""
                    t.path = removeDots(dir + r.path)
                }
                t.query = r.query
            }
        }
        t.fragment = r.fragment
        return t.string
    }

    static func removeDots(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (k, segment) in segments.enumerated() {
            let last = k == segments.count - 1
            if segment == "." {
                if last { output.append("") }
            } else if segment == ".." {
                if output.count > 1 { output.removeLast() }
                if last { output.append("") }
            } else {
                output.append(segment)
            }
        }
        var joined = output.joined(separator: "/")
        if path.hasPrefix("/") && !joined.hasPrefix("/") { joined = "/" + joined }
        return joined
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
