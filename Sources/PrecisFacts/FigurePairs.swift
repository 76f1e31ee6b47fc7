import Foundation
import PrecisText

/// What two mentions of one counted noun, in two sources of a story, share or do not: the evidence
/// that they are one quantity reported twice ("20 people were killed at the wedding" and "a shootout
/// at a wedding left 21 people dead") rather than two quantities under one noun (this quake's toll
/// and the 2009 quake's). Each feature is a number any pair of figures has.
public enum FigurePairFeature: Int, ModelFeature, Sendable {
    /// 1 when the words next to the two figures share a stem: what happened to what is counted
    /// ("20 people were killed", "21 people dead"; "10 others were wounded", "eight wounded").
    case nearShared
    /// 1 when the contexts share as many words as a hand rule once asked: one for counts, three for
    /// sums of money, percentages and lengths, of which a story has many.
    case enoughShared
    /// How far apart the values are (`Quantity.gap`: a range by its nearer end), at most 5; 0 when
    /// the sources are of different days, when a count may have grown (a toll of 23, then 247).
    case valueGap
    /// `valueGap` again when the figures measure (money, percentages, lengths), of which a story holds
    /// many: two sums far apart are seldom one sum reported twice.
    case measureGap
    /// 1 when each is the first mention of its noun in its source: the figure a source leads with.
    case firstMentions
    /// 1 when both stand among the first three figures of their sources, where a news story puts
    /// what it is about.
    case lead
}

/// Whether two mentions are one quantity: logistic regression over the `FigurePairFeature`s,
/// log-odds = intercept + sum of w_k x_k; a pair is one quantity when the probability reaches
/// `threshold`. Model files as `scripts/bench_disagreements.py --fit` writes them.
public typealias FigurePairModel = LinearModel<FigurePairFeature>

extension LinearModel where Feature == FigurePairFeature {
    /// Fitted by `python3 scripts/bench_disagreements.py --fit --features ...` (the six features
    /// above): logistic regression (Newton's method, L2 penalty 1, the two classes weighted equally)
    /// over the figure pairs of the 100 Multi-News dev clusters of the disagreement gold
    /// (scripts/gold), labelled one quantity when the gold says conflict, changed or agree, two when
    /// it says different or gives no label to values that cannot both hold (it records every conflict
    /// and change). The threshold is the probability with the best F0.5 (precision counting twice)
    /// of the pairs found against the gold's. Fitted on one half and scored on the other, every pair
    /// it showed was right (3 on half A, 1 on half B), where the hand rule it replaces (contexts
    /// sharing a word, three for measures) showed 9 and 12, 6 and 3 right: docs/benchmarks.md.
    public static var fitted: Self {
        Self(
            intercept: 0.8324, weights: [0.4559, 1.0097, -3.1760, -3.3184, 0.8266, 0.3930], threshold: 0.85)
    }

    /// The probability that a pair with these features is one quantity.
    public func probability(_ features: [Double]) -> Double {
        var z = intercept
        for k in weights.indices { z += weights[k] * features[k] }
        return 1 / (1 + exp(-z))
    }

    /// Whether a pair with these features is one quantity.
    public func same(_ features: [Double]) -> Bool { probability(features) >= threshold }
}

/// Two mentions of one counted noun in two sources, with the features that tell whether they are one
/// quantity.
public struct FigurePair: Sendable {
    /// Where each mention is: its source, and its index in that source's quantities.
    public var a: (document: Int, index: Int)
    public var b: (document: Int, index: Int)
    /// One value per `FigurePairFeature`.
    public var features: [Double]
    /// Whether the two values can both hold ("about 10" and "ten").
    public var compatible: Bool
}

extension NumberFinder {
    /// Every pair of mentions, in different sources, of one counted noun (or of one dimension, for
    /// units of measure that convert: kilometres and miles) that no
    /// `DistinctQuantityRule` tells apart, with its features. `dates` are the sources' dates, known
    /// or inferred (nil when neither).
    public static func figurePairs(_ quantities: [[Quantity]], dates: [String?]) -> [FigurePair] {
        comparedPairs(quantities, dates: dates).pairs
    }

    /// `figurePairs`, and the pairs of mentions of one counted noun that a `DistinctQuantityRule`
    /// tells apart, each `[document, index, document, index]`, the earlier mention first: what may
    /// never be one quantity, however a chain of links runs.
    static func comparedPairs(_ quantities: [[Quantity]], dates: [String?]) -> (pairs: [FigurePair], distinct: Set<[Int]>) {
        // A figure without a year of its own is of its source's year; of any year a source of the
        // story is dated by when its own is undated; of the story's present (empty) when none is.
        let datedYears = Set(dates.compactMap { $0.flatMap { Int($0.prefix(4)) } })
        // One figure told alike by two sources is one quantity: when one names its year ("the 2009
        // quake killed more than 300") the other's ("that quake killed more than 300") is of it too.
        // Not an age: the year beside it is of what the person did ("Vell, 34, married in 2016").
        var namedYears: [String: Set<Int>] = [:]
        for qs in quantities {
            for q in qs where !q.years.isEmpty && q.who == nil { namedYears[q.comparedKey + "|" + q.reading, default: []].formUnion(q.years) }
        }
        func years(_ d: Int, _ q: Quantity) -> Set<Int> {
            if !q.years.isEmpty { return q.years }
            if let named = namedYears[q.comparedKey + "|" + q.reading] { return named }
            return dates[d].flatMap { Int($0.prefix(4)) }.map { [$0] } ?? datedYears
        }
        var byKey: [String: [(document: Int, index: Int)]] = [:]
        var keys: [String] = []
        var firstOfKey = Set<[Int]>()
        for (d, qs) in quantities.enumerated() {
            var seen = Set<String>()
            for (i, q) in qs.enumerated() {
                let key = q.comparedKey
                if byKey[key] == nil { keys.append(key) }
                byKey[key, default: []].append((d, i))
                if seen.insert(key).inserted { firstOfKey.insert([d, i]) }
            }
        }
        var out: [FigurePair] = []
        var distinct = Set<[Int]>()
        for key in keys {
            let list = byKey[key]!
            for x in list.indices {
                for y in list.indices where y > x && list[x].document != list[y].document {
                    let (da, ia) = list[x], (db, ib) = list[y]
                    let qa = quantities[da][ia], qb = quantities[db][ib]
                    let ya = years(da, qa), yb = years(db, qb)
                    if DistinctQuantityRule.all.contains(where: { $0.applies(qa, qb, ya, yb) }) {
                        distinct.insert([da, ia, db, ib])
                        continue
                    }
                    out.append(
                        FigurePair(
                            a: (da, ia), b: (db, ib),
                            features: features(
                                qa, qb, firsts: (firstOfKey.contains([da, ia]), firstOfKey.contains([db, ib])),
                                lead: ia < 3 && ib < 3, dates: (dates[da], dates[db])),
                            compatible: qa.compatible(with: qb)))
                }
            }
        }
        return (out, distinct)
    }

    /// The `FigurePairFeature`s of two mentions.
    static func features(_ a: Quantity, _ b: Quantity, firsts: (Bool, Bool), lead: Bool, dates: (String?, String?)) -> [Double] {
        let measure = measures.contains(a.counts) || measures.contains(b.counts)
        let gap = a.gap(to: b)
        var apart = false
        if let x = dates.0, let y = dates.1, x.prefix(10) != y.prefix(10) { apart = true }
        var f = [Double](repeating: 0, count: FigurePairFeature.allCases.count)
        f[FigurePairFeature.nearShared.rawValue] = a.near.isDisjoint(with: b.near) ? 0 : 1
        f[FigurePairFeature.enoughShared.rawValue] = a.context.intersection(b.context).count >= (measure ? 3 : 1) ? 1 : 0
        f[FigurePairFeature.valueGap.rawValue] = apart ? 0 : gap
        f[FigurePairFeature.measureGap.rawValue] = measure ? gap : 0
        f[FigurePairFeature.firstMentions.rawValue] = firsts.0 && firsts.1 ? 1 : 0
        f[FigurePairFeature.lead.rawValue] = lead ? 1 : 0
        return f
    }
}
