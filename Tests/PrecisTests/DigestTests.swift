import Foundation
import PrecisIngest
import Testing

@testable import Precis

@Suite struct DigestTests {
    let raw = [
        RawDocument(
            origin: "a.txt", format: .text,
            content: """
                Storm closes Calder port

                A winter storm closed the port of Calder on Monday, stranding 40 ships in the bay.
                Harbour master Ana Okafor said the port would stay shut until the winds drop.
                """),
        RawDocument(
            origin: "b.html", format: .html,
            content: """
                <html><head><title>Port shut | Wire</title><meta property="article:published_time" content="2025-01-06"></head>
                <body><p>The port of Calder was closed on Monday as a storm battered the coast, leaving 40 ships in the bay.</p>
                <p>"We will reopen as soon as it is safe," harbour master Ana Okafor said on Monday.</p></body></html>
                """),
        RawDocument(origin: "c.txt", format: .text, content: "\n\n")
    ]

    /// A story told over months shows its course: at most twelve timeline entries, the one most
    /// sources tell and the latest among them, in date order; the section says how many it leaves
    /// to the JSON, which lists them all.
    @Test func aLongTimelineShowsItsKeyEventsAndItsLatest() throws {
        let things = [
            "ferry", "crane", "lighthouse", "pier", "dredger", "tug", "warehouse", "slipway", "beacon", "barge",
            "customs shed", "fish market", "ropewalk", "dry dock", "signal tower", "quay wall"
        ]
        var raw: [RawDocument] = []
        for (k, thing) in things.enumerated() {
            let day = String(format: "2025-%02d-%02d", 1 + k / 2, k % 2 == 0 ? 6 : 20)
            var body = "<p>The Calder harbour board sold the old \(thing) on Monday, its chair Ana Okafor said.</p>"
            // The storm that closed the port, retold by three sources.
            if k < 3 { body += "<p>A winter storm closed the port of Calder on Jan. 2, 2025, stranding 40 ships in the bay.</p>" }
            raw.append(
                RawDocument(
                    origin: "\(k).html", format: .html,
                    content: "<html><head><meta property=\"article:published_time\" content=\"\(day)\"></head><body>\(body)</body></html>"))
        }
        let digest = Pipeline().digest(raw, budget: .words(80)).digest
        #expect(digest.timeline.count > 12, "\(digest.timeline.map(\.date))")
        let shown = digest.keyEvents()
        #expect(shown.count == 12)
        #expect(shown.map(\.date) == shown.map(\.date).sorted())
        #expect(shown.first?.date == "2025-01-02" && shown.first?.sources.count == 3)
        #expect(shown.last?.date == digest.timeline.last?.date)
        let text = DigestRenderer.render(digest, as: .text)
        #expect(text.contains("Timeline: 12 key events of \(digest.timeline.count)\n"))
        let json = DigestRenderer.render(digest, as: .json)
        #expect(json.components(separatedBy: "\"expected\"").count - 1 >= digest.timeline.count)
    }

    /// Background a source recalls (an event years before it was written) comes after the story's
    /// own events when the timeline shown is cut short.
    @Test func aSentenceFromInsideAQuotationIsNoHeadline() throws {
        let article = Article(
            origin: "a.txt", title: nil, date: nil, url: nil,
            text: """
                The Calder harbour board voted on Tuesday to rebuild the north quay before the winter storms. \
                The work on the quay will cost four million euros and start in April, the board said.
                """)
        var digest = Pipeline().digest(articles: [article], budget: .words(60))
        try #require(digest.sentences.count == 2)
        #expect(digest.headline == Headline.cut(digest.sentences[0].text))
        // Shown with the marks of the quotation it stands in, the first sentence is someone's words.
        digest.sentences[0].startsInQuotation = true
        #expect(digest.headline == Headline.cut(digest.sentences[1].text))
    }

    @Test func theKeyEventsPutTheStorysOwnBeforeTheBackgroundItRecalls() throws {
        let article = Article(
            origin: "a.txt", date: "2025-03-12",
            text: """
                The Calder council voted on Tuesday to close the north quay to every ferry. \
                Divers began a survey of the old harbour wall on Wednesday morning. \
                The quay was first closed in May 2019 after a winter storm broke its wall.
                """)
        // Two more sources, telling no dated event: the recalled closure is one source's of three.
        let others = [
            Article(origin: "b.txt", date: "2025-03-12", text: "Ferry crews at Calder said the closure of the north quay would cost them their jobs."),
            Article(origin: "c.txt", date: "2025-03-12", text: "The harbour master of Calder called the closure of the north quay a sad necessity.")
        ]
        let digest = Pipeline().digest(articles: [article] + others, budget: .words(60))
        #expect(digest.timeline.count == 3, "\(digest.timeline.map(\.date))")
        let shown = digest.keyEvents(limit: 2).map(\.date)
        #expect(shown == ["2025-03-11", "2025-03-12"], "\(shown)")
        // When most sources retell it, it is how the story began, and shown.
        let retold = others.map { a in
            Article(origin: a.origin, date: a.date, text: a.text + " The quay was first closed in May 2019 when a winter storm broke its wall.")
        }
        let begun = Pipeline().digest(articles: [article] + retold, budget: .words(60)).keyEvents(limit: 2).map(\.date)
        #expect(begun.contains("2019-05"), "\(begun)")
    }

    @Test func digestCitesSourcesWithExactOffsets() throws {
        let outcome = Pipeline().digest(raw, budget: .words(60))
        #expect(outcome.skipped.map(\.origin) == ["c.txt"])
        let digest = outcome.digest
        #expect(digest.documents.count == 2)
        #expect(!digest.sentences.isEmpty)
        for s in digest.sentences {
            let scalars = Array(digest.documents[s.document].text.unicodeScalars)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[s.start..<s.end])
            #expect(String(view) == s.text)
        }
        #expect(digest.documents[0].title == "Storm closes Calder port")
        #expect(digest.documents[1].title == "Port shut")
        #expect(digest.documents[1].date == "2025-01-06")
    }

    /// A notice among the articles ("Tweet with a location", a login wall) is no source: skipped
    /// with the reason story clustering gives, not listed. Alone, it is all there is to summarise.
    @Test func aNoticeAmongArticlesIsSkippedWithItsReason() throws {
        let notice = RawDocument(origin: "n.txt", format: .text, content: "Sign in to see this post\n")
        let outcome = Pipeline().digest(raw + [notice], budget: .words(60))
        #expect(outcome.skipped.map(\.origin) == ["c.txt", "n.txt"])
        #expect(outcome.skipped.last?.reason.hasPrefix("not an article: 6 words of text") == true, "\(outcome.skipped)")
        #expect(outcome.digest.documents.map(\.file) == ["a.txt", "b.html"])
        let alone = Pipeline().digest([notice], budget: .words(60))
        #expect(alone.skipped.isEmpty && alone.digest.documents.count == 1)
    }

    /// A batch run's summary of a cluster is the one its digest shows, the preview a later report
    /// overtook left out alike, with each sentence citing the cluster's own document (a notice and
    /// an empty entry counted, the sources' date order undone).
    @Test func aBatchSummaryIsTheDigestsSummary() throws {
        let cluster = Cluster(
            id: .string("c1"), origin: "test",
            documents: [
                RawDocument(origin: "n.txt", format: .text, content: "Sign in to see this post\n"),
                RawDocument(
                    origin: "later.txt", format: .text,
                    content: """
                        Calder's council voted on Tuesday to rebuild the north quay, by nine votes to four.                         The work will cost the town about two million pounds. Divers start in May.
                        """, date: "2025-03-12"),
                RawDocument(origin: "e.txt", format: .text, content: "\n\n"),
                RawDocument(
                    origin: "earlier.txt", format: .text,
                    content: """
                        Calder's council will vote on Tuesday on a plan to rebuild the north quay.                         The quay has been shut since the winter storms damaged its piles.
                        """, date: "2025-03-09")
            ])
        let pipeline = Pipeline()
        let (sentences, skipped) = pipeline.summarize(cluster: cluster, budget: .words(80))
        #expect(Set(skipped.map(\.origin)) == ["e.txt", "n.txt"])
        let digest = pipeline.digest(cluster.documents, budget: .words(80)).digest
        #expect(digest.documents.map(\.file) == ["earlier.txt", "later.txt"])
        #expect(sentences.map(\.text) == digest.sentences.map(\.text))
        #expect(!sentences.contains { $0.text.contains("will vote") }, "\(sentences.map(\.text))")
        for s in sentences { #expect(cluster.documents[s.document].content.contains(s.text), "\(s.document): \(s.text)") }
    }

    @Test func jsonFormHasTheDocumentedShape() throws {
        let digest = Pipeline().digest(raw, budget: .words(60)).digest
        let data = Data(DigestRenderer.render(digest, as: .json).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["summary"] as? String == digest.summary)
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(Set(sentences.first?.keys.map { $0 } ?? []) == ["text", "document", "start", "end"])
        let documents = try #require(object["documents"] as? [[String: Any]])
        for key in ["file", "title", "date", "text"] { #expect(documents[0].keys.contains(key)) }
        // Unknown title or date is written as null, not left out.
        #expect(documents[0]["date"] is NSNull)
    }

    @Test func textAndMarkdownMarkCitationsAndListSources() {
        let digest = Pipeline().digest(raw, budget: .words(60)).digest
        let text = DigestRenderer.render(digest, as: .text)
        #expect(text.contains("[1]") || text.contains("[2]"))
        #expect(text.contains("Sources\n[1] Storm closes Calder port"))
        let markdown = DigestRenderer.render(digest, as: .markdown)
        #expect(markdown.contains("## Sources\n\n1. Storm closes Calder port"))
    }

    @Test func aLongTimelineEntryHangsBesideItsDateColumn() throws {
        // An undated source's announced event is shown with a wider date ("after 2025-04-07"), so
        // every entry's text starts further right, and the lines it wraps onto start there too.
        let report = Article(
            origin: "a.txt", date: "2025-03-11",
            text: """
                The Calder council voted on Tuesday to rebuild the storm-wrecked harbour wall before winter, after fishing crews and the port authority had asked for the repair for two years.
                """)
        let later = Article(
            origin: "b.txt",
            text: """
                The Calder harbour wall, finished on April 2, 2025, already shows cracks along its northern end. \
                The council's works committee is expected on Monday to hear engineers explain the cracks in the new harbour wall.
                """)
        let text = DigestRenderer.render(Pipeline().digest(articles: [report, later], budget: .words(60)), as: .text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains { $0.hasPrefix("after 2025-04-07") }, "\(text)")
        let k = try #require(lines.firstIndex { $0.hasPrefix("2025-03-11") })
        let column = try #require(lines[k].dropFirst(10).firstIndex { $0 != " " }).utf16Offset(in: lines[k])
        #expect(column > 11)
        let next = lines[k + 1]
        #expect(next.prefix(column).allSatisfy { $0 == " " } && next.dropFirst(column).first != " ", "\(lines[k])\n\(next)")
    }

    @Test func theStorysDevelopmentsComeBeforeItsBackground() throws {
        // Three dated reports of one inquiry. Each retells the collapse of January (background, months
        // before any of them was written), which all three share; each also tells what happened that
        // week. A short summary tells the week's news, not the background all three repeat.
        let background = "The Kessel bridge collapsed on January 9, 2025, killing four drivers and cutting the valley road."
        let articles = [
            Article(
                origin: "a.txt", date: "2025-06-10",
                text: "\(background) The Kessel bridge inquiry heard the builder's engineers on Tuesday, who blamed the river's floods."),
            Article(
                origin: "b.txt", date: "2025-06-12",
                text: "The Kessel bridge collapsed on January 9, 2025, killing four drivers on the valley road. "
                    + "The Kessel inquiry found on Thursday that the builder had skipped two safety checks on the bridge."),
            Article(
                origin: "c.txt", date: "2025-06-16",
                text: "Four drivers died when the Kessel bridge collapsed on January 9, 2025, cutting the valley road. "
                    + "The builder's chief resigned on Monday after the Kessel inquiry blamed the firm for the bridge collapse.")
        ]
        let facts = Pipeline().facts(articles: articles)
        let told = facts.background(dates: articles.map(\.date))
        #expect(Set(told.map(\.document)) == [0, 1, 2], "\(told)")
        for span in told {
            let scalars = Array(articles[span.document].text.unicodeScalars)[span.start..<span.end]
            #expect(String(String.UnicodeScalarView(scalars)).contains("January 9"))
        }
        let summary = Pipeline().digest(articles: articles, budget: .words(40)).sentences.map(\.text)
        #expect(!summary.contains { $0.contains("January 9") }, "\(summary)")
        #expect(summary.contains { $0.contains("resigned") || $0.contains("skipped") }, "\(summary)")
        // Weighed as news, the background all three share is what a short summary would tell.
        var pipeline = Pipeline()
        pipeline.summarizer.options.backgroundWeight = 1
        let unweighed = pipeline.digest(articles: articles, budget: .words(40)).sentences.map(\.text)
        #expect(unweighed.contains { $0.contains("January 9") }, "\(unweighed)")
    }

    @Test func htmlEscapesArticleText() {
        let hostile = RawDocument(
            origin: "x.txt", format: .text,
            content: """
                The council said <script>alert(1)</script> was found in the page on Monday, in Calder town hall.
                """, title: "<script>alert('t')</script>")
        let digest = Pipeline().digest([hostile], budget: .words(50)).digest
        let html = DigestRenderer.render(digest, as: .html)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("href=\"#source-1\""))
    }

    @Test func keyQuotesPutTheStorysVoicesFirst() throws {
        // Found reading the seeds' digest: the list was the first six speakers with a whole quotation,
        // in text order, and left out North Korea's envoy, quoted four times in partial quotations.
        let one = RawDocument(
            origin: "a.txt", format: .text,
            content: """
                Calder port stays shut

                "We have done what we could for the fishing fleet," said Mayor Ilse Marr.

                Port director Ana Okafor said the storm had wrecked "the north quay and all three cranes" on Monday.

                Okafor said repairs would take "a month at the very least" and cost more than planned.

                A dock worker, Tomas Reyes, said the port was "finished."
                """)
        let two = RawDocument(
            origin: "b.txt", format: .text,
            content: """
                Storm wrecks Calder quay

                Ana Okafor, the harbour master, said the port would reopen "only when it is safe."

                "Nobody saw a storm like this coming," said Jan Pugh, a retired pilot.
                """)
        let digest = Pipeline().digest([one, two], budget: .words(60)).digest
        let quotes = digest.keyQuotes().map(\.quote)
        // Quoted by both sources, three times: first, with a whole quotation if she has one, else the
        // statement that quotes the most of her words.
        #expect(quotes.first?.speaker == "Ana Okafor")
        #expect(quotes.first?.text.contains("the north quay and all three cranes") == true)
        #expect(quotes.prefix(3).map(\.speaker) == ["Ana Okafor", "Ilse Marr", "Jan Pugh"])
        // A statement that quotes a single word is no quote to show.
        #expect(!quotes.contains { $0.speaker == "Tomas Reyes" })
        #expect(quotes.filter { $0.speaker == "Ana Okafor" }.count == 3, "her other quotes follow once every voice has one")
        // In JSON, each quote carries the role its own source gives the speaker, or null.
        let json = digest.json.serialized(pretty: false)
        #expect(json.contains(#""speaker":"Jan Pugh","role":"a retired pilot""#))
        #expect(json.contains(#""speaker":"Ilse Marr","role":"Mayor""#))
        #expect(json.contains(#""speaker":"Ana Okafor","role":null,"text":"repairs would take"#))
    }

    @Test func wireCopysTypedQuotationMarksAreQuotations() throws {
        // Found reading digests of AP and NYT wire copy (TimeBank), which write quotations as ``...'':
        // "who said what" held one quotation left open, and quoted sentences were timeline events.
        let wire = RawDocument(
            origin: "wire.txt", format: .text,
            content: """
                CALDER (AP) _ A winter storm closed the port of Calder on Monday, stranding 40 ships in the bay.

                ``We will reopen the north quay on Friday, when the divers are done,'' harbour master Ana Okafor said.

                ``Nobody saw a storm like this coming,'' said Jan Pugh, a retired pilot.
                """)
        let digest = Pipeline().digest([wire], budget: .words(60)).digest
        let quotes = digest.keyQuotes().map(\.quote)
        #expect(quotes.map(\.speaker).sorted() == ["Ana Okafor", "Jan Pugh"])
        #expect(quotes.allSatisfy { !$0.text.contains("``") && !$0.text.contains("''") })
        #expect(!digest.timeline.contains { $0.text.contains("north quay") }, "a quotation is no event")
    }

    @Test func aQuotationTwoSourcesRepeatIsShownOnce() throws {
        // Found reading the dev digests: a spokesman's words, quoted by two sources with a comma
        // more or less, were listed twice under "Who said what".
        let one = RawDocument(
            origin: "a.txt", format: .text,
            content: """
                Calder port stays shut

                "In every case we are focused on the ferries that pose a direct risk to the harbour and its crews," harbour spokesman Ivo Marsh said on Monday.

                "We will reopen the north quay when the divers are done," Marsh said.
                """)
        let two = RawDocument(
            origin: "b.txt", format: .text,
            content: """
                Storm wrecks Calder quay

                "In every case, we are focused on the ferries that pose a direct risk to the harbour and its crews," Ivo Marsh said.
                """)
        let digest = Pipeline().digest([one, two], budget: .words(60)).digest
        let shown = digest.keyQuotes().filter { $0.quote.speaker == "Ivo Marsh" }
        #expect(shown.count == 2)
        #expect(shown.filter { $0.quote.text.contains("focused on the ferries") }.count == 1)
    }

    @Test func aSentenceFromInsideAQuotationIsMarkedInEveryForm() throws {
        let doc = RawDocument(
            origin: "q.txt", format: .text,
            content: """
                \u{201C}Calder will not reopen the port this week. The storm wrecked the north quay and all three cranes. \
                We need a month at least,\u{201D} harbour master Ana Okafor said on Monday.
                """)
        let digest = Pipeline().digest([doc], budget: .sentences(5)).digest
        let inside = try #require(digest.sentences.first { $0.text.hasPrefix("The storm wrecked") })
        let shown = "\u{201C}The storm wrecked the north quay and all three cranes.\u{201D}"
        for format in [DigestFormat.markdown, .html] {
            #expect(DigestRenderer.render(digest, as: format).contains(shown), "\(format)")
        }
        // Plain text wraps its lines.
        #expect(DigestRenderer.render(digest, as: .text).split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(shown))
        // JSON keeps the source's exact range as text and says which marks it lacks.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DigestRenderer.render(digest, as: .json).utf8)) as? [String: Any])
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        let json = try #require(sentences.first { ($0["text"] as? String) == inside.text })
        #expect(json["quotation"] as? [String: Bool] == ["opens_before": true, "closes_after": true])
        #expect((object["summary"] as? String)?.contains(shown) == true)
        // Chosen with them, the sentence that names the speaker names them for all.
        #expect(digest.sentences.contains { $0.text.hasPrefix("We need a month") })
        #expect(digest.sentences.allSatisfy { $0.speaker == nil })
        // Without it, the speaker is named beside the last sentence of the quotation that is
        // chosen, with where the source names them.
        var part = digest
        part.sentences.removeAll { $0.text.hasPrefix("We need a month") }
        part.nameQuotationSpeakers()
        #expect(part.sentences.first { $0.text.hasPrefix("\u{201C}Calder will not") }?.speaker == nil)
        let named = try #require(part.sentences.first { $0.text.hasPrefix("The storm wrecked") })
        #expect(named.speaker?.name == "Ana Okafor")
        #expect(named.shown == shown + " \u{2014} Ana Okafor")
        let partObject = try #require(try JSONSerialization.jsonObject(with: Data(DigestRenderer.render(part, as: .json).utf8)) as? [String: Any])
        let partSentences = try #require(partObject["sentences"] as? [[String: Any]])
        let speaker = try #require(partSentences.first { ($0["text"] as? String) == named.text }?["speaker"] as? [String: Any])
        #expect(speaker["name"] as? String == "Ana Okafor")
        let start = try #require(speaker["start"] as? Int), end = try #require(speaker["end"] as? Int)
        let text = Array(part.documents[0].text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(text[start..<end])).contains("Ana Okafor"))
        #expect(DigestRenderer.render(part, as: .markdown).contains(shown + " \u{2014} Ana Okafor"))
    }

    @Test func markdownEscapesMarkup() {
        #expect(DigestRenderer.escapeMarkdown("a *b* [c](d) <e>") == "a \\*b\\* \\[c\\](d) \\<e\\>")
    }
}
