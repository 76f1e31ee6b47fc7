import Testing

@testable import PrecisExtract

/// Authors and publication dates read from invented pages (issue 30, items 2 and 3).
@Suite struct MetadataTests {
    let extractor = HTMLExtractor()

    let body = """
        <p>The Calder council voted on Monday to rebuild the old harbour wall before the winter storms arrive.</p>
        <p>The work will cost 4.2 million euros, the engineer told the meeting, and it starts in May.</p>
        <p>Fishermen said the old wall had let the sea into the harbour twice in the last three winters.</p>
        """

    func page(head: String = "", header: String, after: String = "") -> HTMLExtractor.Page {
        extractor.parse(
            """
            <html><head><title>Calder votes to rebuild harbour wall - Calder Courier</title>\(head)</head><body>
            <div class="masthead">Tuesday, 2 December 2025</div>
            <div class="story"><h1>Calder votes to rebuild harbour wall</h1>\(header)\(body)</div>\(after)</body></html>
            """)
    }

    // MARK: Byline text

    @Test func bylinesGiveNamesOnly() {
        #expect(Byline.names("By Ana Okafor, AP Sports Writer") == ["Ana Okafor"])
        #expect(Byline.names("By Ana Okafor and Jon Aras") == ["Ana Okafor", "Jon Aras"])
        #expect(Byline.names("Von Jan Kupitz") == ["Jan Kupitz"])
        #expect(Byline.names("Par Léa Morvan") == ["Léa Morvan"])
        #expect(Byline.names("Posted by gizzmo on 3 May 2008") == ["gizzmo"])
        #expect(Byline.names("Ana Okafor\nBBC News, Calder") == ["Ana Okafor"])
        #expect(Byline.names("By Ana Okafor, Published: March 8 at 3:23 pm") == ["Ana Okafor"])
        #expect(Byline.names("By Ana Okafor (@aokafor; ana@courier.example)") == ["Ana Okafor"])
    }

    @Test func agenciesDesksHandlesAndURLsAreNoPersons() {
        #expect(Byline.names("By THE ASSOCIATED PRESS").isEmpty)
        #expect(Byline.names("Reuters").isEmpty)
        #expect(Byline.names("Staff and agencies").isEmpty)
        #expect(Byline.names("Redaktion").isEmpty)
        #expect(Byline.names("https://www.facebook.com/calder.courier").isEmpty)
        #expect(Byline.names("@aokafor").isEmpty)
        #expect(Byline.names("Calder-Verlag GmbH, Calder, Germany").isEmpty)
        #expect(Byline.names("Ana Okafor", requirePrefix: true).isEmpty)
    }

    // MARK: Authors on pages

    @Test func metaAuthorTagsAreRead() {
        #expect(page(head: #"<meta name="author" content="Ana Okafor">"#, header: "").authors == ["Ana Okafor"])
        #expect(page(head: #"<meta name="parsely-author" content="Jon Aras">"#, header: "").authors == ["Jon Aras"])
        #expect(page(head: #"<meta name="DC.creator" content="Léa Morvan">"#, header: "").authors == ["Léa Morvan"])
        // A profile URL in article:author is no name; the site's own name is the publisher.
        #expect(page(head: #"<meta property="article:author" content="https://www.facebook.com/ana">"#, header: "").authors.isEmpty)
        #expect(page(head: #"<meta name="author" content="Calder Courier">"#, header: "").authors.isEmpty)
    }

    @Test func bylineElementsAndItempropAreRead() {
        let byClass = page(header: #"<div class="article-byline">By <a href="/ana">Ana Okafor</a>, Calder Courier</div>"#)
        #expect(byClass.authors == ["Ana Okafor"])
        let split = page(header: #"<div class="byline"><span class="byline-name">Ana Okafor</span><span class="byline-title">BBC News, Calder</span></div>"#)
        #expect(split.authors == ["Ana Okafor"])
        let itemprop = page(header: #"<span itemprop="author" itemscope><span itemprop="name">Jon Aras</span></span>"#)
        #expect(itemprop.authors == ["Jon Aras"])
        let plain = page(header: "<p><b>By Ana Okafor and Jon Aras</b><br>Calder Courier</p>")
        #expect(plain.authors == ["Ana Okafor", "Jon Aras"])
    }

    @Test func commentAuthorsAreNotTheArticles() {
        let p = page(header: "", after: #"<div id="comments"><div class="comment-author">Jon Aras</div><p>Great story.</p></div>"#)
        #expect(p.authors.isEmpty)
    }

    @Test func jsonLDAuthorsAsStringObjectOrList() {
        let ld =
            #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Calder votes to rebuild harbour wall","author":[{"@type":"Person","name":"Ana Okafor"},"Jon Aras"]}</script>"#
        #expect(page(head: ld, header: "").authors == ["Ana Okafor", "Jon Aras"])
    }

    // MARK: Dates

    @Test func datesInManyForms() {
        #expect(PublicationDate.first(in: "Release: 01/10/2008") == "2008-01-10")
        #expect(PublicationDate.first(in: "06.01.2008 01:07") == "2008-01-06")
        #expect(PublicationDate.first(in: "2007-11-24 16:23:08") == "2007-11-24")
        #expect(PublicationDate.first(in: "Jan. 18, 2008") == "2008-01-18")
        #expect(PublicationDate.first(in: "Published: Friday, January 18, 2008DETROIT --") == "2008-01-18")
        #expect(PublicationDate.first(in: "1. Januar 2023") == "2023-01-01")
        #expect(PublicationDate.first(in: "version 1.2.3.4") == nil)
        #expect(PublicationDate.first(in: "29 December, 2007") == "2007-12-29")
        #expect(PublicationDate.first(in: "updated 3 May 2008, first 2 May 2008") == "2008-05-03")
        #expect(PublicationDate.last(in: "Tuesday 1 January 2008 ... 06.01.2008") == "2008-01-06")
    }

    @Test func aLeadingISODateIsReadAsTheExpressionsWouldReadIt() {
        #expect(PublicationDate.parse("2014-11-18") == "2014-11-18")
        #expect(PublicationDate.parse("2014-11-18T09:30:00Z") == "2014-11-18")
        #expect(PublicationDate.parse("0990-01-05") == nil)
        // Not a date at the start: the other forms still read the text.
        #expect(PublicationDate.parse("2014-02-30, or March 3, 2014") == "2014-03-03")
        #expect(PublicationDate.parse("2014-11-185") == nil)
        #expect(PublicationDate.parse("12014-11-18 and 2015-01-02") == "2015-01-02")
        #expect(PublicationDate.isoDate(987, 3, 4) == nil)
        #expect(PublicationDate.isoDate(1987, 3, 4) == "1987-03-04")
    }

    @Test func datesInURLPaths() {
        #expect(PublicationDate.fromURL("https://courier.example/2007/11/24/wall") == "2007-11-24")
        #expect(PublicationDate.fromURL("https://courier.example/news/2007-11-24/wall") == "2007-11-24")
        #expect(PublicationDate.fromURL("https://courier.example/news/20071124/wall.html") == "2007-11-24")
        #expect(PublicationDate.fromURL("https://courier.example/news/12345678/wall.html") == nil)
    }

    @Test func aDatelineByTheHeadlineBeatsTheMastheadAndTheMeta() {
        let p = page(
            head: #"<meta name="DC.date.issued" content="2025-11-30">"#,
            header: #"<span class="timestamp">Posted at 10:00 AM ET, 11/29/2025</span>"#)
        #expect(p.date == "2025-11-29")
        let plain = page(header: "<p>Staff and agencies<br>29 November, 2025</p>")
        #expect(plain.date == "2025-11-29")
    }

    @Test func metaAndTimeElementsWhenNoDatelineIsShown() {
        #expect(page(head: #"<meta property="article:published_time" content="2025-11-29T09:00:00+01:00">"#, header: "").date == "2025-11-29")
        #expect(page(head: #"<meta name="parsely-pub-date" content="2025-11-28">"#, header: "").date == "2025-11-28")
        #expect(page(header: #"<time datetime="2025-11-27T08:00:00Z">Thursday</time>"#).date == "2025-11-27")
    }
}

@Suite struct ShownHeadlineTests {
    @Test func theHeadingTheTitleHoldsIsTheTitle() {
        let page = HTMLExtractor().parse(
            """
            <html><head><title>Calder votes to rebuild harbour wall -
            News - Calder Courier</title></head><body><h1>Calder votes to rebuild harbour wall</h1>
            <p>The Calder council voted on Monday to rebuild the old harbour wall before the winter storms arrive.</p></body></html>
            """)
        #expect(page.title == "Calder votes to rebuild harbour wall")
    }

    @Test func aHeadingThatHoldsTheShortTitleIsTheTitle() {
        let page = HTMLExtractor().parse(
            """
            <html><head><meta property="og:title" content="Why the wall must go up"></head><body>
            <h1>Harbour vote: Why the wall must go up</h1><p>The Calder council voted on Monday to rebuild the wall.</p></body></html>
            """)
        #expect(page.title == "Harbour vote: Why the wall must go up")
        #expect(page.headTitle == "Why the wall must go up")
    }

    @Test func aHeadTitleSpreadOverLinesIsOneLine() {
        let page = HTMLExtractor().parse("<html><head><title>Calder\n  votes</title></head><body><p>Text of the page.</p></body></html>")
        #expect(page.title == "Calder votes")
    }
}
