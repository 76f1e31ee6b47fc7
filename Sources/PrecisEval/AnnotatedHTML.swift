import CLibXML2

/// Text of the elements carrying given classes in an annotated page (L3S-GN1's gold), block by block.
enum AnnotatedHTML {
    static func text(in html: String, classes: Set<String>) -> String {
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return "" }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(clamping: buffer.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return "" }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return "" }
        var pieces: [String] = []
        collect(root, classes: classes, inside: false, into: &pieces, depth: 0)
        return pieces.map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func collect(_ node: xmlNodePtr, classes: Set<String>, inside: Bool, into pieces: inout [String], depth: Int) {
        guard depth < 400 else { return }
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            switch current.pointee.type {
            case XML_TEXT_NODE:
                if inside, let content = current.pointee.content { pieces.append(String(cString: content)) }
            case XML_ELEMENT_NODE:
                let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if name == "script" || name == "style" { continue }
                let own = classAttribute(current).split(separator: " ").contains { classes.contains(String($0)) }
                collect(current, classes: classes, inside: inside || own, into: &pieces, depth: depth + 1)
            default:
                continue
            }
        }
    }

    private static func classAttribute(_ node: xmlNodePtr) -> String {
        var attr = node.pointee.properties
        while let current = attr {
            defer { attr = current.pointee.next }
            guard let name = current.pointee.name, String(cString: name).lowercased() == "class",
                  let value = current.pointee.children?.pointee.content else { continue }
            return String(cString: value)
        }
        return ""
    }
}
