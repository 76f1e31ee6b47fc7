import CLibXML2

/// An XML element as the feed reader needs it: namespace URI, local name, attributes, children, and
/// the xml:base and xml:lang in force. Built from libxml2's tree, which is freed right after.
struct XElement {
    var namespace: String
    var prefix: String?
    var name: String
    var attributes: [XAttribute] = []
    var children: [XNode] = []
    /// The base URI in force here (xml:base resolved against the parent's, then the document URL).
    var base: String?
    /// The language in force here (xml:lang, inherited); nil when none or "".
    var language: String?

    func attribute(_ local: String, namespace: String? = nil) -> String? {
        let wanted = local.lowercased()
        for a in attributes where a.name.lowercased() == wanted && (namespace == nil || a.namespace == namespace) { return a.value }
        return nil
    }

    var elements: [XElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    var hasElementChildren: Bool { children.contains { if case .element = $0 { return true } else { return false } } }

    /// All text under this element, markup left out.
    var text: String {
        var out = ""
        func walk(_ e: XElement) {
            for child in e.children {
                switch child {
                case .text(let t): out += t
                case .element(let c): walk(c)
                }
            }
        }
        walk(self)
        return out
    }
}

struct XAttribute {
    var namespace: String
    var prefix: String?
    var name: String
    var value: String
}

enum XNode {
    case element(XElement)
    case text(String)
}

struct XMLReadResult {
    var root: XElement?
    var wellFormed: Bool
    var errors: [String]
    var doctype: String?
}

enum XMLDocumentReader {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// libxml2 set up once. Its external entity loader is replaced by one that loads nothing: with
    /// entities substituted (XML_PARSE_NOENT), a feed's `<!ENTITY x SYSTEM "file:///etc/passwd">` would
    /// otherwise be read from disk into the feed (XXE). XML_PARSE_NONET alone covers only the network.
    /// The loader is process-wide; nothing in Precis loads external entities or DTDs on purpose.
    private static let initialised: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    /// Parses UTF-8 XML in recover mode: a document that is not well-formed is read as far as libxml2
    /// can, and `wellFormed` says so. No network, no external entities, no DTD loading.
    static func read(_ utf8: [UInt8], url: String?, language: String? = nil) -> XMLReadResult {
        _ = initialised
        guard let context = xmlNewParserCtxt() else { return XMLReadResult(root: nil, wellFormed: false, errors: ["out of memory"]) }
        defer { xmlFreeParserCtxt(context) }
        let options =
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NOENT.rawValue | XML_PARSE_NONET.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue
        let doc: xmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                xmlCtxtReadMemory(context, chars, Int32(clamping: buffer.count), url, "UTF-8", Int32(bitPattern: options))
            }
        }
        var errors: [String] = []
        let wellFormed = context.pointee.wellFormed != 0 && context.pointee.nsWellFormed != 0
        if !wellFormed {
            let last = context.pointee.lastError
            let message = last.message.map { String(cString: $0).trimmingWhitespace } ?? "not well-formed"
            errors.append("line \(last.line): \(message)")
        }
        guard let doc else { return XMLReadResult(root: nil, wellFormed: false, errors: errors) }
        defer { xmlFreeDoc(doc) }
        var doctype: String?
        if let dtd = doc.pointee.intSubset {
            doctype = [dtd.pointee.name, dtd.pointee.ExternalID, dtd.pointee.SystemID].compactMap { $0.map { String(cString: $0) } }.joined(separator: " ")
        }
        guard let rootNode = xmlDocGetRootElement(doc) else {
            return XMLReadResult(root: nil, wellFormed: wellFormed, errors: errors, doctype: doctype)
        }
        let root = convert(rootNode, doc: doc, base: url, language: language)
        return XMLReadResult(root: root, wellFormed: wellFormed, errors: errors, doctype: doctype)
    }

    static func string(_ p: UnsafePointer<xmlChar>?) -> String? { p.map { String(cString: $0) } }

    static func convert(_ node: xmlNodePtr, doc: xmlDocPtr, base: String?, language: String?) -> XElement {
        let ns = node.pointee.ns
        var element = XElement(
            namespace: string(ns?.pointee.href) ?? "", prefix: string(ns?.pointee.prefix),
            name: string(node.pointee.name) ?? "")
        var base = base
        var language = language
        var attribute = node.pointee.properties
        while let a = attribute {
            let value: String
            if let v = xmlNodeListGetString(doc, a.pointee.children, 1) {
                value = String(cString: v)
                free(v)
            } else {
                value = ""
            }
            let ans = a.pointee.ns
            let item = XAttribute(
                namespace: string(ans?.pointee.href) ?? "", prefix: string(ans?.pointee.prefix),
                name: string(a.pointee.name) ?? "", value: value)
            if item.namespace == xmlNamespace && item.name == "base" {
                // An xml:base in a scheme no link may have (javascript:, data:, file:) is ignored.
                let resolved = URLResolution.resolve(value, against: base)
                if !URLResolution.isRefusedBase(resolved) { base = resolved }
            } else if item.namespace == xmlNamespace && item.name == "lang" {
                language = value.isEmpty ? nil : value
            }
            element.attributes.append(item)
            attribute = a.pointee.next
        }
        // Namespace declarations, kept as attributes so inline XML can be written back with them.
        var nsDef = node.pointee.nsDef
        while let d = nsDef {
            let prefix = string(d.pointee.prefix)
            element.attributes.append(
                XAttribute(
                    namespace: "http://www.w3.org/2000/xmlns/", prefix: prefix.map { _ in "xmlns" },
                    name: prefix ?? "xmlns", value: string(d.pointee.href) ?? ""))
            nsDef = d.pointee.next
        }
        element.base = base
        element.language = language
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(.element(convert(c, doc: doc, base: base, language: language)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let t = string(c.pointee.content) { appendText(t, to: &element) }
            case XML_ENTITY_REF_NODE:
                if let content = xmlNodeGetContent(c) {
                    appendText(String(cString: content), to: &element)
                    free(content)
                }
            default:
                break
            }
            child = c.pointee.next
        }
        return element
    }

    static func appendText(_ text: String, to element: inout XElement) {
        if case .text(let previous)? = element.children.last {
            element.children[element.children.count - 1] = .text(previous + text)
        } else {
            element.children.append(.text(text))
        }
    }

    // MARK: - Undeclared entities

    /// XML bytes with what a strict parser would refuse in entity references repaired: an HTML entity
    /// XML does not declare (`&nbsp;`, `&eacute;`) becomes its character reference, and a bare `&` or
    /// an unknown name becomes `&amp;`. CDATA sections and comments are left alone. The names
    /// repaired are returned for a warning.
    static func repairEntities(_ bytes: [UInt8]) -> (bytes: [UInt8], repaired: [String]) {
        guard bytes.contains(UInt8(ascii: "&")) else { return (bytes, []) }
        let declared = declaredEntities(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var repaired: [String] = []
        var i = 0
        let n = bytes.count
        let cdataOpen = Array("<![CDATA[".utf8), commentOpen = Array("<!--".utf8)
        let cdataClose = Array("]]>".utf8), commentClose = Array("-->".utf8)
        func starts(_ u: [UInt8], at k: Int) -> Bool {
            guard k + u.count <= n else { return false }
            for m in 0..<u.count where bytes[k + m] != u[m] { return false }
            return true
        }
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                if i + 1 < n, bytes[i + 1] == UInt8(ascii: "!"), starts(cdataOpen, at: i) || starts(commentOpen, at: i) {
                    let close = starts(commentOpen, at: i) ? commentClose : cdataClose
                    var j = i + 4
                    while j < n && !(bytes[j] == close[0] && starts(close, at: j)) { j += 1 }
                    let end = min(n, j + close.count)
                    out.append(contentsOf: bytes[i..<end])
                    i = end
                    continue
                }
                out.append(b)
                i += 1
                continue
            }
            guard b == UInt8(ascii: "&") else { out.append(b); i += 1; continue }
            // A reference: "&#123;", "&#x1F;", "&name;".
            var j = i + 1
            if j < n && bytes[j] == UInt8(ascii: "#") {
                j += 1
                let hex = j < n && (bytes[j] | 0x20) == UInt8(ascii: "x")
                if hex { j += 1 }
                let start = j
                while j < n, isDigit(bytes[j], hex: hex) { j += 1 }
                if j > start && j < n && bytes[j] == UInt8(ascii: ";") {
                    if hex && bytes[i + 2] == UInt8(ascii: "X") {
                        // XML allows only a lower-case x.
                        out.append(contentsOf: Array("&#x".utf8))
                        out.append(contentsOf: bytes[start...j])
                        repaired.append("&#X")
                        i = j + 1
                        continue
                    }
                    out.append(contentsOf: bytes[i...j])
                    i = j + 1
                    continue
                }
                repaired.append("&#")
                out.append(contentsOf: Array("&amp;".utf8))
                i += 1
                continue
            }
            while j < n, j - i < 40, isNameByte(bytes[j]) { j += 1 }
            if j > i + 1 && j < n && bytes[j] == UInt8(ascii: ";") {
                let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                if ["amp", "lt", "gt", "quot", "apos"].contains(name) || declared.contains(name) {
                    out.append(contentsOf: bytes[i...j])
                } else if let entity = htmlEntityLookup(name), name != "amp" {
                    out.append(contentsOf: Array("&#\(entity.pointee.value);".utf8))
                    repaired.append("&\(name);")
                } else {
                    out.append(contentsOf: Array("&amp;".utf8))
                    out.append(contentsOf: bytes[(i + 1)...j])
                    repaired.append("&\(name);")
                }
                i = j + 1
                continue
            }
            repaired.append("&")
            out.append(contentsOf: Array("&amp;".utf8))
            i += 1
        }
        return (out, repaired)
    }

    static func isDigit(_ b: UInt8, hex: Bool) -> Bool {
        (b >= 0x30 && b <= 0x39) || (hex && ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66))
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x3A
    }

    /// Entity names a DOCTYPE's internal subset declares.
    static func declaredEntities(_ bytes: [UInt8]) -> Set<String> {
        let marker = Array("<!ENTITY".utf8)
        var names: Set<String> = []
        var i = 0
        let limit = min(bytes.count, 1 << 20)
        while i + marker.count < limit {
            if bytes[i] == marker[0] && Array(bytes[i..<(i + marker.count)]) == marker {
                var j = i + marker.count
                while j < limit && (bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] == 0x25) { j += 1 }
                let start = j
                while j < limit && isNameByte(bytes[j]) { j += 1 }
                if j > start { names.insert(String(decoding: bytes[start..<j], as: UTF8.self)) }
                i = j
            } else {
                i += 1
            }
        }
        return names
    }
}
