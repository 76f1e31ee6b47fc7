import Foundation
import Precis
import PrecisIngest
import PrecisJSON
import PrecisStore
import PrecisText

/// Server-rendered pages for readers: the story list, a story, an article, from the templates of
/// `HTMLRenderer` (the same partials as `precis digest --format html`, escaping every value). The
/// style and the few lines of script are served from /assets/.
public enum Pages {
    static let style = """
        :root{--ink:#1b1b1b;--muted:#595959;--line:#d9d9d9;--accent:#0b57d0;--mark:#fff1a8;--bg:#fff}
        *{box-sizing:border-box}
        body{margin:0;font:18px/1.6 Georgia,"Times New Roman",serif;color:var(--ink);background:var(--bg)}
        a{color:var(--accent)}a:focus-visible,summary:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
        header.site{border-bottom:1px solid var(--line);padding:.75rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap;font-family:system-ui,sans-serif}
        header.site a.home{font-weight:700;text-decoration:none;color:var(--ink);font-size:1.2rem}
        header.site form{display:flex;gap:.5rem;flex:1;min-width:14rem}
        header.site input{flex:1;min-width:0;width:100%;font:inherit;padding:.4rem .6rem;border:1px solid #767676;border-radius:4px}
        header.site button{font:inherit;padding:.4rem .8rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px}
        main{max-width:44rem;margin:0 auto;padding:1rem}
        h1{font-size:1.7rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2rem;border-top:1px solid var(--line);padding-top:1rem}
        .meta{color:var(--muted);font:15px/1.4 system-ui,sans-serif}
        ol.stories{list-style:none;padding:0}ol.stories li{padding:.9rem 0;border-bottom:1px solid var(--line)}
        ol.stories a.headline{font-size:1.15rem;font-weight:700;text-decoration:none}
        .gist{margin:.25rem 0}
        a.cite{font:13px system-ui,sans-serif;vertical-align:super;text-decoration:none;padding:0 .1rem}
        ul.facts,ol.facts{font:16px/1.5 system-ui,sans-serif;padding-left:1.2rem}ul.facts li,ol.facts li{margin:.35rem 0}
        time{white-space:nowrap}
        details.source{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;margin:.6rem 0}
        details.source summary{cursor:pointer;font:16px/1.4 system-ui,sans-serif}
        mark{background:transparent}mark.highlight,mark:target{background:var(--mark);outline:2px solid #e0b400}
        .removed{font:15px/1.4 system-ui,sans-serif;color:var(--muted);border-left:3px solid var(--line);padding-left:.6rem}
        @media (max-width:600px){body{font-size:17px}h1{font-size:1.4rem}main{padding:.75rem}}
        @media print{header.site,.skip,a.cite{display:none}details.source{border:0}details.source>*{display:block}a{color:var(--ink)}}
        """

    /// Opens the source a citation points to, highlights the passage and scrolls to it.
    static let script = """
        function show(){var h=decodeURIComponent(location.hash.slice(1));if(!h)return;var t=document.getElementById(h);if(!t)return;
        document.querySelectorAll('mark.highlight').forEach(function(m){m.classList.remove('highlight')});
        for(var d=t.parentElement;d;d=d.parentElement){if(d.tagName==='DETAILS')d.open=true}
        if(t.tagName==='MARK'){t.classList.add('highlight');t.setAttribute('tabindex','-1');t.focus({preventScroll:true})}
        t.scrollIntoView({block:'center'})}
        window.addEventListener('hashchange',show);document.addEventListener('DOMContentLoaded',show);
        """

    /// A page of the site: `template` with the page's title and the search box's query.
    static func page(_ template: String, title: String, query: String = "", _ context: [String: Any]) -> String {
        var context = context
        context["pageTitle"] = title
        context["query"] = query
        return HTMLRenderer.render(template, context)
    }

    /// The story list, newest first, with a one-line gist of each; or search results for `query`.
    static func storyList(
        _ stories: [(story: StoredStory, gist: String?)], total: Int, offset: Int, limit: Int,
        query: String, results: [StoredArticle]
    ) -> String {
        if !query.isEmpty {
            let found: [[String: Any]] = results.map { a in
                [
                    "href": a.story.map { "/stories/\($0)" } ?? "/articles/\(a.id)", "headline": a.title ?? firstWords(a.text),
                    "meta": (a.site ?? a.origin) + (a.date.map { " · " + String($0.prefix(10)) } ?? "")
                ]
            }
            return page("story-list", title: "Search", query: query, ["search": true, "results": found, "stories": []])
        }
        let list: [[String: Any]] = stories.map { s, gist in
            let first = s.firstDate.map { String($0.prefix(10)) }, latest = s.latestDate.map { String($0.prefix(10)) }
            return [
                "id": s.id, "headline": s.headline ?? "Story \(s.id)", "gist": HTMLRenderer.opt(gist),
                "sources": "\(s.articles) source\(s.articles == 1 ? "" : "s")",
                "firstDate": HTMLRenderer.opt(first ?? latest), "latestDate": HTMLRenderer.opt(first != nil && latest != first ? latest : nil)
            ]
        }
        return page(
            "story-list", title: "Stories",
            [
                "search": false, "results": [], "stories": list,
                "count": "\(total) stor\(total == 1 ? "y" : "ies")",
                "newer": offset > 0 ? String(max(0, offset - limit)) as Any : false,
                "older": limit > 0 && offset < total - limit ? String(offset + limit) as Any : false
            ])
    }

    static func firstWords(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace }).prefix(12)
        return words.joined(separator: " ") + (words.count == 12 ? "…" : "")
    }

    /// A story: the summary with citation marks that open and highlight the cited passage, the facts,
    /// and the sources with their full text.
    static func story(id: Int64, digest: Digest, sources: [StoredArticle]) -> String {
        // Every passage a link points to, per source: summary sentences, the other sources carrying
        // them, and the timeline's sentences.
        var marks: [[(start: Int, end: Int)]] = Array(repeating: [], count: digest.documents.count)
        for s in digest.sentences {
            marks[s.document].append((s.start, s.end))
            for p in s.also { marks[p.document].append((p.start, p.end)) }
        }
        for entry in digest.timeline { for p in entry.sources { marks[p.document].append((p.start, p.end)) } }
        let cite: HTMLRenderer.Cite = { doc, start in
            let title = digest.documents[doc].title ?? digest.documents[doc].site ?? "source \(doc + 1)"
            return (start.map { "#p\(doc + 1)-\($0)" } ?? "#source-\(doc + 1)", "source \(doc + 1): \(title)")
        }
        var meta = "\(digest.documents.count) source\(digest.documents.count == 1 ? "" : "s")"
        if !digest.copies.isEmpty { meta += " and \(digest.copies.count) cop\(digest.copies.count == 1 ? "y" : "ies")" }
        if let span = digest.dateSpan { meta += " · " + span }
        let list: [[String: Any]] = digest.documents.enumerated().map { k, doc in
            let stored = k < sources.count ? sources[k] : nil
            var details: [[String: Any]] = []
            func add(plain: Any = false, time: Any = false, dating: Any = false) {
                details.append(["first": details.isEmpty, "plain": plain, "time": time, "dating": dating])
            }
            if let site = doc.site { add(plain: site) }
            if let date = doc.date {
                add(time: ["value": date, "shown": String(date.prefix(10))])
            } else if let inferred = doc.dateInferred, let shown = inferred.shown {
                // An inferred date is approximate, and its evidence is one click away.
                add(
                    dating: ["shown": shown, "evidence": inferred.evidence.map { ["number": $0.document + 1, "text": $0.text] as [String: Any] }]
                        as [String: Any])
            }
            return [
                "number": k + 1, "title": doc.title ?? "(untitled)", "hasDetails": !details.isEmpty, "details": details,
                "articleID": HTMLRenderer.opt(stored.map { String($0.id) }), "original": HTMLRenderer.opt(doc.url.flatMap(webAddress)),
                "paragraphs": HTMLRenderer.paragraphs(doc.text, marks: marks[k], doc: k + 1)
            ]
        }
        // The headline stems every source's text to test its title: asked once.
        let headline = digest.headline ?? "Story \(id)"
        return page(
            "story", title: headline,
            [
                "headline": headline, "meta": meta,
                "sentences": HTMLRenderer.sentences(digest, cite: cite),
                "sections": HTMLRenderer.facts(digest, level: 2, idPrefix: "", cite: cite),
                "sources": list,
                "copies": digest.copies.map {
                    ["of": $0.of + 1, "title": $0.document.title ?? $0.document.file, "site": HTMLRenderer.opt($0.document.site)] as [String: Any]
                }
            ])
    }

    /// One article, with what cleaning removed shown on request.
    static func article(_ a: StoredArticle, showRemoved: Bool) -> String {
        var meta: [[String: Any]] = []
        func add(plain: Any = false, time: Any = false, link: Any = false) {
            meta.append(["first": meta.isEmpty, "plain": plain, "time": time, "link": link])
        }
        if !a.authors.isEmpty { add(plain: "By " + a.authors.joined(separator: ", ")) }
        if let site = a.site { add(plain: site) }
        if let date = a.date { add(time: ["value": date, "shown": String(date.prefix(10))]) }
        if let url = a.url.flatMap(webAddress) { add(link: ["href": url, "text": "original", "external": true]) }
        if let story = a.story { add(link: ["href": "/stories/\(story)", "text": "its story", "external": false]) }
        let removed =
            (a.removed.flatMap { try? JSONParser.parse(Array($0.utf8)) }).flatMap { v -> [JSONValue]? in
                if case .array(let items) = v { return items }
                return nil
            } ?? []
        return page(
            "article", title: a.title ?? "Article",
            [
                "id": String(a.id), "title": a.title ?? "(untitled)", "meta": meta, "skipReason": HTMLRenderer.opt(a.skipReason),
                "paragraphs": HTMLRenderer.paragraphs(a.text, marks: [], doc: 0),
                "showRemoved": showRemoved, "hasRemoved": !removed.isEmpty,
                "removed": removed.map { ["reason": $0["reason"]?.stringValue ?? "", "text": $0["text"]?.stringValue ?? ""] },
                "removedCount": String(removed.count), "blocks": removed.count == 1 ? "block" : "blocks"
            ])
    }

    /// A page that says what was wrong with a request.
    static func problem(_ title: String, _ what: String) -> String {
        page("message", title: title, ["message": what])
    }

    static func notFound(_ what: String) -> String {
        page("message", title: "Not found", ["message": what])
    }
}
