import PrecisExtract
import Testing

@testable import PrecisEval

@Suite struct ShingleScoreTests {
    @Test func identicalTextsScoreOne() {
        let c = ShingleScore.match(gold: "the port of Calder closed on Monday", predicted: "the port of Calder closed on Monday")
        #expect(c == ShingleScore.Counts(tp: 1, fp: 0, fn: 0))
        #expect(c.precision == 1 && c.recall == 1)
    }

    @Test func extraTextLowersPrecisionOnly() {
        // Gold: 7 tokens -> 4 shingles. Prediction adds 2 tokens at the end -> 6 shingles, 4 shared.
        let c = ShingleScore.match(
            gold: "the port of Calder closed on Monday",
            predicted: "the port of Calder closed on Monday Share this")
        #expect(abs(c.tp - 4.0 / 6) < 1e-12 && abs(c.fp - 2.0 / 6) < 1e-12 && c.fn == 0)
        #expect(abs(c.precision - 4.0 / 6) < 1e-12)
        #expect(c.recall == 1)
    }

    @Test func caseCountsAndShortTextsAreOneShingle() {
        // Tokens keep their case, as in the benchmark; fewer than four tokens make one shingle.
        #expect(ShingleScore.match(gold: "Port closed", predicted: "port closed").tp == 0)
        #expect(ShingleScore.match(gold: "Port closed", predicted: "Port closed").tp == 1)
        #expect(ShingleScore.shingles("a b c", n: 4).count == 1)
        #expect(ShingleScore.tokens("don't stop_now, 3.5") == ["don", "t", "stop_now", "3", "5"])
    }

    @Test func emptyOutputsAndAggregation() {
        let none = ShingleScore.match(gold: "", predicted: "")
        #expect(none.precision == 1 && none.recall == 1)
        let missed = ShingleScore.match(gold: "the port of Calder closed", predicted: "")
        #expect(missed.precision == 0 && missed.recall == 0)
        let perfect = ShingleScore.match(gold: "the port of Calder closed", predicted: "the port of Calder closed")
        // A page with no prediction does not count toward mean precision, but does toward recall.
        let agg = ShingleScore.aggregate([missed, perfect])
        #expect(agg.precision == 1)
        #expect(agg.recall == 0.5)
        #expect(abs(agg.f1 - 2.0 / 3) < 1e-12)
    }
}

@Suite struct ExtractionSetTests {
    @Test func cleanEvalGoldLosesItsMarkup() {
        let raw = "URL: http://calder.example/a\n<h>Harbour wall\n\n<p>The council voted on Monday.\n<l>Cost: 4.2 million\n"
        #expect(ExtractionSet.cleanEvalText(raw) == "Harbour wall\nThe council voted on Monday.\nCost: 4.2 million")
    }

    @Test func goldCharacterReferencesAreDecoded() {
        #expect(
            ExtractionSet.cleanEvalText("<p>It&#8217;s &ldquo;done&rdquo; &amp; dusted &#x2014; R&D &bogus; &")
                == "It\u{2019}s \u{201C}done\u{201D} & dusted \u{2014} R&D &bogus; &")
    }

    @Test func l3sGoldIsTheMarkedSpans() {
        let html = """
            <html><body><span class="x-nc-sel0">Menu Home</span><h1><span class="x-nc-sel1">Wall to be rebuilt</span></h1>
            <p><span class="x-nc-sel2">The council voted on Monday.</span></p><div class="x-nc-sel5">First comment!</div>
            <p><span class="x-nc-sel3">Additional reporting in Calder.</span></p></body></html>
            """
        #expect(
            HTMLExtractor.text(ofElementsWithClasses: ["x-nc-sel1", "x-nc-sel2", "x-nc-sel3"], in: html)
                == "Wall to be rebuilt\nThe council voted on Monday.\nAdditional reporting in Calder.")
    }

    @Test func snippetsCountedLikeTrafilaturasEvaluation() {
        let page = ExtractionPage(id: "u", htmlPath: "-", gold: .snippets(with: ["council voted", "wall  rebuilt"], without: ["Share this"]))
        let report = ExtractionEvaluation.score([page], predictions: ["u": "The council voted.\nThe wall rebuilt soon. Share this"])
        let s = try! #require(report.snippets)
        // with: both found (TP 2); without: found (FP 1).
        #expect(abs(s.precision - 2.0 / 3) < 1e-12)
        #expect(s.recall == 1)
        #expect(s.accuracy == 2.0 / 3)
    }
}
