import PrecisStories
import Testing

@testable import PrecisStore

/// Invented articles for placement tests: events of a few kinds in invented places, each told by
/// several invented outlets in sentences drawn from shared stock phrases, so that stories link
/// into each other, merge and split as articles arrive; some are near-copies of earlier ones.
enum InventedNews {
    static let places = ["Calder", "Vesterby", "Ostmark", "Lindholm", "Harrowgate", "Skeld", "Brennmoor", "Tallis", "Quarry Bay", "Mossfield"]
    static let people = ["Petra Lindqvist", "Tomas Ekholm", "Mira Sandvik", "Jonas Fell", "Ada Brook", "Ivo Marsh", "Lena Holt", "Otto Vale"]
    static let kinds = [
        ("council", ["council", "vote", "budget", "harbour", "wall", "crowns", "approved", "debate"]),
        ("storm", ["storm", "gales", "flooding", "roads", "closed", "rescue", "boats", "warning"]),
        ("chess", ["chess", "title", "championship", "grandmaster", "game", "hours", "final", "round"]),
        ("strike", ["strike", "workers", "union", "wages", "talks", "factory", "picket", "offer"])
    ]
    static let stock = [
        "officials said on %d that the matter would be settled soon",
        "residents gathered near the square to hear the news",
        "the regional paper reported the figures late in the evening",
        "a spokesperson declined to comment further"
    ]

    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// `count` articles about `events` events, in a fixed pseudo-random order.
    static func articles(count: Int, events: Int, seed: UInt64 = 7) -> [StoredArticle] {
        var g = Generator(state: seed)
        var out: [StoredArticle] = []
        for k in 0..<count {
            let e = g.next(events)
            if k > 10 && g.next(9) == 0 {
                // A near-copy of an earlier article: the same text with a line added.
                var copy = out[g.next(out.count)]
                copy.key = "k\(k)"
                copy.text += " Updated at noon."
                copy.id = 0
                out.append(copy)
                continue
            }
            let place = places[e % places.count]
            let person = people[(e / places.count + e) % people.count]
            let (kind, words) = kinds[e % kinds.count]
            let number = 100 + (e * 37) % 900
            var sentences = ["\(place) \(kind) news: \(person) spoke about the \(words[0]) in \(place)."]
            for _ in 0..<(4 + g.next(5)) {
                let w = (0..<4).map { _ in words[g.next(words.count)] }
                switch g.next(4) {
                case 0: sentences.append("In \(place), the \(w[0]) and the \(w[1]) drew \(number) people, \(person) said.")
                case 1: sentences.append("\(person) told reporters the \(w[2]) would follow the \(w[3]) within days.")
                case 2: sentences.append(stock[g.next(stock.count)].replacingOccurrences(of: "%d", with: "\(1 + e % 28) March") + ".")
                default: sentences.append("The \(w[0]) in \(place) was the talk of the \(w[1]) all week, with \(number) present.")
                }
            }
            let day = 1 + (e % 20) + g.next(3)
            out.append(
                StoredArticle(
                    key: "k\(k)", origin: "outlet\(g.next(5))", title: "\(place) \(kind)", date: "2026-03-\(day < 10 ? "0" : "")\(day)",
                    text: sentences.joined(separator: " ")))
        }
        return out
    }
}

@Suite struct IncrementalPlacementTests {
    /// Places invented articles one at a time, applying only what each placement reports, and
    /// returns the stories so kept and the number of moves reported.
    func placeIncrementally(_ articles: [StoredArticle], into index: StoryIndex) -> (stories: [Int64: Int64], moves: Int) {
        var stories: [Int64: Int64] = [:]
        var moves = 0
        for (k, var a) in articles.enumerated() {
            a.id = Int64(k + 1)
            let p = index.place(a)
            if let story = p.story { stories[a.id] = story }
            for (article, story) in p.moved {
                #expect(article < a.id, "only earlier articles move")
                stories[article] = story
                moves += 1
            }
        }
        return (stories, moves)
    }

    @Test func placementsReportEveryMoveSoTheKeptStoriesEqualAReplay() {
        let articles = InventedNews.articles(count: 400, events: 60)
        let index = StoryIndex(articles: [])
        let (kept, moves) = placeIncrementally(articles, into: index)
        #expect(moves > 0, "the invented stream makes stories merge or split")
        #expect(kept == index.storiesByArticle())
        // A new index replaying the stored articles gives the same stories.
        let stored = articles.enumerated().map { k, a in
            var s = a
            s.id = Int64(k + 1)
            return s
        }
        #expect(StoryIndex(articles: stored).storiesByArticle() == kept)
    }

    @Test func aNearCopyFollowsItsOriginalWhenTheOriginalMoves() {
        let articles = InventedNews.articles(count: 400, events: 60)
        let index = StoryIndex(articles: [])
        let (kept, _) = placeIncrementally(articles, into: index)
        var copies = 0
        for (k, a) in articles.enumerated() {
            guard let original = articles[..<k].firstIndex(where: { a.text == $0.text + " Updated at noon." }) else { continue }
            copies += 1
            #expect(kept[Int64(k + 1)] == kept[Int64(original + 1)])
        }
        #expect(copies > 0)
    }

    @Test func aCaughtUpIndexPlacesTheNextArticleAsTheWriterDid() {
        let articles = InventedNews.articles(count: 200, events: 30).enumerated().map { k, a in
            var s = a
            s.id = Int64(k + 1)
            return s
        }
        let writer = StoryIndex(articles: [])
        let (kept, _) = placeIncrementally(Array(articles), into: writer)
        let reader = StoryIndex(articles: Array(articles[..<50]))
        reader.catchUp(Array(articles[50...]))
        #expect(reader.lastID == 200)
        #expect(reader.storiesByArticle() == kept)
    }
}

@Suite struct PortableFeaturesTests {
    /// Places the articles (ids from 1) and returns the placer with each article and the features
    /// its placement kept.
    func placed(_ articles: [StoredArticle]) -> (placer: StoryIndex, kept: [(article: StoredArticle, features: [UInt8])]) {
        let placer = StoryIndex(articles: [])
        let kept = articles.enumerated().map { k, a -> (article: StoredArticle, features: [UInt8]) in
            var a = a
            a.id = Int64(k + 1)
            return (a, placer.place(a).features)
        }
        return (placer, kept)
    }

    /// A process that catches up from the features another kept (the text left empty, so it cannot
    /// be read instead) holds the same stories as the process that placed the articles, and as one
    /// that replays their texts.
    @Test func catchingUpFromKeptFeaturesGivesTheSameStories() {
        let (placer, kept) = placed(InventedNews.articles(count: 300, events: 24))
        #expect(kept.allSatisfy { !$0.features.isEmpty })
        let blanked = kept.map { entry -> (article: StoredArticle, features: [UInt8]?) in
            var blank = entry.article
            blank.text = ""
            return (blank, entry.features)
        }
        let follower = StoryIndex(articles: [])
        follower.catchUp(blanked)
        let replayed = StoryIndex(articles: [])
        replayed.catchUp(blanked.map { ($0.article, nil) })
        #expect(follower.storiesByArticle() == placer.storiesByArticle())
        #expect(Set(placer.storiesByArticle().values).count > 10)
        #expect(replayed.storiesByArticle() != placer.storiesByArticle(), "empty texts place nothing: the features were read")
    }

    @Test func damagedFeaturesAreReplayedFromTheText() {
        let (placer, kept) = placed(InventedNews.articles(count: 40, events: 5))
        let follower = StoryIndex(articles: [])
        follower.catchUp(
            kept.enumerated().map { k, entry -> (article: StoredArticle, features: [UInt8]?) in
                (entry.article, k % 3 == 0 ? Array(entry.features.prefix(entry.features.count / 2)) : k % 3 == 1 ? [] : entry.features)
            })
        #expect(follower.storiesByArticle() == placer.storiesByArticle())
    }
}
