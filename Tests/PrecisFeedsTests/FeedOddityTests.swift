import Foundation
import PrecisFeeds
import Testing

/// What real feeds get wrong, and what is not a feed at all.
@Suite("Feed oddities")
struct FeedOddityTests {
    func parse(_ xml: String, url: String? = nil, contentType: String? = nil) throws -> Feed {
        try FeedParser.parse(Array(xml.utf8), url: url, contentType: contentType)
    }

    func rss(item: String, channel: String = "") -> String {
        "<rss version=\"2.0\"><channel><title>Feed</title>\(channel)<item>\(item)</item></channel></rss>"
    }

    @Test("HTML escaped in a description is the description's HTML")
    func escapedHTML() throws {
        let feed = try parse(rss(item: "<description>&lt;p&gt;Rates &lt;b&gt;rose&lt;/b&gt;.&lt;/p&gt;</description>"))
        #expect(feed.items[0].summary?.value == "<p>Rates <b>rose</b>.</p>")
        #expect(feed.items[0].summary?.type == "text/html")
    }

    @Test("CDATA sections are read as text")
    func cdata() throws {
        let feed = try parse(rss(item: "<title><![CDATA[Q&A: the <em>budget</em>]]></title>"))
        #expect(feed.items[0].title?.value == "Q&A: the <em>budget</em>")
        #expect(feed.items[0].title?.type == "text/html")
    }

    @Test("undeclared HTML entities (&nbsp; &eacute;) become their characters, with a warning")
    func undeclaredEntities() throws {
        let feed = try parse(rss(item: "<title>Caf&eacute;&nbsp;owners protest</title>"))
        #expect(feed.items[0].title?.value == "Café\u{A0}owners protest")
        #expect(feed.isIllFormed)
        #expect(feed.warnings.contains { $0.contains("&eacute;") })
    }

    @Test("a bare ampersand is kept as a character, with a warning")
    func bareAmpersand() throws {
        let feed = try parse(rss(item: "<title>Smith & Sons close</title><link>https://x.example/?a=1&b=2</link>"))
        #expect(feed.items[0].title?.value == "Smith & Sons close")
        #expect(feed.items[0].link == "https://x.example/?a=1&b=2")
        #expect(feed.isIllFormed)
    }

    @Test("RFC 822 dates: zone names, +0530, no seconds, two-digit years, no day name")
    func rfc822Dates() {
        let cases: [(String, String)] = [
            ("Tue, 14 Apr 2026 09:30:00 EST", "2026-04-14T14:30:00Z"),
            ("Tue, 14 Apr 2026 09:30:00 +0530", "2026-04-14T04:00:00Z"),
            ("Tue, 14 Apr 2026 09:30 GMT", "2026-04-14T09:30:00Z"),
            ("14 Apr 26 09:30:00 PDT", "2026-04-14T16:30:00Z"),
            ("Thu, 01 Jan 1998 00:00:00 -0800", "1998-01-01T08:00:00Z"),
            ("Sat, 4 Apr 2026 9:05:07", "2026-04-04T09:05:07Z"),
            ("Mon, 06 Sep 2004 10:00:00 +05:00", "2004-09-06T05:00:00Z")
        ]
        for (text, iso) in cases {
            #expect(FeedDates.parse(text).map(FeedDates.iso8601) == iso, "\(text)")
        }
    }

    @Test("W3C and ISO 8601 dates at every precision")
    func isoDates() {
        let cases: [(String, String)] = [
            ("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"),
            ("2003-12-31T10:14:55.25-08:00", "2003-12-31T18:14:55Z"),
            ("2003-12-31T10:14Z", "2003-12-31T10:14:00Z"),
            ("2003-12-31", "2003-12-31T00:00:00Z"),
            ("2003-12", "2003-12-01T00:00:00Z"),
            ("2003", "2003-01-01T00:00:00Z"),
            ("20031231T101455Z", "2003-12-31T10:14:55Z"),
            ("2003-12-31 10:14:55 +0100", "2003-12-31T09:14:55Z")
        ]
        for (text, iso) in cases {
            #expect(FeedDates.parse(text).map(FeedDates.iso8601) == iso, "\(text)")
        }
    }

    @Test("a broken date is kept as written, read as no instant, and warned about")
    func brokenDate() throws {
        let feed = try parse(rss(item: "<title>x</title><pubDate>Someday soon, 25:99</pubDate>"))
        #expect(feed.items[0].published?.text == "Someday soon, 25:99")
        #expect(feed.items[0].published?.date == nil)
        #expect(feed.warnings.contains { $0.contains("unreadable date") })
    }

    @Test("relative links resolve against xml:base, then against the feed's URL")
    func relativeLinks() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://site.example/news/">
              <link href="../"/>
              <entry><link href="2026/story.html"/><content type="html">&lt;a href="/about"&gt;about&lt;/a&gt;</content></entry>
              <entry xml:base="https://other.example/x/"><link href="y"/></entry>
            </feed>
            """)
        #expect(feed.link == "https://site.example/")
        #expect(feed.items[0].link == "https://site.example/news/2026/story.html")
        #expect(feed.items[0].content.first?.value == #"<a href="https://site.example/about">about</a>"#)
        #expect(feed.items[1].link == "https://other.example/x/y")
        let plain = try parse(rss(item: "<link>/a/b?c=d</link>"), url: "https://feeds.example/rss/main.xml")
        #expect(plain.items[0].link == "https://feeds.example/a/b?c=d")
    }

    @Test("a javascript:, file: or data: link is dropped with a warning, never kept")
    func unsafeLinks() throws {
        for bad in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi"] {
            let feed = try parse(rss(item: "<title>x</title><link>\(bad)</link>"))
            #expect(feed.items[0].link == nil, "\(bad)")
            #expect(feed.warnings.contains { $0.contains("link dropped") }, "\(bad)")
        }
    }

    @Test("an xml:base or feed URL in a refused scheme is ignored as a base")
    func unsafeBase() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://safe.example/">
              <entry xml:base="javascript:alert(1)//"><link href="story"/></entry>
            </feed>
            """)
        #expect(feed.items[0].link == "https://safe.example/story")
        let viaURL = try parse(rss(item: "<link>https://a.example/x</link><comments>/c</comments>"), url: "javascript:alert(1)")
        #expect(viaURL.items[0].comments == "/c")
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func byteOrderMark() throws {
        let feed = try FeedParser.parse([0xEF, 0xBB, 0xBF] + Array(rss(item: "<title>Ünïcode</title>").utf8))
        #expect(feed.items[0].title?.value == "Ünïcode")
        #expect(!feed.isIllFormed)
    }

    @Test("UTF-16 and UTF-32, with and without a byte-order mark, are read")
    func utf16and32() throws {
        let text = "<?xml version=\"1.0\" encoding=\"utf-16\"?>" + rss(item: "<title>Zoë’s report</title>")
        let le = [UInt8](text.data(using: .utf16LittleEndian)!)
        let be = [UInt8](text.data(using: .utf16BigEndian)!)
        #expect(try FeedParser.parse([0xFF, 0xFE] + le).items[0].title?.value == "Zoë’s report")
        #expect(try FeedParser.parse(be).items[0].title?.value == "Zoë’s report")
        #expect(try FeedParser.parse(be).encoding == "utf-16be")
        let text32 = "<?xml version=\"1.0\" encoding=\"utf-32\"?>" + rss(item: "<title>Zoë</title>")
        let le32 = [UInt8](text32.data(using: .utf32LittleEndian)!)
        #expect(try FeedParser.parse(le32).items[0].title?.value == "Zoë")
    }

    @Test("a declared legacy encoding is honoured (ISO-8859-1)")
    func latin1() throws {
        let bytes =
            Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><item><title>Caf".utf8)
            + [0xE9] + Array("</title></item></channel></rss>".utf8)
        let feed = try FeedParser.parse(bytes)
        #expect(feed.encoding == "iso-8859-1")
        #expect(feed.items[0].title?.value == "Café")
        #expect(!feed.isIllFormed)
    }

    @Test("a declared encoding that is wrong is overridden by what the bytes are, with a warning")
    func wrongDeclaredEncoding() throws {
        let bytes =
            Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><item><title>Caf".utf8)
            + [0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94] + Array("</title></item></channel></rss>".utf8)
        let feed = try FeedParser.parse(bytes)
        #expect(feed.items[0].title?.value == "Café “ok”")
        #expect(feed.encoding == "windows-1252")
        #expect(feed.isIllFormed)
    }

    @Test("UTF-8 declared as ISO-8859-1 reads as the UTF-8 it is")
    func utf8DeclaredLatin1() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>" + rss(item: "<title>Zoë Müller’s café</title>")
        let feed = try FeedParser.parse(Array(xml.utf8))
        #expect(feed.items[0].title?.value == "Zoë Müller’s café")
    }

    @Test("text/xml without a charset is us-ascii by RFC 3023; UTF-8 bytes are still read right, marked ill-formed")
    func textXMLDefault() throws {
        let ascii = try parse(rss(item: "<title>plain</title>"), contentType: "text/xml")
        #expect(ascii.encoding == "us-ascii")
        #expect(!ascii.isIllFormed)
        let utf8 = try parse(rss(item: "<title>Zoë</title>"), contentType: "text/xml")
        #expect(utf8.items[0].title?.value == "Zoë")
        #expect(utf8.encoding == "utf-8")
        #expect(utf8.isIllFormed)
    }

    @Test("a JSON Feed served as application/feed+json is not ill-formed; an RSS feed served as text/html is")
    func mediaTypes() throws {
        let json = try parse(#"{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": []}"#, contentType: "application/feed+json")
        #expect(!json.isIllFormed)
        let html = try parse(rss(item: "<title>x</title>"), contentType: "text/html; charset=utf-8")
        #expect(html.isIllFormed)
        #expect(html.items.count == 1)
    }

    @Test("the HTTP charset outranks the XML declaration")
    func httpCharset() throws {
        let bytes =
            Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>".utf8)
            + [0xE9] + Array("t</title></channel></rss>".utf8)
        let feed = try FeedParser.parse(bytes, contentType: "application/rss+xml; charset=ISO-8859-1")
        #expect(feed.encoding == "iso-8859-1")
        #expect(feed.title?.value == "ét")
    }

    @Test("windows-1252 code points written as Unicode (U+0092, &#146;) become the punctuation meant")
    func windows1252CodePoints() throws {
        let feed = try parse(rss(item: "<title>don&#146;t</title><description>it&amp;#146;s</description>"))
        #expect(feed.items[0].title?.value == "don\u{2019}t")
        #expect(feed.items[0].summary?.value == "it&#x2019;s")
    }

    @Test("UTF-8 that was read as latin-1 and encoded again (\"â€¦\") is repaired")
    func doubleEncoded() throws {
        let feed = try parse(rss(item: "<title>Wait&#226;&#128;&#166; what</title><description>Caf\u{C3}\u{A9} society</description>"))
        #expect(feed.items[0].title?.value == "Wait\u{2026} what")
        #expect(feed.items[0].summary?.value == "Café society")
        let plain = try parse(rss(item: "<title>Ærø and Ålborg, Müller’s café</title>"))
        #expect(plain.items[0].title?.value == "Ærø and Ålborg, Müller’s café")
    }

    @Test("Media RSS thumbnails and content, and iTunes categories, are kept with the item")
    func mediaAndITunes() throws {
        let feed = try parse(
            """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
            <channel><title>Pod</title><itunes:category text="News"><itunes:category text="Politics"/></itunes:category>
              <itunes:image href="https://pod.example/cover.jpg"/>
              <item><media:title>Clip</media:title>
                <media:thumbnail url="https://pod.example/t.jpg" width="120" height="90"/>
                <media:content url="https://pod.example/v.mp4" type="video/mp4" medium="video"/>
              </item></channel></rss>
            """)
        #expect(feed.categories.map(\.term) == ["News", "Politics"])
        #expect(feed.image?.url == "https://pod.example/cover.jpg")
        let item = try #require(feed.items.first)
        #expect(item.title?.value == "Clip")
        #expect(item.thumbnails.first?.url == "https://pod.example/t.jpg")
        #expect(item.thumbnails.first?.width == 120)
        #expect(item.media.first?.medium == "video")
    }

    @Test("XML that is not well-formed is read in recover mode and marked ill-formed")
    func notWellFormed() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><title>Broken</title><item><title>One</title></item><item><title>Two</channel></rss>")
        #expect(feed.isIllFormed)
        #expect(feed.title?.value == "Broken")
        #expect(feed.items.first?.title?.value == "One")
        #expect(feed.warnings.contains { $0.contains("not well-formed") })
    }

    @Test("an HTML page served as a feed is an error that says so")
    func htmlPage() {
        #expect(throws: FeedError.htmlPage) {
            try parse("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>")
        }
        #expect(throws: FeedError.htmlPage) {
            try parse("<html><body>Not found</body></html>")
        }
    }

    @Test("empty input, white space, binary data and text that is no markup are errors")
    func badInput() {
        #expect(throws: FeedError.empty) { try FeedParser.parse([]) }
        #expect(throws: FeedError.empty) { try FeedParser.parse(Array("  \n\t ".utf8)) }
        #expect(throws: FeedError.binary) { try FeedParser.parse([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) }
        #expect(throws: FeedError.self) { try FeedParser.parse(Array("just some words".utf8)) }
        #expect(throws: FeedError.notAFeed("note")) { try parse("<note><to>x</to></note>") }
    }

    @Test("a document over the size limit is refused before it is read")
    func tooLarge() {
        let bytes = [UInt8](repeating: 0x20, count: 2_000)
        #expect(throws: FeedError.tooLarge(bytes: 2_000, limit: 1_000)) { try FeedParser.parse(bytes, maxBytes: 1_000) }
    }

    @Test("an entity that expands without end is not expanded into memory")
    func entityExpansion() throws {
        var doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
        var previous = "a"
        for k in 1...9 {
            doc += "<!ENTITY e\(k) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = "e\(k)"
        }
        doc += "]><rss version=\"2.0\"><channel><title>&\(previous);</title></channel></rss>"
        let feed = try? parse(doc)
        #expect((feed?.title?.value.utf8.count ?? 0) < 10_000_000)
    }

    @Test("an external entity is never read from disk into the feed (XXE)")
    func externalEntity() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("precis-feeds-secret-\(getpid()).txt")
        try "TOPSECRET".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let doc =
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"\(secret.absoluteString)\">]>"
            + "<rss version=\"2.0\"><channel><title>A &x; B</title></channel></rss>"
        let title = (try? parse(doc))?.title?.value ?? ""
        let leaked = title.contains("TOPSECRET")
        #expect(!leaked, "title: \(title)")
    }

    @Test("random bytes never crash the parser")
    func fuzz() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "<rss>", "<channel>", "<item>", "</item>", "<title>", "</title>", "&", "&amp;", "<![CDATA[", "]]>",
            "<!--", "-->", "é", "\u{0}", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>", "<link href=\"", "\"/>"
        ]
        for _ in 0..<200 {
            var s = ""
            for _ in 0..<Int.random(in: 1...30, using: &generator) { s += pieces.randomElement(using: &generator)! }
            _ = try? FeedParser.parse(Array(s.utf8))
        }
    }
}
