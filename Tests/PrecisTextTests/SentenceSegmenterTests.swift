import Testing

@testable import PrecisText

@Suite struct SentenceSegmenterTests {
    let segmenter = SentenceSegmenter()

    @Test func tableHasEnoughHardCases() {
        #expect(segmentationCases.count >= 60)
    }

    @Test(arguments: segmentationCases.indices)
    func hardCase(_ index: Int) {
        let (input, expected) = segmentationCases[index]
        let text = ScalarText(input)
        let got = segmenter.sentences(in: text).map { text[$0] }
        #expect(got == expected, "case \(index): \(input)")
    }

    @Test(arguments: clockTimeCases.indices)
    func clockTime(_ index: Int) {
        let (input, expected) = clockTimeCases[index]
        let text = ScalarText(input)
        #expect(segmenter.sentences(in: text).map { text[$0] } == expected)
    }

    @Test func spansGiveBackTheirText() {
        let input = "Mr. Choe spoke. “We will not attend,” he told AFP.\n\nThe vote was 111 to 19."
        let text = ScalarText(input)
        let spans = segmenter.sentences(in: text)
        #expect(spans.count == 3)
        for span in spans {
            let piece = text[span]
            #expect(!piece.isEmpty)
            #expect(input.unicodeScalars.count >= span.end)
        }
        #expect(text[spans[1]] == "“We will not attend,” he told AFP.")
    }

    @Test func offsetsAreUnicodeScalars() {
        // "é" composed is one scalar; the emoji is one scalar; offsets count scalars.
        let input = "Café opens. 🎉 Party follows."
        let spans = segmenter.sentences(in: input)
        #expect(spans == [TextSpan(start: 0, end: 11), TextSpan(start: 12, end: 28)])
    }

    @Test func noCharacterIsDroppedFromSentences() {
        let input = "He left. ” Then she came."
        let text = ScalarText(input)
        let joined = segmenter.sentences(in: text).map { text[$0] }.joined(separator: " ")
        #expect(joined.filter { !$0.isWhitespace } == input.filter { !$0.isWhitespace })
    }

    @Test func survivesPathologicalInput() {
        let dots = String(repeating: ".", count: 100_000)
        #expect(segmenter.sentences(in: dots).count == 1)
        let longWord = String(repeating: "a", count: 200_000) + "."
        #expect(segmenter.sentences(in: longWord).count == 1)
        let manyAbbrev = String(repeating: "U.S. ", count: 20_000)
        #expect(!segmenter.sentences(in: manyAbbrev).isEmpty)
    }
}
