import PrecisText

/// A TIMEX3 value, typed: what the time tagger gives an expression and what the timeline and the
/// dating of sources read back. `description` writes it as TIMEX3 does ("2014-11-18", "XXXX-WXX-2",
/// "2014-Q3", "P5Y", "2014-11-18T10:00"), and `init(_:)` reads any such text back; a text of no form
/// below is kept as it is written (`other`), so reading and writing always give the same text.
public enum TimexValue: Sendable, Hashable, CustomStringConvertible {
    /// A calendar day: "2014-11-18"; with the year unknown (nil), "XXXX-11-18".
    case day(year: Int?, month: Int, day: Int)
    /// A month: "2014-11", "XXXX-11".
    case month(year: Int?, month: Int)
    /// A day of the week of an unknown week, 1 Monday to 7 Sunday: "XXXX-WXX-2".
    case weekday(Int)
    /// An ISO week: "2014-W47"; its weekend: "2014-W47-WE".
    case week(year: Int, week: Int)
    case weekend(year: Int, week: Int)
    /// A quarter, "2014-Q3", or a half, "2014-H1".
    case quarter(year: Int, quarter: Int)
    case half(year: Int, half: Int)
    /// A season of a year: "2014-SU".
    case season(year: Int, season: Season)
    /// A year, "2014"; a decade, "199" (the 1990s); a century, "19" (the 1900s).
    case year(Int)
    case decade(Int)
    case century(Int)
    /// A time on a day: the day (or weekday) and the time of day after the "T", a clock time or a
    /// part of the day ("2014-11-18T10:00", "2014-11-18T10:00Z", "XXXX-WXX-5TNI").
    indirect case time(TimexValue, clock: String)
    /// A length or a period of a set: "P5Y", "PT3H", "P2Y6M", "PXY" (years of unsaid number).
    case duration(String)
    /// The present, the past or the future: "PRESENT_REF".
    case reference(Reference)
    /// Any other text.
    case other(String)

    public enum Season: String, Sendable, Hashable {
        case spring = "SP", summer = "SU", fall = "FA", winter = "WI"
    }

    public enum Reference: String, Sendable, Hashable {
        case present = "PRESENT_REF", past = "PAST_REF", future = "FUTURE_REF"
    }

    /// The value `text` writes; `other(text)` when it has none of the typed forms.
    public init(_ text: String) {
        if let typed = Self.parse(text), typed.description == text {
            self = typed
        } else {
            self = .other(text)
        }
    }

    public var description: String {
        func year(_ y: Int?) -> String { y.map { CivilDate.pad($0, 4) } ?? "XXXX" }
        switch self {
        case .day(let y, let m, let d): return year(y) + "-" + CivilDate.pad(m, 2) + "-" + CivilDate.pad(d, 2)
        case .month(let y, let m): return year(y) + "-" + CivilDate.pad(m, 2)
        case .weekday(let d): return "XXXX-WXX-\(d)"
        case .week(let y, let w): return CivilDate.pad(y, 4) + "-W" + CivilDate.pad(w, 2)
        case .weekend(let y, let w): return CivilDate.pad(y, 4) + "-W" + CivilDate.pad(w, 2) + "-WE"
        case .quarter(let y, let q): return CivilDate.pad(y, 4) + "-Q\(q)"
        case .half(let y, let h): return CivilDate.pad(y, 4) + "-H\(h)"
        case .season(let y, let s): return CivilDate.pad(y, 4) + "-" + s.rawValue
        case .year(let y): return CivilDate.pad(y, 4)
        case .decade(let d): return String(d)
        case .century(let c): return String(c)
        case .time(let date, let clock): return date.description + "T" + clock
        case .duration(let text), .other(let text): return text
        case .reference(let r): return r.rawValue
        }
    }

    /// The day a date of known year names, when it is one of the calendar ("2014-11-18"; not
    /// "2014-02-30"); a time's day.
    public var civilDate: CivilDate? {
        switch self {
        case .day(let y?, let m, let d):
            guard (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return nil }
            return CivilDate(year: y, month: m, day: d)
        case .time(let date, _): return date.civilDate
        default: return nil
        }
    }

    /// The first and last day of a day, month, ISO week or weekend of known year ("2014-W49":
    /// 2014-12-01 to 2014-12-07); nil for anything else (a year, a season, a value without its year).
    public var days: (first: CivilDate, last: CivilDate)? {
        func week(_ y: Int, _ w: Int) -> CivilDate? {
            guard (1...53).contains(w) else { return nil }
            let jan4 = CivilDate(year: y, month: 1, day: 4)  // always in week 1
            return jan4.adding(days: 1 - jan4.weekday + 7 * (w - 1))
        }
        switch self.date {
        case .day: return civilDate.map { ($0, $0) }
        case .month(let y?, let m):
            guard (1...12).contains(m) else { return nil }
            return (CivilDate(year: y, month: m, day: 1), CivilDate(year: y, month: m, day: CivilDate.daysIn(month: m, year: y)))
        case .week(let y, let w): return week(y, w).map { ($0, $0.adding(days: 6)) }
        case .weekend(let y, let w): return week(y, w).map { ($0.adding(days: 5), $0.adding(days: 6)) }
        default: return nil
        }
    }

    /// Whether the year is known: false for "XXXX-11-18", "XXXX-11" and "XXXX-WXX-2".
    public var hasYear: Bool {
        switch self {
        case .day(let y, _, _), .month(let y, _): return y != nil
        case .weekday: return false
        case .time(let date, _): return date.hasYear
        default: return true
        }
    }

    /// The value without its time of day: the day of "2014-11-18T10:00"; the value itself otherwise.
    public var date: TimexValue {
        if case .time(let date, _) = self { return date }
        return self
    }

    static func parse(_ text: String) -> TimexValue? {
        if let r = Reference(rawValue: text) { return .reference(r) }
        if text.hasPrefix("P") { return text.count > 1 ? .duration(text) : nil }
        if let t = text.firstIndex(of: "T") {
            return .time(TimexValue(String(text[..<t])), clock: String(text[text.index(after: t)...]))
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func number(_ s: String, digits: Int) -> Int? {
            s.count == digits && s.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(s) : nil
        }
        func year(_ s: String) -> Int?? { s == "XXXX" ? .some(nil) : number(s, digits: 4).map { .some($0) } }
        switch parts.count {
        case 1:
            if let y = number(text, digits: 4) { return .year(y) }
            if let d = number(text, digits: 3) { return .decade(d) }
            if let c = number(text, digits: 2) { return .century(c) }
        case 2:
            let tail = parts[1]
            if let y = year(parts[0]), let m = number(tail, digits: 2) { return .month(year: y, month: m) }
            guard let y = number(parts[0], digits: 4) else { return nil }
            if tail.hasPrefix("W"), let w = number(String(tail.dropFirst()), digits: 2) { return .week(year: y, week: w) }
            if tail.hasPrefix("Q"), let q = number(String(tail.dropFirst()), digits: 1) { return .quarter(year: y, quarter: q) }
            if tail.hasPrefix("H"), let h = number(String(tail.dropFirst()), digits: 1) { return .half(year: y, half: h) }
            if let s = Season(rawValue: tail) { return .season(year: y, season: s) }
        case 3:
            if parts[0] == "XXXX", parts[1] == "WXX", let d = number(parts[2], digits: 1) { return .weekday(d) }
            if let y = year(parts[0]), let m = number(parts[1], digits: 2), let d = number(parts[2], digits: 2) {
                return .day(year: y, month: m, day: d)
            }
            if let y = number(parts[0], digits: 4), parts[1].hasPrefix("W"), let w = number(String(parts[1].dropFirst()), digits: 2), parts[2] == "WE" {
                return .weekend(year: y, week: w)
            }
        default: break
        }
        return nil
    }
}

extension CivilDate {
    /// This day as a TIMEX3 value.
    var timex: TimexValue { .day(year: year, month: month, day: day) }
    /// Its ISO week, and its month.
    var weekTimex: TimexValue { let w = isoWeek; return .week(year: w.year, week: w.week) }
    var monthTimex: TimexValue { .month(year: year, month: month) }
}
