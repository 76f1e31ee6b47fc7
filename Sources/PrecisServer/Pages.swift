import Foundation
import Precis
import PrecisIngest
import PrecisStore
import PrecisText
import PrecisJSON

/// Server-rendered pages for readers: the story list, a story, an article. No external assets: the
/// style and the few lines of script are in the page. All text from articles is escaped.
public enum Pages {
    static func e(_ s: String) -> String { DigestRenderer.escapeHTML(s) }

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

    static func layout(title: String, query: String = "", body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title)) · Precis</title>
        <link rel="stylesheet" href="/assets/precis.css">
        <script src="/assets/precis.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site" role="banner">
        <a class="home" href="/">Precis</a>
        <form role="search" action="/" method="get"><label for="q" class="skip">Search articles</label>
        <input id="q" name="q" type="search" placeholder="Search articles" value="\(e(query))"><button type="submit">Search</button></form>
        </header>
        <main id="main">
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// The story list, newest first, with a one-line gist of each; or search results for `query`.
    static func storyList(_ stories: [(story: StoredStory, gist: String?)], total: Int, offset: Int, limit: Int,
                          query: String, results: [StoredArticle]) -> String {
        var body = ""
        if !query.isEmpty {
            body += "<h1>Articles matching “\(e(query))”</h1>\n"
            if results.isEmpty { body += "<p>No article holds all these words.</p>\n" }
            body += "<ol class=\"stories\">\n"
            for a in results {
                let link = a.story.map { "/stories/\($0)" } ?? "/articles/\(a.id)"
                body += "<li><a class=\"headline\" href=\"\(link)\">\(e(a.title ?? firstWords(a.text)))</a><div class=\"meta\">\(e(a.site ?? a.origin))\(a.date.map { " · " + e(String($0.prefix(10))) } ?? "")</div></li>\n"
            }
            return layout(title: "Search", query: query, body: body + "</ol>\n")
        }
        body += "<h1>Stories</h1>\n<p class=\"meta\">\(total) stor\(total == 1 ? "y" : "ies"), newest first</p>\n<ol class=\"stories\">\n"
        for (s, gist) in stories {
            let span: String
            switch (s.firstDate.map { String($0.prefix(10)) }, s.latestDate.map { String($0.prefix(10)) }) {
            case let (a?, b?) where a != b: span = " · <time datetime=\"\(e(a))\">\(e(a))</time> to <time datetime=\"\(e(b))\">\(e(b))</time>"
            case let (a?, _): span = " · <time datetime=\"\(e(a))\">\(e(a))</time>"
            default: span = ""
            }
            body += "<li><a class=\"headline\" href=\"/stories/\(s.id)\">\(e(s.headline ?? "Story \(s.id)"))</a>\n"
            if let gist { body += "<p class=\"gist\">\(e(gist))</p>\n" }
            body += "<div class=\"meta\">\(s.articles) source\(s.articles == 1 ? "" : "s")\(span)</div></li>\n"
        }
        body += "</ol>\n"
        if offset > 0 { body += "<a href=\"/?offset=\(max(0, offset - limit))\">Newer stories</a> " }
        if limit > 0, offset < total - limit { body += "<a href=\"/?offset=\(offset + limit)\">Older stories</a>" }
        return layout(title: "Stories", body: body)
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
        func cite(_ doc: Int, _ start: Int?) -> String {
            let target = start.map { "p\(doc + 1)-\($0)" } ?? "source-\(doc + 1)"
            let title = digest.documents[doc].title ?? digest.documents[doc].site ?? "source \(doc + 1)"
            return "<a class=\"cite\" href=\"#\(target)\" aria-label=\"source \(doc + 1): \(e(title))\">[\(doc + 1)]</a>"
        }
        var body = "<article aria-labelledby=\"headline\">\n<h1 id=\"headline\">\(e(digest.headline ?? "Story \(id)"))</h1>\n"
        var meta = "\(digest.documents.count) source\(digest.documents.count == 1 ? "" : "s")"
        if !digest.copies.isEmpty { meta += " and \(digest.copies.count) cop\(digest.copies.count == 1 ? "y" : "ies")" }
        if let (a, b) = digest.dateRange { meta += a == b ? " · \(a)" : " · \(a) to \(b)" }
        body += "<p class=\"meta\">\(e(meta))</p>\n<section aria-label=\"Summary\"><p class=\"summary\">"
        if digest.sentences.isEmpty { body += "<em>No sentence in these articles could be used for a summary.</em>" }
        for s in digest.sentences {
            body += "<span class=\"sentence\">\(e(s.shown))</span>" + cite(s.document, s.start)
            for p in s.also { body += cite(p.document, p.start) }
            body += " "
        }
        body += "</p></section>\n"
        for section in DigestRenderer.factSections(digest) {
            let list = section.cssClass == "timeline" ? "ol" : "ul"
            body += "<section aria-labelledby=\"h-\(section.cssClass)\"><h2 id=\"h-\(section.cssClass)\">\(e(section.title))</h2>\n<\(list) class=\"facts \(section.cssClass)\">\n"
            for item in section.items {
                var li = "<li>"
                if let date = item.dateHTML(e) { li += date + " " }
                if let label = item.label { li += "<strong>\(e(label))</strong>: " }
                li += item.parts.map { part in
                    e(part.text) + part.documents.map { cite($0, nil) }.joined() + (part.note.map { " (\(e($0)))" } ?? "")
                }.joined(separator: "; ")
                body += li + "</li>\n"
            }
            body += "</\(list)></section>\n"
        }
        body += "<section aria-labelledby=\"h-sources\"><h2 id=\"h-sources\">Sources</h2>\n"
        for (k, doc) in digest.documents.enumerated() {
            let stored = k < sources.count ? sources[k] : nil
            var line = "<strong>[\(k + 1)] \(e(doc.title ?? "(untitled)"))</strong>"
            var details: [String] = []
            if let site = doc.site { details.append(e(site)) }
            if let date = doc.date {
                details.append("<time datetime=\"\(e(date))\">\(e(String(date.prefix(10))))</time>")
            } else if let inferred = doc.dateInferred, let shown = inferred.shown {
                // An inferred date is approximate, and its evidence is one click away.
                let evidence = inferred.evidence.map { "<li>[\($0.document + 1)] \(e($0.text))</li>" }.joined()
                details.append("<details class=\"dating\"><summary>\(e(shown)) (inferred)</summary><ul>\(evidence)</ul></details>")
            }
            if !details.isEmpty { line += " <span class=\"meta\">\(details.joined(separator: " · "))</span>" }
            body += "<details class=\"source\" id=\"source-\(k + 1)\"><summary>\(line)</summary>\n"
            if let stored { body += "<p class=\"meta\"><a href=\"/articles/\(stored.id)\">Article page</a>\(doc.url.flatMap(webAddress).map { " · <a href=\"\(e($0))\" rel=\"noopener noreferrer\">original</a>" } ?? "")</p>\n" }
            body += "<div class=\"text\">" + markedText(doc.text, marks[k], doc: k + 1) + "</div></details>\n"
        }
        for copy in digest.copies {
            body += "<p class=\"meta\">Copy of [\(copy.of + 1)]: \(e(copy.document.title ?? copy.document.file))\(copy.document.site.map { " · " + e($0) } ?? "")</p>\n"
        }
        body += "</section>\n</article>\n"
        return layout(title: digest.headline ?? "Story \(id)", body: body)
    }

    /// A text as paragraphs, with the given scalar spans wrapped in `<mark id="p{doc}-{start}">`.
    static func markedText(_ text: String, _ spans: [(start: Int, end: Int)], doc: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var kept: [(start: Int, end: Int)] = []
        for s in spans.sorted(by: { $0.start < $1.start }) where s.start >= 0 && s.end <= scalars.count && s.start < s.end {
            if let last = kept.last, s.start < last.end { continue }
            kept.append(s)
        }
        func paragraphs(_ a: Int, _ b: Int, inMark: Bool) -> String {
            let chunk = String(String.UnicodeScalarView(scalars[a..<b]))
            if inMark { return e(chunk.replacingOccurrences(of: "\n", with: " ")) }
            return e(chunk).replacingOccurrences(of: "\n\n", with: "</p>\n<p>").replacingOccurrences(of: "\n", with: "<br>")
        }
        var out = "<p>"
        var i = 0
        for s in kept {
            out += paragraphs(i, s.start, inMark: false)
            out += "<mark id=\"p\(doc)-\(s.start)\">" + paragraphs(s.start, s.end, inMark: true) + "</mark>"
            i = s.end
        }
        out += paragraphs(i, scalars.count, inMark: false) + "</p>"
        return out
    }

    /// One article, with what cleaning removed shown on request.
    static func article(_ a: StoredArticle, showRemoved: Bool) -> String {
        var body = "<article aria-labelledby=\"headline\"><h1 id=\"headline\">\(e(a.title ?? "(untitled)"))</h1>\n"
        var meta: [String] = []
        if let site = a.site { meta.append(e(site)) }
        if let date = a.date { meta.append("<time datetime=\"\(e(date))\">\(e(String(date.prefix(10))))</time>") }
        if let url = a.url.flatMap(webAddress) { meta.append("<a href=\"\(e(url))\" rel=\"noopener noreferrer\">original</a>") }
        if let story = a.story { meta.append("<a href=\"/stories/\(story)\">its story</a>") }
        body += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"
        if let reason = a.skipReason { body += "<p class=\"meta\">In no story: \(e(reason))</p>\n" }
        body += "<div class=\"text\">" + markedText(a.text, [], doc: 0) + "</div>\n"
        let removed = (a.removed.flatMap { try? JSONParser.parse(Array($0.utf8)) }).flatMap { v -> [JSONValue]? in
            if case .array(let items) = v { return items }
            return nil
        } ?? []
        if showRemoved {
            body += "<section aria-labelledby=\"h-removed\"><h2 id=\"h-removed\">Removed by cleaning</h2>\n"
            if removed.isEmpty { body += "<p class=\"meta\">Nothing was removed.</p>\n" }
            for block in removed {
                body += "<p class=\"removed\"><strong>\(e(block["reason"]?.stringValue ?? ""))</strong>: \(e(block["text"]?.stringValue ?? ""))</p>\n"
            }
            body += "<p><a href=\"/articles/\(a.id)\">Hide removed text</a></p></section>\n"
        } else if !removed.isEmpty {
            body += "<p><a href=\"/articles/\(a.id)?removed=1\">Show the \(removed.count) block\(removed.count == 1 ? "" : "s") cleaning removed</a></p>\n"
        }
        return layout(title: a.title ?? "Article", body: body + "</article>\n")
    }

    /// A page that says what was wrong with a request.
    static func problem(_ title: String, _ what: String) -> String {
        layout(title: title, body: "<h1>\(e(title))</h1><p>\(e(what))</p><p><a href=\"/\">All stories</a></p>")
    }

    static func notFound(_ what: String) -> String {
        layout(title: "Not found", body: "<h1>Not found</h1><p>\(e(what))</p><p><a href=\"/\">All stories</a></p>")
    }
}
