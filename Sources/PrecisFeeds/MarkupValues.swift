/// Inline markup in feeds: XML children written back as HTML text, and relative URIs in HTML values
/// made absolute against the base in force where the value was written.
extension XMLFeedReader {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"
    ]

    /// The markup under `e`, written back: element names without the XHTML namespace, text and
    /// attribute values escaped, empty HTML void elements as `<br />`.
    func serializeChildren(_ e: XElement) -> String {
        var out = ""
        for child in e.children { Self.serialize(child, parentNamespace: e.namespace, into: &out) }
        return out
    }

    static func serialize(_ node: XNode, parentNamespace: String, declared: Set<String> = [], into out: inout String) {
        switch node {
        case .text(let t):
            out += escape(t, attribute: false)
        case .element(let e):
            // Local names; a foreign vocabulary (SVG, MathML) gets its default namespace declared
            // where it starts, and prefixed attributes (xlink:href) their prefix; attributes sorted.
            let inXHTML = e.namespace == xhtml || e.namespace.isEmpty
            out += "<" + e.name
            var attributes: [(String, String)] = []
            var declared = declared
            for a in e.attributes where a.namespace != "http://www.w3.org/2000/xmlns/" {
                if let prefix = a.prefix, !a.namespace.isEmpty {
                    attributes.append((prefix + ":" + a.name, a.value))
                    if prefix != "xml", !declared.contains(prefix) {
                        declared.insert(prefix)
                        attributes.append(("xmlns:" + prefix, a.namespace))
                    }
                } else {
                    attributes.append((a.name, a.value))
                }
            }
            if !inXHTML && e.namespace != parentNamespace { attributes.append(("xmlns", e.namespace)) }
            for (name, value) in attributes.sorted(by: { $0.0 < $1.0 }) {
                out += " " + name + "=\"" + escape(value, attribute: true) + "\""
            }
            if e.children.isEmpty && voidElements.contains(e.name.lowercased()) {
                out += " />"
                return
            }
            out += ">"
            for c in e.children { serialize(c, parentNamespace: e.namespace, declared: declared, into: &out) }
            out += "</" + e.name + ">"
        }
    }

    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static let uriAttributes: Set<String> = [
        "href", "src", "action", "background", "cite", "codebase", "data", "longdesc",
        "poster", "profile", "usemap", "classid", "dynsrc", "lowsrc", "icon", "manifest"
    ]

    /// HTML with the values of its URI attributes (href, src, ...) resolved against `base`.
    func resolveRelativeURIs(_ html: String, base: String?) -> String {
        guard let base, !base.isEmpty, html.contains("<") else { return html }
        let b = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 64)
        var i = 0
        let n = b.count
        while i < n {
            guard b[i] == UInt8(ascii: "<"), i + 1 < n, (b[i + 1] | 0x20) >= 0x61, (b[i + 1] | 0x20) <= 0x7A else {
                out.append(b[i]); i += 1; continue
            }
            // A start tag: copy its name, then attributes one by one.
            var j = i + 1
            while j < n, b[j] != 0x20, b[j] != 0x09, b[j] != 0x0A, b[j] != 0x0D, b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "/") { j += 1 }
            out.append(contentsOf: b[i..<j])
            i = j
            while i < n, b[i] != UInt8(ascii: ">") {
                if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D || b[i] == UInt8(ascii: "/") { out.append(b[i]); i += 1; continue }
                var k = i
                while k < n, b[k] != UInt8(ascii: "="), b[k] != UInt8(ascii: ">"), b[k] != 0x20, b[k] != UInt8(ascii: "/") { k += 1 }
                let name = String(decoding: b[i..<k], as: UTF8.self).lowercased()
                out.append(contentsOf: b[i..<k])
                i = k
                guard i < n, b[i] == UInt8(ascii: "=") else { if i == k && i < n && b[i] != UInt8(ascii: ">") { out.append(b[i]); i += 1 }; continue }
                out.append(b[i]); i += 1
                var quote: UInt8? = nil
                if i < n, b[i] == 0x22 || b[i] == 0x27 { quote = b[i]; out.append(b[i]); i += 1 }
                var m = i
                if let q = quote { while m < n, b[m] != q { m += 1 } } else { while m < n, b[m] != 0x20, b[m] != UInt8(ascii: ">") { m += 1 } }
                let value = String(decoding: b[i..<m], as: UTF8.self)
                if Self.uriAttributes.contains(name) {
                    let unescaped = value.replacingOccurrences(of: "&amp;", with: "&")
                    var resolved = URLResolution.resolve(unescaped, against: base)
                    if resolved != unescaped { resolved = resolved.replacingOccurrences(of: "&", with: "&amp;") } else { resolved = value }
                    out.append(contentsOf: Array(resolved.utf8))
                } else {
                    out.append(contentsOf: b[i..<m])
                }
                i = m
                if quote != nil, i < n { out.append(b[i]); i += 1 }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
