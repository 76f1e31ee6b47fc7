import PrecisText
import Testing

@testable import PrecisFacts

@Suite struct TimeTaggerTests {
    let tagger = TimeTagger()
    /// A Wednesday.
    let anchor = CivilDate(iso: "2025-03-12")

    func tags(_ text: String, anchor: CivilDate?) -> [(String, String, String?)] {
        tagger.tag(text, anchor: anchor).map { ($0.text, $0.type.rawValue, $0.value) }
    }

    func one(
        _ text: String, _ expectedText: String, _ type: String, _ value: String?, anchor: CivilDate?? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let found = tags(text, anchor: anchor ?? self.anchor)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        guard let f = found.first else { return }
        #expect(f.0 == expectedText, sourceLocation: sourceLocation)
        #expect(f.1 == type, sourceLocation: sourceLocation)
        #expect(f.2 == value, sourceLocation: sourceLocation)
    }

    @Test func absoluteDates() {
        one("The council met on Nov. 18, 2014 in Calder.", "Nov. 18, 2014", "DATE", "2014-11-18")
        one("It was signed on 18 November 2014.", "18 November 2014", "DATE", "2014-11-18")
        // A short month after its day: "the talks opened on 30 Nov" (a climate story) was a count of "nov".
        one("The talks opened on 30 Nov in Calder.", "30 Nov", "DATE", "2024-11-30")
        one("The filing is dated 2014-11-18.", "2014-11-18", "DATE", "2014-11-18")
        one("Ships were counted in December 2013.", "December 2013", "DATE", "2013-12")
        one("The harbour was built in 1911.", "1911", "DATE", "1911")
        one("Trade boomed in the 1990s.", "the 1990s", "DATE", "199")
        one("Shares fell 3% in the third quarter of 2024.", "the third quarter of 2024", "DATE", "2024-Q3")
    }

    @Test func yearsThatNameAnEditionOrQualifyANoun() {
        one("The keynote opened Harbourcon 2024 in Calder.", "2024", "DATE", "2024")
        one("The board broke the 1991 agreement with the town.", "1991", "DATE", "1991")
        one("Ferries for the 2026 season were ordered.", "2026", "DATE", "2026")
        // Counts are not years: an old number, or one after a verb.
        #expect(tags("The 1500 workers went home.", anchor: anchor).isEmpty)
        #expect(tags("The yard employs 2000 people.", anchor: anchor).isEmpty)
    }

    @Test func aYearEarlierInAnEarningsReportIsTheQuarterBefore() {
        // A November article on the third quarter.
        let found = tags(
            "Net income rose 8% in the third quarter from a year earlier; year-earlier sales were lower, and costs fell from the year-ago quarter.",
            anchor: CivilDate(iso: "2025-11-12"))
        #expect(found.map(\.0) == ["the third quarter", "a year earlier", "year-earlier", "the year-ago quarter"])
        #expect(found.first?.2 == "2025-Q3")
        #expect(found.dropFirst().allSatisfy { $0.2 == "2024-Q3" })
        // With no quarter named, a year earlier is the year before the article's.
        one("The ferry carried 1.2 million people, up from a year earlier.", "a year earlier", "DATE", "2024")
    }

    @Test func utcClockTimes() {
        one("The launch is at 18:00 UTC from Calder.", "18:00 UTC", "TIME", "2025-03-12T18:00Z")
        one("Trading resumed at 0800 GMT in Norland.", "0800 GMT", "TIME", "2025-03-12T08:00Z")
        one("Talks began at 12:00 UTC Monday in Calder.", "12:00 UTC Monday", "TIME", "2025-03-10T12:00Z")
        #expect(tags("The code 25:00 UTC is no time.", anchor: anchor).allSatisfy { $0.1 != "TIME" })
    }

    @Test func aFutureClauseDoesNotReachAPastDay() {
        // Wednesday's article: "announced Friday" is the Friday before, though the sentence goes on
        // into the future; a future clause of its own still points forward.
        one("The ferry line announced Friday that it will add a boat.", "Friday", "DATE", "2025-03-07")
        one("A spokesman said on Monday the line will add a boat.", "Monday", "DATE", "2025-03-10")
        one("The new boat will sail on Friday.", "Friday", "DATE", "2025-03-14")
    }

    @Test func datesWithoutAYearTakeTheArticles() {
        one("A report released on Feb. 17 found abuses.", "Feb. 17", "DATE", "2025-02-17")
        one("The report came out in February.", "February", "DATE", "2025-02")
        // A month well after the article's, told in the past, is last year's.
        one("The wall cracked in November.", "November", "DATE", "2024-11")
        one("The vote will be held in November.", "November", "DATE", "2025-11")
    }

    @Test func relativeToThePublicationDate() {
        one("The assembly voted on Tuesday.", "Tuesday", "DATE", "2025-03-11")
        one("The assembly will vote on Friday.", "Friday", "DATE", "2025-03-14")
        one("Talks ended yesterday.", "yesterday", "DATE", "2025-03-11")
        one("Talks resume tomorrow.", "tomorrow", "DATE", "2025-03-13")
        one("The plan was drafted last week.", "last week", "DATE", "2025-W10")
        one("The plan was drafted last month.", "last month", "DATE", "2025-02")
        one("A timetable follows next month.", "next month", "DATE", "2025-04")
        one("Exports fell last year.", "last year", "DATE", "2024")
        one("The port opened five years ago.", "five years ago", "DATE", "2020")
        one("Earlier this year the quay flooded.", "Earlier this year", "DATE", "2025")
        one("Exports rose in July last year.", "July last year", "DATE", "2024-07")
        one("The ferry leaves at 10 a.m. Thursday.", "10 a.m. Thursday", "TIME", "2025-03-06T10:00")
        one("Officials are now counting votes.", "now", "DATE", "PRESENT_REF")
    }

    @Test func durationsAndSetsButNotAges() {
        one("The phase-out will take four years.", "four years", "DURATION", "P4Y")
        one("The strike lasted 22 months.", "22 months", "DURATION", "P22M")
        one("A two-week truce began.", "two-week", "DURATION", "P2W")
        one("Inspections happen every week.", "every week", "SET", "P1W")
        one("The port has shrunk for two decades.", "two decades", "DURATION", "P20Y")
        #expect(tags("A 61-year-old man was charged.", anchor: anchor).isEmpty)
        #expect(tags("The boy, 5 years old, was unhurt.", anchor: anchor).isEmpty)
        #expect(tags("Tickets cost $5 a year.", anchor: anchor).isEmpty)
    }

    @Test func withoutAnArticleDateNothingIsGuessed() {
        one("The assembly voted on Tuesday.", "Tuesday", "DATE", "XXXX-WXX-2", anchor: .some(nil))
        one("Talks ended yesterday.", "yesterday", "DATE", nil, anchor: .some(nil))
        one("The report came out in February.", "February", "DATE", "XXXX-02", anchor: .some(nil))
        one("The report of Feb. 17 found abuses.", "Feb. 17", "DATE", "XXXX-02-17", anchor: .some(nil))
        // Absolute dates need no anchor.
        one("It was signed on 18 November 2014.", "18 November 2014", "DATE", "2014-11-18", anchor: .some(nil))
    }

    @Test func ambiguousWordsAreNotDates() {
        #expect(tags("Officials may march on the capital.", anchor: anchor).isEmpty)
        #expect(tags("The group sold 2,000 tickets.", anchor: anchor).isEmpty)
        let found = tags("In May 2024 the port closed.", anchor: anchor)
        #expect(found.map(\.2) == ["2024-05"])
    }

    @Test func possessivesAreDates() {
        one("Friday's vote was close.", "Friday", "DATE", "2025-03-07")
        one("The offer ran in today's editions.", "today", "DATE", "2025-03-12")
        one("Last year's results were better.", "Last year", "DATE", "2024")
    }

    @Test func anInitialOrATitleDoesNotEndTheFutureSentence() {
        // "K." and "Dr." end no sentence, so "will" still reaches Monday.
        one("Anna K. Lund will succeed Dr. Berg on Monday.", "Monday", "DATE", "2025-03-17")
        one("The ferry is expected to sail on Friday.", "Friday", "DATE", "2025-03-14")
    }

    @Test func yearsInPairsAfterPossessivesAndSpelledOut() {
        #expect(tags("Costs rise in both 2026 and 2027.", anchor: anchor).map(\.2) == ["2026", "2027"])
        one("The yard's 2024 results were weak.", "2024", "DATE", "2024")
        one("Sales in fiscal 2024 fell.", "fiscal 2024", "DATE", "2024")
        one("The quay was rebuilt in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996")
        one("January nineteen ninety-seven was cold.", "January nineteen ninety-seven", "DATE", "1997-01")
    }

    @Test func partsOfTheDayKeepTheirCode() {
        one("The minister spoke this morning.", "this morning", "TIME", "2025-03-12TMO")
        one("The crane fell last night.", "last night", "TIME", "2025-03-11TNI")
        one("The crane fell Monday night.", "Monday night", "TIME", "2025-03-10TNI")
    }

    @Test func theYearTheQuarterAndVagueStretches() {
        // November article of an earnings report: the quarter is the last one completed.
        let nov = CivilDate(iso: "2025-11-12")
        one("Profit for the year rose.", "the year", "DATE", "2025", anchor: .some(nov))
        one("Sales for the full year were flat.", "the full year", "DATE", "2025", anchor: .some(nov))
        one("Sales in the quarter fell.", "the quarter", "DATE", "2025-Q3", anchor: .some(nov))
        one("Sales in the current quarter are strong.", "the current quarter", "DATE", "2025-Q4", anchor: .some(nov))
        one("The yard lost money in its fourth quarter.", "fourth quarter", "DATE", "2025-Q4", anchor: .some(nov))
        one("Profit fell in the first quarter of last year.", "the first quarter of last year", "DATE", "2024-Q1", anchor: .some(nov))
        one("In the fiscal first quarter it earned more.", "the fiscal first quarter", "DATE", "2025-Q1", anchor: .some(nov))
        #expect(tags("Net rose in the third quarter; in the 2024 quarter it fell.", anchor: nov).map(\.2) == ["2025-Q3", "2024-Q3"])
        one("Piracy has grown in recent years.", "recent years", "DURATION", "PXY")
        one("The talks continue in the weeks ahead.", "the weeks ahead", "DURATION", "PXW")
    }

    @Test func spansTakeTheWordsTimeMLKeeps() {
        one("Prices rose over the past two months.", "the past two months", "DURATION", "P2M")
        one("Sales in the first nine months rose.", "the first nine months", "DURATION", "P9M")
        one("The talks took a few days.", "a few days", "DURATION", "PXD")
        one("The strike lasted more than four hours.", "more than four hours", "DURATION", "PT4H")
        one("The wall will be done by the end of this year.", "the end of this year", "DATE", "2025")
        one("The plan was signed late yesterday.", "late yesterday", "DATE", "2025-03-11")
        one("The boat arrives early next year.", "early next year", "DATE", "2026")
        one("Rents soared in the late 1970s.", "the late 1970s", "DATE", "197")
        one("A 14-day trial opened.", "14-day", "DURATION", "P14D")
        one("He was hurt last Oct. 23 in Calder.", "Oct. 23", "DATE", "2024-10-23")
    }

    @Test func aPastVerbOnEitherSideOrTheSoonestPossibleDaySetsTheDirection() {
        // The anchor is a Wednesday: "Tuesday" is yesterday when told in the past, next week's ahead.
        one("Mayor Ines Varga on Tuesday said the bridge will reopen.", "Tuesday", "DATE", "2025-03-11")
        one("The ferry company said here Monday it will add two boats.", "Monday", "DATE", "2025-03-10")
        one("The crews could start work as soon as Tuesday, the port said.", "Tuesday", "DATE", "2025-03-18")
        one("Repairs may finish as early as next week.", "next week", "DATE", "2025-W12")
    }

    @Test func theWeekendShortDecadesAndQualifiedDurations() {
        // The weekend just past is that of ISO week 10 (Saturday 8 March); one ahead, week 11's.
        one("Talks went on over the weekend in Calder.", "the weekend", "DATE", "2025-W10-WE")
        one("Talks will go on over the weekend.", "the weekend", "DATE", "2025-W11-WE")
        #expect(tags("Boats of the '70s and 80s were slower.", anchor: anchor).map(\.2) == ["197", "198"])
        one("The port has not closed since '82.", "'82", "DATE", "1982")
        // A plural age is not a decade.
        #expect(tags("Most crew members are in their 30s.", anchor: anchor).isEmpty)
        one("Shares fell for six straight days.", "six straight days", "DURATION", "P6D")
        one("Freight rose for two consecutive quarters.", "two consecutive quarters", "DURATION", "P2Q")
        one("The index lost 4% over the past five trading days.", "the past five trading days", "DURATION", "P5D")
    }

    @Test func holidaysByNameResolvedNearTheArticle() {
        // Anchor Wednesday 2025-03-12. Easter 2025 is April 20; Thanksgiving 2024 was November 28.
        one("The ferry runs again at Easter.", "Easter", "DATE", "2025-04-20")
        one("Crews were back before Good Friday.", "Good Friday", "DATE", "2025-04-18")
        one("The wall cracked on Thanksgiving Day.", "Thanksgiving Day", "DATE", "2024-11-28")
        one("The mayor spoke last Christmas.", "last Christmas", "DATE", "2024-12-25")
        one("The count ends on New Year\u{2019}s Eve.", "New Year\u{2019}s Eve", "DATE", "2024-12-31")
        one("Calder votes on Election Day 2026.", "Election Day 2026", "DATE", "2026-11-03")
        one("Boats were blessed as Easter week began.", "Easter week", "DATE", "2025-W16")
        one("Parades filled the town on Memorial Day.", "Memorial Day", "DATE", "2024-05-27")
        one("The ferry runs on Labor Day.", "Labor Day", "DATE", "2024-09-02")
        // Without a date to count from, only a fixed day keeps its month and day.
        one("The harbour closes at Christmas.", "Christmas", "DATE", "XXXX-12-25", anchor: .some(nil))
        one("The harbour closes on Thanksgiving.", "Thanksgiving", "DATE", nil, anchor: .some(nil))
        // Another country's day of the same name is not the listed one.
        #expect(tags("Kyiv marked Ukraine's Independence Day.", anchor: anchor).isEmpty)
    }

    @Test func holidayRulesReadFromTheWordList() throws {
        #expect(Holiday.rule("12-25") == .fixed(month: 12, day: 25))
        #expect(Holiday.rule("11-MO1+1") == .nthWeekday(month: 11, weekday: 1, n: 1, offset: 1))
        #expect(Holiday.rule("05-MOL") == .nthWeekday(month: 5, weekday: 1, n: -1, offset: 0))
        #expect(Holiday.rule("EASTER-2") == .easter(offset: -2))
        #expect(Holiday.rule("02-30") == nil)
        #expect(Holiday.rule("13-01") == nil)
        #expect(Holiday.rule("11-XX1") == nil)
        // Easter Sundays from the tables: 2000, 2019, 2038 (the latest possible, April 25), 1818 (March 22).
        let easters = [2000, 2019, 2038, 1818].map { Holiday.easterSunday($0).description }
        #expect(easters == ["2000-04-23", "2019-04-21", "2038-04-25", "1818-03-22"])
        let fifthMonday = Holiday(words: ["x"], rule: try #require(Holiday.rule("02-MO5")))
        #expect(fifthMonday.date(in: 2025) == nil, "February 2025 has four Mondays")
    }

    @Test func recurringDaysYearLengthsZonesAndNamesThatLookLikeMonths() {
        one("The third ferry departs each Thursday from the pier.", "each Thursday", "SET", "XXXX-WXX-4")
        one("Fishers meet every July at the harbour.", "every July", "SET", "XXXX-07")
        let yearEnded = tags("Revenue for the year ended June 30 rose.", anchor: anchor)
        #expect(yearEnded.map(\.0) == ["the year", "June 30"])
        #expect(yearEnded.first.map { [$0.1, $0.2] } == ["DURATION", "P1Y"])
        one("The offer runs until 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "TIME", "2025-11-09T17:00")
        one("Freight hit its highest level in years.", "years", "DURATION", "PXY")
        // "Jan" with no full stop or number is a name; "High Noon" is a film.
        #expect(tags("Foreign minister Jan Kavan spoke.", anchor: anchor).isEmpty)
        one("The pact was signed Jan. 6.", "Jan. 6", "DATE", "2025-01-06")
        #expect(tags("A poster showed Gary Cooper in High Noon.", anchor: anchor).isEmpty)
        one("The court sits at midday.", "midday", "TIME", "2025-03-12T12:00")
    }

    @Test func thatYearAndTheSameDayCountFromTheLastDateNamed() {
        func values(_ text: String) -> [String: String?] {
            Dictionary(tags(text, anchor: anchor).map { ($0.0, $0.2) }, uniquingKeysWith: { a, _ in a })
        }
        let v = values(
            "Ana Pell left Calder in June 2019 and came back later that year. The dock opened on May 3, 2021. "
                + "Earlier that day, crews had cleared the quay, and the following year the ferry returned.")
        #expect(v["June 2019"] == "2019-06")
        #expect(v["later that year"] == "2019")
        #expect(v["Earlier that day"] == "2021-05-03")
        #expect(v["the following year"] == "2022")
        // A month is not precise enough for "the same day": the article's day stands in.
        #expect(values("The vote was in May 2020, and the same day the mayor resigned.")["the same day"] == "2025-03-12")
        #expect(values("Watch imports rose to $1.5 billion in 1988, a record that year.")["that year"] == "1988")
        // "that day has come" names no day.
        #expect(tags("Unfortunately, that day has come.", anchor: anchor).isEmpty)
    }

    @Test func pastClausesBeatWeakFutureMarkers() {
        // Anchor Wednesday 2025-03-12. "until" with a past perfect looks back.
        one("Until Monday, the police had not named a suspect.", "Monday", "DATE", "2025-03-10")
        one("The ferry runs until Monday.", "Monday", "DATE", "2025-03-17")
        // A participle clause ("saying ...") keeps its "will" from the time before it.
        #expect(tags("The unions issued a statement Tuesday saying the strike will end.", anchor: anchor).map(\.2) == ["2025-03-11"])
        // "should" looks ahead; a past verb before "in" looks back, unless it is a passive after "be".
        one("The sale should be completed in October.", "October", "DATE", "2025-10")
        one("The plans announced in January, under which 300 posts should go, were dropped.", "January", "DATE", "2025-01")
        one("The new ferry will be launched in June, the yard said.", "June", "DATE", "2025-06")
    }

    @Test func aClockTimeTakesTheDayItsSentenceNames() {
        // Anchor Wednesday 2025-03-12.
        one("The ship sailed at 9:15 a.m. from Calder.", "9:15 a.m.", "TIME", "2025-03-12T09:15")
        #expect(
            tags("The ferry made its first crossing Monday in Calder at 14:00 UTC.", anchor: anchor).map(\.2)
                == ["2025-03-10", "2025-03-10T14:00Z"])
        // The day may come after the time, past a parenthesis; "a.m." there does not end the sentence.
        #expect(
            tags("The crane fell at about 10:40 a.m. (0940 GMT) Monday, the port said.", anchor: anchor).map(\.2)
                == ["2025-03-10T10:40", "2025-03-10T09:40Z", "2025-03-10"])
        // The day of another sentence does not count.
        #expect(
            tags("The talks ended Monday. The vote starts at 18:00 UTC.", anchor: anchor).map(\.2)
                == ["2025-03-10", "2025-03-12T18:00Z"])
    }

    @Test func aQuarterFarAheadToldInThePastIsLastYears() {
        // Anchor in the first quarter of 2025.
        one("Freight rose in the fourth quarter.", "the fourth quarter", "DATE", "2024-Q4")
        one("Freight will rise in the fourth quarter.", "the fourth quarter", "DATE", "2025-Q4")
        // The next quarter may be the coming one: it keeps the year.
        one("Freight rose in the second quarter.", "the second quarter", "DATE", "2025-Q2")
        one("Freight rose in the first quarter.", "the first quarter", "DATE", "2025-Q1")
    }

    @Test func monthsOfANamedYearTheFinalQuarterAndTheSamePeriodAYearBack() {
        // Anchor 2025-03-12. "of next year" gives the month its year; "next year" is found as well.
        #expect(tags("Leases end after October of next year.", anchor: anchor).map(\.2) == ["2026-10", "2026"])
        one("For the final quarter of 2024, the port made a profit.", "the final quarter of 2024", "DATE", "2024-Q4")
        one("Losses narrowed in the final half of 2024.", "the final half of 2024", "DATE", "2024-H2")
        // The month last named, a year back; without one, the article's month.
        #expect(tags("Traffic rose 4% in February from the same period last year.", anchor: anchor).map(\.2) == ["2025-02", "2024-02"])
        #expect(tags("Traffic fell in January 2023, against the same month a year earlier.", anchor: anchor).map(\.2) == ["2023-01", "2022-01"])
        one("Traffic is up on the same period last year.", "the same period last year", "DATE", "2024-03")
    }

    @Test func dayRangesHalvesLengthAdjectivesAndHoursInWords() {
        // The second day of a range takes the first one's month (and year).
        #expect(tags("The summit meets on April 24 and 25 in Calder.", anchor: anchor).map(\.2) == ["2025-04-24", "2025-04-25"])
        #expect(tags("Talks ran from Feb. 3 to 5, 2024.", anchor: anchor).map(\.2) == ["2024-02-03", "2024-02-05"])
        one("The regatta ran on March 3-4.", "March 3-4", "DATE", "2025-03-03")
        // "and 25" alone, or a count after a date, is not a day.
        #expect(tags("Ferries ran on April 24 and 25 boats left.", anchor: anchor).map(\.2) == ["2025-04-24"])
        one("The crossing took 5 1/2 hours in a gale.", "5 1/2 hours", "DURATION", "PT5H30M")
        one("The refit took 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M")
        one("The quay stood for 1.5 decades.", "1.5 decades", "DURATION", "P15Y")
        one("The storm lasted 1.5 days.", "1.5 days", "DURATION", "P1DT12H")
        one("The ferry stays in dock for two more weeks.", "two more weeks", "DURATION", "P2W")
        one("The union ended a day-long strike.", "day-long", "DURATION", "P1D")
        one("It settles a decades-long dispute over the quay.", "decades-long", "DURATION", "PXY")
        one("The crew sails at 4 in the morning.", "4 in the morning", "TIME", "2025-03-12T04:00")
        one("The boats came back at 9 in the evening.", "9 in the evening", "TIME", "2025-03-12T21:00")
        // Not a time: a count of boats in the morning.
        #expect(tags("We saw 40 in the morning light.", anchor: anchor).isEmpty)
        one("The yard shut for a single-day inspection.", "single-day", "DURATION", "P1D")
        one("Repairs will take a couple of years.", "a couple of years", "DURATION", "P2Y")
        one("Prices will rise in the coming years.", "the coming years", "DURATION", "PXY")
        one("The hearing is set for the week of March 17.", "the week of March 17", "DATE", "2025-W12")
    }

    @Test func aParenthesisStaysInItsClause() {
        // The time in brackets restates one in a clause about the future, so it is ahead too.
        #expect(tags("The ferry will leave at dawn (6 a.m. EDT Friday), the captain said.", anchor: anchor).map(\.2) == ["2025-03-14T06:00"])
    }

    @Test func aDayWithAPossessiveLooksBack() {
        // "Monday's ruling" has happened, even in a sentence about what will follow it.
        one("The council said it would look for ways around Monday's ruling.", "Monday", "DATE", "2025-03-10")
        // A day that is today stays today.
        one("Wednesday's vote will be close.", "Wednesday", "DATE", "2025-03-12")
        // Ahead of a day: still ahead.
        one("Crews will rest ahead of Friday's race.", "Friday", "DATE", "2025-03-14")
    }

    @Test func offsetsAreUnicodeScalars() throws {
        let text = "Ça a commencé — «enfin» — on Tuesday."
        let t = try #require(tagger.tag(text, anchor: anchor).first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[t.start..<t.end])) == "Tuesday")
    }
}

@Suite struct TimelineTests {
    @Test func sameEventFromSeveralSourcesIsOneEntry() throws {
        let texts = [
            "The Calder assembly voted on Tuesday to rebuild the harbour wall before winter.\n\nA survey published in January found three cracks in the harbour wall.",
            "Calder's assembly will vote on Tuesday on the harbour wall rebuild.",
            "An engineering survey of the harbour wall, published on Jan. 20, found three cracks.",
            "Fishing crews said the weather had been calm on Monday."
        ]
        let dates: [String?] = ["2025-03-11", nil, "2025-03-02", "2025-03-11"]
        let story = TimelineBuilder().build(texts: texts, dates: dates)
        let survey = try #require(story.timeline.first { $0.date == "2025-01-20" })
        #expect(Set(survey.sources.map(\.document)) == [0, 2])
        let vote = try #require(story.timeline.first { $0.date == "2025-03-11" && $0.text.contains("voted") })
        #expect(Set(vote.sources.map(\.document)) == [0, 1], "the undated 'will vote on Tuesday' fits a Tuesday")
        #expect(story.timeline.map(\.date) == story.timeline.map(\.date).sorted())
        // Background is placed at its own date, before the article's.
        #expect(story.timeline.first?.date == "2025-01-20")
        for entry in story.timeline {
            for s in entry.sources {
                let scalars = Array(texts[s.document].unicodeScalars)
                #expect(s.start < s.end && s.end <= scalars.count)
            }
        }
    }

    @Test func aPostsSignatureDatesNoEvent() {
        // Found in Multi-News digests: a link and a signature, and an embedded post's comment, were
        // timeline entries at the post's date. The post is a statement; the date signs it.
        let text = """
            https://t.example/2bx54V \u{2014} Ana Pell (@anapell) January 26, 2025

            Prediction: the ferry returns before the storm season ends \u{2014} Ivo Brandt (@ivob) January 27, 2025

            The ferry company cancelled every crossing on January 25, 2025, when the storm reached the coast.
            """
        let story = TimelineBuilder().build(texts: [text], dates: ["2025-01-28"])
        #expect(story.timeline.map(\.date) == ["2025-01-25"])
        // Undated, the source was written after the latest post it shows.
        let undated = TimelineBuilder().build(texts: [text], dates: [nil])
        #expect(undated.timeline.map(\.date) == ["2025-01-25"])
        #expect(undated.dating.first??.earliest == "2025-01-27")
        #expect(Captions.signsPost(before: "the quay \u{2014} Ivo Brandt (@ivo_b2) "))
        #expect(Captions.signsPost(before: "A post shared by Ivo Brandt (@ivob) on "))
        #expect(!Captions.signsPost(before: "the ferry (the old one) sailed on "))
        #expect(!Captions.signsPost(before: "the quay reopened (on schedule) "))
        #expect(!Captions.signsPost(before: "mail us (@) "))
    }

    @Test func aTimeOfDayAloneDatesNoEvent() {
        // Found reading dated wire copy: "Slepian ... was shot to death at 10 p.m. as he stood in
        // his kitchen", background in a report months later, was placed on the report's own day.
        let text = """
            The harbour inquiry heard from the ferry's captain on Monday.

            Ana Okafor, 52, was found on the quay at 10 p.m. as she walked her dog.

            The ferry sank at 4 a.m. Saturday, the captain said.
            """
        let story = TimelineBuilder().build(texts: [text], dates: ["2025-07-15"])
        #expect(story.timeline.map(\.date) == ["2025-07-12", "2025-07-14"])
        #expect(!story.timeline.contains { $0.text.contains("walked her dog") })
    }

    @Test func aLineThatIntroducesWhatFollowsIsNoEvent() {
        // Found reading digests of wire copy: "The following are the latest figures as of Monday ..."
        // headed a story and led its summary; "The paper said in an editorial on Monday, Oct. 26:"
        // was a timeline entry.
        let text = """
            The ferry company cancelled every crossing on Monday, March 3, 2025, when the storm reached the coast.

            The Calder Herald said in an editorial on Tuesday, March 4, 2025:

            The following are the latest counts of the stranded as of Wednesday, March 5, 2025, at the two ports.
            """
        let story = TimelineBuilder().build(texts: [text], dates: ["2025-03-06"])
        #expect(story.timeline.map(\.date) == ["2025-03-03"])
        #expect(Captions.introducesWhatFollows("The Calder Herald said in an editorial on Tuesday:"))
        #expect(Captions.introducesWhatFollows("The following are the latest counts of the stranded."))
        #expect(Captions.introducesWhatFollows("The board's ruling reads as follows."))
        #expect(!Captions.introducesWhatFollows("Following the storm, the port closed for a week."))
        #expect(!Captions.introducesWhatFollows("The board will update the timetable: ferries sail at 7."))
    }

    @Test func aNoteOnTheSourcesPublicationDatesNoEvent() {
        // "The article was first published on ..." dates the source, not an event of the story.
        let text = """
            The ferry company cancelled every crossing on January 25, 2025, when the storm reached the coast.

            This article was first published on January 27, 2025.
            """
        let story = TimelineBuilder().build(texts: [text], dates: [nil])
        #expect(story.timeline.map(\.date) == ["2025-01-25"])
        #expect(story.dating.first??.earliest == "2025-01-27")
        #expect(Captions.notesPublication("The story has been updated with the harbour board's reply."))
        #expect(Captions.notesPublication("An earlier version of this article misstated the ferry's name."))
        #expect(Captions.notesPublication("This post originally appeared on the Calder Herald's site on May 3, 2025."))
        #expect(Captions.notesPublication("7 PM EASTERN UPDATE: Adds the harbour board's reply."))
        #expect(Captions.notesPublication("UPDATE: The ferry has reached the quay."))
        #expect(Captions.notesPublication("Editor's note: This story contains graphic details."))
        #expect(!Captions.notesPublication("The board will update the timetable: ferries sail at 7."))
        // A report that was published is news of its own; so is an article someone else wrote.
        #expect(!Captions.notesPublication("The report, published on May 3, found the quay unsafe."))
        #expect(!Captions.notesPublication("Ana Pell said the article published on May 3 was wrong."))
    }

    @Test func anAnnouncedDateBoundsAnUndatedSourceFromAbove() {
        // What a source still expects had not happened when it was written: its own full date,
        // announced in the date's own clause, bounds it from above; a date it tells as done, from below.
        let text = """
            The harbour board said the new quay, first planned in March 2024, had passed its inspection.

            A public hearing on the fees is to be held on October 12, 2025, in the town hall.
            """
        let dating = try? #require(TimelineBuilder().build(texts: [text], dates: [nil]).dating.first ?? nil)
        #expect(dating?.earliest == "2024-03-01")
        #expect(dating?.latest == "2025-10-12")
        // Announced in another clause than the date's, the date is still told as done.
        let done = """
            The first ferry sailed in May 2023 and the second is expected to follow.

            The line's old ships were to be sold in June 2022, but the board will now keep them.
            """
        let range = try? #require(TimelineBuilder().build(texts: [done], dates: [nil]).dating.first ?? nil)
        #expect(range?.latest == nil)
        #expect(range?.earliest == "2023-05-01")
        #expect(!TimelineBuilder.announces("The line's old ships were to be sold in June 2022"))
        // An abbreviation that may end a sentence does not before a digit or a lower-case word.
        func stops(_ text: String) -> [String] {
            TimeToken.tokenize(Array(text.unicodeScalars)).enumerated().filter(\.element.endsSentence).map { "\($0.offset)" }
        }
        #expect(stops("the Dec. 21, 1988, sinking of the ferry") == [])
        #expect(stops("Calder Ferries Inc. said it would sail") == [])
        #expect(stops("He works for Calder Ferries Inc. The firm sails daily.").count == 2)
        #expect(!TimelineBuilder.announces("Police said they held the skipper at the quay on Thursday as he was about to be sent home"))
        #expect(TimelineBuilder.announces("a special hearing to be held on October 12"))
        // "only to be": what came of an act, told as past.
        #expect(!TimelineBuilder.announces("The skipper fled to Brenna in June 1998 and came back later that year, only to be jailed"))
        #expect(!TimelineBuilder.announces("the hearing was held on October 12"))
        // A plan told as past ("were due to", "was expected to") does not say the source was
        // written before its date.
        #expect(!TimelineBuilder.announces("They heard the choir in Bellport in May 1971 and sent a card to the hall where it was due to sing"))
        #expect(!TimelineBuilder.announces("the ferry was expected to sail on June 3"))
        #expect(TimelineBuilder.announces("the ferry is expected to sail on June 3"))
        #expect(TimelineBuilder.announces("the choir is due to sing on June 3"))
        let past = "The choir sang in Bellport in May 1971 and sent a card to the hall where it was due to sing next."
        let sung = try? #require(TimelineBuilder().build(texts: [past], dates: [nil]).dating.first ?? nil)
        #expect(sung?.earliest == "1971-05-01")
        #expect(sung?.latest == nil)
        #expect(
            TimelineBuilder().clause(before: "The first ferry sailed in ", time: "May 2023", after: " and the second is expected to follow.")
                == "The first ferry sailed in May 2023")
        #expect(TimelineBuilder().clause(before: "It sailed and will dock on ", time: "May 4", after: ".") == "will dock on May 4.")
        // The tagger reads the same joint: "and" before a verb of its own tense opens a clause.
        let anchor = CivilDate(iso: "2025-01-10")
        #expect(TimeTagger().tag("The first ferry sailed on Tuesday and is expected to return.", anchor: anchor).first?.future == false)
        #expect(TimeTagger().tag("The ferry will leave Calder and dock on Tuesday.", anchor: anchor).first?.future == true)
        #expect(TimelineBuilder.announces(TimelineBuilder().clause(before: "The ship will leave Calder and dock on ", time: "May 4", after: ".")))
    }

    @Test func aQuestionIsNoEvent() {
        let text = """
            The harbour wall gave way on March 2, 2025, flooding the lower town.

            But why did nobody tell the town about the cracks found in January 2025?
            """
        let story = TimelineBuilder().build(texts: [text], dates: ["2025-03-14"])
        #expect(story.timeline.map(\.date) == ["2025-03-02"])
    }

    @Test func aCaptionIsNoEvent() {
        // A gallery's caption line, dated, read as one sentence with the credit behind it.
        let text = """
            The harbour wall gave way on March 2, 2025, flooding the lower town.

            Image 1 of 12 Photo: Ana Pell / The Courier The Calder quay from the ferry on Monday, March 10, 2025.

            Work crews began the repairs on March 12, 2025.
            """
        let story = TimelineBuilder().build(texts: [text], dates: ["2025-03-14"])
        #expect(story.timeline.map(\.date) == ["2025-03-02", "2025-03-12"])
    }
}
