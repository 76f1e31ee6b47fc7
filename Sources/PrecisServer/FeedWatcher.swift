import Foundation
import PrecisFeeds
import PrecisFetch
import PrecisIngest
import PrecisStore

/// How a `FeedWatcher` polls.
public struct WatchSettings: Sendable {
    public var fetch = FetchSettings()
    /// Time between two polls of one feed.
    public var interval: Duration = .seconds(30 * 60)
    /// An item with no full content whose summary has fewer words than this is a teaser: its page is
    /// fetched for the full text.
    public var teaserWords = 150
    /// Feeds polled at once (requests to one host still go one at a time).
    public var concurrentFeeds = 8

    public init() {}
}

/// What one poll of one feed did.
public struct FeedPoll: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Read (2xx) and its items handled.
        case read
        case notModified
        /// Not due (its next poll is later, or it is gone).
        case skipped
        case failed(String)
    }
    public var feed: Int64
    public var url: String
    public var status: Status
    public var newItems = 0
    public var newArticles = 0
    /// Items that gave no article, and why (not an article, a page robots.txt keeps out).
    public var notes: [String] = []
}

/// The polls of a round.
public struct PollSummary: Sendable {
    public var polls: [FeedPoll] = []
    public var feeds: Int { polls.count }
    public var read: Int { polls.filter { $0.status == .read }.count }
    public var notModified: Int { polls.filter { $0.status == .notModified }.count }
    public var newArticles: Int { polls.reduce(0) { $0 + $1.newArticles } }
    public var errors: Int { polls.filter { if case .failed = $0.status { return true } else { return false } }.count }

    /// "3 feeds (2 read, 1 not modified), 5 new articles, 0 errors".
    public var line: String {
        "\(feeds) feed\(feeds == 1 ? "" : "s") (\(read) read, \(notModified) not modified), "
            + "\(newArticles) new article\(newArticles == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s")"
    }
}

/// Watches feeds: polls each politely (conditional GET, the `Fetcher`'s pacing and address checks),
/// ingests each new item through `PrecisService.ingest` (exactly what `POST /api/articles` does), and
/// keeps each feed's state in the store so that a restart neither refetches nor re-stores anything.
public actor FeedWatcher {
    public let service: PrecisService
    public let feeds: any FeedStore
    public let fetcher: Fetcher
    public let settings: WatchSettings
    private var polling: Set<Int64> = []

    public init(service: PrecisService, feeds: any FeedStore, settings: WatchSettings = WatchSettings()) {
        self.service = service
        self.feeds = feeds
        self.settings = settings
        self.fetcher = Fetcher(settings: settings.fetch)
    }

    /// Adds a feed to watch (an http or https URL); the feed already watched under that URL is
    /// returned as it is.
    public func subscribe(url: String, title: String? = nil) async throws -> FeedRecord {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.utf8.count <= 2048, let c = URLComponents(string: trimmed) else {
            throw WatchError.badFeedURL("not a feed address: \(trimmed.prefix(200))")
        }
        if let why = AddressPolicy.schemeRefusal(c.scheme) { throw WatchError.badFeedURL(why) }
        guard c.host?.isEmpty == false else { throw WatchError.badFeedURL("not a feed address (no host): \(trimmed.prefix(200))") }
        return try await feeds.addFeed(url: trimmed, title: title)
    }

    /// Subscribes to what `precis watch` and `precis serve --feeds` are given: feed URLs and OPML
    /// files (every outline with an xmlUrl, folders included). Returns the feeds and, apart, what
    /// could not be read.
    public func subscribe(sources: [String]) async -> (feeds: [FeedRecord], problems: [String]) {
        var out: [FeedRecord] = []
        var problems: [String] = []
        for source in sources {
            let lower = source.lowercased()
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") || (lower.contains("://") && !FileManager.default.fileExists(atPath: source)) {
                do { out.append(try await subscribe(url: source)) } catch { problems.append("\(source): \(error)") }
                continue
            }
            guard let data = FileManager.default.contents(atPath: source) else {
                problems.append("\(source): no such file (give a feed URL or an OPML file)")
                continue
            }
            let list: OPML.Subscriptions
            do { list = try OPML.parse(Array(data)) } catch {
                problems.append("\(source): not an OPML file: \(error)")
                continue
            }
            if list.feeds.isEmpty { problems.append("\(source): the OPML file lists no feed (no outline with an xmlUrl)") }
            problems += list.skipped.map { "\(source): \($0)" }
            for outline in list.feeds {
                do { out.append(try await subscribe(url: outline.url, title: outline.title)) } catch { problems.append("\(source): \(outline.url): \(error)") }
            }
        }
        var seen = Set<Int64>()
        return (out.filter { seen.insert($0.id).inserted }, problems)
    }

    /// Polls the given feeds (all feeds when nil) once each, due or not, a few at a time.
    public func pollOnce(_ selected: [FeedRecord]? = nil) async throws -> PollSummary {
        let all: [FeedRecord]
        if let selected { all = selected } else { all = try await feeds.feeds() }
        return await poll(all, force: true)
    }

    /// Polls forever: each feed when it is due, sleeping until the next one is.
    public func run(report: @escaping @Sendable (PollSummary) -> Void) async throws {
        while !Task.isCancelled {
            let all = try await feeds.feeds()
            let summary = await poll(all, force: false)
            if summary.feeds > 0 { report(summary) }
            let next = try await feeds.feeds().compactMap { $0.gone ? nil : Self.date($0.nextPoll) }.min()
            let wait =
                next.map { max(1, min($0.timeIntervalSinceNow, Double(settings.interval.components.seconds))) }
                ?? Double(settings.interval.components.seconds)
            try await Task.sleep(for: .seconds(wait))
        }
    }

    func poll(_ list: [FeedRecord], force: Bool) async -> PollSummary {
        var summary = PollSummary()
        await withTaskGroup(of: FeedPoll.self) { group in
            var pending = list[...]
            for _ in 0..<max(1, settings.concurrentFeeds) {
                guard let f = pending.popFirst() else { break }
                group.addTask { await self.poll(f, force: force) }
            }
            for await result in group {
                if result.status != .skipped { summary.polls.append(result) }
                if let f = pending.popFirst() { group.addTask { await self.poll(f, force: force) } }
            }
        }
        summary.polls.sort { $0.feed < $1.feed }
        return summary
    }

    /// Polls one feed and records how it went.
    public func poll(_ given: FeedRecord, force: Bool = true) async -> FeedPoll {
        // One poll of a feed at a time in this process (a feed just added is polled at once, and the
        // polling loop may reach it too).
        guard polling.insert(given.id).inserted else { return FeedPoll(feed: given.id, url: given.url, status: .skipped) }
        defer { polling.remove(given.id) }
        // The stored state is the truth (another process may have polled it since it was listed).
        guard let stored = try? await feeds.feed(id: given.id) else {
            return FeedPoll(feed: given.id, url: given.url, status: .skipped)
        }
        var feed = stored
        var result = FeedPoll(feed: feed.id, url: feed.url, status: .skipped)
        if feed.gone { return result }
        if !force, let due = Self.date(feed.nextPoll), due > Date() { return result }
        let now = Date()
        // Another watcher on the same database may be polling it: take its lease or leave it.
        let lease = Double(settings.fetch.totalTimeout.components.seconds) * 30 + 60
        guard (try? await feeds.leaseFeed(id: feed.id, now: Self.iso(now), until: Self.iso(now.addingTimeInterval(lease)))) == true else {
            result.notes.append("polled by another watcher just now")
            return result
        }

        feed.lastFetch = Self.iso(now)
        do {
            let response = try await fetcher.fetch(FetchRequest(url: feed.url, etag: feed.etag, lastModified: feed.lastModified))
            feed.httpStatus = response.status
            switch response.status {
            case 304:
                result.status = .notModified
            case 200..<300:
                let parsed: Feed
                do {
                    parsed = try FeedParser.parse(
                        response.body, url: response.url, contentType: response.contentType,
                        maxBytes: settings.fetch.maxBytes)
                } catch {
                    throw WatchError.notAFeed("\(error)")
                }
                if let title = parsed.title?.value, !title.isEmpty { feed.title = Self.plain(parsed.title!) }
                let complete = try await handleItems(parsed, feed: &feed, result: &result)
                // Validators only once every item is stored: a poll that left items for later is
                // repeated in full, not answered 304.
                feed.etag = complete ? response.etag : nil
                feed.lastModified = complete ? response.lastModified : nil
                result.status = .read
            case 410:
                feed.gone = true
                throw WatchError.http("410 Gone: the feed was removed; it is polled no more")
            case 429, 503:
                let wait = response.retryAfter.map { Duration.seconds(max(0, min($0, 7 * 86_400))) }
                throw WatchError.busy("HTTP \(response.status)", retryAfter: wait)
            default:
                throw WatchError.http("HTTP \(response.status)")
            }
            feed.lastError = nil
            feed.errorsInRow = 0
            feed.nextPoll = Self.iso(now.addingTimeInterval(Self.spread(settings.interval, url: feed.url, first: stored.lastFetch == nil)))
        } catch {
            let message = (error as? CustomStringConvertible)?.description ?? "\(error)"
            result.status = .failed(message)
            feed.lastError = message
            feed.errorsInRow += 1
            if error is FetchError { feed.httpStatus = nil }
            var wait = backoff(errors: feed.errorsInRow)
            if case WatchError.busy(_, let retryAfter?) = error { wait = max(wait, Double(retryAfter.components.seconds)) }
            feed.nextPoll = Self.iso(now.addingTimeInterval(wait))
        }
        do {
            try await feeds.saveFeed(feed)
            try await feeds.releaseFeed(id: feed.id)
        } catch {
            result.status = .failed("the feed's state could not be stored: \(error)")
        }
        return result
    }

    /// Stores each item not seen before, oldest first, and marks it seen once stored. False when an
    /// item was left for the next poll (its page could not be had for now).
    func handleItems(_ parsed: Feed, feed: inout FeedRecord, result: inout FeedPoll) async throws -> Bool {
        var complete = true
        let keyed = parsed.items.map { (Self.itemKey($0), $0) }
        let seen = try await feeds.seenItems(feed: feed.id, among: keyed.map(\.0))
        var done = Set<String>()
        for (key, item) in keyed.reversed() where !seen.contains(key) && !done.contains(key) {
            done.insert(key)
            let raw: RawDocument
            switch await document(for: item, feedURL: feed.url) {
            case .document(let d): raw = d
            case .skip(let why):
                result.notes.append(why)
                try await feeds.markSeen(feed: feed.id, key: key, article: nil)
                feed.itemsSeen += 1
                result.newItems += 1
                continue
            case .retryLater(let why):
                // Not marked seen: the next poll tries again.
                result.notes.append(why)
                complete = false
                continue
            }
            switch await service.ingest(raw) {
            case .stored(let r):
                try await feeds.markSeen(feed: feed.id, key: key, article: r.id)
                if r.created {
                    feed.articlesStored += 1
                    result.newArticles += 1
                }
            case .rejected(let reason):
                result.notes.append("\(item.link ?? key): \(reason)")
                try await feeds.markSeen(feed: feed.id, key: key, article: nil)
            }
            feed.itemsSeen += 1
            result.newItems += 1
        }
        return complete
    }

    enum ItemDocument {
        case document(RawDocument)
        case skip(String)
        case retryLater(String)
    }

    /// The item as `POST /api/articles` would take it: its content, or for a teaser its page, with
    /// the feed's title, date and URL (which win over the page's).
    func document(for item: FeedItem, feedURL: String) async -> ItemDocument {
        let title = item.title.map(Self.plain).flatMap { $0.isEmpty ? nil : $0 }
        let date = (item.published ?? item.updated)?.iso8601
        let origin = item.link ?? feedURL
        // The feed's author, like its title and date, wins over what the page says.
        let authors = item.authorNames.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty && !$0.contains("\n") }
        let full = item.content.first { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let summary = item.summary.flatMap { $0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        func from(_ text: FeedText) -> ItemDocument {
            .document(
                RawDocument(
                    origin: origin, format: text.isHTML ? .html : .text, content: text.value,
                    title: title, date: date, url: item.link, authors: authors))
        }
        if let full { return from(full) }
        let teaserWords = summary.map { Self.plain($0).split(whereSeparator: \.isWhitespace).count } ?? 0
        if let summary, teaserWords >= settings.teaserWords { return from(summary) }
        guard let link = item.link else {
            if let summary { return from(summary) }
            return .skip("\(title ?? "an item"): no content and no link to fetch it from")
        }
        do {
            let page = try await fetcher.fetchPage(url: link)
            guard (200..<300).contains(page.status) else {
                if page.status == 404 || page.status == 410, let summary { return from(summary) }
                return .retryLater("\(link): HTTP \(page.status)")
            }
            let text: String
            do { text = try TextDecoding.decode(page.body).text } catch {
                return .skip("\(link): the page is binary data, not an article")
            }
            return .document(RawDocument(origin: origin, format: .html, content: text, title: title, date: date, url: link, authors: authors))
        } catch let e as FetchError {
            switch e {
            case .disallowedByRobots, .refusedAddress, .unsupportedScheme, .badURL, .tooLarge:
                // Never fetched: the feed's own teaser is all there is.
                if let summary { return from(summary) }
                return .skip("\(link): \(e)")
            default:
                return .retryLater("\(link): \(e)")
            }
        } catch {
            return .retryLater("\(link): \(error)")
        }
    }

    /// guid first, then the link, then a hash of what the item says.
    static func itemKey(_ item: FeedItem) -> String {
        if let id = item.id?.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty { return "id:" + String(id.prefix(1000)) }
        if let link = item.link, !link.isEmpty { return "link:" + String(link.prefix(1000)) }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in ((item.title?.value ?? "") + "\u{0}" + (item.body?.value ?? "")).utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return "hash:" + String(h, radix: 16)
    }

    /// A text value without its markup.
    static func plain(_ t: FeedText) -> String {
        guard t.isHTML else { return t.value.trimmingCharacters(in: .whitespacesAndNewlines) }
        var out = ""
        var inTag = false
        for ch in t.value {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false; out.append(" ") } else if !inTag { out.append(ch) }
        }
        let entities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&nbsp;": " "]
        for (e, r) in entities { out = out.replacingOccurrences(of: e, with: r) }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Seconds to the next poll, set by the feed's URL so that feeds are not all polled at once:
    /// after a feed's first poll anywhere from half the interval to one and a half (feeds added
    /// together, from one OPML file, spread over a whole interval), after later polls the interval
    /// give or take a tenth.
    static func spread(_ interval: Duration, url: String, first: Bool) -> Double {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in url.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let seconds = Double(interval.components.seconds)
        let fraction = Double(h % 1000) / 1000
        return seconds * (first ? 0.5 + fraction : 0.9 + 0.2 * fraction)
    }

    /// After `errors` failures in a row: the interval doubled each time, at most a day.
    func backoff(errors: Int) -> Double {
        let base = Double(settings.interval.components.seconds)
        return min(86_400, max(base, base * pow(2, Double(min(errors, 16) - 1))))
    }

    static func iso(_ d: Date) -> String { d.formatted(.iso8601) }
    static func date(_ s: String?) -> Date? { s.flatMap { try? Date($0, strategy: .iso8601) } }
}

public enum WatchError: Error, CustomStringConvertible {
    case badFeedURL(String)
    case notAFeed(String)
    case http(String)
    case busy(String, retryAfter: Duration?)

    public var description: String {
        switch self {
        case .badFeedURL(let m), .notAFeed(let m), .http(let m): return m
        case .busy(let m, let wait): return m + (wait.map { " (retry after \($0.components.seconds) s)" } ?? "")
        }
    }
}
