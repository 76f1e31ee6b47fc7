import ArgumentParser
import Foundation
import Precis
import PrecisJSON
import PrecisText

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarise articles about one story; every sentence cites its source.",
        discussion: """
            Sentences are taken from the sources as they stand (extractive) and marked with the number of \
            their source, e.g. [2], in the text and markdown forms. In JSON, each sentence gives its \
            0-based `document` index and `start`/`end` offsets into that document's clean `text`, counted \
            in Unicode scalars (code points). With --batch, each line of a JSON Lines file holding \
            {"id": ..., "documents": [string, ...]} gets one JSON line {"id", "summary", "sentences"} back, \
            in input order.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Word budget: the summary never has more words (white-space separated); default 150.")
    var words: Int?

    @Option(help: "Number of sentences, instead of a word budget.")
    var sentences: Int?

    @Option(help: "Output form: text, markdown, json or html.")
    var format: DigestFormat = .text

    @Option(help: ArgumentHelp("Summarise each cluster of this JSON Lines file; writes JSON Lines.", valueName: "file.jsonl"))
    var batch: String?

    @Option(
        help: ArgumentHelp(
            "With --batch, clusters summarised at once (default: one per processor core). Output order and content do not depend on it.", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if words != nil && sentences != nil {
            throw ValidationError("Use either --words or --sentences, not both.")
        }
        if let words, words <= 0 { throw ValidationError("--words must be a positive number.") }
        if let sentences, sentences <= 0 { throw ValidationError("--sentences must be a positive number.") }
        if let jobs, jobs <= 0 { throw ValidationError("--jobs must be a positive number.") }
        if jobs != nil && batch == nil { throw ValidationError("--jobs applies to --batch only.") }
        if batch != nil && !input.inputs.isEmpty {
            throw ValidationError("--batch reads its clusters from one file; give no other inputs with it.")
        }
    }

    var budget: SummaryBudget {
        if let sentences { return .sentences(sentences) }
        return .words(words ?? 150)
    }

    func run() throws {
        if let batch {
            try runBatch(batch)
            return
        }
        let reader = InputReader(maxDocumentBytes: input.maxBytes)
        var intake = reader.read(paths: try input.resolvedInputs())
        var raw = intake.documents
        if !intake.clusters.isEmpty {
            if intake.clusters.count == 1 && raw.isEmpty {
                raw = intake.clusters[0].documents
            } else {
                input.report(intake)
                throw Console.fail("the input holds \(intake.clusters.count) clusters; use --batch FILE.jsonl to summarise each one.")
            }
        }
        let pipeline = Pipeline()
        let outcome = pipeline.digest(raw, budget: budget)
        intake.skipped += outcome.skipped
        guard !outcome.digest.documents.isEmpty else {
            throw input.nothingLeft(intake, doing: "summarise")
        }
        input.report(intake)
        Console.out(DigestRenderer.render(outcome.digest, as: format))
    }

    static func batchLine(id: JSONValue, sentences: [Digest.CitedSentence], error: String?) -> String {
        var pairs: [(String, JSONOutput)] = [
            ("id", JSONOutput(id)),
            ("summary", .string(sentences.map(\.shown).joined(separator: " "))),
            ("sentences", .array(sentences.map(\.json)))
        ]
        if let error { pairs.append(("error", .string(error))) }
        return JSONOutput.object(pairs).serialized()
    }

    func runBatch(_ path: String) throws {
        if format != .text && format != .json {
            throw Console.fail("--batch writes JSON Lines; leave out --format or use --format json.")
        }
        let reader = InputReader(maxDocumentBytes: input.maxBytes)
        let pipeline = Pipeline()
        let budget = self.budget, quiet = input.quiet
        var clusters = 0
        var output = Console.Output()
        // Each cluster gives its output line and the warnings to print before it, in input order.
        var batch = ParallelBatch<Result<Cluster, SkippedInput>, TextAnalyzer, (line: String, warnings: [String])>(
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, makeState: { TextAnalyzer() },
            work: { result, analyzer in
                switch result {
                case .success(let cluster):
                    let (sentences, skipped) = pipeline.summarize(cluster: cluster, budget: budget, analyzer: analyzer)
                    return (
                        Self.batchLine(
                            id: cluster.id, sentences: sentences,
                            error: sentences.isEmpty ? "no document of this cluster held article text" : nil),
                        quiet ? [] : skipped.map(\.warning)
                    )
                case .failure(let skipped):
                    return (
                        Self.batchLine(id: .null, sentences: [], error: "\(skipped.origin) \(skipped.reason)"),
                        quiet ? [] : [skipped.warning]
                    )
                }
            })
        func emit(_ done: (line: String, warnings: [String])) {
            if !done.warnings.isEmpty { output.flush() }
            for w in done.warnings { Console.warn(w) }
            output.write(done.line + "\n")
        }
        do {
            let summary = try reader.forEachCluster(inJSONLines: path) { _, result in
                if case .success = result { clusters += 1 }
                batch.add(result, emit: emit)
            }
            batch.finish(emit: emit)
            if !input.quiet, let note = summary.note(origin: path) { Console.warn("note: \(note)") }
        } catch let skipped as SkippedInput {
            // What was read before the failure is still summarised and written.
            batch.finish(emit: emit)
            output.flush()
            throw Console.fail("\(skipped.origin) \(skipped.reason)")
        }
        output.flush()
        if clusters == 0 {
            throw Console.fail("\(path) holds no clusters; each line should be {\"id\": ..., \"documents\": [string, ...]}.")
        }
    }
}
