import Foundation
import GRDB
import PrecisStories
import Testing

@testable import PrecisStore

/// A snapshot of the story index stands in for a replay of the articles it holds: restored, it
/// places every later article exactly as the index it was taken from does.
@Suite struct StorySnapshotTests {
    /// Invented articles with ids, near-copies and a few that are not articles (too short).
    static func stream(_ count: Int) -> [StoredArticle] {
        var articles = InventedNews.articles(count: count, events: max(1, count / 7))
        for k in stride(from: 17, to: articles.count, by: 53) { articles[k].text = "Notice: log in to read on." }
        return articles.enumerated().map { k, a in
            var s = a
            s.id = Int64(3 * k + 1)  // ids with gaps, as a store's can have
            return s
        }
    }

    struct Placed: Equatable {
        var story: Int64?
        var duplicateOf: Int64?
        var skipReason: String?
        var moved: [Int64: Int64]
        init(_ p: Placement) { (story, duplicateOf, skipReason, moved) = (p.story, p.duplicateOf, p.skipReason, p.moved) }
    }

    @Test func aRestoredIndexPlacesEveryLaterArticleAsTheOriginalDoes() throws {
        let articles = Self.stream(360)
        let original = StoryIndex(articles: [])
        for a in articles[..<200] { _ = original.place(a) }
        let bytes = original.snapshot()
        let restored = try StoryIndex(snapshot: bytes)
        #expect(restored.count == 200 && restored.lastID == articles[199].id && restored.lastKey == articles[199].key)
        #expect(restored.storiesByArticle() == original.storiesByArticle())
        // Read back and written again, a snapshot is the same bytes.
        #expect(restored.snapshot() == bytes)
        var moves = 0
        for a in articles[200...] {
            let (p, q) = (original.place(a), restored.place(a))
            #expect(Placed(p) == Placed(q), "article \(a.id)")
            moves += p.moved.count
        }
        #expect(moves > 0, "later articles move earlier ones, on both sides alike")
        #expect(restored.storiesByArticle() == original.storiesByArticle())
        #expect(restored.snapshot() == original.snapshot())
    }

    @Test func aCapturedStateIsTheIndexAsItWasWhateverPlacementDoesNext() throws {
        let articles = Self.stream(200)
        let index = StoryIndex(articles: Array(articles[..<120]))
        let captured = index.captureSnapshot()
        for a in articles[120...] { _ = index.place(a) }
        #expect(captured.bytes() == StoryIndex(articles: Array(articles[..<120])).snapshot())
        #expect(captured.bytes() != index.snapshot())
    }

    @Test func anEmptyIndexRoundTrips() throws {
        let empty = StoryIndex(articles: [])
        let restored = try StoryIndex(snapshot: empty.snapshot())
        #expect(restored.count == 0 && restored.lastID == 0)
        let next = Self.stream(3)[0]
        #expect(Placed(restored.place(next)) == Placed(StoryIndex(articles: []).place(next)))
    }

    @Test func damagedOrForeignSnapshotsAreRefused() throws {
        let bytes = StoryIndex(articles: Self.stream(60)).snapshot()
        // Cut anywhere: refused, never read as fewer stories.
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: StorySnapshotError.self) { try StoryIndex(snapshot: Array(bytes[..<cut])) }
        }
        #expect(throws: StorySnapshotError.self) { try StoryIndex(snapshot: bytes + [0]) }
        var foreign = bytes
        foreign[0] ^= 0xFF
        #expect(throws: StorySnapshotError.notASnapshot) { try StoryIndex(snapshot: foreign) }
        #expect(throws: StorySnapshotError.notASnapshot) { try StoryIndex(snapshot: Array("not a snapshot at all, just text".utf8)) }
        var other = StoryOptions()
        other.batchThreshold += 0.05
        #expect(throws: StorySnapshotError.otherSettings) { try StoryIndex(snapshot: bytes, options: other) }
        // A count made huge is caught before anything is allocated for it.
        var huge = bytes
        for k in 32..<40 { huge[k] = 0x7F }
        #expect(throws: StorySnapshotError.self) { try StoryIndex(snapshot: huge) }
    }

    func temporaryStore() throws -> (SQLiteStore, () -> Void) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("precis-snapshot-\(UUID().uuidString).sqlite").path
        return (try SQLiteStore(path: path), { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } })
    }

    func ingest(_ articles: ArraySlice<StoredArticle>, into store: SQLiteStore, index: StoryIndex) async throws {
        for a in articles {
            var fresh = a
            fresh.id = 0
            _ = try await store.ingest(fresh, index: index)
        }
    }

    @Test func startUpReadsTheKeptSnapshotAndReplaysOnlyWhatCameAfter() async throws {
        let (store, remove) = try temporaryStore()
        defer { remove() }
        let articles = Self.stream(150)
        let writer = StoryIndex(articles: [])
        try await ingest(articles[..<100], into: store, index: writer)
        try await store.saveStoryState(lastArticle: writer.lastID, snapshot: writer.snapshot())
        try await ingest(articles[100...], into: store, index: writer)
        let (index, origin) = try await StoryIndex.load(from: store)
        #expect(origin.snapshotArticles == 100 && origin.replayed == 50 && origin.snapshotRefused == nil)
        #expect(index.storiesByArticle() == writer.storiesByArticle())
        #expect(index.storiesByArticle() == StoryIndex(articles: try await store.allArticles()).storiesByArticle())
        // An older snapshot never replaces a newer one.
        try await store.saveStoryState(lastArticle: index.lastID, snapshot: index.snapshot())
        try await store.saveStoryState(lastArticle: 5, snapshot: [1, 2, 3])
        #expect(try await store.storyStateArticle() == index.lastID)
        let (_, again) = try await StoryIndex.load(from: store)
        #expect(again.snapshotArticles == 150 && again.replayed == 0)
    }

    @Test func aSnapshotIsKeptInPartsAndAPartMissingIsNoticed() async throws {
        let (store, remove) = try temporaryStore()
        defer { remove() }
        let writer = StoryIndex(articles: [])
        try await ingest(Self.stream(50)[...], into: store, index: writer)
        let bytes = writer.snapshot()
        try await store.saveStoryState(lastArticle: writer.lastID, snapshot: bytes, partBytes: 997)
        let parts = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story_state_part") }
        #expect(parts == (bytes.count + 996) / 997)
        #expect(try await store.storyState()?.snapshot == bytes)
        let (_, origin) = try await StoryIndex.load(from: store)
        #expect(origin.snapshotArticles == 50 && origin.replayed == 0)
        // A newer save replaces the parts of the older one.
        let more = Self.stream(60)[50...].map { a in StoredArticle(key: a.key, origin: a.origin, title: a.title, date: a.date, text: a.text) }
        for a in more { _ = try await store.ingest(a, index: writer) }
        try await store.saveStoryState(lastArticle: writer.lastID, snapshot: writer.snapshot(), partBytes: 4096)
        let generations = try await store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT DISTINCT generation FROM story_state_part") }
        #expect(generations == [writer.lastID])
        // A part lost (a save cut short, a damaged file): the snapshot is refused, every article replayed.
        try await store.pool.write { db in try db.execute(sql: "DELETE FROM story_state_part WHERE part = 1") }
        let (index, lost) = try await StoryIndex.load(from: store)
        #expect(lost.snapshotArticles == 0 && lost.replayed == 60 && lost.snapshotRefused != nil)
        #expect(index.storiesByArticle() == writer.storiesByArticle())
    }

    @Test func aSnapshotOfOtherArticlesOrADamagedOneFallsBackToAReplay() async throws {
        let (store, remove) = try temporaryStore()
        defer { remove() }
        let articles = Self.stream(40)
        let writer = StoryIndex(articles: [])
        try await ingest(articles[...], into: store, index: writer)
        // Damaged bytes.
        try await store.saveStoryState(lastArticle: writer.lastID, snapshot: Array(writer.snapshot().dropLast(9)))
        let (first, damaged) = try await StoryIndex.load(from: store)
        #expect(damaged.snapshotArticles == 0 && damaged.replayed == 40 && damaged.snapshotRefused != nil)
        #expect(first.storiesByArticle() == writer.storiesByArticle())
        // A sound snapshot of other articles (another database's), saved under a newer id.
        let (other, removeOther) = try temporaryStore()
        defer { removeOther() }
        let elsewhere = StoryIndex(articles: [])
        try await ingest(Self.stream(70)[20...], into: other, index: elsewhere)
        try await store.saveStoryState(lastArticle: elsewhere.lastID, snapshot: elsewhere.snapshot())
        let (second, foreign) = try await StoryIndex.load(from: store)
        #expect(foreign.snapshotArticles == 0 && foreign.snapshotRefused != nil)
        #expect(second.storiesByArticle() == writer.storiesByArticle())
    }
}
