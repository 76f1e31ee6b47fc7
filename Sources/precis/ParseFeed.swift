import ArgumentParser
import Foundation
import PrecisFeeds

struct ParseFeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-feed",
        abstract: "Read RSS, Atom, CDF or JSON Feed files (one JSON line per file).",
        discussion: """
            Each file is written as one line of JSON in the shape of Python feedparser's result \
            ({"file", "version", "encoding", "bozo", "feed", "entries"}, dates *_parsed in ISO 8601 UTC), \
            or as {"file", "error"} when it is no feed (empty, binary, an HTML page, too large). \
            "bozo" is true when the document was ill-formed and recovered from; "warnings" says how.
            """
    )

    @Argument(help: ArgumentHelp("Feed files.", valueName: "file"))
    var files: [String]

    @Option(help: "The URL the files were fetched from: relative links resolve against it.")
    var url: String?

    @Option(name: .customLong("content-type"), help: "The HTTP Content-Type the files were served with (its charset outranks the XML declaration).")
    var contentType: String?

    @Option(name: .customLong("content-language"), help: "The HTTP Content-Language: the language of text that names none.")
    var contentLanguage: String?

    @Option(name: .customLong("max-bytes"), help: "Largest feed to read, in bytes.")
    var maxBytes: Int = FeedParser.defaultMaxBytes

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give one or more feed files.") }
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be a positive number of bytes.") }
    }

    func run() throws {
        var output = Console.Output()
        for file in files {
            let bytes = FileManager.default.contents(atPath: file).map { [UInt8]($0) }
            output.write(
                parseFeedLine(
                    file: file, bytes: bytes, url: url, contentType: contentType,
                    contentLanguage: contentLanguage, maxBytes: maxBytes) + "\n")
        }
        output.flush()
    }
}
