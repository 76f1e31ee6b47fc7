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

    private(set) var appealMatcher = PhraseMatcher([])
    private(set) var widgetMatcher = PhraseMatcher([])
    private(set) var creditMatcher = PhraseMatcher([])
    private(set) var photoMatcher = PhraseMatcher([])
    private(set) var tailMatcher = PhraseMatcher([])
    private(set) var noticeMatcher = PhraseMatcher([])

    /// Builds the matchers once the phrase lists are read.
    private mutating func buildMatchers() {
        appealMatcher = PhraseMatcher(appeal)
        widgetMatcher = PhraseMatcher(widget)
        creditMatcher = PhraseMatcher(credit)
        photoMatcher = PhraseMatcher(photo)
        tailMatcher = PhraseMatcher(tail)
        noticeMatcher = PhraseMatcher(notice)
    }

    static let english: BoilerplatePhrases = {
        var phrases = BoilerplatePhrases()
        for (kind, value) in resourceEntries(PackageResources.boilerplate_txt) {
            let phrase = value.lowercased()
            switch kind {
            case "appeal": phrases.appeal.append(phrase)
            case "widget": phrases.widget.append(phrase)
            case "credit": phrases.credit.append(phrase)
            case "photo": phrases.photo.append(phrase)
            case "tail": phrases.tail.append(phrase)
            case "notice": phrases.notice.append(phrase)
            default: continue
            }
        }
        phrases.buildMatchers()
        return phrases
    }()
}

/// Finds any of a set of lower-case phrases in lower-case UTF-8 text, byte by byte. A table of the
/// phrases' first two bytes lets almost every position of the text be passed over with one lookup;
/// only where a phrase could start are the phrases compared.
struct PhraseMatcher: Sendable {
    private var phrases: [[UInt8]] = []
    /// For each pair of bytes (first << 8 | second), whether some phrase starts with it.
    private var startsWithPair: [Bool] = Array(repeating: false, count: 65_536)
    /// Phrases of a single byte, by that byte.
    private var singleByte: [Bool] = Array(repeating: false, count: 256)

    init(_ list: [String]) {
        for phrase in list {
            let bytes = Array(phrase.utf8)
            guard let first = bytes.first else { continue }
            phrases.append(bytes)
            if bytes.count == 1 { singleByte[Int(first)] = true } else { startsWithPair[Int(first) << 8 | Int(bytes[1])] = true }
        }
    }

    /// Whether any phrase occurs in `text`.
    func occurs(in text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { t in
            startsWithPair.withUnsafeBufferPointer { pairs in
                guard !t.isEmpty else { return false }
                for i in 0..<t.count {
                    if singleByte[Int(t[i])] { return true }
                    guard i + 1 < t.count, pairs[Int(t[i]) << 8 | Int(t[i + 1])] else { continue }
                    if phrases.contains(where: { matches($0, t, at: i) }) { return true }
                }
                return false
            }
        }
    }

    /// Whether `text` starts with any phrase.
    func starts(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { t in phrases.contains { matches($0, t, at: 0) } }
    }

    @inline(__always) private func matches(_ phrase: [UInt8], _ t: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + phrase.count <= t.count else { return false }
        for k in 0..<phrase.count where t[i + k] != phrase[k] { return false }
        return true
    }
}
