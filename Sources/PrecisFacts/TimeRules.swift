import PrecisText

/// Where a time rule looks: a text's tokens and the index of the token a match would start at.
struct TokenCursor {
    let tokens: [TimeToken]
    let index: Int

    /// The lower-cased token at the cursor.
    var word: String { tokens[index].lower }

    /// The token at index `k`, nil outside the text.
    func at(_ k: Int) -> TimeToken? { tokens.at(k) }

    /// Whether the token at index `k` is the word `s` (lower case).
    func isWord(_ k: Int, _ s: String) -> Bool { tokens.isWord(k, s) }
}

extension Array where Element == TimeToken {
    /// The token at index `k`, nil outside the array.
    func at(_ k: Int) -> TimeToken? { k >= 0 && k < count ? self[k] : nil }

    /// Whether the token at index `k` is the word `s` (lower case); false outside the array.
    func isWord(_ k: Int, _ s: String) -> Bool { at(k)?.lower == s }
}

/// One way the tagger reads a time expression: a name, a match at the cursor, and the examples it
/// must read and must not. The bracketed words of an example are the tokens the rule matches,
/// starting at the first of them; a `skips` example's bracket marks where the rule must not match.
/// The rules are tried in the order of `TimeTagger.rules`, and the first that matches wins, so each
/// rule's examples are also a test that no earlier rule hides it.
typealias TimeRule = Rule<TimeTagger, TokenCursor, TimeTagger.Match>

extension TimeTagger {
    /// Every rule, in the order they are tried at each token.
    static let rules: [TimeRule] = [
        TimeRule(
            name: "an age is passed over", match: { $0.ageRule($1) },
            reads: ["The [61-year-old] harbour master retired.", "A [5-year-old] boy was found safe.", "She is [50 years old] this spring."],
            skips: ["The strike lasted [five] years."]),
        TimeRule(
            name: "counted from the last date named", match: { $0.anaphoricRule($1) },
            reads: ["It reopened [the same day].", "The quay flooded again [later that year].", "The ferry returned [the following year]."],
            skips: ["Sooner or later [that] day will come."]),
        TimeRule(
            name: "a named day", match: { $0.holidayRule($1) },
            reads: ["The ferry stops on [Christmas Day].", "Crews worked through [last Christmas].", "The market closes for [Easter week]."],
            skips: ["The town marked [Ukraine]’s Independence Day."]),
        TimeRule(
            name: "a modifier and a unit, day or season", match: { $0.modifiedRule($1) },
            reads: ["The council met [last week].", "Work starts [next month].", "Prices rose [earlier this year]."],
            skips: ["The [last] ferry left at dusk."]),
        TimeRule(
            name: "the period before or after the article's", match: { $0.adjacentPeriodRule($1) },
            reads: ["Traffic will grow in [the coming week].", "Crime fell over [the last decade]."],
            skips: ["Crime fell over [the] last two decades."]),
        TimeRule(
            name: "today, yesterday, tomorrow", match: { $0.relativeDayRule($1) },
            reads: ["The council voted [yesterday].", "The ferry sails [tomorrow morning]."]),
        TimeRule(
            name: "tonight", match: { $0.tonightRule($1) },
            reads: ["The mayor speaks [tonight]."]),
        TimeRule(
            name: "a reference to the present, past or future", match: { $0.referenceRule($1) },
            reads: ["The quay is [now] closed."]),
        TimeRule(
            name: "the past on its own", match: { $0.thePastRule($1) },
            reads: ["In [the past], ferries sailed hourly."],
            skips: ["Over [the] past two years, fares rose."]),
        TimeRule(
            name: "the future", match: { $0.theFutureRule($1) },
            reads: ["Fares may rise in [the future]."]),
        TimeRule(
            name: "a recurring word", match: { $0.recurringWordRule($1) },
            reads: ["The paper is printed [daily]."]),
        TimeRule(
            name: "every or each and a unit", match: { $0.everyUnitRule($1) },
            reads: ["The ferry sails [every week].", "The fair is held [each year]."]),
        TimeRule(
            name: "every or each and a day or month", match: { $0.everyDayOrMonthRule($1) },
            reads: ["The market opens [every Thursday].", "The fair comes [each July]."],
            skips: ["Take [every] may and might."]),
        TimeRule(
            name: "a numeric date", match: { $0.numericDateRule($1) },
            reads: ["The report is dated [2014-11-18].", "Filed on [11/18/2014] in Calder."]),
        TimeRule(
            name: "the week of a day", match: { $0.weekOfRule($1) },
            reads: ["Hearings begin [the week of March 6]."],
            skips: ["Hearings begin [the] week after."]),
        TimeRule(
            name: "a month, with its day and year", match: { $0.monthRule($1) },
            reads: ["The vote came on [Nov. 18, 2014].", "The quay opened in [November].", "Work ends in [mid-November]."]),
        TimeRule(
            name: "the end of a range of days", match: { $0.rangeEndRule($1) },
            reads: ["The fair runs April 24 and [25]."]),
        TimeRule(
            name: "a day before its month", match: { $0.dayMonthRule($1) },
            reads: ["The vote came on [18 November 2014].", "The vote came on [18 November]."]),
        TimeRule(
            name: "a day of the week", match: { $0.weekdayRule($1) },
            reads: ["The council voted on [Tuesday].", "The ferry sank [Tuesday morning].", "The vote was held [Saturday, April 25]."],
            skips: ["The [Sun] rose over the quay."]),
        TimeRule(
            name: "a clock time", match: { $0.clockRule($1) },
            reads: ["The vote opens at [10 a.m.] in the hall.", "The ferry left at [3:30 p.m.] on time."]),
        TimeRule(
            name: "an ordinal quarter as an adjective", match: { $0.ordinalQuarterRule($1) },
            reads: ["The firm posted [third-quarter] profits."]),
        TimeRule(
            name: "year-earlier and year-ago", match: { $0.yearBackRule($1) },
            reads: ["Sales beat [year-earlier] results.", "Profit rose from [the year-ago quarter]."]),
        TimeRule(
            name: "the article's quarter or year", match: { $0.currentPeriodRule($1) },
            reads: ["Sales slowed in [the current quarter].", "Profit for [the full year] rose."]),
        TimeRule(
            name: "a quarter or half", match: { $0.quarterRule($1) },
            reads: ["Profit rose in [the third quarter].", "[Fourth quarter] sales fell."]),
        TimeRule(
            name: "in years or decades", match: { $0.inYearsRule($1) },
            reads: ["Fares are at their highest in [years]."]),
        TimeRule(
            name: "recent or coming units", match: { $0.recentUnitsRule($1) },
            reads: ["Fares rose in [recent years].", "More storms are due in [coming weeks]."]),
        TimeRule(
            name: "the units ahead", match: { $0.unitsAheadRule($1) },
            reads: ["The council faces hard choices in [the months ahead]."]),
        TimeRule(
            name: "the weekend", match: { $0.weekendRule($1) },
            reads: ["The ferry was cancelled over [the weekend]."]),
        TimeRule(
            name: "a decade in two digits", match: { $0.twoDigitDecadeRule($1) },
            reads: ["The quay was built in the '[70s]."],
            skips: ["Most crew are in their [30s]."]),
        TimeRule(
            name: "a year in two digits after an apostrophe", match: { $0.apostropheYearRule($1) },
            reads: ["The ferry has sailed since '[82]."]),
        TimeRule(
            name: "a decade", match: { $0.decadeRule($1) },
            reads: ["The quay was built in the [1990s]."]),
        TimeRule(
            name: "a length, or a length ago", match: { $0.durationRule($1) },
            reads: ["The strike lasted [five years].", "The quay was built [five years ago].", "Repairs took [22 months]."]),
        TimeRule(
            name: "a length as an adjective", match: { $0.lengthAdjectiveRule($1) },
            reads: ["The council held a [day-long] meeting."]),
        TimeRule(
            name: "a fiscal year", match: { $0.fiscalYearRule($1) },
            reads: ["Sales rose in [fiscal 1989]."]),
        TimeRule(
            name: "a year spelled out", match: { $0.spelledYearRule($1) },
            reads: ["The quay was built in [nineteen ninety-six]."]),
        TimeRule(
            name: "a year standing alone", match: { $0.yearRule($1) },
            reads: ["The quay was built in [2014].", "The [2008] model year sold well."],
            skips: ["The [1500] workers went home."])
    ]

    /// The first rule that matches at token `i`, and its match.
    func firstRule(_ t: [TimeToken], at i: Int) -> (rule: TimeRule, match: Match)? {
        TimeRule.first(of: Self.rules, self, at: TokenCursor(tokens: t, index: i)).map { ($0.rule, $0.verdict) }
    }

    func match(_ t: [TimeToken], at i: Int) -> Match? { firstRule(t, at: i)?.match }

    // MARK: - The rules

    func ageRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index
        // Ages are not time expressions: "61-year-old", "a 5-year-old", "50 years old".
        if let n = count(t, i) {
            let unitAt = c.isWord(n.next, "-") ? n.next + 1 : n.next
            if let u = c.at(unitAt), words.units[u.lower] != nil {
                let age =
                    c.isWord(unitAt + 1, "-") && c.isWord(unitAt + 2, "old")
                    ? unitAt + 3
                    : c.isWord(unitAt + 1, "old") ? unitAt + 2 : nil
                if let age { return Match(length: age - i, type: .duration, relative: false, resolve: { _, _ in nil }).skipping }
            }
        }
        return nil
    }

    func anaphoricRule(_ c: TokenCursor) -> Match? {
        // Counted from the last date named: "later that year", "the same day".
        anaphoricForm(c.tokens, at: c.index)
    }

    func holidayRule(_ c: TokenCursor) -> Match? {
        // Named days: "Thanksgiving Day", "last Christmas", "Easter week".
        holidayForm(c.tokens, at: c.index)
    }

    func modifiedRule(_ c: TokenCursor) -> Match? {
        // Relative forms that start with a modifier: "last week", "next month", "this year",
        // "earlier this year", "later this month", "last Tuesday", "next spring", "the past two years".
        modifiedForm(c.tokens, at: c.index)
    }

    func adjacentPeriodRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        // "the last decade", "the past year", "the coming week": the period before or after the article's.
        if w == "the", let m = c.at(i + 1), ["last", "past", "next", "coming"].contains(m.lower), let u = c.at(i + 2),
            let unit = words.units[u.lower], !u.lower.hasSuffix("s")
        {
            let shift = m.lower == "last" || m.lower == "past" ? -1 : 1
            return Match(length: 3, type: .date, relative: true) { anchor, _ in
                anchor.map { Self.shift($0, unit: unit, by: shift).description }
            }
        }
        return nil
    }

    func relativeDayRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        // "today", "yesterday", "tomorrow" (and "tonight").
        if let offset = words.relativeDays[w] {
            var length = 1
            var part: String? = nil
            if let p = c.at(i + 1), let code = words.partsOfDay[p.lower] { part = code; length = 2 }
            let type: TimeExpression.Kind = part == nil ? .date : .time
            return Match(length: length, type: type, relative: true) { anchor, _ in
                anchor.map { anchor in
                    let day = anchor.adding(days: offset).timex
                    return (part.map { TimexValue.time(day, clock: $0) } ?? day).description
                }
            }
        }
        return nil
    }

    func tonightRule(_ c: TokenCursor) -> Match? {
        let w = c.word
        if w == "tonight" {
            return Match(length: 1, type: .time, relative: true) { anchor, _ in anchor.map { $0.description + "TNI" } }
        }
        return nil
    }

    func referenceRule(_ c: TokenCursor) -> Match? {
        let w = c.word
        // References to the present, past or future as a whole.
        if let ref = words.references[w] {
            return Match(length: 1, type: .date, relative: false) { _, _ in ref }
        }
        return nil
    }

    func thePastRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index, w = c.word
        // "the past" on its own (not "the past two years", "the past week").
        if w == "the" && c.isWord(i + 1, "past") && !(c.at(i + 2).map { words.units[$0.lower] != nil || count(t, i + 2) != nil } ?? false) {
            return Match(length: 2, type: .date, relative: false) { _, _ in "PAST_REF" }
        }
        return nil
    }

    func theFutureRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        if w == "the" && c.isWord(i + 1, "future") {
            return Match(length: 2, type: .date, relative: false) { _, _ in "FUTURE_REF" }
        }
        return nil
    }

    func recurringWordRule(_ c: TokenCursor) -> Match? {
        let w = c.word
        // Recurring: "daily", "every week", "each year".
        if let period = words.sets[w] {
            return Match(length: 1, type: .set, relative: false) { _, _ in period }
        }
        return nil
    }

    func everyUnitRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        if words.recurring.contains(w), let u = c.at(i + 1), let unit = words.units[u.lower] {
            return Match(length: 2, type: .set, relative: false) { _, _ in "P1" + unit }
        }
        return nil
    }

    func everyDayOrMonthRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        // "each Thursday", "every July": a day of every week, a month of every year.
        if words.recurring.contains(w), let d = c.at(i + 1), d.capitalized {
            if let wd = words.weekdays[d.lower], d.lower.count > 3 {
                return Match(length: 2, type: .set, relative: false) { _, _ in TimexValue.weekday(wd).description }
            }
            if let m = words.months[d.lower], d.lower.count > 3 {
                return Match(length: 2, type: .set, relative: false) { _, _ in TimexValue.month(year: nil, month: m).description }
            }
        }
        return nil
    }

    func numericDateRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index
        // ISO dates "2014-11-18" and numeric dates "11/18/2014", "11/18/14".
        if t[i].kind == .number, let d = numericDate(t[i].lower) {
            return Match(length: 1, type: .date, relative: false) { _, _ in d }
        }
        return nil
    }

    func weekOfRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index, w = c.word
        // "the week of March 6": the week that holds the day.
        if w == "the", c.isWord(i + 1, "week"), c.isWord(i + 2, "of"), let dated = monthForm(t, at: i + 3), dated.length > 1 {
            return Match(length: 3 + dated.length, type: .date, relative: dated.relative) { anchor, future in
                dated.resolve(anchor, future).flatMap { TimexValue($0).civilDate?.weekTimex.description }
            }
        }
        return nil
    }

    func monthRule(_ c: TokenCursor) -> Match? {
        // Month forms: "Nov. 18, 2014", "November 18", "November 2014", "November", "mid-November".
        monthForm(c.tokens, at: c.index)
    }

    func rangeEndRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index
        if let m = rangeEndForm(t, at: i) { return m }
        return nil
    }

    func dayMonthRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index
        // "18 November 2014", "18 November".
        if t[i].kind == .number, let day = Int(t[i].lower), (1...31).contains(day),
            let mt = c.at(i + 1), let month = month(mt, t, i + 1)
        {
            var length = 2
            var year: Int? = nil
            if let y = c.at(i + 2), y.kind == .number, let yy = Int(y.lower), (1000...2999).contains(yy), y.lower.count == 4 { year = yy; length = 3 }
            return dayMonthMatch(length: length, month: month, day: day, year: year)
        }
        return nil
    }

    func weekdayRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index, w = c.word
        // Day names: "Tuesday", "Tuesday morning".
        if let wd = words.weekdays[w], t[i].capitalized || t[i].lower.count > 3, !(w == "sun" || w == "sat" || w == "wed") || t[i].capitalized {
            guard w.count > 3 || (c.at(i + 1)?.lower == ".") else { return nil }
            var length = 1
            if c.isWord(i + 1, ".") && w.count <= 5 && words.weekdays[w] != nil && !w.hasSuffix("day") { length = 2 }
            var part: String? = nil
            if let p = c.at(i + length), let code = words.partsOfDay[p.lower] { part = code; length += 1 }
            // "Saturday, April 25": the explicit date is the expression.
            if c.isWord(i + length, ","), let dated = monthForm(t, at: i + length + 1), dated.length > 1 {
                let total = length + 1 + dated.length
                return Match(length: total, type: .date, relative: dated.relative, resolve: dated.resolve)
            }
            return Match(length: length, type: part == nil ? .date : .time, relative: true) { anchor, future in
                let day = anchor.map { Self.weekday(wd, from: $0, future: future).timex } ?? .weekday(wd)
                return (part.map { TimexValue.time(day, clock: $0) } ?? day).description
            }
        }
        return nil
    }

    func clockRule(_ c: TokenCursor) -> Match? {
        // Clock times: "10 a.m.", "3:30 p.m.", "noon".
        clockTime(c.tokens, at: c.index)
    }

    func ordinalQuarterRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        // "third-quarter", "fourth-quarter" (earnings language): the quarter of the article's year.
        if let n = words.ordinals[w], c.isWord(i + 1, "-"), let u = c.at(i + 2), u.lower == "quarter" || u.lower == "half" {
            let isQuarter = u.lower == "quarter"
            return Match(length: 3, type: .date, relative: true) { anchor, _ in
                anchor.map { (isQuarter ? TimexValue.quarter(year: $0.year, quarter: n) : .half(year: $0.year, half: n)).description }
            }
        }
        return nil
    }

    func yearBackRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        // "year-earlier" and "year-ago" ("year-earlier results"; "the year-ago quarter"): a year back.
        let yearBackStart = w == "the" && c.isWord(i + 1, "year") ? i + 1 : w == "year" ? i : nil
        if let y = yearBackStart, c.isWord(y + 1, "-"), c.isWord(y + 2, "earlier") || c.isWord(y + 2, "ago") {
            let whole = y > i && (c.isWord(y + 3, "quarter") || c.isWord(y + 3, "period"))
            if y == i || whole {
                return Match(length: whole ? y + 4 - i : 3, type: .date, relative: true) { anchor, _ in
                    anchor.map { Self.shift($0, unit: "Y", by: -1).description }
                }
            }
        }
        return nil
    }

    func currentPeriodRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index, w = c.word
        // "the quarter", "the latest quarter", "the latest period", "the current quarter", "the year",
        // "the full year", "the current fiscal year": the article's own year; of an earnings report's
        // quarters, the last one completed before the article ("the current quarter" is the one running).
        if w == "the" {
            var k = i + 1
            var modifier = ""
            // "the year ended June 30", "the fiscal year ending tomorrow": a year's length, its end named.
            let fiscal = c.isWord(k, "fiscal") ? 1 : 0
            if c.isWord(k + fiscal, "year"), c.isWord(k + fiscal + 1, "ended") || c.isWord(k + fiscal + 1, "ending") {
                return Match(length: 2 + fiscal, type: .duration, relative: false) { _, _ in "P1Y" }
            }
            if let m = c.at(k), ["latest", "current", "full"].contains(m.lower) { modifier = m.lower; k += 1 }
            if c.isWord(k, "fiscal") { k += 1 }
            if let u = c.at(k), u.lower == "year" || u.lower == "quarter" || u.lower == "period" && modifier == "latest",
                !(c.at(k + 1).map { $0.lower == "-" || $0.lower == "earlier" || $0.lower == "ago" } ?? false),
                !(u.lower == "year" && (count(t, k + 1) != nil || year(t, k + 1) != nil))
            {
                let length = k + 1 - i
                if u.lower == "year" {
                    return Match(length: length, type: .date, relative: true) { anchor, _ in anchor.map { CivilDate.pad($0.year, 4) } }
                }
                let shift = modifier == "current" ? 0 : -1
                return Match(length: length, type: .date, relative: true) { anchor, _ in
                    anchor.map { Self.shift($0, unit: "Q", by: shift).description }
                }
            }
        }
        return nil
    }

    func quarterRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index
        // "fourth quarter", "the fiscal first quarter", "the 1988 second quarter", "the 1988 quarter".
        if let q = quarterForm(t, at: i) { return q }
        return nil
    }

    func inYearsRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index, w = c.word
        // "the highest level in years": a stretch of unsaid length.
        if i > 0, t[i - 1].lower == "in", w == "years" || w == "decades" {
            return Match(length: 1, type: .duration, relative: false) { _, _ in Self.durationValue("X", w == "years" ? "Y" : "DE") }
        }
        return nil
    }

    func recentUnitsRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        // "recent years", "in coming weeks", "the weeks ahead": a stretch of unsaid length.
        if w == "recent" || w == "coming", let u = c.at(i + 1), u.lower.hasSuffix("s"), let unit = words.units[u.lower] {
            return Match(length: 2, type: .duration, relative: false) { _, _ in Self.durationValue("X", unit) }
        }
        return nil
    }

    func unitsAheadRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        if w == "the", let u = c.at(i + 1), u.lower.hasSuffix("s"), let unit = words.units[u.lower], c.isWord(i + 2, "ahead") {
            return Match(length: 3, type: .duration, relative: false) { _, _ in Self.durationValue("X", unit) }
        }
        return nil
    }

    func weekendRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        // "the weekend" (or "over the weekend"): the one just past, or the coming one in a sentence
        // about the future, as TIMEX3's week-with-weekend value.
        if w == "the", c.isWord(i + 1, "weekend"), let saturday = words.weekdays["saturday"] {
            return Match(length: 2, type: .date, relative: true) { anchor, future in
                anchor.map {
                    let week = Self.weekday(saturday, from: $0, future: future).isoWeek
                    return TimexValue.weekend(year: week.year, week: week.week).description
                }
            }
        }
        return nil
    }

    func twoDigitDecadeRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index
        // Decades and years in two digits after an apostrophe or as a plural: "the '70s", "80s", "since '82".
        // ("in their 30s" is an age: a plural needs "the" or an apostrophe, or to follow such a decade.)
        func twoDigitDecade(_ k: Int) -> Bool {
            k >= 1 && t[k].kind == .number && t[k].lower.count == 3 && t[k].lower.hasSuffix("s") && Int(t[k].lower.dropLast()).map { $0 % 10 == 0 } == true
                && (["the", "'", "\u{2019}"].contains(t[k - 1].lower) || k >= 3 && ["and", "or", "to"].contains(t[k - 1].lower) && twoDigitDecade(k - 2))
        }
        if twoDigitDecade(i), let y = Int(t[i].lower.dropLast()) {
            return Match(length: 1, type: .date, relative: false) { _, _ in String((y < 30 ? 200 : 190) + y / 10) }
        }
        return nil
    }

    func apostropheYearRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index
        // The apostrophe touches the number and not the word before it (a closing quote would).
        if t[i].kind == .number, t[i].lower.count == 2, let y = Int(t[i].lower), i > 0, ["'", "\u{2019}"].contains(t[i - 1].lower),
            t[i - 1].end == t[i].start, i < 2 || t[i - 2].end < t[i - 1].start
        {
            return Match(length: 1, type: .date, relative: false) { _, _ in String((y < 30 ? 2000 : 1900) + y) }
        }
        return nil
    }

    func decadeRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index
        // Decades: "the 1990s", "1990s".
        if t[i].kind == .number, t[i].lower.count == 5, t[i].lower.hasSuffix("s"), let y = Int(t[i].lower.dropLast()), y % 10 == 0, (1000...2990).contains(y) {
            return Match(length: 1, type: .date, relative: false) { _, _ in String(y / 10) }
        }
        return nil
    }

    func durationRule(_ c: TokenCursor) -> Match? {
        // Durations and "ago": "five years", "22 months", "two-week", "several days", "five years ago".
        durationForm(c.tokens, at: c.index)
    }

    func lengthAdjectiveRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        // "a day-long meeting", "a decades-long dispute": a length as an adjective.
        if let unit = words.units[w], c.isWord(i + 1, "-"), c.isWord(i + 2, "long") {
            let amount = w.hasSuffix("s") ? "X" : "1"
            return Match(length: 3, type: .duration, relative: false) { _, _ in Self.durationValue(amount, unit) }
        }
        return nil
    }

    func fiscalYearRule(_ c: TokenCursor) -> Match? {
        let i = c.index, w = c.word
        // "fiscal 1989": the fiscal year of that number.
        if w == "fiscal", let y = c.at(i + 1).flatMap(fourDigitYear) {
            return Match(length: 2, type: .date, relative: false) { _, _ in String(y) }
        }
        return nil
    }

    func spelledYearRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index
        // A spelled-out year: "in nineteen ninety-six".
        if t[i].kind == .word, let y = year(t, i) {
            return Match(length: y.next - i, type: .date, relative: false) { _, _ in String(y.year) }
        }
        return nil
    }

    func yearRule(_ c: TokenCursor) -> Match? {
        let t = c.tokens, i = c.index
        // A year standing alone: "in 2014", "since 1990", "2014,".
        if let y = fourDigitYear(t[i]) {
            let prev = i > 0 ? t[i - 1].lower : ""
            let next = c.at(i + 1)
            // A year that names an edition or qualifies a noun: "WWDC 2005", "the 1991 settlement",
            // "the 2008 model year" (modern years only: "the 1500 workers" is a count).
            let modern = (1900...2099).contains(y)
            let afterName =
                i >= 2 && t[i - 1].kind == .word && t[i - 1].capitalized && !t[i - 2].endsSentence
                && !words.months.keys.contains(prev)
            let attributive = Self.yearDeterminers.contains(prev) && next?.kind == .word
            // "in both 1990 and 1991", "1989 or 1990".
            let paired = next.map { ["and", "or", "to", "through"].contains($0.lower) } == true && c.at(i + 2).flatMap(fourDigitYear) != nil
            let yearish =
                Self.yearPrepositions.contains(prev) || paired
                || next == nil || next!.kind == .punct && next!.lower != "-" && next!.lower != "%" && next!.lower != "$"
                || modern && (afterName || attributive)
            if yearish && prev != "$" && prev != "#" {
                return Match(length: 1, type: .date, relative: false) { _, _ in String(y) }
            }
        }
        return nil
    }
}
