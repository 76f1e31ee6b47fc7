import PrecisIngest
import Testing

@testable import PrecisExtract

/// Pages that hold no article get a reason, not their furniture; articles that look a little like
/// them (short, many links, a comment section) still come through.
@Suite struct NoArticleTests {
    let extractor = ArticleExtractor()

    func extract(_ html: String) -> Result<Article, ExtractionFailure> {
        extractor.extract(RawDocument(origin: "t.html", format: .html, content: html))
    }

    func reason(_ html: String) -> String? {
        if case .failure(let f) = extract(html) { return f.reason }
        return nil
    }

    @Test func indexPageOfHeadlinesIsNoArticle() {
        let teasers = (1...12).map { k in
            "<li><a href=\"/story/\(k)\">Harbour story number \(k) from the Calder coast</a> <span>3 hours ago</span></li>"
        }.joined()
        let html =
            "<html><head><title>News | Calder Courier</title></head><body><nav><a href=\"/\">Home</a></nav>"
            + "<div class=\"list\"><ul>\(teasers)</ul></div><footer>© Calder Courier</footer></body></html>"
        let r = reason(html)
        #expect(r?.contains("no article") == true, "got \(String(describing: r))")
    }

    @Test func indexPageOfTeasersWithOneLineEachIsNoArticle() {
        let teasers = (1...10).map { k in
            "<div class=\"teaser\"><h3><a href=\"/s/\(k)\">Ferry timetable \(k) changes for the winter season</a></h3>"
                + "<p><a href=\"/s/\(k)\">The ferry to the islands runs less often.</a></p></div>"
        }.joined()
        let html = "<html><body><div class=\"grid\">\(teasers)</div></body></html>"
        let r = reason(html)
        #expect(r?.contains("no article") == true, "got \(String(describing: r))")
    }

    @Test func errorPageIsNoArticle() {
        let html = """
            <html><head><title>404 Not Found | Calder Courier</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
            <h1>Page not found</h1><p>Sorry, the page you were looking for has moved or no longer exists.</p>
            <p><a href="/">Back to the front page</a></p></body></html>
            """
        let r = reason(html)
        #expect(r?.contains("error page") == true, "got \(String(describing: r))")
    }

    @Test func aShortArticleWhoseHeadlineHoldsAStatusNumberIsAnArticle() throws {
        let html = """
            <html><head><title>Flight 404 lands after storm | Calder Courier</title></head><body><article>
            <h1>Flight 404 lands after storm</h1>
            <p>Flight 404 from Vesterby landed safely in Calder on Monday after circling for an hour in gales.</p>
            </article></body></html>
            """
        let a = try extract(html).get()
        #expect(a.text.contains("landed safely in Calder"))
    }

    @Test func errorNamesAreReadAsWholeWords() {
        #expect(ArticleShape.errorPhrase(in: "404") == "404")
        #expect(ArticleShape.errorPhrase(in: "error 404 - calder courier") == "error 404")
        #expect(ArticleShape.errorPhrase(in: "404 not found") == "not found")
        #expect(ArticleShape.errorPhrase(in: "harbour vote, report 1404.") == nil)
        #expect(ArticleShape.errorPhrase(in: "flight 404 lands") == nil)
        #expect(ArticleShape.errorPhrase(in: "unfounded claims") == nil)
    }

    @Test func commentOnlyPageIsNoArticle() {
        let comments = (1...8).map { k in
            "<li class=\"comment\"><p>Reader \(k) thinks the harbour wall should have been rebuilt years ago, and says so again here today.</p></li>"
        }.joined()
        let html =
            "<html><body><h1>Comments on: Calder votes to rebuild harbour wall</h1>"
            + "<ol class=\"comment-list\" id=\"comments\">\(comments)</ol></body></html>"
        let r = reason(html)
        // Comment boxes are left out as junk, so nothing of the page is left but its heading.
        #expect(r?.contains("no article") == true, "got \(String(describing: r))")
        #expect(r?.contains("Reader") != true)
    }

    @Test func threadOfRepliesIsNoArticle() {
        let replies = (1...6).map { k in
            "<p>Reply \(k): I live by the harbour, and the wall has been crumbling for years, so the vote comes late, but it is welcome all the same.</p>"
        }.joined()
        let html = "<html><body><h1>Harbour wall</h1><div class=\"thread-replies\">\(replies)</div></body></html>"
        let r = reason(html)
        #expect(r?.contains("comments") == true, "got \(String(describing: r))")
    }

    @Test func pageOfOnlyFurnitureIsNoArticle() {
        let html = """
            <html><body><div id="app"><div class="spinner">Loading</div></div>
            <div class="foot">Terms of use | Privacy | Contact us</div></body></html>
            """
        #expect(reason(html)?.hasPrefix("no article") == true)
    }

    @Test func shortArticleWithManyLinksStays() throws {
        let links = (1...30).map { "<a href=\"/t/\($0)\">Topic \($0)</a>" }.joined(separator: " ")
        let html = """
            <html><body><div class="menu">\(links)</div>
            <div class="story"><h1>Harbour wall vote</h1>
            <p>The Calder council voted on Monday to rebuild the old harbour wall before the winter storms.</p>
            <p>The work will cost 4.2 million euros, the engineer said, and it starts in May.</p></div></body></html>
            """
        let a = try extract(html).get()
        #expect(a.text.contains("The Calder council voted on Monday"))
    }

    @Test func articleWithLongCommentSectionStays() throws {
        let comments = (1...20).map { k in
            "<div class=\"comment\"><p>Reader \(k) says the harbour wall should have been rebuilt long ago, years before the storms.</p></div>"
        }.joined()
        let paragraphs = (1...4).map { k in
            "<p>Paragraph \(k) of the report: the council voted on Monday to rebuild the harbour wall, the mayor said.</p>"
        }.joined()
        let html =
            "<html><body><article><h1>Calder votes to rebuild harbour wall</h1>\(paragraphs)</article>"
            + "<section id=\"comments\">\(comments)</section></body></html>"
        let a = try extract(html).get()
        #expect(a.text.contains("Paragraph 1 of the report"))
        #expect(!a.text.contains("Reader 3"))
    }

    @Test func cjkArticleCountsCharactersNotWords() throws {
        let html =
            "<html lang=\"zh\"><body><div><p>卡尔德市议会周一投票决定在冬季风暴来临之前重建旧港口的防波堤。</p>"
            + "<p>工程师说，这项工程将耗资四百二十万欧元，并将于五月开工。</p></div></body></html>"
        let a = try extract(html).get()
        #expect(a.text.contains("卡尔德市议会"))
    }

    @Test func articleAboutAnErrorIsNotAnErrorPage() throws {
        let html = """
            <html><head><title>Why the council's website showed "404 not found" for a week</title></head><body><article>
            <h1>Why the council's website showed "404 not found" for a week</h1>
            <p>For a week in March, residents of Calder who went to the council's website to pay their harbour fees saw only an error page.</p>
            <p>The council said on Monday that a contractor had moved the payment pages without telling anyone, and that nobody had been charged twice.</p>
            <p>The mayor apologised and said the fees would be due a month later than planned, in May rather than April.</p>
            </article></body></html>
            """
        let a = try extract(html).get()
        #expect(a.text.contains("contractor had moved the payment pages"))
    }

    @Test func proseCountsSentencesOnly() {
        #expect(ArticleShape.proseCharacters("Home\nNews\nSport\nContact us") == 0)
        #expect(ArticleShape.proseCharacters("Loading...") == 0)
        #expect(ArticleShape.proseCharacters("The council voted on Monday to rebuild the wall.") > 40)
        #expect(ArticleShape.proseCharacters("卡尔德市议会周一投票决定在冬季风暴来临之前重建旧港口的防波堤。") > 20)
    }

    @Test func badInputIsAFailureNotACrash() {
        for html in ["\u{0}\u{1}\u{2}\u{FFFD}\u{FFFD}", "<html><body><p>", String(repeating: "<a>", count: 5000)] {
            switch extract(html) {
            case .success(let a): #expect(a.text.count >= 0)
            case .failure(let f): #expect(!f.reason.isEmpty)
            }
        }
    }
}
