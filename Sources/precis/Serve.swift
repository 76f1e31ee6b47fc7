import ArgumentParser
import Foundation
import Precis
import PrecisJSON
import PrecisServer
import PrecisStore

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API and the reading pages: take articles all day, serve stories and their digests.",
        discussion: """
            Stores articles in a SQLite file (--db, default $PRECIS_DB or ./precis.sqlite; WAL journal) or \
            a PostgreSQL database (--db postgres://user:password@host:port/database) that several \
            `precis serve` processes can share. \
            Endpoints: POST /api/articles, GET /api/stories, GET /api/stories/{id}, GET /api/search?q=, \
            GET /health, GET /metrics, and pages for readers at /, /stories/{id} and /articles/{id} (see \
            the README). Writes need --token when one is set, and the \
            server refuses to listen beyond loopback without one. Article addresses are recorded, never \
            fetched.
            """
    )

    @Option(help: ArgumentHelp("SQLite database file, or postgres://user:password@host:port/database.", valueName: "path|url"))
    var db: String = SQLiteStore.defaultPath

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "Token that write requests must send as 'Authorization: Bearer <token>'.")
    var token: String?

    @Option(name: .customLong("max-body"), help: "Largest request body, in bytes.")
    var maxBody: Int = 8 * 1_048_576

    @Option(name: .customLong("max-batch"), help: "Most articles in one batch.")
    var maxBatch: Int = 1_000

    @Option(
        name: .customLong("snapshot-every"),
        help: ArgumentHelp(
            "Save a snapshot of the stories after this many new articles (and on a clean stop), so a start-up replays at most about that many; 0 saves one only on a clean stop.",
            valueName: "n"))
    var snapshotEvery: Int = 1_000

    @Option(help: ArgumentHelp("Watch the feeds of this OPML file (or one feed URL) and serve /api/feeds and /feeds.", valueName: "file.opml"))
    var feeds: String?

    @Option(help: ArgumentHelp("With --feeds: time between two polls of a feed (90s, 30m, 2h).", valueName: "duration"))
    var every: String = "30m"

    @Flag(name: .customLong("allow-private-networks"), help: "With --feeds: allow feeds and pages on loopback and private addresses.")
    var allowPrivateNetworks = false

    func validate() throws {
        guard Watch.duration(every) != nil else { throw ValidationError("--every takes a duration such as 90s, 30m or 2h (at least 10s).") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535.") }
        guard maxBody > 0, maxBatch > 0 else { throw ValidationError("--max-body and --max-batch must be positive.") }
        guard snapshotEvery >= 0 else { throw ValidationError("--snapshot-every must be 0 or more.") }
    }

    func run() async throws {
        var settings = ServerSettings()
        settings.host = host
        settings.port = port
        settings.token = token
        settings.maxBodyBytes = maxBody
        settings.maxBatch = maxBatch
        if let refusal = settings.refusal { throw Console.fail(refusal) }
        if let feeds { try await serveWithFeeds(settings, feeds: feeds); return }
        let store: any ArticleStore
        do { store = try await openStore(db) } catch { throw Console.fail("\(error)") }
        let service = try await PrecisService(store: store, checkpointEvery: snapshotEvery, readsBeforeStories: true)
        Self.reportStartup(service)
        let location = store.location
        let app = PrecisHTTP.application(service: service, settings: settings) { port in
            Console.warn("listening on http://\(host):\(port) (database \(location))")
        }
        try await app.runService()
        await Self.shutDown(service)
    }

    /// The service answers at once; the story index is read in the background (posted articles wait
    /// for it): says how it was read, or why it could not be.
    static func reportStartup(_ service: PrecisService) {
        Task {
            do {
                Console.warn(try await service.startup.description)
            } catch {
                Console.warn("could not read the stories yet (posted articles wait and try again): \(error)")
            }
        }
    }

    /// After a clean stop: a snapshot of the stories, so the next start-up reads them (a failure to
    /// save one only costs that start-up a longer replay).
    static func shutDown(_ service: PrecisService) async {
        do { try await service.checkpoint() } catch { Console.warn("could not save a snapshot of the stories: \(error)") }
    }
}

struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store articles in the service's database from the command line, as POST /api/articles does.",
        discussion: "Prints one JSON line per stored article: {\"file\", \"id\", \"created\", \"story\"}."
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("SQLite database file, or postgres://user:password@host:port/database.", valueName: "path|url"))
    var db: String = SQLiteStore.defaultPath

    func run() async throws {
        let store: any ArticleStore
        do { store = try await openStore(db) } catch { throw Console.fail("\(error)") }
        let service = try await PrecisService(store: store)
        var intake = InputReader(maxDocumentBytes: input.maxBytes).read(paths: try input.resolvedInputs())
        let raw = intake.documents + intake.clusters.flatMap(\.documents)
        var progress = Progress(label: "articles")
        var output = Console.Output()
        var stored = 0
        for document in raw {
            switch await service.ingest(document) {
            case .stored(let r):
                stored += 1
                output.write(
                    JSONOutput.object([
                        ("file", .string(document.origin)), ("id", .int(Int(r.id))), ("created", .bool(r.created)),
                        ("story", r.story.map { .int(Int($0)) } ?? .null)
                    ]).serialized() + "\n")
            case .rejected(let reason):
                intake.skipped.append(SkippedInput(origin: document.origin, reason: reason))
            }
            progress.advance(total: raw.count)
        }
        progress.finish()
        output.flush()
        await Serve.shutDown(service)
        guard stored > 0 else { throw input.nothingLeft(intake, doing: "store") }
        input.report(intake)
    }
}
