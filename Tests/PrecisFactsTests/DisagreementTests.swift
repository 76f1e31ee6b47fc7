import PrecisFacts
import PrecisText
import Testing

/// Disagreements an editor can sign: the same quantity, values that cannot both be true, and a
/// figure that changed told apart from sources that conflict. Every sentence here is invented.
@Suite struct DisagreementTests {
    let finder = NumberFinder()

    func disagreements(_ texts: [String], dates: [String?]? = nil) -> [Disagreement] {
        // The figures as a story reads them: with the times of their sentences (the years they name).
        let tagger = TimeTagger()
        return NumberFinder.disagreements(
            texts.map { finder.find(in: $0, excluding: tagger.tag($0, anchor: nil)) },
            dates: dates ?? texts.map { _ in nil })
    }

    func interval(_ text: String) throws -> ValueInterval {
        let q = try #require(finder.find(in: text).first)
        return try #require(q.interval)
    }

    /// The year a figure's sentence names in a date with an abbreviated month ("the Dec. 21, 1988,
    /// sinking") makes it a figure of that year: the 1988 toll is not this year's.
    @Test func aFigureOfAnAbbreviatedDatesYearIsThatYears() {
        let texts = [
            "Police arrested a second man over the harbour bombings that killed 224 people. He replaces two agents charged in the Dec. 21, 1988, sinking of a ferry that killed 259 people on board.",
            "A court heard that the harbour bombings killed 224 people in Calder and Brenna."
        ]
        #expect(disagreements(texts, dates: ["2026-03-02", "2026-03-04"]).isEmpty)
    }

    @Test func valuesAreIntervalsOfWhatTheyAllow() throws {
        let more = try interval("More than 80,000 people marched.")
        #expect(more.lower == 80_000 && more.lowerOpen && more.bound == .lower)
        let about = try interval("About 10 boats sank.")
        #expect(about.lower == 9 && about.upper == 11)
        let upTo = try interval("Up to 120,000 people may have left.")
        #expect(upTo.lower == 0 && upTo.upper == 120_000 && upTo.bound == .upper)
        let range = try interval("Between 18 and 22 students were rescued.")
        #expect(range.lower == 18 && range.upper == 22)
        let written = try interval("The quay cost $3.5 million.")
        #expect(abs(written.lower - 3_450_000) < 1 && abs(written.upper - 3_550_000) < 1)
        // As precise as its last digit, open above: 62 is 61.5 up to 62.5; "6" on a scale meets "6.2".
        let exact = try interval("The clinic treated 62 patients.")
        #expect(exact.lower == 61.5 && exact.upper == 62.5 && exact.upperOpen)
        #expect(try interval("It was a 6 quake near the coast.").overlaps(try interval("It was a 6.2 quake near the coast.")))
        #expect(!(try interval("He has four half-siblings.").overlaps(try interval("He has five half-siblings."))))
    }

    /// Three counts of one harbour's boats, under a model that reads two figures as one quantity
    /// when their values lie within a tenth; the values shown and the pairs said to disagree.
    /// - 40, 37, 34: 40 and 37, and 37 and 34, are one quantity: one group of three values. 40 and
    ///   34 were not, so the group does not say that they disagree.
    /// - 40, 35, at least 38 (found on dated wire copy, where "more than 1,700 injured" stood beside
    ///   a death toll's values): 40 and 35 are not one quantity; "at least 38" is one with each, and
    ///   can hold with 40, not with 35. A value no claimed pair holds (40) is not shown.
    @Test(arguments: [
        (["40", "37", "34"], [["40", "37", "34"]], [[0, 1], [1, 2]]),
        (["40", "35", "at least 38"], [["35", "38"]], [[0, 1]])
    ])
    func aDisagreementClaimsAndShowsOnlyThePairsTheModelReadAsOneQuantity(_ counts: [String], _ shown: [[String]], _ pairs: [[Int]]) {
        let close = FigurePairModel(intercept: 2, weights: [0, 0, -20, 0, 0, 0], threshold: 0.5)
        let texts = counts.map { "Rescuers pulled \($0) boats from the Orvale harbour after the storm." }
        let found = NumberFinder.disagreements(texts.map { finder.find(in: $0) }, dates: [nil, nil, nil], model: close)
        #expect(found.map { $0.values.map(\.value) } == shown)
        #expect(found.first?.incompatible == pairs)
    }

    /// What is said after a figure up to a clause break is said of it; past "and" it is said of
    /// what follows ("killing at least 30 people and injuring more than 400 others").
    @Test func anOutcomeAfterAClauseBreakIsSaidOfWhatFollows() {
        let found = finder.find(in: "Two bombs exploded in Calder, killing at least 30 people and injuring more than 400 others.")
        #expect(found.first { $0.value == "30" }?.outcome == ["die"])
        #expect(found.first { $0.value == "400" }.map { !$0.outcome.isEmpty && !$0.outcome.contains("die") } == true)
        #expect(finder.find(in: "At least 30 people were killed in the Calder blast.").first?.outcome == ["die"])
    }

    /// A chain of links never joins two mentions a rule tells apart: 40 killed and 46 injured, each
    /// one quantity with 43 people (no word says what befell them) under a model that reads values
    /// within a tenth as one, are not one group. The surer link (43 and 46) is made first.
    @Test func aChainOfLinksNeverJoinsWhatARuleTellsApart() {
        let close = FigurePairModel(intercept: 2, weights: [0, 0, -20, 0, 0, 0], threshold: 0.5)
        let texts = [
            "The Orvale ferry fire killed 40 people on Monday.",
            "Some reports put the number aboard the Orvale ferry at 43 people.",
            "The Orvale ferry fire injured 46 people on Monday."
        ]
        let found = NumberFinder.disagreements(texts.map { finder.find(in: $0) }, dates: [nil, nil, nil], model: close)
        #expect(found.map { $0.values.map(\.value) } == [["43", "46"]])
    }

    /// A figure told twice, or grown as a story goes on, stays within a factor of ten: the 13
    /// fishermen of one trawler and the 9,000 of a coast, months apart, are two figures. A toll
    /// may grow further (`countsFarFromTheirGroupAreOtherFigures`).
    @Test func valuesMoreThanTenTimesApartAreTwoFigures() {
        let texts = [
            "One of 13 fishermen aboard the Orvale trawler survived the storm off Calder.",
            "The 9,000 fishermen of the Calder coast marched in Orvale on Monday after the storm."
        ]
        #expect(disagreements(texts, dates: ["2026-01-05", "2026-04-20"]).isEmpty)
        // Orders of size are not held to it: "dozens" of threats may become "tens of thousands".
        #expect(
            disagreements(
                ["Dozens of schools in Calder received the emailed bomb threats.", "Tens of thousands of schools received the emailed bomb threats."],
                dates: ["2026-01-05", "2026-01-09"]
            ).count == 1)
    }

    @Test func valuesThatCanBothHoldAreOneFigure() {
        #expect(disagreements(["About 10 boats sank in the Calder harbour storm.", "Ten boats sank in the Calder harbour storm."]).isEmpty)
        #expect(
            disagreements([
                "The appeal raised more than $80,000 for the Calder lifeboat.",
                "The Calder lifeboat appeal raised $83,000."
            ]).isEmpty)
        #expect(
            disagreements([
                "Some 50 countries co-sponsored the harbour resolution.",
                "The harbour resolution was co-sponsored by 48 countries."
            ]).isEmpty)
    }

    /// A round lower bound is written to its unit: "more than 300" meets "at least 295", and "more
    /// than 16,000" meets "more than 15,000"; "more than 18,000" does not, nor does "at least 21"
    /// meet "at least 20", nor "at least six" "at least five".
    @Test func aRoundLowerBoundMeetsOneWithinItsUnitBelow() throws {
        #expect(try interval("More than 300 people died.").overlaps(try interval("At least 295 people died.")))
        #expect(try interval("More than 16,000 flights were cancelled.").overlaps(try interval("More than 15,000 flights were cancelled.")))
        #expect(!(try interval("More than 18,000 flights were cancelled.").overlaps(try interval("More than 16,000 flights were cancelled."))))
        #expect(!(try interval("At least 21 people died.").overlaps(try interval("At least 20 people died."))))
        #expect(!(try interval("At least six people were hurt.").overlaps(try interval("At least five people were hurt."))))
    }

    @Test func boundsOfOneKindWithDifferentValuesDisagree() {
        let injured = disagreements([
            "At least six people were injured when the ferry ramp collapsed.",
            "At least four people were injured in the ferry ramp collapse."
        ])
        #expect(injured.map { $0.values.map(\.value) } == [["6", "4"]])
        #expect(injured.first?.kind == .conflict)
        // Undated counts a factor of two apart are more often two counts (of a part, of another
        // place) than one reported twice: the fitted model does not show them.
        #expect(
            disagreements([
                "At least six people were injured when the ferry ramp collapsed.",
                "At least three people were injured in the ferry ramp collapse."
            ]).isEmpty)
    }

    @Test func aPartIsNotItsWhole() {
        #expect(finder.find(in: "The company will cut another 3,000 jobs.").first?.part == true)
        #expect(finder.find(in: "The jury awarded $25 million in punitive damages.").first?.part == true)
        #expect(finder.find(in: "The company will cut 7,000 jobs.").first?.part == false)
        // The others, or the rest, of a group are a part of it: "the remaining three boats" after two
        // of five escaped. Not "two other passengers": that is most often the whole count of a kind
        // told beside another ("killed one and wounded two other passengers").
        #expect(finder.find(in: "The patrol caught the remaining three boats.").first?.part == true)
        #expect(finder.find(in: "The other four climbers were flown out.").first?.part == true)
        #expect(finder.find(in: "Two other passengers were treated in Calder.").first?.part == false)
        // Among a figure of another noun, a figure is the whole count of its own: all the sailors
        // the storm killed, not a part of them.
        #expect(finder.find(in: "The storm killed 30 people, including 12 sailors.").last?.part == false)
        #expect(finder.find(in: "The yard cut 7,000 jobs last year and will cut another 3,000 jobs.").last?.part == true)
        // A word between the figure and its noun may say so too: "the 12 original members".
        #expect(finder.find(in: "The 12 original members of the Calder league met.").first?.part == true)
        #expect(
            disagreements([
                "The 12 original members of the Calder harbour league signed the charter in Orvale.",
                "The 16 members of the Calder harbour league signed the charter in Orvale."
            ]).isEmpty)
        #expect(
            disagreements([
                "Two of the skiffs fled and the patrol caught the remaining three skiffs off Calder Point.",
                "The patrol sighted five skiffs off Calder Point at dawn."
            ]).isEmpty)
        #expect(
            disagreements([
                "The company will cut another 3,000 jobs at its Calder plants.",
                "The company will cut 7,000 jobs at its Calder plants."
            ]).isEmpty)
        #expect(
            disagreements([
                "The ferry fire killed five passengers on the Brenna crossing.",
                "Two passengers died at the scene of the Brenna crossing fire."
            ]).isEmpty)
    }

    @Test func whatSomethingCanHoldIsNoAmount() {
        #expect(finder.find(in: "The reservoir can hold 50 million gallons.").first?.capacity == true)
        #expect(
            disagreements([
                "The Calder reservoir can hold 50 million gallons of water.",
                "Crews drained 38 million gallons of water from the Calder reservoir."
            ]).isEmpty)
    }

    @Test func measuresInDifferentUnitsAreTwoFigures() {
        #expect(finder.find(in: "The kiln reached 2,500 degrees Fahrenheit.").first?.unit == "fahrenheit")
        #expect(
            disagreements([
                "The Calder kiln fire burned at 1,400 degrees, the fire service said.",
                "The Calder kiln fire burned at 2,500 degrees Fahrenheit."
            ]).isEmpty)
    }

    @Test func aFigureOfANamedMonthIsBackgroundToOneOfADay() {
        // The story is told by days; the earlier shooting is told by its month.
        func months(_ text: String) -> Set<Int>? { finder.find(in: text, excluding: TimeTagger().tag(text, anchor: nil)).first?.months }
        #expect(months("In March, a gunman wounded five people at the Calder mall.") == [3])
        #expect(months("A gunman wounded three people at a Brenna office on Monday.") == [])
        #expect(
            disagreements([
                "A gunman wounded three people at a Brenna office on Monday, the police said.",
                "The police said a gunman wounded five people at a Brenna office in March."
            ]).isEmpty)
        // Two sources telling the same month's figure differently still disagree.
        #expect(
            disagreements([
                "In March the Brenna plant laid off 400 workers, the union said.",
                "The Brenna plant laid off 650 workers in March, the company said."
            ]).count == 1)
    }

    @Test func aFigureOfANamedPastYearIsNotTodaysInUndatedSources() {
        // No source is dated: the toll that names its year is background, not a rival count.
        #expect(
            disagreements([
                "The Brenna quake killed at least 40 people in the valley on Wednesday.",
                "The 1998 quake in the same valley killed at least 60 people."
            ]).isEmpty)
        // Without the year they are one quantity reported two ways.
        #expect(
            disagreements([
                "The Brenna quake killed at least 40 people in the valley on Wednesday.",
                "The quake in the valley killed at least 60 people."
            ]).count == 1)
    }

    @Test func aCountThatRoseWithTheDatesChanged() throws {
        let d = try #require(
            disagreements(
                [
                    "At least 19 people died in the Brenna floods, officials said.",
                    "At least 29 people died in the Brenna floods."
                ],
                dates: ["2025-03-01", "2025-03-03"]
            ).first)
        #expect(d.kind == .changed)
        #expect(d.values.map(\.value) == ["19", "29"])
        #expect(d.summary == "rose from At least 19 people (2025-03-01) to At least 29 people (2025-03-03)")
    }

    /// What did not happen befell no one: "a dozen attempted murders" is no toll beside "seven
    /// people" killed.
    @Test func anAttemptIsNoToll() throws {
        let attempts = try #require(finder.find(in: "Police tied the Calder sniper to a dozen attempted murders.").first)
        #expect(attempts.outcome.isEmpty)
        #expect(finder.find(in: "Police tied the Calder sniper to a dozen murders.").first?.outcome.isEmpty == false)
        #expect(
            disagreements(
                ["Police tied the Calder sniper to a dozen attempted murders.", "Police said the Calder sniper killed seven people."],
                dates: ["2025-03-01", "2025-09-07"]
            ).isEmpty)
    }

    /// Values as written meet at an open end (11 is 10.5 up to 11.5, 12 from 11.5): 11, then 12 on a
    /// later day, rose.
    @Test func aCountOneHigherOnALaterDayRose() throws {
        let rose = try #require(
            disagreements(
                ["The 11 sailors were killed when the Calder ferry sank.", "Twelve sailors were killed when the Calder ferry sank."],
                dates: ["2025-03-01", "2025-03-07"]
            ).first)
        #expect(rose.kind == .changed)
    }

    @Test func valuesOfOneDayOrFallingWithTheDatesConflict() throws {
        let sameDay = try #require(
            disagreements(
                [
                    "He is survived by four half-siblings in Calder.",
                    "He is survived by five half-siblings in Calder."
                ],
                dates: ["2025-03-01", "2025-03-01"]
            ).first)
        #expect(sameDay.kind == .conflict)
        let falling = try #require(
            disagreements(
                [
                    "At least 40 people died in the Brenna floods.",
                    "At least 29 people died in the Brenna floods."
                ],
                dates: ["2025-03-01", "2025-03-03"]
            ).first)
        #expect(falling.kind == .conflict)
        let undated = try #require(
            disagreements([
                "At least 19 people died in the Brenna floods.",
                "At least 29 people died in the Brenna floods."
            ]).first)
        #expect(undated.kind == .conflict, "no dates, no change to tell")
    }

    @Test func onlyThePairsThatCannotBothHoldAreClaimed() throws {
        let d = try #require(
            disagreements([
                "The harbour resolution in Calder has some 50 co-sponsors.",
                "The harbour resolution in Calder has 48 co-sponsors.",
                "The harbour resolution in Calder has 62 co-sponsors."
            ]).first)
        #expect(d.values.map(\.value) == ["50", "48", "62"])
        #expect(d.incompatible == [[0, 2], [1, 2]], "some 50 and 48 agree")
    }

    @Test func asManyAsIsAnUpperBound() throws {
        let most = try interval("As many as 4,000 sheep died in the Orvale blizzard.")
        #expect(most.lower == 0 && most.upper == 4_000 && most.bound == .upper)
        #expect(
            disagreements([
                "As many as 4,000 sheep died in the Orvale blizzard, farmers said.",
                "More than 4,000 sheep died in the Orvale blizzard, farmers said."
            ]).map { $0.values.map(\.value) } == [["4000", "4000"]])
    }

    @Test func theKilledAndTheWoundedAreCountedApart() throws {
        // "11 killed" counts people, as "nine people were killed" does; "14 others" counts what the
        // figure before it counts; and what happened to them tells the two counts apart.
        let found = finder.find(in: "The Marl Street bridge collapse left 11 killed and 14 wounded.")
        #expect(found.map(\.outcome) == [["die"], ["injur"]])
        let others = finder.find(in: "Nine people were killed and 14 others were wounded on the Marl Street bridge.")
        #expect(others.count == 2 && others[0].key == others[1].key)
        let d = disagreements([
            "Nine people were killed and 14 others were wounded when the Marl Street bridge collapsed.",
            "The Marl Street bridge collapse left 11 killed and 14 wounded, the fire service said."
        ])
        #expect(d.map { $0.values.map(\.value) } == [["9", "11"]])
        #expect(
            disagreements([
                "Nine people were killed when the Marl Street bridge collapsed.",
                "Twelve people were injured when the Marl Street bridge collapsed."
            ]).isEmpty)
    }

    @Test func lengthsInKilometresAndMilesAreComparedConverted() throws {
        func quantity(_ text: String) throws -> Quantity { try #require(finder.find(in: text).first) }
        let km = try quantity("The Orvale quake struck 10 kilometres below the town.")
        // Six miles is 9.7 km: one depth, given in two units; four kilometres is not about six miles.
        #expect(km.compatible(with: try quantity("The Orvale quake struck six miles below the town.")))
        #expect(!(try quantity("The Orvale quake struck four kilometres below the town.")).compatible(with: try quantity("It struck about six miles down.")))
        // A bound converted is a range: "more than 60 miles" and "more than 100 km" can both hold.
        #expect((try quantity("The ash cloud spread more than 60 miles.")).compatible(with: try quantity("The ash cloud spread more than 100 km.")))
        // Told with the same words, a depth given as 12 kilometres and as six miles disagrees.
        let d = disagreements([
            "The Orvale quake struck at a depth of 12 kilometres below the town, the survey said.",
            "The Orvale quake struck at a depth of six miles below the town, the survey said."
        ])
        #expect(d.map { $0.values.map(\.text) } == [["12 kilometres", "six miles"]])
    }

    @Test func anOrderOfSizeIsTheRangeItAllows() throws {
        let dozens = try interval("Dozens of boats broke their moorings in the Orvale storm.")
        #expect(dozens.lower == 24 && dozens.upper == 99)
        let tens = try interval("Tens of thousands of people lost power in the Orvale storm.")
        #expect(tens.lower == 20_000 && tens.upper == 99_999)
        // "Dozens" and 30 can both hold; "dozens" and "hundreds" cannot.
        let boats = try #require(finder.find(in: "Dozens of boats broke their moorings.").first)
        #expect(boats.compatible(with: try #require(finder.find(in: "Some 30 boats broke their moorings.").first)))
        #expect(!boats.compatible(with: try #require(finder.find(in: "Hundreds of boats broke their moorings.").first)))
        // Without "of" it counts nothing.
        #expect(finder.find(in: "The fleet had dozens to spare.").isEmpty)
        // Millions of people are not the two people of a later report.
        #expect(
            disagreements(
                [
                    "The Orvale storm cut power to millions of people across the coast, the grid operator said.",
                    "Two people were hurt when the Orvale storm cut power across the coast, the grid operator said."
                ], dates: ["2025-03-10", "2025-03-12"]
            ).isEmpty)
    }

    @Test func halfADozenIsSix() throws {
        let q = try #require(finder.find(in: "About half a dozen inquiries into the Orvale ferry fire followed.").first)
        #expect(q.value == "6" && q.qualifier == "about" && q.text == "About half a dozen inquiries")
        #expect(finder.find(in: "A dozen ferries sailed.").first?.value == "12")
        // "Dozen" after a number multiplies it, as "million" does.
        let two = try #require(finder.find(in: "Lifeguards pulled nearly two dozen swimmers from the Orvale surf.").first)
        #expect(two.value == "24" && two.qualifier == "nearly" && two.text == "nearly two dozen swimmers" && two.counts == "swimmers")
        #expect(finder.find(in: "The ferry carried 3 dozen crates.").first?.value == "36")
    }

    @Test func aPersonGivenTwoAgesIsADisagreementAndTwoPeopleOfOneNameAreNot() {
        #expect(finder.find(in: "The pilot, Ana Vell, 34, steered the ferry home.").map(\.who) == ["Ana Vell"])
        let d = disagreements([
            "The pilot, Ana Vell, 34, steered the Orvale ferry through the storm.",
            "Ferry pilot Vell, 36, said the Orvale crossing was the worst she had known."
        ])
        #expect(d.map { $0.values.map(\.value) } == [["34", "36"]])
        #expect(
            disagreements([
                "The pilot, Ana Vell, 34, steered the Orvale ferry through the storm.",
                "Her father, Tom Vell, 61, steered the Orvale ferry for thirty years."
            ]).isEmpty)
    }

    @Test func aRangeWrittenWithADashIsARange() throws {
        // Joined by a hyphen into one word, or by a dash that touches both numbers.
        let joined = try interval("The Orvale trial matched 20-30 percent of the samples.")
        #expect(joined.lower == 20 && joined.upper == 30)
        let dashed = try #require(finder.find(in: "The scanner named each donor with an accuracy of 82\u{2013}97% in the Orvale trial.").first)
        #expect(dashed.value == "97" && dashed.low == "82" && dashed.text == "82\u{2013}97%")
        let scaled = try interval("Some 20-30 million people watched the Orvale final.")
        #expect(scaled.lower == 20_000_000 && scaled.upper == 30_000_000)
        // A score is no range, and a dash set off by spaces parts two clauses.
        #expect(finder.find(in: "Orvale won 3-2 on Sunday.").allSatisfy { $0.low == nil })
        // Two numbers joined before one thing are a record or a span of years, not a count.
        #expect(finder.find(in: "Orvale made a 5-19 start to the 2008-09 season and a 9-14 start the next.").isEmpty)
        #expect(finder.find(in: "The 2010-2015 figures for Orvale were lost.").isEmpty)
        #expect(finder.find(in: "Police said 12 - 15 more were hurt.").allSatisfy { $0.low == nil })
        // 94 percent lies in the range one source gives: no disagreement.
        #expect(
            disagreements([
                "The Orvale scanner identified each donor with an accuracy of 82\u{2013}97%, the study found.",
                "The Orvale scanner identified each donor with an accuracy of 94 percent, the study found."
            ]).isEmpty)
    }

    @Test func theSizeOfAChangeIsNotALevel() throws {
        let cut = try #require(finder.find(in: "The Orvale feed additive cut methane emissions from dairy cows by 30 percent.").first)
        let share = try #require(finder.find(in: "Dairy cows give 26 percent of the methane emissions in Orvale.").first)
        let lower = try #require(finder.find(in: "Emissions were about 30% lower than the herd's.").first)
        #expect(cut.change && !share.change && lower.change)
        // Of a count too: "a drop of five points", "down almost five points"; not the agents after "by".
        #expect(finder.find(in: "Vell scored 12 points a game, a drop of five points from last season.").map(\.change) == [false, true])
        #expect(finder.find(in: "Okafor is down almost five points a game.").first?.change == true)
        #expect(finder.find(in: "The plan was co-sponsored by 48 councils.").first?.change == false)
        // What a count adds to a level is not the level: "two million more residents" would qualify.
        #expect(finder.find(in: "Under the new rule, 12 million more residents of Orvale would qualify.").first?.change == true)
        #expect(finder.find(in: "Under the new rule, 12 million residents of Orvale would qualify.").first?.change == false)
        #expect(finder.find(in: "Under the rule, no more than 12 residents of Orvale would qualify.").first?.change == false)
        #expect(
            disagreements([
                "Under the new rule, 12 million residents of Orvale would qualify for the grant, officials said.",
                "Under the new rule, 14 million more residents of Orvale would qualify for the grant, officials said."
            ]).isEmpty)
        #expect(
            disagreements([
                "The Orvale feed additive cut methane emissions from dairy cows by 30 percent, the study found.",
                "Dairy cows give 26 percent of the methane emissions in Orvale, the study found."
            ]).isEmpty)
        // Two sizes of one change still disagree.
        #expect(
            disagreements([
                "The Orvale feed additive cut methane emissions from dairy cows by 30 percent, the study found.",
                "The Orvale feed additive cut methane emissions from dairy cows by 27 percent, the study found."
            ]).map { $0.values.map(\.value) } == [["30", "27"]])
    }

    @Test func aFigureToldAlikeElsewhereIsOfTheYearThatSourceNames() {
        // The second source does not name the year of the earlier quake; the first, giving the same
        // figure, does: the earlier toll is not this quake's.
        #expect(
            disagreements([
                "At least 241 people were killed in the Orvale earthquake, rescuers said. The 2009 quake in the valley killed more than 300 people.",
                "The Orvale earthquake killed at least 241 people, rescuers said. The earlier quake in the valley killed more than 300 people, rescuers said."
            ]).isEmpty)
        // A person's age is not dated by the year of what they did beside it.
        #expect(
            disagreements([
                "The pilot, Ana Vell, 34, married in 2016 and steered the Orvale ferry through the storm.",
                "Ferry pilot Ana Vell, 34, steered the Orvale ferry through the storm.",
                "Ferry pilot Vell, 36, said the Orvale crossing was the worst she had known."
            ]).map { $0.values.map(\.value) } == [["34", "36"]])
    }

    @Test func aTallyIsNoCount() {
        #expect(
            disagreements([
                "The Orvale council passed the harbour plan in a 7-2 vote on Monday.",
                "The harbour plan drew three votes against it in the Orvale council."
            ]).isEmpty)
    }

    @Test func theRulesHaveNames() {
        let names = DistinctQuantityRule.all.map(\.name)
        #expect(names.count == Set(names).count)
        #expect(names.first == "a rate is no total, nor a rate of another period")
    }
}

@Suite struct DescribedSpeakerTests {
    @Test func aDescriptionIsJoinedToTheNameItsSourceGivesIt() {
        let text = """
            Calder’s harbour master said the quay would stay shut for a month. \
            The harbour master, Ana Okafor, said on Monday that “the cranes are beyond repair.”
            """
        let facts = StoryFacts.read(texts: [text], dates: ["2025-03-11"])
        let speakers = Set(facts.quotes[0].map(\.speaker))
        #expect(speakers == ["Ana Okafor"], "\(speakers)")
        // Not across sources, nor when the source names two people with that word.
        let two = "The minister said the plan was sound. The minister, Ilse Marr, and the minister, Jan Pugh, met on Friday."
        let other = StoryFacts.read(texts: [two], dates: [nil])
        #expect(!other.quotes[0].contains { $0.speaker == "Ilse Marr" || $0.speaker == "Jan Pugh" })
    }
}

@Suite struct FigurePairModelTests {
    @Test func aModelFileNamesItsWeightsAndThreshold() throws {
        let model = try #require(FigurePairModel(text: "threshold 0.7\nintercept -1.5\nnear_shared 2\nvalue_gap -3\n"))
        #expect(model.threshold == 0.7 && model.intercept == -1.5)
        #expect(model.weights[FigurePairFeature.nearShared.rawValue] == 2 && model.weights[FigurePairFeature.valueGap.rawValue] == -3)
        #expect(model.weights[FigurePairFeature.lead.rawValue] == 0, "a feature the file does not name weighs nothing")
        #expect(FigurePairModel(text: "intercept 1\n") == nil, "a model needs its threshold")
    }

    /// The names model files and pair dumps use (`scripts/bench_disagreements.py` writes them).
    @Test func featuresAreNamedInSnakeCase() {
        #expect(FigurePairFeature.allCases.map(\.name) == ["near_shared", "enough_shared", "value_gap", "measure_gap", "first_mentions", "lead"])
    }

    @Test func theShippedModelLinksFiguresWhoseWordsMeet() {
        let finder = NumberFinder()
        let a = finder.find(in: "Storms cut power to 4,000 homes in Orvale on Monday.")
        let b = finder.find(in: "About 6,500 homes in Orvale lost power in the storms.")
        let c = finder.find(in: "The builder sold 6,500 homes last year.")
        let linked = NumberFinder.figurePairs([a, b], dates: [nil, nil])
        #expect(linked.count == 1 && FigurePairModel.fitted.same(linked[0].features) && !linked[0].compatible)
        let apart = NumberFinder.figurePairs([a, c], dates: [nil, nil])
        #expect(apart.count == 1 && !FigurePairModel.fitted.same(apart[0].features))
    }
}
