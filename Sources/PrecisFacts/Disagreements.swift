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
            // A round lower bound is written to its unit: "more than 300" is a count in the three
            // hundreds, which "at least 295" may have been before the last were counted. Not a
            // precise one above a round one ("at least 21" against "at least 20").
            if bound == .lower, let unit = Self.roundUnit(max(a, b)), max(a, b) - min(a, b) <= unit { return true }
            return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
        }
        if upper < other.lower || other.upper < lower { return false }
        if upper == other.lower { return !(upperOpen || other.lowerOpen) }
        if other.upper == lower { return !(other.upperOpen || lowerOpen) }
        return true
    }

    /// The largest power of ten, ten or more, that a whole value is a multiple of: 100 for 300,
    /// 1 000 for 16 000; nil for 21 or 6.5.
    static func roundUnit(_ v: Double) -> Double? {
        guard v >= 10, v == v.rounded(), v < 1e15 else { return nil }
        var unit = 1.0
        while (v / (unit * 10)).rounded() == v / (unit * 10) { unit *= 10 }
        return unit >= 10 ? unit : nil
    }

    /// The middle of the interval: what "rose from 19 to 29" compares.
    public var middle: Double { bound == .lower ? lower : bound == .upper ? upper : (lower + upper) / 2 }
}

/// How wide an approximate figure is taken to be, each side: "about 10" is 9 to 11.
let approximateSpread = 0.10
/// How far a lower bound reaches: "more than 60" is at most 90.
let lowerBoundReach = 1.5

/// A unit of measure of a dimension, as its size in the dimension's base unit ("miles": length,
/// 1 609.344 metres): `convert` lines of `numberwords.txt`.
struct MeasureUnit: Sendable, Equatable {
    var dimension: String
    var size: Double

    static let byWord: [String: MeasureUnit] = {
        var table: [String: MeasureUnit] = [:]
        for entry in resourceEntries(PackageResources.numberwords_txt) where entry.kind == "convert" {
            let parts = entry.value.split(separator: " ").map(String.init)
            if parts.count == 3, let size = Double(parts[2]) { table[parts[0]] = MeasureUnit(dimension: parts[1], size: size) }
        }
        return table
    }()
}

/// How much wider each side a value converted from another unit is taken to be: a writer who gives
/// "10 km (6 miles)" rounds the conversion.
let conversionSlack = 0.03

extension Quantity {
    /// The unit of measure the figure counts in, when it converts to others of its dimension.
    var measureUnit: MeasureUnit? { MeasureUnit.byWord[counts] }

    /// What two mentions are compared under: the counted noun's key, or the dimension of a unit
    /// of measure (kilometres and miles are one length).
    var comparedKey: String { measureUnit.map { "=" + $0.dimension } ?? key }

    /// The values the figure allows, from its qualifier, its range and the precision it is written
    /// with, in the base unit of its dimension when it measures in a unit of one ("four kilometers"
    /// is 3 500 to 4 500 metres); nil for a tally ("111-19"), which is compared as written.
    public var interval: ValueInterval? {
        guard var i = writtenInterval else { return nil }
        if let size = measureUnit?.size, size != 1 {
            i.lower *= size
            i.upper *= size
        }
        return i
    }

    /// How far apart two figures' values are: |ln(a / b)| of the values as written, for a range the
    /// nearer of its ends ("nearly 120" and "between 130 and 170": 120 and 130), 0 when a range holds
    /// the other value; at most 5.
    func gap(to other: Quantity) -> Double {
        func ends(_ q: Quantity) -> (Double, Double)? {
            guard let v = Double(q.value), v > 0 else { return nil }
            let size = q.measureUnit?.size ?? 1
            let low = q.low.flatMap(Double.init).map { min($0, v) } ?? v
            return low > 0 ? (low * size, v * size) : nil
        }
        guard let (a0, a1) = ends(self), let (b0, b1) = ends(other) else { return 0 }
        let (x, y) = a1 < b0 ? (a1, b0) : b1 < a0 ? (b1, a0) : (1, 1)
        return min(5, log(y / x))
    }

    /// The values the figure allows, in the unit it is written in.
    var writtenInterval: ValueInterval? {
        guard let v = Double(value) else { return nil }
        if let low, let l = Double(low) { return ValueInterval(lower: min(l, v), upper: max(l, v)) }
        switch (qualifier ?? "").lowercased() {
        case "more than", "over", "above", "just over":
            return ValueInterval(lower: v, upper: v * lowerBoundReach, lowerOpen: true, bound: .lower)
        case "at least":
            return ValueInterval(lower: v, upper: v * lowerBoundReach, bound: .lower)
        case "less than", "fewer than", "under", "below", "just under":
            return ValueInterval(lower: 0, upper: v, upperOpen: true, bound: .upper)
        case "at most", "up to", "as many as", "as much as":
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

    /// Whether this value and `other` can both be true of one quantity; across units ("miles" and
    /// "km") each is widened by `conversionSlack`, as conversions are rounded, and compared as a range.
    public func compatible(with other: Quantity) -> Bool {
        guard let a = interval, let b = other.interval else { return reading == other.reading }
        guard let x = measureUnit, let y = other.measureUnit, x != y else { return a.overlaps(b) }
        // Converted, two bounds ("more than 60 miles", "more than 100 km") are compared as ranges.
        func widened(_ i: ValueInterval) -> ValueInterval {
            ValueInterval(lower: i.lower * (1 - conversionSlack), upper: i.upper * (1 + conversionSlack))
        }
        return widened(a).overlaps(widened(b))
    }
}

/// Mentions of figures, each `[document, index]`, joined into groups of one quantity. The earliest
/// mention is each group's root, so groups come out in the order of the sources.
public struct MentionGroups: Sendable {
    private var parent: [[Int]: [Int]] = [:]

    public init() {}

    /// Every mention a join has named.
    public var members: Dictionary<[Int], [Int]>.Keys { parent.keys }

    /// The root of the group `m` is in (itself when never joined).
    public func root(_ m: [Int]) -> [Int] {
        var m = m
        while let p = parent[m], p != m { m = p }
        return m
    }

    /// Puts `a` and `b` in one group.
    public mutating func join(_ a: [Int], _ b: [Int]) {
        if parent[a] == nil { parent[a] = a }
        if parent[b] == nil { parent[b] = b }
        let (x, y) = (root(a), root(b))
        guard x != y else { return }
        if x.lexicographicallyPrecedes(y) { parent[y] = x } else { parent[x] = y }
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
        // "In February, a gunman killed five people" against this week's three: a figure told of a
        // month alone is background to a story told by days, and one of another month is another.
        DistinctQuantityRule(name: "figures of different months") { a, b, _, _ in a.months != b.months },
        // "another 3,000 jobs" against the 7,000 cut in all; "$25 million in punitive damages" against the $33.5 million award.
        DistinctQuantityRule(name: "a part is not its whole") { a, b, _, _ in a.part != b.part },
        // "can hold 50 million gallons" against "flushed 38 million gallons".
        DistinctQuantityRule(name: "what something can hold is not an amount") { a, b, _, _ in a.capacity != b.capacity },
        // "a 219-197 vote" against "three present votes": a tally is no count.
        DistinctQuantityRule(name: "a tally is not a count") { a, b, _, _ in a.value.contains("-") != b.value.contains("-") },
        // "20 people were killed" against "10 others were wounded".
        DistinctQuantityRule(name: "different things happened to what is counted") { a, b, _, _ in
            !a.outcome.isEmpty && !b.outcome.isEmpty && a.outcome.isDisjoint(with: b.outcome)
        },
        // "millions of people" against "two people": an order of size says how big a crowd is, not
        // which; a count far outside its range (half its least value, twice its most) is another.
        DistinctQuantityRule(name: "an order of size and a count far outside it") { a, b, _, _ in
            guard a.orderOfSize != b.orderOfSize, let x = a.interval, let y = b.interval else { return false }
            let (order, count) = a.orderOfSize ? (x, y) : (y, x)
            return count.upper < order.lower / 2 || count.lower > order.upper * 2
        },
        // "one of 13 Cubans" on a boat against "the 700,000 Cubans" of a state, "a $50,000 reward"
        // against "a $5 million reward": a figure told twice stays within a factor of ten. Not a
        // toll (the same thing befell both: 23 dead, then 247), which may grow further as a story
        // goes on, nor an order of size ("dozens" may become "tens of thousands").
        DistinctQuantityRule(name: "values more than ten times apart") { a, b, _, _ in
            !a.orderOfSize && !b.orderOfSize && (a.outcome.isEmpty || a.outcome != b.outcome) && a.gap(to: b) > log(10)
        },
        // "Ana Vell, 34" against "Tom Vell, 61": two people of one surname.
        DistinctQuantityRule(name: "ages of different people") { a, b, _, _ in
            guard let x = a.who?.split(separator: " "), let y = b.who?.split(separator: " "), x.count >= 2, y.count >= 2 else { return false }
            return x != y
        },
        // "cut emissions by 30%" against "26 percent of all emissions": a change is not a level.
        DistinctQuantityRule(name: "the size of a change is not a level") { a, b, _, _ in a.change != b.change },
        // "2,500 degrees Fahrenheit" against "1,400 degrees" (Celsius, unsaid).
        DistinctQuantityRule(name: "figures in different units") { a, b, _, _ in a.unit != b.unit }
    ]
}

extension NumberFinder {
    /// How far off the median of its group a count may lie and still be the same figure.
    static let outlier = 2.0

    /// What money, percentages and units of measure count ("dollars", "percent", "feet"):
    /// `numberwords.txt`.
    static let measures: Set<String> = Set(resourceEntries(PackageResources.numberwords_txt).filter { $0.kind == "measure" }.map(\.value))

    /// Quantities that at least two sources give for the same thing with values that cannot all be
    /// true, sources in date order when dated. Two mentions of one counted noun in two sources are
    /// one quantity when `model` says so from what they share (`FigurePairFeature`: the words around
    /// them, how far apart their values are, the years they name, where they stand in their sources)
    /// and no `DistinctQuantityRule` tells them apart; "24 million viewers" of a debate and "3.2
    /// million viewers" of a town hall are two figures. Mentions linked so, directly or through
    /// others, are one group; a group is shown when one of its links joins values that cannot both
    /// hold. One value per source: its first mention in such a link, else its first in the group.
    /// Values that can all hold ("about 10" and "ten", "more than $80,000" and "$83,000") are one
    /// figure, not a disagreement.
    ///
    /// `dates` are the sources' publication dates, known or inferred (`inferred` gives the latter's
    /// ranges; a source is later than another only when its range lies wholly after the other's):
    /// when the values rise with the dates, the figure `changed`; otherwise the sources `conflict`.
    public static func disagreements(
        _ quantities: [[Quantity]], dates: [String?],
        inferred: [Int: (earliest: String?, latest: String?)] = [:], model: FigurePairModel = .fitted
    ) -> [Disagreement] {
        let compared = comparedPairs(quantities, dates: dates)
        // The links, surest first, so a chain is built from its strongest links. Two mentions a rule
        // tells apart never end in one group: a link that would join their groups is not made
        // ("more than 1,700 injured" and a death toll, each linked to other counts of people).
        let pairs = compared.pairs
            .map { (pair: $0, p: model.probability($0.features)) }
            .filter { $0.p >= model.threshold }
            .sorted { a, b in
                a.p != b.p
                    ? a.p > b.p
                    : [a.pair.a.document, a.pair.a.index, a.pair.b.document, a.pair.b.index]
                        .lexicographicallyPrecedes([b.pair.a.document, b.pair.a.index, b.pair.b.document, b.pair.b.index])
            }
            .map(\.pair)
        func distinct(_ x: [Int], _ y: [Int]) -> Bool {
            compared.distinct.contains(x.lexicographicallyPrecedes(y) ? x + y : y + x)
        }
        var groupsOf = MentionGroups()
        var membersOf: [[Int]: [[Int]]] = [:]
        // The mention pairs the model reads as one quantity and whose values cannot both hold: the
        // only pairs a disagreement claims.
        var apartPairs = Set<[Int]>()
        for p in pairs {
            let a = [p.a.document, p.a.index], b = [p.b.document, p.b.index]
            let (ra, rb) = (groupsOf.root(a), groupsOf.root(b))
            if ra != rb {
                let left = membersOf[ra] ?? [a], right = membersOf[rb] ?? [b]
                if left.contains(where: { x in right.contains { y in distinct(x, y) } }) { continue }
                groupsOf.join(a, b)
                let r = groupsOf.root(a)
                membersOf[ra] = nil
                membersOf[rb] = nil
                membersOf[r] = left + right
            }
            if !p.compatible { apartPairs.insert(a + b) }
        }
        var out: [Disagreement] = []
        for r in membersOf.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let members = membersOf[r]!.sorted { $0.lexicographicallyPrecedes($1) }
            // One value per source: the mention in most claimed pairs of the group, else its first.
            var claims: [[Int]: Int] = [:]
            for x in members { for y in members where apartPairs.contains(x + y) { claims[x, default: 0] += 1; claims[y, default: 0] += 1 } }
            guard !claims.isEmpty else { continue }
            var chosen: [Int: [Int]] = [:]
            for m in members where (claims[m] ?? 0) > (chosen[m[0]].flatMap { claims[$0] } ?? -1) { chosen[m[0]] = m }
            let picked = chosen.keys.sorted().map { chosen[$0]! }
            var sourcesApart = Set<[Int]>()
            for x in picked { for y in picked where apartPairs.contains(x + y) { sourcesApart.insert([x[0], y[0]]) } }
            let list = picked.map { ($0[0], quantities[$0[0]][$0[1]]) }
            if let d = disagreement(list, dates: dates, inferred: inferred, apart: sourcesApart) { out.append(d) }
        }
        return out
    }

    /// The disagreement among one value per source, if some of them cannot both hold. With `apart`
    /// (pairs of sources, the lower first), it claims only the pairs of values whose sources it
    /// holds: values a chain of links put in one group ("nearly 40%" with "39.6 percent", which
    /// cannot hold with "35 percent") are shown, but not said to disagree unless the model read
    /// their own mentions as one quantity.
    static func disagreement(
        _ list: [(Int, Quantity)], dates: [String?], inferred: [Int: (earliest: String?, latest: String?)],
        apart: Set<[Int]>? = nil
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
        // Sums of money, percentages and lengths in a story measure many things: two sources report
        // the same figure differently only when their values lie within a factor of two ("94
        // percent" and "97%"); "$50,000" and "$3.5 million" are two figures. Counts (co-sponsors,
        // victims) may grow further as a story goes on.
        if list.contains(where: { measures.contains($0.1.counts) }) {
            let values = list.compactMap { $0.1.interval?.middle }
            guard let low = values.min(), let high = values.max(), low > 0, high <= 2 * low else { return nil }
        }
        let byDocument = Dictionary(list.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        /// The pairs of `values` (indices) the disagreement claims: sources `apart` whose values
        /// cannot both hold.
        func claimed(_ values: [Disagreement.Value]) -> [[Int]] {
            var pairs: [[Int]] = []
            for i in values.indices {
                for j in values.indices where j > i {
                    let (x, y) = (values[i].document, values[j].document)
                    if let apart, !apart.contains([min(x, y), max(x, y)]) { continue }
                    if let a = byDocument[x], let b = byDocument[y], !a.compatible(with: b) { pairs.append([i, j]) }
                }
            }
            return pairs
        }
        let all = list.map { d, q in
            Disagreement.Value(
                value: q.value, qualifier: q.qualifier, text: q.text, document: d, start: q.start, end: q.end,
                date: dates[d], inferredRange: inferred[d])
        }.sorted { ($0.date ?? "9999", $0.document) < ($1.date ?? "9999", $1.document) }
        // Only the values the disagreement is about are shown: one a chain of links joined to the
        // group but that no claimed pair holds ("more than 1,700 injured" beside a death toll's
        // values) would read as part of it.
        let held = Set(claimed(all).flatMap { $0 })
        guard !held.isEmpty else { return nil }
        let values = all.indices.filter(held.contains).map { all[$0] }
        let about = values.compactMap { byDocument[$0.document]?.counts }.min { ($0.count, $0) < ($1.count, $1) } ?? list[0].1.key
        var result = Disagreement(about: about, values: values)
        result.incompatible = claimed(values)
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
        // Wholly below or above, where two values as written meet at an open end: 11 (10.5 up to
        // 11.5) then 12 (from 11.5) rose.
        func below(_ a: ValueInterval, _ b: ValueInterval) -> Bool { a.upper < b.lower || (a.upper == b.lower && (a.upperOpen || b.lowerOpen)) }
        var rose = false
        for i in values.indices {
            for j in values.indices where values[i].days.high < values[j].days.low {
                if below(intervals[j], intervals[i]) { return false }
                if below(intervals[i], intervals[j]) { rose = true }
            }
        }
        return rose
    }

}
