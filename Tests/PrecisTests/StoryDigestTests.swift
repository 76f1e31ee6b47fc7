import Foundation
import PrecisFacts
import PrecisIngest
import Testing

@testable import Precis

/// The five seed articles (../shared/data/seeds, read in place): five outlets, one story.
enum SeedFiles {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/seeds")
    static var available: Bool { FileManager.default.fileExists(atPath: directory.path) }
}

@Suite struct StoryDigestTests {
    static let harbour = """
        Calder council votes to rebuild harbour wall

        The Calder town council voted on Monday to rebuild the crumbling harbour wall before winter, \
        approving 4.2 million crowns for the work after a four-hour debate. Mayor Petra Lindqvist said \
        the wall, built in 1911, could not survive another season of gales.
        """
    static let harbourAgain = """
        Harbour wall rebuild approved in Calder

        Calder will rebuild its harbour wall this autumn after the town council approved 4.2 million \
        crowns on Monday. Mayor Petra Lindqvist said the 1911 wall cracked in three places last winter.
        """
    static let chess = """
        Teenager wins Norland chess championship

        Sixteen-year-old Mira Sandvik won the Norland chess championship in Vesterby on Sunday, beating \
        grandmaster Tomas Ekholm in a final game that lasted more than six hours.
        """

    func article(_ origin: String, _ text: String, date: String? = nil) -> Article {
        Article(origin: origin, date: date, text: text)
    }

    @Test func storiesComeBiggestFirstWithCopiesFolded() throws {
        let articles = [
            article("chess.txt", Self.chess, date: "2025-03-09"),
            article("harbour.txt", Self.harbour, date: "2025-03-03"),
            article("harbour-2.txt", Self.harbourAgain, date: "2025-03-04"),
            article("harbour-copy.txt", "WIRE\n\n" + Self.harbour.split(separator: "\n", maxSplits: 2)[1], date: "2025-03-03"),
            article("notice.txt", "Notice\n\nPlease log in.")
        ]
        let (stories, skipped) = Pipeline().storyDigests(articles: articles, budget: .words(60))
        #expect(skipped.map(\.origin) == ["notice.txt"])
        try #require(stories.count == 2)
        let harbour = stories[0]
        #expect(harbour.articleCount == 3)
        #expect(harbour.digest.documents.map(\.file) == ["harbour.txt", "harbour-2.txt"])
        #expect(harbour.digest.copies.map(\.document.file) == ["harbour-copy.txt"])
        #expect(harbour.digest.copies.first?.of == 0)
        #expect(harbour.latestDate == "2025-03-04")
        #expect(stories[1].digest.documents.map(\.file) == ["chess.txt"])
        // Every summary sentence cites a source of its own story, with exact offsets.
        for story in stories {
            for s in story.digest.sentences {
                let scalars = Array(story.digest.documents[s.document].text.unicodeScalars)
                #expect(String(String.UnicodeScalarView(scalars[s.start..<s.end])) == s.text)
            }
        }
        let json = DigestRenderer.render(stories, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let list = try #require(object["stories"] as? [[String: Any]])
        #expect(list.count == 2)
        #expect(list[0]["articles"] as? Int == 3)
        #expect((list[0]["copies"] as? [[String: Any]])?.first?["copy_of"] as? Int == 0)
        let markdown = DigestRenderer.render(stories, as: .markdown)
        #expect(markdown.hasPrefix("# Stories\n\n## "))
        #expect(markdown.contains("Near-copies folded in"))
        let html = DigestRenderer.render(stories, as: .html)
        #expect(html.contains("id=\"story-\(harbour.story)-source-1\""))
    }

    @Test(.enabled(if: SeedFiles.available, "needs ../shared/data/seeds"))
    func seedsAreOneStoryAndNoneIsACopy() throws {
        let intake = InputReader().read(paths: [SeedFiles.directory.path])
        #expect(intake.documents.count == 5)
        let pipeline = Pipeline()
        let (articles, failed) = pipeline.articles(from: intake.documents)
        #expect(failed.isEmpty)
        let (stories, skipped) = pipeline.storyDigests(articles: articles, budget: .words(100))
        #expect(skipped.isEmpty)
        try #require(stories.count == 1)
        #expect(stories[0].digest.documents.count == 5)
        #expect(stories[0].digest.copies.isEmpty, "the seeds share passages but none is a copy of another")
    }
}

@Suite struct SharedPassageTests {
    @Test func aWireSentenceCitesEveryOutletThatRanIt() throws {
        let wire = "The Calder council voted on Monday to rebuild the harbour wall, approving 4.2 million crowns for the work."
        let articles = [
            Article(origin: "a.txt", text: wire + " Mayor Petra Lindqvist said the old wall could not survive another winter of gales."),
            // The same sentence with curly quotes' neighbours, a dash and other spacing: still the same passage.
            Article(
                origin: "b.txt",
                text:
                    "Fishing crews cheered outside the town hall as the result was read.\n\nThe Calder council voted on Monday to rebuild the harbour wall,  approving 4.2 million crowns for the work."
            ),
            Article(origin: "c.txt", text: "Skipper Jonas Brek said waves broke over the wall twice last winter and damaged three boats.")
        ]
        let digest = Pipeline().digest(articles: articles, budget: .words(200))
        let cited = try #require(digest.sentences.first { $0.text == wire })
        #expect(cited.document == 0)
        #expect(cited.also.map(\.document) == [1])
        let passage = try #require(cited.also.first)
        let scalars = Array(articles[1].text.unicodeScalars)
        let there = String(String.UnicodeScalarView(scalars[passage.start..<passage.end]))
        #expect(there.hasPrefix("The Calder council voted on Monday") && there.hasSuffix("for the work."))
        #expect(DigestRenderer.render(digest, as: .text).contains("for the work. [1, 2]"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(DigestRenderer.render(digest, as: .json).utf8)) as? [String: Any])
        let sentences = try #require(json["sentences"] as? [[String: Any]])
        #expect(sentences.contains { ($0["also"] as? [[String: Any]])?.first?["document"] as? Int == 1 })
        // Sentences found in one source only have no "also".
        #expect(digest.sentences.filter { $0.text != wire }.allSatisfy { $0.also.isEmpty })
    }
}

@Suite(.enabled(if: SeedFiles.available, "needs ../shared/data/seeds"))
struct SeedTimelineTests {
    @Test func reportAndVoteAreDatedAndCiteTheirSources() throws {
        let intake = InputReader().read(paths: [SeedFiles.directory.path])
        let pipeline = Pipeline()
        let articles = pipeline.articles(from: intake.documents).articles
        let digest = pipeline.digest(articles: articles, budget: .words(100))
        // The digest numbers its sources in date order; `document` indexes its own list.
        let files = digest.documents.map { ($0.file as NSString).lastPathComponent }
        func cited(_ entry: TimelineEntry) -> Set<String> { Set(entry.sources.map { String(files[$0.document].prefix(3)) }) }

        // The inquiry's report: 001 dates it (Feb. 17, article of 2014-11-10); the others say "in February".
        let report = try #require(digest.timeline.first { $0.date == "2014-02-17" })
        #expect(cited(report).isSuperset(of: ["001", "000", "002", "004"]))
        // The committee vote: 003 (dated 2014-11-18) says "on Tuesday"; 000 (undated) "will vote Tuesday".
        let vote = try #require(digest.timeline.first { $0.date == "2014-11-18" && $0.text.contains("voted") })
        #expect(cited(vote).isSuperset(of: ["003", "000"]))
        // Each source span gives back a sentence that names the event's time.
        for s in report.sources + vote.sources {
            let text = Array(digest.documents[s.document].text.unicodeScalars)
            let sentence = String(String.UnicodeScalarView(text[s.start..<s.end]))
            #expect(sentence.contains("Feb") || sentence.contains("Tuesday"), "\(sentence)")
        }
        #expect(digest.timeline.map(\.date) == digest.timeline.map(\.date).sorted())
    }
}

@Suite(.enabled(if: SeedFiles.available, "needs ../shared/data/seeds"))
struct SeedFactsTests {
    @Test func coSponsorFiguresDisagreeAndTheVoteTallyAgrees() throws {
        let intake = InputReader().read(paths: [SeedFiles.directory.path])
        let pipeline = Pipeline()
        let articles = pipeline.articles(from: intake.documents).articles
        let facts = pipeline.facts(articles: articles)
        let cosponsors = try #require(facts.disagreements.first { $0.about == "co-sponsors" })
        #expect(Set(cosponsors.values.map(\.value)) == ["48", "50", "60", "62"])
        #expect(cosponsors.values.first { $0.value == "60" }?.qualifier == "more than")
        #expect(cosponsors.values.first { $0.value == "50" }?.qualifier == "some")
        // In date order, known or inferred: the count rose as the vote neared.
        let dates = cosponsors.values.compactMap(\.date)
        #expect(dates.count == 4 && dates == dates.sorted())
        #expect(cosponsors.values.first?.date == "2014-11-10")
        #expect(cosponsors.kind == .changed)
        #expect(cosponsors.values.contains { $0.dateInferred })
        #expect(!facts.disagreements.contains { $0.about == "votes" }, "111 to 19 is the same tally everywhere")
        let numbers = facts.numbers.flatMap { $0 }
        #expect(numbers.contains { $0.value == "111-19" })
        #expect(numbers.contains { $0.value == "55" && $0.counts == "abstentions" })
        #expect(numbers.contains { $0.value == "120000" && $0.qualifier == "up to" })
        // Quotes carry their document spans, and named speakers.
        for (d, quotes) in facts.quotes.enumerated() {
            for q in quotes {
                let scalars = Array(articles[d].text.unicodeScalars)
                #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text)
            }
        }
        #expect(facts.quotes.joined().contains { $0.speaker == "Sue Mi Terry" && $0.direct })
    }

    @Test func theDigestsVoicesIncludeNorthKoreasEnvoyAndTheInquirysChair() throws {
        let intake = InputReader().read(paths: [SeedFiles.directory.path])
        let digest = Pipeline().digest(intake.documents, budget: .words(200)).digest
        let voices = digest.keyQuotes().map(\.quote.speaker)
        #expect(voices.first == "Choe Myong-nam", "quoted four times: \(voices)")
        #expect(voices.contains("Michael Kirby"), "\(voices)")
        #expect(voices.contains("Sue Mi Terry") && voices.contains("Kim Song"), "\(voices)")
        #expect(Set(voices).count == voices.count, "one quote per voice first: \(voices)")
    }
}

@Suite(.enabled(if: SeedFiles.available, "needs ../shared/data/seeds"))
struct SeedQuoteTests {
    @Test func namedSpeakersAndNoWordThatIsNotASpeaker() throws {
        let intake = InputReader().read(paths: [SeedFiles.directory.path])
        let pipeline = Pipeline()
        let articles = pipeline.articles(from: intake.documents).articles
        let quotes = pipeline.facts(articles: articles).quotes.joined()
        func said(_ speaker: String, _ words: String) -> Bool {
            quotes.contains { $0.speaker == speaker && $0.text.contains(words) }
        }
        #expect(said("Michael Kirby", "crumbs being thrown"))
        #expect(said("Sue Mi Terry", "Today was a very significant day"))
        #expect(said("Kim Song", "Its mandate is not human rights"))
        #expect(said("Kim Song", "We will not attend"), "\"he told AFP\" points back to Kim Song")
        // A quote that opened in the sentence before keeps its start.
        #expect(said("Kim Song", "We cannot recognize the Security Council meeting"))
        let notSpeakers: Set<String> = ["and", "had", "who", "that", "it", "the", "states", "united"]
        for q in quotes {
            let lower = q.speaker.lowercased()
            #expect(!notSpeakers.contains(lower), "\(q.speaker)")
            // An adverb ("currently") is not a speaker either.
            #expect(!(lower.split(separator: " ").allSatisfy { $0.hasSuffix("ly") }), "\(q.speaker)")
            #expect(!lower.split(separator: " ").contains { ["should", "might", "would", "was", "were", "is"].contains(String($0)) }, "\(q.speaker)")
        }
    }
}

/// The story as it stands now, on invented stories: a preview, the report that overtakes it, and a
/// follow-up.
@Suite struct StoryInTimeTests {
    let preview = Article(
        origin: "preview.txt",
        text: """
            The Calder council will vote on Tuesday on the plan to rebuild the harbour wall before winter. \
            Councillors are expected to back the plan, which would cost 4.2 million euros.
            """)
    let report = Article(
        origin: "report.txt", date: "2025-03-11",
        text: """
            The Calder council voted on Tuesday to rebuild the harbour wall before winter, approving the plan by 41 votes to 28. \
            The work will cost 4.2 million euros and start this week.
            """)
    let followUp = Article(
        origin: "followup.txt", date: "2025-03-14",
        text: """
            Cranes arrived at the Calder harbour on Friday as work on the new harbour wall began. \
            The council approved the plan on Tuesday after a long debate about its cost.
            """)

    @Test func thePreviewIsDatedBeforeTheReportAndTheSummaryLeadsWithTheOutcome() throws {
        let digest = Pipeline().digest(articles: [preview, followUp, report], budget: .words(60))
        // Sources in date order; the preview, undated, goes before the report it announces.
        #expect(digest.documents.map(\.file) == ["preview.txt", "report.txt", "followup.txt"])
        let dating = try #require(digest.documents[0].dateInferred)
        #expect(dating.latest == "2025-03-11")
        #expect(!dating.evidence.isEmpty)
        for e in dating.evidence {
            let text = digest.documents[e.document].text
            #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[e.start!..<e.end!])) == e.text)
        }
        // The preview's announcement is overtaken by the report: not what the summary tells.
        #expect(!digest.sentences.contains { $0.text.contains("will vote on Tuesday") }, "\(digest.sentences.map(\.text))")
        #expect(digest.sentences.first?.document != 0)
        // The vote is an event that happened, not an expected one.
        let vote = try #require(digest.timeline.first { $0.date == "2025-03-11" })
        #expect(!vote.expected)
        #expect(digest.headline != nil)
    }

    /// A dated summary leads with the story as it stands: what the latest source tells, not the
    /// first report all sources retell; and not a plan the latest source announces.
    @Test func aDatedSummaryLeadsWithTheLatestSourcesNews() throws {
        let vote = Article(
            origin: "vote.txt", date: "2025-03-11",
            text: """
                The Calder council voted on Tuesday to rebuild the old harbour wall before the winter storms. \
                The harbour wall plan passed by nine votes to four after a long debate about its cost.
                """)
        let praise = Article(
            origin: "praise.txt", date: "2025-03-12",
            text: """
                Fishermen praised the Calder council vote to rebuild the old harbour wall before the winter storms. \
                The old harbour wall has stood since 1904 and was last repaired in 1988.
                """)
        let cracks = Article(
            origin: "cracks.txt", date: "2025-04-02",
            text: """
                Engineers found deep cracks along the northern end of the wall on Wednesday and closed the quay to ferries. \
                The council's works committee will meet on Monday to hear the engineers explain the cracks.
                """)
        let digest = Pipeline().digest(articles: [vote, praise, cracks], budget: .words(80))
        let lead = try #require(digest.sentences.first)
        #expect(lead.text.hasPrefix("Engineers found deep cracks"), "\(digest.sentences.map(\.text))")
        // When the latest source only announces what is to come, the lead is a settled fact.
        let plan = Article(
            origin: "plan.txt", date: "2025-04-02",
            text: """
                The Calder council's works committee will meet on Monday to hear engineers on the old harbour wall and the vote to rebuild it.
                """)
        let announced = Pipeline().digest(articles: [vote, praise, plan], budget: .words(80))
        let first = try #require(announced.sentences.first)
        #expect(first.document != 2, "\(announced.sentences.map(\.text))")
    }

    /// An event several sources tell is shown in a sentence that reads alone, and cites its source
    /// first; not the editorial's "But ..." that an earlier source happened to put it in.
    @Test func aTimelineEntryIsToldInASentenceThatReadsAlone() throws {
        let editorial = Article(
            origin: "editorial.txt", date: "2025-03-15",
            text: """
                The harbour had been safe for decades. \
                But not even the new wall could stop the storm that sank the Calder ferry off the north quay on Friday night, drowning two crew.
                """)
        let report = Article(
            origin: "report.txt", date: "2025-03-16",
            text: """
                The Calder ferry sank in a storm off the north quay on Friday night, drowning two of its crew, the harbour master said. \
                Divers were searching the wreck on Sunday.
                """)
        let facts = Pipeline().facts(articles: [editorial, report])
        let sinking = try #require(facts.timeline.first { $0.date == "2025-03-14" })
        #expect(sinking.text.hasPrefix("The Calder ferry sank"), "\(sinking.text)")
        #expect(sinking.sources.map(\.document) == [1, 0])
        let digest = Pipeline().digest(articles: [editorial, report], budget: .words(60))
        let shown = try #require(digest.timeline.first { $0.date == "2025-03-14" })
        #expect(shown.text.hasPrefix("The Calder ferry sank"), "\(shown.text)")
        let span = try #require(shown.sources.first)
        let text = digest.documents[span.document].text
        #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[span.start..<span.end])) == shown.text)
    }

    @Test func anAnnouncedEventNoSourceReportsIsExpected() throws {
        let facts = Pipeline().facts(articles: [
            Article(
                origin: "a.txt", date: "2025-03-10",
                text: """
                    The Calder council will vote on Tuesday on the plan to rebuild the harbour wall before winter.
                    """)
        ])
        let vote = try #require(facts.timeline.first)
        #expect(vote.date == "2025-03-11" && vote.expected)
    }

    @Test func anUndatedSourcesAnnouncedEventIsPlacedByTheDatesItWasWrittenBetween() throws {
        // Undated: it names a past full date (so it was written on or after 2025-04-02), and
        // announces a hearing "on Monday": the first Monday from then is 2025-04-07.
        let later = Article(
            origin: "later.txt",
            text: """
                The Calder harbour wall, finished on April 2, 2025, already shows cracks along its northern end. \
                The council's works committee is expected on Monday to hear engineers explain the cracks in the new harbour wall.
                """)
        let facts = Pipeline().facts(articles: [report, later])
        let hearing = try #require(facts.timeline.first { $0.text.contains("works committee") })
        #expect(hearing.expected)
        #expect(hearing.date == "2025-04-07")
        let range = try #require(hearing.dateInferred)
        #expect(range.earliest == "2025-04-07" && range.latest == nil)
        #expect(range.evidence.contains { $0.text.contains("April 2, 2025") })
        // Events a stated date places carry no inferred range; the timeline stays in date order.
        #expect(facts.timeline.filter { $0.dateInferred == nil }.allSatisfy { !$0.text.contains("works committee") })
        #expect(facts.timeline.map(\.date) == facts.timeline.map(\.date).sorted())
        // Told as done, an undated "on Monday" with no latest bound is not placed at all.
        let told = Article(
            origin: "told.txt",
            text: """
                The Calder harbour wall, finished on April 2, 2025, already shows cracks along its northern end. \
                Engineers inspected the cracks in the new harbour wall on Monday with the works committee.
                """)
        #expect(!Pipeline().facts(articles: [report, told]).timeline.contains { $0.text.contains("Engineers inspected") })
    }

    @Test func anUndatedSourcesEventToldRelativeToItsWritingIsPlacedByTheDatesItWasWrittenBetween() throws {
        // Dated: the vote on Tuesday 2025-03-11, and the full assembly's approval announced for April.
        let announced = Article(
            origin: "announced.txt", date: "2025-03-11",
            text: """
                The Calder council voted on Tuesday to rebuild the harbour wall before winter, approving the plan by 41 votes to 28. \
                The plan will go to the regional assembly of Norland in April for its final approval.
                """)
        // Undated, but it names a past full date: written on or after Thursday 2025-04-17. Its "last
        // week" is then no earlier than the week of 2025-04-07.
        let undated = Article(
            origin: "undated.txt",
            text: """
                Divers began work on the Calder harbour wall on April 17, 2025, the council said. \
                The regional assembly of Norland gave the harbour wall plan its final approval last week after a short debate.
                """)
        let facts = Pipeline().facts(articles: [announced, undated])
        let approval = try #require(facts.timeline.first { $0.text.contains("final approval last week") })
        // One event: announced by one source, reported done by the other; no longer expected, and
        // dated by the announcement's month.
        #expect(!approval.expected)
        #expect(approval.date == "2025-04")
        #expect(Set(approval.sources.map(\.document)).count == 2)
        #expect(!facts.timeline.contains { $0.text.contains("will go to the regional assembly") })
        // The source that only announced it is cited apart: in JSON each source says whether it
        // announced, and the digest cites the report and names the announcement beside it.
        let json = approval.json.serialized()
        #expect(json.contains(#""document":0,"start""#) && json.contains(#""announced":true"#) && json.contains(#""announced":false"#))
        let digest = Pipeline().digest(articles: [announced, undated], budget: .words(80))
        let item = DigestRenderer.factSections(digest).first { $0.cssClass == "timeline" }?.items.first {
            $0.parts[0].text.contains("final approval last week")
        }
        #expect(item?.parts[0].documents == [1])
        #expect(item?.parts[0].note == "announced before in 1")
        // Without the announcement the report stands alone, after the Monday of that week.
        let alone = Pipeline().facts(articles: [report, undated])
        let placed = try #require(alone.timeline.first { $0.text.contains("final approval last week") })
        #expect(placed.dateInferred?.earliest == "2025-04-07" && placed.dateInferred?.latest == nil)
        #expect(placed.dateInferred?.evidence.contains { $0.text.contains("April 17, 2025") } == true)
        #expect(alone.timeline.map(\.date) == alone.timeline.map(\.date).sorted())
        // A range that places the event before the dated sources it follows tells a reader nothing:
        // a source known only to be written after 2024-06-03 and its "last month" are left out.
        let vague = Article(
            origin: "vague.txt",
            text: """
                The old harbour wall was last repaired on June 3, 2024, the council said. \
                Engineers found new cracks in the old harbour wall last month during a survey of the port.
                """)
        #expect(!Pipeline().facts(articles: [report, vague]).timeline.contains { $0.text.contains("new cracks") })
    }

    @Test func aStandfirstThatRestatesTheTitleIsNotChosen() throws {
        let a = Article(
            origin: "a.txt", title: "Calder council backs new harbour wall", date: "2025-03-11",
            text: """
                Calder council backs the new harbour wall. \
                Councillors voted by 41 to 28 on Tuesday to rebuild the wall before winter at a cost of 4.2 million euros. \
                Fishing crews had asked for the repair since storms breached the old wall in January.
                """)
        let digest = Pipeline().digest(articles: [a], budget: .words(60))
        #expect(!digest.sentences.isEmpty)
        #expect(!digest.sentences.contains { $0.text.hasPrefix("Calder council backs") })
        // With nothing else to choose, the restating sentence still serves.
        let only = Article(origin: "b.txt", title: "Calder council backs new harbour wall", text: "Calder council backs the new harbour wall.")
        #expect(Pipeline().digest(articles: [only], budget: .words(60)).sentences.count == 1)
    }

    @Test func whatOnlyTheLatestSourceAddsIsToldBeforeBackgroundIsRepeated() throws {
        // Three sources tell the vote and its background; the latest alone reports what came after
        // (the contractor walking out). With room for three sentences, the development is told.
        let background = """
            Storms breached the old Calder harbour wall in January and flooded the fish market twice. \
            The new harbour wall will cost 4.2 million euros, paid by the council and the port authority.
            """
        let first = Article(
            origin: "first.txt", date: "2025-03-11",
            text: "The Calder council voted on Tuesday to rebuild the harbour wall before winter, by 41 votes to 28. " + background)
        let second = Article(
            origin: "second.txt", date: "2025-03-12",
            text: "Calder councillors approved the harbour wall plan on Tuesday by 41 votes to 28 after a long debate. " + background)
        let latest = Article(
            origin: "latest.txt", date: "2025-04-02",
            text: """
                The firm hired to build the Calder harbour wall walked off the site on Wednesday in a row over steel prices, leaving the work halted. \
                Its director, Ana Vell, said the contract no longer covered the firm's costs. \
                The council voted in March by 41 votes to 28 to rebuild the harbour wall before winter.
                """)
        let digest = Pipeline().digest(articles: [first, second, latest], budget: .words(50))
        #expect(digest.sentences.contains { $0.text.contains("walked off the site") }, "\(digest.sentences.map(\.text))")
    }

    @Test func storiesWithoutTitlesGetAHeadlineCutFromTheirLead() throws {
        let a = Article(
            origin: "a.txt",
            text: """
                Ferry crews in Brenna walked out on Tuesday over pay and rosters, stranding hundreds of island residents for a second day running. \
                The operator said talks would resume on Thursday.
                """)
        let digest = Pipeline().digest(articles: [a], budget: .words(40))
        let headline = try #require(digest.headline)
        #expect(headline.split(separator: " ").count <= Headline.maxWords)
        #expect(headline.hasPrefix("Ferry crews in Brenna walked out on Tuesday over pay"))
        #expect(
            Headline.cut("The council met, and it voted to close the quay by 2029 after a long and bitter debate about jobs and coal.")
                == "The council met, and it voted to close the quay by 2029")
    }
}

/// Headlines from scraped plain text, where the first line taken for a title is often page furniture
/// and the lead sentence runs long (invented lines of the kinds found in a pile of scraped articles).
@Suite struct HeadlineTests {
    @Test(arguments: [
        "(Calder Harbour Police Department)",
        ".@calderferries says the crossing is \u{201C}safe again\u{201D} pic.twitter.com/Ab3dE9 \u{2014} Ana Okafor (@anaokafor) May 4, 2026",
        "Embed Harbour master speaks 0:32 autoplay Copy this code to your website",
        "Report says divers plan to use sonar to search the harbour floor for the ferry lost in the storm ten years ago",
        "Hide Caption 3 of 40 Photos: Divers at the Calder quay",
        "A handout photo from the harbour board shows divers at Calder",
        "Picture taken March 3, 2026",
        "CALDER, Norland (AP) _"
    ])
    func furnitureTakenForATitleIsPassedOver(_ title: String) {
        #expect(Headline.titleFault(title) != nil)
        let summary = ["Divers began searching the harbour floor at Calder on Monday for the ferry lost in the storm."]
        #expect(Headline.choose(titles: [title], dates: [nil], summary: summary) == Headline.cut(summary[0]))
    }

    @Test(arguments: [
        ("INTERVIEW- Calder harbour master had warned of the storm", "Calder harbour master had warned of the storm"),
        ("UPDATE 2-Calder council backs new harbour wall", "Calder council backs new harbour wall"),
        // A hyphen that joins two words is no slug.
        ("NATO-Brenna talks open in Calder", "NATO-Brenna talks open in Calder"),
        ("COVID-19 cases rise in Calder", "COVID-19 cases rise in Calder")
    ])
    func aWireSlugIsNotPartOfTheHeadline(_ title: String, _ headline: String) {
        #expect(Headline.choose(titles: [title], dates: [nil], summary: ["The Calder harbour council met."]) == headline)
    }

    @Test func theTitleIsMatchedByContentStemsNotByStopWordsOrForms() {
        // Shared stop words ("over", "against", "all") say nothing of the story; "approves" and
        // "approved" are one word.
        let summary = ["Calder's council approved repairs to the quay over the winter, against the mayor's wishes."]
        let titles = ["Storm Over Calder Against All Odds", "Calder Council Approves Repair Plans"]
        #expect(Headline.choose(titles: titles, dates: [nil, nil], summary: summary) == titles[1])
    }

    /// A title none of whose content words its own text holds is no headline of that article: a
    /// byline, a site's or a section's name, a prompt. A title the text echoes, in another form of
    /// its words, is kept.
    @Test func aTitleItsOwnTextDoesNotEchoIsPassedOver() {
        let text = "A ferry captain who sailed into the storm was fined 4,000 crowns by the Calder court on Monday. The court heard the crossing was cancelled."
        let summary = ["A ferry captain who sailed into the storm was fined 4,000 crowns by the Calder court on Monday."]
        for junk in ["Lina Vell, The Norland Press", "Looking for news you can trust?", "Harbour Sports Wire"] {
            #expect(Headline.choose(titles: [junk], dates: [nil], summary: summary, texts: [text]) == Headline.cut(summary[0]), "\(junk)")
            // Without the texts the title is taken as it is.
            #expect(Headline.choose(titles: [junk], dates: [nil], summary: summary) == junk)
        }
        let echoed = "Captains Fined for Storm Crossings"
        #expect(Headline.choose(titles: [echoed], dates: [nil], summary: summary, texts: [text]) == echoed)
    }

    @Test(arguments: ["Calder council backs new harbour wall", "\u{201C}Safe again\u{201D}: Calder reopens its quay", "100 days of the new ferry"])
    func aTitleThatReadsAsOneIsKept(_ title: String) {
        #expect(Headline.titleFault(title) == nil)
        #expect(Headline.choose(titles: [title], dates: [nil], summary: ["The quay reopened."]) == title)
    }

    @Test func theLeadIsTheFirstSentenceThatReadsAlone() {
        let summary = [
            "\u{201C}We will not wait another winter,\u{201D} she said.",
            "But the board said no.",
            "Calder's harbour board voted on Monday to rebuild the north quay."
        ]
        #expect(Headline.choose(titles: [nil], dates: [nil], summary: summary) == "Calder's harbour board voted on Monday to rebuild the north quay")
        // A sentence that tells what a picture shows is a caption, not a lead.
        #expect(
            Headline.choose(
                titles: [nil], dates: [nil],
                summary: ["A file photo from the harbour board shows the north quay in 2019.", "Calder's harbour board voted to rebuild the north quay."])
                == "Calder's harbour board voted to rebuild the north quay")
        #expect(Headline.readsAlone("The show drew 4,000 people to the quay."))
        // Lines that do not lead: a condition tells no event ("If the name sounds familiar" was a
        // pile's headline); the first person is a post or a statement pasted in, not a report; a
        // line that holds a link or a handle is a newsletter's or a post's furniture; an update
        // note is the page's, not the news.
        let notLeads = [
            "If the ferry's name sounds familiar, it is because it ran aground in 2019.",
            "We are monitoring reports of a fire on the north pier.",
            "Calder Morning Briefing http://cal.dr/x1Y2 ...",
            "7 PM EASTERN UPDATE: Adds the harbour board's reply."
        ]
        for line in notLeads {
            #expect(!Headline.readsAlone(line), "\(line)")
            #expect(
                Headline.choose(titles: [nil], dates: [nil], summary: [line, "The Calder ferry struck the north pier."])
                    == "The Calder ferry struck the north pier", "\(line)")
        }
        // With no sentence that reads alone, the first serves.
        #expect(Headline.choose(titles: [nil], dates: [nil], summary: ["It rained."]) == "It rained")
    }

    @Test func aLeadWhoseCutKeepsNoVerbGivesWayToTheLatestThatDoes() {
        // Fourteen words hold the lead's subject and no verb: a subject alone is no headline.
        let lead =
            "At the old customs house in Calder, the three harbour masters of Norland, Brenna, Ostwick and the outer islands of the north signed the pact."
        #expect(Headline.cutReading(lead)?.keepsVerb == false)
        let summary = [
            lead,
            "The ferries will sail again on Monday, the board said.",
            "Calder, Brenna and Ostwick formally joined the harbour pact at a ceremony in the customs house.",
            "\u{201C}Send us the timetable before the ferries sail,\u{201D} the masters wrote to the board."
        ]
        let days: [String?] = ["2026-03-13", "2026-02-16", "2026-03-13", "2026-03-13"]
        // The latest source's sentence whose cut keeps its verb, not the older preview before it.
        #expect(
            Headline.choose(titles: [nil], dates: [nil], summary: summary, summaryDates: days)
                == "Calder, Brenna and Ostwick formally joined the harbour pact at a ceremony")
        // Undated, the first such sentence in the summary's order.
        #expect(Headline.choose(titles: [nil], dates: [nil], summary: summary) == "The ferries will sail again on Monday, the board said")
        // When no other sentence's cut keeps a verb, the lead's cut stands.
        #expect(Headline.choose(titles: [nil], dates: [nil], summary: [lead]) == Headline.cut(lead))
        // A lead whose cut keeps its verb is kept.
        #expect(Headline.choose(titles: [nil], dates: [nil], summary: Array(summary[2...]) + [summary[1]]) == Headline.cut(summary[2]))
    }

    @Test func aNounAfterAnArticleOrAPrepositionOrAnAsideIsNoVerb() {
        // A word in -s after "of" or an article is a noun; a past form after a comma with its "by"
        // opens an aside that holds no main verb: none of these cuts keeps one.
        let airing = "The sudden airing of grievances against Mayor Vell at the harbour board appeared aimed at the ferry crews on Monday."
        #expect(Headline.cutReading(airing)?.keepsVerb == true)
        #expect(Headline.cut(airing) == "The sudden airing of grievances against Mayor Vell at the harbour board appeared aimed \u{2026}")
        let letters =
            "The charts, bequeathed by the old harbour master and dated from 1931 to 1940, go on show at the Calder museum on Monday."
        #expect(Headline.cutReading(letters)?.keepsVerb == false)
        let travel = "The storms at the north quays of Calder and Brenna have frightened away visitors this summer."
        #expect(Headline.cut(travel) == "The storms at the north quays of Calder and Brenna have frightened away visitors")
        // A cut never parts "between" from its "and".
        let fares = "Calder Ferries will almost double its sailings between Calder and Brenna by the end of the summer."
        #expect(Headline.cut(fares) == "Calder Ferries will almost double its sailings between Calder and Brenna")
    }

    @Test func aCutEndsOnAContentWordAfterAVerb() {
        // Not after "but", where the next clause opens.
        #expect(
            Headline.cut("Nobody enjoys hearing the harbour board argue about fees, but when it does the ferries wait for hours on end.")
                == "Nobody enjoys hearing the harbour board argue about fees")
        // Not inside a noun phrase ("... and old"), and not before the verb.
        let cut = Headline.cut("The mix of soft clay and old, unreinforced stone walls brought the north quay down within minutes of the first wave.")
        #expect(cut?.hasSuffix(" and old") == false)
        #expect(cut?.contains("brought") == true)
        // A boundary with no verb before it is no place to cut: "For the second year in a row".
        let noVerb = Headline.cut("For the second year in a row, the harbour board tried an ambitious plan to win back the island ferry trade.")
        #expect(noVerb != "For the second year in a row")
        #expect((noVerb?.split(separator: " ").count ?? 99) <= Headline.maxWords)
    }

    @Test func aHeadlineLeavesOutAnInsertionAfterTheSubjectAndAnOpeningAttribution() {
        #expect(
            Headline.cut("Brenna Ferries, citing the collapse of a market in the middle of a long winter, cut its timetable by half.")
                == "Brenna Ferries cut its timetable by half")
        #expect(
            Headline.cut("Harbour master Ada Vell , a captain of thirty years on the island run, has left Calder one day before the vote.")
                == "Harbour master Ada Vell has left Calder one day before the vote")
        #expect(
            Headline.cut("According to a statement from the harbour board, divers found the missing ferry bell near the north quay on Sunday.")
                == "Divers found the missing ferry bell near the north quay on Sunday")
        // A list is no insertion: "and" follows its last comma.
        #expect(
            Headline.cut("Ferries, buses, and trains stopped across the island on Monday as the storm cut power to the harbour and the town.")?
                .hasPrefix("Ferries, buses, and trains stopped") == true)
        // Odd input never traps, and gives a headline of at most 14 words (and an ellipsis): commas
        // alone, an attribution with nothing after it.
        for odd in [
            ", , , , , , , , , , , , , , , , , ,", "According to , , , , , , , , , , , , , , , , x", "a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p",
            "According to the harbour board, , , and, but, or, so, then the quay fell into the sea at last today"
        ] {
            #expect((Headline.cut(odd)?.split(separator: " ").count ?? 0) <= Headline.maxWords + 1)
        }
        // The verb holds the headline together: a cut keeps it.
        let led = Headline.cut("The mix of soft clay and old, unreinforced stone walls led to the fall of the north quay within minutes of the wave.")
        #expect(led?.contains(" led") == true)
    }

    @Test func aCutFindsIrregularVerbsAndClosesItsQuotations() {
        // An irregular past ("came") is a verb: the clause before "but" holds one, and ends there.
        #expect(
            Headline.cut("Ada Vell came to Calder to speak for the harbour board, but she spent more time attacking the mayor than the plan.")
                == "Ada Vell came to Calder to speak for the harbour board")
        // "days" is no verb: the words before the comma hold none, so the cut is elsewhere.
        #expect(
            Headline.cut("A few short days ago, Ada Vell entrusted the harbour board with her plan to build a floating ferry quay.")
                != "A few short days ago")
        // Not inside a quotation it opens: "... to show “the direct link".
        let quoted = Headline.cut(
            "The harbour board's long report claims to show \u{201C}the direct link between the storm and the fall of the north quay\u{201D} by naming builders."
        )
        #expect(quoted.map { $0.filter { $0 == "\u{201C}" }.count == $0.filter { $0 == "\u{201D}" }.count } == true, "\(quoted ?? "")")
        #expect(quoted?.hasSuffix("claims to show") == false)
    }

    /// A cut never leaves a verb wanting what it takes: its object, its subject's verb, or what was
    /// said. Each sentence below was cut, before, on such a verb.
    @Test(arguments: [
        // an object: "... list earned"
        "The ten skippers on the harbour board's yearly list of the best earned a total of 94,000 crowns between May and June.",
        // an infinitive's object: "... plans to host"
        "Ana Pell, the host of Calder Radio's \u{201C}Morning Tide,\u{201D} plans to host a weekly television show that will be broadcast in spring.",
        // the subject's verb: "... said on Monday the north quay"
        "The harbour master of Calder said on Monday the north quay did not have enough cranes to unload the grain ships.",
        // an infinitive after a noun: "... approval to buy"
        "A Calder shipping group has sought the harbour board's approval to buy the old ferry terminal near the north quay.",
        // what was said: "... Ltd. said the final step"
        "Calder Ferries Ltd. said the final step in the sale of the company to Brenna Lines was taken on Monday after talks.",
        // a modal's verb: "... will cost"
        "A false address listed on the harbour board's forms for a Brenna donor will cost the board a fine of 4,000 crowns.",
        // a progressive's object: "... is requesting"
        "The Brenna Ferry Company Harbour Police Unit at the Calder Terminal is requesting the public's help in finding two men.",
        // a gerund after a preposition: "... in reducing"
        "A diet with more fish than the usual island fare shows a major benefit in reducing the risk of heart disease in adults.",
        // "due" parted from its "to"
        "Calder-based ferry operator Brenna Lines on Tuesday pulled out of the island route due to the long closure of the quay."
    ])
    func aCutLeavesNoVerbWanting(_ sentence: String) throws {
        let cut = try #require(Headline.cut(sentence))
        #expect(cut.split(separator: " ").count <= Headline.maxWords + 1)
        let last = String(cut.split(separator: " ").last ?? "")
        #expect(
            !["earned", "host", "quay", "requesting", "reducing", "due", "Monday", "pulled", "plans", "said", "step", "cost", "buy"].contains(last), "\(cut)")
    }

    @Test func aCutLeavingNoVerbWantingKeepsWhatReadsWhole() {
        #expect(
            Headline.cut(
                "Ana Pell, the host of Calder Radio's \u{201C}Morning Tide,\u{201D} plans to host a weekly television show that will be broadcast in spring.")
                == "Ana Pell plans to host a weekly television show that will be broadcast")
        #expect(
            Headline.cut("A diet with more fish than the usual island fare shows a major benefit in reducing the risk of heart disease in adults.")
                == "A diet with more fish than the usual island fare shows a major benefit")
        // A passive takes no object: "was launched" may end a cut.
        #expect(
            Headline.cut("A new ferry built by the Brenna yard for the island run was launched in May after two years of delays and disputes.")
                == "A new ferry built by the Brenna yard for the island run was launched")
        // A word in -s before "of" is a plural noun, no verb a cut could keep.
        #expect(
            Headline.cut(
                "Tomorrow the board of supervisors of Calder county, Norland, will vote on whether a new ferry quay should be built on the north shore.")?
                .contains("will vote") == true)
        // A clause a conjunction opens keeps its verb, else the cut comes before it.
        #expect(
            Headline.cut(
                "The ferry could be kept in port even longer if the Calder ferry crews who are seeking better pay for the winter run strike again.")
                == "The ferry could be kept in port even longer")
    }

    /// An opening subordinate clause or participle is no headline: a long sentence leaves it out and
    /// leads with the main clause, unless it is a condition.
    @Test func aHeadlineLeadsWithTheMainClause() {
        #expect(
            Headline.cut("Turning its back on a hundred years of ferry service to the islands, the harbour board voted on Friday to close the north quay.")
                == "The harbour board voted on Friday to close the north quay")
        #expect(
            Headline.cut("While the ferries waited outside the harbour for the storm to pass, the council voted to close the north quay for good.")
                == "The council voted to close the north quay for good")
        #expect(
            Headline.cut("Now that it has been confirmed that Ana Pell will host the harbour festival, the council has doubled its budget for the night.")
                == "The council has doubled its budget for the night")
        // What follows the comma must open a clause: not "..., instantly doubling ...".
        #expect(
            Headline.cut("Now that it has been confirmed that Ana Pell will host the harbour festival, instantly doubling the night's appeal to the islands.")?
                .hasPrefix("Instantly") == false)
        // The clause ends at its last comma, not at one of a list inside it.
        #expect(
            Headline.cut(
                "While the new quay has been a blessing for fishermen, ferry crews and the plain curious, the council still wants it closed in winter.")
                == "The council still wants it closed in winter")
        let condition = Headline.cut("If the storm returns this week as the forecasters expect it to, the harbour board will close the north quay for a month.")
        #expect(condition?.hasPrefix("If the storm returns") == true)
        #expect(condition != "If the storm returns this week as the forecasters expect it to")
    }

    /// A long phrase that opens on a preposition is set aside as a clause is ("In an apparent bid to
    /// ..., the board said ..."); a short one stays with the main clause ("In Calder today, ...").
    @Test func aHeadlineSetsALongOpeningPhraseAside() {
        #expect(
            Headline.cut(
                "In an apparent bid to show goodwill in the long quarrel over the north quay, the harbour board said the ferry crews may return in May.")
                == "The harbour board said the ferry crews may return in May")
        #expect(
            Headline.cut("With a tense harbour town waiting, island officials said on Monday they will close the north quay to every ferry.")
                == "Island officials said on Monday they will close the north quay to every ferry")
        let short = Headline.cut("In Calder today, the harbour board released the ferry logs that the crews had asked to see for two whole years.")
        #expect(short?.hasPrefix("In Calder today, the harbour board released") == true)
        // "At least" opens a count, not a phrase: the words up to the comma hold the main verb.
        #expect(
            Headline.cut("At least 21 people were hurt on the north quay after a crane fell, a harbour official told the Calder Herald on Monday.")
                == "At least 21 people were hurt on the north quay")
    }

    /// Words between the first two commas are no insertion after a subject when they hold a clause
    /// or run on a list of names.
    @Test func aListOrAClauseIsNoInsertion() {
        #expect(
            Headline.cut("Norland, Brenna and Calder can now take part in the ferry pact's planning, because every member has approved, the minister said.")?
                .hasPrefix("Norland, Brenna and Calder can now take part") == true)
        #expect(
            Headline.cut("Norland, Brenna and Calder today became full members of the ferry pact, a decade after the first of them applied to join.")?
                .hasPrefix("Norland, Brenna and Calder today became full members") == true)
    }

    @Test func aCutKeepsAWordWithItsOfAndAPastFormWithItsBy() {
        // Not "... in the middle" (of what?), but before the phrase that needs it.
        #expect(
            Headline.cut("Brenna Ferries kept citing the collapse of a market in the middle of a long and hard winter.")
                == "Brenna Ferries kept citing the collapse of a market")
        // Not "... a ferry owned" (by whom?): the phrase ends before the past form.
        #expect(
            Headline.cut("The port authority of Calder has said it has seized a ferry owned by a Brenna shipping firm over unpaid fees.")
                == "The port authority of Calder has said it has seized a ferry")
    }
}

@Suite struct StorySpanTests {
    /// The story's one dated source.
    let dated = Article(
        origin: "a.txt", date: "2025-03-10",
        text: "Calder's harbour board voted on Monday to rebuild the north quay after a winter of storms. The work starts in May.")

    /// An undated source known only to come after a background date does not stretch the story's
    /// span back to that date: it is placed with the latest dated source, and shown as "after".
    @Test func aBackgroundDateDoesNotOpenTheSpan() throws {
        let undated = Article(
            origin: "b.txt",
            text: """
                Calder's harbour board has voted to rebuild the north quay. A survey published on January 14, 2024 found the quay unsafe. \
                Ferries will use the south berth until the work is done.
                """)
        let digest = Pipeline().digest(articles: [dated, undated], budget: .words(60))
        let range = try #require(digest.dateRange)
        #expect(range.0 == "2025-03-10", "\(range)")
        let shown = digest.documents.compactMap { $0.date == nil ? $0.shownDate : nil }
        #expect(shown == ["after 2024-01-14"])
        // Placed with the latest dated source, it does not make that source's day an "after".
        #expect(digest.dateSpan == "2025-03-10")
    }

    /// A last source known only to come after a day ends the span with "after" that day: the story
    /// is not said to stop there.
    @Test func aSpanEndingOnAnOpenRangeSaysAfter() throws {
        let later = Article(
            origin: "c.txt",
            text: """
                Divers began the work on the north quay of Calder on April 2, 2025, the harbour board said. \
                Calder's harbour board voted in March to rebuild the north quay after a winter of storms.
                """)
        let digest = Pipeline().digest(articles: [dated, later], budget: .words(60))
        #expect(digest.dateSpan == "2025-03-10 to after 2025-04-02", "\(String(describing: digest.dateSpan))")
        #expect(DigestRenderer.render(digest, as: .text).contains("2025-03-10 to after 2025-04-02"))
    }

    /// With no source's date known, bounds from below do not order the sources: one that names a
    /// 2015 report is not later than one that names a 2009 survey. They keep their input order, and
    /// the span says only that the story runs after the latest such day.
    @Test func boundsFromBelowAloneDoNotOrderSources() throws {
        let report = Article(
            origin: "a.txt",
            text: """
                The council of Brenmoor approved the new bridge over the Elle by seven votes to two.                 The crossing was first proposed in a report published on March 3, 2015. Work is to begin in the spring.
                """)
        let survey = Article(
            origin: "b.txt",
            text: """
                Brenmoor's council has approved a new bridge over the Elle. A survey carried out on June 9, 2009                 found the old crossing unsafe. Residents of the east bank welcomed the vote.
                """)
        let digest = Pipeline().digest(articles: [report, survey], budget: .words(60))
        #expect(digest.documents.map(\.file) == ["a.txt", "b.txt"])
        #expect(digest.documents.map(\.shownDate) == ["after 2015-03-03", "after 2009-06-09"])
        #expect(digest.effectiveDates == [nil, nil])
        #expect(digest.dateSpan == "after 2015-03-03", "\(String(describing: digest.dateSpan))")
    }

    /// A story whose earliest source is known only to come before a day says so: its span does not
    /// show the day before that bound as if it were a date.
    @Test func aSpanStartingOnAnOpenRangeSaysBefore() throws {
        let preview = Article(
            origin: "e.txt",
            text: """
                Calder's harbour board will vote on the north quay on May 6, 2025.                 The quay has been shut since a storm in the winter.
                """)
        let digest = Pipeline().digest(articles: [preview], budget: .words(60))
        #expect(digest.documents.first?.shownDate == "before 2025-05-06")
        #expect(digest.dateSpan == "before 2025-05-06", "\(String(describing: digest.dateSpan))")
    }

    /// When the only day known is an undated source's bound, the span is that bound alone.
    @Test func aSpanOfOneBoundIsThatBound() throws {
        let later = Article(
            origin: "d.txt",
            text: "Divers began the work on the north quay of Calder on April 2, 2025, the harbour board said. The quay had been shut all winter.")
        let digest = Pipeline().digest(articles: [later], budget: .words(60))
        #expect(digest.dateSpan == "after 2025-04-02", "\(String(describing: digest.dateSpan))")
    }
}

@Suite(.enabled(if: SeedFiles.available, "needs ../shared/data/seeds"))
struct SeedStoryInTimeTests {
    @Test func everyUndatedSeedIsDatedByARangeHoldingItsPublicationDate() throws {
        let intake = InputReader().read(paths: [SeedFiles.directory.path])
        let digest = Pipeline().digest(intake.documents, budget: .words(200)).digest
        // When the three undated seeds appeared, as the events they tell place them (read by hand, not
        // by Precis): AFP's preview before the committee vote of Tuesday 18 November, the Journal's
        // report after it, the Security Council piece before that council's meeting of 22 December.
        let truth = ["000": "2014-11-16", "002": "2014-11-19", "004": "2014-12-21"]
        for doc in digest.documents where doc.date == nil {
            let name = String((doc.file as NSString).lastPathComponent.prefix(3))
            let day = try #require(truth[name], "\(name) is undated")
            let range = try #require(doc.dateInferred, "\(name) has no inferred date")
            #expect(range.earliest.map { $0 <= day } ?? true, "\(name): \(range)")
            #expect(range.latest.map { day <= $0 } ?? true, "\(name): \(range)")
            #expect(!range.evidence.isEmpty)
        }
        // The story's span reaches the last article.
        #expect(digest.dateRange?.1 ?? "" >= "2014-12-11")
        // The summary leads with the vote's outcome and reaches the Security Council meeting.
        let lead = try #require(digest.sentences.first?.text)
        #expect(lead.contains("111 to 19") || lead.contains("voted"), "\(lead)")
        #expect(digest.sentences.contains { $0.text.contains("Security Council meeting") })
        // What came after the vote: the North's threat of nuclear tests.
        #expect(digest.sentences.contains { $0.text.contains("nuclear") })
        #expect(!digest.sentences.contains { $0.text.contains("will vote Tuesday") })
        #expect(digest.headline != nil)
        // No expectation told as a fact.
        #expect(!digest.timeline.contains { $0.text.contains(" is then ") && !$0.expected })
        // The timeline reaches the Security Council meeting, placed after the last dated evidence.
        let meeting = try #require(digest.timeline.last { $0.text.contains("Security Council meeting") })
        #expect(meeting.date >= "2014-12-11", "\(meeting)")
        #expect(meeting.expected && meeting.dateInferred != nil)
    }
}

/// "Who said what" and "Key numbers" as a reader sees them.
@Suite struct VoicesAndNumbersShownTests {
    let article = Article(
        origin: "a.txt", date: "2025-03-11",
        text: """
            “The harbour is safe again,” said Ana Okafor, the harbour master of Calder, who has run the port since 2019. “We will reopen the north quay on Monday.”

            The assembly passed the harbour plan by a vote of 41 to 28 with three abstentions in a late session on Tuesday.
            """)

    @Test func aVoiceHasItsRoleOnceAndItsQuotationWithoutTheAttribution() throws {
        let digest = Pipeline().digest(articles: [article], budget: .words(80))
        let text = DigestRenderer.render(digest, as: .text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Ana Okafor, the harbour master of Calder:"), "\(text)")
        #expect(text.contains("“The harbour is safe again” … “We will reopen the north quay on Monday.”"), "\(text)")
        let quote = try #require(digest.facts?.quotes.first?.first)
        #expect(quote.role(in: article.text) == "the harbour master of Calder")
        // A short role is shown as the source gives it.
        #expect(quote.shownRole(in: article.text) == "the harbour master of Calder")
        // JSON keeps the exact span, attribution and all.
        #expect(quote.text.contains("said Ana Okafor"))
    }

    /// The quote shown may come from a source that names the speaker bare; the role another of
    /// the speaker's quotes gives is shown beside the name all the same, once.
    @Test func aVoiceTakesItsRoleFromAnotherQuoteOfTheStory() throws {
        let bare = Article(
            origin: "c.txt", date: "2025-03-12",
            text: """
                The north quay of Calder reopened on Wednesday after a month of repairs to its sea wall.

                “The wall will hold for fifty years and the ferries can dock at every tide,” said Ivo Marsh. Boats queued at the quay from dawn.
                """)
        let titled = Article(
            origin: "d.txt", date: "2025-03-13",
            text: """
                Ferries docked at the north quay of Calder on Thursday for the first time in a month.

                Ivo Marsh, the port authority’s chief engineer, said the work had cost less than planned. The wall was rebuilt in stone.
                """)
        let digest = Pipeline().digest(articles: [bare, titled], budget: .words(80))
        let text = DigestRenderer.render(digest, as: .text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Ivo Marsh, the port authority’s chief engineer: “The wall will hold"), "\(text)")
        // Once: the voice is listed once, with the role once.
        let voices = try #require(text.components(separatedBy: "Who said what").last?.components(separatedBy: "Sources").first)
        #expect(voices.components(separatedBy: "chief engineer").count == 2, "\(voices)")
    }

    /// A pronoun no name was found for is no voice a reader can tell: not listed.
    @Test func aPronounWithoutANameIsNoVoice() throws {
        let text = """
            The Calder ferry returned to service on Monday after a month in dry dock.

            She wrote on her blog that the crossing was “the calmest the bay has been in years, and the crew were glad of it.”
            """
        let digest = Pipeline().digest(articles: [Article(origin: "e.txt", date: "2025-03-14", text: text)], budget: .words(80))
        #expect(digest.facts?.quotes.first?.contains { $0.speaker == "She" } == true, "\(String(describing: digest.facts?.quotes))")
        #expect(digest.keyQuotes().isEmpty, "\(digest.keyQuotes())")
    }

    @Test func aLongRoleIsShownByTheInstitutionItNames() throws {
        let long = Article(
            origin: "b.txt", date: "2025-03-11",
            text: """
                “The quay will not last another winter,” said Ivo Marsh, a senior research fellow at Calder University’s Institute of Harbour Studies. \
                “It needs a new wall.”
                """)
        let quote = try #require(Pipeline().digest(articles: [long], budget: .words(80)).facts?.quotes.first?.first)
        #expect(quote.role(in: long.text) == "a senior research fellow at Calder University’s Institute of Harbour Studies")
        #expect(quote.shownRole(in: long.text) == "Calder University")
        // A long role that ends on the institution's name (it used to read past the last word).
        let ending = Article(
            origin: "c.txt", date: "2025-03-11",
            text: "“The quay will not last another winter,” said Ivo Marsh, a senior adviser to the harbour board at Calder.")
        let last = try #require(Pipeline().digest(articles: [ending], budget: .words(80)).facts?.quotes.first?.first)
        #expect(last.shownRole(in: ending.text) == "Calder")
        // A name that only qualifies what follows names no institution: the role as the source gives it.
        let office = Article(
            origin: "d.txt", date: "2025-03-11",
            text: "“The quay will not last another winter,” said Ivo Marsh, a spokesman for the Calder port authority’s legal office.")
        let spokesman = try #require(Pipeline().digest(articles: [office], budget: .words(80)).facts?.quotes.first?.first)
        #expect(spokesman.shownRole(in: office.text) == "a spokesman for the Calder port authority’s legal office")
    }

    @Test func aKeyNumberComesWithTheWordsThatSayWhatItCounts() {
        let digest = Pipeline().digest(articles: [article], budget: .words(80))
        let text = DigestRenderer.render(digest, as: .text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // The clause's two figures are one entry: the tally and its abstentions.
        #expect(text.contains("41 to 28, three abstentions: The assembly passed the harbour plan by a vote of 41 to 28 with three abstentions"), "\(text)")
    }

    /// One quantity, one entry: the sources that give it the same value are cited together, and a
    /// quantity they disagree on is shown once, by its latest value, pointing to the disagreement.
    @Test func aQuantityIsOneKeyNumberWithEverySourceThatGivesIt() throws {
        let first = Article(
            origin: "a.txt", date: "2025-03-03",
            text: """
                The Calder harbour plan, co-sponsored by 48 councillors, goes to a vote of the assembly next week.

                The plan would rebuild the north quay wall at a cost of 4.2 million euros.
                """)
        let second = Article(
            origin: "b.txt", date: "2025-03-11",
            text: """
                The assembly passed the Calder harbour plan by a vote of 41 to 28 on Tuesday. The plan, co-sponsored by 62 councillors, \
                rebuilds the north quay wall.

                Work on the wall is to start in May.
                """)
        let third = Article(
            origin: "c.txt", date: "2025-03-12",
            text: """
                Calder's assembly approved the harbour plan by a 41-28 vote in a late session on Tuesday.

                The north quay wall will be rebuilt in stone over the summer.
                """)
        let digest = Pipeline().digest(articles: [first, second, third], budget: .words(80))
        let cosponsors = try #require(digest.facts?.disagreements.first { $0.about == "co-sponsors" }, "\(String(describing: digest.facts?.disagreements))")
        #expect(cosponsors.kind == .changed)
        let numbers = digest.keyNumbers()
        // The tally: once, citing both sources that give it.
        let tally = numbers.filter { $0.number.value == "41-28" }
        #expect(tally.count == 1, "\(numbers.map(\.number.text))")
        #expect(Set(tally.first?.sources ?? []) == [1, 2])
        // The co-sponsors: once, by the latest value, marked as disputed.
        let disputed = numbers.filter { $0.number.counts == "co-sponsors" || $0.number.counts == "councillors" }
        #expect(disputed.count == 1, "\(numbers.map(\.number.text))")
        #expect(disputed.first?.number.value == "62" && disputed.first?.disputed == true)
        #expect(disputed.first?.sources == [1], "only the source of the value shown")
        let text = DigestRenderer.render(digest, as: .text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("[2] (sources differ)"), "\(text)")
    }

    /// A person's age is no key number of the story ("Ana Vell, 34"): it says nothing the reader
    /// counts, unless the sources disagree on it.
    @Test func anAgeIsNoKeyNumber() throws {
        let article = Article(
            origin: "a.txt", date: "2025-03-03",
            text: "Harbour master Ana Vell, 34, closed the north quay of Calder after 12 piles cracked in the storm.")
        let numbers = Pipeline().digest(articles: [article], budget: .words(80)).keyNumbers()
        #expect(numbers.map(\.number.value) == ["12"], "\(numbers.map(\.number.text))")
    }

    /// Of the figures one source alone gives, the precise ones come first: an order of size or a count
    /// of one or two tells least.
    @Test func preciseFiguresComeBeforeOrdersOfSizeAndPairs() throws {
        let article = Article(
            origin: "a.txt", date: "2025-03-03",
            text: """
                Two harbour officials will brief the Calder board on Monday. Dozens of fishermen watched from the quay.                 The storm sank 14 boats off the north quay. Power was cut to 3,400 homes along the coast.
                """)
        let numbers = Pipeline().digest(articles: [article], budget: .words(80)).keyNumbers()
        #expect(numbers.map(\.number.text) == ["14 boats", "3,400 homes", "Two harbour officials", "Dozens of fishermen"])
    }

    /// The words shown with a figure are its clause, with the clause it leans on.
    @Test(arguments: [
        (
            "The board cut the fee on the ferry plan, which now has some 40 backers, and set a date.",
            "some 40 backers", "The board cut the fee on the ferry plan, which now has some 40 backers …"
        ),
        (
            "Backers of the harbour plan, signed by 48 councils across the coast, hope for a vote soon.",
            "48 councils", "Backers of the harbour plan, signed by 48 councils across the coast …"
        ),
        (
            "Signed by more than 60 councils, the plan drew on a survey of the quay.",
            "more than 60 councils", "Signed by more than 60 councils, the plan drew on a survey of the quay."
        ),
        (
            "As of May 31 it had paused all talks on the harbour plan, which now has some 40 backers, and waited.",
            "some 40 backers", "… paused all talks on the harbour plan, which now has some 40 backers …"
        ),
        // Paragraphs a page glued without a space: the sentence ends where the segmenter ends it.
        (
            "The old quay camps held hundreds of thousands.The council’s long report asked the court to act.",
            "hundreds of thousands", "The old quay camps held hundreds of thousands."
        ),
        (
            "The report named the ferry firm.Some 300 workers lost their jobs at the yard that week.",
            "Some 300 workers", "Some 300 workers lost their jobs at the yard that week."
        ),
        // A clause on "with" or "including" goes on counting what the figure counts.
        (
            "The harbour plan passed by 41 votes to 28, with three abstentions, in a late session.",
            "41 votes to 28", "The harbour plan passed by 41 votes to 28, with three abstentions …"
        ),
        // A sentence that runs into a list on the lines below ends before the words that open it.
        (
            "Divers have spent 900 hours on the quay so far, including:\nA survey of every pile.",
            "900 hours", "Divers have spent 900 hours on the quay so far …"
        ),
        (
            "The board hired 12 divers for the following\nA survey of every pile.",
            "12 divers", "The board hired 12 divers …"
        ),
        // A full stop inside the sentence ("U.S.") does not end the figure's words.
        (
            "Two bombs exploded outside U.S. embassies in Calder and Brenna on Friday.",
            "Two bombs", "Two bombs exploded outside U.S. embassies in Calder and Brenna on Friday."
        ),
        // A short phrase that opens the sentence says what it counts with the clause after it.
        (
            "In 45 ports, the number of ferries fell between 2010 and 2020.",
            "45 ports", "In 45 ports, the number of ferries fell between 2010 and 2020."
        )
    ])
    func aFigureIsShownWithItsClause(_ sentence: String, _ figure: String, _ shown: String) throws {
        let quantity = try #require(NumberFinder().find(in: sentence).first { $0.text == figure }, "\(figure) not found")
        #expect(DigestRenderer.told(quantity, in: sentence) == shown)
    }
}

/// The digest's word lists come from their resource file, every kind the code reads filled.
@Suite struct DigestWordsTests {
    @Test func everyKindTheCutsReadIsInTheFile() {
        for kind in [
            "opener", "auxiliary", "subordinator", "preposition", "conjunction", "determiner", "modal", "passive", "takesto", "leans", "goeson",
            "opensnext"
        ] {
            #expect(!DigestWords.english[kind].isEmpty, "\(kind)")
        }
        #expect(DigestWords.english["no such kind"].isEmpty)
        #expect(Headline.auxiliaries.contains("said") && Headline.takesTo.contains("due"))
    }
}
