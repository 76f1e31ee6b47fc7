import Foundation
import PrecisText

/// The junk phrases of one language, read from `Resources/<lang>/boilerplate.txt`.
struct BoilerplatePhrases: Sendable {
    var appeal: [String] = [] { didSet { appealMatcher = PhraseMatcher(appeal) } }
    var widget: [String] = [] { didSet { widgetMatcher = PhraseMatcher(widget) } }
    var credit: [String] = [] { didSet { creditMatcher = PhraseMatcher(credit) } }
    var photo: [String] = [] { didSet { photoMatcher = PhraseMatcher(photo) } }
    var tail: [String] = [] { didSet { tailMatcher = PhraseMatcher(tail) } }

    private(set) var appealMatcher = PhraseMatcher([])
    private(set) var widgetMatcher = PhraseMatcher([])
    private(set) var creditMatcher = PhraseMatcher([])
    private(set) var photoMatcher = PhraseMatcher([])
    private(set) var tailMatcher = PhraseMatcher([])

    static let english: BoilerplatePhrases = {
        var phrases = BoilerplatePhrases()
        let text = String(decoding: PackageResources.boilerplate_txt, as: UTF8.self)
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let phrase = String(parts[1]).lowercased()
            switch parts[0] {
            case "appeal": phrases.appeal.append(phrase)
            case "widget": phrases.widget.append(phrase)
            case "credit": phrases.credit.append(phrase)
            case "photo": phrases.photo.append(phrase)
            case "tail": phrases.tail.append(phrase)
            default: continue
            }
        }
        return phrases
    }()
}

/// Finds any of a set of lower-case phrases in lower-case UTF-8 text, byte by byte: phrases are
/// grouped by their first byte, so each position of the text is checked only against the phrases that
/// can start there.
struct PhraseMatcher: Sendable {
    private var byFirstByte: [[[UInt8]]] = Array(repeating: [], count: 256)

    init(_ phrases: [String]) {
        for phrase in phrases {
            let bytes = Array(phrase.utf8)
            guard let first = bytes.first else { continue }
            byFirstByte[Int(first)].append(bytes)
        }
    }

    /// Whether any phrase occurs in `text`.
    func occurs(in text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { t in
            for i in 0..<t.count {
                for phrase in byFirstByte[Int(t[i])] where matches(phrase, t, at: i) { return true }
            }
            return false
        }
    }

    /// Whether `text` starts with any phrase.
    func starts(_ text: [UInt8]) -> Bool {
        guard let first = text.first else { return false }
        return text.withUnsafeBufferPointer { t in
            byFirstByte[Int(first)].contains { matches($0, t, at: 0) }
        }
    }

    @inline(__always) private func matches(_ phrase: [UInt8], _ t: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + phrase.count <= t.count else { return false }
        for k in 1..<phrase.count where t[i + k] != phrase[k] { return false }
        return true
    }
}
