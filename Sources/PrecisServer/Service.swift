import Foundation
import Precis
import PrecisExtract
import PrecisIngest
import PrecisJSON
import PrecisStore
import PrecisText

/// Precis as a service: cleans incoming articles, stores them with their story in one transaction,
/// and serves stories and digests.
///
/// The heavy work runs concurrently, on as many cores as the runtime gives: cleaning a posted
/// article and building a story's digest are plain functions of their input, called from whatever
/// task asks. Only placement is serialised (`Placer`): the story index is caught up, the article
/// placed and written in one short store transaction, one at a time, in the order the store gives
/// ids, so the index never disagrees with the store. An article is acknowledged once that
/// transaction has committed.
///
/// A story's digest (the API's JSON and the reader's page) is stored with the version of the
/// story's articles it was made from. A new article or a merge changes the version, which makes the
/// stored digest stale; the next view builds it once (concurrent views of one story wait for that
/// one build) and stores it; every later view is read from the store.
public final class PrecisService: Sendable {
    public let store: any ArticleStore
    private let pipeline = Pipeline()
    private let placer: Placer
    private let views = StoryViews()
    private let counters = Counters()

    /// How the story index was built at start-up (from the kept snapshot, or by a replay); waits
    /// for it when it is still being read, and reads it again when the last try failed.
    public var startup: StoryIndex.Origin {
        get async throws { try await placer.origin(store) }
    }

    /// A service over a store. The story index is read from the store's kept snapshot and caught up
    /// with the articles stored after it (a replay of every article when none can be used); a new
    /// snapshot is saved once `checkpointEvery` articles were stored since the kept one (0: never,
    /// but by `checkpoint()`), so that a restart replays at most about that many.
    ///
    /// With `readsBeforeStories`, the service is ready at once and reads the index in the
    /// background: stories, digests and articles are served from the store meanwhile, and the first
    /// articles posted wait for it. Start-up then costs the same however large the archive. Else
    /// (the default) the index is read before the service is returned, and a store that cannot give
    /// it fails here.
    public init(store: any ArticleStore, checkpointEvery: Int = 1_000, readsBeforeStories: Bool = false) async throws {
        self.store = store
        let loading = Task { try await StoryIndex.load(from: store) }
        if !readsBeforeStories { _ = try await loading.value }
        self.placer = Placer(loading: loading, checkpointEvery: checkpointEvery)
    }

    /// Saves a snapshot of the story index now, unless the kept one holds every article the index
    /// does; waits for a save under way. For a clean shutdown, so the next start-up replays nothing.
    public func checkpoint() async throws {
        try await placer.checkpoint(into: store)
    }

    /// Waits for a snapshot being saved in the background, if one is.
    func snapshotSaved() async {
        await placer.saveFinished()
    }

    /// What happened to one submitted article.
    public enum Outcome: Sendable {
        case stored(IngestResult)
        case rejected(String)
    }

    /// Cleans and stores one article; the same article sent twice is stored once.
    public func ingest(_ raw: RawDocument) async -> Outcome {
        await ingest(batch: [raw])[0]
    }

    /// Cleans a batch concurrently, then stores and places the articles that are articles, in the
    /// batch's order and in one transaction (all of them or, on a failure, none); the outcome of each.
    public func ingest(batch: [RawDocument]) async -> [Outcome] {
        let prepared: [Result<StoredArticle, Rejection>]
        if batch.count == 1 {
            prepared = [prepare(batch[0])]
        } else {
            prepared = await withTaskGroup(of: (Int, Result<StoredArticle, Rejection>).self) { group in
                for (k, raw) in batch.enumerated() { group.addTask { (k, self.prepare(raw)) } }
                var out = [Result<StoredArticle, Rejection>?](repeating: nil, count: batch.count)
                for await (k, r) in group { out[k] = r }
                return out.map { $0! }
            }
        }
        // Articles refused by cleaning keep their reason; the others are stored together.
        var outcomes: [Outcome?] = prepared.map { p in
            if case .failure(let r) = p { return .rejected(r.reason) }
            return nil
        }
        let positions = outcomes.indices.filter { outcomes[$0] == nil }
        let articles = positions.compactMap { try? prepared[$0].get() }
        counters.add(\.articlesRejected, batch.count - articles.count)
        if !articles.isEmpty {
            do {
                let results = try await placer.ingest(articles, into: store)
                for (k, result) in zip(positions, results) {
                    outcomes[k] = .stored(result)
                    counters.add(result.created ? \.articlesCreated : \.articlesExisting)
                }
            } catch {
                for k in positions { outcomes[k] = .rejected("could not be stored: \(error)") }
                counters.add(\.articlesRejected, positions.count)
            }
        }
        return outcomes.map { $0! }
    }

    struct Rejection: Error { var reason: String }

    /// The article as the store keeps it, cleaned from the raw page: no shared state, so any number of
    /// these run at once.
    func prepare(_ raw: RawDocument) -> Result<StoredArticle, Rejection> {
        switch pipeline.extractor.extract(raw) {
        case .failure(let f): return .failure(Rejection(reason: f.reason))
        case .success(let article):
            return .success(
                StoredArticle(
                    key: Self.key(url: article.url ?? raw.url, text: article.text), origin: raw.origin,
                    url: article.url ?? raw.url, title: article.title ?? raw.title,
                    date: article.date ?? raw.date, site: article.site, text: article.text,
                    removed: article.removed.isEmpty
                        ? nil
                        : JSONOutput.array(
                            article.removed.map {
                                .object([("reason", .string($0.reason.rawValue)), ("text", .string($0.text))])
                            }
                        ).serialized(),
                    authors: article.authors))
        }
    }

    /// The content key: two independent 64-bit hashes of the address and the clean text.
    static func key(url: String?, text: String) -> String {
        var bytes = Array((url ?? "").utf8)
        bytes.append(0)
        bytes.append(contentsOf: text.utf8)
        let a = fnv1a(bytes)
        var b: UInt64 = 0x9E37_79B9_7F4A_7C15
        for byte in bytes { b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x2545_F491 }
        return String(a, radix: 16) + "-" + String(b, radix: 16) + "-" + String(bytes.count)
    }

    public func stories(limit: Int, offset: Int) async throws -> (stories: [StoredStory], total: Int) {
        try await store.stories(limit: limit, offset: offset)
    }

    /// The digest of one story, as `precis summarize --format json` writes it, with its facts and the
    /// near-copies folded in; nil when there is no such story.
    public func digest(story: Int64, words: Int) async throws -> Digest? {
        try await digest(story: story, words: words, members: try await store.articles(inStory: story))?.digest
    }

    /// The digest of a story's articles and its sources (the stored originals, in the digest's order).
    func digest(story: Int64, words: Int, members: [StoredArticle]) async throws -> (digest: Digest, sources: [StoredArticle])? {
        guard !members.isEmpty else { return nil }
        let originals = members.filter { $0.duplicateOf == nil }
        let articles = originals.map(Self.article)
        var digest = pipeline.digest(articles: articles, budget: .words(words))
        let position = Dictionary(uniqueKeysWithValues: originals.enumerated().map { ($0.element.id, $0.offset) })
        digest.copies = members.compactMap { m in
            guard let of = m.duplicateOf, let k = position[of] else { return nil }
            return Digest.Copy(document: Digest.Document(file: m.origin, title: m.title, date: m.date, url: m.url, site: m.site, text: m.text), of: k)
        }
        return (digest, originals)
    }

    /// Where a story is to be read.
    public enum StoryAnswer: Sendable {
        /// The story's digest as the API sends it (JSON text) and as its page shows it (HTML).
        case story(json: String, page: String)
        /// The story joined an older one: its id is that of its first article, which now belongs to
        /// the story `into`.
        case merged(into: Int64)
        case none
    }

    /// A story's digest, from the store when it was made from the story's present articles, else built
    /// once (however many ask at the same time) and stored.
    public func story(_ story: Int64, words: Int) async throws -> StoryAnswer {
        let version = try await store.storyVersion(story)
        guard !version.hasPrefix("0-") else { return try await absent(story) }
        let key = "\(version)-w\(words)"
        if let view = await views.cached(story: story, version: key) { return .story(json: view.json, page: view.page) }
        if let (json, stored) = try await store.storedView(story: story, version: key), let page = stored {
            let view = StoryView(version: key, json: json, page: page)
            await views.keep(story: story, view)
            return .story(json: json, page: page)
        }
        let view = try await views.build(story: story, version: key) { [self] in
            // The version is read again with the articles: a write in between gives a newer digest,
            // stored under the version it was made from.
            let members = try await store.articles(inStory: story)
            guard let (digest, sources) = try await self.digest(story: story, words: words, members: members) else { return nil }
            counters.add(\.digestsBuilt)
            let made = "\(members.count)-\(members.map(\.id).max() ?? 0)-w\(words)"
            let view = StoryView(
                version: made, json: PrecisHTTP.storyJSON(id: story, digest),
                page: Pages.story(id: story, digest: digest, sources: sources))
            try await store.saveDigest(story: story, version: made, json: view.json, page: view.page)
            return view
        }
        // No article left to build from: a merge moved them all since the version was read.
        guard let view else { return try await absent(story) }
        return .story(json: view.json, page: view.page)
    }

    /// A story with no article (any more): if its first article is in another story, it merged.
    private func absent(_ story: Int64) async throws -> StoryAnswer {
        if let first = try await store.article(id: story), let into = first.story, into != story { return .merged(into: into) }
        return .none
    }

    static func article(_ s: StoredArticle) -> Article {
        Article(origin: s.origin, title: s.title, date: s.date, url: s.url, site: s.site, text: s.text)
    }

    public func article(id: Int64) async throws -> StoredArticle? {
        try await store.article(id: id)
    }

    public func search(_ query: String, limit: Int) async throws -> [StoredArticle] {
        try await store.search(query, limit: limit)
    }

    /// Prometheus text exposition of the service's counters.
    public func metrics(requests: [String: Int]) async throws -> String {
        let c = counters.value
        var out = "# HELP precis_articles_total Articles submitted, by outcome.\n# TYPE precis_articles_total counter\n"
        out += "precis_articles_total{outcome=\"created\"} \(c.articlesCreated)\n"
        out += "precis_articles_total{outcome=\"existing\"} \(c.articlesExisting)\n"
        out += "precis_articles_total{outcome=\"rejected\"} \(c.articlesRejected)\n"
        out +=
            "# HELP precis_digests_built_total Story digests built (a view of a story whose articles did not change reads the stored one).\n# TYPE precis_digests_built_total counter\n"
        out += "precis_digests_built_total \(c.digestsBuilt)\n"
        out += "# HELP precis_articles_stored Articles in the store.\n# TYPE precis_articles_stored gauge\n"
        out += "precis_articles_stored \(try await store.articleCount())\n"
        out += "# HELP precis_http_requests_total HTTP requests, by route and status class.\n# TYPE precis_http_requests_total counter\n"
        for (key, n) in requests.sorted(by: { $0.key < $1.key }) {
            out += "precis_http_requests_total{\(key)} \(n)\n"
        }
        return out
    }
}

/// The story index and the one door to it: articles placed one at a time, in the store's short write
/// transactions (catch up, insert, place, write the placements).
///
/// Group commit: the batches of requests that arrive while a transaction runs wait together, and
/// the next transaction stores them all (up to `maxGrouped` articles), so concurrent writers share
/// its fixed costs (the lock, the catch-up, the round trips). Should that transaction fail, each
/// request's batch is tried again alone, so one request the database refuses fails no other.
///
/// Every `checkpointEvery` articles it takes a snapshot of the index (inside its turn, so the
/// snapshot matches the committed articles up to its last id) and saves it off the turn, one save at
/// a time; in a store shared by several processes, only when the kept snapshot is that much older.
actor Placer {
    /// The story index and how it was read at start-up, once `loading` gave them (a failed read is
    /// tried again at the next turn).
    private var loaded: StoryIndex.Loaded?
    private var loading: Task<StoryIndex.Loaded, Error>?
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let checkpointEvery: Int
    /// The newest article id of the last snapshot saved, read, or found kept by another process.
    private var checkpointed: Int64
    private var saving: Task<Void, Never>?
    /// Requests waiting for the next transaction, with where to send each its results.
    private var pending: [(articles: [StoredArticle], reply: CheckedContinuation<Result<[IngestResult], Error>, Never>)] = []
    private var draining = false
    /// Most articles stored in one transaction by grouping requests (one larger request is not cut).
    static let maxGrouped = 1_000

    init(loading: Task<StoryIndex.Loaded, Error>, checkpointEvery: Int) {
        self.loading = loading
        self.checkpointEvery = checkpointEvery
        self.checkpointed = 0
    }

    /// How the story index was read; reads it now (in a turn of its own) when no turn has yet.
    func origin(_ store: any ArticleStore) async throws -> StoryIndex.Origin {
        if let loaded { return loaded.origin }
        await takeTurn()
        defer { endTurn() }
        _ = try await index(store)
        return loaded!.origin
    }

    /// The story index (the caller holds the turn): read once, the first time a turn needs it.
    private func index(_ store: any ArticleStore) async throws -> StoryIndex {
        if let loaded { return loaded.index }
        let task = loading ?? Task { try await StoryIndex.load(from: store) }
        do {
            let read = try await task.value
            loaded = read
            checkpointed = max(checkpointed, read.origin.snapshotLastArticle)
            return read.index
        } catch {
            loading = nil
            throw error
        }
    }

    /// An actor lets another call in at every `await`: the turn is taken explicitly, so that a
    /// placement never overlaps another, a snapshot, or a rebuild of the index after a failed one.
    private func takeTurn() async {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
    }

    private func endTurn() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }

    /// Stores and places one request's articles, in one transaction with the requests that wait
    /// beside it; their results in order.
    func ingest(_ articles: [StoredArticle], into store: any ArticleStore) async throws -> [IngestResult] {
        let result = await withCheckedContinuation { reply in
            pending.append((articles, reply))
            if !draining {
                draining = true
                Task { await self.drain(store) }
            }
        }
        return try result.get()
    }

    /// Runs transactions while requests wait, each taking every waiting request (up to `maxGrouped`
    /// articles).
    private func drain(_ store: any ArticleStore) async {
        while !pending.isEmpty {
            var group = [pending.removeFirst()]
            var count = group[0].articles.count
            while let next = pending.first, count + next.articles.count <= Self.maxGrouped {
                group.append(pending.removeFirst())
                count += next.articles.count
            }
            await takeTurn()
            switch await place(group.flatMap(\.articles), into: store) {
            case .success(let results):
                var start = 0
                for request in group {
                    request.reply.resume(returning: .success(Array(results[start..<start + request.articles.count])))
                    start += request.articles.count
                }
            case .failure(let error) where group.count == 1:
                group[0].reply.resume(returning: .failure(error))
            case .failure:
                for request in group { request.reply.resume(returning: await place(request.articles, into: store)) }
            }
            endTurn()
        }
        draining = false
    }

    /// One transaction (the caller holds the turn); on a failure the index is rebuilt from the store.
    private func place(_ articles: [StoredArticle], into store: any ArticleStore) async -> Result<[IngestResult], Error> {
        let result: [IngestResult]
        let index: StoryIndex
        do {
            index = try await self.index(store)
        } catch {
            return .failure(error)
        }
        do {
            result = try await store.ingest(articles, index: index)
        } catch {
            // The transaction rolled back; the index may have placed the articles: rebuild it from
            // what the store holds.
            if let (rebuilt, _) = try? await StoryIndex.load(from: store) { loaded?.index = rebuilt }
            return .failure(error)
        }
        if checkpointEvery > 0, index.lastID - checkpointed >= Int64(checkpointEvery), saving == nil {
            // Another process may have saved one since: ask the store before taking a snapshot.
            if let kept = try? await store.storyStateArticle(), kept > checkpointed { checkpointed = kept }
            if index.lastID - checkpointed >= Int64(checkpointEvery) { save(index, into: store) }
        }
        return .success(result)
    }

    /// Takes a snapshot now (the caller holds the turn: it costs no copy) and writes and saves it in a
    /// task of its own, while placement goes on.
    /// A save that fails is tried again after the next `checkpointEvery` articles.
    private func save(_ index: StoryIndex, into store: any ArticleStore) {
        let state = index.captureSnapshot(), last = index.lastID, before = checkpointed
        checkpointed = last
        saving = Task.detached {
            let failed: Bool
            do {
                try await store.saveStoryState(lastArticle: last, snapshot: state.bytes())
                failed = false
            } catch {
                failed = true
            }
            await self.saved(failed: failed, before: before)
        }
    }

    private func saved(failed: Bool, before: Int64) {
        saving = nil
        if failed { checkpointed = before }
    }

    func saveFinished() async {
        if let running = saving { await running.value }
    }

    func checkpoint(into store: any ArticleStore) async throws {
        await saveFinished()
        await takeTurn()
        defer { endTurn() }
        let index = try await self.index(store)
        if let kept = try await store.storyStateArticle(), kept >= index.lastID { return }
        guard index.count > 0 else { return }
        let bytes = index.snapshot(), last = index.lastID
        try await store.saveStoryState(lastArticle: last, snapshot: bytes)
        checkpointed = last
    }
}

/// A story's digest as the API sends it and as its page shows it, for one version of its articles.
struct StoryView: Sendable {
    var version: String
    var json: String
    var page: String
}

/// Digests in memory (a copy of what the store keeps, checked against the story's version on every
/// view) and the builds under way, so that concurrent views of one story build it once.
actor StoryViews {
    private var kept: [Int64: StoryView] = [:]
    private var keptBytes = 0
    private var building: [Int64: (version: String, task: Task<StoryView?, Error>)] = [:]
    static let maxBytes = 64 << 20

    func cached(story: Int64, version: String) -> StoryView? {
        guard let view = kept[story], view.version == version else { return nil }
        return view
    }

    func keep(story: Int64, _ view: StoryView) {
        if let old = kept[story] { keptBytes -= old.json.utf8.count + old.page.utf8.count }
        let size = view.json.utf8.count + view.page.utf8.count
        if keptBytes + size > Self.maxBytes {
            kept.removeAll()
            keptBytes = 0
        }
        kept[story] = view
        keptBytes += size
    }

    func build(story: Int64, version: String, _ make: @escaping @Sendable () async throws -> StoryView?) async throws -> StoryView? {
        if let running = building[story], running.version == version { return try await running.task.value }
        // The build runs in a task of its own, off this actor: builds of different stories run at once.
        let task = Task.detached { try await make() }
        building[story] = (version, task)
        defer { if building[story]?.version == version { building[story] = nil } }
        let view = try await task.value
        if let view { keep(story: story, view) }
        return view
    }
}

/// The service's counts, shared by every request.
final class Counters: @unchecked Sendable {
    struct Values {
        var articlesCreated = 0
        var articlesExisting = 0
        var articlesRejected = 0
        var digestsBuilt = 0
    }

    private let lock = NSLock()
    private var values = Values()

    func add(_ counter: WritableKeyPath<Values, Int>, _ n: Int = 1) {
        lock.lock()
        values[keyPath: counter] += n
        lock.unlock()
    }

    var value: Values {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
