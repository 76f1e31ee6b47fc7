import Foundation
import PrecisExtract
import PrecisIngest
import PrecisJSON
import PrecisStories

/// A document with its gold story, for scoring story clustering.
public struct LabelledDocument: Sendable {
    public var raw: RawDocument
    public var story: String
}

public enum StorySet {
    /// Reads labelled documents from a JSON Lines file in either of two shapes:
    /// - clusters, as multi-document summarisation sets hold them (`{"id", "documents": [...]}`): each
    ///   cluster is a story;
    /// - one document per line with its story (`{"text"|"html", "story_id"|"story"}`, as the ECB+ set
    ///   here holds them); with `"first_line_is_url": true` the first line (the page's address, whose
    ///   words would give the story away) is left out.
    public static func read(_ path: String) throws -> (documents: [LabelledDocument], skipped: [SkippedInput]) {
        var documents: [LabelledDocument] = []
        var skipped: [SkippedInput] = []
        let reader = InputReader(maxDocumentBytes: 256 * 1_048_576)
        try reader.forEachJSONLine(inFile: path) { line, result in
            let origin = "\(path):\(line)"
            switch result {
            case .failure(let s):
                skipped.append(s)
            case .success(let value):
                if case .array(let items)? = value["documents"] {
                    let story = value["id"].map(label) ?? "line \(line)"
                    for (k, item) in items.enumerated() {
                        if let raw = reader.article(from: item, origin: "\(origin)#\(k)") {
                            documents.append(LabelledDocument(raw: raw, story: story))
                        } else {
                            skipped.append(SkippedInput(origin: "\(origin)#\(k)", reason: "is neither a string nor an article object"))
                        }
                    }
                } else if let storyValue = value["story_id"] ?? value["story"], var raw = reader.article(from: value, origin: origin) {
                    if case .bool(true)? = value["first_line_is_url"], let newline = raw.content.firstIndex(of: "\n") {
                        raw.content = String(raw.content[raw.content.index(after: newline)...])
                    }
                    documents.append(LabelledDocument(raw: raw, story: label(storyValue)))
                } else {
                    skipped.append(SkippedInput(origin: origin, reason: "needs \"documents\", or \"text\"/\"html\" with \"story_id\""))
                }
            }
        }
        return (documents, skipped)
    }

    private static func label(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .integer(let n): return String(n)
        default: return value.display
        }
    }
}

/// What `precis eval stories` reports.
public struct StoryReport: Sendable {
    public var documents: Int
    public var goldStories: Int
    public var predictedStories: Int
    /// Documents judged not to be articles (no text, or too little), each left unclustered.
    public var nonArticles: Int
    public var duplicates: Int
    /// Scores over every document, each non-article counted as a story of its own.
    public var bcubed: ClusteringScore
    public var pairwise: ClusteringScore
    /// Scores over the articles only (non-articles left out of the gold and the prediction).
    public var bcubedArticles: ClusteringScore
    public var pairwiseArticles: ClusteringScore
    public var seconds: Double
    /// Each document in the order clustered: its index in the set, its gold story and where it went.
    public var placements: [(document: Int, gold: String, assignment: StoryAssignment)] = []

    /// The report `precis eval stories` prints: the counts, B-cubed and pairwise scores over all
    /// documents and over the articles only, and the time spent.
    public func text(seed: UInt64) -> String {
        var out = "documents: \(documents)   gold stories: \(goldStories)   predicted stories: \(predictedStories)   "
        out += "non-articles: \(nonArticles)   near-copies: \(duplicates)   seed: \(seed)\n"
        func row(_ name: String, _ b: ClusteringScore, _ p: ClusteringScore) -> String {
            name.padding(toLength: 15, withPad: " ", startingAt: 0)
                + String(
                    format: "B-cubed P %.3f R %.3f F1 %.3f   pairwise P %.3f R %.3f F1 %.3f\n",
                    b.precision, b.recall, b.f1, p.precision, p.recall, p.f1)
        }
        out += row("all documents", bcubed, pairwise)
        out += row("articles only", bcubedArticles, pairwiseArticles)
        out += String(format: "extract + cluster: %.3f s CPU, %.0f documents per second\n", seconds, Double(documents) / max(seconds, 1e-9))
        return out
    }

    /// The `--dump` file: one line per document in the order clustered, with its gold story, the
    /// story it went to, the document it is a near-copy of, why it was skipped, and its origin
    /// (`origins`, by index in the set).
    public func dumpLines(origins: [String]) -> String {
        var text = ""
        for p in placements {
            let a = p.assignment
            text +=
                JSONOutput.object([
                    ("document", .int(p.document)), ("gold", .string(p.gold)),
                    ("story", a.story.map { .int($0) } ?? .null),
                    ("duplicate_of", a.duplicateOf.map { .int(placements[$0].document) } ?? .null),
                    ("skipped", a.skipReason.map { .string($0) } ?? .null),
                    ("origin", .string(origins[p.document]))
                ]).serialized() + "\n"
        }
        return text
    }
}

public struct StoryEvaluation {
    public var options: StoryOptions
    public var extractor = ArticleExtractor()

    /// Pairs dumped for fitting the pair model go here (see `run`), when set.
    public var pairDump: String?

    /// With PRECIS_STORY_MODEL naming a model file (see `PairModel.init(text:)`), its weights and
    /// threshold replace those of `options`; with PRECIS_STORY_PAIRS naming a file, `run` writes the
    /// candidate pairs there. Both serve `scripts/bench_story_quality.py`, which fits the model on one
    /// half of a dev set and scores it on the other through `precis eval stories`.
    public init(options: StoryOptions = StoryOptions(), environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        if let path = environment["PRECIS_STORY_MODEL"], let text = try? String(contentsOfFile: path, encoding: .utf8),
            let model = PairModel(text: text)
        {
            self.options.pairModel = model
            self.options.batchThreshold = model.threshold
        }
        pairDump = environment["PRECIS_STORY_PAIRS"]
    }

    /// Shuffles the documents with a fixed seed (the same order on every run and machine), clusters
    /// them in that order (as one batch, or one at a time with `streaming`), and scores the stories against the gold ones.
    public func run(_ documents: [LabelledDocument], seed: UInt64, streaming: Bool = false) -> StoryReport {
        let order = Self.shuffled(Array(documents.indices), seed: seed)
        let start = cpuSeconds()
        let inputs = order.map { k -> StoryDocument in
            switch extractor.extract(documents[k].raw) {
            case .success(let article): return StoryDocument(text: article.text, title: article.title, date: article.date)
            // No article text: the clusterer records it as a non-article.
            case .failure: return StoryDocument(text: "")
            }
        }
        if let pairDump {
            // One line per candidate pair: 1 when the two share a gold story, then the features.
            let names: [String] = PairFeature.allCases.map { $0.name }
            var text = "same\t" + names.joined(separator: "\t") + "\n"
            for pair in StoryClusterer.candidatePairs(inputs, options: options) {
                let same: Bool = documents[order[pair.a]].story == documents[order[pair.b]].story
                let values: [String] = pair.features.map { String($0) }
                text += (same ? "1\t" : "0\t") + values.joined(separator: "\t") + "\n"
            }
            try? text.write(toFile: pairDump, atomically: true, encoding: .utf8)
        }
        let assignments: [StoryAssignment]
        if streaming {
            let clusterer = StoryClusterer(options: options)
            for input in inputs { clusterer.add(input) }
            assignments = clusterer.assignments
        } else {
            assignments = StoryClusterer.cluster(inputs, options: options)
        }
        let seconds = cpuSeconds() - start

        var gold: [String] = [], predicted: [String] = []
        var goldArticles: [String] = [], predictedArticles: [String] = []
        for (position, k) in order.enumerated() {
            let a = assignments[position]
            gold.append(documents[k].story)
            if let story = a.story {
                predicted.append("s\(story)")
                goldArticles.append(documents[k].story)
                predictedArticles.append("s\(story)")
            } else {
                predicted.append("none\(position)")
            }
        }
        return StoryReport(
            documents: documents.count,
            goldStories: Set(gold).count,
            predictedStories: Set(assignments.compactMap(\.story)).count,
            nonArticles: assignments.filter { $0.story == nil }.count,
            duplicates: assignments.filter { $0.duplicateOf != nil }.count,
            bcubed: .bcubed(gold: gold, predicted: predicted),
            pairwise: .pairwise(gold: gold, predicted: predicted),
            bcubedArticles: .bcubed(gold: goldArticles, predicted: predictedArticles),
            pairwiseArticles: .pairwise(gold: goldArticles, predicted: predictedArticles),
            seconds: seconds,
            placements: order.enumerated().map { ($0.element, documents[$0.element].story, assignments[$0.offset]) })
    }

    /// Fisher–Yates with SplitMix64: a permutation that depends on the seed only.
    public static func shuffled<T>(_ items: [T], seed: UInt64) -> [T] {
        var items = items
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            items.swapAt(i, j)
        }
        return items
    }
}
