import Foundation
import PrecisText

/// The junk phrases of one language, read from `Resources/<lang>/boilerplate.txt`.
struct BoilerplatePhrases: Sendable {
    var appeal: [String] = []
    var widget: [String] = []
    var credit: [String] = []
    var photo: [String] = []
    var tail: [String] = []

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
