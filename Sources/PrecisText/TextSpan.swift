/// A range of a text, counted in Unicode scalars (code points) from the start of the text.
///
/// Precis reports every position in this unit: it is what Python's `str` indexing and most JSON
/// consumers count, and it does not depend on how the text is encoded on disk.
public struct TextSpan: Hashable, Sendable, Codable, Comparable {
    /// Offset of the first scalar.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end before it starts")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// A text held once as Unicode scalars, so spans index it in constant time.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        // Decode the (always valid) UTF-8 in one pass into uninitialised capacity: `Array(unicodeScalars)`
        // walks the text twice (count, then copy).
        let decoded: [Unicode.Scalar]? = text.utf8.withContiguousStorageIfAvailable { u in
            [Unicode.Scalar](unsafeUninitializedCapacity: u.count) { out, written in
                var i = 0, w = 0
                while i < u.count {
                    let b0 = UInt32(u[i])
                    var value = b0
                    if b0 < 0x80 {
                        i += 1
                    } else if b0 < 0xE0 {
                        value = (b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        value = (b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
                        i += 3
                    } else {
                        value =
                            (b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6
                            | UInt32(u[i + 3] & 0x3F)
                        i += 4
                    }
                    (out.baseAddress! + w).initialize(to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    w += 1
                }
                written = w
            }
        }
        scalars = decoded ?? Array(text.unicodeScalars)
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    public var count: Int { scalars.count }

    /// The text of a span; the span must lie within the text.
    public subscript(span: TextSpan) -> String {
        Self.string(scalars[span.start..<span.end])
    }

    public var string: String {
        Self.string(scalars[...])
    }

    /// Builds a string through a UTF-8 buffer, much faster than appending scalars one by one.
    static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(slice.count + slice.count / 4)
        for scalar in slice {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Counts words the way Precis budgets count them: runs of characters between white space.
public func wordCount<S: Sequence>(scalars: S) -> Int where S.Element == Unicode.Scalar {
    var count = 0
    var inWord = false
    for scalar in scalars {
        if CharClass.isSpace(scalar) {
            inWord = false
        } else if !inWord {
            inWord = true
            count += 1
        }
    }
    return count
}

extension ScalarText {
    /// Words in a span, without building its string.
    public func wordCount(_ span: TextSpan) -> Int {
        PrecisText.wordCount(scalars: scalars[span.start..<span.end])
    }
}
