import Foundation
import PrecisText

/// Dates as feeds write them: RFC 822 (RSS) with its real-world variants (any day name or none,
/// two-digit years, no seconds, zone names like EST, "+0530", "+05:30", military letters, no zone)
/// and W3C/ISO 8601 (Atom, Dublin Core) in full or reduced precision, with "T" or a space.
public enum FeedDates {
    /// The instant a feed date names, or nil when it cannot be read.
    public static func parse(_ text: String) -> Date? {
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty, s.utf8.count < 100 else { return nil }
        return iso(s) ?? rfc822(s)
    }

    /// ISO 8601 in UTC, whole seconds: "2004-01-01T19:48:21Z".
    public static func iso8601(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let day = CivilDate(dayNumber: days)
        return day.description + "T" + CivilDate.pad(rest / 3600, 2) + ":" + CivilDate.pad(rest / 60 % 60, 2) + ":"
            + CivilDate.pad(rest % 60, 2) + "Z"
    }

    static func instant(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        offsetMinutes: Int = 0
    ) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
            (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = CivilDate(year: year, month: month, day: day).dayNumber
        let total = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetMinutes * 60
        return Date(timeIntervalSince1970: TimeInterval(total))
    }

    // MARK: - ISO 8601 / W3C-DTF

    static func iso(_ s: String) -> Date? {
        let b = Array(s.utf8)
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var n = 0
            for k in i..<(i + count) {
                let d = Int(b[k]) - 48
                guard (0...9).contains(d) else { return nil }
                n = n * 10 + d
            }
            i += count
            return n
        }
        func skip(_ c: Character) -> Bool {
            if i < b.count, b[i] == c.asciiValue! { i += 1; return true }
            return false
        }
        guard let year = digits(4) else { return nil }
        let extended = skip("-")
        var month = 1, day = 1
        if i < b.count, let m = digits(2) {
            month = m
            if extended ? skip("-") : true, i < b.count, let d = digits(2) { day = d } else if extended && i < b.count { return nil }
        } else if i < b.count {
            return nil
        }
        var hour = 0, minute = 0, second = 0, offset = 0
        if i < b.count {
            guard skip("T") || skip("t") || skip(" ") else { return nil }
            guard let h = digits(2) else { return nil }
            hour = h
            let colon = skip(":")
            guard let m = digits(2) else { return nil }
            minute = m
            if colon ? skip(":") : (i < b.count && b[i] >= 48 && b[i] <= 57) {
                guard let sec = digits(2) else { return nil }
                second = sec
                if skip(".") || skip(",") { while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 } }
            }
            while i < b.count, b[i] == 0x20 { i += 1 }
            if i < b.count {
                if skip("Z") || skip("z") {
                } else if b[i] == 0x2B || b[i] == 0x2D {
                    let sign = b[i] == 0x2D ? -1 : 1
                    i += 1
                    guard let oh = digits(2) else { return nil }
                    _ = skip(":")
                    let om = i < b.count ? (digits(2) ?? 0) : 0
                    offset = sign * (oh * 60 + om)
                } else if let zone = zoneOffset(String(decoding: b[i...], as: UTF8.self)) {
                    offset = zone
                    i = b.count
                } else {
                    return nil
                }
            }
            guard i == b.count else { return nil }
        }
        return instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    // MARK: - RFC 822 and its relatives

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func rfc822(_ s: String) -> Date? {
        let tokens = s.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }.map(String.init)
        var month: Int?
        var numbers: [String] = []
        var time: [Int]?
        var offset: Int?
        for var token in tokens {
            let lower = token.lowercased()
            if month == nil, lower.count >= 3, let m = months.firstIndex(of: String(lower.prefix(3))), lower.allSatisfy(\.isLetter) {
                month = m + 1
                continue
            }
            if time == nil, token.contains(":") {
                // "19:48:21", "19:48", maybe with a zone glued on ("19:48:21+0000").
                if let z = token.firstIndex(where: { $0 == "+" || $0 == "-" || $0.isLetter }) {
                    offset = zoneOffset(String(token[z...]))
                    token = String(token[..<z])
                }
                let parts = token.split(separator: ":").map { Int($0) }
                guard parts.count >= 2, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
                time = parts.map { $0! }
                continue
            }
            if token.allSatisfy(\.isNumber) {
                numbers.append(token)
                continue
            }
            if let z = zoneOffset(token) {
                offset = z
                continue
            }
            if lower.allSatisfy(\.isLetter) || lower.hasSuffix(".") { continue }  // day names, "at"
            // "01-Jan-2004"
            let dashed = token.split(separator: "-")
            if dashed.count == 3, let m = months.firstIndex(of: String(dashed[1].lowercased().prefix(3))) {
                month = m + 1
                numbers += [String(dashed[0]), String(dashed[2])]
                continue
            }
            return nil
        }
        guard let month, numbers.count == 2 else { return nil }
        var day: Int, year: Int
        if numbers[0].count == 4 { year = Int(numbers[0])!; day = Int(numbers[1])! } else { day = Int(numbers[0])!; year = Int(numbers[1])! }
        if numbers[1].count <= 2 && numbers[0].count <= 2 { year = Int(numbers[1])! }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        let t = time ?? [0, 0]
        return instant(
            year: year, month: month, day: day, hour: t[0], minute: t[1], second: t.count > 2 ? t[2] : 0,
            offsetMinutes: offset ?? 0)
    }

    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        "ast": -240, "adt": -180, "akst": -540, "akdt": -480, "hst": -600, "nzst": 720, "nzdt": 780,
        "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "ist": 330, "jst": 540, "kst": 540,
        "aest": 600, "aedt": 660, "wet": 0, "west": 60,
        "a": -60, "m": -720, "n": 60, "y": 720
    ]

    /// Minutes east of UTC for "+0530", "-05:00", "+05", "EST", "GMT+2", ...
    static func zoneOffset(_ token: String) -> Int? {
        var t = token.lowercased()
        if let known = zones[t] { return known }
        if t.hasPrefix("gmt") || t.hasPrefix("utc") { t = String(t.dropFirst(3)) }
        guard let first = t.first, first == "+" || first == "-" else { return nil }
        let sign = first == "-" ? -1 : 1
        let digits = t.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isNumber) else { return nil }
        let n = Int(digits)!
        let (h, m) = digits.count <= 2 ? (n, 0) : (n / 100, n % 100)
        guard h <= 14, m < 60 else { return nil }
        return sign * (h * 60 + m)
    }
}
