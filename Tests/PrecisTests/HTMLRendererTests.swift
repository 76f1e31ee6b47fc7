import Testing

@testable import Precis

/// The one HTML renderer: every value escaped, whatever an article holds.
@Suite struct HTMLRendererTests {
    let hostile = Article(
        origin: "hostile.html", title: "<script>alert('title')</script> & friends",
        date: "2025-03-11", url: "javascript:alert(1)",
        text: """
            The Calder council voted on Tuesday to rebuild the <b>harbour</b> wall, said "Ana" & co. \
            The work will cost 4.2 million euros and start in April, officials said on Tuesday.
            """)

    @Test func aDigestDocumentEscapesTitlesTextAndRefusesScriptLinks() {
        let digest = Pipeline().digest(articles: [hostile], budget: .words(60))
        let html = DigestRenderer.render(digest, as: .html)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; friends"))
        #expect(html.contains("the &lt;b&gt;harbour&lt;/b&gt; wall, said &quot;Ana&quot; &amp; co."))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(html.hasPrefix("<!doctype html>"))
    }

    @Test func storiesShareTheDigestPartialsUnderTheirOwnIds() {
        let digest = Pipeline().digest(articles: [hostile], budget: .words(60))
        let html = HTMLRenderer.document([StoryDigest(story: 7, digest: digest)])
        #expect(html.contains("<article class=\"story\" id=\"story-7\">"))
        #expect(html.contains("href=\"#story-7-source-1\""))
        #expect(html.contains("<li id=\"story-7-source-1\">"))
    }

    @Test func marksAndParagraphsKeepTheTextAsText() {
        let text = "First <i>line</i>\nsecond line.\n\nA new paragraph with the cited passage in it."
        let start = text.unicodeScalars.count - 26
        let paragraphs = HTMLRenderer.paragraphs(text, marks: [(start, start + 18)], doc: 2)
        #expect(paragraphs.count == 2)
        let html = HTMLRenderer.render("text", ["paragraphs": paragraphs])
        #expect(html.contains("<p>First &lt;i&gt;line&lt;/i&gt;<br>second line.</p>"))
        #expect(html.contains("<mark id=\"p2-\(start)\">"))
    }
}
