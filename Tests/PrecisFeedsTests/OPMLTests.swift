import Testing

@testable import PrecisFeeds

@Suite struct OPMLTests {
    @Test func outlinesWithAnXmlUrlAreReadAtAnyDepthOnceEachInOrder() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>Invented subscriptions</title></head>
            <body>
              <outline text="Harbour Notes" type="rss" xmlUrl="https://harbour.example/feed.xml" htmlUrl="https://harbour.example/"/>
              <outline text="Folder">
                <outline title="Valley Gazette" text="ignored" xmlURL="http://valley.example/atom"/>
                <outline text="Deeper"><outline text="Tides" xmlUrl="https://tides.example/feed.json"/></outline>
              </outline>
              <outline text="Again" xmlUrl="https://harbour.example/feed.xml"/>
              <outline text="Local file" xmlUrl="file:///etc/passwd"/>
              <outline text="Just a heading"/>
            </body></opml>
            """
        let list = try OPML.parse(Array(text.utf8))
        #expect(list.feeds.map(\.url) == ["https://harbour.example/feed.xml", "http://valley.example/atom", "https://tides.example/feed.json"])
        #expect(list.feeds.map(\.title) == ["Harbour Notes", "Valley Gazette", "Tides"])
        #expect(list.feeds[0].htmlURL == "https://harbour.example/")
        #expect(list.skipped.count == 2)
        #expect(list.skipped.contains { $0.contains("listed twice") })
        #expect(list.skipped.contains { $0.contains("only http and https") })
    }

    @Test func aFeedOrJunkIsNotAnOPMLFile() {
        #expect(throws: FeedError.notAFeed("rss")) { try OPML.parse(Array("<rss version=\"2.0\"><channel/></rss>".utf8)) }
        #expect(throws: FeedError.empty) { try OPML.parse(Array("  \n".utf8)) }
        #expect(throws: FeedError.binary) { try OPML.parse([0x00, 0x01, 0x02, 0x00, 0x3C]) }
        #expect(throws: FeedError.self) { try OPML.parse(Array("just words, no markup".utf8)) }
    }

    @Test func anEntityInATitleAndAnUnclosedOutlineDoNotLoseTheList() throws {
        let text =
            "<opml><body><outline text=\"Fish &amp; Ships &nbsp;\" xmlUrl=\"https://fish.example/rss\"><outline text=\"x\" xmlUrl=\"https://b.example/rss\"></body></opml>"
        let list = try OPML.parse(Array(text.utf8))
        #expect(list.feeds.map(\.url) == ["https://fish.example/rss", "https://b.example/rss"])
        #expect(list.feeds[0].title?.hasPrefix("Fish & Ships") == true)
    }
}
