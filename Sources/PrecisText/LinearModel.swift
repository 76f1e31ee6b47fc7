/// A feature of a `LinearModel`: its place in the weights (`rawValue`) and the name model files use.
public protocol ModelFeature: CaseIterable, RawRepresentable where RawValue == Int {
    var name: String { get }
}

extension ModelFeature {
    /// The name used in pair dumps and model files: the case's name in snake case ("nearShared" ->
    /// "near_shared").
    public var name: String {
        var out = ""
        for c in String(describing: self) {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}

/// Weights learnt by logistic regression over the features `Feature` lists, with the intercept and the
/// threshold a score must reach. Precis's benchmark scripts fit them and write them as model files:
/// one `name value` line for `threshold`, for `intercept` and for each feature ("lead 0.39"); other
/// lines are ignored, and a feature a file does not name weighs 0.
public struct LinearModel<Feature: ModelFeature>: Sendable, Equatable {
    public var intercept: Double
    /// One weight per feature, in the order of `Feature.allCases`.
    public var weights: [Double]
    public var threshold: Double

    public init(intercept: Double, weights: [Double], threshold: Double) {
        precondition(weights.count == Feature.allCases.count, "one weight per feature")
        self.intercept = intercept
        self.weights = weights
        self.threshold = threshold
    }

    /// Reads a model file; nil when it lacks the intercept or the threshold.
    public init?(text: String) {
        var values: [String: Double] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Double(parts[1]) else { continue }
            values[String(parts[0])] = value
        }
        guard let intercept = values["intercept"], let threshold = values["threshold"] else { return nil }
        self.init(intercept: intercept, weights: Feature.allCases.map { values[$0.name] ?? 0 }, threshold: threshold)
    }
}
