import Foundation

/// Cuts what the article never needs out of a page before libxml2 parses it: the bodies of scripts
/// and styles, comments, and the attributes no rule here reads (inline styles, `data-*`, `srcset`,
/// event handlers). On modern pages these are most of the bytes, and libxml2 reads each of them
/// character by character into nodes that every walk then passes over. Elements stay as they are, so
/// the tree libxml2 builds has the same shape.
///
/// The rules follow libxml2's HTML parser: a script or style body ends at the first `</script` or
/// `</style` (any case), a comment at the first `-->` after `<!--`. JSON-LD scripts keep their bodies
/// (the metadata reads them). Anything unterminated, and any start tag this scanner does not read
/// cleanly (an odd attribute name, an unclosed quote), is left as it is, for the parser to judge.
enum MarkupTrim {
    /// The attributes some rule reads; the others are dropped.
    static let keptAttributes: [[UInt8]] = [
        "class", "id", "role", "hidden", "aria-hidden", "itemprop", "lang", "property", "name", "content", "rel",
        "href", "datetime", "type"
    ].map { Array($0.utf8) }

    /// The page's bytes, trimmed, after `leading` (a byte-order mark, say).
    static func trim(_ html: String, leading: [UInt8] = []) -> [UInt8] {
        var html = html
        return html.withUTF8 { trim($0, leading: leading) }
    }

    static func trim(_ bytes: UnsafeBufferPointer<UInt8>, leading: [UInt8] = []) -> [UInt8] {
        let n = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(leading.count + n)
        out.append(contentsOf: leading)
        var copyFrom = 0
        var i = 0
        func copy(upTo end: Int) {
            if end > copyFrom { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copyFrom..<end])) }
        }
        while i + 3 < n {
            guard let lt = next(UInt8(ascii: "<"), in: bytes, from: i) else { break }
            i = lt
            guard i + 3 < n else { break }
            if bytes[i + 1] == UInt8(ascii: "!") && bytes[i + 2] == UInt8(ascii: "-") && bytes[i + 3] == UInt8(ascii: "-") {
                guard let end = find(commentEnd, in: bytes, from: i + 4, caseless: false) else { break }
                copy(upTo: i)
                copyFrom = end + 3
                i = copyFrom
                continue
            }
            guard isLetter(bytes[i + 1]) else { i += 1; continue }
            copy(upTo: i)
            copyFrom = i
            let mark = out.count
            guard let tag = copyStartTag(bytes, at: i, into: &out) else {
                // Not read cleanly: the tag goes to the parser as it is.
                out.removeSubrange(mark...)
                i += 1
                continue
            }
            i = tag.end + 1
            copyFrom = i
            guard let closer = tag.closer, !tag.isJSON else { continue }
            guard let close = find(closer, in: bytes, from: i, caseless: true) else { break }
            copyFrom = close
            i = close + 2
        }
        copy(upTo: n)
        return out
    }

    /// What reading a start tag found: where it ends (its `>`), for a script or style what ends its
    /// body (`</script`, `</style`), and whether that is JSON-LD.
    struct StartTag {
        var end: Int
        var closer: [UInt8]?
        var isJSON: Bool
    }

    /// Reads the start tag at `start` the way HTML tokenises one and appends it to `out` without the
    /// attributes no rule reads; nil when the tag is not plain (an odd attribute name, an unclosed
    /// quote, no `>`), with `out` then holding a partial copy for the caller to take back.
    static func copyStartTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into out: inout [UInt8]) -> StartTag? {
        let n = bytes.count
        var k = start + 1
        while k < n && isNameByte(bytes[k]) { k += 1 }
        guard k < n else { return nil }
        let nameRange = (start + 1)..<k
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<k]))
        var tag = StartTag(end: 0, closer: nil, isJSON: false)
        if equalsCaseless(bytes, nameRange, script) { tag.closer = scriptEnd } else if equalsCaseless(bytes, nameRange, style) { tag.closer = styleEnd }
        while true {
            let spaceStart = k
            while k < n && (isSpace(bytes[k]) || bytes[k] == UInt8(ascii: "/")) { k += 1 }
            guard k < n else { return nil }
            if bytes[k] == UInt8(ascii: ">") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[spaceStart...k]))
                tag.end = k
                return tag
            }
            guard spaceStart < k, isNameByte(bytes[k]) else { return nil }
            let nameStart = k
            while k < n && isNameByte(bytes[k]) { k += 1 }
            let attributeName = nameStart..<k
            var j = k
            while j < n && isSpace(bytes[j]) { j += 1 }
            var value: Range<Int>? = nil
            if j < n && bytes[j] == UInt8(ascii: "=") {
                j += 1
                while j < n && isSpace(bytes[j]) { j += 1 }
                guard j < n else { return nil }
                let quote = bytes[j]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = next(quote, in: bytes, from: j + 1) else { return nil }
                    value = (j + 1)..<close
                    k = close + 1
                } else {
                    var v = j
                    while v < n && !isSpace(bytes[v]) && bytes[v] != UInt8(ascii: ">") { v += 1 }
                    // An unquoted value with a quote or `<` in it: an odd tag, left alone.
                    guard v > j, !bytes[j..<v].contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x3C }) else { return nil }
                    value = j..<v
                    k = v
                }
                guard k < n, isSpace(bytes[k]) || bytes[k] == UInt8(ascii: ">") || bytes[k] == UInt8(ascii: "/") else { return nil }
            }
            if tag.closer != nil, let value, equalsCaseless(bytes, attributeName, typeName) {
                tag.isJSON = find(json, in: UnsafeBufferPointer(rebasing: bytes[value]), from: 0, caseless: true) != nil
            }
            if keptAttributes.contains(where: { equalsCaseless(bytes, attributeName, $0) }) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[spaceStart..<k]))
            }
        }
    }

    /// Whether the bytes in `range` spell `word` (lower case) in any case.
    @inline(__always) static func equalsCaseless(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        var m = 0
        while m < word.count && lower(bytes[range.lowerBound + m]) == word[m] { m += 1 }
        return m == word.count
    }

    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
            || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".")
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }

    static let script = Array("script".utf8)
    static let style = Array("style".utf8)
    static let scriptEnd = Array("</script".utf8)
    static let styleEnd = Array("</style".utf8)
    static let commentEnd = Array("-->".utf8)
    static let typeName = Array("type".utf8)
    static let json = Array("+json".utf8)

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
    }

    /// The first index of `needle` at or after `start`; `caseless` compares ASCII letters in any case
    /// (the needle is lower case, and its first byte is not a letter).
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, caseless: Bool) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var k = start
        let last = bytes.count - needle.count
        while k <= last, let at = next(first, in: bytes, from: k) {
            guard at <= last else { return nil }
            var m = 1
            while m < needle.count && (caseless ? lower(bytes[at + m]) : bytes[at + m]) == needle[m] { m += 1 }
            if m == needle.count { return at }
            k = at + 1
        }
        return nil
    }

    /// The index of the next `byte` at or after `start`.
    @inline(__always) static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
