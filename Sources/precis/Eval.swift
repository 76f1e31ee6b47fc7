import ArgumentParser
import Foundation
import Precis
import PrecisEval
import PrecisExtract
import PrecisFacts
import PrecisJSON
import PrecisStories
import PrecisText

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure Precis on benchmark data.",
        subcommands: [EvalRouge.self, EvalExtract.self, EvalStories.self, EvalTimes.self, EvalDating.self, EvalQuotes.self, EvalClusters.self]
    )
}

struct EvalRouge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rouge",
        abstract: "Summarise every cluster of a data set and print mean ROUGE (x100) and the time spent.",
        discussion: """
            The data is JSON Lines: {"id", "documents": [string, ...], "references": [string, ...]}. \
            Scores follow Google's rouge-score with Porter stemming; each summary is scored one sentence per \
            line (for ROUGE-Lsum) and cut to --truncate words; references are split into sentences by Precis.
            """
    )

    @Option(help: ArgumentHelp("JSON Lines file of clusters with references.", valueName: "file.jsonl"))
    var data: String

    @Option(help: "Word budget of each summary.")
    var words: Int = 250

    @Option(help: "Words each summary is cut to before scoring (default: the budget).")
    var truncate: Int?

    @Flag(help: "Print recall (DUC style) instead of F1.")
    var recall = false

    @Option(help: "Score only the first N clusters.")
    var limit: Int?

    @Option(name: .customLong("max-documents"), help: "Use only the first N documents of each cluster.")
    var maxDocuments: Int?

    @Option(help: ArgumentHelp("Write each cluster's scored summary and references to this JSON Lines file.", valueName: "file.jsonl"))
    var dump: String?

    func validate() throws {
        guard words > 0 else { throw ValidationError("--words must be a positive number.") }
        if let truncate, truncate <= 0 { throw ValidationError("--truncate must be a positive number.") }
        if let limit, limit <= 0 { throw ValidationError("--limit must be a positive number.") }
        if let maxDocuments, maxDocuments <= 0 { throw ValidationError("--max-documents must be a positive number.") }
    }

    func run() throws {
        let set: (clusters: [ReferenceCluster], skipped: [SkippedInput])
        do {
            set = try MultiDocumentSet.read(data, limit: limit)
        } catch let skipped as SkippedInput {
            throw Console.fail("\(skipped.origin) \(skipped.reason)")
        }
        for s in set.skipped { Console.warn(s.warning) }
        guard !set.clusters.isEmpty else {
            throw Console.fail("\(data) holds no clusters with documents and references.")
        }
        var clusters = set.clusters
        if let maxDocuments {
            for i in clusters.indices { clusters[i].documents = Array(clusters[i].documents.prefix(maxDocuments)) }
        }
        let pipeline = Pipeline()
        let analyzer = TextAnalyzer()
        let budget = SummaryBudget.words(words)
        var dumpText = ""
        let evaluation = RougeEvaluation(truncateTo: truncate ?? words)
        let report = evaluation.run(
            clusters,
            summarize: { documents in
                let raw = documents.enumerated().map { RawDocument(origin: "#\($0.offset)", format: .text, content: $0.element) }
                let cluster = Cluster(id: .null, origin: data, documents: raw)
                return pipeline.summarize(cluster: cluster, budget: budget, analyzer: analyzer).sentences.map(\.text)
            },
            onCluster: { cluster, prediction, references in
                guard dump != nil else { return }
                dumpText += RougeReport.dumpLine(id: cluster.id, prediction: prediction, references: references)
            })
        if let dump { try Console.write(dumpText, to: dump) }
        Console.out(report.text(words: words, truncatedTo: truncate ?? words, recall: recall))
    }
}

struct EvalExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Score main-content extraction on a benchmark set (shingle P/R/F1, ROUGE-LSum, or snippets).",
        discussion: """
            DIR is one of the sets in ../shared/data/extraction/ (CleanEval layout, L3S-GN1, or \
            trafilatura's evaldata.subset.json). Without --predictions, Precis extracts every page and \
            reports pages per second of CPU; with --predictions FILE.jsonl ({"page", "text"} per line), \
            another extractor's output is scored by the same code.
            """
    )

    @Option(help: ArgumentHelp("The extraction set's directory.", valueName: "dir"))
    var data: String

    @Option(help: ArgumentHelp("Score these extracted texts instead of running Precis.", valueName: "file.jsonl"))
    var predictions: String?

    @Option(help: ArgumentHelp("Write Precis's output per page ({\"page\", \"file\", \"text\"}) to this file.", valueName: "file.jsonl"))
    var dump: String?

    @Option(
        name: .customLong("repeat"),
        help: ArgumentHelp(
            "Extract the set this many times and report the fastest run's CPU time (the least disturbed by other work on the machine).", valueName: "n"))
    var repeatCount = 1

    @Option(help: ArgumentHelp("Write each page's scores ({\"page\", \"precision\", \"recall\"}) to this file.", valueName: "file.jsonl"))
    var perPage: String?

    func run() throws {
        let pages: [ExtractionPage]
        do {
            pages = try ExtractionSet.read(data)
        } catch let skipped as SkippedInput {
            throw Console.fail("\(skipped.origin) \(skipped.reason)")
        }
        guard !pages.isEmpty else { throw Console.fail("\(data) holds no pages with gold text.") }
        var texts: [String: String] = [:]
        var cpu = 0.0
        if let predictions {
            do { texts = try ExtractionEvaluation.readPredictions(predictions) } catch let skipped as SkippedInput {
                throw Console.fail("\(skipped.origin) \(skipped.reason)")
            }
        } else {
            let run = ExtractionEvaluation.run(pages, repeatCount: repeatCount)
            texts = run.texts
            cpu = run.cpuSeconds
            if let dump { try Console.write(ExtractionEvaluation.dumpLines(run), to: dump) }
        }
        let report = ExtractionEvaluation.score(pages, predictions: texts)
        if let perPage { try Console.write(ExtractionEvaluation.perPageLines(report), to: perPage) }
        var out = "pages: \(report.pages)   set: \(data)   extractor: \(predictions ?? "precis")\n"
        if let s = report.shingle {
            out += String(format: "shingle F1 %.3f  P %.3f  R %.3f   ROUGE-LSum F1 %.3f\n", s.f1, s.precision, s.recall, report.rougeLsum ?? 0)
        }
        if let s = report.snippets {
            out += String(format: "snippets F1 %.3f  P %.3f  R %.3f  accuracy %.3f\n", s.f1, s.precision, s.recall, s.accuracy)
        }
        if predictions == nil {
            let runs = repeatCount > 1 ? " (fastest of \(repeatCount) runs)" : ""
            out += String(format: "extraction: %.3f s CPU", cpu) + runs + String(format: ", %.0f pages per second\n", Double(pages.count) / max(cpu, 1e-9))
        }
        Console.out(out)
    }
}

struct EvalStories: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Shuffle the documents of a labelled set, group them into stories, and score the stories.",
        discussion: """
            The data is JSON Lines, either clusters ({"id", "documents": [...]}, e.g. a Multi-News file: each \
            cluster is one gold story) or one document per line with its story ({"text", "story_id"}, e.g. \
            ECB+). Documents are shuffled with --seed, extracted, and clustered in that order. Scores are \
            B-cubed and pairwise precision, recall and F1, over all documents (each non-article a story of its \
            own) and over the articles only.
            """
    )

    @Option(help: ArgumentHelp("Labelled JSON Lines file.", valueName: "file.jsonl"))
    var data: String

    @Option(help: "Seed of the shuffle; each seed gives one fixed order.")
    var seed: UInt64 = 1

    @Flag(help: "Cluster one document at a time, as a stream (term weights from the documents seen so far).")
    var streaming = false

    @Option(name: .customLong("join"), help: "Override the join threshold (cosine, article to story).")
    var joinThreshold: Double?

    @Option(name: .customLong("merge"), help: "Override the merge threshold (cosine, story to story).")
    var mergeThreshold: Double?

    @Option(help: ArgumentHelp("Write each document's gold and predicted story to this JSON Lines file.", valueName: "file.jsonl"))
    var dump: String?

    @Option(name: .customLong("link"), help: "Override the batch threshold (mean similarity between two stories).")
    var batchThreshold: Double?

    @Option(name: .customLong("name-weight"), help: "Override the weight of capitalised words.")
    var nameWeight: Double?

    @Option(name: .customLong("day-window"), help: "Override how many days apart two dated articles still count as one moment.")
    var dayWindow: Int?

    @Option(name: .customLong("day-half-life"), help: "Override the days over which a pair's score halves beyond the window (0: no fading).")
    var dayHalfLife: Double?

    func run() throws {
        let set: (documents: [LabelledDocument], skipped: [SkippedInput])
        do {
            set = try StorySet.read(data)
        } catch let skipped as SkippedInput {
            throw Console.fail("\(skipped.origin) \(skipped.reason)")
        }
        for s in set.skipped { Console.warn(s.warning) }
        guard !set.documents.isEmpty else { throw Console.fail("\(data) holds no labelled documents.") }
        var options = StoryOptions()
        if let joinThreshold { options.joinThreshold = joinThreshold }
        if let mergeThreshold { options.mergeThreshold = mergeThreshold }
        if let batchThreshold { options.batchThreshold = batchThreshold }
        if let nameWeight { options.nameWeight = Float(nameWeight) }
        if let dayWindow { options.dayWindow = max(0, dayWindow) }
        if let dayHalfLife { options.dayHalfLife = dayHalfLife > 0 ? dayHalfLife : .infinity }
        let r = StoryEvaluation(options: options).run(set.documents, seed: seed, streaming: streaming)
        if let dump { try Console.write(r.dumpLines(origins: set.documents.map(\.raw.origin)), to: dump) }
        Console.out(r.text(seed: seed))
    }
}

struct EvalTimes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "times",
        abstract: "Score time expressions against TimeML (TimeBank, AQUAINT, MEANTIME): spans, types and values.",
        discussion: """
            DATA is a file or a directory searched recursively for .tml files (TimeML with inline tags, as \
            TimeBank and AQUAINT) and .xml files (CAT stand-off with tokens, as MEANTIME; the text is rebuilt \
            from the tokens and the creation-time mention left out of it). Each document is tagged with \
            its creation time as the anchor. Prints strict and relaxed span P/R/F1 and, over relaxed \
            matches, type and value F1 (as TempEval-3 reports them), x100.
            """
    )

    @Option(help: ArgumentHelp("A TimeML or MEANTIME file, or a directory of them.", valueName: "path"))
    var data: String

    @Option(
        help: ArgumentHelp(
            "Write every missed or spurious expression, and every found one whose value or span differs from the gold one, to this JSON Lines file.",
            valueName: "file.jsonl"))
    var dump: String?

    func run() throws {
        let documents = try readTimeML(data)
        var misses = ""
        let r = TimeEvaluation.run(documents) { doc, gold, found in
            guard dump != nil else { return }
            misses +=
                JSONOutput.object([
                    ("document", .string(doc.name)),
                    ("gold", gold.map { .object([("text", .string($0.text)), ("type", .string($0.type)), ("value", .string($0.value))]) } ?? .null),
                    ("found", found.map { .object([("text", .string($0.text)), ("type", .string($0.type.rawValue)), ("value", .optional($0.value))]) } ?? .null)
                ]).serialized() + "\n"
        }
        if let dump {
            try Console.write(misses, to: dump)
        }
        func row(_ name: String, _ s: (p: Double, r: Double, f: Double)) -> String {
            name.padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: "P %5.1f  R %5.1f  F1 %5.1f\n", 100 * s.p, 100 * s.r, 100 * s.f)
        }
        var out = "documents: \(r.documents)   gold: \(r.gold)   found: \(r.predicted)\n"
        out += row("strict", r.strict) + row("relaxed", r.relaxed) + row("type", r.type) + row("value", r.value)
        out += String(format: "tagging: %.3f s CPU\n", r.seconds)
        Console.out(out)
    }
}

/// The TimeML or MEANTIME documents under `path`, or a clear error when there are none.
func readTimeML(_ path: String, wholeText: Bool = false) throws -> [TimeMLDocument] {
    let documents: [TimeMLDocument]
    do { documents = try TimeMLSet.read(path, wholeText: wholeText) } catch let skipped as SkippedInput {
        throw Console.fail("\(skipped.origin) \(skipped.reason)")
    }
    guard !documents.isEmpty else { throw Console.fail("\(path) holds no TimeML documents.") }
    return documents
}

struct EvalDating: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dating",
        abstract: "Date articles whose creation date is hidden, from their text and their corpus (MEANTIME, TimeML).",
        discussion: """
            DATA is read as by 'eval times' (whole texts). Each article's creation date is hidden in turn \
            and inferred from its text and the other articles of its folder (their dates known). Prints the \
            share of articles whose inferred range holds the true date, how many got no range, the median \
            width of the closed ranges, and the median distance of the day each is ordered by.
            """
    )

    @Option(help: ArgumentHelp("A TimeML or MEANTIME file, or a directory of them.", valueName: "path"))
    var data: String

    @Option(help: ArgumentHelp("Write each article's true date and inferred range to this JSON Lines file.", valueName: "file.jsonl"))
    var dump: String?

    func run() throws {
        let documents = try readTimeML(data, wholeText: true)
        var lines = ""
        let r = DatingEvaluation.run(documents) { doc, inferred in
            guard dump != nil else { return }
            lines +=
                JSONOutput.object([
                    ("document", .string(doc.name)), ("corpus", .string(doc.corpus)),
                    ("date", .optional(doc.creationDate?.description)),
                    ("inferred", inferred?.json ?? .null)
                ]).serialized() + "\n"
        }
        if let dump {
            try Console.write(lines, to: dump)
        }
        func share(_ n: Int, _ of: Int) -> String { of == 0 ? "-" : String(format: "%.1f%%", 100 * Double(n) / Double(of)) }
        var out = "articles: \(r.documents)   given a range: \(r.dated)   no range: \(r.noRange)\n"
        out += "range holds the true date: \(r.holding) of \(r.dated) (\(share(r.holding, r.dated)); \(share(r.holding, r.documents)) of all articles)\n"
        out += "closed ranges: \(r.widths.count), median width \(r.medianWidth.map { "\($0) days" } ?? "-")   open on one side: \(r.halfOpen)\n"
        out += "day ordered by: median \(r.medianEstimateError.map { "\($0) days" } ?? "-") from the true date\n"
        Console.out(out)
    }
}

struct EvalQuotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Score attributions (speaker, cue, content spans) against PolNeAR.",
        discussion: """
            DATA is a PolNeAR split directory (text/ and attributions/, e.g. ../shared/data/quotes/polnear/data/dev). \
            Prints exact-match and overlap P/R/F1 x100 for the Source (speaker mention), Cue and Content spans.
            """
    )

    @Option(help: ArgumentHelp("A PolNeAR split directory.", valueName: "dir"))
    var data: String

    @Option(help: ArgumentHelp("Train the attribution tagger on this PolNeAR split first and score with it.", valueName: "dir"))
    var train: String?

    @Option(
        help: ArgumentHelp(
            "Write the trained tagger here (the shipped one is Sources/PrecisFacts/Resources/en/attribution.model.1 to .8, written with --parts 8).",
            valueName: "file"))
    var saveModel: String?

    @Option(help: ArgumentHelp("Write what was found in each document as JSON lines.", valueName: "file"))
    var dump: String?

    @Option(
        name: .customLong("model"),
        help: ArgumentHelp(
            "Score with the attribution tagger in this file (or in its parts file.1, file.2, ...) instead of the shipped one.", valueName: "file"))
    var modelFile: String?

    @Option(help: ArgumentHelp("What counts: every attribution as PolNeAR annotates it, or reported speech as digests show it."))
    var reading: QuoteFinder.Reading = .attributions

    @Option(help: "Write --save-model as this many files FILE.1 ... FILE.N (the shipped tagger is in 8).")
    var parts = 1

    @Option(help: "Training passes (the shipped tagger had 10).")
    var epochs = 10

    @Option(help: "Slices of the training documents for the second pass's first-pass tags (1: one pass only; the shipped tagger had 5).")
    var folds = 5

    @Option(help: "Feature hash buckets (the shipped tagger has 65536).")
    var buckets = 1 << 16

    @Option(
        help: ArgumentHelp(
            "With --train: word classes (written by `precis eval clusters --save`) for the tagger's features; the model keeps them.", valueName: "file"))
    var clusters: String?

    func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be a positive number.") }
        guard (1...100).contains(folds) else { throw ValidationError("--folds must be between 1 and 100.") }
        guard (1...64).contains(parts) else { throw ValidationError("--parts must be between 1 and 64.") }
        guard (1...(1 << 24)).contains(buckets) else { throw ValidationError("--buckets must be between 1 and 16777216.") }
        guard clusters == nil || train != nil else { throw ValidationError("--clusters is read while training: give --train too.") }
    }

    func run() throws {
        func read(_ path: String) throws -> [AttributionDocument] {
            let documents: [AttributionDocument]
            do { documents = try AttributionSet.read(path) } catch let skipped as SkippedInput {
                throw Console.fail("\(skipped.origin) \(skipped.reason)")
            }
            guard !documents.isEmpty else { throw Console.fail("\(path) holds no annotated documents.") }
            return documents
        }
        let documents = try read(data)
        var finder = QuoteFinder()
        finder.reading = reading
        do {
            if let modelFile { finder.model = try AttributionEvaluation.loadModel(modelFile) }
            if let train {
                let started = Date()
                let classes = try clusters.map(AttributionEvaluation.loadClusters)
                let model = AttributionEvaluation.train(try read(train), epochs: epochs, buckets: buckets, folds: folds, clusters: classes)
                Console.warn(String(format: "trained on %@ in %.1f s", train, Date().timeIntervalSince(started)))
                if let saveModel {
                    for (path, bytes) in try AttributionEvaluation.save(model, to: saveModel, parts: parts) {
                        Console.warn("wrote \(path) (\(bytes) bytes)")
                    }
                }
                finder.model = model
            }
        } catch let problem as AttributionEvaluation.FileProblem {
            throw Console.fail(problem.message)
        }
        let r = AttributionEvaluation.run(documents, finder: finder)
        if let dump { try Console.write(AttributionEvaluation.dumpLines(documents, found: r.found), to: dump) }
        var out = "documents: \(r.documents)\n"
        for (name, role) in [("source", r.source), ("cue", r.cue), ("content", r.content)] {
            let e = role.exactScore, o = role.overlapScore
            out +=
                name.padding(toLength: 9, withPad: " ", startingAt: 0)
                + String(
                    format: "exact P %5.1f R %5.1f F1 %5.1f   overlap P %5.1f R %5.1f F1 %5.1f   (gold %d, found %d)\n",
                    100 * e.p, 100 * e.r, 100 * e.f, 100 * o.p, 100 * o.r, 100 * o.f, role.gold, role.predicted)
        }
        out += String(format: "finding: %.3f s CPU\n", r.seconds)
        Console.out(out)
    }
}

struct EvalClusters: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Learn word classes from unlabelled text for the attribution tagger.",
        discussion: """
            ARTICLES are read as by `precis summarize` (text, JSON and JSON Lines; HTML pages are skipped). \
            Words seen at least --min-count times are grouped by the words around them; --save writes the \
            classes for `precis eval quotes --train ... --clusters FILE`.
            """
    )

    @Argument(help: ArgumentHelp("Files or directories of unlabelled text.", valueName: "articles"))
    var articles: [String]

    @Option(help: ArgumentHelp("Write the classes here.", valueName: "file"))
    var save: String?

    @Option(help: ArgumentHelp("Classes at each granularity, comma-separated.", valueName: "k,k,..."))
    var levels = "64,256,1024"

    @Option(name: .customLong("min-count"), help: "Least number of times a word is seen to get a class.")
    var minCount = 5

    @Option(help: "Context words (the most frequent tokens) that describe a word.")
    var contexts = 1000

    @Option(help: ArgumentHelp("Print the words sharing the finest class of each of these words.", valueName: "word,word,..."))
    var show: String?

    var counts: [Int] { levels.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) ?? 0 } }

    func validate() throws {
        guard !counts.isEmpty, counts.count <= 8, counts.allSatisfy({ (2...60_000).contains($0) }) else {
            throw ValidationError("--levels must be one to eight class counts between 2 and 60000, e.g. 64,256,1024.")
        }
        guard minCount > 0 else { throw ValidationError("--min-count must be a positive number.") }
        guard (1...100_000).contains(contexts) else { throw ValidationError("--contexts must be between 1 and 100000.") }
    }

    func run() throws {
        let intake = InputReader().read(paths: articles)
        for skipped in intake.skipped { Console.warn("skipped \(skipped)") }
        let documents = intake.documents + intake.clusters.flatMap(\.documents)
        let texts = documents.filter { $0.format == .text }.map(\.content)
        if texts.count < documents.count { Console.warn("skipped \(documents.count - texts.count) HTML documents") }
        guard !texts.isEmpty else { throw Console.fail("no text to learn from") }
        let started = Date()
        let clusters = WordClusters.learn(texts: texts, levels: counts, minCount: minCount, contexts: contexts)
        Console.warn(
            String(
                format: "%d words in classes of %@ from %d texts in %.1f s", clusters.count, levels, texts.count,
                Date().timeIntervalSince(started)))
        if let show {
            var vocabulary = Set<String>()
            for t in texts { vocabulary.formUnion(WordClusters.words(in: t)) }
            let fine = counts.count - 1
            for word in show.split(separator: ",").map(String.init) {
                guard let c = clusters.cluster(of: word, level: fine) else { Console.out("\(word): no class\n"); continue }
                let mates = vocabulary.filter { clusters.cluster(of: $0, level: fine) == c }.sorted().prefix(40)
                Console.out("\(word) [\(c)]: \(mates.joined(separator: " "))\n")
            }
        }
        if let save {
            guard FileManager.default.createFile(atPath: save, contents: Data(clusters.serialized())) else {
                throw Console.fail("cannot write \(save)")
            }
        }
    }
}
