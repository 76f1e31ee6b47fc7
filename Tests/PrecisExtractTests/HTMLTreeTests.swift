import Testing

@testable import PrecisExtract

@Suite struct HTMLTreeTests {
    func tree(_ html: String, keepBlanks: Bool = false) -> HTMLTree {
        HTMLTree.parse(HTMLTree.byteOrderMark + Array(html.utf8), keepBlanks: keepBlanks)
    }

    func first(_ t: HTMLTree, _ name: String) -> HTMLTree.Node? {
        (1..<t.records.count).first { t.isTag($0, name) }
    }

    @Test func libxml2DecidesTheShapeImpliedAndAutoClosedElementsIncluded() throws {
        // No <html>, <body>, closing </p> or </li>: libxml2 supplies them.
        let t = tree("<p>One<p>Two<ul><li>a<li>b</ul>")
        let root = try #require(t.root)
        #expect(t.name(root) == "html")
        let body = try #require(first(t, "body"))
        #expect(t.children(of: body).map { t.name($0) } == ["p", "p", "ul"])
        let list = try #require(first(t, "ul"))
        #expect(t.children(of: list).map { t.textContent($0) } == ["a", "b"])
        #expect(t.parentElement(list) == body)
        #expect(t.parentElement(root) == nil)
    }

    @Test func textIsOneRangePerElementWithLinkAndParagraphCounts() throws {
        let t = tree("<div id=\"d\"><p>Café <a href=\"/x\">über</a> three</p><span>tail</span></div>")
        let div = try #require(first(t, "div"))
        #expect(t.textContent(div) == "Café über threetail")
        // Bytes of visible text; link and paragraph text in Unicode scalars.
        #expect(t.visibleTextLength(div) == Array("Café über threetail".utf8).count)
        #expect(t.linkTextLength(div) == 4)
        #expect(t.paragraphTextLength(div) == "Café über three".unicodeScalars.count)
        #expect(t.attribute(div, "id") == "d")
        #expect(t.attribute(div, "class") == nil)
        // Adjacent text is one node: text around an entity stays together.
        let span = try #require(first(t, "span"))
        #expect(Array(t.children(of: span)).count == 1)
    }

    @Test func scriptTextIsKeptApartFromVisibleText() throws {
        let t = tree("<body><p>Seen<script type=\"application/ld+json\">{\"a\": 1}</script> too</p></body>")
        let p = try #require(first(t, "p"))
        let script = try #require(first(t, "script"))
        #expect(t.textContent(p) == "Seen too")
        #expect(t.textContent(script) == "{\"a\": 1}")
        #expect(t.visibleTextLength(script) == 0)
        #expect(t.attribute(script, "type") == "application/ld+json")
    }

    @Test func whiteSpaceGoesWhereLibxml2sNoBlanksDropsIt() throws {
        let html = "<table>\n <tr>\n  <td>x</td>\n </tr>\n</table><p><b>a</b> <i>b</i></p>"
        let t = tree(html)
        // Inside and after elements that take no text (a table, a row) white space goes; after a
        // cell, which takes text, it stays, as in libxml2's own tree.
        let table = try #require(first(t, "table"))
        #expect(t.children(of: table).allSatisfy { t.isElement($0) })
        let row = try #require(first(t, "tr"))
        #expect(t.children(of: row).map { t.isElement($0) } == [true, false])
        // Between inline elements white space is text.
        let p = try #require(first(t, "p"))
        #expect(t.textContent(p) == "a b")
        // Kept on request (the benchmark's gold text is read that way).
        let kept = tree(html, keepBlanks: true)
        let keptTable = try #require(first(kept, "table"))
        #expect(kept.children(of: keptTable).contains { kept.isText($0) })
    }

    @Test func valuelessAttributesAndBrokenInput() throws {
        let t = tree("<div hidden>x</div>")
        #expect(t.attribute(try #require(first(t, "div")), "hidden") == "")
        // Truncated markup and stray bytes still give a tree; nothing crashes.
        #expect(tree("<div><p>cut off <a href=\"x").root != nil)
        #expect(tree("\u{1}\u{2}<<>>").records.count >= 1)
        let deep = tree(String(repeating: "<div>", count: 50_000) + "deep" + String(repeating: "</div>", count: 50_000))
        #expect(deep.textContent(HTMLTree.document) == "deep")
    }
}
