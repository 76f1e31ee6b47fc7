import PrecisText
import Testing

@testable import PrecisExtract

/// Fixtures are invented; each shows one kind of junk found in real scraped articles.
@Suite struct ScrapedTextCleanerTests {
    let cleaner = ScrapedTextCleaner()

    func clean(_ text: String) -> ScrapedTextCleaner.Result {
        cleaner.clean(TextNormalizer.normalize(text))
    }

    let body = """
        The Calder council voted on Monday to rebuild the old harbour wall before the winter storms arrive.

        The work will cost 4.2 million euros and take eight months, the council's engineer said in a statement.
        """

    @Test func removesDonationAppealWithItsHeading() {
        let r = clean(
            "We need your support\n\nReaders like you keep us going. Please contribute what you can, so our reporting stays free for everyone who reads it.\n\nStorm wall to be rebuilt\n\n"
                + body)
        #expect(!r.text.contains("contribute"))
        #expect(!r.text.contains("support"))
        #expect(r.title == "Storm wall to be rebuilt")
        #expect(r.removed.contains { $0.reason == .appeal })
        #expect(r.text.hasPrefix("The Calder council voted"))
    }

    /// Wire copy sets its dateline on a line of its own above the text: no title, and it stays in
    /// the text it places.
    @Test func aDatelineOnItsOwnLineIsNoTitle() {
        let r = clean("CALDER, Norland (AP) _\n\n" + body)
        #expect(r.title == nil)
        #expect(r.text.hasPrefix("CALDER, Norland (AP) \u{2014}"), "wire copy's underscore is read as the dash it stands for")
        let titled = clean("Storm wall to be rebuilt\n\nCALDER, Norland (AP) _\n\n" + body)
        #expect(titled.title == "Storm wall to be rebuilt")
    }

    @Test func removesWidgetsCreditsAndLayoutWords() {
        let r = clean(
            body
                + "\n\nReporting by Ana Okafor; Editing by Jon Aras\n\n0 : 0\n  • narrow-browser-and-phone\n  • above-phone\n  • wide-browser-and-larger\n\nReaders Comments\nSubmit a report\n\n© Calder Courier 2025"
        )
        #expect(r.text == TextNormalizer.normalize(body))
        let reasons = Set(r.removed.map(\.reason))
        #expect(reasons.isSuperset(of: [.credit, .layout, .widget]))
    }

    @Test func removesTheSiteSpeakingToItsReaderAboutItsServices() {
        let prompts = [
            "Sign up now for the Calder Courier newsletter to get the harbour news delivered straight to your inbox!",
            "Want stories like these in your inbox? Sign up for our morning briefing.",
            "This story first ran in our Weekend newsletter, where you get one long read every Saturday. Sign up now.",
            "Follow Ana Vell on Twitter",
            "Video",
            "Click here to subscribe!",
            "Newsletter Sign Up Keep reading the story below Please confirm you are not a robot by clicking the box. Invalid email address. Please try again. You must pick a newsletter to subscribe to. Sign Up You will get emails with the news of Calder."
        ]
        for prompt in prompts {
            let r = clean(body + "\n\n" + prompt + "\n\nThe wall was last rebuilt in 1962, after a storm breached it in two places.")
            #expect(!r.text.contains(prompt), "\(prompt)")
            #expect(r.removed.contains { $0.reason == .widget && $0.text == prompt })
        }
        // What an article says of services, to its reader or of others, stays: a shop's sign-up, a
        // long request, thanks, a quotation.
        let prose = [
            "The shop has no stock, but you can sign up to be told by email when the new boats arrive.",
            "Please include the full name of your club, the name and email address of a contact, the dates you would like to moor and the length of each boat.",
            "The club thanked members on its Facebook page and said thank you to the crews.",
            "\u{201C}Sign up for our newsletter and you will hear first,\u{201D} the harbour master told the meeting.",
            "Password? Who needs one? Thinking of a word could let you log in, researchers suggest."
        ]
        for line in prose {
            let r = clean(body + "\n\n" + line)
            #expect(r.text.contains(line), "\(line)")
        }
    }

    /// A web archive's notice about the crawl that captured the page, every line of it, is no text
    /// of the article: a pile of scraped pages holds them in place of articles.
    @Test func removesAWebArchiveCrawlNoticeEveryLine() {
        let notice = [
            "The seed for this crawl was a list of harbour sites kept by the Calder library",
            "This crawl was run at a level 2 (pages and what they link to)",
            "The WARC files associated with this crawl are kept for the library's own readers."
        ]
        let r = clean(notice.joined(separator: "\n\n"))
        for line in notice { #expect(!r.text.contains(line), "\(line)") }
        let kept = clean(body + "\n\n" + notice[2])
        #expect(!kept.text.contains("WARC"))
        #expect(kept.text.contains("The work will cost 4.2 million euros"))
    }

    @Test func keepsOneCopyOfARepeatedBodyWhateverItsQuotes() {
        let first = "\"We will not sign,\" the mayor said on Monday, standing outside the council hall in Calder."
        let second = "“We will not sign,” the mayor said on Monday, standing outside the council hall in Calder."
        let after = "\n\nThe next round of talks is set for April, a council spokesman said."
        let r = clean(body + "\n\n" + first + "\n\n– Talks stall –" + after + "\n\n" + body + "\n\n" + second + "\n\n- Talks stall -" + after)
        #expect(r.text.components(separatedBy: "harbour wall").count == 2)
        #expect(r.text.components(separatedBy: "We will not sign").count == 2)
        #expect(r.text.components(separatedBy: "Talks stall").count == 2)
        #expect(r.removed.filter { $0.reason == .duplicate }.count == 5)
    }

    @Test func dropsHeadingsLeftAtTheEndInAnyLanguage() {
        // The lists under them went as link blocks; the headings stay behind, in any language.
        let r = clean(body + "\n\nMehr zum Thema\n\nLo Último")
        #expect(r.text == TextNormalizer.normalize(body))
        #expect(r.removed.filter { $0.reason == .endMatter }.count == 2)
        // A date or a score closing a report stays, and so does a short line before the last sentence.
        let dated = clean(body + "\n\n21 January 2025")
        #expect(dated.text.hasSuffix("21 January 2025"))
        let inner = clean("Storm watch\n\n" + body)
        #expect(inner.text.contains("eight months"))
    }

    @Test func endMatterOfPagesInOtherLanguages() {
        // German and Spanish end-matter headings, capital umlaut included, take their teasers with them.
        let teaser = "Der Hafen von Calder bekommt eine neue Mauer, die Arbeiten beginnen im Mai und dauern acht Monate."
        let de = clean(
            body + "\n\n" + body.replacingOccurrences(of: "Calder", with: "Ostby")
                + "\n\nÜber den Autor\n\nJo Bell schreibt seit 2010 über die Küste.\n\nMehr zum Thema\n\n" + teaser)
        #expect(de.text.contains("Ostby"))
        #expect(!de.text.contains("Jo Bell"))
        #expect(!de.text.contains("neue Mauer"))
        let es = clean(body + "\n\n" + body + " Otra vez.\n\nLo último\n\nEl puerto de Calder tendrá un muro nuevo, dicen las autoridades locales.")
        #expect(!es.text.contains("muro nuevo"))
    }

    @Test func cutsEndMatterAndTheBylineBeforeIt() {
        let r = clean(
            body + "\n\n" + body.replacingOccurrences(of: "Calder", with: "Ostby")
                + "\n\nNorland Wire\nWritten By\n\nNorland Wire covers the coast with 40 reporters in six towns.\n\nYou may also like:\n\nBusiness\nFerry operator posts record winter season."
        )
        #expect(!r.text.contains("Norland Wire"))
        #expect(!r.text.contains("Ferry operator"))
        #expect(r.text.contains("Ostby"))
    }

    @Test func endMatterPhraseEarlyInTheTextIsNotACut() {
        let r = clean("Written by hand, the letter reached the council on Monday and was read aloud to all members.\n\n" + body)
        #expect(r.text.contains("harbour wall"))
        #expect(r.text.contains("Written by hand"))
    }

    @Test func photoCreditsAndCaptions() {
        let r = clean(
            body
                + "\n\nCrane at Calder harbour\nCrane at Calder harbour in the rain on March 3, 2025\n, Courier/File AFP/File\n\nMayor Lind AP Photo/Calder Images\n\nThe mayor said the wall would be finished by December."
        )
        #expect(!r.text.contains("Crane"))
        #expect(!r.text.contains("AP Photo"))
        #expect(r.text.hasSuffix("The mayor said the wall would be finished by December."))
    }

    @Test func aGalleryCaptionWithItsTeaserIsAPhotoCredit() {
        // A wire gallery's caption, then the story's opening cut short, then the credit (68 such lines in
        // the Multi-News dev clusters): the caption's date is no event of the story.
        let caption =
            "Workers clear debris from the quay at Calder harbour, Tuesday, March 11, 2025, in Calder. The council voted on Tuesday to rebuild the wall... (Associated Press)"
        let r = clean(body + "\n\n" + caption + "\n\nThe mayor said the wall would be finished by December.")
        #expect(!r.text.contains("Workers clear debris"))
        #expect(r.removed.contains { $0.reason == .photoCredit && $0.text.hasPrefix("Workers clear debris") })
        // A caption whose credit names a photographer and ends in a company's "Inc.".
        let signed = clean(
            body
                + "\n\nMayor Ilse Marr speaks on March 3, 2025, in Calder. Photographer: Ada Lind/Calder Images for Courier Media Inc.\n\nThe mayor said the wall would be finished by December."
        )
        #expect(!signed.text.contains("Photographer"))
        #expect(!signed.text.contains("Mayor Ilse Marr speaks"))
        // Prose that names the agency keeps its line.
        let prose = clean(body + "\n\nThe mayor told The Associated Press on Monday that the wall would be finished by December.")
        #expect(prose.text.contains("told The Associated Press"))
    }

    /// A picture's labelled credit ("Credit: ...") is no title and no text of the story, at the
    /// top or in the body.
    @Test func aLabelledCreditIsAPhotoCredit() {
        let r = clean(
            "Ana Pell opens the new quay Featuring: Ana Pell Where: Calder When: 3 Mar 2025 Credit: Calder Images/Wire\n\n" + body
                + "\n\nThis chart shows the tonnage through the port each year since 2015. Credit: Calder Port Board\n\nThe mayor said the wall would be finished by December."
        )
        #expect(r.title != "Ana Pell opens the new quay Featuring: Ana Pell Where: Calder When: 3 Mar 2025 Credit: Calder Images/Wire")
        #expect(!r.text.contains("Credit:"), "\(r.text)")
        #expect(r.removed.filter { $0.reason == .photoCredit }.count == 2, "\(r.removed)")
        #expect(r.text.hasSuffix("The mayor said the wall would be finished by December."))
    }

    @Test func readsHeaderLinesAsMetadata() {
        let r = clean(
            """
            https://courier.example/2025/03/11/harbour-wall
            Calder to rebuild harbour wall  - The Calder Courier
            Calder,Harbour,Storms,Council
            Mar. 11, 2025
            1480
            \(body)
            """)
        #expect(r.url == "https://courier.example/2025/03/11/harbour-wall")
        #expect(r.title == "Calder to rebuild harbour wall")
        #expect(r.site == "The Calder Courier")
        #expect(r.keywords == ["Calder", "Harbour", "Storms", "Council"])
        #expect(r.date == "2025-03-11")
        #expect(r.text == TextNormalizer.normalize(body))
    }

    @Test func readsDateLineBylineAndSectionLabels() {
        let r = clean(
            "Menu\nHome\nPolitics\nBusiness\n\nMarch 11, 2025 / 6:40 PM / Updated\n\nWorld\n\nCalder votes to rebuild its harbour wall\n\nBy Marta Quell and Jon Aras\n\n"
                + body)
        #expect(r.date == "2025-03-11")
        #expect(r.title == "Calder votes to rebuild its harbour wall")
        #expect(r.authors == ["Marta Quell", "Jon Aras"])
        #expect(r.text == TextNormalizer.normalize(body))
    }

    @Test func aBylineWithContactDetailsIsNoTitle() {
        // Found in a Multi-News digest: a byline with handles and addresses became the story's headline,
        // then the widget line after it.
        let r = clean("By Marta Quell (@mquell; mquell@courier.example) and Jon Aras (@jaras; jaras@courier.example)\n\nStory Continued Below\n\n" + body)
        #expect(r.title == nil)
        #expect(r.authors == ["Marta Quell", "Jon Aras"])
        #expect(r.text == TextNormalizer.normalize(body))
    }

    @Test func aTextWithoutProseKeepsItsLines() {
        let r = clean("Harbour wall\nCost: 4.2 million euros")
        #expect(r.text.contains("Cost"))
    }
}

@Suite struct PublicationDateTests {
    @Test(arguments: [
        ("November 10, 2014 / 11:22 PM / 5 years ago", "2014-11-10"),
        ("Nov. 18, 2014", "2014-11-18"),
        ("18 November 2014", "2014-11-18"),
        ("Published 2014-11-18T10:00:00Z", "2014-11-18"),
        ("Sept. 3rd, 2024", "2024-09-03"),
        ("Feb 29, 2024", "2024-02-29")
    ])
    func parses(_ input: String, _ expected: String) {
        #expect(PublicationDate.parse(input) == expected)
    }

    @Test(arguments: ["2014-02-30", "Feb 29, 2023", "13/45/2014", "no date here", "Foo 12, 2014", ""])
    func refusesImpossibleOrMissingDates(_ input: String) {
        #expect(PublicationDate.parse(input) == nil)
    }

    @Test func readsDatedURLs() {
        #expect(PublicationDate.fromURL("https://news.example/2014/11/19/world/story.html") == "2014-11-19")
        #expect(PublicationDate.fromURL("https://news.example/world/story.html") == nil)
    }
}

@Suite struct CodeLineTests {
    let cleaner = ScrapedTextCleaner()

    @Test func scriptTextIsRemovedProseStays() {
        let text = """
            The council voted on Monday to rebuild the harbour wall before the winter storms arrive in Calder.

            newsi.config = {};
            /* configuration block */
            this._url = (this._edition == "domestic") ? "/a" : "/b";
            break;
            }

            The work will cost 4.2 million euros; it starts in May.

            Iron deficiency; for a ferritin below 25 the ratio=10, specificity of 98%;

            * Emphasis mine.
            """
        let r = cleaner.clean(TextNormalizer.normalize(text))
        #expect(
            r.text
                == "The council voted on Monday to rebuild the harbour wall before the winter storms arrive in Calder.\n\nThe work will cost 4.2 million euros; it starts in May.\n\nIron deficiency; for a ferritin below 25 the ratio=10, specificity of 98%;\n\n* Emphasis mine."
        )
    }
}
