// Invented articles for the story tests: two stories from invented outlets, a wire copy, a later
// event of the same kind, and a page that is not an article.

enum Fixture {
    // Story A: the Calder harbour wall vote.
    static let harbourCourier = """
        Calder council votes to rebuild harbour wall before winter

        The Calder town council voted on Monday to rebuild the crumbling harbour wall before the winter \
        storms, approving 4.2 million crowns for the work after a heated four-hour debate.

        Mayor Petra Lindqvist said the old wall, built in 1911, could not survive another season of gales. \
        "We have patched it for twenty years, and the patches are now older than the apprentices doing them," \
        she told the council chamber.

        Fishermen who moor inside the harbour welcomed the decision. Work is due to start in September and \
        finish by the end of November, the council said.
        """

    static let harbourGazette = """
        Harbour wall rebuild approved in Calder after long debate

        Calder will rebuild its harbour wall this autumn. The town council approved the plan on Monday, \
        setting aside 4.2 million crowns, although two councillors argued the cost should be shared with the \
        regional government.

        Mayor Petra Lindqvist told councillors that the 1911 wall had cracked in three places during last \
        winter's gales. Fishing crews in the Calder harbour have asked for the repair for years.

        Contractors will begin in September. The council expects the new wall to be finished before the \
        first winter storms.
        """

    static let harbourRadio = """
        Calder fishermen relieved as council backs new harbour wall

        Fishing families in Calder said they were relieved after the council voted to replace the harbour \
        wall. Skipper Jonas Brek said waves broke over the wall twice last winter and damaged three boats \
        in the Calder harbour.

        The council approved the rebuild on Monday. Mayor Petra Lindqvist has promised the work will be \
        finished before winter, at a cost of 4.2 million crowns.
        """

    // Story B: the Norland chess championship.
    static let chessHerald = """
        Teenager wins Norland chess championship in Vesterby

        Sixteen-year-old Mira Sandvik won the Norland chess championship in Vesterby on Sunday, beating \
        grandmaster Tomas Ekholm in a tense final game that lasted more than six hours.

        Sandvik, the youngest champion in the tournament's history, sacrificed a rook on move 31 and forced \
        checkmate twelve moves later. "I did not sleep last night, and I am not sure I will sleep tonight," \
        she said after the game.

        Ekholm, who had won the title four times, praised her preparation and called her endgame flawless.
        """

    static let chessPost = """
        Sandvik, 16, takes Norland chess title from Ekholm

        Mira Sandvik became Norland's youngest chess champion on Sunday when she defeated four-time winner \
        Tomas Ekholm in the final round in Vesterby.

        The sixteen-year-old's rook sacrifice in the middlegame stunned the audience in the Vesterby concert \
        hall, where the championship has been played since 1987. Ekholm resigned after six hours of play.

        Sandvik will now represent Norland at the continental championship in the spring.
        """

    static let chessDaily = """
        Schoolgirl champion: how Mira Sandvik beat Ekholm

        Mira Sandvik trained for the Norland championship in her school's library after classes, her coach \
        said on Monday, a day after the sixteen-year-old won the title in Vesterby.

        Her win over grandmaster Tomas Ekholm in a six-hour final has made her the youngest chess champion \
        the country has had. Sandvik plans to play the continental championship next spring.
        """

    /// A wire copy of `harbourCourier` as another site ran it: new header and sign-off, same body.
    static let harbourWireCopy =
        "NORLAND NEWS AGENCY\n\n"
        + harbourCourier.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
        + "\n\nDistributed by the Norland News Agency."

    /// Shares one paragraph with `harbourCourier` (a quoted wire paragraph) but is another article.
    static let harbourOpinion = """
        Calder should have rebuilt its harbour wall a decade ago

        The Calder town council voted on Monday to rebuild the crumbling harbour wall before the winter \
        storms, approving 4.2 million crowns for the work after a heated four-hour debate.

        That decision comes ten years late. Every winter since 2014 the town has paid for emergency repairs, \
        and every spring the council has promised a proper plan. The fishing families who lost boats in \
        those storms deserve an apology as well as a wall.

        The regional government should now share the cost, as two councillors proposed, and the council \
        should publish the engineers' reports it has kept from the public.
        """

    static let notice = """
        Notice

        You must log in to continue.
        """

    // Two earthquakes in one invented country, years apart: one kind of event, two stories.
    static let quakeEskerWire = """
        Earthquake kills 14 in Vorland's Esker province

        A magnitude 6.1 earthquake struck Esker province in northern Vorland on March 9, 2019, killing at \
        least 14 people and destroying dozens of homes in the town of Holmfirth, officials said.

        Rescue teams led by civil defence chief Arvid Tollan searched collapsed buildings through the night. \
        The quake was felt as far away as the capital, the national seismic institute said.
        """

    static let quakeEskerTimes = """
        Holmfirth counts its dead after 6.1 quake

        The death toll from the earthquake that hit Esker province rose to 14 on March 10, 2019, as rescuers \
        led by Arvid Tollan pulled more bodies from the ruins of Holmfirth's old market.

        The magnitude 6.1 earthquake destroyed homes across the province. Survivors slept in tents outside \
        the town hall, and Vorland's government promised emergency funds.
        """

    static let quakeEskerRadio = """
        Esker quake survivors wait for aid

        Families in Holmfirth who lost their homes in the March 9 earthquake said aid had been slow to arrive. \
        The 6.1 quake killed 14 people in Esker province, the worst disaster in northern Vorland in decades.

        Civil defence chief Arvid Tollan said tents and water would reach every village by the weekend.
        """

    static let quakeTarnWire = """
        Earthquake kills three in Vorland's Tarn valley

        A magnitude 5.4 earthquake struck the Tarn valley in southern Vorland on October 22, 2023, killing \
        three people and damaging a dam above the town of Greyling, officials said.

        Engineers under regional governor Elsa Marrow inspected the dam through the night. The quake was felt \
        as far away as the capital, the national seismic institute said.
        """

    static let quakeTarnTimes = """
        Greyling dam holds after 5.4 quake

        The dam above Greyling held after the earthquake that shook the Tarn valley on October 22, 2023, \
        governor Elsa Marrow said, as the death toll stayed at three.

        The magnitude 5.4 earthquake damaged homes across the valley. Residents slept in their cars, and \
        Vorland's government promised emergency funds.
        """

    static let quakeTarnRadio = """
        Tarn valley quake: Greyling residents return home

        Residents of Greyling returned to their homes on Tuesday after engineers said the dam damaged in the \
        October 22 earthquake was safe. The 5.4 quake killed three people in the Tarn valley.

        Governor Elsa Marrow said repairs to the dam would begin in the spring.
        """
}

// Two captures of pirates by one navy in one gulf, four years apart, told in nearly the same words,
// and other stories of that navy and that gulf. Early in a stream every shared word looks rare.
enum PirateFixture {
    static let capture2012Wire = """
        Norland navy captures pirates in the Gulf of Seld

        Norland navy commandos captured 12 pirates in the Gulf of Seld on May 4, 2012, after the pirates \
        fired on the merchant ship Ostvind, the navy said. The frigate Valkyr answered the merchant ship's \
        distress call and freed its crew of 19 sailors.
        """

    static let capture2016Wire = """
        Norland navy captures pirates in the Gulf of Seld

        Norland navy commandos captured 23 pirates in the Gulf of Seld on August 17, 2016, after the \
        pirates tried to board the tanker Maren Dahl, the navy said. The frigate Hjalmar answered the \
        tanker's distress call and freed its crew of 31 sailors.
        """

    static let navyBudget = """
        Norland parliament raises navy budget

        The Norland parliament voted to raise the navy's budget by a tenth, paying for two new frigates \
        and more commandos. Ministers said merchant ships in the Gulf of Seld needed protection.
        """

    static let gulfFishing = """
        Fishing returns to the Gulf of Seld

        Fishing boats from Norland have returned to the Gulf of Seld after years away, their crews say. \
        The sailors said the navy's patrols made the gulf safe for small boats again.
        """

    static let frigateLaunch = """
        New frigate launched in Norland shipyard

        A new navy frigate was launched at the Brenna shipyard in Norland, the first of two ordered by \
        parliament. Its crew of 140 sailors will train in the Gulf of Seld next year.
        """
}
