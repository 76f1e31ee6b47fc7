import PrecisIngest
import Testing

@testable import PrecisExtract

@Suite struct HTMLExtractorTests {
    let extractor = ArticleExtractor()

    let page = """
        <!doctype html><html lang="en"><head><title>Wall vote | Calder Courier</title>
        <meta property="og:title" content="Calder votes to rebuild harbour wall">
        <meta property="og:site_name" content="Calder Courier">
        <meta property="article:published_time" content="2025-03-11T19:05:00+01:00">
        <link rel="canonical" href="https://courier.example/wall"><script>var x = "<p>not text</p>";</script></head>
        <body><header><nav><a href="/">Home</a><a href="/news">News</a></nav></header>
        <div class="share-bar">Share on Facebook</div>
        <article><h1>Calder votes to rebuild harbour wall</h1>
        <p>The Calder council voted on Monday to rebuild the old harbour wall before the storms.</p>
        <figure><img src="a.jpg"><figcaption>The wall in 1990. Photo: Courier</figcaption></figure>
        <p>The work will cost <b>4.2 million</b> euros, the engineer said.<br>It starts in May.</p>
        <aside class="related"><a href="#">Ferry fares rise</a></aside></article>
        <section id="comments"><p>First!</p></section>
        <footer>© 2025 Calder Courier</footer></body></html>
        """

    func article(_ html: String) -> Result<Article, ExtractionFailure> {
        extractor.extract(RawDocument(origin: "t.html", format: .html, content: html))
    }

    @Test func extractsArticleAndMetadata() throws {
        let a = try article(page).get()
        #expect(a.title == "Calder votes to rebuild harbour wall")
        #expect(a.date == "2025-03-11")
        #expect(a.url == "https://courier.example/wall")
        #expect(a.site == "Calder Courier")
        #expect(a.text.contains("The Calder council voted on Monday"))
        #expect(a.text.contains("The work will cost 4.2 million euros, the engineer said.\nIt starts in May."))
        for junk in ["Home", "Share on", "Photo:", "Ferry", "First!", "©", "not text"] {
            #expect(!a.text.contains(junk), "\(junk) left in the text")
        }
    }

    @Test func scriptAltersNoText() throws {
        let a = try article("<html><body><p>A &lt;script&gt; tag is shown as text, the court heard on Monday in Calder.</p></body></html>").get()
        #expect(a.text.contains("<script>"))
    }

    @Test func truncatedHTMLStillGivesText() throws {
        let cut = String(page.prefix(page.count * 2 / 3))
        let a = try article(cut).get()
        #expect(a.text.contains("The Calder council voted"))
    }

    @Test func pageOfOnlyScriptsIsAClearFailure() {
        let result = article("<html><head><script>alert(1)</script></head><body><script>var a=1;</script><style>p{}</style></body></html>")
        guard case .failure(let failure) = result else {
            Issue.record("a page of scripts gave an article")
            return
        }
        #expect(failure.reason.contains("no article text"))
    }

    @Test func deepNestingDoesNotCrash() {
        let depth = 100_000
        let html =
            "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Deep text in the council report was read out on Monday.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        // libxml2 caps the depth it builds; either outcome is fine, a crash is not.
        switch article(html) {
        case .success(let a): #expect(!a.text.isEmpty)
        case .failure(let f): #expect(!f.reason.isEmpty)
        }
    }

    @Test func thePagesOwnCharsetDoesNotRedecodeText() throws {
        // Input arrives decoded; a Latin-1 declaration in the page must not turn "ü" into "Ã¼".
        let html =
            "<html><head><meta charset=\"iso-8859-1\"><title>Grüße aus Calder</title></head><body>"
            + "<p>Die Brücke über den Fluss wurde am Montag geöffnet, sagte die Bürgermeisterin von Calder.</p></body></html>"
        let a = try article(html).get()
        #expect(a.text.contains("Die Brücke über den Fluss wurde am Montag geöffnet"))
        #expect(a.title == "Grüße aus Calder")
    }

    @Test func emptyAndGarbageHTML() {
        if case .success = article("") { Issue.record("empty HTML gave an article") }
        if case .success = article("<<<>>><</\u{1}>") { Issue.record("garbage gave an article") }
    }
}

@Suite struct LinkDensityTests {
    @Test func blocksOfLinksGoProseWithALinkStays() throws {
        let html = """
            <html><body><div>
            <p>The council voted on Monday to rebuild the harbour wall, <a href="/wall">the mayor said</a> after the meeting.</p>
            <ul><li><a href="/a">Ferry fares rise</a></li><li><a href="/b">New marina approved</a></li></ul>
            <div><a href="/t/1">Calder</a> <a href="/t/2">Harbour</a> <a href="/t/3">Storms</a></div>
            <p>The work will cost 4.2 million euros and start in May, before the autumn storms.</p>
            </div></body></html>
            """
        let page = HTMLExtractor().parse(html)
        #expect(page.text.contains("the mayor said after the meeting"))
        #expect(page.text.contains("The work will cost 4.2 million euros"))
        #expect(!page.text.contains("Ferry fares"))
        #expect(!page.text.contains("Storms"))
    }
}

@Suite struct ClassHintTests {
    @Test func stateClassesOnBodyDoNotHideThePage() {
        let html = """
            <html><body class="page-article navbar-is-static-top has-sidebar"><nav class="navbar">Home News</nav>
            <div class="main-container"><p>The council voted on Monday to rebuild the harbour wall before the storms.</p></div>
            <div class="sidebar">Most read: ferry fares</div></body></html>
            """
        let page = HTMLExtractor().parse(html)
        #expect(page.text == "The council voted on Monday to rebuild the harbour wall before the storms.")
    }
}

@Suite struct LayoutWrapperTests {
    @Test func aWrapperNamedForItsSidebarKeepsTheArticle() {
        let html = """
            <html><body><div class="layout-right-sidebar"><div class="content">
            <p>The council voted on Monday to rebuild the harbour wall before the winter storms arrive.</p>
            <p>The work will cost 4.2 million euros and take eight months, the engineer said.</p></div>
            <div class="sidebar"><p>Most read this week: ferry fares rise again.</p></div></div></body></html>
            """
        let page = HTMLExtractor().parse(html)
        #expect(page.text.contains("harbour wall"))
        #expect(page.text.contains("4.2 million"))
        #expect(!page.text.contains("Most read"))
    }
}

@Suite struct ArticleWrapperTests {
    @Test func aPageWideFormIsAWrapperNotAForm() {
        // ASP.NET wraps the whole body in one form; a search form elsewhere still goes.
        let html = """
            <html><body><form id="aspnetForm"><div class="top"><form class="search"><input>Search this site</form></div>
            <div class="story"><p>The council voted on Monday to rebuild the harbour wall before the storms.</p>
            <p>The work will cost 4.2 million euros, the engineer said, and start in May.</p></div></form></body></html>
            """
        let page = HTMLExtractor().parse(html)
        #expect(page.text.contains("rebuild the harbour wall"))
        #expect(page.text.contains("4.2 million euros"))
        #expect(!page.text.contains("Search this site"))
    }

    @Test func aPageWideFormWithoutParagraphsKeepsItsText() {
        let html = """
            <html><body><form name="aspnetForm"><div>Home | News | Sport</div>
            <div class="storytext">The council voted on Monday to rebuild the harbour wall before the storms.<br><br>
            The work will cost 4.2 million euros, the engineer said, and start in May.<br><br>
            Fishermen welcomed the vote but asked for a new quay as well, and for the work to start soon.</div></form></body></html>
            """
        let page = HTMLExtractor().parse(html)
        #expect(page.text.contains("rebuild the harbour wall"))
        #expect(page.text.contains("a new quay"))
    }

    @Test func aLongCommentSectionIsNotTheArticle() {
        // The comments hold more paragraph text than the short article, but they are named for it.
        let comments = (1...12).map {
            "<div class=\"item\"><p>Comment \($0): I have lived here for years, and the wall was always, always the problem.</p></div>"
        }.joined()
        let html = """
            <html><body><div class="item"><p>The council voted on Monday to rebuild the harbour wall, the mayor said.</p>
            <p>The work will cost 4.2 million euros, the engineer said, and start in May.</p></div>
            <div class="comment_container"><div id="comments"><h4>Comments</h4>\(comments)</div></div></body></html>
            """
        let page = HTMLExtractor().parse(html)
        #expect(page.text.contains("rebuild the harbour wall"))
        #expect(!page.text.contains("Comment 3"))
    }
}

@Suite struct MainElementTests {
    @Test func withoutArticleTagsTheBestParagraphHolderWins() {
        // No <article> or <main>: the story's paragraphs share a holder; the teasers of other stories
        // elsewhere on the page (prose, few links) are not part of it.
        let html = """
            <html><body><div id="page"><div class="col1"><h1>Wall to be rebuilt</h1><div class="storytext">
            <p>The Calder council voted on Monday to rebuild the harbour wall, the mayor said, before the winter.</p>
            <p>The work will cost 4.2 million euros, the engineer said, and take eight months, starting in May.</p>
            <p>Fishermen welcomed the vote, but asked for a new quay as well, and for the work to start soon.</p>
            </div></div><div class="col2"><div class="box"><p>Ferry fares to the islands rise again in spring, the operator says.</p></div>
            <div class="box"><p>A new marina was approved in Norland after a long and bitter debate.</p></div></div></div></body></html>
            """
        let page = HTMLExtractor().parse(html)
        #expect(page.text.contains("rebuild the harbour wall"))
        #expect(page.text.contains("a new quay"))
        #expect(!page.text.contains("Ferry fares"))
        #expect(!page.text.contains("marina"))
    }

    @Test func aSmallBoxOfParagraphsBesideLongerTextIsNotTheArticle() {
        // The story is text set off by <br>; a fact box beside it has the only <p> elements.
        let lines = (1...8).map { "Paragraph \($0) of the harbour story tells how the wall, the quay and the storms shaped Calder." }
        let html = """
            <html><body><div id="content"><div class="box"><div class="facts"><p>Population: 12,000, mostly fishermen, ferrymen and their families.</p>
            <p>Harbour built: 1911, rebuilt once, in 1953, after a storm.</p></div></div>
            \(lines.joined(separator: "<br><br>\n"))</div></body></html>
            """
        let page = HTMLExtractor().parse(html)
        #expect(page.text.contains("Paragraph 1 of"))
        #expect(page.text.contains("Paragraph 8 of"))
    }

    @Test func postsSpreadOverThePageAreAllKept() {
        // A blog's front page: two posts of like weight, in separate boxes; both are the content.
        let post = { (n: Int) in
            "<div class=\"post\"><div class=\"post-body\"><p>Post \(n): the harbour wall, the quay, and the storms, all again this week.</p><p>The council, the mayor, and the engineer met, argued, and agreed, at last, on a plan.</p><p>Work starts in May, costs 4.2 million euros, and takes eight months, they said.</p></div></div>"
        }
        let html = "<html><body><div id=\"main-col\">\(post(1))\(post(2))</div></body></html>"
        let page = HTMLExtractor().parse(html)
        #expect(page.text.contains("Post 1:"))
        #expect(page.text.contains("Post 2:"))
    }
}

@Suite struct HeadlineAndCaptionBoxTests {
    let extractor = ArticleExtractor()

    @Test func theArticleStartsAtItsHeadline() throws {
        let html = """
            <html><head><title>Calder votes to rebuild the harbour wall | Calder Courier</title></head><body>
            <article><div class="ticker">Markets: FTSE up 0.4 per cent, oil down</div><div>Most viewed stories in the past two hours</div>
            <h1>Calder votes to rebuild the harbour wall</h1>
            <p>The Calder council voted on Monday to rebuild the harbour wall, the mayor said, before the winter.</p>
            <p>The work will cost 4.2 million euros, the engineer said, and take eight months, starting in May.</p></article></body></html>
            """
        let a = try extractor.extract(RawDocument(origin: "t.html", format: .html, content: html)).get()
        #expect(a.text.hasPrefix("Calder votes to rebuild the harbour wall"))
        #expect(!a.text.contains("Most viewed"))
        #expect(a.removed.contains { $0.reason == .header && $0.text.contains("Most viewed") })
    }

    @Test func aCaptionBoxHoldingHalfTheStoryIsKept() {
        // A theme wraps half the story in its image-caption box; a real caption is short.
        let html = """
            <html><body><div class="post"><div class="entry-content">
            <div class="feat-image-with-caption"><p class="wp-caption-text">The harbour at dawn.
            <span class="caption-text">The council voted on Monday, after a long debate, to rebuild the old harbour wall before winter.
            The work, the engineer said, will cost 4.2 million euros, take eight months and start in May.</span></p></div>
            <p>Fishermen welcomed the vote, but asked for a new quay as well, and for the work to start soon.</p>
            <p>The mayor said the town had waited, patiently, for more than twenty years for this decision.</p>
            <div class="wp-caption"><p class="wp-caption-text">Photo: Calder Courier</p></div>
            </div></div></body></html>
            """
        let page = HTMLExtractor().parse(html)
        #expect(page.text.contains("4.2 million euros"))
        #expect(page.text.contains("a new quay"))
        #expect(!page.text.contains("Photo: Calder Courier"))
    }
}

@Suite struct MarkupCaseTests {
    @Test func upperCaseTagsAndAttributesAreRead() {
        let html = """
            <HTML LANG="en-GB"><HEAD><TITLE>Wall vote</TITLE><META PROPERTY="og:title" CONTENT="Calder votes on wall"></HEAD>
            <BODY><NAV>Home News</NAV><DIV CLASS="Sidebar">Most read</DIV>
            <P>The council voted on Monday to rebuild the harbour wall before the storms.</P></BODY></HTML>
            """
        let page = HTMLExtractor().parse(html)
        #expect(page.title == "Calder votes on wall")
        #expect(page.language == "en-GB")
        #expect(page.text == "The council voted on Monday to rebuild the harbour wall before the storms.")
    }
}

@Suite struct JSONLDTests {
    @Test func articleMetadataComesFromJSONLD() throws {
        let html = """
            <html><head><title>Page</title>
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Calder Courier"},
              {"@type": ["NewsArticle"], "headline": "Calder votes to rebuild harbour wall",
               "datePublished": "2025-03-11T19:05:00+01:00",
               "author": [{"@type": "Person", "name": "Marta Quell"}, {"@type": "Person", "name": "Jon Aras"}],
               "publisher": {"@type": "Organization", "name": "Calder Courier"}}]}
            </script>
            <script type="application/ld+json">{ broken json </script></head>
            <body><p>The council voted on Monday to rebuild the harbour wall before the winter storms.</p></body></html>
            """
        let a = try ArticleExtractor().extract(RawDocument(origin: "t.html", format: .html, content: html)).get()
        #expect(a.title == "Calder votes to rebuild harbour wall")
        #expect(a.date == "2025-03-11")
        #expect(a.authors == ["Marta Quell", "Jon Aras"])
        #expect(a.site == "Calder Courier")
    }
}
