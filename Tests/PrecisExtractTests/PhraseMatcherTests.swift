import Testing

@testable import PrecisExtract

@Suite struct PhraseMatcherTests {
    let matcher = PhraseMatcher(kinds: [["donate", "support us"], ["cookie"], ["x"], ["support"]])

    func kinds(_ text: String, _ wanted: PhraseMatcher.Kinds = 0b1111) -> PhraseMatcher.Kinds {
        matcher.kinds(in: Array(text.utf8), among: wanted)
    }

    @Test func findsEveryWantedKindInOnePass() {
        // "support us" and "support" share their first bytes; both kinds are reported.
        #expect(kinds("please support us and accept cookies") == 0b1011)
        #expect(kinds("nothing here") == 0)
        // One-byte phrases match anywhere, the last byte included.
        #expect(kinds("a box") == 0b0100)
        #expect(kinds("bx") == 0b0100)
        // Phrases at the very end and cut off by the end.
        #expect(kinds("we ask you to donate") == 0b0001)
        #expect(kinds("we ask you to donat") == 0)
    }

    @Test func looksOnlyForWantedKinds() {
        #expect(kinds("please support us and accept cookies", 0b0010) == 0b0010)
        #expect(kinds("please support us", 0b1000) == 0b1000)
        #expect(kinds("please support us", 0) == 0)
        #expect(kinds("", 0b1111) == 0)
    }

    @Test func startsAndOccurs() {
        let single = PhraseMatcher(["photo:", "getty"])
        #expect(single.occurs(in: Array("image by getty images".utf8)))
        #expect(single.starts(Array("photo: jo bell".utf8)))
        #expect(!single.starts(Array("a photo: jo bell".utf8)))
        #expect(!PhraseMatcher([]).occurs(in: Array("anything".utf8)))
    }
}
