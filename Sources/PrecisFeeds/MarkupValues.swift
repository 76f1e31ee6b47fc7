/// Inline markup in feeds: XML children written back as HTML text, and relative URIs in HTML values
/// made absolute against the base in force where the value was written.
extension XMLFeedReader {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "param", "source", "track", "wbr"]

    /// The markup under `e`, written back: element names without the XHTML namespace, text and
    /// attribute values escaped, empty HTML void elements as `<br />`.
    func serializeChildren(_ e: XElement) -> String {
        var out = ""
        for child in e.children { Self.serialize(child, parentNamespace: e.namespace, into: &out) }
        return out
    }

    static func serialize(_ node: XNode, parentNamespace: String, into out: inout String) {
        switch node {
        case .text(let t):
            out += escape(t, attribute: false)
        case .element(let e):
            let inXHTML = e.namespace == xhtml || e.namespace.isEmpty
            let name = inXHTML || e.prefix == nil ? e.name : e.prefix! + ":" + e.name
            out += "<" + name
            var declared = false
            for a in e.attributes {
                if a.namespace == "http://www.w3.org/2000/xmlns/" {
                    if a.value == xhtml || a.value == atom10 || a.value == atom03 { continue }
                    if a.prefix == nil { declared = true }
                    out += " " + (a.prefix.map { $0 + ":" } ?? "") + a.name + "=\"" + escape(a.value, attribute: true) + "\""
                    continue
                }
                let aname = a.prefix.map { $0 + ":" + a.name } ?? a.name
                out += " " + aname + "=\"" + escape(a.value, attribute: true) + "\""
            }
            if !declared && !inXHTML && e.prefix == nil && e.namespace != parentNamespace {
                out += " xmlns=\"" + escape(e.namespace, attribute: true) + "\""
            }
            if e.children.isEmpty && voidElements.contains(e.name.lowercased()) {
                out += " />"
                return
            }
            out += ">"
            for c in e.children { serialize(c, parentNamespace: e.namespace, into: &out) }
            out += "</" + name + ">"
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

    static let uriAttributes: Set<String> = ["href", "src", "action", "background", "cite", "codebase", "data", "longdesc",
                                             "poster", "profile", "usemap", "classid", "dynsrc", "lowsrc", "icon", "manifest"]

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
                if let q = quote { while m < n, b[m] != q { m += 1 } }
                else { while m < n, b[m] != 0x20, b[m] != UInt8(ascii: ">") { m += 1 } }
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
