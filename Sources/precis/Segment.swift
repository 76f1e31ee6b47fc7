import ArgumentParser
import Foundation
import Precis
import PrecisJSON
import PrecisText

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split articles into sentences (one JSON line per document).",
        discussion: """
            Each document's text is normalised (NFC, white space) but not cleaned of boilerplate, and \
            written as {"file", "text", "sentences": [[start, end], ...]} with offsets in Unicode scalars. \
            Use it to inspect segmentation or compare it with other segmenters.
            """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        let reader = InputReader(maxDocumentBytes: input.maxBytes)
        let intake = reader.read(paths: try input.resolvedInputs())
        let documents = intake.documents + intake.clusters.flatMap(\.documents)
        guard !documents.isEmpty else {
            throw input.nothingLeft(intake, doing: "segment")
        }
        input.report(intake)
        let segmenter = SentenceSegmenter()
        var output = Console.Output()
        for doc in documents {
            let text = TextNormalizer.normalize(doc.content)
            let spans = segmenter.sentences(in: text).map { JSONOutput.array([.int($0.start), .int($0.end)]) }
            let line = JSONOutput.object([("file", .string(doc.origin)), ("text", .string(text)), ("sentences", .array(spans))])
            output.write(line.serialized() + "\n")
        }
        output.flush()
    }
}
