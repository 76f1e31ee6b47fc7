import ArgumentParser
import Foundation
import PrecisServer
import PrecisStore

struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch RSS, Atom and JSON feeds: store each new item as an article, placed in its story.",
        discussion: """
            SOURCES are feed URLs or OPML files (the subscription export of a feed reader; nested \
            outlines are read). Each new item is stored as POST /api/articles stores it, in the same \
            database; an item that carries only a teaser has its page fetched (if robots.txt allows) and \
            cleaned, the feed's title, date and URL winning over the page's. Feeds are fetched politely: \
            conditional GET, gzip, at most 5 redirects, timeouts, a size cap, one request at a time per \
            host. Addresses on loopback, private, link-local, multicast or reserved networks are refused, \
            after DNS and on every redirect, unless --allow-private-networks. Feed state (validators, \
            items seen, errors, next poll) is kept in the database, so a restart refetches nothing. \
            With no SOURCES, the feeds already in the database are watched.
            """
    )

    @Argument(help: ArgumentHelp("Feed URLs or OPML files.", valueName: "source"))
    var sources: [String] = []

    @Option(help: ArgumentHelp("SQLite database file, or postgres://user:password@host:port/database.", valueName: "path|url"))
    var db: String = SQLiteStore.defaultPath

    @Flag(help: "Poll every feed once, print a summary and exit (status 0 when every feed was read or not modified).")
    var once = false

    @Option(help: ArgumentHelp("Time between two polls of a feed: 90s, 30m, 2h, 1h30m.", valueName: "duration"))
    var every: String = "30m"

    @Flag(name: .customLong("allow-private-networks"), help: "Allow feeds and pages on loopback and private addresses.")
    var allowPrivateNetworks = false

    @Option(name: .customLong("max-bytes"), help: "Largest feed or page, in bytes.")
    var maxBytes: Int = 10 * 1_048_576

    func validate() throws {
        guard Self.duration(every) != nil else { throw ValidationError("--every takes a duration such as 90s, 30m, 2h or 1h30m (at least 10s).") }
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive.") }
    }

    /// "90s", "30m", "2h", "1d", "1h30m": seconds, at least 10; nil for anything else.
    static func duration(_ text: String) -> Int? {
        var total = 0
        var number = ""
        var sawUnit = false
        for ch in text.lowercased() {
            if ch.isASCII && ch.isNumber {
                number.append(ch)
                guard number.count <= 7 else { return nil }
            } else {
                guard let n = Int(number) else { return nil }
                switch ch {
                case "s": total += n
                case "m": total += n * 60
                case "h": total += n * 3600
                case "d": total += n * 86_400
                default: return nil
                }
                number = ""
                sawUnit = true
            }
        }
        guard number.isEmpty, sawUnit, total >= 10, total <= 366 * 86_400 else { return nil }
        return total
    }

    func run() async throws {
        var settings = WatchSettings()
        settings.fetch.allowPrivateNetworks = allowPrivateNetworks
        settings.fetch.maxBytes = maxBytes
        settings.interval = .seconds(Self.duration(every) ?? 1800)
        let store: any ArticleStore & FeedStore
        do { store = try await openFeedStore(db) } catch { throw Console.fail("\(error)") }
        let service = try await PrecisService(store: store)
        let watcher = FeedWatcher(service: service, feeds: store, settings: settings)
        let (given, problems) = await watcher.subscribe(sources: sources)
        for p in problems { Console.warn(p) }
        let feeds = sources.isEmpty ? try await store.feeds() : given
        guard !feeds.isEmpty else {
            throw Console.fail(sources.isEmpty ? "no feeds to watch: give feed URLs or an OPML file" : "none of the sources gave a feed to watch")
        }
        if once {
            let summary = try await watcher.pollOnce(feeds)
            for poll in summary.polls {
                if case .failed(let why) = poll.status { Console.warn("\(poll.url): \(why)") }
                for note in poll.notes { Console.warn("\(poll.url): \(note)") }
            }
            Console.out("watch: " + summary.line + "\n")
            await Serve.shutDown(service)
            if summary.errors > 0 || !problems.isEmpty { throw ExitCode.failure }
            return
        }
        Console.warn("watching \(feeds.count) feed\(feeds.count == 1 ? "" : "s") every \(every) (database \(store.location))")
        try await watcher.run { summary in
            for poll in summary.polls { if case .failed(let why) = poll.status { Console.warn("\(poll.url): \(why)") } }
            Console.warn("poll: " + summary.line)
        }
    }
}
