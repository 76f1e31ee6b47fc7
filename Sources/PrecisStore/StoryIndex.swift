import PrecisStories

/// The stories of a store's articles, kept in memory: a streaming `StoryClusterer` fed the articles
/// in the order they were stored, so the stories after a restart are exactly those before it.
///
/// A story's id is the id of its first article, which never changes: when two stories merge, the
/// older absorbs the newer and the newer's articles move (`Placement.moved`).
///
/// Not thread-safe by itself: its owner (the service's actor, inside the store's write lock) uses it
/// from one task at a time.
public final class StoryIndex: @unchecked Sendable {
    private var clusterer: StoryClusterer
    /// The article id of each document the clusterer holds, in the order added.
    private var ids: [Int64] = []
    /// The content key of the newest article held: a snapshot carries it, so that one kept beside
    /// other articles than those it was made from (a database emptied and refilled) is not trusted.
    public private(set) var lastKey = ""

    /// Rebuilds the index from stored articles, oldest first.
    public init(articles: [StoredArticle], options: StoryOptions = StoryOptions()) {
        clusterer = StoryClusterer(options: options)
        for a in articles {
            clusterer.add(Self.document(a))
            ids.append(a.id)
        }
        lastKey = articles.last?.key ?? ""
    }

    /// The index a `snapshot` holds: the stories of the articles up to its `lastID`, without replaying
    /// them. Throws when the bytes are not such a snapshot (damaged, another format, other settings).
    public init(snapshot: [UInt8], options: StoryOptions = StoryOptions()) throws {
        (clusterer, ids, lastKey) = try StoryClusterer.restore(snapshot: snapshot, options: options)
        guard zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) else { throw StorySnapshotError.damaged("article ids out of order") }
    }

    /// The index as bytes (see `StoryClusterer.snapshot`): what a store keeps so that a process starting
    /// up reads the stories instead of replaying every article.
    public func snapshot() -> [UInt8] { captureSnapshot().bytes() }

    /// What `snapshot` writes, taken now and written later: taking it copies nothing, so the bytes
    /// can be made off the placement path while placement goes on.
    public func captureSnapshot() -> StorySnapshotState { clusterer.captureSnapshot(labels: ids, tag: lastKey) }

    public var count: Int { ids.count }

    /// Whether other processes stored articles during this one's last write: a store that shares its
    /// database catches up before taking its lock only then (one query less per write when alone).
    public var othersWriting = true

    /// The id of the newest article the index holds (0 when empty).
    public var lastID: Int64 { ids.last ?? 0 }

    /// Adds articles that another process stored and placed (newer than `lastID`, oldest first):
    /// replayed in the same order, they get the same stories the other process wrote.
    public func catchUp(_ articles: [StoredArticle]) {
        catchUp(articles.map { ($0, nil) })
    }

    /// The same, from the clustering features the placing process kept with each article
    /// (`Placement.features`): the text is not read again. An article without them, or whose bytes
    /// cannot be read, is replayed from its text.
    public func catchUp(_ articles: [PlacedArticle]) {
        for (a, features) in articles where a.id > lastID {
            if features.flatMap({ clusterer.add(portable: $0) }) == nil { clusterer.add(Self.document(a)) }
            ids.append(a.id)
            lastKey = a.key
        }
    }

    /// Of articles read for catching up without their texts where features were kept
    /// (`StoredArticle.placementColumns`), those whose features cannot be read (another version,
    /// damaged): they are to be read whole (`withTexts`) and placed from their texts.
    static func unreadable(_ rows: [PlacedArticle]) -> [Int64] {
        rows.filter { row in row.features.map { !StoryClusterer.canRead(portable: $0) } ?? false }.map(\.article.id)
    }

    /// The rows with the articles read whole in place of those read without their texts.
    static func withTexts(_ rows: [PlacedArticle], whole: [StoredArticle]) -> [PlacedArticle] {
        guard !whole.isEmpty else { return rows }
        var byID: [Int64: StoredArticle] = [:]
        for a in whole { byID[a.id] = a }
        return rows.map { row in (byID[row.article.id] ?? row.article, row.features) }
    }

    static func document(_ a: StoredArticle) -> StoryDocument {
        StoryDocument(text: a.text, title: a.title, date: a.date)
    }

    /// Places a new article (already given its id) and says where it and any merged articles go.
    ///
    /// Incremental: the clusterer says which documents the addition moved (merges and re-clustering
    /// touch only the stories the article links into), and only those are reported, so the cost of a
    /// placement does not grow with the number of articles held.
    public func place(_ article: StoredArticle) -> Placement {
        let (assignment, features) = clusterer.addKeepingFeatures(Self.document(article))
        ids.append(article.id)
        lastKey = article.key
        let document = ids.count - 1
        var moved: [Int64: Int64] = [:]
        for changed in clusterer.lastChangedDocuments where changed != document {
            if let first = clusterer.storyFirstDocument(of: changed) { moved[ids[changed]] = ids[first] }
        }
        return Placement(
            story: clusterer.storyFirstDocument(of: document).map { ids[$0] }, duplicateOf: assignment.duplicateOf.map { ids[$0] },
            skipReason: assignment.skipReason, moved: moved, features: features)
    }

    /// Every placed article's story (article id → the id of its story's first article), from the
    /// clusterer's full assignments: what a replay of the same articles gives. A walk of every article;
    /// for checks, not for the write path.
    public func storiesByArticle() -> [Int64: Int64] {
        var first: [Int: Int64] = [:]
        var out: [Int64: Int64] = [:]
        for (k, a) in clusterer.assignments.enumerated() {
            guard let s = a.story else { continue }
            if first[s] == nil { first[s] = ids[k] }
            out[ids[k]] = first[s]!
        }
        return out
    }
}

extension StoryIndex {
    /// A story index as `load` gives it, with how it was built.
    public typealias Loaded = (index: StoryIndex, origin: Origin)

    /// How `load` built an index: from the kept snapshot (and how many articles it held), and how
    /// many articles it replayed; or, when the snapshot could not be used, why.
    public struct Origin: Sendable, CustomStringConvertible {
        public var snapshotArticles: Int
        /// The newest article the snapshot held (0 without one).
        public var snapshotLastArticle: Int64
        public var replayed: Int
        /// Why the kept snapshot was not used (damaged, made with other settings), when one was kept.
        public var snapshotRefused: String?

        public var description: String {
            var out =
                snapshotArticles > 0
                ? "stories read from a snapshot of \(snapshotArticles) articles, \(replayed) replayed"
                : "stories replayed from \(replayed) articles"
            if let snapshotRefused { out += " (the kept snapshot was not used: \(snapshotRefused))" }
            return out
        }
    }

    /// The story index of a store's articles: its kept snapshot, caught up with the articles stored
    /// after it, so that start-up reads the stories rather than replaying the archive; a replay of
    /// every article when no snapshot is kept or it cannot be used. Either way the stories are those
    /// a replay of every article gives.
    public static func load(from store: any ArticleStore, options: StoryOptions = StoryOptions()) async throws -> Loaded {
        var refused: String?
        if let (last, bytes) = try await store.storyState() {
            do {
                let index = try StoryIndex(snapshot: bytes, options: options)
                guard index.lastID == last else {
                    throw StorySnapshotError.damaged("it says it ends at article \(last) but holds articles up to \(index.lastID)")
                }
                // It must be of these articles: its newest is stored under its id, and no article
                // is missing from it (counted before the newer ones are read, as others may store more).
                let stored = try await store.articleCount()
                if index.count > 0, try await store.article(id: last)?.key != index.lastKey {
                    throw StorySnapshotError.damaged("it was made from other articles than those stored")
                }
                let newer = try await store.placed(after: last)
                guard index.count + newer.count >= stored else {
                    throw StorySnapshotError.damaged("\(stored - index.count - newer.count) stored articles are missing from it")
                }
                index.catchUp(newer)
                return (index, Origin(snapshotArticles: index.count - newer.count, snapshotLastArticle: last, replayed: newer.count))
            } catch {
                refused = "\(error)"
            }
        }
        let articles = try await store.allArticles()
        return (
            StoryIndex(articles: articles, options: options),
            Origin(snapshotArticles: 0, snapshotLastArticle: 0, replayed: articles.count, snapshotRefused: refused)
        )
    }
}

/// A snapshot kept in parts: rows of a few megabytes, each written in a transaction of its own, so
/// that saving a large snapshot never holds the database's writer for long.
enum SnapshotParts {
    static let size = 4 << 20

    static func split(_ bytes: [UInt8], size: Int) -> [ArraySlice<UInt8>] {
        guard !bytes.isEmpty else { return [] }
        return stride(from: 0, to: bytes.count, by: size).map { bytes[$0..<min($0 + size, bytes.count)] }
    }

    /// The parts joined; empty (which no snapshot reads as) when they are not the number and size
    /// the state says, as when a save was cut short.
    static func join<Part: Collection<UInt8>>(_ parts: [Part], expected: (parts: Int, bytes: Int)) -> [UInt8] {
        guard parts.count == expected.parts, parts.reduce(0, { $0 + $1.count }) == expected.bytes else { return [] }
        return Array(parts.joined())
    }
}
