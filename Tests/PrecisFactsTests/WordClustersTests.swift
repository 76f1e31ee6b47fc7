import PrecisText
import Testing

@testable import PrecisFacts

@Suite struct WordClustersTests {
    /// Invented unlabelled text: verbs of saying after speakers and before "that", fruit after "ate
    /// the", each set seen in the same company; "blorped" is a verb of saying no tagger has seen, and
    /// "snarfed" one no word list knows.
    static func texts(verbs: [String] = ["said", "argued", "warned", "snarfed", "blorped"]) -> [String] {
        let speakers = ["The mayor", "Officials", "Lena Ortiz", "The union", "Residents", "Paulo Serra"]
        let fruit = ["apple", "pear", "plum", "fig"]
        var out: [String] = []
        for k in 0..<60 {
            let speaker = speakers[k % speakers.count], verb = verbs[k % verbs.count], f = fruit[k % fruit.count]
            out.append(
                "\(speaker) \(verb) that the ferry would run late. The children ate the \(f) with joy. "
                    + "On Monday, \(speaker.lowercased()) \(verbs[(k + 2) % verbs.count]) that a \(fruit[(k + 1) % fruit.count]) fell.")
        }
        return out
    }

    @Test func wordsSeenInTheSameCompanyShareAClass() throws {
        let clusters = WordClusters.learn(texts: Self.texts(), levels: [3, 8], minCount: 5, contexts: 50)
        #expect(clusters.levels == [3, 8])
        for level in 0..<2 {
            let said = try #require(clusters.cluster(of: "said", level: level))
            let apple = try #require(clusters.cluster(of: "apple", level: level))
            for verb in ["argued", "warned", "snarfed", "blorped"] { #expect(clusters.cluster(of: verb, level: level) == said, "\(verb) at \(level)") }
            for f in ["pear", "plum", "fig"] { #expect(clusters.cluster(of: f, level: level) == apple, "\(f) at \(level)") }
            #expect(said != apple)
            #expect((1...clusters.levels[level]).contains(said))
        }
        // A word never seen, or seen less than minCount times, has no class; nor has a level that does not exist.
        #expect(clusters.cluster(of: "zebra", level: 0) == nil)
        #expect(WordClusters.learn(texts: ["A pear fell."], levels: [2], minCount: 5).count == 0)
        #expect(clusters.cluster(of: "said", level: 2) == nil)
        // The same text gives the same classes.
        #expect(WordClusters.learn(texts: Self.texts(), levels: [3, 8], minCount: 5, contexts: 50) == clusters)
        // No text: no classes, no crash.
        #expect(WordClusters.learn(texts: [], levels: [4]).count == 0)
        #expect(WordClusters.learn(texts: ["", "\u{0}\u{1}"], levels: [4], minCount: 1).count <= 2)
    }

    @Test func classesSurviveTheirSerialisationAndDamagedOnesAreRefused() throws {
        let clusters = WordClusters.learn(texts: Self.texts(), levels: [3, 8], minCount: 5, contexts: 50)
        let bytes = clusters.serialized()
        var consumed = 0
        #expect(WordClusters(serialized: bytes[...], consumed: &consumed) == clusters)
        #expect(consumed == bytes.count)
        // Read from the middle of a longer buffer, as a model holds them.
        let framed = Array("head\n".utf8) + bytes + [1, 2, 3]
        #expect(WordClusters(serialized: framed[5...], consumed: &consumed) == clusters)
        #expect(consumed == bytes.count)
        #expect(WordClusters(serialized: bytes.dropLast(1), consumed: &consumed) == nil)
        #expect(WordClusters(serialized: [][...], consumed: &consumed) == nil)
        #expect(WordClusters(serialized: Array("PRECIS-CLUSTERS 2 0 4\n".utf8)[...], consumed: &consumed) == nil)
        #expect(WordClusters(serialized: Array("PRECIS-CLUSTERS 1 0 0\n".utf8)[...], consumed: &consumed) == nil)
        // A class beyond its level's count, or keys out of order, are damage.
        let head = Array("PRECIS-CLUSTERS 1 2 4\n".utf8)
        func entry(_ key: UInt64, _ c: UInt16) -> [UInt8] {
            withUnsafeBytes(of: key.littleEndian) { Array($0) } + withUnsafeBytes(of: c.littleEndian) { Array($0) }
        }
        #expect(WordClusters(serialized: (head + entry(5, 1) + entry(9, 4))[...], consumed: &consumed) != nil)
        #expect(WordClusters(serialized: (head + entry(5, 1) + entry(9, 5))[...], consumed: &consumed) == nil)
        #expect(WordClusters(serialized: (head + entry(9, 1) + entry(5, 2))[...], consumed: &consumed) == nil)
    }

    @Test func aTaggerCarriesWhatItLearntToAWordOfTheSameClass() throws {
        let clusters = WordClusters.learn(texts: Self.texts(), levels: [3, 8], minCount: 5, contexts: 50)
        func train(_ clusters: WordClusters?) -> AttributionModel {
            var trainer = AttributionTrainer(buckets: 1 << 12, clusters: clusters)
            for _ in 0..<3 {
                for d in AttributionTaggerTests.corpus(
                    names: AttributionTaggerTests.trainingNames, verbs: ["said", "argued", "warned", "snarfed"],
                    claims: AttributionTaggerTests.trainingClaims)
                {
                    trainer.add(text: d.text, sources: d.sources, cues: d.cues, contents: d.contents)
                }
            }
            return trainer.train(epochs: 10)
        }
        let model = train(clusters)
        // "snarfed", a cue in training that no stance list holds, teaches the class of cues to the tagger;
        // "blorped" never occurs in the annotated sentences; its class is that of "said" and "warned".
        let text = "Judge Mara Quill blorped that the ferry would run late."
        let tagged = AttributionTaggerTests().tags(model, text).map(\.1)
        #expect(tagged.prefix(5) == [.sourceBegin, .sourceInside, .sourceInside, .cueBegin, .contentBegin])
        // The model keeps its classes through serialisation (format 4), and reads the same.
        let bytes = model.serialized()
        #expect(bytes.starts(with: Array("PRECIS-ATTRIBUTION 4 ".utf8)))
        let read = try #require(AttributionModel(serialized: bytes))
        #expect(read.clusters == clusters)
        #expect(AttributionTaggerTests().tags(read, text).map(\.1) == tagged)
        #expect(AttributionModel(serialized: Array(bytes.dropLast(1))) == nil)
        // Without classes it is format 3, as before, and reads no cue in the word it never saw.
        let plain = train(nil)
        #expect(plain.serialized().starts(with: Array("PRECIS-ATTRIBUTION 3 ".utf8)))
        // Without the classes the same sentence has no cue: they are what make the unseen word one.
        #expect(AttributionTaggerTests().tags(plain, text).map(\.1)[3] != .cueBegin)
    }
}
