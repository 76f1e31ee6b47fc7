import Testing

@testable import PrecisEval

/// Expected values were computed with Google's rouge-score 0.1.2 (RougeScorer(use_stemmer=True)) on
/// these invented pairs: (prediction, reference, [type: (precision, recall, f1)]).
let pinnedRouge: [(String, String, [RougeType: (Double, Double, Double)])] = [
    (
        "The port of Calder was closed on Monday.\nForty ships waited in the bay.",
        "A storm closed Calder's port on Monday, stranding 40 ships.\nFerries were cancelled.",
        [
            .rouge1: (0.4285714286, 0.4285714286, 0.4285714286), .rouge2: (0.0769230769, 0.0769230769, 0.0769230769),
            .rougeL: (0.2857142857, 0.2857142857, 0.2857142857), .rougeLsum: (0.2857142857, 0.2857142857, 0.2857142857)
        ]
    ),
    (
        "Officials said the running ferries were cancelled; generously funded repairs began.",
        "The ferries ran again after repairs, officials said.",
        [
            .rouge1: (0.4545454545, 0.6250000000, 0.5263157895), .rouge2: (0.1000000000, 0.1428571429, 0.1176470588),
            .rougeL: (0.2727272727, 0.3750000000, 0.3157894737), .rougeLsum: (0.2727272727, 0.3750000000, 0.3157894737)
        ]
    ),
    (
        "the cat sat on the mat\nthe dog sat on the log",
        "the cat and the dog sat\non the mat and the log",
        [
            .rouge1: (0.8333333333, 0.8333333333, 0.8333333333), .rouge2: (0.6363636364, 0.6363636364, 0.6363636364),
            .rougeL: (0.6666666667, 0.6666666667, 0.6666666667), .rougeLsum: (0.8333333333, 0.8333333333, 0.8333333333)
        ]
    ),
    (
        "Café prices rose 3.5% in 2024 — “unprecedented”, said Ms. O'Neil.",
        "Prices at the cafe rose by 3.5 percent, O'Neil said.",
        [
            .rouge1: (0.5833333333, 0.5833333333, 0.5833333333), .rouge2: (0.1818181818, 0.1818181818, 0.1818181818),
            .rougeL: (0.5, 0.5, 0.5), .rougeLsum: (0.5, 0.5, 0.5)
        ]
    ),
    (
        "", "Something here.",
        [.rouge1: (0, 0, 0), .rouge2: (0, 0, 0), .rougeL: (0, 0, 0), .rougeLsum: (0, 0, 0)]
    )
]

@Suite struct RougeTests {
    @Test(arguments: pinnedRouge.indices)
    func matchesRougeScore(_ index: Int) {
        let (prediction, reference, expected) = pinnedRouge[index]
        let scores = RougeScorer().score(prediction: prediction, reference: reference)
        for (type, (p, r, f)) in expected {
            let s = scores[type]!
            #expect(abs(s.precision - p) < 1e-9, "\(type) precision")
            #expect(abs(s.recall - r) < 1e-9, "\(type) recall")
            #expect(abs(s.f1 - f) < 1e-9, "\(type) f1")
        }
    }

    @Test func tokenizesLikeRougeScore() {
        let scorer = RougeScorer()
        // Lower case, a-z0-9 only (accented letters drop out), words over three letters stemmed.
        #expect(scorer.tokenize("Café RUNNING ran 3.5% don't") == ["caf", "run", "ran", "3", "5", "don", "t"])
        #expect(RougeScorer(useStemmer: false).tokenize("Running ships") == ["running", "ships"])
    }

    @Test func bestReferenceCountsPerMeasure() {
        let s = RougeScorer().score(prediction: "the port closed", references: ["nothing alike", "the port closed"])
        #expect(s[.rouge1]?.f1 == 1)
    }

    @Test func truncationKeepsLinesAndCutsWords() {
        #expect(truncateWords("one two three\nfour five\nsix", to: 4) == "one two three\nfour")
        #expect(truncateWords("a b", to: 10) == "a b")
        #expect(truncateWords("", to: 3) == "")
    }

    @Test func lcsBacktrackBreaksTiesLikeRougeScore() {
        // With ties the read-back moves up (in the reference) rather than left.
        #expect(RougeScorer.lcsIndices(["a", "b", "a"], ["a"]) == [2])
        #expect(RougeScorer.lcsLength(["a", "b", "c", "d"], ["b", "d", "a"]) == 2)
    }
}
