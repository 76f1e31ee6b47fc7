import Foundation
import PrecisText

/// How a sentence reads out of its article, for a summary that must read on its own.
public struct SentenceReading: Sendable, Equatable {
    /// It asks rather than tells ("Was it a random or targeted attack?").
    public var isQuestion: Bool
    /// It is a quotation of its own that names no speaker: the whole sentence inside one pair of
    /// quotation marks ("“Frankly, the quay was built too low.”").
    public var isUnattributedQuotation: Bool
    /// It is part of a quotation of several sentences whose speaker another sentence names; a summary
    /// shows it in the quotation marks it lacks (`SummarySentence.shown`).
    public var isInsideLongerQuotation: Bool
    /// It tells what a picture shows, not what happened (a caption), is the source's note on its
    /// own publication, or only introduces what follows it (`Captions.tellsNoEvent`).
    public var isCaption: Bool
    /// It is cut off: it ends on an ellipsis right after a word ("The main event was a 10-round...",
    /// a link's teaser "Calder Reopens Its Quay To The Fe..."), where the text stopped, not a
    /// sentence that ends.
    public var isCutOff: Bool
    /// It is a title in title case, not a sentence ("Ferry Crews Mark a Year Since the Storm --
    /// Watch the Video!"): a related story's link or a video's name left in the text. Every word
    /// but the short function words (three letters or fewer) is capitalised, and at least four
    /// words are not stop words.
    public var isHeadline: Bool
    /// It opens with a word that needs the sentence before it: a linking word ("But", "However",
    /// "Also") or a personal pronoun ("It happened on Tuesday", "His uncle worried").
    public var needsTheSentenceBefore: Bool
    /// It is a quotation whose speaker is only a pronoun ("“We will rebuild,” she said."): out of
    /// its article nobody knows who spoke.
    public var isQuotationOfAPronoun: Bool
    /// It gives a telephone number ("Anyone with information can call 0161 496 0000"): a notice to
    /// the article's readers, not what happened.
    public var givesPhoneNumber: Bool
    /// It holds a web address ("http://...", "www..."): a link or a newsletter's furniture for the
    /// article's readers, not what happened.
    public var holdsWebAddress: Bool
    /// It opens on a condition or a supposition ("If the name sounds familiar, it is because ..."):
    /// no event of its own, so it neither leads a summary nor heads a story while another can.
    public var opensOnCondition: Bool
    /// It opens in the first person ("We are monitoring the threats", "I was out in Dalston"): the
    /// writer's or a speaker's own words, not a report, so it neither leads a summary nor heads a
    /// story while another can.
    public var opensInFirstPerson: Bool

    /// Reads `text` (one sentence); `inQuotation` says whether a quotation of several sentences is
    /// open where it starts and where it ends.
    public init(_ text: String, inQuotation: (atStart: Bool, atEnd: Bool) = (false, false)) {
        let scalars = text.unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi, CharClass.isSpace(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, CharClass.isSpace(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        let trimmed = String(scalars[lo..<hi])
        isQuestion = Quotations.endsAsQuestion(trimmed)
        let opens = trimmed.first.map { "\"\u{201C}".contains($0) } ?? false
        let closes = trimmed.last.map { "\"\u{201D}".contains($0) } ?? false
        // A quotation that opens the sentence and closes it, with no mark between: nothing outside it
        // says who spoke.
        let marks = trimmed.filter { "\"\u{201C}\u{201D}".contains($0) }.count
        isUnattributedQuotation = opens && closes && marks == 2 && !inQuotation.atStart && !inQuotation.atEnd
        isInsideLongerQuotation = inQuotation.atStart || inQuotation.atEnd
        isCaption = Captions.tellsNoEvent(trimmed)
        var end = trimmed.unicodeScalars[...]
        while let last = end.last, "\"\u{201D}\u{2019})".unicodeScalars.contains(last) { end = end.dropLast() }
        let ellipsis = end.last == "\u{2026}" ? 1 : end.suffix(3).elementsEqual("...".unicodeScalars) ? 3 : 0
        let beforeEllipsis = end.dropLast(ellipsis).last
        isCutOff = ellipsis > 0 && beforeEllipsis.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) } == true
        isHeadline = Self.isTitleCase(trimmed)
        let first = trimmed.drop { !$0.isLetter }.prefix { $0.isLetter }.lowercased()
        needsTheSentenceBefore = Self.openers.contains(first)
        opensOnCondition = Self.conditions.contains(first)
        opensInFirstPerson = Self.firstPerson.contains(first)
        givesPhoneNumber = Self.hasPhoneNumber(trimmed)
        holdsWebAddress = Self.hasWebAddress(trimmed)
        isQuotationOfAPronoun = marks >= 2 && Self.pronounSpeaks(trimmed)
    }

    /// Whether the words outside the quotation marks of `text` are a pronoun and a few more at most
    /// ("he said", "she told reporters"): the quotation names no speaker but a pronoun.
    static func pronounSpeaks(_ text: String) -> Bool {
        let words = Quotations.outside(text).split(whereSeparator: { !$0.isLetter && $0 != "'" }).map { $0.lowercased() }
        guard let first = words.first, words.count <= 4 else { return false }
        return pronouns.contains(first)
    }

    /// Whether `text` holds a web address: "http://" or "https://", or a word that opens with
    /// "www.". Not a company's name that ends in ".com".
    public static func hasWebAddress(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        func lower(_ k: Int) -> Unicode.Scalar? {
            guard k < s.count else { return nil }
            let c = s[k]
            return CharClass.isUpper(c) ? Unicode.Scalar(c.value | 0x20) : c
        }
        func at(_ k: Int, _ word: String) -> Bool {
            var k = k
            for c in word.unicodeScalars {
                guard lower(k) == c else { return false }
                k += 1
            }
            return true
        }
        func isWord(_ c: Unicode.Scalar) -> Bool { CharClass.isAlphanumeric(c) || c == "_" }
        for k in s.indices where lower(k) == "h" || lower(k) == "w" {
            if at(k, "http://") || at(k, "https://") { return true }
            if at(k, "www."), k + 4 < s.count, isWord(s[k + 4]), k == 0 || !isWord(s[k - 1]) { return true }
        }
        return false
    }

    /// Personal pronouns that can stand for a speaker.
    static let pronouns: Set<String> = ["he", "she", "they", "we", "i"]

    /// Whether `text` holds a telephone number: groups of digits joined by spaces, hyphens, dots or
    /// brackets ("(555) 010-0199", "1-800-555-0100", "0161 496 0000"), nine digits or more in all, at
    /// least two groups of three or more and none of more than five. Not a date ("12.10.2014"), a
    /// score ("6-3 6-4") or a sum written with commas.
    static func hasPhoneNumber(_ text: String) -> Bool {
        var groups: [Int] = []
        var digits = 0
        var separators = 0
        func ends() -> Bool {
            if digits > 0 { groups.append(digits) }
            let found =
                groups.count >= 2 && groups.reduce(0, +) >= 9 && groups.filter { $0 >= 3 }.count >= 2 && groups.allSatisfy { $0 <= 5 }
            groups = []
            digits = 0
            separators = 0
            return found
        }
        for c in text.unicodeScalars {
            if ("0"..."9").contains(c) {
                digits += 1
                separators = 0
            } else if " -.()\u{2013}".unicodeScalars.contains(c) && separators < 2 && (digits > 0 || !groups.isEmpty || c == "(") {
                if digits > 0 { groups.append(digits) }
                digits = 0
                separators += 1
            } else if ends() {
                return true
            }
        }
        return ends()
    }

    static func isTitleCase(_ text: String) -> Bool {
        let language = LanguageData.english
        var content = 0
        for token in text.split(whereSeparator: { $0.isWhitespace }) {
            let word = token.drop { !$0.isLetter && !$0.isNumber }.prefix { $0.isLetter || $0 == "'" || $0 == "\u{2019}" || $0 == "-" }
            guard let first = word.first, first.isLetter else { continue }
            let lower = word.lowercased()
            if first.isLowercase && !(lower.count <= 3 && language.isStopWord(lower)) { return false }
            if !language.isStopWord(lower) { content += 1 }
        }
        return content >= 4
    }

    /// Words that, opening a sentence, point back to the one before it: linking words and personal
    /// pronouns (`back` lines of openers.txt). Not "this", "there" or "then", which as often open
    /// news of their own ("This week the council voted", "There were 20 people").
    public static let openers: Set<String> = Set(openerEntries.filter { $0.kind == "back" }.map(\.value))

    /// Words that open a condition or a supposition (`condition` lines of openers.txt).
    public static let conditions: Set<String> = Set(openerEntries.filter { $0.kind == "condition" }.map(\.value))
    /// Words of the first person (`first` lines of openers.txt).
    public static let firstPerson: Set<String> = Set(openerEntries.filter { $0.kind == "first" }.map(\.value))

    /// Whether a sentence whose first word (lower case) is `word` has no report of its own to lead a
    /// summary or head a story with: it opens on a condition or in the first person.
    public static func opensWithoutReport(_ word: String) -> Bool { conditions.contains(word) || firstPerson.contains(word) }

    /// `opensWithoutReport` of this sentence's first word.
    public var opensWithoutReport: Bool { opensOnCondition || opensInFirstPerson }

    static let openerEntries = resourceEntries(PackageResources.openers_txt)
}
