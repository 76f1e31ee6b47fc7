import ArgumentParser
import Foundation
import Precis
import PrecisFacts

@main
struct PrecisCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precis",
        abstract: "Turn news articles into story digests whose every sentence cites its source.",
        version: "0.1.0",
        subcommands: [
            Summarize.self, DigestCommand.self, Stories.self, Facts.self, Serve.self, Ingest.self, Extract.self, Segment.self, ParseFeed.self, Watch.self,
            Eval.self
        ]
    )
}

/// Messages for people go to standard error, one line each, prefixed with the tool's name.
enum Console {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("precis: \(message)\n".utf8))
    }

    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("precis: error: \(message)\n".utf8))
        return ExitCode.failure
    }

    /// Writes `text` to the file at `path`, or fails with the reason.
    static func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw fail("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Writes to standard output without the buffering surprises of `print` on huge strings.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Output gathered and written in 64 KiB pieces, so long runs stream instead of piling up.
    struct Output {
        private var buffer = ""

        mutating func write(_ text: String) {
            buffer += text
            if buffer.utf8.count > 1 << 16 { flush() }
        }

        mutating func flush() {
            Console.out(buffer)
            buffer = ""
        }
    }
}

extension DigestFormat: ExpressibleByArgument {}
extension QuoteFinder.Reading: ExpressibleByArgument {}

/// Options shared by commands that read articles.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Article files or directories (.txt, .html, .htm, .json, .jsonl). Use - for standard input.",
            valueName: "file"))
    var inputs: [String] = []

    @Option(name: .customLong("max-bytes"), help: "Largest article file or JSON Lines record to read, in bytes.")
    var maxBytes: Int = InputReader.defaultMaxDocumentBytes

    @Flag(name: .shortAndLong, help: "Do not report skipped inputs and notes on standard error.")
    var quiet = false

    func validate() throws {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be a positive number of bytes.") }
    }

    /// The inputs to read: those given, or standard input when it is piped.
    func resolvedInputs() throws -> [String] {
        if !inputs.isEmpty { return inputs }
        if isatty(FileHandle.standardInput.fileDescriptor) != 0 {
            throw Console.fail("no input: give article files or a directory, or pipe text in (see 'precis summarize --help').")
        }
        return ["-"]
    }

    /// The error when no input gave anything to work on: one line when one input was given.
    func nothingLeft(_ intake: Intake, doing verb: String) -> ExitCode {
        if !quiet { for note in intake.notes { Console.warn("note: \(note)") } }
        if intake.skipped.count == 1, let only = intake.skipped.first {
            return Console.fail("nothing to \(verb): \(only.origin) \(only.reason).")
        }
        if !quiet { for skipped in intake.skipped { Console.warn(skipped.warning) } }
        return Console.fail("nothing to \(verb): no input held article text; give .txt, .html or .json articles, or a directory of them.")
    }

    /// Every article of the inputs, clusters flattened (their stories are found anew), cleaned; what
    /// gave no article is in the intake's `skipped`.
    func readArticles(with pipeline: Pipeline) throws -> (articles: [Article], intake: Intake) {
        var intake = InputReader(maxDocumentBytes: maxBytes).read(paths: try resolvedInputs())
        let (articles, skipped) = pipeline.articles(from: intake.documents + intake.clusters.flatMap(\.documents))
        intake.skipped += skipped
        return (articles, intake)
    }

    func report(_ intake: Intake) {
        guard !quiet else { return }
        for note in intake.notes { Console.warn("note: \(note)") }
        for skipped in intake.skipped { Console.warn(skipped.warning) }
    }
}

extension SkippedInput {
    /// The line the tool prints for an input it passed over.
    var warning: String { "skipped \(origin): \(reason)" }
}
