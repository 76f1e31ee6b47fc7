import Foundation

/// Language data (stop words, abbreviations) read from the resource files of this module.
///
/// The files are embedded in the binary at build time, so the `precis` tool works wherever it is
/// copied; their format is described at the top of each file.
public struct LanguageData: Sendable {
    /// How an abbreviation behaves before a possible sentence end.
    public enum AbbreviationKind: Sendable {
        /// Stands before a name ("Mr.", "Gen."): never ends a sentence.
        case title
        /// May end a sentence when a clear sentence opener follows ("Inc.", "Dec.", "St.").
        case abbreviation
    }

    /// The language's code, e.g. "en".
    public let code: String
    /// The Snowball algorithm name for this language.
    public let stemmerAlgorithm: String
    /// Lower-case stop words.
    public let stopWords: Set<String>
    /// Abbreviations keyed by their written form without the final dot.
    public let abbreviations: [String: AbbreviationKind]
    /// Month names and short forms (lower case) with the month number.
    public let months: [String: Int]
    /// Day names and short forms (lower case) with the ISO day number (Monday = 1).
    public let weekdays: [String: Int]

    /// English, the language Precis ships data for today.
    public static let english: LanguageData = {
        LanguageData(
            code: "en",
            stemmerAlgorithm: "english",
            stopWords: Set(resourceLines(PackageResources.stopwords_txt).map { $0.lowercased() }),
            abbreviations: parseAbbreviations(resourceLines(PackageResources.abbreviations_txt)),
            dateWords: resourceLines(PackageResources.datewords_txt)
        )
    }()

    /// The kind of an abbreviation written as `form` (without its dot), matching it as listed or in
    /// capitals, so common words ("ill", "sun") are not taken for "Ill." or "Sun.".
    public func abbreviationKind(_ form: Substring) -> AbbreviationKind? {
        if let kind = abbreviations[String(form)] { return kind }
        let upper = form.uppercased()
        guard upper == form, form.count > 1 else { return nil }
        return upperAbbreviations[upper]
    }

    public func isStopWord(_ lowercasedWord: String) -> Bool {
        stopWords.contains(lowercasedWord)
    }

    private var upperAbbreviations: [String: AbbreviationKind] {
        // Few enough entries that building this lazily per call would be wasteful; keep a copy.
        _upperAbbreviations
    }

    private let _upperAbbreviations: [String: AbbreviationKind]

    init(code: String, stemmerAlgorithm: String, stopWords: Set<String>, abbreviations: [String: AbbreviationKind], dateWords: [String]) {
        var months: [String: Int] = [:]
        var weekdays: [String: Int] = [:]
        for line in dateWords {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let value = Int(parts[2]) else { continue }
            if parts[0] == "month" { months[String(parts[1])] = value }
            if parts[0] == "weekday" { weekdays[String(parts[1])] = value }
        }
        self.months = months
        self.weekdays = weekdays
        self.code = code
        self.stemmerAlgorithm = stemmerAlgorithm
        self.stopWords = stopWords
        self.abbreviations = abbreviations
        var upper: [String: AbbreviationKind] = [:]
        for (form, kind) in abbreviations { upper[form.uppercased()] = kind }
        self._upperAbbreviations = upper
    }
}

/// The non-empty, non-comment lines of an embedded resource file.
/// The entries of a word-list resource ("KIND rest of the line"): comments (#) and blank lines left
/// out, the kind and the rest split at the first space. The format every language file uses.
public func resourceEntries(_ bytes: [UInt8]) -> [(kind: String, value: String)] {
    resourceLines(bytes).compactMap { line in
        let parts = line.split(separator: " ", maxSplits: 1)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }
}

func resourceLines(_ bytes: [UInt8]) -> [String] {
    String(decoding: bytes, as: UTF8.self)
        .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
}

private func parseAbbreviations(_ lines: [String]) -> [String: LanguageData.AbbreviationKind] {
    var table: [String: LanguageData.AbbreviationKind] = [:]
    for line in lines {
        let parts = line.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { continue }
        let form = String(parts[1])
        switch parts[0] {
        case "title": table[form] = .title
        case "abbr": table[form] = .abbreviation
        default: continue
        }
    }
    return table
}
