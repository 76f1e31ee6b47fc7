import Foundation
import PrecisText

/// The values a figure allows, as an interval: "about 10" is 9 to 11, "some 50" 45 to 55, "up to
/// 120,000" 0 to 120 000, "between 18 and 22" 18 to 22, "$3.5 million" 3.45 to 3.55 million (as
/// precise as it is written), "62" just 62. A lower bound reaches half as far again: "more than
/// 80,000" is above 80 000 and at most 120 000, so "$83,000" meets it and "2,000" co-sponsors would
/// not meet "more than 60".
public struct ValueInterval: Sendable, Equatable {
    public enum Bound: Sendable, Equatable { case none, lower, upper }
    public var lower: Double
    public var upper: Double
    public var lowerOpen = false
    public var upperOpen = false
    /// Whether the figure is put as a bound ("at least 6", "up to 120,000"): two bounds of one kind
    /// with different values are two reports ("at least six injured" against "at least three").
    public var bound = Bound.none

    /// Whether one value can satisfy both, as a reader takes them.
    public func overlaps(_ other: ValueInterval) -> Bool {
        if bound != .none, bound == other.bound {
            let a = bound == .lower ? lower : upper, b = bound == .lower ? other.lower : other.upper
            return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
        }
        if upper < other.lower || other.upper < lower { return false }
        if upper == other.lower { return !(upperOpen || other.lowerOpen) }
        if other.upper == lower { return !(other.upperOpen || lowerOpen) }
        return true
    }

    /// The middle of the interval: what "rose from 19 to 29" compares.
    public var middle: Double { bound == .lower ? lower : bound == .upper ? upper : (lower + upper) / 2 }
}

/// How wide an approximate figure is taken to be, each side: "about 10" is 9 to 11.
let approximateSpread = 0.10
/// How far a lower bound reaches: "more than 60" is at most 90.
let lowerBoundReach = 1.5

extension Quantity {
    /// The values the figure allows, from its qualifier, its range and the precision it is written
    /// with; nil for a tally ("111-19"), which is compared as written.
    public var interval: ValueInterval? {
        guard let v = Double(value) else { return nil }
        if let low, let l = Double(low) { return ValueInterval(lower: min(l, v), upper: max(l, v)) }
        switch (qualifier ?? "").lowercased() {
        case "more than", "over", "above", "just over":
            return ValueInterval(lower: v, upper: v * lowerBoundReach, lowerOpen: true, bound: .lower)
        case "at least":
            return ValueInterval(lower: v, upper: v * lowerBoundReach, bound: .lower)
        case "less than", "fewer than", "under", "below", "just under":
            return ValueInterval(lower: 0, upper: v, upperOpen: true, bound: .upper)
        case "at most", "up to":
            return ValueInterval(lower: 0, upper: v, bound: .upper)
        case "nearly", "almost":
            return ValueInterval(lower: v * (1 - approximateSpread), upper: v, upperOpen: true)
        case "about", "around", "roughly", "some", "approximately":
            return ValueInterval(lower: v * (1 - approximateSpread), upper: v * (1 + approximateSpread))
        default:
            // As precise as written, to half its last digit: "$3.5 million" is 3.45 to 3.55 million,
            // "6" 5.5 to 6.5 (a magnitude 6.2 quake may be called a 6), "62" 61.5 to 62.5; open above,
            // so "four" and "five" half-siblings never meet.
            let half = writtenPrecision(v) / 2
            return ValueInterval(lower: v - half, upper: v + half, upperOpen: true)
        }
    }

    /// The unit of the last digit the figure is written with: 1 for "62" or "four", 0.1 for "6.2",
    /// 100 000 for "3.5 million".
    func writtenPrecision(_ v: Double) -> Double {
        let digits = text.unicodeScalars.drop { !CharClass.isDigit($0) }
            .prefix { CharClass.isDigit($0) || $0 == "." || $0 == "," }
        let number = String(String.UnicodeScalarView(digits)).replacingOccurrences(of: ",", with: "")
        guard let written = Double(number), written > 0 else { return 1 }
        let decimals = number.firstIndex(of: ".").map { number.distance(from: $0, to: number.endIndex) - 1 } ?? 0
        return pow(10, -Double(decimals)) * max(1, v / written)
    }

    /// Whether this value and `other` can both be true of one quantity.
    public func compatible(with other: Quantity) -> Bool {
        guard let a = interval, let b = other.interval else { return reading == other.reading }
        return a.overlaps(b)
    }
}

/// The same quantity given values by different sources that cannot all be true.
public struct Disagreement: Sendable, Equatable {
    public struct Value: Sendable, Equatable {
        public var value: String
        public var qualifier: String?
        public var text: String
        public var document: Int
        public var start: Int
        public var end: Int
        /// The source's publication date, known or inferred: whether the figure changed over time or
        /// the sources conflict.
        public var date: String?
        /// When `date` is inferred from the text rather than given by the source: the range it was
        /// inferred to lie in (either end may be open).
        public var inferredRange: (earliest: String?, latest: String?)? = nil
        public var dateInferred: Bool { inferredRange != nil }

        /// The source's date as a reader sees it: "2014-11-18", or an inferred range ("after
        /// 2014-11-18", "before 2014-11-18", "2014-02-17 to 2014-11-18").
        public var shownDate: String? {
            if let r = inferredRange {
                switch (r.earliest, r.latest) {
                case let (a?, b?): return a == b ? a : "\(a) to \(b)"
                case let (a?, nil): return "after \(a)"
                case let (nil, b?): return "before \(b)"
                default: return nil
                }
            }
            return date.map { String($0.prefix(10)) }
        }

        public static func == (a: Value, b: Value) -> Bool {
            a.value == b.value && a.qualifier == b.qualifier && a.text == b.text && a.document == b.document
                && a.start == b.start && a.end == b.end && a.date == b.date
                && a.inferredRange?.earliest == b.inferredRange?.earliest && a.inferredRange?.latest == b.inferredRange?.latest
        }

        /// The days the source may have been written on: its date, or its inferred range.
        var days: (low: String, high: String) {
            if let r = inferredRange { return (r.earliest ?? "0000", r.latest ?? "9999") }
            let d = date.map { String($0.prefix(10)) }
            return (d ?? "0000", d ?? "9999")
        }
    }

    /// What kind of disagreement it is.
    public enum Kind: String, Sendable, Equatable {
        /// The sources give values that cannot both hold, at the same time or with no dates to tell.
        case conflict
        /// The value grew as the story went on: later sources give the larger count.
        case changed
    }

    /// What the quantity counts ("co-sponsors").
    public var about: String
    /// The values, one per source, in date order (undated sources last).
    public var values: [Value]
    public var kind: Kind = .conflict
    /// The pairs of `values` (indices, the earlier first) that cannot both hold; values in no pair
    /// agree with all the others.
    public var incompatible: [[Int]] = []

    /// In words, for a reader: "rose from 48 (2014-11-10) to 62 (2014-11-18)" or "48 against some 50".
    public var summary: String {
        func show(_ v: Value) -> String { v.text }
        func dated(_ v: Value) -> String {
            guard let d = v.shownDate else { return show(v) }
            return "\(show(v)) (\(d))"
        }
        switch kind {
        case .changed:
            guard let first = values.first, let last = values.last else { return about }
            return "rose from \(dated(first)) to \(dated(last))"
        case .conflict:
            return values.map(show).joined(separator: " against ")
        }
    }
}

/// A reason two mentions of one counted noun, in different sources, are two quantities, not one
/// reported two ways. The rules are tried in order; the first that applies names the reason.
public struct DistinctQuantityRule: Sendable {
    public let name: String
    let applies: @Sendable (_ a: Quantity, _ b: Quantity, _ yearsA: Set<Int>, _ yearsB: Set<Int>) -> Bool

    /// The rules in force, in the order they are tried.
    public static let all: [DistinctQuantityRule] = [
        // "800g a day" against "a portion of 80g"; "37 children die each year" against this week's 11.
        DistinctQuantityRule(name: "a rate is no total, nor a rate of another period") { a, b, _, _ in a.per != b.per },
        // The 2009 quake's toll is not this week's. An empty set is the story's present, when no
        // source is dated: a figure that names its year is then told as background.
        DistinctQuantityRule(name: "figures of different years") { _, _, ya, yb in ya.isDisjoint(with: yb) && !(ya.isEmpty && yb.isEmpty) },
        // "another 3,000 jobs" against the 7,000 cut in all; "$25 million in punitive damages" against the $33.5 million award.
        DistinctQuantityRule(name: "a part is not its whole") { a, b, _, _ in a.part != b.part },
        // "can hold 50 million gallons" against "flushed 38 million gallons".
        DistinctQuantityRule(name: "what something can hold is not an amount") { a, b, _, _ in a.capacity != b.capacity },
        // "2,500 degrees Fahrenheit" against "1,400 degrees" (Celsius, unsaid).
        DistinctQuantityRule(name: "figures in different units") { a, b, _, _ in a.unit != b.unit }
    ]
}

extension NumberFinder {
    /// How far off the median of its group a count may lie and still be the same figure.
    static let outlier = 2.0
    /// How many content words the contexts of two mentions must share to be one quantity: counts
    /// one; sums of money, percentages and lengths, of which a story has many, three. Chosen on half A
    /// of the disagreement gold and checked on half B (precision 0.15 -> 0.29 and 0.16 -> 0.23 with
    /// two instead of three, recall unchanged; two words for counts lost recall on both halves).
    static let sharedWordsOfCounts = 1, sharedWordsOfMeasures = 3

    /// What money, percentages and units of measure count ("dollars", "percent", "feet"):
    /// `numberwords.txt`.
    static let measures: Set<String> = Set(resourceEntries(PackageResources.numberwords_txt).filter { $0.kind == "measure" }.map(\.value))

    /// Quantities that at least two sources give for the same thing with values that cannot all be
    /// true, sources in date order when dated. Mentions are of the same thing when they count the same
    /// noun, the words around them share one ("more than 16,000 flights canceled", "Airlines canceled
    /// 15,000 flights"), and no `DistinctQuantityRule` tells them apart; "24 million viewers" of a
    /// debate and "3.2 million viewers" of a town hall are two figures. One value per source: its
    /// first mention in the group. Values that can all hold ("about 10" and "ten", "more than
    /// $80,000" and "$83,000") are one figure, not a disagreement.
    ///
    /// `dates` are the sources' publication dates, known or inferred (`inferred` gives the latter's
    /// ranges; a source is later than another only when its range lies wholly after the other's):
    /// when the values rise with the dates, the figure `changed`; otherwise the sources `conflict`.
    public static func disagreements(
        _ quantities: [[Quantity]], dates: [String?],
        inferred: [Int: (earliest: String?, latest: String?)] = [:]
    ) -> [Disagreement] {
        var byKey: [String: [(Int, Quantity)]] = [:]
        var order: [String] = []
        for (d, qs) in quantities.enumerated() {
            for q in qs {
                if byKey[q.key] == nil { order.append(q.key) }
                byKey[q.key, default: []].append((d, q))
            }
        }
        var out: [Disagreement] = []
        for key in order {
            let mentions = byKey[key]!
            guard Set(mentions.map(\.0)).count >= 2 else { continue }
            // Mentions in different sources whose contexts share a word are one group (union-find).
            var parent = Array(mentions.indices)
            func root(_ a: Int) -> Int {
                var a = a
                while parent[a] != a { parent[a] = parent[parent[a]]; a = parent[a] }
                return a
            }
            let needed = mentions.contains { measures.contains($0.1.counts) } ? sharedWordsOfMeasures : sharedWordsOfCounts
            // A figure without a year of its own is of its source's year; of any year a source of the
            // story is dated by when its own is undated; of the story's present (empty) when none is.
            let datedYears = Set(dates.compactMap { $0.flatMap { Int($0.prefix(4)) } })
            func years(_ m: (Int, Quantity)) -> Set<Int> {
                if !m.1.years.isEmpty { return m.1.years }
                return dates[m.0].flatMap { Int($0.prefix(4)) }.map { [$0] } ?? datedYears
            }
            for a in mentions.indices {
                for b in mentions.indices
                where b > a && mentions[a].0 != mentions[b].0
                    && mentions[a].1.context.intersection(mentions[b].1.context).count >= needed
                {
                    let ya = years(mentions[a]), yb = years(mentions[b])
                    if DistinctQuantityRule.all.contains(where: { $0.applies(mentions[a].1, mentions[b].1, ya, yb) }) { continue }
                    parent[root(b)] = root(a)
                }
            }
            var groups: [Int: [(Int, Quantity)]] = [:]
            var groupOrder: [Int] = []
            for m in mentions.indices {
                let r = root(m)
                if groups[r] == nil { groupOrder.append(r) }
                // One value per source: its first mention in the group.
                if !(groups[r] ?? []).contains(where: { $0.0 == mentions[m].0 }) { groups[r, default: []].append(mentions[m]) }
            }
            for r in groupOrder {
                if let d = disagreement(groups[r]!, key: key, dates: dates, inferred: inferred) { out.append(d) }
            }
        }
        return out
    }

    /// The disagreement among one value per source, if some of them cannot both hold.
    static func disagreement(
        _ list: [(Int, Quantity)], key: String, dates: [String?],
        inferred: [Int: (earliest: String?, latest: String?)]
    ) -> Disagreement? {
        var list = list
        // A count more than `outlier` times off the group's median is another figure of the same
        // words ("10 people" killed in New York City against "at least 46" in all, "three states" with
        // paid leave against "all 50 states"), unless the sources span days, when a toll may grow.
        if !list.contains(where: { measures.contains($0.1.counts) }), Set(list.compactMap { dates[$0.0] }).count < 2 {
            let values = list.compactMap { Double($0.1.value) }.sorted()
            if values.count == list.count, !values.isEmpty {
                let median = values.count % 2 == 1 ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
                list.removeAll { m in
                    let v = Double(m.1.value)!
                    return v * outlier < median || v > median * outlier
                }
            }
        }
        guard list.count >= 2 else { return nil }
        // Values that can all hold are one figure put two ways ("about 10" and "ten").
        let conflicting = list.indices.contains { a in list.indices.contains { b in b > a && !list[a].1.compatible(with: list[b].1) } }
        guard conflicting else { return nil }
        // Sums of money, percentages and lengths in a story measure many things: two sources report
        // the same figure differently only when their values lie within a factor of two ("94
        // percent" and "97%"); "$50,000" and "$3.5 million" are two figures. Counts (co-sponsors,
        // victims) may grow further as a story goes on.
        if list.contains(where: { measures.contains($0.1.counts) }) {
            let values = list.compactMap { Double($0.1.value) }
            guard let low = values.min(), let high = values.max(), low > 0, high <= 2 * low else { return nil }
        }
        let values = list.map { d, q in
            Disagreement.Value(
                value: q.value, qualifier: q.qualifier, text: q.text, document: d, start: q.start, end: q.end,
                date: dates[d], inferredRange: inferred[d])
        }.sorted { ($0.date ?? "9999", $0.document) < ($1.date ?? "9999", $1.document) }
        let about = list.map(\.1.counts).min { ($0.count, $0) < ($1.count, $1) } ?? key
        var result = Disagreement(about: about, values: values)
        let byDocument = Dictionary(list.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        for i in values.indices {
            for j in values.indices where j > i {
                if let a = byDocument[values[i].document], let b = byDocument[values[j].document], !a.compatible(with: b) {
                    result.incompatible.append([i, j])
                }
            }
        }
        result.kind = changed(values, list: list) ? .changed : .conflict
        return result
    }

    /// Whether the values rose with the dates: at least two days among the sources, every value
    /// dated, no later day's value wholly below an earlier day's (values that can both hold are no
    /// fall: "some 50", then 48), and some later value wholly above an earlier one (a toll of 19,
    /// then 29; co-sponsors some 50, 48, more than 60, 62).
    static func changed(_ values: [Disagreement.Value], list: [(Int, Quantity)]) -> Bool {
        guard values.allSatisfy({ $0.date != nil }) else { return false }
        let byDocument = Dictionary(list.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        let intervals = values.compactMap { byDocument[$0.document]?.interval }
        guard intervals.count == values.count else { return false }
        var rose = false
        for i in values.indices {
            for j in values.indices where values[i].days.high < values[j].days.low {
                if intervals[j].upper < intervals[i].lower { return false }
                if intervals[j].lower > intervals[i].upper { rose = true }
            }
        }
        return rose
    }

}
