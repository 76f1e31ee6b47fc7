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

    /// Rebuilds the index from stored articles, oldest first.
    public init(articles: [StoredArticle], options: StoryOptions = StoryOptions()) {
        clusterer = StoryClusterer(options: options)
        for a in articles {
            clusterer.add(Self.document(a))
            ids.append(a.id)
        }
    }

    public var count: Int { ids.count }

    /// Whether other processes stored articles during this one's last write: a store that shares its
    /// database catches up before taking its lock only then (one query less per write when alone).
    public var othersWriting = true

    /// The id of the newest article the index holds (0 when empty).
    public var lastID: Int64 { ids.last ?? 0 }

    /// Adds articles that another process stored and placed (newer than `lastID`, oldest first):
    /// replayed in the same order, they get the same stories the other process wrote.
    public func catchUp(_ articles: [StoredArticle]) {
        for a in articles where a.id > lastID {
            clusterer.add(Self.document(a))
            ids.append(a.id)
        }
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
        let assignment = clusterer.add(Self.document(article))
        ids.append(article.id)
        let document = ids.count - 1
        var moved: [Int64: Int64] = [:]
        for changed in clusterer.lastChangedDocuments where changed != document {
            if let first = clusterer.storyFirstDocument(of: changed) { moved[ids[changed]] = ids[first] }
        }
        return Placement(
            story: clusterer.storyFirstDocument(of: document).map { ids[$0] }, duplicateOf: assignment.duplicateOf.map { ids[$0] },
            skipReason: assignment.skipReason, moved: moved)
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
