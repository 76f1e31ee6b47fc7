import Testing

@testable import PrecisEval

@Suite struct ClusteringScoreTests {
    // Gold {0,1} {2,3}; predicted {0,1,2} {3}.
    let gold = ["a", "a", "b", "b"]
    let predicted = [1, 1, 1, 2]

    @Test func bcubedByHand() {
        let s = ClusteringScore.bcubed(gold: gold, predicted: predicted)
        // Precision per item: 2/3, 2/3, 1/3, 1; recall: 1, 1, 1/2, 1/2.
        #expect(abs(s.precision - (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1) / 4) < 1e-12)
        #expect(abs(s.recall - 0.75) < 1e-12)
        #expect(abs(s.f1 - 2 * s.precision * s.recall / (s.precision + s.recall)) < 1e-12)
    }

    @Test func pairwiseByHand() {
        let s = ClusteringScore.pairwise(gold: gold, predicted: predicted)
        // Predicted pairs (0,1) (0,2) (1,2): only (0,1) is a gold pair; gold pairs: (0,1) (2,3).
        #expect(abs(s.precision - 1.0 / 3) < 1e-12)
        #expect(abs(s.recall - 0.5) < 1e-12)
    }

    @Test func extremes() {
        let perfect = ClusteringScore.bcubed(gold: gold, predicted: ["x", "x", "y", "y"])
        #expect(perfect.precision == 1 && perfect.recall == 1 && perfect.f1 == 1)
        let singletons = ClusteringScore.bcubed(gold: gold, predicted: [0, 1, 2, 3])
        #expect(singletons.precision == 1 && singletons.recall == 0.5)
        let pairsOfSingletons = ClusteringScore.pairwise(gold: gold, predicted: [0, 1, 2, 3])
        #expect(pairsOfSingletons.precision == 1 && pairsOfSingletons.recall == 0)
    }

    @Test func shuffleIsAFixedPermutationPerSeed() {
        let items = Array(0..<50)
        let a = StoryEvaluation.shuffled(items, seed: 7)
        #expect(a == StoryEvaluation.shuffled(items, seed: 7))
        #expect(a != items)
        #expect(a.sorted() == items)
        #expect(StoryEvaluation.shuffled(items, seed: 8) != a)
    }
}
