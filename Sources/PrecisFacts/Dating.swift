import PrecisText

/// A passage that tells when a source was written: one of its own sentences, or the dated source's
/// sentence that places the same event.
public struct DatingEvidence: Sendable, Equatable {
    public var text: String
    /// 0-based document index and Unicode scalar offsets into that document's text; the offsets are
    /// nil for a passage cleaning removed from the text (a photo caption), which `removed` names.
    public var document: Int
    public var start: Int?
    public var end: Int?
    public var removed: String? = nil
}

/// One thing a source's text says about when it was written.
struct DatingClue: Sendable, Equatable {
    enum Bound: Sendable { case earliest, latest }
    /// Whether the source was written on or after `date` (it tells the event as done, or names the
    /// date as past) or on or before it (it announces an event a dated source places).
    var bound: Bound
    /// "YYYY-MM-DD", or "YYYY-MM" for a month (its first day bounds from below, its last from above).
    var date: String
    var evidence: [DatingEvidence]
}

/// When a source with no publication date was written, as far as its text and the story tell: at
/// the earliest the latest date it tells as past (a photo caption's "December 11, 2014", or the day
/// a dated source places an event this one tells as done), at the latest the day of an event it
/// announces that a dated source reports. Either end may be unknown. Never the machine's clock.
public struct InferredDate: Sendable, Equatable {
    /// "YYYY-MM-DD", or nil when nothing bounds that side.
    public var earliest: String?
    public var latest: String?
    /// The passages each bound rests on: the earliest's first, then the latest's.
    public var evidence: [DatingEvidence]

    /// One day to order and compare the source by: the day before the event it announces (it was
    /// written before that event), else the earliest it can be.
    public var estimate: String? {
        if let latest, let day = CivilDate(iso: latest) {
            let before = day.adding(days: -1).description
            return earliest.map { max($0, before) } ?? before
        }
        return earliest
    }

    /// Each source's date for ordering and comparing: its publication date (`dates`), else the
    /// inferred one (`dating`, its `estimate`), else nil. A range open towards the present is placed
    /// at the latest date any source is known by, as a source known only to come after an event most
    /// often tells the story as it stands; when no source's date is known it places the source
    /// nowhere: a bound from below does not order sources (one that names a 2009 report and one
    /// that names a 2015 census may be of one week), so such a story is not told as if in time.
    public static func effectiveDates(_ dates: [String?], dating: [InferredDate?]) -> [String?] {
        let known = dates.compactMap { $0.map { String($0.prefix(10)) } }.max()
        return dates.indices.map { d in
            if let date = dates[d] { return date }
            guard d < dating.count, let inferred = dating[d] else { return nil }
            if inferred.latest == nil, let earliest = inferred.earliest { return known.map { max(earliest, $0) } }
            return inferred.estimate
        }
    }

    /// Each source's day on the story's span: its `effectiveDates` day; in a story with no date
    /// known, a source known only to come after a day is placed at the latest such day of any
    /// source (the story runs after it; an earlier bound says nothing of when it began).
    public static func spanDates(_ dates: [String?], dating: [InferredDate?]) -> [String?] {
        func openAfter(_ d: Int) -> String? {
            guard dates[d] == nil, d < dating.count, let range = dating[d], range.latest == nil else { return nil }
            return range.earliest
        }
        let after = dates.indices.compactMap(openAfter).max()
        return zip(effectiveDates(dates, dating: dating), dates.indices).map { day, d in
            day ?? (openAfter(d) != nil ? after : nil)
        }
    }

    /// As a reader sees it: "after 2014-12-11", "before 2014-11-18", "2014-11-18 to 2014-12-31".
    public var shown: String? {
        switch (earliest, latest) {
        case let (a?, b?): return a == b ? "about \(a)" : "\(a) to \(b)"
        case let (a?, nil): return "after \(a)"
        case let (nil, b?): return "before \(b)"
        default: return nil
        }
    }

    init(earliest: String?, latest: String?, evidence: [DatingEvidence]) {
        self.earliest = earliest
        self.latest = latest
        self.evidence = evidence
    }

    /// The range the clues allow: the tightest bound on each side. A latest bound that falls before
    /// the earliest (two clues that cannot both hold) is dropped: a date the source names itself is
    /// surer than an event matched across sources.
    init?(clues: [DatingClue]) {
        func day(_ date: String, lower: Bool) -> String? {
            let timex = TimexValue(date)
            if case .day = timex { return timex.civilDate != nil ? date : nil }
            guard case .month(let y?, let m) = timex, (1...12).contains(m) else { return nil }
            let first = CivilDate(year: y, month: m, day: 1)
            return lower ? first.description : first.adding(months: 1).adding(days: -1).description
        }
        let lows = clues.filter { $0.bound == .earliest }.compactMap { c in day(c.date, lower: true).map { ($0, c) } }
        let highs = clues.filter { $0.bound == .latest }.compactMap { c in day(c.date, lower: false).map { ($0, c) } }
        let low = lows.max { $0.0 < $1.0 }
        var high = highs.min { $0.0 < $1.0 }
        if let l = low?.0, let h = high?.0, h < l { high = nil }
        guard low != nil || high != nil else { return nil }
        earliest = low?.0
        latest = high?.0
        evidence = (low?.1.evidence ?? []) + (high?.1.evidence ?? [])
    }
}
