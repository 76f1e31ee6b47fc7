import Testing

@testable import PrecisExtract

@Suite struct SiteTemplateTests {
    func article(_ url: String?, _ body: String) -> Article {
        Article(origin: url ?? "x", url: url, text: body)
    }

    @Test func linesEveryPageOfASiteRepeatsAreRemoved() {
        var pages: [Article] = []
        for k in 0..<4 {
            pages.append(
                article(
                    "https://www.courier.example/news/\(k)",
                    """
                    Story \(k) opens with its own lead sentence about the harbour, number \(k).

                    About the Calder Courier
                    Email This
                    Story \(k) ends with its own closing line.
                    """))
        }
        let cleaned = SiteTemplate.removeRepeatedLines(pages)
        for (k, page) in cleaned.enumerated() {
            #expect(page.text == "Story \(k) opens with its own lead sentence about the harbour, number \(k).\n\nStory \(k) ends with its own closing line.")
            #expect(page.removed.filter { $0.reason == .template }.count == 2)
        }
    }

    @Test func differentSitesAndPagesWithoutURLAreLeftAlone() {
        // The same wire paragraph in three outlets is content, not template.
        let wire = "\"We will not attend,\" the envoy told the agency."
        let pages = [
            article("https://a.example/1", "A's own lead.\n\n" + wire),
            article("https://b.example/1", "B's own lead.\n\n" + wire),
            article("https://c.example/1", "C's own lead.\n\n" + wire),
            article(nil, "No URL.\n\n" + wire),
            article(nil, "No URL either.\n\n" + wire),
            article(nil, "Nor here.\n\n" + wire)
        ]
        let cleaned = SiteTemplate.removeRepeatedLines(pages)
        #expect(cleaned.map(\.text) == pages.map(\.text))
    }

    @Test func aLineOnlySomePagesShareStays() {
        var pages: [Article] = []
        for k in 0..<8 {
            pages.append(
                article("https://courier.example/\(k)", "Own text \(k).\n\n" + (k < 3 ? "A recurring phrase in three of eight pages." : "Other text \(k).")))
        }
        let cleaned = SiteTemplate.removeRepeatedLines(pages)
        #expect(cleaned[0].text.contains("A recurring phrase"))
    }
}
