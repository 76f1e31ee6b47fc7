import ArgumentParser
import Foundation
import Precis
import PrecisText
import PrecisEval

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Precis on benchmark data.",
        subcommands: [EvalRouge.self]
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
        for s in set.skipped { Console.warn("skipped \(s.origin): \(s.reason)") }
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
        let report = evaluation.run(clusters, summarize: { documents in
            let raw = documents.enumerated().map { RawDocument(origin: "#\($0.offset)", format: .text, content: $0.element) }
            let cluster = Cluster(id: .null, origin: data, documents: raw)
            return pipeline.summarize(cluster: cluster, budget: budget, analyzer: analyzer).sentences.map(\.text)
        }, onCluster: { cluster, prediction, references in
            guard dump != nil else { return }
            let line = JSONOutput.object([("id", JSONOutput(cluster.id)), ("prediction", .string(prediction)),
                                          ("references", .array(references.map { .string($0) }))])
            dumpText += line.serialized() + "\n"
        })
        if let dump {
            do {
                try dumpText.write(toFile: dump, atomically: true, encoding: .utf8)
            } catch {
                throw Console.fail("cannot write \(dump): \(error.localizedDescription)")
            }
        }
        let measure = recall ? "recall" : "F1"
        var out = "clusters: \(report.clusters)   budget: \(words) words, cut at \(truncate ?? words)   \(measure) x100, Porter-stemmed\n"
        out += RougeType.allCases.map { $0.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0) }.joined() + "\n"
        out += RougeType.allCases.map { type -> String in
            let s = report.mean[type] ?? RougeScore.zero
            return String(format: "%-11.2f", 100 * (recall ? s.recall : s.f1))
        }.joined() + "\n"
        out += String(format: "summarize: %.3f s CPU (%.2f ms per cluster); with scoring: %.2f s wall\n",
                      report.summarizeCPUSeconds, 1000 * report.summarizeCPUSeconds / Double(report.clusters), report.wallSeconds)
        Console.out(out)
    }
}
