import ArgumentParser
import Foundation
import PrecisServer
import PrecisStore

extension Serve {
    /// `precis serve --feeds FILE.opml`: the service, with a feed watcher polling in the background and
    /// the feed endpoints (`/api/feeds`, `/feeds`).
    func serveWithFeeds(_ settings: ServerSettings, feeds source: String) async throws {
        let store: any ArticleStore & FeedStore
        do { store = try await openFeedStore(db) } catch { throw Console.fail("\(error)") }
        let service = try await PrecisService(store: store, checkpointEvery: snapshotEvery, readsBeforeStories: true)
        Self.reportStartup(service)
        var watch = WatchSettings()
        watch.fetch.allowPrivateNetworks = allowPrivateNetworks
        watch.interval = .seconds(Watch.duration(every) ?? 1800)
        let watcher = FeedWatcher(service: service, feeds: store, settings: watch)
        let (given, problems) = await watcher.subscribe(sources: [source])
        for p in problems { Console.warn(p) }
        let location = store.location, host = settings.host
        let app = PrecisHTTP.application(service: service, settings: settings, watcher: watcher) { port in
            Console.warn(
                "listening on http://\(host):\(port) (database \(location)); watching \(given.count) feed\(given.count == 1 ? "" : "s") from \(source)")
        }
        let polling = Task {
            do {
                try await watcher.run { summary in
                    for poll in summary.polls { if case .failed(let why) = poll.status { Console.warn("\(poll.url): \(why)") } }
                    Console.warn("poll: " + summary.line)
                }
            } catch is CancellationError {
            } catch {
                Console.warn("the feed watcher stopped: \(error)")
            }
        }
        defer { polling.cancel() }
        try await app.runService()
        await Serve.shutDown(service)
    }
}
