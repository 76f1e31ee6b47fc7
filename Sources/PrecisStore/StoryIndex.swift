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
    private var ids: [Int64] = []
    private var written: [Int64: Int64] = [:]

    /// Rebuilds the index from stored articles, oldest first.
    public init(articles: [StoredArticle], options: StoryOptions = StoryOptions()) {
        clusterer = StoryClusterer(options: options)
        for a in articles {
            clusterer.add(Self.document(a))
            ids.append(a.id)
        }
        for (id, story) in stories(of: clusterer.assignments) { written[id] = story }
    }

    public var count: Int { ids.count }

    /// The id of the newest article the index holds (0 when empty).
    public var lastID: Int64 { ids.last ?? 0 }

    /// Adds articles that another process stored and placed (newer than `lastID`, oldest first):
    /// replayed in the same order, they get the same stories the other process wrote.
    public func catchUp(_ articles: [StoredArticle]) {
        guard !articles.isEmpty else { return }
        for a in articles where a.id > lastID {
            clusterer.add(Self.document(a))
            ids.append(a.id)
        }
        for (id, story) in stories(of: clusterer.assignments) { written[id] = story }
    }

    static func document(_ a: StoredArticle) -> StoryDocument {
        StoryDocument(text: a.text, title: a.title, date: a.date)
    }

    /// Places a new article (already given its id) and says where it and any merged articles go.
    public func place(_ article: StoredArticle) -> Placement {
        clusterer.add(Self.document(article))
        ids.append(article.id)
        let assignments = clusterer.assignments
        var moved: [Int64: Int64] = [:]
        for (id, story) in stories(of: assignments) where written[id] != story {
            moved[id] = story
            written[id] = story
        }
        let last = assignments.last!
        return Placement(
            story: written[article.id], duplicateOf: last.duplicateOf.map { ids[$0] },
            skipReason: last.skipReason, moved: moved)
    }

    /// Article id → story id (the id of the story's first article).
    private func stories(of assignments: [StoryAssignment]) -> [(Int64, Int64)] {
        var first: [Int: Int64] = [:]
        var out: [(Int64, Int64)] = []
        out.reserveCapacity(assignments.count)
        for (k, a) in assignments.enumerated() {
            guard let s = a.story else { continue }
            if first[s] == nil { first[s] = ids[k] }
            out.append((ids[k], first[s]!))
        }
        return out
    }
}
