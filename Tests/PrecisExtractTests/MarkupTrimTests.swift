import Testing

@testable import PrecisExtract

@Suite struct MarkupTrimTests {
    func trim(_ html: String) -> String {
        String(decoding: MarkupTrim.trim(html), as: UTF8.self)
    }

    @Test func dropsScriptAndStyleBodiesAndKeepsTheirTags() {
        #expect(trim("<p>a</p><script>var s = \"<p>x</p>\";</script><p>b</p>") == "<p>a</p><script></script><p>b</p>")
        #expect(trim("<style type=\"text/css\">p { color: red }</STYLE>x") == "<style type=\"text/css\"></STYLE>x")
        // The body ends at the first closing tag of its kind, in any case, as in libxml2.
        #expect(trim("<SCRIPT>if (a < b) { c = '</div>' }</Script >after") == "<SCRIPT></Script >after")
        // A comment opener inside a script is script text, not a comment.
        #expect(trim("<script><!-- hide\n x() // --></script><p>t</p>") == "<script></script><p>t</p>")
        // Elements whose names only start like these are other elements.
        #expect(trim("<scripts>kept</scripts><styles>kept</styles>") == "<scripts>kept</scripts><styles>kept</styles>")
    }

    @Test func keepsJSONLinkedData() {
        let page = "<script type=\"application/ld+json\">{\"headline\": \"A\"}</script><script src=\"x.js\">y()</script>"
        #expect(trim(page) == "<script type=\"application/ld+json\">{\"headline\": \"A\"}</script><script></script>")
    }

    @Test func dropsCommentsButLeavesAnUnclosedOneToTheParser() {
        #expect(trim("a<!-- note -->b<!---->c") == "abc")
        #expect(trim("a<!-- never closed <p>b</p>") == "a<!-- never closed <p>b</p>")
        #expect(trim("<script>never closed") == "<script>never closed")
    }

    @Test func keepsOnlyTheAttributesRulesRead() {
        #expect(
            trim("<div class=\"story\" style=\"margin:0\" data-id='7' ID=main onclick=\"f()\">x</div>")
                == "<div class=\"story\" ID=main>x</div>")
        #expect(trim("<img src=\"a.jpg\" srcset=\"a.jpg 1x, b.jpg 2x\" alt=\"A > B\"/><br/>") == "<img/><br/>")
        #expect(trim("<a href=/x?a=1&b=2 target=_blank>l</a>") == "<a href=/x?a=1&b=2>l</a>")
        #expect(trim("<p hidden>t</p><input disabled value=\"v\">") == "<p hidden>t</p><input>")
    }

    @Test func leavesTagsItCannotReadCleanlyAsTheyAre() {
        for odd in [
            "<a href=\"x\"class=\"y\" style=z>t</a>", "<div \"quoted\" style=a>t</div>", "<p style=\"never closed>t</p>",
            "<a b=c'd style=e>t</a>", "<div style=a", "x < y and a<b"
        ] {
            #expect(trim(odd) == odd)
        }
    }

    @Test func keepsTextAndMultibyteCharactersIntact() {
        let text = "<p lang=\"de\" data-x=\"1\">Grüße – “quoted” 東京</p>"
        #expect(trim(text) == "<p lang=\"de\">Grüße – “quoted” 東京</p>")
        #expect(trim("") == "")
        #expect(trim("<") == "<")
        #expect(String(decoding: MarkupTrim.trim("<p>a</p>", leading: [0xEF, 0xBB, 0xBF]), as: UTF8.self) == "\u{FEFF}<p>a</p>")
    }
}
