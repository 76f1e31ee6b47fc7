import ArgumentParser
import Foundation
import Precis
import PrecisJSON
import PrecisStories

struct Stories: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Group a day's intake of articles into stories, folding near-copies.",
        discussion: """
            Each line of the input is one article: {"id", "text"} or {"id", "html"}, with optional "date" \
            (ISO 8601) and "url". Each gets one JSON line back, in input order: {"id", "story", \
            "duplicate_of"}. "story" numbers the stories from 0 in order of their first article; \
            "duplicate_of" is the id of the earlier article this one is a near-copy of (a wire copy, a \
            re-post), else null. Inputs that hold no article (login walls, archive notices, stubs of fewer \
            than 15 words, invalid lines) get "story": null and a "reason".

            By default the whole file is clustered at once (average-link over the articles' similarity; \
            the stories do not depend on the order of the lines). With --stream, articles are placed one at \
            a time as they arrive, each joining the closest story or starting one, with memory bounded by \
            the stories rather than the articles; the result then depends on the order.
            """
    )

    @Option(help: ArgumentHelp("JSON Lines file of articles.", valueName: "file.jsonl"))
    var batch: String

    @Flag(help: "Place articles one at a time, in file order (a stream), instead of clustering the whole file.")
    var stream = false

    @Option(name: .customLong("max-bytes"), help: "Largest JSON Lines record to read, in bytes.")
    var maxBytes: Int = InputReader.defaultMaxDocumentBytes

    @Flag(name: .shortAndLong, help: "Do not report skipped lines and notes on standard error.")
    var quiet = false

    func validate() throws {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be a positive number of bytes.") }
    }

    func run() throws {
        let reader = InputReader(maxDocumentBytes: maxBytes)
        let pipeline = Pipeline()
        var ids: [JSONValue] = []
        /// Why a line gave no document to cluster, by position.
        var failures: [Int: String] = [:]
        let streaming = stream ? StoryClusterer() : nil
        let whole = stream ? nil : StoryBatch()
        var progress = Progress(label: "articles")
        do {
            let summary = try reader.forEachJSONLine(inFile: batch) { lineNumber, result in
                let position = ids.count
                var document = StoryDocument(text: "")
                switch result {
                case .failure(let skipped):
                    ids.append(.null)
                    failures[position] = skipped.reason
                case .success(let value):
                    ids.append(value["id"] ?? .integer(lineNumber))
                    if let raw = reader.article(from: value, origin: "\(batch):\(lineNumber)") {
                        switch pipeline.extractor.extract(raw) {
                        case .success(let article): document = pipeline.storyDocument(article)
                        case .failure(let failure): failures[position] = failure.reason
                        }
                    } else {
                        failures[position] = "has no \"text\" or \"html\" field"
                    }
                }
                if let failure = failures[position], !quiet { Console.warn("skipped \(batch):\(lineNumber): \(failure)") }
                // A line that gave no text still takes its place, so the output stays aligned.
                if let streaming { streaming.add(document) } else { whole!.append(document) }
                progress.advance()
            }
            if !quiet, let note = summary.note(origin: batch) { Console.warn("note: \(note)") }
        } catch let skipped as SkippedInput {
            throw Console.fail("\(skipped.origin) \(skipped.reason)")
        }
        progress.finish()
        if ids.isEmpty { throw Console.fail("\(batch) holds no articles; each line should be {\"id\": ..., \"text\": ...}.") }
        let assignments = streaming?.assignments ?? whole!.cluster()
        var output = Console.Output()
        for (k, a) in assignments.enumerated() {
            var pairs: [(String, JSONOutput)] = [
                ("id", JSONOutput(ids[k])),
                ("story", a.story.map { .int($0) } ?? .null),
                ("duplicate_of", a.duplicateOf.map { JSONOutput(ids[$0]) } ?? .null)
            ]
            if a.story == nil { pairs.append(("reason", .string(failures[k] ?? a.skipReason ?? "not an article"))) }
            output.write(JSONOutput.object(pairs).serialized() + "\n")
        }
        output.flush()
    }
}

/// A progress line on standard error for long runs, shown only when standard error is a terminal.
struct Progress {
    let label: String
    private var count = 0
    private var lastShown = 0.0
    private let enabled = isatty(FileHandle.standardError.fileDescriptor) != 0
    private let start = Date()

    init(label: String) {
        self.label = label
    }

    mutating func advance(total: Int? = nil) {
        count += 1
        guard enabled else { return }
        let now = Date().timeIntervalSince(start)
        guard now - lastShown >= 0.2 else { return }
        lastShown = now
        var line = "\r\(count) \(label)"
        if let total, total > 0 {
            let width = 30
            let filled = min(width, count * width / total)
            line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(count)/\(total) \(label)"
        }
        line += String(format: "  %.0f/s", Double(count) / max(now, 1e-9))
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled, lastShown > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Find the stories in a pile of articles and write a digest of each, biggest and newest first.",
        discussion: """
            Reads articles as `precis summarize` does (files, directories, JSON, JSON Lines of articles or \
            clusters, standard input), cleans them, folds near-copies, groups the articles into stories \
            (see `precis stories`), and writes each story's summary with its sources. Inputs that hold no \
            article are reported on standard error. In JSON, {"stories": [{"story", "headline", \
            "articles", "summary", "sentences", "documents", "copies"}]}, with sentence offsets as in \
            `precis summarize`.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Word budget of each story's summary.")
    var words: Int = 120

    @Option(help: "Output form: markdown, json, html or text.")
    var format: DigestFormat = .markdown

    func validate() throws {
        guard words > 0 else { throw ValidationError("--words must be a positive number.") }
    }

    func run() throws {
        let pipeline = Pipeline()
        var (articles, intake) = try input.readArticles(with: pipeline)
        var progress = Progress(label: "stories")
        let (stories, notArticles) = pipeline.storyDigests(articles: articles, budget: .words(words)) { _, total in
            progress.advance(total: total)
        }
        progress.finish()
        intake.skipped += notArticles
        guard !stories.isEmpty else { throw input.nothingLeft(intake, doing: "digest") }
        input.report(intake)
        Console.out(DigestRenderer.render(stories, as: format))
    }
}
