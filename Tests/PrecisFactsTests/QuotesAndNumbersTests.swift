import PrecisText
import Testing

@testable import PrecisFacts

@Suite struct QuoteFinderTests {
    let finder = QuoteFinder()

    func quotes(_ text: String) -> [(speaker: String, text: String, direct: Bool)] {
        finder.find(in: text).map { ($0.speaker, $0.text, $0.direct) }
    }

    /// A speaker shown beside a quotation reads as a name or a description, never as a clause.
    @Test func aPronounIsNotWhatAFigureCounts() {
        // Found in wire copy: "133 of them" and "Eight of them" were one quantity, "them", whose two
        // values disagreed.
        let text = "Forty people were hurt in Calder. Eight of them are still in hospital, and 133 of them went home."
        let found = NumberFinder().find(in: text)
        #expect(!found.contains { $0.counts == "them" })
        #expect(found.contains { $0.counts == "people" && $0.value == "40" })
    }

    @Test func aPoliceRankAbbreviatedTitlesItsBearer() {
        // Found reading the dev digests: "Police Det" was a speaker, from "Toronto Police Det.-Sgt.
        // Susan Gomes" (the hyphenated rank itself still cuts the speaker's span short).
        for rank in ["Det.", "Supt.", "Insp.", "Det. Sgt."] {
            let text = "\u{201C}We believe the boats were taken,\u{201D} said Calder Police \(rank) Ilse Marr, the officer in charge."
            let quotes = QuoteFinder().find(in: text)
            #expect(quotes.map(\.speaker) == ["Ilse Marr"], "\(rank)")
        }
        #expect(QuoteFinder.cleanName("Calder Police Det.-Sgt. Ilse Marr", words: .english) == "Ilse Marr")
    }

    @Test func aSpeakerThatIsAClauseIsNoName() {
        func quote(_ speaker: String) -> Quote {
            Quote(speaker: speaker, text: "", start: 0, end: 0, direct: true, source: TextSpan(start: 0, end: 0), cue: TextSpan(start: 0, end: 0))
        }
        for name in [
            "Ana Okafor", "Ludwig van Beethoven", "Abdullah of Jordan", "a hospital spokesman", "The harbour board", "O'Neill",
            "ICC deputy prosecutor Ana Okafor", "Calder harbour police"
        ] {
            #expect(quote(name).speakerReadsAsName, "\(name)")
        }
        for name in [
            "she", "Det.", "Det.-Sgt.", "Calder has already won 10 of the first 15", "Calder has already won", "Okafor and the report, are", "Ana Okafor said"
        ] {
            #expect(!quote(name).speakerReadsAsName, "\(name)")
        }
    }

    @Test func speakerAfterTheQuote() {
        let q = quotes("“We will rebuild the wall before winter,” Mayor Petra Lindqvist said.")
        #expect(q.count == 1)
        #expect(q.first?.speaker == "Petra Lindqvist")
        #expect(q.first?.text == "“We will rebuild the wall before winter,”")
        #expect(q.first?.direct == true)
    }

    @Test func aQuotationRunsOnOverSentencesAndParagraphs() {
        // The convention: no closing mark at the end of a paragraph the quotation runs on from, an
        // opening mark at the start of the next.
        let text = """
            Mayor Jo Bell said: "The harbour is ours. We will not give it up.

            "Fishermen have waited years for this wall. They deserve better than promises."

            The engineer said the work would take eight months.
            """
        let q = quotes(text)
        #expect(q.count == 2)
        #expect(q.first?.speaker == "Jo Bell")
        #expect(
            q.first?.text
                == "\"The harbour is ours. We will not give it up.\n\n\"Fishermen have waited years for this wall. They deserve better than promises.\"")
        #expect(q.first?.direct == true)
        // A paragraph that does not take the quotation up ends it; a later attribution is its own.
        let stops = quotes("Jo Bell said: \"The harbour is ours.\n\nThe engineer said the work would take eight months.")
        #expect(stops.first?.text == "\"The harbour is ours.")
        let next = quotes("Jo Bell said: \"The harbour is ours.\n\n\"We start in May,\" the engineer said.")
        #expect(next.count == 2)
        #expect(next.first?.text == "\"The harbour is ours.")
        #expect(next.last?.speaker == "the engineer")
    }

    @Test func invertedCueAndTitles() {
        let q = quotes("\"The patches are older than the apprentices,\" said Mr. Brek, a skipper.")
        #expect(q.first?.speaker == "Brek, a skipper" || q.first?.speaker == "Brek")
    }

    @Test func reportedSpeechAndListeners() {
        let q = quotes("The harbour authority told the Calder Courier that 1,200 people work at the terminal.")
        #expect(q.count == 1)
        #expect(q.first?.speaker == "The harbour authority")
        #expect(q.first?.text == "that 1,200 people work at the terminal")
        #expect(q.first?.direct == false)
    }

    @Test func accordingTo() {
        let q = quotes("About 1,200 people work at the terminal, according to the harbour authority.")
        #expect(q.first?.speaker == "the harbour authority")
        #expect(q.first?.text == "About 1,200 people work at the terminal")
    }

    @Test func pronounsPointBackToTheLastNamedSpeaker() {
        let q = quotes("Minister Ilse Marr said the plan was fair. \"Nobody will be left behind,\" she said.")
        #expect(q.map(\.speaker) == ["Ilse Marr", "Ilse Marr"])
    }

    @Test func aRoleBeforeTheNameIsTheRoleNotTheName() {
        let found = finder.find(in: "\"The pier is safe for now,\" said harbour master Ana Pell.")
        #expect(found.map(\.speaker) == ["Ana Pell"])
        let text = "\"We are keen that this stays on the harbour,\" said Norland Ambassador Ivo Marsh Grant."
        let titled = finder.find(in: text)
        #expect(titled.map(\.speaker) == ["Ivo Marsh Grant"])
        #expect(titled.first?.role(in: text) == "Norland Ambassador")
        let plain = "\"We reopen on Monday,\" said Ana Pell."
        #expect(finder.find(in: plain).first?.role(in: plain) == nil)
        let courtesy = "\"We reopen on Monday,\" said Ms. Pell."
        #expect(finder.find(in: courtesy).first?.role(in: courtesy) == nil)
        // A linking word before the role and a rank abbreviated after it are no part of it.
        let linked = "\"We reopen on Monday,\" said the port's chief. But Norland Harbour Minister Ivo Marsh said, \"Not before May.\""
        #expect(finder.find(in: linked).first { $0.speaker == "Ivo Marsh" }?.role(in: linked) == "Norland Harbour Minister")
        let ranked = "\"The quay is closed,\" harbour police spokesman Capt. Ana Pell said."
        #expect(finder.find(in: ranked).first?.role(in: ranked) == "harbour police spokesman")
    }

    /// What stands between a name and "said" is a role only when it names one: a participle's
    /// clause ("speaking to reporters", "asked about the delay") tells what the speaker did.
    @Test(
        arguments: [
            ("Ana Pell, speaking to reporters on the quay, said the ferries would run again.", nil),
            ("Ana Pell, asked about the delay, said the ferries would run again.", nil),
            ("Ana Pell, in a statement from the harbour office, said the ferries would run again.", nil),
            ("Ana Pell, a harbour pilot, said the ferries would run again.", "a harbour pilot"),
            ("Ana Pell, who pilots the night ferry, said the ferries would run again.", "who pilots the night ferry"),
            ("Ana Pell, harbour master since 2019, said the ferries would run again.", "harbour master since 2019"),
            ("Ana Pell, however, said the ferries would run again.", nil),
            // The full stops of an abbreviation do not end the role.
            ("Ana Pell, an adviser with the U.N. harbour office, said the ferries would run again.", "an adviser with the U.N. harbour office"),
            ("Ana Pell, a pilot on the St. Anne ferry, said the ferries would run again.", "a pilot on the St. Anne ferry"),
            ("Ana Pell, an adviser to the U.N.\u{2019}s harbour office, said the ferries would run again.", "an adviser to the U.N.\u{2019}s harbour office"),
            ("Ana Pell, the founder of ferrywatch.org, said the ferries would run again.", "the founder of ferrywatch.org")
        ] as [(String, String?)])
    func aClauseAfterTheNameIsNoRole(_ text: String, _ role: String?) throws {
        let quote = try #require(finder.find(in: text).first)
        #expect(quote.speaker == "Ana Pell")
        #expect(quote.role(in: text) == role)
    }

    /// The role ends with its sentence as the segmenter reads it, and a question is no role: the
    /// words after the name's comma that run into one ("the questions now are: where ...?") say
    /// nothing of who the speaker is.
    @Test func aQuestionAfterTheNameIsNoRole() throws {
        let text = "\u{201C}The quay is safe,\u{201D} said Ana Pell, the question now is: where will the ferries dock? Nobody knew."
        let quote = try #require(finder.find(in: text).first)
        #expect(quote.speaker == "Ana Pell")
        #expect(quote.role(in: text) == nil)
        let glued = "\u{201C}The quay is safe,\u{201D} said Ana Pell, a pilot with the harbour board.The board met on Monday."
        #expect(finder.find(in: glued).first?.role(in: glued) == "a pilot with the harbour board")
    }

    /// A place set before the sentence is no speaker: "In Calder, Ana Pell, a pilot, said ...".
    @Test func aPlaceBeforeTheSpeakerIsNoName() throws {
        let text = "In Calder, Ana Pell, a pilot, said she had seen seven boats sink. \"One was mine,\" she said."
        let quotes = finder.find(in: text)
        #expect(!quotes.isEmpty)
        #expect(quotes.allSatisfy { $0.speaker == "Ana Pell" })
        #expect(quotes.first?.role(in: text) == "a pilot")
        // Where the words came is no part of the name: "wrote Pell on Twitter".
        let posted = "\u{201C}The quay is open again,\u{201D} wrote Ana Pell on Twitter to mark the day."
        #expect(finder.find(in: posted).first?.speaker == "Ana Pell")
        let affiliated = "\u{201C}The quay is open again,\u{201D} said Scientists from Calder University in Norland."
        #expect(finder.find(in: affiliated).first?.speaker.hasPrefix("Scientists from Calder University") == true)
        let titled = "In Calder, the Rev. Ana Pell, priest of the harbour chapel, said she had blessed the boats."
        #expect(finder.find(in: titled).first?.speaker == "Ana Pell")
        #expect(finder.find(in: titled).first.flatMap { $0.role(in: titled) } == "priest of the harbour chapel")
    }

    /// A sentence glued to the role by a lost paragraph break ("the CHB.Divers") ends the role at its
    /// full stop: only a single letter stands before the stop of a dotted acronym.
    @Test func aRoleEndsWhereAGluedSentenceBegins() throws {
        let text = "\u{201C}The quay will hold,\u{201D} said Ana Pell, a pilot with the CHB.Divers found the wreck on Monday, far from it."
        let quote = try #require(finder.find(in: text).first { $0.speaker == "Ana Pell" })
        #expect(quote.role(in: text) == "a pilot with the CHB")
    }

    /// "Norland's envoy ... The envoy, Ivo Marsh," names one person: the description is the role.
    @Test func aDescriptionInAppositionIsTheRoleItWasGivenBefore() throws {
        let text = "Norland’s envoy called the harbour plan a trap. The envoy, Ivo Marsh, said the country would walk out."
        let quote = try #require(finder.find(in: text).first { $0.speaker == "Ivo Marsh" })
        #expect(quote.role(in: text) == "Norland’s envoy")
        // Without an owner told before, the bare word names no one in particular.
        let bare = "The man, Ivo Marsh, said the country would walk out."
        #expect(finder.find(in: bare).first?.role(in: bare) == nil)
    }

    /// "Pell said" in a story that names Ana Pell is Ana Pell's; with Ana and Ivo Pell both named,
    /// it stays "Pell".
    @Test func aSurnameTakesTheFullNameTheStoryGivesIt() {
        let texts = [
            "Harbour pilot Ana Pell brought the first ferry into the new berth at Calder on Monday.",
            "The berth opened on Monday. \u{201C}It is the calmest berth on the coast,\u{201D} Pell said after the crossing."
        ]
        let facts = StoryFacts.read(texts: texts, dates: ["2025-03-10", "2025-03-10"])
        #expect(facts.quotes[1].map(\.speaker) == ["Ana Pell"], "\(facts.quotes)")
        let two = StoryFacts.read(texts: [texts[0] + " Ivo Pell, her brother, steered the tug.", texts[1]], dates: ["2025-03-10", "2025-03-10"])
        #expect(two.quotes[1].map(\.speaker) == ["Pell"], "\(two.quotes)")
        // A capitalised role before the given name is no part of the name.
        let role = StoryFacts.read(texts: ["Harbour Pilot Ana Pell brought the first ferry in.", texts[1]], dates: ["2025-03-10", "2025-03-10"])
        #expect(role.quotes[1].map(\.speaker) == ["Ana Pell"], "\(role.quotes)")
        // A word that ends the sentence before is no given name.
        let stop = StoryFacts.read(
            texts: ["The ferry docked at Calder. Pell said the berth was calm.", "Ferry crews met on Monday."], dates: ["2025-03-10", "2025-03-10"])
        #expect(stop.quotes[0].map(\.speaker) == ["Pell"], "\(stop.quotes)")
        // A day before the name is no given name.
        let day = StoryFacts.read(texts: ["On Monday Pell brought the first ferry in.", texts[1]], dates: ["2025-03-10", "2025-03-10"])
        #expect(day.quotes[1].map(\.speaker) == ["Pell"], "\(day.quotes)")
    }

    @Test func anAdverbBeforeTheVerbIsNotPartOfTheSpeaker() {
        // "She infamously said" gave the speaker "She infamously", and a later "she" pointed to it.
        let text =
            "Mayor Ada Brenn said the council needed more time. She famously said last year that the wall \"would stand for a century.\" "
            + "\"We will not rush this,\" she said on Monday."
        #expect(quotes(text).map(\.speaker) == ["Ada Brenn", "Ada Brenn", "Ada Brenn"])
        // When it was said is not what was said.
        #expect(quotes(text)[1].text == "that the wall \"would stand for a century.\"")
        #expect(quotes("Ada Brenn said earlier this month that the pier was safe.").map(\.text) == ["that the pier was safe"])
        #expect(quotes("Ada Brenn said last year's budget was too small.").map(\.text) == ["last year's budget was too small"])
        #expect(quotes("Tomas Reyes reportedly told aides that the pier would close.").map(\.speaker) == ["Tomas Reyes"])
        // A noun in "-ly" after a determiner is the speaker's own word.
        #expect(quotes("The family said the pier was unsafe.").map(\.speaker) == ["The family"])
        #expect(quotes("The elderly said the pier was unsafe.").map(\.speaker) == ["The elderly"])
    }

    @Test func aNameSetOffByCommasAfterADescriptionIsTheSpeaker() {
        // Found reading the seeds: "The representative, Choe Myong-nam, said the North might ..." gave the
        // speaker "The representative".
        let q = quotes("The envoy, Aino Vaara-lind, said the talks were over. Then the harbour closed.")
        #expect(q.map(\.speaker) == ["Aino Vaara-lind"])
        #expect(q.first?.text == "the talks were over")
        #expect(quotes("The spokesman, Tomas Reyes, told reporters that the port would reopen.").map(\.text) == ["the port would reopen"])
        // A later "he" points to the name.
        let he = quotes("A spokesman, Tomas Reyes, said the port would reopen. \"It is safe,\" he said.")
        #expect(he.map(\.speaker) == ["Tomas Reyes", "Tomas Reyes"])
        // A list of places after a description names no speaker.
        #expect(!quotes("The towns, Calder, Ostmark, said the road was shut.").contains { ["Calder", "Ostmark"].contains($0.speaker) })
    }

    @Test func aPronounPointsBackToAPersonWhoIsASentencesSubject() {
        // Found reading a Multi-News digest: "Boehner dismissed such chatter. Asked whether ..., he said:
        // ..." gave the quotation to Pelosi, the last named speaker, since Boehner said nothing before it.
        let text =
            "House Speaker Lena Okafor met the council. Council leader Tomas Reyes said the vote would pass.\n\n"
            + "But on Thursday, Okafor dismissed the claim. Asked whether she would back Reyes, she said: \"We will win.\""
        #expect(quotes(text).map(\.speaker) == ["Tomas Reyes", "Lena Okafor"])
        // A person named after a preposition or as a possessive is not the subject.
        let object =
            "Mayor Tomas Reyes said the pier was safe. Residents called on Minister Ilse Marr to visit. "
            + "Marr's office stayed silent.\n\n\"We are ready,\" he said."
        #expect(quotes(object).map(\.speaker) == ["Tomas Reyes", "Tomas Reyes"])
        // A person first named in a possessive after a title is known all the same.
        let possessive =
            "Mayor Tomas Reyes said the pier was safe. Minister Ilse Marr's office called it a trap.\n\n"
            + "Marr rejected the plan on Monday. \"We are not ready,\" she said."
        #expect(quotes(possessive).map(\.speaker) == ["Tomas Reyes", "Ilse Marr"])
    }

    /// Found reading a Multi-News digest: "Trump has consistently dismissed the findings. “I don't
    /// believe they interfered,” he told Time" gave the quotation to the speaker quoted before it,
    /// since Trump had been named with no title but "President-elect".
    @Test(arguments: [
        // A subject the text has quoted by name is who a later pronoun points to.
        (
            "Ana Vell said the harbour would stay shut. Tomas Reyes, a pilot, said the ferries were ready.\n\n"
                + "Vell has long dismissed the pilots' warnings. \u{201C}The quay is sound,\u{201D} she told the Calder Herald.",
            ["Ana Vell", "Tomas Reyes", "Ana Vell"]
        ),
        // A title to come is a title: the person it names is who a later pronoun points to.
        (
            "Council leader Tomas Reyes said the vote would pass. Mayor-elect Ana Vell rejected the plan on Monday. "
                + "\u{201C}We will not sign,\u{201D} she said.",
            ["Tomas Reyes", "Ana Vell"]
        ),
        // What opens the sentence before its first comma may be a phrase: the subject follows it.
        (
            "Tomas Reyes said the quay was not sound. Ana Vell said it was.\n\n"
                + "Unlike Vell, Reyes rejects the board's figures. \u{201C}They are wrong,\u{201D} he said.",
            ["Tomas Reyes", "Ana Vell", "Tomas Reyes"]
        ),
        // A subject may run on with "and".
        (
            "Tomas Reyes said the vote would pass. Ana Vell said the same.\n\n"
                + "Reyes and his crew sailed at dawn. \u{201C}We are late,\u{201D} he said.",
            ["Tomas Reyes", "Ana Vell", "Tomas Reyes"]
        ),
        // A name in a list is no subject.
        (
            "Tomas Reyes said the vote would pass. Ana Vell said it would not. Ilse Marr said she would abstain.\n\n"
                + "Vell, Reyes and Marr\n\n\u{201C}It is done,\u{201D} she said.",
            ["Tomas Reyes", "Ana Vell", "Ilse Marr", "Ilse Marr"]
        )
    ])
    func aPronounPointsBackToASubjectQuotedBeforeByName(text: String, speakers: [String]) {
        #expect(quotes(text).map(\.speaker) == speakers)
    }

    @Test func aRoleTiedToANameByAPrepositionIsNoName() {
        // Found reading a Multi-News digest: "..., the next leader of Senate Democrats said" gave the
        // speaker "Senate Democrats" with the role "next leader of".
        let q = finder.find(in: "The plan is \u{201C}a gift to the port,\u{201D} the next leader of Calder Democrats said.")
        #expect(q.map(\.speaker) == ["the next leader of Calder Democrats"])
        #expect(quotes("The plan is a gift, a spokesman for Brenna Ferries said.").map(\.speaker) == ["a spokesman for Brenna Ferries"])
        // A role with no preposition before the name still gives way to the name.
        #expect(quotes("The plan is a gift, harbour master Ana Vell said.").map(\.speaker) == ["Ana Vell"])
    }

    @Test func aNameThatOpensTheSentenceWithAnAppositionIsTheSpeaker() {
        // Found writing a digest fixture: "Ana Okafor, the harbour master, said the port would reopen ..."
        // gave no quote ("the" after the cue was read as opening a speaker, "said the president").
        #expect(quotes("Ana Okafor, the harbour master, said the port would reopen soon.").map(\.speaker) == ["Ana Okafor"])
        #expect(quotes("Mara Lind, who led the inquiry, said the report was final.").map(\.text) == ["the report was final"])
        // An opening time or place phrase is no speaker.
        #expect(!quotes("On Monday, the mayor said the port would reopen soon.").contains { $0.speaker == "On Monday" })
        #expect(!quotes("Yesterday, the mayor said the port would reopen soon.").contains { $0.speaker == "Yesterday" })
    }

    @Test func placeNamesAreNotCues() {
        #expect(quotes("The United States backed the plan after a long debate in the assembly.").isEmpty)
    }

    @Test func aQuotationSplitByItsSpeakerRunsOnIntoTheNextQuotation() {
        let q = quotes(
            "\u{201C}The ferry is back,\u{201D} Mara Lind said on Monday. \u{201C}It runs twice a day. Fares stay the same.\u{201D} Others doubt it.")
        #expect(q.map(\.speaker) == ["Mara Lind"])
        #expect(q.first?.text == "\u{201C}The ferry is back,\u{201D} Mara Lind said on Monday. \u{201C}It runs twice a day. Fares stay the same.\u{201D}")
        // No quotation after the sentence, or one in another paragraph: the quotation ends where it closes.
        #expect(quotes("\"The ferry is back,\" Mara Lind said. It runs twice a day.").first?.text == "\"The ferry is back,\"")
        #expect(
            quotes("\"The ferry is back,\" Mara Lind said.\n\n\"It runs twice a day,\" Ivo Brandt said.").map(\.text)
                == ["\"The ferry is back,\"", "\"It runs twice a day,\""])
        // The sentence quotes something after the speaker: that is where what was said goes on.
        #expect(quotes("\"The ferry is back,\" Mara Lind said, calling it \"a lifeline\". \"It runs daily.\"").first?.text.hasSuffix("daily.\"") == false)
    }

    @Test func aSpeakerIsNotTheClauseThatIntroducesThem() {
        #expect(quotes("Here's what Mara Lind said: \u{201C}The ferry is back for good.\u{201D}").map(\.speaker) == ["Mara Lind"])
        // Found in a digest: "UPDATE — 5:48 p.m. ET Donald Trump tweeted ..." had the speaker "ET Donald Trump".
        #expect(QuoteFinder.cleanName("ET Mara Lind", words: .english) == "Mara Lind")
    }

    @Test func aCueWordAfterAPrepositionIsANoun() {
        // Found in a digest: "He pushed back against claims that ..." gave the speaker "He pushed back against".
        #expect(quotes("Mara Lind offered a pitch. She pushed back against claims that the ferry is too slow.").isEmpty)
        #expect(quotes("Mara Lind claims that the ferry is fast enough.").map(\.speaker) == ["Mara Lind"])
    }

    @Test func aSpeakerAfterTheQuotationAndNotTheListener() {
        // Found reading a storm digest (four sources): '"...," New York Gov. Andrew Cuomo, assessing the
        // scope of ..., told NBC News.' gave the speaker "NBC News".
        let q = quotes(
            "\"We have not seen damage like this in a generation,\" Mayor Ilse Marr, surveying the flooded quays and the broken cranes, told Calder Radio.")
        #expect(q.map(\.speaker) == ["Ilse Marr"])
        #expect(q.map(\.text) == ["\"We have not seen damage like this in a generation,\""])
        #expect(!quotes("\"The quay is gone,\" told Calder Radio.").contains { $0.speaker == "Calder Radio" })
        // '"...," his sobbing grandmother, Jan Pugh, told The Virginian-Pilot' gave the speaker "Jan Pugh,".
        let told = quotes("\"I don't know what to say. He was wonderful,\" his grandmother, Ada Lind, told the Calder Courier.")
        #expect(told.map(\.speaker) == ["Ada Lind"])
        #expect(told.map(\.text) == ["\"I don't know what to say. He was wonderful,\""])
    }

    @Test func whatFollowsACueInLowerCaseIsWhatWasSaid() {
        // "Dawn Zimmer, mayor of Hoboken, N.J., said half the city remained flooded" gave the speaker
        // "half the city remained flooded Tuesday night" and the content "Dawn Zimmer, mayor of Hoboken".
        #expect(
            quotes("Ilse Marr, mayor of Calder, said half the town remained flooded on Tuesday night.").map { [$0.speaker, $0.text] }
                == [["Ilse Marr", "half the town remained flooded on Tuesday night"]])
        #expect(quotes("\"The quay is gone,\" said the harbour master.").map(\.speaker) == ["the harbour master"])
        // "Aides" opening a sentence names no one a later "he" could point to.
        #expect(quotes("Aides said the mayor was tired.\n\n\"It is late,\" he said.").map(\.speaker) == ["Aides", "he"])
    }

    @Test func aParagraphAfterSaidAndAColonIsWhatWasSaid() {
        // PolNeAR dev: "The governor added:", "Caddell continued:", then the words in the next paragraph.
        let q = quotes("The wall held for a week.\n\nMayor Ilse Marr added:\n\n\"It is typical of the council. It knows nothing.\"\n\nThe vote is on Monday.")
        #expect(q.map(\.speaker) == ["Ilse Marr"])
        #expect(q.map(\.text) == ["\"It is typical of the council. It knows nothing.\""])
        #expect(quotes("The harbour has three cranes:\n\nOne of them is new.").isEmpty)
    }

    @Test func aTaggedSourceLeavesOutWhatTheTaggerRanInto() {
        // PolNeAR dev sources the tagger ran long: 'the Nation," House Speaker Paul D. Ryan', "BRUSSELS -
        // European leaders", "The Times on Saturday", "the Human Rights Council in 2015", "I should".
        func trimmed(_ text: String, from: Int = 0) -> String {
            let s = Array(text.unicodeScalars)
            let tk = TimeToken.tokenize(s)
            guard let t = finder.trimmedSource(tk, from, tk.count - 1, s) else { return "" }
            return String(String.UnicodeScalarView(s[tk[t.from].start..<tk[t.to].end]))
        }
        #expect(trimmed("the Nation,\" Harbour Master Ilse Marr") == "Harbour Master Ilse Marr")
        #expect(trimmed("CALDER - Harbour officials") == "Harbour officials")
        #expect(trimmed("The Courier on Saturday") == "The Courier")
        #expect(trimmed("the harbour council in 2015") == "the harbour council")
        #expect(trimmed("The Courier just this month") == "The Courier")
        #expect(trimmed("I should") == "I")
        #expect(trimmed("The Monday Club") == "The Monday Club")
        #expect(trimmed("Ilse Marr") == "Ilse Marr")
        // The tagger took the last of the names joined by "and" ("France and Germany" gave "Germany").
        #expect(trimmed("Calder and Varne", from: 2) == "Calder and Varne")
        #expect(trimmed("the Varne Islands, Calder and Orr", from: 6) == "the Varne Islands, Calder and Orr")
        #expect(trimmed("On Monday, Ilse Marr", from: 3) == "Ilse Marr")
    }

    @Test func aPartyInParenthesesIsPartOfTheSpeakerAndAProgrammeTitleNoQuote() {
        // Found in the digest of a House vote (Multi-News dev cluster 47): '"...," House Minority Leader
        // Nancy Pelosi (D-San Francisco) said at a news conference.' gave the content "a news conference".
        let q = quotes("\"Let us supply the votes to keep the port open,\" Harbour Leader Ilse Marr (D-Calder) said at a news conference.")
        #expect(q.map(\.speaker) == ["Ilse Marr"])
        #expect(q.map(\.text) == ["\"Let us supply the votes to keep the port open,\""])
        // '... Sen. Lindsey Graham (R-S.C.) told The Huffington Post on Thursday.' gave the content "Thursday".
        let told = quotes("The wall will hold if it is rebuilt, Sen. Ada Lind (R-Calder) told The Calder Courier on Thursday.")
        #expect(told.map(\.text) == ["The wall will hold if it is rebuilt"])
        // 'In an interview on CBS's "Face the Nation," House Speaker Paul D. Ryan (R-Wis.) said ...': the
        // programme's name is no quotation of his.
        let title = quotes("In an interview on Calder Radio's \"Harbour Hour,\" Mayor Ilse Marr said the wall would hold.")
        #expect(title.map { [$0.speaker, $0.text] } == [["Ilse Marr", "the wall would hold"]])
    }

    @Test func claimedLivesAndNoDeathsReportedAreNoQuotes() {
        #expect(quotes("Accidents claimed more than 40 lives along the coast.").isEmpty)
        #expect(quotes("A fire raged on the quay, with 80 sheds destroyed but no deaths reported.").isEmpty)
        #expect(quotes("The council claimed that the wall would hold.").map(\.speaker) == ["The council"])
        // A wire story's closing line: "Hays reported from New York and Breed reported from Raleigh".
        #expect(quotes("Lind reported from Calder and Orr reported from Varne.").isEmpty)
        #expect(quotes("Lind said from Calder that the wall held.").map(\.text) == ["that the wall held"])
    }

    @Test func whatWasSaidStartsPastWhereAndWhenItWasSaid() {
        // Found in a Multi-News digest: "Julian Assange, the founder of WikiLeaks, said in a
        // television interview that ..." showed "in a television interview that ..." as his words.
        #expect(
            quotes("Ana Vell, the harbour master, said in a radio interview that the quay would reopen on Monday.").map(\.text)
                == ["that the quay would reopen on Monday"])
        // An article right after the cue opens what was said.
        #expect(quotes("The harbour master said a crane fell on the quay.").map(\.text) == ["a crane fell on the quay"])
        #expect(quotes("The harbour master said in a statement the quay would reopen.").map(\.text) == ["the quay would reopen"])
    }

    @Test func aWeddingStorysSpeakers() {
        // Found in the digest of a shooting at a wedding (Multi-News dev cluster 93).
        #expect(
            quotes("Ada Lind, police chief of Calder province, said a gunfight broke out between two groups attending the wedding late Sunday.").map {
                [$0.speaker, $0.text]
            }
                == [["Ada Lind", "a gunfight broke out between two groups attending the wedding late Sunday"]])
        #expect(quotes("Lind's spokesman, Ilse Marr, had earlier said that 10 people were wounded.").map(\.speaker) == ["Lind's spokesman"])
        #expect(quotes("Seven officers surrendered, according to provincial police chief Gen. Tomas Reyes.").map(\.speaker) == ["Tomas Reyes"])
    }

    @Test func aNegotiatorIsATitle() {
        // "China's chief negotiator Xie Zhenhua" was a speaker's name in a climate-talks digest.
        #expect(quotes("Calder's chief negotiator Ilse Marr said the deal was not perfect.").map(\.speaker) == ["Ilse Marr"])
    }

    @Test func heAfterSaidThePresidentIsThePresident() {
        let q = quotes(
            "\"All of us were shocked,\" said the president, who plans to visit Calder on Wednesday.\n\n\"This is going to take some time,\" he said.")
        #expect(q.map(\.speaker) == ["the president", "the president"])
    }

    @Test func aDegreePhraseIsNoSpeaker() {
        // Found reading a digest of a story told in posts: "Pretty much" was a speaker.
        #expect(quotes("Pretty much says it all, doesn't it?").isEmpty)
        #expect(quotes("Very much so, the harbour master says.").map(\.speaker) == ["the harbour master"])
        #expect(quotes("Ines Vidal pretty much says it all went well.").map(\.speaker) == ["Ines Vidal"])
    }

    @Test func oneNameAcrossSources() {
        var q = [
            finder.find(in: "\"This is a plot,\" Choe Myong-nam said."),
            finder.find(in: "\"We reject it,\" Mr. Choe said."),
            finder.find(in: "\"It is an insult,\" said Choe Myong Nam.")
        ]
        QuoteFinder.unifySpeakers(&q)
        #expect(Set(q.flatMap { $0.map(\.speaker) }).count == 1)
    }

    /// A surname alone is not given to one of two people who bear it: not when two speakers of it
    /// have other given names, nor when the texts name two people of it (each more than once) and
    /// only one speaks in full.
    @Test func aSurnameTwoPeopleBearStaysASurname() {
        let texts = [
            "\"We will win the vote,\" Pell said on Monday. Ivo Pell is the mayor of Calder; Ivo Pell took office in May.",
            "\"I am proud of him,\" said Ana Pell, his wife."
        ]
        var q = texts.map { finder.find(in: $0) }
        QuoteFinder.unifySpeakers(&q, texts: texts)
        #expect(q[0].map(\.speaker) == ["Pell"])
        #expect(q[1].map(\.speaker) == ["Ana Pell"])
        // Without the texts' second Pell, the one full name is taken.
        var alone = texts.map { finder.find(in: $0) }
        // (A capitalised word once before the surname is no second person: "Despite Pell".)
        QuoteFinder.unifySpeakers(&alone, texts: ["\"We will win the vote,\" Pell said on Monday. Despite Pell's lead, the count goes on.", texts[1]])
        #expect(alone[0].map(\.speaker) == ["Ana Pell"])
        // Two speakers of other given names leave the surname alone, texts or not.
        var two = [
            finder.find(in: "\"We will win,\" Pell said."), finder.find(in: "\"I am proud,\" said Ana Pell."),
            finder.find(in: "\"So am I,\" said Ivo Pell.")
        ]
        QuoteFinder.unifySpeakers(&two)
        #expect(two[0].map(\.speaker) == ["Pell"])
    }
}

@Suite struct NumberFinderTests {
    let finder = NumberFinder()

    func numbers(_ text: String) -> [(String, String?, String)] {
        finder.find(in: text, excluding: TimeTagger().tag(text, anchor: nil)).map { ($0.value, $0.qualifier, $0.counts) }
    }

    @Test func quantitiesWithWhatTheyCount() {
        let n = numbers("The plan passed by 41 votes to 28 with 3 abstentions; up to 120,000 prisoners are held and 1,200 jobs are at stake.")
        #expect(n.contains { $0 == ("41-28", nil, "votes") })
        #expect(n.contains { $0 == ("3", nil, "abstentions") })
        #expect(n.contains { $0 == ("120000", "up to", "prisoners") })
        #expect(n.contains { $0 == ("1200", nil, "jobs") })
    }

    @Test func theNounCountedIsTheHeadNotAModifierOrAPossessive() {
        let n = numbers("Two senior port officials will brief the council at the request of 10 of the assembly's 15 members.")
        #expect(n.contains { $0 == ("2", nil, "officials") })
        #expect(n.contains { $0 == ("10", nil, "members") })
        // Fillers after the possessive's number count from there, not from the first number.
        #expect(numbers("The request of 10 of the council's 15 senior members was heard.").contains { $0 == ("10", nil, "members") })
        #expect(finder.find(in: "at the request of 10 of the assembly's 15 members.").map(\.text) == ["10 of the assembly's 15 members"])
        // One of a kind stays singular: "one port official" is not about ports, nor "2 steel mills" about steel.
        #expect(numbers("They shut 2 steel mills.").contains { $0 == ("2", nil, "mills") })
        // A name after the number is what it counts.
        #expect(numbers("5 Democrats voted against the wall.").contains { $0 == ("5", nil, "democrats") })
        #expect(numbers("Three U.N. envoys arrived.").contains { $0 == ("3", nil, "envoys") })
        #expect(numbers("Not a single job was lost.").isEmpty)
    }

    @Test func moneyPercentagesAndScales() {
        let n = numbers("The wall costs $4.2 million, and exports fell 12 percent, or 14.5 million tonnes.")
        #expect(n.contains { $0.0 == "4200000" && $0.2 == "dollars" })
        #expect(n.contains { $0.0 == "12" && $0.2 == "percent" })
        #expect(n.contains { $0.0 == "14500000" && $0.2 == "tonnes" })
    }

    @Test func shortScalesMultiplyMoneyAndOnlyMoney() {
        // "$3bn" was 3 dollars in a digest of a British story.
        let n = numbers("The port borrowed $3bn and €40m, and £2.5bn more; the new pier is 3m wide.")
        #expect(n.map(\.0) == ["3000000000", "40000000", "2500000000", "3"])
        #expect(n.map(\.2) == ["dollars", "euros", "pounds", "m"])
        #expect(numbers("Exports fell to 4.5 bn tonnes.").map(\.0) == ["4500000000"])
    }

    @Test func yearsDatesAndAgesAreNotQuantities() {
        #expect(numbers("The harbour wall, built in 1911, was inspected on March 3 by a 61-year-old engineer.").isEmpty)
    }

    @Test func aNumberANounNamesIsALabelNotAQuantity() {
        // Found reading a digest of two articles on a diverted plane: "116 bound", "116 as".
        #expect(numbers("Passengers aboard Calder flight 116 bound for Oslo were held. Harbour Air Flight 116 as it landed was met.").isEmpty)
        #expect(numbers("The ferry leaves from Gate 7 and Route 66 runs past it; the No. 1 bus is late.").isEmpty)
        #expect(numbers("The club ordered 12 Boeing 737 jets.").map(\.0) == ["12"])
        #expect(numbers("Flight 116 carried 240 passengers.").map(\.2) == ["passengers"])
        #expect(numbers("Flight 116 carried 240 passengers.").map(\.0) == ["240"])
    }

    @Test func aPossessiveIsNoCountedNounAndTimesAreNoQuantity() {
        // Found in a digest of a debate story: "seven of his" was a key number, and "five times" and
        // "four times" a disagreement.
        #expect(numbers("The mayor will not debate seven of his fellow candidates.").map(\.2) == ["candidates"])
        #expect(numbers("She has won five times, and lost four times.").isEmpty)
        // "news" ends in s and is singular: the programs are counted ("news" was, in the debate story).
        #expect(numbers("The mayor went on seven network news programs.").map(\.2) == ["programs"])
        #expect(numbers("She went on the five network Sunday morning programs.").map(\.2) == ["programs"])
        // A title is no count: "100 Deadly Skills" was a key number of a story about a Navy trainee.
        #expect(numbers("Read \"100 Deadly Skills\" by Ada Lind, or 3 Harbour Tales: A Guide.").isEmpty)
        #expect(numbers("100 Deadly Skills: A Guide").isEmpty)
        #expect(numbers("Five New York hospitals and 12 Boeing jets.").map(\.2) == ["hospitals", "jets"])
        #expect(numbers("Two port officials and three harbour pilots spoke.").map(\.2) == ["officials", "pilots"])
        // A headline in title case is no count: which capitalised word is the noun cannot be read
        // ("Three Pirate Vessels" had counted "Pirate", against "26 pirates").
        #expect(numbers("Coast Guard Stops Three Smuggler Boats In One Night Raid").isEmpty)
        #expect(numbers("Five New York City hospitals closed.").map(\.2) == ["hospitals"])
        // A hyphenated word before a plural qualifies it ("Two post-debate" was a key number); alone
        // it is the noun ("co-sponsors"). A verb after a figure counts nothing ("270 goes").
        #expect(numbers("Two post-vote surveys and 48 co-sponsors.").map(\.2) == ["surveys", "co-sponsors"])
        #expect(numbers("The road to 212 goes through the coast.").isEmpty)
    }

    @Test func numbersInCodesAndHandlesAreNotQuantitiesAndScalesAfterOfMultiply() {
        // Found reading a digest of a story told in posts: "8aanQvxDK" and "4life" were key numbers.
        #expect(numbers("See pic.example.com/8aanQvxDK6 and @harbour4life1968 for more.").isEmpty)
        #expect(numbers("https://t.co/2bx54VKpQh and www.example.org/7days and ana@port9.example").isEmpty)
        #expect(numbers("The port spent $3 million on 20km of quays.").map(\.0) == ["3000000", "20"])
        #expect(numbers("A couple of thousand retweets later, the mayor replied.").map(\.0) == ["2000"])
    }

    @Test func sumsOfMoneyAndPercentagesDisagreeOnlyWhenClose() {
        // Found across 60 Multi-News clusters: "$50,000" against "$3.5 million", "35.8 percent" against
        // "6.8 percent" were shown as disagreements; they are different figures.
        let apart = [
            finder.find(in: "The fine was $50,000 and 35.8 percent of the port was shut."),
            finder.find(in: "The quay cost $3.5 million; 6.8 percent of boats left.")
        ]
        #expect(NumberFinder.disagreements(apart, dates: [nil, nil]).isEmpty)
        let close = [finder.find(in: "In all, 94 percent of the crews voted to strike."), finder.find(in: "Exactly 97% of crews voted to strike.")]
        #expect(NumberFinder.disagreements(close, dates: [nil, nil]).map(\.about) == ["percent"])
        // Counts may grow far as a story goes on: a toll of 23, then 247, is one disagreement.
        let toll = [finder.find(in: "At least 23 people died."), finder.find(in: "At least 247 people died.")]
        #expect(NumberFinder.disagreements(toll, dates: ["2025-03-01", "2025-03-02"]).map(\.about) == ["people"])
    }

    @Test func figuresAreTheSameThingOnlyWhenTheWordsAroundThemMeetIt() throws {
        // Found across 100 Multi-News clusters: "24 million viewers" of a debate against "3.201 million
        // total viewers" of a town hall, "593 likes an hour" against "33,118,444 Facebook likes".
        let viewers = [
            finder.find(in: "The first debate drew more than 24 million viewers."),
            finder.find(in: "The town hall averaged 3.2 million viewers.")
        ]
        #expect(NumberFinder.disagreements(viewers, dates: [nil, nil]).isEmpty)
        let flights = [
            finder.find(in: "More than 18,000 flights had been canceled by Tuesday."),
            finder.find(in: "Airlines canceled more than 15,000 flights.")
        ]
        #expect(NumberFinder.disagreements(flights, dates: [nil, nil]).map(\.about) == ["flights"])
        // Words that say the same: dead, killed, died.
        let toll = [
            finder.find(in: "At least 230 people were reported dead in three towns."),
            finder.find(in: "The quake killed at least 241 people.")
        ]
        #expect(NumberFinder.disagreements(toll, dates: [nil, nil]).map { $0.values.map(\.value) } == [["230", "241"]])
        // A source that gives two figures for one noun: the one the other source's words meet.
        let students = [
            finder.find(in: "Four students were sent home. Lifeguards rescued 22 students from the cove."),
            finder.find(in: "Lifeguards pulled 20 students from the cove.")
        ]
        let d = try #require(NumberFinder.disagreements(students, dates: [nil, nil]).first)
        #expect(d.values.map(\.value) == ["22", "20"])
        #expect(finder.find(in: "Lifeguards rescued 22 students from the cove.").first?.context == ["lifeguard", "rescu", "cove"])
    }

    @Test func aRangeIsOneQuantity() throws {
        let range = try #require(finder.find(in: "In total, between 18 and 22 students had to be rescued.").first)
        #expect(range.text == "between 18 and 22 students")
        #expect(range.value == "22" && range.low == "18" && range.qualifier == "between 18 and")
        let money = finder.find(in: "Residents paid from $1.6 million to $10 million for their condos.")
        #expect(money.map(\.text) == ["from $1.6 million to $10 million"])
        #expect(money.first?.low == "1600000" && money.first?.value == "10000000")
        #expect(finder.find(in: "Waves were 80 to 100 feet high.").map(\.text) == ["80 to 100 feet"])
        #expect(finder.find(in: "Victims as young as 2 or 3 years old.").map(\.low) == ["2"])
        // "15 and 20" alone is two figures, not a range.
        #expect(finder.find(in: "It killed 15 and wounded 20 people.").map(\.value) == ["20"])
        // The same range put two ways agrees.
        let waves = [
            finder.find(in: "Waves were between two and four feet at the time of the rescue."),
            finder.find(in: "The waves at the time of the rescue were 2 to 4 feet.")
        ]
        #expect(NumberFinder.disagreements(waves, dates: [nil, nil]).isEmpty)
    }

    @Test func ratesAreNotTotals() throws {
        // Found across 100 Multi-News clusters: "80g" a portion against "800g a day", "37 children"
        // who die each year against "11 children" dead this July.
        #expect(finder.find(in: "The clinic sees 40 patients a day.").first?.per == "D")
        #expect(finder.find(in: "The page lost 593 friends per hour.").first?.per == "H")
        #expect(finder.find(in: "Five portions of fruit and vegetables a day cut the risk.").first?.per == "D")
        #expect(finder.find(in: "About 37 children die of heat in cars each year.").first?.per == "Y")
        #expect(finder.find(in: "Some 50 people left a day after the vote.").first?.per == nil, "a day after is a time")
        #expect(finder.find(in: "A portion counts as 80g of fruit.").first?.per == nil)
        // A publication's name is no rate ("the Electric Power Monthly").
        let report = "According to the Harbour Monthly, more than 10 percent of the cargo came by rail."
        #expect(finder.find(in: report, excluding: TimeTagger().tag(report, anchor: nil)).first?.per == nil)
        let clinic = [
            finder.find(in: "The Calder clinic treats 40 patients a day."),
            finder.find(in: "The Calder clinic treated 55 patients after the flood.")
        ]
        #expect(NumberFinder.disagreements(clinic, dates: [nil, nil]).isEmpty)
        // Two rates of the same period are one figure put two ways.
        let page = [
            finder.find(in: "The mayor's page was losing 593 followers an hour."),
            finder.find(in: "The mayor's page lost 847 followers an hour on Saturday.")
        ]
        #expect(NumberFinder.disagreements(page, dates: [nil, nil]).map { $0.values.map(\.value) } == [["593", "847"]])
    }

    @Test func figuresOfAnotherYearAreAnotherFigure() throws {
        let tagger = TimeTagger()
        func facts(_ text: String, _ date: String?) -> [Quantity] {
            finder.find(in: text, excluding: tagger.tag(text, anchor: date.flatMap(CivilDate.init(iso:))))
        }
        // The 2009 flood's toll against this week's.
        let old = facts("The flood recalled the 2009 storm that destroyed more than 300 homes in Calder.", "2024-05-02")
        #expect(old.first?.years == [2009])
        let now = facts("The flood destroyed 120 homes in Calder on Tuesday.", "2024-05-02")
        let later = facts("Floodwater destroyed 130 homes in Calder.", "2024-05-03")
        let d = NumberFinder.disagreements([old, now, later], dates: ["2024-05-02", "2024-05-02", "2024-05-03"])
        #expect(d.map { $0.values.map(\.value) } == [["120", "130"]])
        // When no source is dated, a figure with no year of its own is of the story's present: the
        // 2009 storm's toll is background, not a rival count.
        #expect(NumberFinder.disagreements([old, later], dates: [nil, nil]).isEmpty)
        // When some source is dated, an undated one's figure is of any year a source is dated by.
        #expect(NumberFinder.disagreements([now, later], dates: ["2024-05-02", nil]).map { $0.values.map(\.value) } == [["120", "130"]])
    }

    @Test func countsFarFromTheirGroupAreOtherFigures() throws {
        // Found across 100 Multi-News clusters: "10 people" killed in New York City against "at least 46"
        // in all; "three states" with paid leave against "all 50 states"; "three Republicans" voting
        // present among "seven Republicans" voting no.
        let storm = [
            finder.find(in: "The storm killed at least 46 people across the coast."),
            finder.find(in: "The storm killed 10 people in Calder."),
            finder.find(in: "At least 48 people were killed by the storm.")
        ]
        #expect(NumberFinder.disagreements(storm, dates: [nil, nil, nil]).map { $0.values.map(\.value) } == [["46", "48"]])
        // Sources a day apart may tell a toll that grew.
        let toll = [finder.find(in: "At least 23 people died in the quake."), finder.find(in: "At least 247 people died in the quake.")]
        #expect(NumberFinder.disagreements(toll, dates: [nil, nil]).isEmpty)
        #expect(NumberFinder.disagreements(toll, dates: ["2025-03-01", "2025-03-02"]).map { $0.values.map(\.value) } == [["23", "247"]])
    }

    @Test func disagreementAcrossSourcesWithDates() throws {
        let texts = [
            "The resolution, co-sponsored by 48 countries, goes to a vote.",
            "The draft resolution currently has some 50 co-sponsors.",
            "Co-sponsored by 62 members, the resolution passed.",
            "It passed with 55 abstentions."
        ]
        let quantities = texts.map { finder.find(in: $0) }
        let d = NumberFinder.disagreements(
            quantities + [finder.find(in: "There were 55 abstentions.")],
            dates: ["2025-03-01", "2025-03-05", "2025-03-09", nil, nil])
        try #require(d.count == 1, "55 abstentions agree; co-sponsors do not")
        #expect(d[0].about == "co-sponsors")
        #expect(d[0].values.map(\.value) == ["48", "50", "62"])
        #expect(d[0].values.map(\.qualifier) == [nil, "some", nil])
        #expect(d[0].values.map(\.date) == ["2025-03-01", "2025-03-05", "2025-03-09"])
    }
}

@Suite struct EntityFinderTests {
    @Test func namesRankedBySourcesThenMentions() throws {
        let texts = [
            "The Ostmark Coast assembly voted on Tuesday. Minister Ilse Marr said the Halvard Bay terminal would close.",
            "Halvard Bay's dock workers protested. Marr defended the plan before the Ostmark Coast assembly.",
            "Workers in Halvard Bay fear for their jobs, the Dockers Union said."
        ]
        let entities = EntityFinder().rank(texts: texts)
        #expect(entities.first?.name == "Halvard Bay")
        #expect(entities.first?.documents == 3)
        let marr = try #require(entities.first { $0.name == "Ilse Marr" })
        #expect(marr.kind == .person)
        #expect(marr.mentions == 2, "the surname alone counts for the full name")
        #expect(entities.first { $0.name == "Dockers Union" }?.kind == .organisation)
        // A sentence's first word is not a name by itself.
        #expect(!entities.contains { $0.name == "Workers" || $0.name == "The" })
    }
}

@Suite struct FactsBadInputTests {
    @Test func unbalancedQuotationMarks() {
        let text = "“We will rebuild, said the mayor. \"The wall is safe,” she added. ” And then ” nothing."
        let quotes = QuoteFinder().find(in: text)
        let scalars = Array(text.unicodeScalars)
        for q in quotes {
            #expect(q.start >= 0 && q.start <= q.end && q.end <= scalars.count)
            #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text)
        }
    }

    @Test func aTenThousandWordQuote() {
        let body = Array(repeating: "the harbour wall will be rebuilt before winter", count: 1_250).joined(separator: " ")
        let text = "“" + body + ",” Mayor Petra Lindqvist said."
        let quotes = QuoteFinder().find(in: text)
        #expect(quotes.count == 1)
        #expect(quotes.first?.speaker == "Petra Lindqvist")
        #expect(quotes.first.map { $0.end - $0.start } ?? 0 >= body.unicodeScalars.count, "the whole quotation is the content")
        let facts = StoryFacts.read(texts: [text], dates: ["2025-03-12"])
        #expect(facts.quotes.count == 1)
    }

    @Test func impossibleDatesAreNotDates() {
        let tagger = TimeTagger()
        #expect(tagger.tag("The filing is dated 2014-02-30.", anchor: nil).isEmpty)
        #expect(tagger.tag("It happened on 13/45/2014.", anchor: nil).isEmpty)
        #expect(CivilDate(iso: "2014-02-30") == nil)
        // An impossible article date is no anchor: relative dates stay unresolved.
        let facts = StoryFacts.read(texts: ["The vote was on Tuesday."], dates: ["2014-02-30"])
        #expect(facts.times.first?.first?.value == "XXXX-WXX-2")
        // Feb. 30 written out is a day-and-month form with no such day: no crash, no value out of range.
        let feb = tagger.tag("It was signed on Feb. 30.", anchor: CivilDate(iso: "2014-03-01"))
        #expect(feb.allSatisfy { $0.value.map { CivilDate(iso: $0) != nil || !$0.hasSuffix("-30") } ?? true })
    }

    @Test func emptyAndOddTexts() {
        for text in ["", " ", "\"", "“”", "said", "according to", "111 to", "$", "the the the"] {
            _ = StoryFacts.read(texts: [text], dates: [nil])
        }
    }
}
