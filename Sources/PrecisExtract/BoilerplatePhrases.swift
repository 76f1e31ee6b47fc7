import Foundation
import PrecisText

/// The junk phrases of one language, read from `Resources/<lang>/boilerplate.txt`.
struct BoilerplatePhrases: Sendable {
    private(set) var appeal: [String] = []
    private(set) var widget: [String] = []
    private(set) var credit: [String] = []
    private(set) var photo: [String] = []
    private(set) var tail: [String] = []
    private(set) var notice: [String] = []
    /// The words by which a line speaks to its reader about the site's services.
    private(set) var services = ServiceLines()

    /// The kinds found anywhere in a line, matched in one pass: see `Kind`.
    private(set) var lineMatcher = PhraseMatcher([])
    /// Phrases a line must start with.
    private(set) var creditMatcher = PhraseMatcher([])
    private(set) var tailMatcher = PhraseMatcher([])

    /// The kinds of `lineMatcher`, as bits.
    enum Kind {
        static let appeal: PhraseMatcher.Kinds = 1
        static let notice: PhraseMatcher.Kinds = 2
        static let widget: PhraseMatcher.Kinds = 4
        static let photo: PhraseMatcher.Kinds = 8
    }

    /// Builds the matchers once the phrase lists are read.
    private mutating func buildMatchers() {
        lineMatcher = PhraseMatcher(kinds: [appeal, notice, widget, photo])
        creditMatcher = PhraseMatcher(credit)
        tailMatcher = PhraseMatcher(tail)
        services.buildMatcher()
    }

    static let english: BoilerplatePhrases = {
        var phrases = BoilerplatePhrases()
        // English, and the end-matter headings and widgets of pages in other languages.
        for (kind, value) in resourceEntries(PackageResources.boilerplate_txt) + resourceEntries(PackageResources.boilerplate_intl_txt) {
            let phrase = value.lowercased()
            switch kind {
            case "appeal": phrases.appeal.append(phrase)
            case "widget": phrases.widget.append(phrase)
            case "credit": phrases.credit.append(phrase)
            case "photo": phrases.photo.append(phrase)
            case "tail": phrases.tail.append(phrase)
            case "notice": phrases.notice.append(phrase)
            default: _ = phrases.services.add(kind: kind, phrase)
            }
        }
        phrases.buildMatchers()
        return phrases
    }()
}

/// Finds lower-case phrases of several kinds in lower-case UTF-8 text, byte by byte, in one pass for
/// all kinds. A table of the phrases' first two bytes (which kinds have a phrase starting with them)
/// lets almost every position of the text be passed over with one lookup; only where a wanted kind's
/// phrase could start are its phrases compared.
struct PhraseMatcher: Sendable {
    /// A set of kinds, bit k for the k-th list given to `init(kinds:)`.
    typealias Kinds = UInt8
    /// Phrases of two or more bytes, grouped by their first two bytes (see `bucket`).
    private var phrases: [(bytes: [UInt8], kind: Kinds)] = []
    /// Phrases of one byte.
    private var short: [(bytes: [UInt8], kind: Kinds)] = []
    /// For each pair of bytes (first << 8 | second), the kinds with a phrase that starts with it.
    private var startsWithPair: [Kinds] = Array(repeating: 0, count: 65_536)
    /// The kinds with a phrase of one byte, by that byte.
    private var singleByte: [Kinds] = Array(repeating: 0, count: 256)
    /// The phrases starting with pair p are `phrases[bucket[p]..<bucket[p + 1]]`.
    private var bucket: [Int32] = []
    private(set) var allKinds: Kinds = 0

    /// One kind of phrase.
    init(_ list: [String]) { self.init(kinds: [list]) }

    /// Up to eight kinds, one list each.
    init(kinds lists: [[String]]) {
        precondition(lists.count <= Kinds.bitWidth, "at most \(Kinds.bitWidth) kinds")
        var long: [(bytes: [UInt8], kind: Kinds, pair: Int)] = []
        for (k, list) in lists.enumerated() {
            let kind: Kinds = 1 << k
            allKinds |= kind
            for phrase in list {
                let bytes = Array(phrase.utf8)
                guard let first = bytes.first else { continue }
                if bytes.count == 1 {
                    short.append((bytes, kind))
                    singleByte[Int(first)] |= kind
                } else {
                    let pair = Int(first) << 8 | Int(bytes[1])
                    long.append((bytes, kind, pair))
                    startsWithPair[pair] |= kind
                }
            }
        }
        // Grouped by first pair, in list order within a pair (a stable sort).
        long = long.enumerated().sorted { ($0.element.pair, $0.offset) < ($1.element.pair, $1.offset) }.map(\.element)
        phrases = long.map { ($0.bytes, $0.kind) }
        bucket = Array(repeating: 0, count: 65_537)
        for p in long { bucket[p.pair + 1] += 1 }
        for k in 1..<bucket.count { bucket[k] += bucket[k - 1] }
    }

    /// Whether any phrase occurs in `text`.
    func occurs(in text: [UInt8]) -> Bool { kinds(in: text, among: allKinds) != 0 }

    /// Which of the `wanted` kinds have a phrase somewhere in `text`; stops once all are found.
    func kinds(in text: [UInt8], among wanted: Kinds) -> Kinds {
        guard wanted != 0 else { return 0 }
        return text.withUnsafeBufferPointer { t in
            startsWithPair.withUnsafeBufferPointer { pairs in
                singleByte.withUnsafeBufferPointer { single in
                    var found: Kinds = 0
                    var open = wanted
                    let n = t.count
                    guard n > 0 else { return 0 }
                    for i in 0..<n {
                        let b = Int(t[i])
                        found |= single[b] & open
                        // The fast path: no wanted kind has a phrase starting with these two bytes.
                        if i + 1 < n {
                            let pair = b << 8 | Int(t[i + 1])
                            if pairs[pair] & open != 0 {
                                for k in Int(bucket[pair])..<Int(bucket[pair + 1]) {
                                    let p = phrases[k]
                                    if p.kind & open != 0 && matches(p.bytes, t, at: i) { found |= p.kind }
                                }
                            }
                        }
                        open = wanted & ~found
                        if open == 0 { break }
                    }
                    return found
                }
            }
        }
    }

    /// Whether `text` starts with any phrase.
    func starts(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { t in
            short.contains { matches($0.bytes, t, at: 0) } || phrases.contains { matches($0.bytes, t, at: 0) }
        }
    }

    @inline(__always) private func matches(_ phrase: [UInt8], _ t: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + phrase.count <= t.count else { return false }
        for k in 0..<phrase.count where t[i + k] != phrase[k] { return false }
        return true
    }
}
