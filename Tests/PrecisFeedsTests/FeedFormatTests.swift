import Foundation
import PrecisFeeds
import Testing

/// Each feed format Precis reads, on small feeds written for these tests (invented sites and stories).
@Suite("Feed formats")
struct FeedFormatTests {
    func parse(_ xml: String, url: String? = nil, contentType: String? = nil) throws -> Feed {
        try FeedParser.parse(Array(xml.utf8), url: url, contentType: contentType)
    }

    @Test("RSS 2.0: title, link, guid, pubDate, dc:creator, content:encoded and description are read")
    func rss20() throws {
        let feed = try parse(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel>
              <title>Harbor Gazette</title><link>https://gazette.example/</link><language>en-gb</language>
              <item>
                <title>Port of Calder reopens</title>
                <link>https://gazette.example/2026/port</link>
                <guid isPermaLink="false">port-0412</guid>
                <pubDate>Tue, 14 Apr 2026 09:30:00 GMT</pubDate>
                <dc:creator>Ilse Marr</dc:creator>
                <description>The port reopened on Tuesday.</description>
                <content:encoded><![CDATA[<p>The port <b>reopened</b> on Tuesday.</p>]]></content:encoded>
                <category>Shipping</category>
              </item>
            </channel></rss>
            """)
        #expect(feed.format == "rss20")
        #expect(feed.title?.value == "Harbor Gazette")
        #expect(feed.link == "https://gazette.example/")
        #expect(feed.language == "en-gb")
        #expect(feed.warnings.isEmpty)
        let item = try #require(feed.items.first)
        #expect(item.title?.value == "Port of Calder reopens")
        #expect(item.link == "https://gazette.example/2026/port")
        #expect(item.id == "port-0412")
        #expect(item.published?.iso8601 == "2026-04-14T09:30:00Z")
        #expect(item.authorNames == ["Ilse Marr"])
        #expect(item.summary?.value == "The port reopened on Tuesday.")
        #expect(item.content.first?.value == "<p>The port <b>reopened</b> on Tuesday.</p>")
        #expect(item.content.first?.type == "text/html")
        #expect(item.categories.map(\.term) == ["Shipping"])
    }

    @Test("an RSS guid that is a permalink is the link of an item without one")
    func guidPermalink() throws {
        let feed = try parse(
            """
            <rss version="2.0"><channel><title>t</title>
            <item><guid>https://news.example/a/1</guid><title>A</title></item>
            <item><guid isPermaLink="false">https://news.example/a/2</guid><title>B</title></item>
            </channel></rss>
            """)
        #expect(feed.items[0].link == "https://news.example/a/1")
        #expect(feed.items[0].linkFromGuid)
        #expect(feed.items[1].link == nil)
    }

    @Test("an item's body is its content when it has some, else its summary")
    func body() throws {
        let feed = try parse(
            """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <item><description>Teaser</description><content:encoded>&lt;p&gt;Full&lt;/p&gt;</content:encoded></item>
            <item><description>Only a teaser</description></item>
            </channel></rss>
            """)
        #expect(feed.items[0].body?.value == "<p>Full</p>")
        #expect(feed.items[1].body?.value == "Only a teaser")
    }

    @Test("the HTTP Content-Language is the language of text that names none")
    func contentLanguage() throws {
        let xml = #"<feed xmlns="http://www.w3.org/2005/Atom"><title>Titel</title><entry xml:lang="fr"><title>Titre</title></entry></feed>"#
        let feed = try FeedParser.parse(Array(xml.utf8), contentLanguage: "de-DE, en")
        #expect(feed.language == "de-DE")
        #expect(feed.title?.language == "de-DE")
        #expect(feed.items[0].title?.language == "fr")
    }

    @Test("RSS author \"email (Name)\" gives the name and the email apart")
    func rssAuthor() throws {
        let feed = try parse(
            """
            <rss version="2.0"><channel><item><author>desk@gazette.example (Tomas Vey)</author></item></channel></rss>
            """)
        let author = try #require(feed.items.first?.authors.first)
        #expect(author.name == "Tomas Vey")
        #expect(author.email == "desk@gazette.example")
    }

    @Test("RSS 0.91 and 0.92 are recognised by their version")
    func rss09x() throws {
        #expect(try parse(#"<rss version="0.91"><channel><title>x</title></channel></rss>"#).format == "rss091u")
        #expect(try parse(#"<rss version="0.92"><channel><title>x</title></channel></rss>"#).format == "rss092")
    }

    @Test("RSS 1.0 (RDF): items beside the channel, dc:date as the update time")
    func rss10() throws {
        let feed = try parse(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://wire.example/rss"><title>Wire</title><link>https://wire.example/</link></channel>
              <item rdf:about="https://wire.example/s/9"><title>Talks resume</title><link>https://wire.example/s/9</link>
                <dc:date>2026-03-02T08:00:00+01:00</dc:date></item>
            </rdf:RDF>
            """)
        #expect(feed.format == "rss10")
        #expect(feed.title?.value == "Wire")
        #expect(feed.items.count == 1)
        #expect(feed.items[0].id == "https://wire.example/s/9")
        #expect(feed.items[0].updated?.iso8601 == "2026-03-02T07:00:00Z")
    }

    @Test("Atom 1.0: alternate link, published and updated, author name and email, xhtml content without its div")
    func atom10() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title type="text">Calder Daily</title>
              <link rel="self" href="https://daily.example/atom.xml"/>
              <link rel="alternate" href="https://daily.example/"/>
              <updated>2026-05-01T12:00:00Z</updated>
              <entry>
                <id>tag:daily.example,2026:1</id>
                <title type="html">Mayor &amp;lt;b&amp;gt;resigns&amp;lt;/b&amp;gt;</title>
                <link rel="alternate" type="text/html" href="https://daily.example/mayor"/>
                <link rel="enclosure" type="audio/mpeg" length="1200" href="https://daily.example/mayor.mp3"/>
                <published>2026-05-01T10:00:00-04:00</published>
                <updated>2026-05-01T11:00:00Z</updated>
                <author><name>Ana Lind</name><email>ana@daily.example</email></author>
                <summary>The mayor resigned.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The mayor <em>resigned</em>.</p></div></content>
              </entry>
            </feed>
            """)
        #expect(feed.format == "atom10")
        #expect(feed.link == "https://daily.example/")
        #expect(feed.language == "en")
        let entry = try #require(feed.items.first)
        #expect(entry.id == "tag:daily.example,2026:1")
        #expect(entry.title?.type == "text/html")
        #expect(entry.title?.value == "Mayor &lt;b&gt;resigns&lt;/b&gt;")
        #expect(entry.link == "https://daily.example/mayor")
        #expect(entry.published?.iso8601 == "2026-05-01T14:00:00Z")
        #expect(entry.updated?.iso8601 == "2026-05-01T11:00:00Z")
        #expect(entry.authors == [FeedPerson(name: "Ana Lind", email: "ana@daily.example")])
        #expect(entry.content.first?.type == "application/xhtml+xml")
        #expect(entry.content.first?.value == "<p>The mayor <em>resigned</em>.</p>")
        #expect(entry.enclosures.map(\.href) == ["https://daily.example/mayor.mp3"])
        #expect(entry.title?.language == "en")
    }

    @Test("Atom 0.3: issued and modified are published and updated; escaped content is HTML")
    func atom03() throws {
        let feed = try parse(
            """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Old Atom</title><link rel="alternate" type="text/html" href="http://old.example/"/>
              <entry><title>Entry</title><link rel="alternate" type="text/html" href="http://old.example/1"/>
                <issued>2004-01-02T03:04:05Z</issued><modified>2004-01-03T03:04:05Z</modified>
                <content type="text/html" mode="escaped">&lt;p&gt;Hello&lt;/p&gt;</content>
              </entry>
            </feed>
            """)
        #expect(feed.format == "atom03")
        let entry = try #require(feed.items.first)
        #expect(entry.published?.iso8601 == "2004-01-02T03:04:05Z")
        #expect(entry.updated?.iso8601 == "2004-01-03T03:04:05Z")
        #expect(entry.content.first?.value == "<p>Hello</p>")
        #expect(entry.content.first?.type == "text/html")
    }

    @Test("CDF: the channel's and items' HREF and LASTMOD attributes are links and dates")
    func cdf() throws {
        let feed = try parse(
            """
            <CHANNEL HREF="http://cdf.example/" LASTMOD="2004-04-06T23:05:43-05:00">
              <TITLE>Channel</TITLE><ABSTRACT>About it</ABSTRACT>
              <ITEM HREF="http://cdf.example/1" LASTMOD="2004-04-06T23:05:43-05:00"><TITLE>One</TITLE></ITEM>
            </CHANNEL>
            """)
        #expect(feed.format == "cdf")
        #expect(feed.link == "http://cdf.example/")
        #expect(feed.subtitle?.value == "About it")
        #expect(feed.items.first?.link == "http://cdf.example/1")
        #expect(feed.items.first?.updated?.iso8601 == "2004-04-07T04:05:43Z")
    }

    @Test("JSON Feed 1.1: items with HTML content, dates, authors, tags and attachments")
    func jsonFeed() throws {
        let feed = try parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Night Desk", "home_page_url": "https://desk.example/",
             "authors": [{"name": "Night Desk"}],
             "items": [{"id": 7, "url": "https://desk.example/7", "title": "Storm warning",
                        "content_html": "<p>A storm is coming.</p>", "date_published": "2026-01-09T22:15:00+02:00",
                        "tags": ["weather"], "attachments": [{"url": "https://desk.example/7.mp3", "mime_type": "audio/mpeg"}]}]}
            """)
        #expect(feed.format == "json11")
        #expect(feed.title?.value == "Night Desk")
        #expect(feed.link == "https://desk.example/")
        let item = try #require(feed.items.first)
        #expect(item.id == "7")
        #expect(item.link == "https://desk.example/7")
        #expect(item.content.first == FeedText(value: "<p>A storm is coming.</p>", type: "text/html"))
        #expect(item.published?.iso8601 == "2026-01-09T20:15:00Z")
        #expect(item.authorNames == ["Night Desk"])
        #expect(item.categories.map(\.term) == ["weather"])
        #expect(item.enclosures.first?.type == "audio/mpeg")
    }

    @Test("JSON Feed 1.0 is told apart from 1.1")
    func jsonFeed10() throws {
        let feed = try parse(#"{"version": "https://jsonfeed.org/version/1", "title": "x", "items": []}"#)
        #expect(feed.format == "json10")
    }

    @Test("the feedparser-shaped JSON has the version, bozo, feed and entries")
    func feedparserShape() throws {
        let feed = try parse(
            """
            <rss version="2.0"><channel><title>T</title><item><title>I</title><pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate></item></channel></rss>
            """)
        let json = feed.feedparserJSON()
        #expect(json.hasPrefix(#"{"version":"rss20","encoding":"utf-8","bozo":false,"feed":{"title":"T""#))
        #expect(json.contains(#""published_parsed":"2004-01-01T19:48:21Z""#))
    }
}
