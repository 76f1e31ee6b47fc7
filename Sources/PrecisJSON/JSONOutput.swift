/// JSON to write, with object keys in the order given, so every output is the same byte for byte and
/// reads in a sensible order (`summary` before `sentences` before `documents`).
public indirect enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public static func optional(_ s: String?) -> JSONOutput {
        s.map { .string($0) } ?? .null
    }

    /// An input value written back; object keys sorted, since input order is not kept.
    public init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .integer(let i): self = .int(i)
        case .number(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(JSONOutput.init))
        case .object(let o): self = .object(o.keys.sorted().map { ($0, JSONOutput(o[$0]!)) })
        }
    }

    /// Compact JSON on one line, or indented by two spaces when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        write(into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .int(let i): out += Array(String(i).utf8)
        case .double(let d): out += Array((d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) : "null").utf8)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += [0x5B, 0x5D]; return }
            out.append(0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(0x2C) }
                if pretty { Self.newline(&out, indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(0x5D)
        case .object(let pairs):
            if pairs.isEmpty { out += [0x7B, 0x7D]; return }
            out.append(0x7B)
            for (k, pair) in pairs.enumerated() {
                if k > 0 { out.append(0x2C) }
                if pretty { Self.newline(&out, indent + 1) }
                Self.writeString(pair.0, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                pair.1.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        out += [UInt8](repeating: 0x20, count: 2 * indent)
    }

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        // Fast path: nothing to escape. 0xE2 may start U+2028 or U+2029, which JSON allows raw but
        // JavaScript does not, so they are escaped too.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out.append(contentsOf: s.utf8)
            out.append(0x22)
            return
        }
        // Copy runs of plain bytes in one go; stop only at bytes that need escaping.
        let bytes = Array(s.utf8)
        var run = 0
        var k = 0
        func flush(_ upTo: Int) {
            if upTo > run { out.append(contentsOf: bytes[run..<upTo]) }
        }
        while k < bytes.count {
            let byte = bytes[k]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 { k += 1; continue }
            if byte == 0xE2 {
                if k + 2 < bytes.count, bytes[k + 1] == 0x80, bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9 {
                    flush(k)
                    out += Array((bytes[k + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    k += 3
                    run = k
                } else {
                    k += 1
                }
                continue
            }
            flush(k)
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            default:
                let hex = Array(String(byte, radix: 16).utf8)
                out += Array("\\u00".utf8) + (hex.count == 1 ? [0x30] : []) + hex
            }
            k += 1
            run = k
        }
        flush(bytes.count)
        out.append(0x22)
    }
}
