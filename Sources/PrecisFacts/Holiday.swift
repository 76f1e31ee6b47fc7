import PrecisText

/// A named day ("Thanksgiving", "Christmas Eve", "Good Friday") and the rule that puts it in a year,
/// as `timewords.txt` gives it.
struct Holiday: Sendable {
    enum Rule: Sendable, Equatable {
        /// The same month and day every year.
        case fixed(month: Int, day: Int)
        /// The n-th given weekday of a month (n = -1 for the last), moved by `offset` days
        /// ("the Tuesday after the first Monday of November" is the first Monday, +1).
        case nthWeekday(month: Int, weekday: Int, n: Int, offset: Int)
        /// Days from Easter Sunday.
        case easter(offset: Int)
    }

    /// The name's words as the tagger's tokens have them (lower case, "'s" split off).
    var words: [String]
    var rule: Rule

    /// Reads "11-TH4", "11-MO1+1", "05-MOL", "12-25", "EASTER-2".
    static func rule(_ text: String) -> Rule? {
        var body = Substring(text)
        var offset = 0
        if let sign = body.dropFirst(3).lastIndex(where: { $0 == "+" || $0 == "-" }) {
            guard let k = Int(body[body.index(after: sign)...]) else { return nil }
            offset = body[sign] == "+" ? k : -k
            body = body[..<sign]
        }
        if body == "EASTER" { return .easter(offset: offset) }
        let parts = body.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), (1...12).contains(month) else { return nil }
        if let day = Int(parts[1]) {
            guard offset == 0, (1...CivilDate.daysIn(month: month, year: 2000)).contains(day) else { return nil }
            return .fixed(month: month, day: day)
        }
        let codes = ["MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7]
        guard parts[1].count == 3, let weekday = codes[String(parts[1].prefix(2))] else { return nil }
        let nth = parts[1].suffix(1)
        guard let n = nth == "L" ? -1 : Int(nth), n == -1 || (1...5).contains(n) else { return nil }
        return .nthWeekday(month: month, weekday: weekday, n: n, offset: offset)
    }

    /// The holiday's date in `year`, or nil when the rule has no such day that year (a fifth weekday).
    func date(in year: Int) -> CivilDate? {
        switch rule {
        case let .fixed(month, day):
            return day <= CivilDate.daysIn(month: month, year: year) ? CivilDate(year: year, month: month, day: day) : nil
        case let .nthWeekday(month, weekday, n, offset):
            let day: CivilDate
            if n > 0 {
                let first = CivilDate(year: year, month: month, day: 1)
                day = first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
                guard day.month == month else { return nil }
            } else {
                let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
                day = last.adding(days: -((last.weekday - weekday + 7) % 7))
            }
            return day.adding(days: offset)
        case let .easter(offset):
            return Self.easterSunday(year).adding(days: offset)
        }
    }

    /// Easter Sunday of the Gregorian calendar (the computus of Gauss's successors, in integer steps).
    static func easterSunday(_ year: Int) -> CivilDate {
        let golden = year % 19
        let century = year / 100, yearOfCentury = year % 100
        let leapSkips = century / 4, leapRest = century % 4
        let moonCorrection = (century + 8) / 25
        let moonSkips = (century - moonCorrection + 1) / 3
        let epact = (19 * golden + century - leapSkips - moonSkips + 15) % 30
        let weekdayShift = (32 + 2 * leapRest + 2 * (yearOfCentury / 4) - epact - yearOfCentury % 4) % 7
        let correction = (golden + 11 * epact + 22 * weekdayShift) / 451
        let monthDay = epact + weekdayShift - 7 * correction + 114
        return CivilDate(year: year, month: monthDay / 31, day: monthDay % 31 + 1)
    }
}

extension TimeTagger {
    /// A holiday by name, with "last", "next" or "this" before it or a year after it ("Thanksgiving
    /// Day", "last Christmas", "Easter 2009"), or the week it falls in ("Easter week").
    func holidayForm(_ t: [TimeToken], at i: Int) -> Match? {
        let mod = Self.yearShifts[t[i].lower]
        let k = mod == nil ? i : i + 1
        guard k < t.count, t[k].capitalized, let (holiday, length) = holiday(t, at: k) else { return nil }
        // "Ukraine's Independence Day" is not the one the list means.
        if k > 0, t[k - 1].lower == "'s" || t[k - 1].lower == "\u{2019}s" { return nil }
        var end = k + length
        if end < t.count, t[end].lower == "week" {
            return Match(length: end + 1 - i, type: .date, relative: true) { anchor, future in
                Self.holidayDate(holiday, anchor: anchor, mod: mod, future: future)?.weekValue
            }
        }
        if mod == nil, let y = year(t, end) {
            end = y.next
            return Match(length: end - i, type: .date, relative: false) { _, _ in holiday.date(in: y.year)?.description }
        }
        return Match(length: end - i, type: .date, relative: true) { anchor, future in
            guard anchor != nil else {
                guard case let .fixed(month, day) = holiday.rule else { return nil }
                return "XXXX-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2)
            }
            return Self.holidayDate(holiday, anchor: anchor, mod: mod, future: future)?.description
        }
    }

    /// The longest holiday name that starts at token `k`, and how many tokens it takes.
    func holiday(_ t: [TimeToken], at k: Int) -> (Holiday, Int)? {
        guard let candidates = words.holidays[t[k].lower] else { return nil }
        var best: (Holiday, Int)? = nil
        for h in candidates where h.words.count > (best?.1 ?? 0) && k + h.words.count <= t.count {
            let matches = h.words.indices.allSatisfy { j in
                t[k + j].lower == h.words[j] || t[k + j].lower.replacingOccurrences(of: "\u{2019}", with: "'") == h.words[j]
            }
            if matches { best = (h, h.words.count) }
        }
        return best
    }

    /// The holiday's date nearest the anchor: "last" the latest before it, "next" the first after it,
    /// "this" the anchor's year; otherwise the one within two months either way, or the latest on or
    /// before the anchor (the first on or after it when the sentence is about the future).
    static func holidayDate(_ holiday: Holiday, anchor: CivilDate?, mod: Int?, future: Bool) -> CivilDate? {
        guard let anchor, let same = holiday.date(in: anchor.year) else { return nil }
        switch mod {
        case -1: return same < anchor ? same : holiday.date(in: anchor.year - 1)
        case 1: return same > anchor ? same : holiday.date(in: anchor.year + 1)
        case 0: return same
        default:
            // The year a month and day without one takes, for this year's date of the holiday.
            return holiday.date(in: yearOf(month: same.month, day: same.day, anchor: anchor, future: future))
        }
    }
}
