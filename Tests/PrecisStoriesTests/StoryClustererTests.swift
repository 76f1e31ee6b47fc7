import Testing

@testable import PrecisStories

@Suite struct StoryClustererTests {
    static let harbour = [Fixture.harbourCourier, Fixture.harbourGazette, Fixture.harbourRadio]
    static let chess = [Fixture.chessHerald, Fixture.chessPost, Fixture.chessDaily]

    /// The two stories interleaved, as a day's intake mixes them.
    static let mixed = [
        Fixture.harbourCourier, Fixture.chessHerald, Fixture.harbourGazette,
        Fixture.chessPost, Fixture.harbourRadio, Fixture.chessDaily
    ]

    func stories(_ a: [StoryAssignment]) -> [Int?] { a.map(\.story) }

    @Test func batchFindsTheTwoStories() {
        let a = StoryClusterer.cluster(Self.mixed.map { StoryDocument(text: $0) })
        #expect(stories(a) == [0, 1, 0, 1, 0, 1])
        #expect(a.allSatisfy { $0.duplicateOf == nil && $0.skipReason == nil })
    }

    @Test func streamingFindsTheTwoStories() {
        let clusterer = StoryClusterer()
        for text in Self.mixed { clusterer.add(StoryDocument(text: text)) }
        #expect(stories(clusterer.assignments) == [0, 1, 0, 1, 0, 1])
    }

    @Test func batchStoriesDoNotDependOnOrder() {
        let reversed = Array(Self.mixed.reversed())
        let a = StoryClusterer.cluster(reversed.map { StoryDocument(text: $0) })
        // Numbers follow the first article of each story; the grouping is the same.
        #expect(stories(a) == [0, 1, 0, 1, 0, 1])
        let chessFirst = Self.chess + Self.harbour
        #expect(stories(StoryClusterer.cluster(chessFirst.map { StoryDocument(text: $0) })) == [0, 0, 0, 1, 1, 1])
    }

    @Test func wireCopyIsFoldedIntoItsOriginal() {
        let texts = [Fixture.harbourCourier, Fixture.chessHerald, Fixture.harbourWireCopy]
        for a in [StoryClusterer.cluster(texts.map { StoryDocument(text: $0) }), streamed(texts)] {
            #expect(a[2].duplicateOf == 0)
            #expect(a[2].story == a[0].story)
            #expect(a[0].duplicateOf == nil && a[1].duplicateOf == nil)
        }
    }

    @Test func sharedParagraphIsNotACopy() {
        let texts = [Fixture.harbourCourier, Fixture.harbourOpinion]
        let a = StoryClusterer.cluster(texts.map { StoryDocument(text: $0) })
        #expect(a[1].duplicateOf == nil)
    }

    @Test func nonArticleIsLeftOutWithAReason() {
        let texts = [Fixture.harbourCourier, Fixture.notice, "", Fixture.harbourGazette]
        for a in [StoryClusterer.cluster(texts.map { StoryDocument(text: $0) }), streamed(texts)] {
            #expect(a[1].story == nil)
            #expect(a[1].skipReason?.hasPrefix("not an article") == true)
            #expect(a[2].story == nil)
            #expect(a[2].skipReason == "not an article: no words")
            #expect(a[0].story == 0 && a[3].story == 0)
        }
    }

    /// The third article's date and the stories, batch and streamed, its date gives. Years apart,
    /// two reports of one kind of accident are two stories; a follow-up four months on (the
    /// inquiry's report after the accident) is the same story: dates weeks or months apart do not
    /// split what the texts tell as one.
    @Test(arguments: [("2029-06-01", [0, 0, 1]), ("2025-07-20", [0, 0, 0])])
    func publicationDatesFadeOverYearsNotMonths(_ third: String, _ expected: [Int?]) {
        let dated = [
            StoryDocument(text: Fixture.harbourCourier, date: "2025-03-03"),
            StoryDocument(text: Fixture.harbourGazette, date: "2025-03-04T09:00:00Z"),
            StoryDocument(text: Fixture.harbourRadio, date: third)
        ]
        #expect(stories(StoryClusterer.cluster(dated)) == expected)
        let clusterer = StoryClusterer()
        for d in dated { clusterer.add(d) }
        #expect(stories(clusterer.assignments) == expected)
        // Undated, the same three are one story.
        #expect(stories(StoryClusterer.cluster(dated.map { StoryDocument(text: $0.text) })) == [0, 0, 0])
    }

    @Test func titleCountsAsTheLead() {
        // An article whose headline was read off as metadata still clusters on it.
        let body = Fixture.chessPost.split(separator: "\n", maxSplits: 2).last.map(String.init) ?? ""
        let docs = [
            StoryDocument(text: Fixture.chessHerald),
            StoryDocument(text: body, title: "Sandvik, 16, takes Norland chess title from Ekholm"),
            StoryDocument(text: Fixture.harbourCourier)
        ]
        #expect(stories(StoryClusterer.cluster(docs)) == [0, 0, 1])
    }

    @Test func batchIsDeterministic() {
        let docs = (Self.mixed + [Fixture.harbourWireCopy, Fixture.notice]).map { StoryDocument(text: $0) }
        #expect(StoryClusterer.cluster(docs) == StoryClusterer.cluster(docs))
    }

    static let quakes = [
        Fixture.quakeEskerWire, Fixture.quakeTarnWire, Fixture.quakeEskerTimes,
        Fixture.quakeTarnTimes, Fixture.quakeEskerRadio, Fixture.quakeTarnRadio
    ]

    @Test func twoQuakesOfOneKindAreTwoStories() {
        // Same kind of event, same country and wording; other years, places, names and tolls.
        let texts = Self.quakes + Self.harbour
        for a in [StoryClusterer.cluster(texts.map { StoryDocument(text: $0) }), streamed(texts)] {
            #expect(stories(a) == [0, 1, 0, 1, 0, 1, 2, 2, 2])
        }
    }

    /// The partition as sets of texts: what must not change with the order of the input.
    func partition(_ texts: [String], _ a: [StoryAssignment]) -> Set<Set<String>> {
        var groups: [String: Set<String>] = [:]
        for (t, x) in zip(texts, a) { groups[x.story.map { "s\($0)" } ?? "none:\(t)", default: []].insert(t) }
        return Set(groups.values)
    }

    /// `count` orders of `texts`, Fisher-Yates with a fixed SplitMix64 stream: the same on every run.
    func shuffles(of texts: [String], count: Int, seed: UInt64) -> [[String]] {
        var state = seed
        return (0..<count).map { _ in
            var shuffled = texts
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                state &+= 0x9E37_79B9_7F4A_7C15
                shuffled.swapAt(i, Int(mix(state) % UInt64(i + 1)))
            }
            return shuffled
        }
    }

    @Test func batchPartitionDoesNotDependOnOrder() {
        let texts = Self.mixed + Self.quakes + [Fixture.harbourWireCopy, Fixture.harbourOpinion, Fixture.notice]
        let expected = partition(texts, StoryClusterer.cluster(texts.map { StoryDocument(text: $0) }))
        for shuffled in shuffles(of: texts, count: 8, seed: 7) {
            #expect(partition(shuffled, StoryClusterer.cluster(shuffled.map { StoryDocument(text: $0) })) == expected)
        }
        // The copy points at the earliest of its group in input order, whatever the order.
        let copyFirst = [Fixture.harbourWireCopy, Fixture.chessHerald, Fixture.harbourCourier]
        let a = StoryClusterer.cluster(copyFirst.map { StoryDocument(text: $0) })
        #expect(a[2].duplicateOf == 0 && a[0].duplicateOf == nil && a[2].story == a[0].story)
    }

    @Test func storiesTiedTogetherByAStreamsFirstWordsSplitWhenTheCountDoubles() {
        // Five articles of one navy and one gulf arrive first: with five articles known, the words
        // they share look rare and tie them into one story. By the eighth, those words are common;
        // the stories formed so far are clustered again on today's weights, as batch would.
        let p = PirateFixture.self
        let texts = [
            p.capture2012Wire, p.capture2016Wire, p.navyBudget, p.gulfFishing, p.frigateLaunch,
            Fixture.chessHerald, Fixture.harbourCourier, Fixture.quakeEskerWire
        ]
        func streamed(refreshingUpTo limit: Int) -> [Int?] {
            var options = StoryOptions()
            options.earlyRefreshLimit = limit
            let clusterer = StoryClusterer(options: options)
            for t in texts { clusterer.add(StoryDocument(text: t)) }
            return stories(clusterer.assignments)
        }
        let batch = stories(StoryClusterer.cluster(texts.map { StoryDocument(text: $0) }))
        #expect(batch == [0, 0, 1, 1, 1, 2, 3, 4])
        #expect(streamed(refreshingUpTo: 1_024) == batch)
        // Without the refresh the navy's budget stays in the capture story until an article links to it.
        #expect(streamed(refreshingUpTo: 0) == [0, 0, 0, 0, 0, 1, 2, 3])
    }

    @Test func atARefreshStreamingHasBatchsStoriesWhateverTheOrder() {
        // Eight articles (the first refresh): however they arrive, the stream's links are found again
        // on the weights of all eight and clustered as batch clusters them, so the stories are
        // batch's, including the two captures years apart kept apart and the navy's other news.
        let p = PirateFixture.self
        let texts = [
            p.capture2012Wire, p.capture2016Wire, p.navyBudget, p.gulfFishing, p.frigateLaunch,
            Fixture.chessHerald, Fixture.harbourCourier, Fixture.quakeEskerWire
        ]
        let expected = partition(texts, StoryClusterer.cluster(texts.map { StoryDocument(text: $0) }))
        for shuffled in shuffles(of: texts, count: 6, seed: 11) {
            #expect(partition(shuffled, streamed(shuffled)) == expected)
        }
        #expect(StoryClusterer.isRefreshPoint(8, growth: 1.1) && StoryClusterer.isRefreshPoint(9, growth: 1.1))
        #expect(StoryClusterer.isRefreshPoint(16, growth: 2) && !StoryClusterer.isRefreshPoint(12, growth: 2))
        #expect(!StoryClusterer.isRefreshPoint(7, growth: 1.1))
    }

    func streamed(_ texts: [String]) -> [StoryAssignment] {
        let clusterer = StoryClusterer()
        for t in texts { clusterer.add(StoryDocument(text: t)) }
        return clusterer.assignments
    }
}

@Suite struct StoryPartsTests {
    @Test func dayNumbers() {
        #expect(dayNumber("1970-01-01") == 0)
        #expect(dayNumber("1969-12-31") == -1)
        #expect(dayNumber("2014-11-18") == 16392)
        #expect(dayNumber("2000-02-29T10:00:00+01:00") == 11016)
        for bad in ["", "2014", "18/11/2014", "2014-13-01", "2014-11-32", "20x4-11-18", nil] as [String?] {
            #expect(dayNumber(bad) == nil)
        }
    }

    @Test func minHashEstimatesJaccard() throws {
        let hasher = MinHasher()
        let a = Array(0..<200)
        let sa = try #require(hasher.signature(a))
        #expect(MinHasher.similarity(sa, sa) == 1)
        let disjoint = try #require(hasher.signature(Array(1000..<1200)))
        #expect(MinHasher.similarity(sa, disjoint) < 0.1)
        // Half the shingles shared: Jaccard about 1/3.
        let half = try #require(hasher.signature(Array(100..<300)))
        let s = MinHasher.similarity(sa, half)
        #expect(s > 0.15 && s < 0.55)
        #expect(hasher.signature([1, 2, 3]) == nil)
    }

    @Test func averageLinkUsesTheMeanOverAllPairs() {
        // 0 and 1 are close; 2 is linked to 0 only. Merged with {0, 1}, 2's mean similarity is
        // (0.3 + 0) / 2 = 0.15: enough at a threshold of 0.1, not at 0.2.
        let edges = [AverageLink.Edge(a: 0, b: 1, similarity: 0.9), AverageLink.Edge(a: 0, b: 2, similarity: 0.3)]
        #expect(AverageLink.cluster(count: 4, edges: edges, threshold: 0.1) == [0, 0, 0, 3])
        #expect(AverageLink.cluster(count: 4, edges: edges, threshold: 0.2) == [0, 0, 2, 3])
        #expect(AverageLink.cluster(count: 0, edges: [], threshold: 0.1) == [])
        // The dense form (streaming's, for a few stories) gives the same clusters.
        #expect(AverageLink.clusterDense(count: 4, edges: edges, threshold: 0.1) == [0, 0, 0, 3])
        #expect(AverageLink.clusterDense(count: 4, edges: edges, threshold: 0.2) == [0, 0, 2, 3])
        #expect(AverageLink.clusterDense(count: 0, edges: [], threshold: 0.1) == [])
        // And on random sparse graphs (a fixed stream of numbers).
        var state: UInt64 = 11
        func next() -> Double { state &+= 0x9E37_79B9_7F4A_7C15; return Double(mix(state) % 1_000_000) / 1_000_000 }
        // Similarities on a coarse grid as well, so that many pairs tie.
        for (n, grid) in [(5, 0.0), (12, 0.0), (40, 0.0), (90, 0.0), (30, 0.25), (90, 0.2)] {
            var random: [AverageLink.Edge] = []
            for a in 0..<n {
                for b in (a + 1)..<n where next() < 0.3 {
                    let similarity = grid > 0 ? (next() / grid).rounded(.up) * grid : next()
                    random.append(AverageLink.Edge(a: a, b: b, similarity: similarity))
                }
            }
            for threshold in [0.1, 0.25, 0.5] {
                let dense = AverageLink.clusterDense(count: n, edges: random, threshold: threshold)
                // Exactly the plain algorithm, ties included (the best pair of all, the lowest on a tie).
                #expect(dense == plainAverageLink(count: n, edges: random, threshold: threshold), "n \(n), grid \(grid)")
                // The heap's clusters keep another node as their number while merging, so a tie can
                // go another way there: compared where scores do not tie.
                if grid == 0 { #expect(dense == AverageLink.cluster(count: n, edges: random, threshold: threshold), "n \(n)") }
            }
        }
    }
}

@Suite struct CandidateBarTests {
    /// The bar the candidate search raises by steps of 1.5 until few enough partial scores reach it,
    /// as the search found it before: one pass over the nodes for each step.
    func stepwise(start: Float, limit: Int, scores: [Float], touched: [Int]) -> Float {
        var bar = start
        while touched.lazy.filter({ scores[$0] >= bar }).count > limit { bar *= 1.5 }
        return bar
    }

    @Test func oneCountingPassFindsTheStepwiseBar() {
        var state: UInt64 = 5
        func next() -> Float { state &+= 0x9E37_79B9_7F4A_7C15; return Float(mix(state) % 1_000_000) / 1_000_000 }
        for (n, limit) in [(0, 4), (3, 4), (50, 4), (400, 20), (5_000, 120), (5_000, 0)] {
            // Scores spread over several steps, some exactly on a step, some nodes untouched.
            var scores = (0..<n).map { _ in next() * next() * 3 }
            for k in stride(from: 0, to: n, by: 7) { scores[k] = 0.04 * 1.5 * 1.5 }
            let touched = (0..<n).filter { _ in next() < 0.8 }
            let bar = StoryClusterer.raisedBar(start: 0.04, limit: limit, scores: touched.map { scores[$0] })
            #expect(bar == stepwise(start: 0.04, limit: limit, scores: scores, touched: touched), "n \(n), limit \(limit)")
            #expect(touched.filter { scores[$0] >= bar }.count <= limit)
        }
    }
}

/// Average linkage as written in a textbook: at each step every pair of clusters is scored and the
/// best merged (ties to the lowest pair), until none reaches the threshold.
private func plainAverageLink(count n: Int, edges: [AverageLink.Edge], threshold: Double) -> [Int] {
    var sum = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for e in edges where e.a != e.b {
        sum[e.a][e.b] += e.similarity
        sum[e.b][e.a] += e.similarity
    }
    var members = (0..<n).map { [$0] }
    var parent = Array(0..<n)
    while true {
        var best: (score: Double, a: Int, b: Int)? = nil
        for a in 0..<n where !members[a].isEmpty {
            for b in (a + 1)..<max(a + 1, n) where !members[b].isEmpty && sum[a][b] > 0 {
                let score = sum[a][b] / Double(members[a].count * members[b].count)
                if score >= threshold, best == nil || score > best!.score { best = (score, a, b) }
            }
        }
        guard let (_, a, b) = best else { break }
        for c in 0..<n { sum[a][c] += sum[b][c]; sum[c][a] = sum[a][c] }
        members[a] += members[b]
        members[b] = []
        parent[b] = a
    }
    return AverageLink.lowestNodeLabels(parent)
}

@Suite struct PairFeatureNameTests {
    /// The names model files and pair dumps use (`scripts/bench_story_quality.py` reads and writes them).
    @Test func featuresAreNamedInSnakeCase() {
        #expect(
            PairFeature.allCases.map(\.name) == [
                "cosine", "names", "years_shared", "years_apart", "numbers_shared", "numbers_apart", "dates_shared", "dates_apart"
            ])
    }
}
