import Foundation
import GRDB
import PrecisIngest
import Testing

@testable import PrecisServer
@testable import PrecisStore

/// The service's write path: batches stored whole, and the story index kept as a snapshot.
@Suite struct ServiceTests {
    static let towns = ["Calder", "Vesterby", "Norhavn"]

    /// An invented article on one of three stories, different for each `k`.
    static func raw(_ k: Int, origin: String? = nil) -> RawDocument {
        let town = towns[k % towns.count]
        return RawDocument(
            origin: origin ?? "a\(k)", format: .text,
            content:
                "\(town) harbour wall, report \(k). The \(town) town council voted to rebuild the crumbling harbour wall of \(town) with \(k + 2) million crowns, the mayor of \(town) said after the harbour debate on Monday.",
            date: "2026-03-0\(1 + k % 5)")
    }

    func temporaryStore() throws -> (SQLiteStore, () -> Void) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("precis-service-\(UUID().uuidString).sqlite").path
        return (try SQLiteStore(path: path), { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } })
    }

    /// Each stored article's story, as the store holds it.
    func storedStories(_ store: SQLiteStore) async throws -> [Int64: Int64] {
        var out: [Int64: Int64] = [:]
        for a in try await store.allArticles() { if let s = a.story { out[a.id] = s } }
        return out
    }

    /// Makes the database refuse every article whose origin is "refused" (as a full disk or a lost
    /// connection would refuse a write).
    func refuseOrigin(_ store: SQLiteStore) async throws {
        try await store.pool.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON article WHEN NEW.origin = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
    }

    /// The stories the store holds are those a replay of its articles gives.
    func expectTheStoriesOfAReplay(_ store: SQLiteStore) async throws {
        let replay = StoryIndex(articles: try await store.allArticles())
        #expect(try await storedStories(store) == replay.storiesByArticle())
    }

    @Test func aBatchTheDatabaseRefusesLeavesNothingAndTheStoriesStayThoseOfAReplay() async throws {
        let (store, remove) = try temporaryStore()
        defer { remove() }
        let service = try await PrecisService(store: store, checkpointEvery: 0)
        _ = await service.ingest(batch: (0..<6).map { Self.raw($0) })
        try await refuseOrigin(store)
        let batch = [Self.raw(6), Self.raw(7), Self.raw(8, origin: "refused"), RawDocument(origin: "empty", format: .text, content: "")]
        let outcomes = await service.ingest(batch: batch)
        for outcome in outcomes {
            guard case .rejected(let reason) = outcome else {
                Issue.record("an article of a refused batch was stored")
                continue
            }
            #expect(!reason.isEmpty)
        }
        if case .rejected(let reason) = outcomes[0] { #expect(reason.hasPrefix("could not be stored")) }
        #expect(try await store.articleCount() == 6, "nothing of the refused batch is stored")
        // The index the refused batch had placed is rebuilt: the next batch lands as a replay would place it.
        try await store.pool.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        let next = await service.ingest(batch: (6..<12).map { Self.raw($0) })
        #expect(next.allSatisfy { if case .stored(let r) = $0 { return r.created } else { return false } })
        try await expectTheStoriesOfAReplay(store)
    }

    @Test func concurrentWritersShareTransactionsAndARefusedOneFailsAlone() async throws {
        let (store, remove) = try temporaryStore()
        defer { remove() }
        let service = try await PrecisService(store: store, checkpointEvery: 0)
        try await refuseOrigin(store)
        // Thirty requests of two articles at once, one of them refused by the database; requests
        // that arrive while a transaction runs are stored together in the next.
        let outcomes = await withTaskGroup(of: (Int, [PrecisService.Outcome]).self) { group in
            for k in 0..<30 {
                group.addTask { (k, await service.ingest(batch: [Self.raw(k, origin: k == 17 ? "refused" : nil), Self.raw(100 + k)])) }
            }
            var out: [Int: [PrecisService.Outcome]] = [:]
            for await (k, o) in group { out[k] = o }
            return out
        }
        #expect(outcomes.count == 30)
        for (k, request) in outcomes {
            for outcome in request {
                switch outcome {
                case .stored(let r): #expect(k != 17 && r.created, "request \(k)")
                case .rejected(let reason): #expect(k == 17 && reason.hasPrefix("could not be stored"), "request \(k): \(reason)")
                }
            }
        }
        // Every other request is stored whole; nothing of the refused one.
        #expect(try await store.articleCount() == 29 * 2)
        try await expectTheStoriesOfAReplay(store)
    }

    @Test func snapshotsAreSavedAsArticlesArriveAndReadAtStartUp() async throws {
        let (store, remove) = try temporaryStore()
        defer { remove() }
        let service = try await PrecisService(store: store, checkpointEvery: 5)
        let first = try await service.startup
        #expect(first.replayed == 0 && first.snapshotArticles == 0)
        for k in 0..<12 { _ = await service.ingest(Self.raw(k)) }
        await service.snapshotSaved()
        let kept = try await store.storyStateArticle()
        // Saved after five articles, then again five or more later (a save under way is not doubled).
        #expect(kept != nil && (5...12).contains(kept!))
        // A second process on the store reads the kept snapshot and replays only the rest.
        let second = try await PrecisService(store: store)
        let secondStart = try await second.startup
        #expect(secondStart.snapshotArticles == Int(kept!) && secondStart.replayed == 12 - Int(kept!))
        // After a checkpoint (a clean stop), nothing is left to replay.
        try await service.checkpoint()
        let third = try await PrecisService(store: store)
        let thirdStart = try await third.startup
        #expect(thirdStart.snapshotArticles == 12 && thirdStart.replayed == 0)
        // Every process places the next article alike.
        let a = await second.ingest(Self.raw(12))
        guard case .stored(let placed) = a else { Issue.record("not stored"); return }
        #expect(placed.story == StoryIndex(articles: try await store.allArticles()).storiesByArticle()[placed.id])
    }

    @Test func aServiceThatReadsItsStoriesInTheBackgroundServesAtOnceAndPlacesOnceTheyAreRead() async throws {
        let (store, remove) = try temporaryStore()
        defer { remove() }
        let writer = try await PrecisService(store: store)
        for k in 0..<9 { _ = await writer.ingest(Self.raw(k)) }
        try await writer.checkpoint()
        let stories = try await writer.stories(limit: 10, offset: 0).total
        // The story index cannot be read (as when the database is still starting up): a service that
        // reads it in the background is made all the same and serves the stored stories...
        try await store.pool.write { db in try db.execute(sql: "ALTER TABLE story_state RENAME TO story_state_away") }
        let service = try await PrecisService(store: store, readsBeforeStories: true)
        let listed = try await service.stories(limit: 10, offset: 0)
        #expect(listed.total == stories && stories > 0)
        // ...an article posted meanwhile is refused with the reason, not lost silently...
        guard case .rejected(let why) = await service.ingest(Self.raw(9)) else {
            Issue.record("stored without its stories")
            return
        }
        #expect(why.hasPrefix("could not be stored"))
        // ...and once the index can be read, the next article is placed as a replay would place it.
        try await store.pool.write { db in try db.execute(sql: "ALTER TABLE story_state_away RENAME TO story_state") }
        guard case .stored(let placed) = await service.ingest(Self.raw(10)) else {
            Issue.record("not stored")
            return
        }
        #expect(placed.created)
        let origin = try await service.startup
        #expect(origin.snapshotArticles == 9 && origin.replayed == 0)
        try await expectTheStoriesOfAReplay(store)
        // Waiting for the stories (the default) fails at once on a store that cannot give them.
        try await store.pool.write { db in try db.execute(sql: "ALTER TABLE story_state RENAME TO story_state_away") }
        await #expect(throws: (any Error).self) { try await PrecisService(store: store) }
    }
}
