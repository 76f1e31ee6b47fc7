import ArgumentParser
import Foundation
import Precis
import PrecisExtract
import PrecisJSON

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Clean articles: main text and metadata, one JSON object per line.",
        discussion: """
            Each article gives {"file", "url", "title", "date", "authors", "site", "language", "text"}; \
            unknown values are null. `text` is the clean text every other command indexes into (Unicode \
            scalar offsets). --removed adds what was left out, each block with its reason.
            """
    )

    enum Format: String, ExpressibleByArgument { case json, text }

    @OptionGroup var input: InputOptions

    @Option(help: "json (one object per line) or text (the clean text of each article).")
    var format: Format = .json

    @Option(help: ArgumentHelp("Read every article of this directory (same output as naming it as input).", valueName: "dir"))
    var batch: String?

    @Flag(help: "Add the removed blocks and their reasons (json only).")
    var removed = false

    func validate() throws {
        if batch != nil && !input.inputs.isEmpty {
            throw ValidationError("--batch reads one directory; give no other inputs with it.")
        }
    }

    func run() throws {
        let reader = InputReader(maxDocumentBytes: input.maxBytes)
        let paths = try batch.map { [$0] } ?? input.resolvedInputs()
        var intake = reader.read(paths: paths)
        let raw = intake.documents + intake.clusters.flatMap(\.documents)
        let (articles, skipped) = Pipeline().articles(from: raw)
        intake.skipped += skipped
        guard !articles.isEmpty else { throw input.nothingLeft(intake, doing: "extract") }
        input.report(intake)
        var output = Console.Output()
        for article in articles {
            switch format {
            case .text:
                output.write(article.text + "\n\n")
            case .json:
                var pairs: [(String, JSONOutput)] = [
                    ("file", .string(article.origin)), ("url", .optional(article.url)), ("title", .optional(article.title)),
                    ("date", .optional(article.date)), ("authors", .array(article.authors.map { .string($0) })),
                    ("site", .optional(article.site)), ("language", .optional(article.language)),
                    ("keywords", .array(article.keywords.map { .string($0) })), ("text", .string(article.text))
                ]
                if removed {
                    pairs.append(
                        (
                            "removed",
                            .array(
                                article.removed.map {
                                    .object([("reason", .string($0.reason.rawValue)), ("text", .string($0.text))])
                                })
                        ))
                }
                output.write(JSONOutput.object(pairs).serialized() + "\n")
            }
        }
        output.flush()
    }
}
