/// Precision, recall and F1 of a clustering against gold clusters, in the two forms story and
/// coreference work reports: B-cubed (per item, averaged) and pairwise (over pairs of items).
public struct ClusteringScore: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
    }

    /// B-cubed (Bagga & Baldwin 1998): for each item, the share of its predicted cluster that is in
    /// its gold cluster (precision) and the share of its gold cluster that is in its predicted cluster
    /// (recall), averaged over items. `gold[i]` and `predicted[i]` label item i.
    public static func bcubed<G: Hashable, P: Hashable>(gold: [G], predicted: [P]) -> ClusteringScore {
        precondition(gold.count == predicted.count, "one gold and one predicted label per item")
        guard !gold.isEmpty else { return ClusteringScore(precision: 1, recall: 1) }
        let table = Contingency(gold: gold, predicted: predicted)
        var precision = 0.0, recall = 0.0
        for i in gold.indices {
            let both = Double(table.cell[table.goldIndex[i]][table.predictedIndex[i], default: 0])
            precision += both / Double(table.predictedSize[table.predictedIndex[i]])
            recall += both / Double(table.goldSize[table.goldIndex[i]])
        }
        let n = Double(gold.count)
        return ClusteringScore(precision: precision / n, recall: recall / n)
    }

    /// Pairwise: of the item pairs put in one cluster, the share that share a gold cluster
    /// (precision), and of the pairs sharing a gold cluster, the share put together (recall). With no
    /// predicted (or gold) pairs at all, precision (or recall) is 1.
    public static func pairwise<G: Hashable, P: Hashable>(gold: [G], predicted: [P]) -> ClusteringScore {
        precondition(gold.count == predicted.count, "one gold and one predicted label per item")
        let table = Contingency(gold: gold, predicted: predicted)
        func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
        let together = table.cell.reduce(0.0) { sum, row in sum + row.values.reduce(0.0) { $0 + pairs($1) } }
        let predictedPairs = table.predictedSize.reduce(0.0) { $0 + pairs($1) }
        let goldPairs = table.goldSize.reduce(0.0) { $0 + pairs($1) }
        return ClusteringScore(
            precision: predictedPairs > 0 ? together / predictedPairs : 1,
            recall: goldPairs > 0 ? together / goldPairs : 1)
    }
}

/// Counts of items per (gold, predicted) label pair.
private struct Contingency {
    var goldIndex: [Int] = []
    var predictedIndex: [Int] = []
    var goldSize: [Int] = []
    var predictedSize: [Int] = []
    var cell: [[Int: Int]] = []

    init<G: Hashable, P: Hashable>(gold: [G], predicted: [P]) {
        var goldIDs: [G: Int] = [:], predictedIDs: [P: Int] = [:]
        for (g, p) in zip(gold, predicted) {
            let gi =
                goldIDs[g]
                ?? {
                    let k = goldIDs.count; goldIDs[g] = k; goldSize.append(0); cell.append([:]); return k
                }()
            let pi =
                predictedIDs[p]
                ?? {
                    let k = predictedIDs.count; predictedIDs[p] = k; predictedSize.append(0); return k
                }()
            goldIndex.append(gi)
            predictedIndex.append(pi)
            goldSize[gi] += 1
            predictedSize[pi] += 1
            cell[gi][pi, default: 0] += 1
        }
    }
}
