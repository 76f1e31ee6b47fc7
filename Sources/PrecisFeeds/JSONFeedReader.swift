import PrecisIngest
import PrecisJSON

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org), read with the project's JSON parser.
enum JSONFeedReader {
    static func read(_ bytes: [UInt8], url: String?) throws(FeedError) -> Feed {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw .unreadable("invalid JSON (\(error))") }
        guard case .object = value else { throw .notAFeed("JSON that is not an object") }
        guard let version = value["version"]?.stringValue, version.contains("jsonfeed.org/version/") else {
            throw .notAFeed("JSON without a JSON Feed version")
        }
        var feed = Feed(format: version.hasSuffix("/1") ? "json10" : version.hasSuffix("/1.1") ? "json11" : "json")
        var reader = XMLFeedReader()
        let base = value["feed_url"]?.stringValue ?? url
        func link(_ v: JSONValue?, _ base: String?) -> String? {
            guard let s = v?.stringValue else { return nil }
            return reader.safeLink(s, base: base)
        }
        if let t = value["title"]?.stringValue { feed.title = FeedText(value: t) }
        if let d = value["description"]?.stringValue { feed.subtitle = FeedText(value: d) }
        feed.link = link(value["home_page_url"], base)
        if let l = feed.link { feed.links.append(FeedLink(href: l, rel: "alternate", type: "text/html")) }
        if let f = link(value["feed_url"], url) { feed.links.append(FeedLink(href: f, rel: "self", type: "application/feed+json")) }
        feed.language = value["language"]?.stringValue
        feed.icon = link(value["icon"], base)
        feed.logo = link(value["favicon"], base)
        feed.authors = persons(value)
        if case .array(let items)? = value["items"] {
            for entry in items {
                var item = FeedItem()
                switch entry["id"] {
                case .string(let s)?: item.id = s
                case .integer(let i)?: item.id = String(i)
                case .number(let d)?: item.id = String(d)
                default: break
                }
                if let t = entry["title"]?.stringValue { item.title = FeedText(value: t) }
                item.link = link(entry["url"], base)
                if let l = item.link { item.links.append(FeedLink(href: l, rel: "alternate", type: "text/html")) }
                if let e = link(entry["external_url"], base) { item.links.append(FeedLink(href: e, rel: "related", type: "text/html")) }
                if let h = entry["content_html"]?.stringValue { item.content.append(FeedText(value: h, type: "text/html")) }
                if let t = entry["content_text"]?.stringValue { item.content.append(FeedText(value: t, type: "text/plain")) }
                if let s = entry["summary"]?.stringValue { item.summary = FeedText(value: s) }
                if let p = entry["date_published"]?.stringValue { item.published = FeedDate(text: p, date: FeedDates.parse(p)) }
                if let m = entry["date_modified"]?.stringValue { item.updated = FeedDate(text: m, date: FeedDates.parse(m)) }
                item.authors = persons(entry)
                if item.authors.isEmpty { item.authors = feed.authors }
                item.language = entry["language"]?.stringValue
                if case .array(let tags)? = entry["tags"] {
                    item.categories = tags.compactMap { $0.stringValue.map { FeedCategory(term: $0) } }
                }
                if case .array(let attachments)? = entry["attachments"] {
                    for a in attachments {
                        guard let href = link(a["url"], base) else { continue }
                        var length: String?
                        if case .integer(let n)? = a["size_in_bytes"] { length = String(n) }
                        let l = FeedLink(
                            href: href, rel: "enclosure", type: a["mime_type"]?.stringValue,
                            title: a["title"]?.stringValue, length: length)
                        item.enclosures.append(l)
                        item.links.append(l)
                    }
                }
                if let image = link(entry["image"], base) { item.extras["image"] = image }
                feed.items.append(item)
            }
        }
        feed.warnings = reader.warnings
        return feed
    }

    static func persons(_ object: JSONValue) -> [FeedPerson] {
        var list: [JSONValue] = []
        if case .array(let a)? = object["authors"] { list = a } else if let one = object["author"] { list = [one] }
        return list.compactMap { a in
            let name = a["name"]?.stringValue, uri = a["url"]?.stringValue
            return name == nil && uri == nil ? nil : FeedPerson(name: name, uri: uri)
        }
    }
}
