import CLibXML2
import Foundation

/// A page's element tree as libxml2's HTML parser reads it, kept in flat arrays instead of libxml2's
/// own node objects: the parser reports elements and text through its SAX interface and this type
/// records them. libxml2 still decides the tree (its tokenizer, implied elements, auto-closing); what
/// goes is a heap object per node and per attribute, freed again after one look, which cost as much
/// as the tokenizing itself.
///
/// Text is stored once, in document order, so the text under an element is one range of it: its
/// length, its link text and its paragraph text are known without a walk. Script and style text is
/// kept apart (only JSON-LD is read from it), so "text" here is what a reader could see.
struct HTMLTree {
    typealias Node = Int

    struct Record {
        /// Index into `names`; -1 for a text node.
        var name: Int32
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var next: Int32 = -1
        /// Text nodes: their bytes in `text`. Elements: the range of `text` their descendants hold
        /// (script and style: their range of `rawText`).
        var textStart: Int32
        var textEnd: Int32
        /// Unicode scalars of link text and of paragraph text before this node, and up to its end.
        var linkStart: Int32 = 0
        var linkEnd: Int32 = 0
        var paragraphStart: Int32 = 0
        var paragraphEnd: Int32 = 0
        /// Elements: their attributes in `attributes`.
        var attributeStart: Int32 = 0
        var attributeEnd: Int32 = 0
    }

    /// Node 0 is the document; its children are the top elements.
    var records: [Record] = [Record(name: -1, parent: -1, textStart: 0, textEnd: 0)]
    var names: [String] = []
    var text: [UInt8] = []
    var rawText: [UInt8] = []
    var attributes: [(name: String, value: String)] = []

    static let document: Node = 0

    /// The index of a name in `names`, or -1 when no element of the page has it.
    func nameIndex(_ name: String) -> Int32 { nameIndices[name] ?? -1 }
    var nameIndices: [String: Int32] = [:]
    /// What each name in `names` is, as the flags below.
    var nameFlags: [UInt8] = []

    static let linkFlag: UInt8 = 1, paragraphFlag: UInt8 = 2, rawFlag: UInt8 = 4, textFlag: UInt8 = 8

    /// Whether `node` is a script or style, whose text is kept apart.
    func isRawText(_ node: Node) -> Bool {
        let index = records[node].name
        return index >= 0 && nameFlags[Int(index)] & Self.rawFlag != 0
    }

    /// The first element under the document (`<html>`), if the page has any.
    var root: Node? { children(of: Self.document).first { isElement($0) } }

    func isElement(_ node: Node) -> Bool { records[node].name >= 0 }
    func isText(_ node: Node) -> Bool { node != Self.document && records[node].name < 0 }

    /// An element's name, lower case (libxml2 lower-cases HTML names); "" for text.
    func name(_ node: Node) -> String {
        let index = records[node].name
        return index >= 0 ? names[Int(index)] : ""
    }

    @inline(__always) func isTag(_ node: Node, _ tag: String) -> Bool {
        let index = records[node].name
        return index >= 0 && names[Int(index)] == tag
    }

    func parent(_ node: Node) -> Node? {
        let p = records[node].parent
        return p >= 0 ? Int(p) : nil
    }

    /// The parent when it is an element (not the document).
    func parentElement(_ node: Node) -> Node? {
        guard let p = parent(node), p != Self.document else { return nil }
        return p
    }

    func children(of node: Node) -> UnfoldSequence<Node, Int32> {
        sequence(state: records[node].firstChild) { next in
            guard next >= 0 else { return nil }
            let current = Int(next)
            next = records[current].next
            return current
        }
    }

    func attribute(_ node: Node, _ wanted: String) -> String? {
        let r = records[node]
        guard r.name >= 0 else { return nil }
        for k in Int(r.attributeStart)..<Int(r.attributeEnd) where attributes[k].name == wanted { return attributes[k].value }
        return nil
    }

    /// The bytes of the text under `node` (a text node's own), script and style text left out.
    func textBytes(_ node: Node) -> ArraySlice<UInt8> {
        let r = records[node]
        return text[Int(r.textStart)..<Int(r.textEnd)]
    }

    /// The text under `node`; for a script or style, its own text.
    func textContent(_ node: Node) -> String {
        let r = records[node]
        if isRawText(node) {
            return String(decoding: rawText[Int(r.textStart)..<Int(r.textEnd)], as: UTF8.self)
        }
        return String(decoding: textBytes(node), as: UTF8.self)
    }

    /// Bytes of visible text under `node`.
    func visibleTextLength(_ node: Node) -> Int {
        isRawText(node) ? 0 : Int(records[node].textEnd - records[node].textStart)
    }

    /// Unicode scalars of text inside links under `node` (all of it, for a link).
    func linkTextLength(_ node: Node) -> Int { Int(records[node].linkEnd - records[node].linkStart) }

    /// Unicode scalars of paragraph (`<p>`) text under `node` (all of it, for a paragraph).
    func paragraphTextLength(_ node: Node) -> Int { Int(records[node].paragraphEnd - records[node].paragraphStart) }

    // MARK: - Building

    /// Parses UTF-8 bytes that start with a byte-order mark (which tells libxml2 the encoding
    /// without running the page through its converter; the page's own charset declaration is ignored,
    /// since the bytes are UTF-8 already).
    ///
    /// Without `keepBlanks`, white space between elements goes where libxml2's own tree builder drops
    /// it (its `HTML_PARSE_NOBLANKS`): after or as the first child of an element that takes no text
    /// of its own (a table row, an image), never beside text or inline elements.
    static func parse(_ bytes: [UInt8], keepBlanks: Bool = false) -> HTMLTree {
        precondition(bytes.starts(with: byteOrderMark))
        _ = initialised
        // The builder lives behind a plain pointer the callbacks get back: a struct, so its arrays
        // are updated in place, without a class's retains and run-time exclusivity checks.
        let builder = UnsafeMutablePointer<Builder>.allocate(capacity: 1)
        builder.initialize(to: Builder(keepBlanks: keepBlanks))
        defer { builder.deinitialize(count: 1); builder.deallocate() }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                guard let context = htmlCreateMemoryParserCtxt(chars, Int32(clamping: buffer.count)) else { return }
                defer { htmlFreeParserCtxt(context) }
                // The context owns its handler and frees it; this one replaces libxml2's tree builder.
                free(context.pointee.sax)
                let handler = malloc(MemoryLayout<htmlSAXHandler>.size)!.bindMemory(to: htmlSAXHandler.self, capacity: 1)
                memset(handler, 0, MemoryLayout<htmlSAXHandler>.size)
                handler.pointee.startElement = { context, name, attributes in
                    Builder.from(context).pointee.start(name, attributes)
                }
                handler.pointee.endElement = { context, _ in Builder.from(context).pointee.end() }
                handler.pointee.characters = { context, bytes, count in Builder.from(context).pointee.characters(bytes, count) }
                handler.pointee.cdataBlock = handler.pointee.characters
                handler.pointee.ignorableWhitespace = handler.pointee.characters
                context.pointee.sax = handler
                context.pointee.userData = UnsafeMutableRawPointer(builder)
                let options =
                    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                    | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                htmlCtxtUseOptions(context, Int32(bitPattern: options))
                htmlParseDocument(context)
            }
        }
        return builder.pointee.finish()
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Records the parser's events. Text goes to `text` in document order; every element notes where
    /// its text, link text and paragraph text begin and, when it ends, where they end.
    struct Builder {
        var tree = HTMLTree()
        var open: [Int32] = [0]
        /// Name indices by the parser's interned name pointer (the same pointer for the same name).
        var nameByPointer: [UnsafeRawPointer: Int32] = [:]
        var linkDepth = 0
        var paragraphDepth = 0
        var rawDepth = 0
        var linkScalars: Int32 = 0
        var paragraphScalars: Int32 = 0
        /// The text node the last event made, which more text extends.
        var lastText: Int32 = -1

        let keepBlanks: Bool

        init(keepBlanks: Bool) {
            self.keepBlanks = keepBlanks
        }

        static let linkFlag = HTMLTree.linkFlag, paragraphFlag = HTMLTree.paragraphFlag
        static let rawFlag = HTMLTree.rawFlag, textFlag = HTMLTree.textFlag
        /// Elements beside or inside which white space is text (libxml2's list of elements that
        /// allow character data); after any other element, a run of white space is dropped.
        static let takesText: Set<String> = [
            "a", "abbr", "acronym", "address", "applet", "b", "bdo", "big", "blockquote", "body", "button", "caption",
            "center", "cite", "code", "dd", "del", "dfn", "div", "dt", "em", "font", "form", "h1", "h2", "h3", "h4", "h5",
            "h6", "i", "iframe", "ins", "kbd", "label", "legend", "li", "map", "menu", "object", "ol", "p", "pre", "q", "s",
            "samp", "small", "span", "strike", "strong", "td", "th", "tt", "u", "ul", "var"
        ]

        static func from(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Builder> {
            context!.assumingMemoryBound(to: Builder.self)
        }

        mutating func nameIndex(_ name: UnsafePointer<xmlChar>) -> Int32 {
            let key = UnsafeRawPointer(name)
            if let known = nameByPointer[key] { return known }
            let string = String(cString: name)
            let index: Int32
            if let known = tree.nameIndices[string] {
                index = known
            } else {
                index = Int32(tree.names.count)
                tree.names.append(string)
                tree.nameIndices[string] = index
                tree.nameFlags.append(
                    (string == "a" ? Self.linkFlag : 0) | (string == "p" ? Self.paragraphFlag : 0)
                        | (string == "script" || string == "style" ? Self.rawFlag : 0) | (Self.takesText.contains(string) ? Self.textFlag : 0))
            }
            nameByPointer[key] = index
            return index
        }

        mutating func append(_ record: HTMLTree.Record) -> Int32 {
            let index = Int32(tree.records.count)
            let parent = Int(record.parent)
            tree.records.append(record)
            if tree.records[parent].firstChild < 0 {
                tree.records[parent].firstChild = index
            } else {
                tree.records[Int(tree.records[parent].lastChild)].next = index
            }
            tree.records[parent].lastChild = index
            return index
        }

        mutating func start(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            guard let name else { return }
            let nameIndex = nameIndex(name)
            let flags = tree.nameFlags[Int(nameIndex)]
            let raw = flags & Self.rawFlag != 0
            var record = HTMLTree.Record(
                name: nameIndex, parent: open.last!,
                textStart: Int32(raw ? tree.rawText.count : tree.text.count), textEnd: 0)
            record.linkStart = linkScalars
            record.paragraphStart = paragraphScalars
            record.attributeStart = Int32(tree.attributes.count)
            if let attributes {
                var k = 0
                while let attributeName = attributes[k] {
                    let value = attributes[k + 1].map { String(cString: $0) } ?? ""
                    tree.attributes.append((String(cString: attributeName), value))
                    k += 2
                }
            }
            record.attributeEnd = Int32(tree.attributes.count)
            open.append(append(record))
            lastText = -1
            if flags & Self.linkFlag != 0 { linkDepth += 1 }
            if flags & Self.paragraphFlag != 0 { paragraphDepth += 1 }
            if raw { rawDepth += 1 }
        }

        mutating func end() {
            guard open.count > 1 else { return }
            let index = Int(open.removeLast())
            let flags = tree.nameFlags[Int(tree.records[index].name)]
            if flags & Self.linkFlag != 0 { linkDepth -= 1 }
            if flags & Self.paragraphFlag != 0 { paragraphDepth -= 1 }
            let raw = flags & Self.rawFlag != 0
            if raw { rawDepth -= 1 }
            tree.records[index].textEnd = Int32(raw ? tree.rawText.count : tree.text.count)
            tree.records[index].linkEnd = linkScalars
            tree.records[index].paragraphEnd = paragraphScalars
            lastText = -1
        }

        mutating func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
            guard let bytes, count > 0 else { return }
            let piece = UnsafeBufferPointer(start: bytes, count: Int(count))
            if rawDepth > 0 {
                tree.rawText.append(contentsOf: piece)
                return
            }
            if !keepBlanks && lastText < 0 && isDroppedBlank(piece) { return }
            if linkDepth > 0 || paragraphDepth > 0 {
                // Unicode scalars: every byte that does not continue a UTF-8 sequence.
                var scalars: Int32 = 0
                for b in piece where b & 0xC0 != 0x80 { scalars += 1 }
                if linkDepth > 0 { linkScalars += scalars }
                if paragraphDepth > 0 { paragraphScalars += scalars }
            }
            tree.text.append(contentsOf: piece)
            let end = Int32(tree.text.count)
            if lastText >= 0 {
                tree.records[Int(lastText)].textEnd = end
            } else {
                lastText = append(HTMLTree.Record(name: -1, parent: open.last!, textStart: end - count, textEnd: end))
            }
        }

        /// Whether a run of white space is one libxml2's tree builder leaves out (see `parse`).
        func isDroppedBlank(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
            guard piece.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return false }
            let parent = Int(open.last!)
            guard parent != 0 else { return true }
            let parentName = tree.names[Int(tree.records[parent].name)]
            if parentName == "html" || parentName == "head" { return true }
            let last = Int(tree.records[parent].lastChild)
            if last < 0 { return tree.nameFlags[Int(tree.records[parent].name)] & Self.textFlag == 0 }
            let lastName = tree.records[last].name
            if lastName < 0 { return false }
            return tree.nameFlags[Int(lastName)] & Self.textFlag == 0
        }

        mutating func finish() -> HTMLTree {
            while open.count > 1 { end() }
            tree.records[0].textEnd = Int32(tree.text.count)
            tree.records[0].linkEnd = linkScalars
            tree.records[0].paragraphEnd = paragraphScalars
            return tree
        }
    }
}
