import ArgumentParser
import Foundation
import Precis
import PrecisFacts
import PrecisJSON
import PrecisText

struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "The facts of articles about one story: times, timeline, who said what, numbers, disagreements.",
        discussion: """
            Each time expression is resolved against its article's publication date (from the page, the \
            text's header, or --date for inputs that carry none): "Tuesday" becomes 2014-11-18. Without a \
            date, relative expressions get "value": null (or X for the unknown year) rather than a guess. \
            JSON: {"documents": [{"file", "title", "date", "date_inferred", "url", "site", "text"}], "times": [{"text", "type", "value", \
            "document", "start", "end"}], "timeline": [{"date", "text", "sources": [{"document", "start", \
            "end"}]}], "quotes": [{"speaker", "text", "document", "start", "end", "direct"}], "numbers": \
            [{"value", "qualifier", "low", "counts", "text", "document", "start", "end"}], "disagreements": \
            [{"about", "values": [{"value", "qualifier", "text", "document", "start", "end", "date"}]}], \
            "entities": [{"name", "kind", "mentions", "documents", "first"}]}, \
            with document indices and Unicode scalar offsets into each document's clean `text`, as in \
            `precis summarize`.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output form: json or markdown.")
    var format: FactsFormat = .json

    @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD) for inputs that carry none.", valueName: "date"))
    var date: String?

    @Option(help: .hidden) var figureModel: String?
    @Option(help: .hidden) var figurePairs: String?

    enum FactsFormat: String, ExpressibleByArgument { case json, markdown }

    func validate() throws {
        if let date, CivilDate(iso: date) == nil || date.count != 10 {
            throw ValidationError("--date must be a day as YYYY-MM-DD, e.g. 2014-11-18.")
        }
    }

    func run() throws {
        let pipeline = Pipeline()
        var (articles, intake) = try input.readArticles(with: pipeline)
        guard !articles.isEmpty else { throw input.nothingLeft(intake, doing: "read facts from") }
        input.report(intake)
        if let date { for k in articles.indices where articles[k].date == nil { articles[k].date = date } }
        var facts = pipeline.facts(articles: articles)
        // For scripts/bench_disagreements.py: a model file to find disagreements with, and a file the
        // candidate figure pairs are written to with their features (one JSON object a line).
        if let figureModel {
            guard let model = FigurePairModel(text: try String(contentsOfFile: figureModel, encoding: .utf8)) else {
                throw ValidationError("\(figureModel) is not a figure pair model (threshold, intercept and feature lines).")
            }
            facts.findDisagreements(dates: articles.map(\.date), model: model)
        }
        if let figurePairs { try Self.dump(NumberFinder.figurePairs(facts.numbers, dates: facts.effectiveDates(articles.map(\.date))), facts, to: figurePairs) }
        switch format {
        case .json:
            let out = JSONOutput.object(
                [
                    (
                        "documents",
                        .array(
                            articles.indices.map { d in
                                var document = Digest.Document(articles[d])
                                document.dateInferred = d < facts.dating.count ? facts.dating[d] : nil
                                return document.json
                            })
                    )
                ] + facts.jsonFields(texts: articles.map(\.text)))
            Console.out(out.serialized(pretty: true) + "\n")
        case .markdown:
            Console.out(DigestRenderer.factsMarkdown(facts, articles: articles))
        }
    }

    /// Writes the figure pairs, one JSON object a line: each mention's document, range and text,
    /// whether the values can both hold, and the features by name.
    static func dump(_ pairs: [FigurePair], _ facts: StoryFacts, to path: String) throws {
        var lines = ""
        for p in pairs {
            func side(_ m: (document: Int, index: Int)) -> JSONOutput {
                let q = facts.numbers[m.document][m.index]
                return .object([("document", .int(m.document)), ("start", .int(q.start)), ("end", .int(q.end)), ("text", .string(q.text))])
            }
            let features = JSONOutput.object(FigurePairFeature.allCases.map { ($0.name, .double(p.features[$0.rawValue])) })
            lines +=
                JSONOutput.object([("a", side(p.a)), ("b", side(p.b)), ("compatible", .bool(p.compatible)), ("features", features)]).serialized(pretty: false)
                + "\n"
        }
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
