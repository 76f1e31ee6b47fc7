import Testing

@testable import PrecisText

@Suite struct TextNormalizerTests {
    @Test func composesAndCleansWhitespace() {
        let input = "Cafe\u{301}\u{00A0}opens\r\nnow\u{200B}.\n\n\n\nNext\tpara  here. "
        #expect(TextNormalizer.normalize(input) == "Café opens\nnow.\n\nNext para here.")
    }

    @Test func trimsLinesAndKeepsParagraphBreaks() {
        #expect(TextNormalizer.normalize("  a  \n \n  b \n c") == "a\n\nb\nc")
    }

    @Test func dropsControlCharactersButKeepsReplacementCharacter() {
        #expect(TextNormalizer.normalize("a\u{0007}b\u{FFFD}c") == "ab\u{FFFD}c")
    }

    @Test func typewriterQuotesBecomeQuotationMarks() {
        // Wire copy and tokenised corpora: grave accents open, apostrophes close.
        #expect(
            TextNormalizer.normalize("``We will rebuild the pier,'' the harbour master said.")
                == "\u{201C}We will rebuild the pier,\u{201D} the harbour master said.")
        #expect(TextNormalizer.normalize("`` Not today , '' she said .") == "\u{201C} Not today , \u{201D} she said .")
        // A text that mixes the two: apostrophes that start a word open a quotation.
        #expect(
            TextNormalizer.normalize("``Toys,'' he said. ''He cannot decide,'' said Ana Vell.")
                == "\u{201C}Toys,\u{201D} he said. \u{201C}He cannot decide,\u{201D} said Ana Vell.")
        // Apostrophes on both sides: a straight mark each.
        #expect(TextNormalizer.normalize("The levy ''will not pass,'' he said.") == "The levy \"will not pass,\" he said.")
        // Inches after a digit, a lone grave accent and an apostrophe stay.
        #expect(TextNormalizer.normalize("She is 5'11'' tall and it's `odd'.") == "She is 5'11'' tall and it's `odd'.")
    }

    @Test func typewriterDashesBecomeDashes() {
        #expect(TextNormalizer.normalize("CALDER (AP) _ A storm closed the port.") == "CALDER (AP) \u{2014} A storm closed the port.")
        #expect(TextNormalizer.normalize("BRENNA (AP) _\nThe ferry sank.") == "BRENNA (AP) \u{2014}\nThe ferry sank.")
        #expect(
            TextNormalizer.normalize("The service ---- a vigil ---- was held, and the quay -- the old one -- fell.")
                == "The service \u{2014} a vigil \u{2014} was held, and the quay \u{2014} the old one \u{2014} fell.")
        #expect(
            TextNormalizer.normalize("Run it with --help in snake_case, not _ alone_ or a - b.")
                == "Run it with --help in snake_case, not \u{2014} alone_ or a - b.")
    }

    @Test func wireTypesettingCodesGo() {
        #expect(
            TextNormalizer.normalize("The Calder Gazette said in an editorial on Monday: &QL;\nThe quay must be rebuilt.")
                == "The Calder Gazette said in an editorial on Monday:\nThe quay must be rebuilt.")
        #expect(TextNormalizer.normalize("The port &UR; reopened.\n\n&LR;\n\nThe ferry sailed.") == "The port reopened.\n\nThe ferry sailed.")
        // HTML's own capital entities, and an ampersand in words, stay.
        #expect(TextNormalizer.normalize("Ships &AMP; boats, R&D; Calder & Brenna.") == "Ships &AMP; boats, R&D; Calder & Brenna.")
    }

    @Test func emptyAndBlankGiveEmpty() {
        #expect(TextNormalizer.normalize("") == "")
        #expect(TextNormalizer.normalize(" \n\t \r\n ") == "")
    }
}

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test func wordsNumbersApostrophesHyphens() {
        let tokens = tokenizer.tokens(in: "Korea’s 120,000 prisoners, 3.5% and Kim Jong-Un.")
        #expect(tokens.map(\.normalized) == ["korea's", "120000", "prisoners", "3.5", "and", "kim", "jong", "un"])
        #expect(tokens[1].kind == .number)
        #expect(tokens[0].isCapitalized)
        #expect(tokens[0].span == TextSpan(start: 0, end: 7))
    }

    @Test func trailingCommaIsNotPartOfNumber() {
        #expect(tokenizer.tokens(in: "In 2014, the vote").map(\.normalized) == ["in", "2014", "the", "vote"])
    }
}

@Suite struct StemmerTests {
    @Test func snowballEnglish() throws {
        let stemmer = try #require(Stemmer(algorithm: "english"))
        #expect(stemmer.stem("running") == "run")
        #expect(stemmer.stem("abstentions") == "abstent")
        #expect(stemmer.stem("generously") == "generous")
        #expect(stemmer.stem("korea's") == "korea")
    }

    @Test func unknownAlgorithmIsNil() {
        #expect(Stemmer(algorithm: "klingon") == nil)
        #expect(Stemmer.algorithms.contains("english"))
    }
}

@Suite struct LanguageDataTests {
    @Test func resourcesAreLoaded() {
        let en = LanguageData.english
        #expect(en.isStopWord("the"))
        #expect(!en.isStopWord("resolution"))
        #expect(en.abbreviationKind("Mr") == .title)
        #expect(en.abbreviationKind("MR") == .title)
        #expect(en.abbreviationKind("Inc") == .abbreviation)
        #expect(en.abbreviationKind("ill") == nil)
        #expect(en.abbreviationKind("Ill") == .abbreviation)
    }
}

@Suite struct TextAnalyzerTests {
    @Test func sentencesParagraphsAndStems() {
        let analyzer = TextAnalyzer()
        let doc = analyzer.analyze("Storm hits Calder\n\nThe storms closed the port. Ferries stopped.\n\nIt reopened.")
        #expect(doc.sentences.count == 4)
        #expect(doc.sentences.map(\.paragraph) == [0, 1, 1, 2])
        #expect(doc.sentences[0].endsWithMark == false)
        #expect(doc.sentences[1].endsWithMark)
        #expect(doc.sentences[1].contentStems.map(analyzer.stemText) == ["storm", "close", "port"])
    }
}

@Suite struct QuotationsTests {
    func open(_ text: String, _ spans: [(Int, Int)]) -> [Bool] {
        Quotations.openAround(spans.map { TextSpan(start: $0.0, end: $0.1) }, in: ScalarText(text)).flatMap { [$0.atStart, $0.atEnd] }
    }

    @Test func curlyStraightAndParagraphs() {
        // "A. B." C.  — the second sentence starts inside, the first ends inside.
        let text = "\u{201C}One. Two.\u{201D} Three."
        #expect(open(text, [(0, 5), (6, 11), (12, 18)]) == [false, true, true, false, false, false])
        let straight = "\"One. Two.\" Three."
        #expect(open(straight, [(0, 5), (6, 11), (12, 18)]) == [false, true, true, false, false, false])
        // An unclosed quotation ends with its paragraph, even with spaces around the break.
        let runaway = "\u{201C}One. \n \n Two."
        #expect(open(runaway, [(0, 5), (9, 13)]) == [false, true, false, false])
        #expect(open("", []).isEmpty)
    }
}

@Suite struct LinkTests {
    @Test func linksAddressesAndHandles() {
        for chunk in ["https://t.co/2bx54V", "www.example.org", "pic.example.com/8aanQ", "@anapell", "ana@example.org", "example.org/7days"] {
            #expect(isLinkOrHandle(chunk), "\(chunk)")
        }
        for chunk in ["9/11", "and/or", "24/7", "U.S.", "2.5m"] {
            #expect(!isLinkOrHandle(chunk), "\(chunk)")
        }
    }
}

@Suite struct QuotedWordsTests {
    @Test func wordsInsideQuotationMarksAreCounted() {
        #expect(Quotations.quotedWords(in: "the panel\u{2019}s work was based on \u{201C}the fabricated testimonies of a few\u{201D}") == 6)
        #expect(Quotations.quotedWords(in: "He said the port was \"finished.\"") == 1)
        #expect(Quotations.quotedWords(in: "\"We'll reopen on Monday,\" she said, \"if the wind drops.\"") == 8)
        #expect(Quotations.quotedWords(in: "No quotation at all.") == 0)
        // An unclosed quotation counts to the end.
        #expect(Quotations.quotedWords(in: "It was \u{201C}a co-ordinated attack") == 3)
    }
}
