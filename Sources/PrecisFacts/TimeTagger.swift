import Foundation
import PrecisText

/// A time expression found in a text, with its TIMEX3-like type and value.
public struct TimeExpression: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
    }

    public var text: String
    /// Unicode scalar offsets into the text that was tagged, end exclusive.
    public var start: Int
    public var end: Int
    public var type: Kind
    /// The normalised value: "2014-11-18", "2014-11", "2014", "2014-W47", "2014-Q3", "P5Y",
    /// "PRESENT_REF", "1998-08-07T10:00" …; parts that cannot be known without the article's date are
    /// X ("XXXX-11-18"); nil when the expression only has a meaning relative to an unknown date.
    public var value: String?
    /// Whether the value depends on the article's date ("Tuesday", "last month") rather than on the
    /// words alone ("Nov. 18, 2014", "five years").
    public var relative: Bool
    /// `value`, typed.
    public var timex: TimexValue? { value.map(TimexValue.init) }
    /// Whether its clause speaks of the future ("will vote Tuesday", "is expected on Monday"): an
    /// event announced, not one that happened.
    public var future = false
}

/// Finds time expressions in news text and resolves them against the article's publication date.
///
/// Dates ("Nov. 18, 2014", "18 November", "2014-11-18", "Feb. 17", "December", "1990s"), days and
/// periods named relative to the publication date ("Tuesday", "on Monday", "yesterday", "last week",
/// "next month", "earlier this year", "five years ago", "the third quarter"), clock times ("10 a.m.",
/// "4 in the morning"), ranges of days ("April 24 and 25"), durations ("five years", "22 months",
/// "two-week", "5 1/2 hours", "day-long") and recurring times ("every week", "annually").
/// Ages ("61-year-old", "a 5-year-old boy", "50 years old") are not time expressions and are passed
/// over. A day name resolves backwards (the latest such day on or before the publication date) unless
/// its sentence speaks of the future ("will", "next", "is expected"); a month without a year likewise.
/// Without a publication date, relative expressions get no value rather than a guess.
public struct TimeTagger: Sendable {
    let words: TimeWords

    public init() {
        words = TimeWords.english
    }

    public func tag(_ text: String, anchor: CivilDate?) -> [TimeExpression] {
        let scalars = Array(text.unicodeScalars)
        let tokens = TimeToken.splittingClitics(TimeToken.tokenize(scalars))
        var out: [TimeExpression] = []
        var i = 0
        var sentenceFuture: (range: Range<Int>, future: Bool)? = nil
        var named: (date: CivilDate, precision: Int)? = nil
        var clocks: [(index: Int, sentence: Range<Int>)] = []
        while i < tokens.count {
            guard tokens[i].kind != .punct, let match = match(tokens, at: i) else { i += 1; continue }
            if match.passesOver { i += match.length; continue }  // words passed over (an age)
            let from = widened(tokens, i, match)
            let first = tokens[from], last = tokens[i + match.length - 1]
            if sentenceFuture == nil || !sentenceFuture!.range.contains(i) {
                sentenceFuture = futureSentence(tokens, around: i)
            }
            // The sentence's future counts only if it reaches this expression's clause, and a past
            // verb just before the expression ("announced Friday", "said on Monday") wins over both.
            // A day with a possessive ("around Monday's ruling") names what has happened, unless it is
            // awaited ("ahead of Friday's race").
            let possessive =
                words.weekdays[tokens[i].lower] != nil && i + match.length < tokens.count
                && ["'s", "\u{2019}s"].contains(tokens[i + match.length].lower)
            let future =
                soonest(tokens, before: from)
                || (possessive
                    ? awaited(tokens, before: from)
                    : sentenceFuture!.future && clauseIsFuture(tokens, from: i, length: match.length, in: sentenceFuture!.range)
                        && !followsPastVerb(tokens, at: i) && !precedesPastVerb(tokens, at: i + match.length))
            // "later that year" counts from the last date named precisely enough, or the article's date.
            let reference = match.anaphoric.map { needed in named.flatMap { $0.precision >= needed ? $0.date : nil } ?? anchor } ?? anchor
            let value = match.resolve(reference, future)
            if match.type == .date || match.type == .time, let d = Self.namedDate(value) { named = d }
            if match.clock, value != nil {
                let r = sentenceFuture!.range
                clocks.append((out.count, tokens[r.lowerBound].start..<tokens[min(r.upperBound, tokens.count) - 1].end))
            }
            out.append(
                TimeExpression(
                    text: String(String.UnicodeScalarView(scalars[first.start..<last.end])),
                    start: first.start, end: last.end, type: match.type, value: value, relative: match.relative, future: future))
            i += match.length
        }
        Self.clocksOnTheirSentencesDay(&out, clocks)
        return Self.yearBackToQuarter(out)
    }

    /// A time of day with no day of its own takes the day its sentence names: the nearest before it
    /// ("test flight Tuesday in Everett at 18:00 UTC"), else the nearest after it ("at 10:35 a.m.
    /// (0735 GMT) Friday", "at 16:15 UTC, June 1st").
    static func clocksOnTheirSentencesDay(_ out: inout [TimeExpression], _ clocks: [(index: Int, sentence: Range<Int>)]) {
        func day(_ k: Int) -> CivilDate? {
            guard !clockIndices.contains(k), out[k].type == .date || out[k].type == .time else { return nil }
            return out[k].timex?.civilDate
        }
        let clockIndices = Set(clocks.map(\.index))
        for (k, sentence) in clocks {
            guard case .time(_, let clock)? = out[k].timex else { continue }
            let before = out.indices.reversed().first { $0 < k && sentence.contains(out[$0].start) && day($0) != nil }
            let after = out.indices.first { $0 > k && sentence.contains(out[$0].start) && day($0) != nil }
            guard let source = before ?? after, let d = day(source) else { continue }
            out[k].value = TimexValue.time(d.timex, clock: clock).description
        }
    }

    /// In an earnings report, "a year ago", "a year earlier" and "the year-earlier quarter" mean the
    /// reported quarter a year before, not the whole year: once the text names a quarter (its first
    /// one is the reported quarter), those expressions take that quarter of the year before.
    static func yearBackToQuarter(_ found: [TimeExpression]) -> [TimeExpression] {
        let quarters = found.lazy.compactMap { e -> (year: Int, quarter: Int)? in
            guard case .quarter(let year, let quarter)? = e.timex else { return nil }
            return (year, quarter)
        }
        guard let first = quarters.first else { return found }
        let (year, quarter) = (first.year, first.quarter)
        var out = found
        for k in out.indices {
            let text = out[k].text.lowercased()
            let yearBack =
                ["a year ago", "a year earlier", "one year ago", "one year earlier"].contains(text)
                || text.contains("year-earlier") || text.contains("year-ago")
            // "the 1988 quarter", "the 1989 period": the reported quarter of that year.
            let yearsQuarter = text.hasPrefix("the ") && (text.hasSuffix(" quarter") || text.hasSuffix(" period"))
            guard yearBack || yearsQuarter, case .year(let y)? = out[k].timex else { continue }
            out[k].value = TimexValue.quarter(year: yearBack ? year - 1 : y, quarter: quarter).description
        }
        return out
    }

    /// Where an expression found at token `i` starts once the words before it that TimeML keeps in
    /// the span are taken in: the article and "a" of a length ("the past two months", "the first nine
    /// months", "a few days", "a couple of years"), "nearly", "more than", "at least" ("more than four
    /// hours", "nearly two years ago"), "the end of" ("the end of this year"), "early", "late",
    /// "earlier", "later" before a day or a relative date ("late yesterday", "early next year",
    /// "earlier today"), and the article of a decade ("the late 1970s", "the mid-1990s").
    func widened(_ t: [TimeToken], _ i: Int, _ match: Match) -> Int {
        var from = i
        let lengthLike = match.type == .duration || t[i + match.length - 1].lower == "ago"
        if lengthLike {
            if (t[i].lower == "few" || t[i].lower == "couple") && t.isWord(i - 1, "a") { from -= 1 }
            if t.isWord(from - 1, "nearly") {
                from -= 1
            } else if t.isWord(from - 1, "than") && (t.isWord(from - 2, "more") || t.isWord(from - 2, "less") || t.isWord(from - 2, "fewer"))
                || t.isWord(from - 1, "least") && t.isWord(from - 2, "at")
            {
                from -= 2
            } else if match.type == .duration, t[i].lower != "the", !t[i..<(i + match.length)].contains(where: { $0.lower == "-" }) {
                if t.isWord(from - 1, "the") {
                    from -= 1
                } else if from >= 2, ["first", "latest", "last"].contains(t[from - 1].lower), t.isWord(from - 2, "the") {
                    from -= 2
                }
            }
        } else if match.type == .date || match.type == .time {
            let decade = t[i].kind == .number && t[i].lower.hasSuffix("s")
            if t.isWord(from - 1, "of"), ["end", "beginning", "start", "middle"].contains(from >= 2 ? t[from - 2].lower : ""), t.isWord(from - 3, "the") {
                from -= 3
            } else if t.isWord(from - 1, "earlier") || t.isWord(from - 1, "later"), words.relativeDays[t[i].lower] != nil {
                from -= 1
            } else if match.relative || decade, t.isWord(from - 1, "early") || t.isWord(from - 1, "late") {
                from -= 1
            } else if decade, t.isWord(from - 1, "-"), t.isWord(from - 2, "mid") {
                from -= 2
            }
            // "the '70s", "since '82": the apostrophe that stands for the century.
            if t[i].kind == .number, t[i].lower.count <= 3, from == i, t.isWord(from - 1, "'") || t.isWord(from - 1, "\u{2019}") { from -= 1 }
            if decade && t.isWord(from - 1, "the") { from -= 1 }
        }
        return from
    }

    // MARK: - Matching

    struct Match {
        var length: Int
        var type: TimeExpression.Kind
        var relative: Bool
        var resolve: (CivilDate?, Bool) -> String?
        /// For "later that year", "the same day": the expression counts from the last date the text
        /// named to at least this precision (4 a year, 10 a day), not from the article's date.
        var anaphoric: Int? = nil
        /// A time of day with no day named ("at 18:00 UTC", "10:35 a.m."): it takes the day its
        /// sentence names, if any, rather than the article's.
        var clock = false
        /// Words read only to be passed over, not reported (an age: "61-year-old").
        var passesOver = false
    }

    /// "that year", "later that year", "the following year", "the previous year", "earlier that day",
    /// "the same day": a day or year counted from the last date the text named.
    func anaphoricForm(_ t: [TimeToken], at i: Int) -> Match? {
        // "the same period last year", "the same month a year ago": the month last named, a year back.
        if t.isWord(i, "the"), t.isWord(i + 1, "same"), t.isWord(i + 2, "period") || t.isWord(i + 2, "month") {
            let k = i + 3
            let tail =
                t.isWord(k, "last") && t.isWord(k + 1, "year")
                ? 2
                : (t.isWord(k, "a") || t.isWord(k, "one")) && t.isWord(k + 1, "year")
                    && (t.isWord(k + 2, "ago") || t.isWord(k + 2, "earlier") || t.isWord(k + 2, "before"))
                    ? 3
                    : t.isWord(k, "the") && t.isWord(k + 1, "previous") && t.isWord(k + 2, "year") ? 3 : 0
            guard tail > 0 else { return nil }
            var m = Match(length: k + tail - i, type: .date, relative: true) { reference, _ in
                reference.map { TimexValue.month(year: $0.year - 1, month: $0.month).description }
            }
            m.anaphoric = 7
            return m
        }
        var k = i
        var shift = 0
        if t.isWord(k, "earlier") || t.isWord(k, "later") { k += 1 }
        if t.isWord(k, "that") && t.isWord(k + 1, "same") {
            k += 1
        } else if t.isWord(k, "the"), t.isWord(k + 1, "same") || t.isWord(k + 1, "following") || t.isWord(k + 1, "previous") {
            shift = t.isWord(k + 1, "following") ? 1 : t.isWord(k + 1, "previous") ? -1 : 0
            k += 1
        } else if !t.isWord(k, "that") {
            return nil
        }
        guard k + 1 < t.count, let unit = ["day": "D", "year": "Y"][t[k + 1].lower] else { return nil }
        // Bare "that day" is as often an idiom ("that day has come") or a day never named.
        if unit == "D" && k == i && t[i].lower == "that" { return nil }
        if t.isWord(k + 2, "-") || t.isWord(k + 2, "ago") || t.isWord(k + 2, "earlier") { return nil }
        var m = Match(length: k + 2 - i, type: .date, relative: true) { reference, _ in
            reference.map { unit == "D" ? $0.adding(days: shift).description : Self.shift($0, unit: "Y", by: shift).description }
        }
        m.anaphoric = unit == "D" ? 10 : 4
        return m
    }

    /// The date a value names, and how precise it is (4 a year, 7 a month, 10 a day); nil for
    /// anything else (a length, a reference to the present, a week).
    static func namedDate(_ value: String?) -> (date: CivilDate, precision: Int)? {
        guard let value else { return nil }
        let timex = TimexValue(value)
        if let day = timex.civilDate { return (day, 10) }
        switch timex.date {
        case .year(let y): return (CivilDate(year: y, month: 1, day: 1), 4)
        // A day the month does not have ("2014-02-30") still names its month.
        case .month(let y?, let m) where (1...12).contains(m), .day(let y?, let m, _) where (1...12).contains(m):
            return (CivilDate(year: y, month: m, day: 1), 7)
        default: return nil
        }
    }

    /// The token range of the sentence holding token `i`, and whether it speaks of the future.
    func futureSentence(_ t: [TimeToken], around i: Int) -> (range: Range<Int>, future: Bool) {
        var a = i, b = i
        while a > 0 && !t[a - 1].endsSentence { a -= 1 }
        while b < t.count && !t[b].endsSentence { b += 1 }
        let future = t[a..<min(b + 1, t.count)].contains { words.future.contains($0.lower) }
        return (a..<(b + 1), future)
    }

    /// Whether a future marker sits in the clause of tokens `from..<from + length`: the words between
    /// the nearest clause boundaries (punctuation, or a word that opens a new clause) on either side;
    /// `sentence` is the token range of its sentence.
    func clauseIsFuture(_ t: [TimeToken], from i: Int, length: Int, in sentence: Range<Int>) -> Bool {
        func isBoundary(_ k: Int) -> Bool {
            t[k].kind == .punct && !["'", "-", ".", "(", ")"].contains(t[k].lower) || t[k].endsSentence
                || words.clauseOpeners.contains(t[k].lower)
                || (t[k].lower == "and" && words.andOpensClause(t[(k + 1)..<min(k + 5, t.count)].lazy.map(\.lower)))
        }
        var a = i
        while a > 0 && !isBoundary(a - 1) { a -= 1 }
        var b = i + length
        while b < t.count && !isBoundary(b) { b += 1 }
        let markers = t[a..<b].filter { words.future.contains($0.lower) }
        // "Until Thursday, they had not called him a suspect": "until" with a past perfect looks back.
        if !markers.isEmpty, markers.allSatisfy({ $0.lower == "until" }) {
            return !t[sentence.clamped(to: t.indices)].contains { $0.lower == "had" }
        }
        return !markers.isEmpty
    }

    /// Whether a verb in the past tense comes right before token `i`, or before "on", "in", "here" or
    /// "there" at `i - 1`: "announced Friday", "said on Monday", "said here Friday", "announced in
    /// January"; not a participle after "be" ("will be released on Monday").
    func followsPastVerb(_ t: [TimeToken], at i: Int) -> Bool {
        var k = i - 1
        if k >= 0 && ["on", "in", "here", "there"].contains(t[k].lower) { k -= 1 }
        // "to be released on Monday", "will be decided in May" are passives of the future.
        return k >= 0 && isPastVerb(t[k]) && !(k > 0 && t[k - 1].lower == "be")
    }

    /// Whether the expression ending before token `i` is followed right away by a verb in the past
    /// tense: "President Bush on Tuesday said".
    func precedesPastVerb(_ t: [TimeToken], at i: Int) -> Bool {
        i < t.count && isPastVerb(t[i])
    }

    func isPastVerb(_ t: TimeToken) -> Bool {
        guard t.kind == .word else { return false }
        return t.lower.count > 4 && t.lower.hasSuffix("ed") || words.pastForms.contains(t.lower)
    }

    /// "ahead of", "before" or "until" right before token `i`: a time still to come.
    func awaited(_ t: [TimeToken], before i: Int) -> Bool {
        i >= 1 && ["before", "until", "till"].contains(t[i - 1].lower) || i >= 2 && t[i - 2].lower == "ahead" && t[i - 1].lower == "of"
    }

    /// "as soon as Tuesday", "as early as next week": the earliest time something may happen, ahead.
    func soonest(_ t: [TimeToken], before i: Int) -> Bool {
        i >= 3 && t[i - 3].lower == "as" && ["soon", "early"].contains(t[i - 2].lower) && t[i - 1].lower == "as"
    }

    /// Quarters and halves: "the third quarter", "fourth quarter", "the first half", "the fiscal first
    /// quarter", "the 1988 second quarter", "the third quarter of 1989"; and "the 1988 quarter", "the
    /// 1989 period", valued as the year until `yearBackToQuarter` knows the reported quarter.
    func quarterForm(_ t: [TimeToken], at i: Int) -> Match? {
        var k = i
        var year: Int? = nil
        if t[i].lower == "the" {
            k += 1
            if t.at(k)?.lower == "fiscal" { k += 1 }
            if let y = t.at(k).flatMap(fourDigitYear) {
                year = y
                k += 1
                if k == i + 2, let u = t.at(k), u.lower == "quarter" || u.lower == "period" {
                    return Match(length: 3, type: .date, relative: false) { _, _ in String(y) }
                }
            }
        } else if i > 0 && (t[i - 1].lower == "the" || t[i - 1].lower == "-") {
            return nil  // read from "the" on, or a compound ("third-quarter")
        }
        guard let o = t.at(k), let u = t.at(k + 1), u.lower == "quarter" || u.lower == "half",
            let n = words.ordinals[o.lower] ?? (o.lower == "final" ? (u.lower == "quarter" ? 4 : 2) : nil),
            !(t.at(k + 2).map { $0.lower == "-" } ?? false)
        else { return nil }
        let isQuarter = u.lower == "quarter"
        var length = k + 2 - i
        // "of last year", "of this year": the anchor's year moved.
        var yearShift = 0
        if year == nil {
            if t.at(i + length)?.lower == "of", let y = t.at(i + length + 1).flatMap(fourDigitYear) {
                year = y; length += 2
            } else if let y = t.at(i + length).flatMap(fourDigitYear) {
                year = y; length += 1
            } else if t.at(i + length)?.lower == "of", t.at(i + length + 2)?.lower == "year",
                let shift = Self.yearShifts[t.at(i + length + 1)?.lower ?? ""]
            {
                yearShift = shift
                length += 3
            }
        }
        let bare = year == nil && length == k + 2 - i
        return Match(length: length, type: .date, relative: year == nil) { anchor, future in
            guard var y = year ?? anchor.map({ $0.year + yearShift }) else { return nil }
            // A quarter two or more ahead, told of in the past ("rose in the fourth quarter" in March):
            // the year before's. The next quarter may be the coming one even without a future word.
            if bare, isQuarter, !future, let a = anchor, (a.month - 1) / 3 + 1 < n - 1 { y -= 1 }
            return (isQuarter ? TimexValue.quarter(year: y, quarter: n) : .half(year: y, half: n)).description
        }
    }

    /// "last", "this" and "next" before "year" or a holiday: years to move from the anchor's.
    static let yearShifts: [String: Int] = ["last": -1, "this": 0, "next": 1]

    static let durationLeads: Set<String> = [
        "for", "in", "within", "over", "about", "nearly", "almost", "than",
        "after", "least", "only", "just", "past", "last", "first", "through", "during"
    ]

    /// Words before a year that qualifies a noun: "the 1991 settlement", "a 1971 convention", "the
    /// company's 1989 results".
    static let yearDeterminers: Set<String> = ["the", "this", "that", "its", "their", "his", "her", "our", "a", "'s", "\u{2019}s"]

    static let yearPrepositions: Set<String> = [
        "in", "since", "by", "until", "till", "from", "to", "before", "after", "during",
        "of", "early", "late", "mid", "between", "and", "through", "around", "for"
    ]

    // MARK: - Forms

    /// "last week", "next month", "this year", "earlier this year", "last Tuesday", "the past two years",
    /// "the coming weeks", "last spring".
    func modifiedForm(_ t: [TimeToken], at i: Int) -> Match? {
        var k = i
        var mod = 0
        var earlierLater = false
        let w = t[i].lower
        if w == "earlier" || w == "later" {
            guard let next = t.at(i + 1), next.lower == "this" || next.lower == "last" || next.lower == "next" else { return nil }
            earlierLater = true
            k += 1
        }
        switch t.at(k)?.lower {
        case "last"?, "past"?: mod = -1
        case "next"?, "coming"?: mod = 1
        case "this"?: mod = 0
        default: return nil
        }
        // "the past two years" / "the last three months" / "the next several days": durations.
        if !earlierLater, i > 0, t[i - 1].lower == "the", let n = count(t, k + 1), let u = t.at(qualifiedUnit(t, n.next)), let unit = words.units[u.lower] {
            let length = qualifiedUnit(t, n.next) + 1 - i
            let amount = n.value
            return Match(length: length, type: .duration, relative: false) { _, _ in Self.durationValue(amount, unit) }
        }
        guard let target = t.at(k + 1) else { return nil }
        let length = k + 2 - i
        if let unit = words.units[target.lower] {
            if (w == "past" || w == "coming") && !(i > 0 && t[i - 1].lower == "the") { return nil }
            // "the coming years", "the past weeks": a stretch of unsaid length, not the next year.
            if !earlierLater && target.lower.hasSuffix("s") {
                return Match(length: length, type: .duration, relative: false) { _, _ in Self.durationValue("X", unit) }
            }
            return Match(length: length, type: .date, relative: true) { anchor, _ in
                guard let anchor else { return nil }
                return Self.shift(anchor, unit: unit, by: mod).description
            }
        }
        if let wd = words.weekdays[target.lower], target.lower.count > 3 {
            return Match(length: length, type: .date, relative: true) { anchor, future in
                guard let anchor else { return nil }
                switch mod {
                case -1: return Self.weekday(wd, from: anchor.adding(days: -1), future: false).description
                case 1: return Self.weekday(wd, from: anchor.adding(days: 1), future: true).description
                default: return Self.weekday(wd, from: anchor, future: future).description
                }
            }
        }
        // "this morning", "later this afternoon", "last night": a part of the article's day or the one before.
        if let part = words.partsOfDay[target.lower], mod <= 0, mod == 0 || target.lower == "night" {
            return Match(length: length, type: .time, relative: true) { anchor, _ in
                anchor.map { TimexValue.time($0.adding(days: mod).timex, clock: part).description }
            }
        }
        if let season = words.seasons[target.lower] {
            return Match(length: length, type: .date, relative: true) { anchor, _ in
                guard let anchor else { return nil }
                return CivilDate.pad(anchor.year + mod, 4) + "-" + season
            }
        }
        // "last Oct. 23" is the date "Oct. 23", read from the month on.
        let dayAfter = t.at(k + 2)?.lower == "." ? k + 3 : k + 2
        if let m = month(target, t, k + 1), !(t.at(dayAfter).map { $0.kind == .number && fourDigitYear($0) == nil } ?? false) {
            // "last April": the latest April before the article's month; "next April": the first after.
            return Match(length: length, type: .date, relative: true) { anchor, _ in
                guard let anchor else { return nil }
                var year = anchor.year
                if mod < 0 && m >= anchor.month { year -= 1 }
                if mod > 0 && m <= anchor.month { year += 1 }
                return TimexValue.month(year: year, month: m).description
            }
        }
        return nil
    }

    func monthForm(_ t: [TimeToken], at i: Int) -> Match? {
        var k = i
        // "mid-November", "early March", "late 2014" keep their modifier inside the expression.
        if ["mid", "early", "late"].contains(t[i].lower) {
            k = t[i].lower == "mid" && t.at(i + 1)?.lower == "-" ? i + 2 : i + 1
            if let y = t.at(k).flatMap(fourDigitYear) {
                return Match(length: k + 1 - i, type: .date, relative: false) { _, _ in String(y) }
            }
        }
        guard let mt = t.at(k), let month = month(mt, t, k) else { return nil }
        var length = k + 1 - i
        if t.at(i + length)?.lower == "." && mt.lower.count <= 4 && !["may", "june", "july"].contains(mt.lower) { length += 1 }
        var day: Int? = nil
        if let d = t.at(i + length), d.kind == .number, let n = Int(d.lower.filter(\.isNumber)), (1...31).contains(n),
            d.lower.count <= 4, fourDigitYear(d) == nil
        {
            day = n
            length += 1
            if let sfx = t.at(i + length), ["st", "nd", "rd", "th"].contains(sfx.lower) { length += 1 }
        } else if let d = t.at(i + length), d.kind == .number, let r = Self.dayRange(d.lower) {
            // "March 3-4": the range is one expression, dated by its first day.
            day = r
            length += 1
        }
        var year: Int? = nil
        var y = i + length
        if t.at(y)?.lower == "," { y += 1 }
        if let yy = self.year(t, y) {
            year = yy.year; length = yy.next - i
        } else if t.at(y)?.lower == "of", let yy = self.year(t, y + 1) {
            year = yy.year; length = yy.next - i
        }
        // "Feb. 3 to 5, 2024": the year after the range's last day is the first day's too.
        if let d = day, year == nil, let end = rangeEnd(t, after: i + length - 1, from: d) {
            let k = t.at(end.index + 1)?.lower == "," ? end.index + 2 : end.index + 1
            year = self.year(t, k)?.year
        }
        if let day { return dayMonthMatch(length: length, month: month, day: day, year: year) }
        // "July last year", "March this year"; "October of next year" takes that year, and "next
        // year" stays an expression of its own.
        var yearShift: Int? = nil
        let of = t.at(i + length)?.lower == "of" ? 1 : 0
        if year == nil, let m = t.at(i + length + of), t.at(i + length + of + 1)?.lower == "year" {
            yearShift = Self.yearShifts[m.lower]
            if yearShift != nil && of == 0 { length += 2 }
        }
        return Match(length: length, type: .date, relative: year == nil) { anchor, future in
            if let year { return TimexValue.month(year: year, month: month).description }
            guard let anchor else { return TimexValue.month(year: nil, month: month).description }
            if let shift = yearShift { return TimexValue.month(year: anchor.year + shift, month: month).description }
            return TimexValue.month(year: Self.yearOf(month: month, day: 1, anchor: anchor, future: future), month: month).description
        }
    }

    /// The first day of a range written as one token: "3-4" gives 3.
    static func dayRange(_ s: String) -> Int? {
        let parts = s.split(separator: "-")
        guard parts.count == 2, parts.allSatisfy({ $0.count <= 2 }), let a = Int(parts[0]), let b = Int(parts[1]),
            1 <= a, a < b, b <= 31
        else { return nil }
        return a
    }

    /// Words that may follow the last day of a range ("April 24 and 25 in Washington"); any other
    /// word makes the number a count ("April 24 and 25 boats").
    static let rangeFollowers: Set<String> = [
        "in", "at", "on", "and", "or", "of", "the", "to", "for", "with", "when",
        "as", "before", "after", "during", "while", "respectively"
    ]

    /// The day that closes a range begun by day `first` at token `k` ("April 24 and 25", "Feb. 3 to
    /// 5"): its token index and day.
    func rangeEnd(_ t: [TimeToken], after k: Int, from first: Int) -> (index: Int, day: Int)? {
        guard k + 2 < t.count, ["and", "to", "through", "-"].contains(t[k + 1].lower) else { return nil }
        let d = t[k + 2]
        guard d.kind == .number, d.lower.count <= 2, let n = Int(d.lower), first < n, n <= 31 else { return nil }
        if k + 3 < t.count, t[k + 3].kind == .word, !Self.rangeFollowers.contains(t[k + 3].lower) { return nil }
        return (k + 2, n)
    }

    /// The last day of a range at `i` ("25" in "April 24 and 25"), with the month of the first and the
    /// year that follows it, if any.
    func rangeEndForm(_ t: [TimeToken], at i: Int) -> Match? {
        guard t[i].kind == .number, i >= 3, let first = Int(t[i - 2].lower), t[i - 2].kind == .number,
            let end = rangeEnd(t, after: i - 2, from: first), end.index == i
        else { return nil }
        let m = t[i - 3].lower == "." && i >= 4 ? i - 4 : i - 3
        guard let month = month(t[m], t, m) else { return nil }
        var length = 1
        var year: Int? = nil
        let y = i + 1 < t.count && t[i + 1].lower == "," ? i + 2 : i + 1
        if let yy = self.year(t, y) { year = yy.year; length = yy.next - i }
        return dayMonthMatch(length: length, month: month, day: end.day, year: year)
    }

    /// A day and month (and year): no value for a day the month does not have ("Feb. 30").
    func dayMonthMatch(length: Int, month: Int, day: Int, year: Int?) -> Match {
        Match(length: length, type: .date, relative: year == nil) { anchor, future in
            func value(_ year: Int?) -> String { TimexValue.day(year: year, month: month, day: day).description }
            if let year { return day <= CivilDate.daysIn(month: month, year: year) ? value(year) : nil }
            guard day <= CivilDate.daysIn(month: month, year: 2000) else { return nil }
            guard let anchor else { return value(nil) }
            let y = Self.yearOf(month: month, day: day, anchor: anchor, future: future)
            return day <= CivilDate.daysIn(month: month, year: y) ? value(y) : nil
        }
    }

    /// A month token: full names anywhere; short and ambiguous forms ("May", "Mar", "Sept") only
    /// capitalised, and "may"/"march" only when a day or year follows or a date word comes before.
    func month(_ token: TimeToken, _ t: [TimeToken], _ k: Int) -> Int? {
        guard let m = words.months[token.lower], token.kind == .word else { return nil }
        guard token.capitalized else { return nil }
        // A short form stands for a month only with its full stop or a number after it, or a day before
        // it: "Jan. 6", "Sept 11", "30 Nov", not "Jan Kavan".
        if token.lower.count <= 4, !["may", "june", "july"].contains(token.lower),
            !(k + 1 < t.count && (t[k + 1].lower == "." || t[k + 1].kind == .number)),
            !(k > 0 && t[k - 1].kind == .number && Int(t[k - 1].lower).map { (1...31).contains($0) } == true)
        {
            return nil
        }
        if token.lower == "may" || token.lower == "march" {
            let next = k + 1 < t.count ? t[k + 1] : nil
            let prev = k > 0 ? t[k - 1].lower : ""
            let dated = next.map { $0.kind == .number } ?? false
            guard dated || ["in", "since", "until", "early", "late", "mid", "last", "next", "this", "of", "-", "by", "from"].contains(prev) else { return nil }
        }
        return m
    }

    func clockTime(_ t: [TimeToken], at i: Int) -> Match? {
        let w = t[i].lower
        if w == "noon" || w == "midnight" || w == "midday" {
            // "High Noon", "for the people of Poland, high noon comes today": the figure of speech.
            if i > 0, t[i - 1].lower == "high" { return nil }
            let hh = w == "midnight" ? "24:00" : "12:00"
            if let d = t.at(i + 1), let wd = words.weekdays[d.lower], d.lower.count > 3 {
                return Match(length: 2, type: .time, relative: true) { anchor, future in
                    anchor.map { Self.weekday(wd, from: $0, future: future).description + "T" + hh }
                }
            }
            return .clock(length: 1, hh)
        }
        guard t[i].kind == .number else { return nil }
        let parts = w.split(separator: ":")
        // 24-hour times with a zone, as wire and wiki news give them: "18:00 UTC", "0800 GMT",
        // "12:00 UTC Monday". The value is in UTC ("Z"); the day is the article's or the one named.
        if let zone = t.at(i + 1), zone.lower == "utc" || zone.lower == "gmt" {
            let digits = parts.count == 2 && parts[1].count == 2 ? parts[0] + parts[1] : parts.count == 1 && w.count == 4 ? Substring(w) : ""
            if digits.count >= 3, digits.count <= 4, let hm = Int(digits), hm / 100 <= 23, hm % 100 <= 59 {
                let hh = CivilDate.pad(hm / 100, 2) + ":" + CivilDate.pad(hm % 100, 2) + "Z"
                if let d = t.at(i + 2), let wd = words.weekdays[d.lower], d.lower.count > 3 {
                    return Match(length: 3, type: .time, relative: true) { anchor, future in
                        anchor.map { Self.weekday(wd, from: $0, future: future).description + "T" + hh }
                    }
                }
                return .clock(length: 2, hh)
            }
        }
        guard let h = Int(parts[0]), (1...12).contains(h), parts.count <= 2 else { return nil }
        let minutes = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        // "a.m." / "p.m." arrive as "a", ".", "m", "." or "am"/"pm".
        var k = i + 1
        var pm: Bool? = nil
        if let a = t.at(k), a.lower == "am" || a.lower == "pm" {
            pm = a.lower == "pm"; k += 1
        } else if let a = t.at(k), a.lower == "a" || a.lower == "p", t.at(k + 1)?.lower == ".", t.at(k + 2)?.lower == "m" {
            pm = a.lower == "p"
            k += 3
            if t.at(k)?.lower == "." { k += 1 }
        }
        // "at 4 in the morning", "until 9 in the evening", "at 11 at night".
        if pm == nil, i > 0, ["at", "until", "till", "by", "before", "after", "from", "around", "about"].contains(t[i - 1].lower) {
            let inThe = t.at(k)?.lower == "in" && t.at(k + 1)?.lower == "the" ? 2 : t.at(k)?.lower == "at" ? 1 : 0
            if inThe > 0, let p = t.at(k + inThe)?.lower, inThe == 2 ? ["morning", "afternoon", "evening"].contains(p) : p == "night" {
                pm = p == "morning" ? false : p == "night" ? (6...11).contains(h) : h != 12
                k += inThe + 1
            }
        }
        guard let isPM = pm else { return nil }
        let hour = (h % 12) + (isPM ? 12 : 0)
        var length = k - i
        let hh = CivilDate.pad(hour, 2) + ":" + CivilDate.pad(minutes, 2)
        // "5 p.m. EST Nov. 9", "4 a.m. EDT Thursday": a zone, then the day, belong to the time.
        var dayAt = i + length
        if let z = t.at(dayAt), words.zones.contains(z.lower) {
            dayAt += 1
            if t.at(dayAt)?.lower == "," { dayAt += 1 }
            if let dated = monthForm(t, at: dayAt), dated.length > 1 {
                return Match(length: dayAt + dated.length - i, type: .time, relative: dated.relative) { anchor, future in
                    dated.resolve(anchor, future).map { $0 + "T" + hh }
                }
            }
        }
        // "10 p.m. Wednesday": the day named after the time.
        if let d = t.at(dayAt), let wd = words.weekdays[d.lower], d.lower.count > 3 {
            return Match(length: dayAt + 1 - i, type: .time, relative: true) { anchor, future in
                anchor.map { Self.weekday(wd, from: $0, future: future).description + "T" + hh }
            }
        }
        // Leave a sentence-ending full stop outside when "a.m." ends the sentence.
        if t[i + length - 1].lower == "." && (i + length >= t.count || t[i + length].capitalized && !words.zones.contains(t[i + length].lower)) { length -= 1 }
        return .clock(length: length, hh)
    }

    /// Where the unit is when a count is followed at `k` by a word that qualifies it: "six straight
    /// days", "two consecutive quarters", "five trading days"; `k` itself otherwise.
    func qualifiedUnit(_ t: [TimeToken], _ k: Int) -> Int {
        guard k + 1 < t.count, words.unitQualifiers.contains(t[k].lower), words.units[t[k + 1].lower] != nil else { return k }
        return k + 1
    }

    func durationForm(_ t: [TimeToken], at i: Int) -> Match? {
        guard let n = count(t, i) else { return nil }
        var k = n.next
        var hyphen = false
        if t.at(k)?.lower == "-" { k += 1; hyphen = true }
        if !hyphen { k = qualifiedUnit(t, k) }
        guard let u = t.at(k), let unit = words.units[u.lower] else { return nil }
        // "a year" is too often "$5 a year" or "once a week": "a"/"an" make a duration only after a word
        // that takes one ("for a year", "in a week", "nearly a decade"), or with "ago".
        let back = t.at(k + 1)?.lower == "ago" || t.at(k + 1)?.lower == "earlier"
        if ["a", "an"].contains(t[i].lower) && !back {
            let prev = i > 0 ? t[i - 1].lower : ""
            guard !hyphen, Self.durationLeads.contains(prev) else { return nil }
        }
        let amount = n.value
        // "five years ago", and "a year earlier" (earnings reports: a year before the article's time).
        if back {
            return Match(length: k + 2 - i, type: .date, relative: true) { anchor, _ in
                guard let anchor, let count = Int(amount) else { return anchor == nil ? nil : "PAST_REF" }
                return Self.shift(anchor, unit: unit, by: -count).description
            }
        }
        if hyphen && (t.at(k + 1)?.lower == "-" && t.at(k + 2)?.lower == "old") { return nil }
        return Match(length: k + 1 - i, type: .duration, relative: false) { _, _ in Self.durationValue(amount, unit) }
    }

    /// A count at `i`: digits ("22", "1.5") or number words ("five", "a", "several", "twenty-two").
    func count(_ t: [TimeToken], _ i: Int) -> (value: String, next: Int)? {
        guard i < t.count else { return nil }
        let w = t[i].lower
        if t[i].kind == .number, var n = Double(w.replacingOccurrences(of: ",", with: "")), n > 0, n < 10_000, !w.contains("/") {
            // "5 1/2 hours".
            let half = i + 1 < t.count && t[i + 1].lower == "1/2" && n == n.rounded()
            if half { n += 0.5 }
            return (n == n.rounded() ? String(Int(n)) : String(n), i + (half ? 2 : 1))
        }
        guard let v = words.numbers[w] else { return nil }
        // "a couple of years".
        if w == "couple", i + 1 < t.count, t[i + 1].lower == "of" { return (v, i + 2) }
        // "twenty-four", "twenty four".
        if v != "X", let tens = Int(v), tens >= 20, tens % 10 == 0 {
            let o = i + 1 < t.count && t[i + 1].lower == "-" ? i + 2 : i + 1
            if o < t.count, t[o].kind == .word, let ones = words.numbers[t[o].lower].flatMap(Int.init), (1...9).contains(ones) {
                return (String(tens + ones), o + 1)
            }
        }
        return (v, i + 1)
    }

    /// A year at `i`: four digits ("1996") or spelled out as broadcast transcripts have it
    /// ("nineteen ninety-six", "nineteen eighty").
    func year(_ t: [TimeToken], _ i: Int) -> (year: Int, next: Int)? {
        guard i < t.count else { return nil }
        if let y = fourDigitYear(t[i]) { return (y, i + 1) }
        guard let century = ["eighteen": 18, "nineteen": 19][t[i].lower], i + 1 < t.count, t[i + 1].kind == .word,
            let n = count(t, i + 1), let v = Int(n.value), (20...99).contains(v)
        else { return nil }
        return (century * 100 + v, n.next)
    }

    func fourDigitYear(_ token: TimeToken) -> Int? {
        guard token.kind == .number, token.lower.count == 4, let y = Int(token.lower), (1800...2100).contains(y) else { return nil }
        return y
    }

    func numericDate(_ s: String) -> String? {
        let b = Array(s.utf8)
        if b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let d = CivilDate(iso: s) { return d.description }
        let parts = s.split(separator: "/")
        guard parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), var y = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        if parts[2].count == 2 { y += y < 50 ? 2000 : 1900 } else if parts[2].count != 4 { return nil }
        return TimexValue.day(year: y, month: m, day: d).description
    }

    // MARK: - Arithmetic

    /// A length as TIMEX3 writes it: "P5Y", "PT3H", "P20Y" for two decades, "PXY" for decades of
    /// unsaid number; a half in the next unit down ("P2Y6M", "PT5H30M").
    static func durationValue(_ amount: String, _ unit: String) -> String {
        // Decades and centuries count in years: "two decades" P20Y, "1.5 decades" P15Y, "decades" PXY.
        if unit == "DE" || unit == "CE" {
            guard let x = Double(amount) else { return "PXY" }
            let years = x * (unit == "DE" ? 10 : 100)
            return years == years.rounded() ? "P\(Int(years))Y" : "P\(years)Y"
        }
        let time = unit == "H" || unit == "MIN"
        let designator = unit == "MIN" ? "M" : unit
        // A part of the unit goes in the next unit down when it comes out whole.
        if let x = Double(amount), x != x.rounded(.down),
            let down: (unit: String, per: Double) = ["Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60)][unit],
            ((x - x.rounded(.down)) * down.per).rounded() == (x - x.rounded(.down)) * down.per
        {
            let whole = Int(x), rest = Int((x - Double(whole)) * down.per)
            let head = whole > 0 ? "\(whole)" + designator : ""
            return time ? "PT" + head + "\(rest)" + down.unit : unit == "D" ? "P" + head + "T\(rest)H" : "P" + head + "\(rest)" + down.unit
        }
        return (time ? "PT" : "P") + amount + designator
    }

    /// The period `by` units away from the anchor's, at that unit's granularity.
    static func shift(_ anchor: CivilDate, unit: String, by n: Int) -> TimexValue {
        switch unit {
        case "D": return anchor.adding(days: n).timex
        case "W": return anchor.adding(days: 7 * n).weekTimex
        case "WE":
            let week = anchor.adding(days: 7 * n).isoWeek
            return .weekend(year: week.year, week: week.week)
        case "M": return anchor.adding(months: n).monthTimex
        case "Q":
            let q = (anchor.month - 1) / 3 + n
            let y = anchor.year + (q >= 0 ? q / 4 : (q - 3) / 4)
            return .quarter(year: y, quarter: ((q % 4) + 4) % 4 + 1)
        case "DE": return .decade((anchor.year + 10 * n) / 10)
        case "CE": return .century((anchor.year + 100 * n) / 100)
        case "H", "MIN": return anchor.timex
        default: return .year(anchor.year + n)
        }
    }

    /// The day named `weekday` nearest the anchor: on or before it, or on or after it for the future.
    static func weekday(_ weekday: Int, from anchor: CivilDate, future: Bool) -> CivilDate {
        let diff = weekday - anchor.weekday
        if future { return anchor.adding(days: diff >= 0 ? diff : diff + 7) }
        return anchor.adding(days: diff <= 0 ? diff : diff - 7)
    }

    /// The year of a month and day given without one: the latest on or before the anchor, or the
    /// next on or after it when the sentence speaks of the future; within two months either way,
    /// the anchor's own year.
    static func yearOf(month: Int, day: Int, anchor: CivilDate, future: Bool) -> Int {
        let sameYear = CivilDate(year: anchor.year, month: month, day: min(day, CivilDate.daysIn(month: month, year: anchor.year)))
        let gap = sameYear.dayNumber - anchor.dayNumber
        if abs(gap) <= 62 { return anchor.year }
        if future { return gap >= 0 ? anchor.year : anchor.year + 1 }
        return gap <= 0 ? anchor.year : anchor.year - 1
    }
}

extension TimeTagger.Match {
    /// A time of day (`hh` as "10:35" or "18:00Z") with no day named: the article's day, or the one its
    /// sentence names (see `clocksOnTheirSentencesDay`).
    static func clock(length: Int, _ hh: String) -> TimeTagger.Match {
        var m = TimeTagger.Match(length: length, type: .time, relative: true) { anchor, _ in anchor.map { $0.description + "T" + hh } }
        m.clock = true
        return m
    }

    /// A match that covers words (an age) without reporting them.
    var skipping: TimeTagger.Match {
        var m = self
        m.passesOver = true
        return m
    }
}

/// The token view the tagger reads: words, numbers and single punctuation marks, with scalar spans.
struct TimeToken {
    enum Kind { case word, number, punct }
    var lower: String
    var start: Int
    var end: Int
    var kind: Kind
    var capitalized: Bool
    /// A full stop that closes an initial or a title ("George W. Bush", "Gen. Smith"), not a sentence.
    var closesAbbreviation = false
    var endsSentence: Bool { kind == .punct && (lower == "." && !closesAbbreviation || lower == "!" || lower == "?") }

    /// The tokens inside `span`, looking from `cursor` on (spans come in text order), which moves past them.
    static func range(of span: TextSpan, in tokens: [TimeToken], from cursor: inout Int) -> Range<Int> {
        while cursor < tokens.count && tokens[cursor].start < span.start { cursor += 1 }
        var e = cursor
        while e < tokens.count && tokens[e].end <= span.end { e += 1 }
        defer { cursor = e }
        return cursor..<e
    }

    /// `base` with contractions and possessives split off ("He’s" is "He" and "’s", as a speaker
    /// mention ends before them; "Friday's" is "Friday" and "'s", as a date does) and doubled
    /// apostrophes or backquotes read as one quotation mark.
    static func splittingClitics(_ base: [TimeToken]) -> [TimeToken] {
        var out: [TimeToken] = []
        out.reserveCapacity(base.count + base.count / 8)
        let suffixes = [
            "'s", "\u{2019}s", "'ve", "\u{2019}ve", "'re", "\u{2019}re", "'ll", "\u{2019}ll", "'d", "\u{2019}d", "'m", "\u{2019}m", "n't", "n\u{2019}t"
        ]
        var k = 0
        while k < base.count {
            var t = base[k]
            if t.kind == .punct, t.lower == "'" || t.lower == "`", k + 1 < base.count, base[k + 1].lower == t.lower, base[k + 1].start == t.end {
                out.append(TimeToken(lower: "\"", start: t.start, end: base[k + 1].end, kind: .punct, capitalized: false))
                k += 2
                continue
            }
            if t.kind == .word, let suffix = suffixes.first(where: { t.lower.hasSuffix($0) && t.lower.count > $0.count }) {
                let n = suffix.unicodeScalars.count
                var head = t
                head.lower = String(t.lower.unicodeScalars.dropLast(n))
                head.end = t.end - n
                t.lower = suffix
                t.start = t.end - n
                t.capitalized = false
                out.append(head)
            }
            out.append(t)
            k += 1
        }
        return out
    }

    static func tokenize(_ s: [Unicode.Scalar]) -> [TimeToken] {
        var out: [TimeToken] = []
        var i = 0
        func isLetter(_ c: Unicode.Scalar) -> Bool { CharClass.isLetter(c) }
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        while i < s.count {
            let c = s[i]
            if isDigit(c) {
                var j = i + 1
                while j < s.count {
                    if isDigit(s[j]) { j += 1; continue }
                    // Digits joined by , . : / - stay one token ("120,000", "10:30", "2014-11-18", "11/18/14").
                    if [",", ".", ":", "/", "-"].contains(s[j]), j + 1 < s.count, isDigit(s[j + 1]) { j += 2; continue }
                    break
                }
                // "1990s"
                if j < s.count, s[j] == "s", !(j + 1 < s.count && isLetter(s[j + 1])) { j += 1 }
                out.append(TimeToken(lower: String(String.UnicodeScalarView(s[i..<j])), start: i, end: j, kind: .number, capitalized: false))
                i = j
            } else if isLetter(c) {
                var j = i + 1
                while j < s.count && (isLetter(s[j]) || (s[j] == "'" || s[j] == "\u{2019}") && j + 1 < s.count && isLetter(s[j + 1])) { j += 1 }
                // Dotted initialisms stay one word: "U.N.", "U.S.".
                if j - i == 1, CharClass.isUpper(c), j + 2 < s.count, s[j] == ".", CharClass.isUpper(s[j + 1]), s[j + 2] == "." {
                    j += 3
                    while j + 1 < s.count, CharClass.isUpper(s[j]), s[j + 1] == "." { j += 2 }
                }
                let word = String(String.UnicodeScalarView(s[i..<j])).lowercased()
                out.append(TimeToken(lower: word, start: i, end: j, kind: .word, capitalized: CharClass.isUpper(c)))
                i = j
            } else if CharClass.isSpace(c) {
                i += 1
            } else {
                let mark: String = c == "\u{2013}" || c == "\u{2014}" ? "-" : String(c)
                var token = TimeToken(lower: mark, start: i, end: i + 1, kind: .punct, capitalized: false)
                if c == ".", let word = out.last, word.kind == .word, word.end == i {
                    let form = String(String.UnicodeScalarView(s[word.start..<word.end]))
                    let kind = LanguageData.english.abbreviationKind(Substring(form))
                    token.closesAbbreviation = form.count == 1 && word.capitalized || kind == .title
                    // An abbreviation that may end a sentence ("Inc.", "Dec.") does not before a digit
                    // or a lower-case word ("the Dec. 21, 1988, bombing", "Calder Inc. said").
                    if kind == .abbreviation {
                        var k = i + 1
                        while k < s.count, CharClass.isSpace(s[k]) { k += 1 }
                        token.closesAbbreviation = k < s.count && (CharClass.isDigit(s[k]) || CharClass.isLower(s[k]))
                    }
                    // The stop of "a.m." or "p.m." ends a sentence only before a capital.
                    if ["a", "p"].contains(form.lowercased()), i + 2 < s.count, s[i + 1] == "m" || s[i + 1] == "M", s[i + 2] == "." {
                        token.closesAbbreviation = true
                    } else if form.lowercased() == "m", out.count >= 3, out[out.count - 2].lower == ".", ["a", "p"].contains(out[out.count - 3].lower) {
                        var k = i + 1
                        while k < s.count, s[k].properties.isWhitespace { k += 1 }
                        token.closesAbbreviation = k < s.count && !s[k].properties.isUppercase
                    }
                }
                out.append(token)
                i += 1
            }
        }
        return out
    }
}

extension TimeTagger {
    /// Whether a lower-case word is an irregular past form or past participle ("came", "held":
    /// `past` and `participle` lines of timewords.txt); regular ones end in "-ed".
    public static func isIrregularPast(_ word: String) -> Bool {
        TimeWords.english.pastForms.contains(word) || TimeWords.english.participles.contains(word)
    }

    /// Whether a lower-case word names a unit of time ("days", "week": `unit` lines of timewords.txt).
    public static func isTimeUnit(_ word: String) -> Bool { TimeWords.english.units[word] != nil }
}

/// The word lists of `timewords.txt`, with months and day names from PrecisText's language data.
struct TimeWords: Sendable {
    var months: [String: Int] = [:]
    var weekdays: [String: Int] = [:]
    var relativeDays: [String: Int] = [:]
    var units: [String: String] = [:]
    var numbers: [String: String] = [:]
    var references: [String: String] = [:]
    var sets: [String: String] = [:]
    var seasons: [String: String] = [:]
    var partsOfDay: [String: String] = [:]
    var ordinals: [String: Int] = [:]
    var future: Set<String> = []
    var clauseOpeners: Set<String> = []
    var finite: Set<String> = []
    var participles: Set<String> = []
    var pastForms: Set<String> = []
    var unitQualifiers: Set<String> = []
    /// Holidays by the first word of their name.
    var holidays: [String: [Holiday]] = [:]
    var zones: Set<String> = []
    /// Words that make the unit, day or month after them recurring ("every week", "each Thursday").
    var recurring: Set<String> = []

    /// Whether an "and" followed by these words (lower case) opens a new clause: a verb of its own
    /// tense comes within four words ("and is expected", "and the second was").
    func andOpensClause<Words: Sequence<String>>(_ following: Words) -> Bool {
        following.prefix(4).contains(where: finite.contains)
    }

    static let english: TimeWords = {
        var w = TimeWords()
        w.months = LanguageData.english.months
        w.weekdays = LanguageData.english.weekdays
        for (kind, rest) in resourceEntries(PackageResources.timewords_txt) {
            if kind == "holiday" {
                let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, let rule = Holiday.rule(parts[0]) else { continue }
                let name = TimeToken.splittingClitics(TimeToken.tokenize(Array(parts[1].unicodeScalars))).map(\.lower)
                if let first = name.first { w.holidays[first, default: []].append(Holiday(words: name, rule: rule)) }
                continue
            }
            let parts = rest.split(separator: " ").map(String.init)
            let word = parts[0], value = parts.count > 1 ? parts[1] : ""
            switch kind {
            case "relday": w.relativeDays[word] = Int(value) ?? 0
            case "unit": w.units[word] = value
            case "number": w.numbers[word] = value
            case "ref": w.references[word] = value
            case "set": w.sets[word] = value
            case "season": w.seasons[word] = value
            case "part": w.partsOfDay[word] = value
            case "ordinal": w.ordinals[word] = Int(value) ?? 0
            case "future": w.future.insert(word)
            case "clause": w.clauseOpeners.insert(word)
            case "finite": w.finite.insert(word)
            case "participle": w.participles.insert(word)
            case "past": w.pastForms.insert(word)
            case "qualifier": w.unitQualifiers.insert(word)
            case "zone": w.zones.insert(word)
            case "every": w.recurring.insert(word)
            default: continue
            }
        }
        return w
    }()
}
