import Foundation
import PrecisText

/// Reads publication dates written the ways news pages write them, into ISO 8601 (`YYYY-MM-DD`).
///
/// Understands `2014-11-18` (with or without a time), `November 10, 2014`, `Nov. 18, 2014`,
/// `18 November 2014`, and dated URL paths (`/2014/11/19/`). Impossible dates (`2014-02-30`) are refused.
public enum PublicationDate {
    /// The first date found in `text`, or nil.
    public static func parse(_ text: String, language: LanguageData = .english) -> String? {
        // The commonest form, a text that opens with "YYYY-MM-DD" (metadata, ISO timestamps), read
        // without the regular expressions; their first match would be the same one.
        if let date = leadingISODate(text) { return date }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        if let m = iso.firstMatch(in: text, range: whole),
            let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
            let d = Int(ns.substring(with: m.range(at: 3))), let date = isoDate(y, mo, d)
        {
            return date
        }
        if let m = monthFirst.firstMatch(in: text, range: whole),
            let mo = language.months[ns.substring(with: m.range(at: 1)).lowercased()],
            let d = Int(ns.substring(with: m.range(at: 2))), let y = Int(ns.substring(with: m.range(at: 3))),
            let date = isoDate(y, mo, d)
        {
            return date
        }
        if let m = dayFirst.firstMatch(in: text, range: whole),
            let d = Int(ns.substring(with: m.range(at: 1))),
            let mo = language.months[ns.substring(with: m.range(at: 2)).lowercased()],
            let y = Int(ns.substring(with: m.range(at: 3))), let date = isoDate(y, mo, d)
        {
            return date
        }
        return nil
    }

    /// `parse`, else the earliest date in any form `first(in:)` reads.
    public static func parseAny(_ text: String, language: LanguageData = .english) -> String? {
        parse(text, language: language) ?? first(in: text, language: language)
    }

    /// The earliest date written in `text` in any of the forms read here, also `06.01.2008`,
    /// `1. Januar 2023`, `2008/01/06` and US-style `01/10/2008` (month first unless the first number
    /// cannot be a month); nil when there is none.
    public static func first(in text: String, language: LanguageData = .english) -> String? {
        all(in: text, language: language).min { $0.at < $1.at }?.date
    }

    /// The last date written in `text` (the one closest to what follows it).
    public static func last(in text: String, language: LanguageData = .english) -> String? {
        all(in: text, language: language).max { $0.at < $1.at }?.date
    }

    static func all(in text: String, language: LanguageData) -> [(at: Int, date: String)] {
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var found: [(at: Int, date: String)] = []
        func consider(_ at: Int, _ date: String?) {
            if let date { found.append((at, date)) }
        }
        func int(_ m: NSTextCheckingResult, _ k: Int) -> Int? { Int(ns.substring(with: m.range(at: k))) }
        func month(_ m: NSTextCheckingResult, _ k: Int) -> Int? {
            let word = ns.substring(with: m.range(at: k)).lowercased()
            return language.months[word] ?? foreignMonths[word] ?? (word.count >= 3 ? foreignMonths[String(word.prefix(3))] : nil)
        }
        for m in iso.matches(in: text, range: whole) {
            consider(m.range.location, int(m, 1).flatMap { y in int(m, 2).flatMap { mo in int(m, 3).flatMap { isoDate(y, mo, $0) } } })
        }
        for m in monthFirstWide.matches(in: text, range: whole) {
            consider(m.range.location, month(m, 1).flatMap { mo in int(m, 2).flatMap { d in int(m, 3).flatMap { isoDate($0, mo, d) } } })
        }
        for m in dayFirstWide.matches(in: text, range: whole) {
            consider(m.range.location, month(m, 2).flatMap { mo in int(m, 1).flatMap { d in int(m, 3).flatMap { isoDate($0, mo, d) } } })
        }
        for m in dotted.matches(in: text, range: whole) {
            consider(m.range.location, int(m, 1).flatMap { d in int(m, 2).flatMap { mo in int(m, 3).flatMap { isoDate($0, mo, d) } } })
        }
        for m in slashYearFirst.matches(in: text, range: whole) {
            consider(m.range.location, int(m, 1).flatMap { y in int(m, 2).flatMap { mo in int(m, 3).flatMap { isoDate(y, mo, $0) } } })
        }
        for m in slashed.matches(in: text, range: whole) {
            guard let a = int(m, 1), let b = int(m, 2), var y = int(m, 3) else { continue }
            if y < 100 { y += 2000 }
            consider(m.range.location, a <= 12 ? isoDate(y, a, b) : isoDate(y, b, a))
        }
        return found
    }

    /// Month names of German and French pages (and their usual short forms), beside the language's own.
    static let foreignMonths: [String: Int] = [
        "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mär": 3, "mai": 5, "juni": 6, "juli": 7,
        "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8, "aout": 8,
        "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12
    ]

    /// A date in a URL path such as `/2014/11/19/world/...`.
    public static func fromURL(_ url: String) -> String? {
        let ns = url as NSString
        for pattern in [urlPath, urlDashed, urlCompact] {
            guard let m = pattern.firstMatch(in: url, range: NSRange(location: 0, length: ns.length)),
                let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
                let d = Int(ns.substring(with: m.range(at: 3))), let date = isoDate(y, mo, d)
            else { continue }
            return date
        }
        return nil
    }

    /// "YYYY-MM-DD" at the start of `text`, not followed by a digit, when it is a valid date.
    static func leadingISODate(_ text: String) -> String? {
        var u = text.utf8.makeIterator()
        var values = [0, 0, 0]
        for (part, width) in [(0, 4), (1, 2), (2, 2)] {
            if part > 0 { guard u.next() == UInt8(ascii: "-") else { return nil } }
            for _ in 0..<width {
                guard let b = u.next(), b >= 0x30, b <= 0x39 else { return nil }
                values[part] = values[part] * 10 + Int(b - 0x30)
            }
        }
        if let next = u.next(), next >= 0x30, next <= 0x39 { return nil }
        return isoDate(values[0], values[1], values[2])
    }

    /// `YYYY-MM-DD` when the date exists in the Gregorian calendar (years 1800 to 2200).
    public static func isoDate(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1800...2200).contains(y), (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(y, 4) + "-" + digits(m, 2) + "-" + digits(d, 2)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are fixed strings written here; a failure is a programming error caught by tests.
        // swiftlint:disable:next force_try
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    private static let iso = regex(#"\b(\d{4})-(\d{2})-(\d{2})(?![\d])"#)
    private static let monthFirst = regex(#"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#)
    private static let dayFirst = regex(#"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b"#)
    private static let urlPath = regex(#"/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$)"#)
    private static let urlDashed = regex(#"[/_-](\d{4})[-_](\d{2})[-_](\d{2})(?:[/_.-]|$)"#)
    private static let urlCompact = regex(#"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)"#)
    private static let monthFirstWide = regex(#"(?<![\w])(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"#)
    private static let dayFirstWide = regex(#"(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(\p{L}{3,9})\.?,?\s+(\d{4})(?!\d)"#)
    private static let dotted = regex(#"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)(?!\.\d)"#)
    private static let slashYearFirst = regex(#"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)"#)
    private static let slashed = regex(#"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?!\d)"#)
}
