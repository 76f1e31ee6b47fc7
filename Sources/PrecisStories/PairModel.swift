import Foundation
import PrecisText

/// What two articles share, beyond their words, that tells one event from another of the same kind:
/// the names in them, the years and dates they name, and the numbers that identify an event (a toll,
/// a magnitude, a sum). Each feature is 0 when either article lacks the kind of fact it compares.
public enum PairFeature: Int, ModelFeature, Sendable {
    /// Cosine of the two articles' TF-IDF vectors (content stems, lead and names weighted).
    case cosine
    /// Cosine of the IDF-weighted names (capitalised words inside sentences) alone.
    case names
    /// Share of the years named by the article naming fewer that the other names too.
    case yearsShared
    /// 1 when both name years and none in common (two earthquakes, 2008 and 2013).
    case yearsApart
    /// Share of the numbers (10 or more, or with a decimal point; years left out) of the article naming
    /// fewer that the other names too.
    case numbersShared
    /// 1 when both name such numbers and none in common.
    case numbersApart
    /// Share of the dates ("March 3", "3 March") of the article naming fewer that the other names too.
    case datesShared
    /// 1 when both name dates and none in common.
    case datesApart
}

/// The pair score: a similarity on the scale of the cosine, raised or lowered by what else two
/// articles share, learnt by logistic regression over the `PairFeature`s with the cosine entered as
/// its logarithm: log-odds(one story) = intercept + b log(cosine) + sum of w_k x_k. The odds are then
/// a power of `cosine * exp(sum of w_k x_k / b)`, and that is the score: it orders pairs as the model
/// does, and keeps the cosine's scale, over which average linkage (unlinked pairs counting 0) works.
public typealias PairModel = LinearModel<PairFeature>

extension LinearModel where Feature == PairFeature {
    /// The score of a pair with these features (`features[0]` is the cosine).
    @inline(__always)
    public func score(_ features: [Double]) -> Double {
        let b = weights[0]
        guard b > 0 else { return features[0] }
        var z = 0.0
        for k in 1..<weights.count { z += weights[k] * features[k] }
        return features[0] * exp(z / b)
    }

    /// Fitted by `python3 scripts/bench_story_quality.py --fit-all`: logistic regression (Newton's
    /// method, L2 penalty 1 on the weights, the two classes weighted equally) over the candidate pairs
    /// that batch clustering scores on all of the Multi-News and ECB+ dev sets, labelled by whether
    /// the two articles share a gold story. The threshold: tuned on one half of the dev sets (best
    /// mean over both sets of the weaker of batch and streaming B-cubed F1), the halves chose 0.14
    /// and 0.15; tuned on all the dev data, 0.21. Sets the size of the whole dev sets want the higher
    /// value, small intakes the lower (at 0.19 and above the five seed articles of one story in
    /// ../shared/data/seeds fall apart). 0.18 lies between: on all the dev data it gives ECB+ 0.905
    /// batch / 0.901 streaming and Multi-News 0.867 / 0.866 (0.920 / 0.930 and 0.858 / 0.854 at 0.21).
    /// The same procedure fitted on one half and scored on the other gives the figures of
    /// docs/benchmarks.md ("Stories").
    public static var fitted: Self {
        Self(
            intercept: 6.5355,
            weights: [3.2585, 0.6788, 1.4556, -0.3057, 0.6706, -0.7065, 0.6564, -0.3060],
            threshold: 0.18)
    }
}
