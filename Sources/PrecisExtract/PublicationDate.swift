import Foundation
import PrecisText

/// Reads publication dates written the ways news pages write them, into ISO 8601 (`YYYY-MM-DD`).
///
/// Understands `2014-11-18` (with or without a time), `November 10, 2014`, `Nov. 18, 2014`,
/// `18 November 2014`, and dated URL paths (`/2014/11/19/`). Impossible dates (`2014-02-30`) are refused.
public enum PublicationDate {
    /// The first date found in `text`, or nil.
    public static func parse(_ text: String, language: LanguageData = .english) -> String? {
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        if let m = iso.firstMatch(in: text, range: whole),
           let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
           let d = Int(ns.substring(with: m.range(at: 3))), let date = isoDate(y, mo, d) {
            return date
        }
        if let m = monthFirst.firstMatch(in: text, range: whole),
           let mo = language.months[ns.substring(with: m.range(at: 1)).lowercased()],
           let d = Int(ns.substring(with: m.range(at: 2))), let y = Int(ns.substring(with: m.range(at: 3))),
           let date = isoDate(y, mo, d) {
            return date
        }
        if let m = dayFirst.firstMatch(in: text, range: whole),
           let d = Int(ns.substring(with: m.range(at: 1))),
           let mo = language.months[ns.substring(with: m.range(at: 2)).lowercased()],
           let y = Int(ns.substring(with: m.range(at: 3))), let date = isoDate(y, mo, d) {
            return date
        }
        return nil
    }

    /// A date in a URL path such as `/2014/11/19/world/...`.
    public static func fromURL(_ url: String) -> String? {
        let ns = url as NSString
        guard let m = urlPath.firstMatch(in: url, range: NSRange(location: 0, length: ns.length)),
              let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
              let d = Int(ns.substring(with: m.range(at: 3))) else { return nil }
        return isoDate(y, mo, d)
    }

    /// `YYYY-MM-DD` when the date exists in the Gregorian calendar (years 1800 to 2200).
    public static func isoDate(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1800...2200).contains(y), (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
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
}
