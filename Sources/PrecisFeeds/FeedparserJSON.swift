import PrecisJSON

/// The feed as one line of JSON in the shape of Python feedparser's result (`version`, `encoding`,
/// `bozo`, `feed`, `entries`, `title_detail`, `links`, `*_parsed` ...), so feedparser's own test
/// expectations can be checked against Precis. Dates `*_parsed` are ISO 8601 UTC strings.
extension Feed {
    public func feedparserJSON() -> String {
        var root = JSONWriter.Object()
        root["version"] = .string(format)
        root["encoding"] = .string(encoding)
        root["bozo"] = .bool(isIllFormed)
        if !warnings.isEmpty {
            root["bozo_exception"] = .string(warnings[0])
            root["warnings"] = .array(warnings.map { .string($0) })
        }
        var f = JSONWriter.Object()
        Self.put(text: title, "title", into: &f)
        Self.put(text: subtitle, "subtitle", into: &f)
        Self.put(text: rights, "rights", into: &f)
        for (key, t) in otherTexts.sorted(by: { $0.key < $1.key }) { Self.put(text: t, key, into: &f) }
        Self.put(link: link, links: links, into: &f)
        if let id { f["id"] = .string(id) }
        if let language { f["language"] = .string(language) }
        Self.put(date: updated, "updated", into: &f)
        Self.put(date: published, "published", into: &f)
        Self.put(people: authors, contributors: contributors, publisher: publisher, into: &f)
        Self.put(tags: categories, into: &f)
        if let generator { Self.put(generator: generator, into: &f) }
        if let image {
            var i = JSONWriter.Object()
            if let u = image.url { i["href"] = .string(u) }
            if let t = image.title { i["title"] = .string(t) }
            if let l = image.link { i["link"] = .string(l) }
            if let w = image.width { i["width"] = .int(w) }
            if let h = image.height { i["height"] = .int(h) }
            if let d = image.description { i["description"] = .string(d) }
            f["image"] = .object(i)
        }
        if let icon { f["icon"] = .string(icon) }
        if let logo { f["logo"] = .string(logo) }
        Self.put(extras: extras, into: &f)
        root["feed"] = .object(f)
        root["entries"] = .array(items.map { .object($0.feedparserObject()) })
        return JSONWriter.write(.object(root))
    }

    static func put(text: FeedText?, _ key: String, into o: inout JSONWriter.Object) {
        guard let text else { return }
        o[key] = .string(text.value)
        o[key + "_detail"] = .object(detail(text))
    }

    static func detail(_ text: FeedText) -> JSONWriter.Object {
        var d = JSONWriter.Object()
        d["type"] = .string(text.type)
        d["value"] = .string(text.value)
        d["language"] = text.language.map { .string($0) } ?? .null
        d["base"] = .string(text.base ?? "")
        if let src = text.src { d["src"] = .string(src) }
        return d
    }

    static func put(link: String?, links: [FeedLink], into o: inout JSONWriter.Object) {
        if let link { o["link"] = .string(link) }
        if !links.isEmpty { o["links"] = .array(links.map { .object(linkObject($0)) }) }
    }

    static func linkObject(_ l: FeedLink) -> JSONWriter.Object {
        var d = JSONWriter.Object()
        d["rel"] = .string(l.rel)
        if let t = l.type { d["type"] = .string(t) }
        d["href"] = .string(l.href)
        if let t = l.title { d["title"] = .string(t) }
        if let t = l.length { d["length"] = .string(t) }
        if let t = l.hreflang { d["hreflang"] = .string(t) }
        return d
    }

    static func put(date: FeedDate?, _ key: String, into o: inout JSONWriter.Object) {
        guard let date else { return }
        o[key] = .string(date.text)
        o[key + "_parsed"] = date.iso8601.map { .string($0) } ?? .null
    }

    static func personObject(_ p: FeedPerson) -> JSONWriter.Object {
        var d = JSONWriter.Object()
        if let n = p.name { d["name"] = .string(n) }
        if let e = p.email { d["email"] = .string(e) }
        if let u = p.uri { d["href"] = .string(u) }
        return d
    }

    static func personString(_ p: FeedPerson) -> String? {
        if let n = p.name, let e = p.email { return "\(n) (\(e))" }
        return p.name ?? p.email
    }

    static func put(people authors: [FeedPerson], contributors: [FeedPerson], publisher: FeedPerson?, into o: inout JSONWriter.Object) {
        if let first = authors.first {
            if let s = personString(first) { o["author"] = .string(s) }
            o["author_detail"] = .object(personObject(first))
            o["authors"] = .array(authors.map { .object(personObject($0)) })
        }
        if !contributors.isEmpty { o["contributors"] = .array(contributors.map { .object(personObject($0)) }) }
        if let publisher {
            if let s = personString(publisher) { o["publisher"] = .string(s) }
            o["publisher_detail"] = .object(personObject(publisher))
        }
    }

    static func put(tags: [FeedCategory], into o: inout JSONWriter.Object) {
        guard !tags.isEmpty else { return }
        o["tags"] = .array(
            tags.map { t in
                var d = JSONWriter.Object()
                d["term"] = .string(t.term)
                d["scheme"] = t.scheme.map { .string($0) } ?? .null
                d["label"] = t.label.map { .string($0) } ?? .null
                return .object(d)
            })
        o["category"] = .string(tags[0].term)
    }

    static func put(generator g: FeedGenerator, into o: inout JSONWriter.Object) {
        o["generator"] = .string(g.name)
        var d = JSONWriter.Object()
        d["name"] = .string(g.name)
        if let u = g.uri { d["href"] = .string(u) }
        if let v = g.version { d["version"] = .string(v) }
        o["generator_detail"] = .object(d)
    }

    static func mediaObject(_ m: FeedMedia) -> JSONWriter.Object {
        var d = JSONWriter.Object()
        d["url"] = .string(m.url)
        if let t = m.type { d["type"] = .string(t) }
        if let t = m.medium { d["medium"] = .string(t) }
        if let w = m.width { d["width"] = .string(String(w)) }
        if let h = m.height { d["height"] = .string(String(h)) }
        return d
    }

    /// "cloud.path" becomes cloud: {path}; plain keys stay. feedparser's iTunes flags are typed:
    /// itunes_block 1 or 0, itunes_explicit true, false or null.
    static func put(extras: [String: String], into o: inout JSONWriter.Object) {
        var groups: [String: JSONWriter.Object] = [:]
        for (key, value) in extras.sorted(by: { $0.key < $1.key }) {
            if let dot = key.firstIndex(of: ".") {
                groups[String(key[..<dot]), default: JSONWriter.Object()][String(key[key.index(after: dot)...])] = .string(value)
            } else if o[key] != nil {
                continue  // a name the feed's own fields already use
            } else if key == "itunes_block" {
                o[key] = .int(value == "yes" ? 1 : 0)
            } else if key == "itunes_explicit" {
                o[key] = ["yes", "explicit", "true"].contains(value) ? .bool(true) : ["no", "clean", "false"].contains(value) ? .bool(false) : .null
            } else {
                o[key] = .string(value)
            }
        }
        for (key, group) in groups.sorted(by: { $0.key < $1.key }) { o[key] = .object(group) }
    }
}

extension FeedItem {
    func feedparserObject() -> JSONWriter.Object {
        var o = JSONWriter.Object()
        Feed.put(text: title, "title", into: &o)
        Feed.put(text: summary, "summary", into: &o)
        Feed.put(text: rights, "rights", into: &o)
        for (key, t) in otherTexts.sorted(by: { $0.key < $1.key }) { Feed.put(text: t, key, into: &o) }
        if !content.isEmpty {
            o["content"] = .array(content.map { .object(Feed.detail($0)) })
            // feedparser gives an entry with content and no summary the content as its summary.
            if summary == nil { Feed.put(text: content[0], "summary", into: &o) }
        }
        Feed.put(link: link, links: links, into: &o)
        if let id { o["id"] = .string(id) }
        o["guidislink"] = .bool(linkFromGuid)
        Feed.put(date: published, "published", into: &o)
        Feed.put(date: updated, "updated", into: &o)
        Feed.put(date: created, "created", into: &o)
        Feed.put(date: expired, "expired", into: &o)
        Feed.put(people: authors, contributors: contributors, publisher: publisher, into: &o)
        Feed.put(tags: categories, into: &o)
        if !enclosures.isEmpty { o["enclosures"] = .array(enclosures.map { .object(Feed.linkObject($0)) }) }
        if let comments { o["comments"] = .string(comments) }
        if let language { o["language"] = .string(language) }
        if let source {
            var s = JSONWriter.Object()
            Feed.put(text: source.title, "title", into: &s)
            Feed.put(text: source.subtitle, "subtitle", into: &s)
            Feed.put(text: source.rights, "rights", into: &s)
            Feed.put(link: source.link, links: source.links, into: &s)
            if source.title?.type == "text/plain", source.links.count == 1, let l = source.link { s["href"] = .string(l) }
            if let id = source.id { s["id"] = .string(id) }
            Feed.put(date: source.updated, "updated", into: &s)
            Feed.put(people: source.authors, contributors: source.contributors, publisher: nil, into: &s)
            Feed.put(tags: source.categories, into: &s)
            if let g = source.generator { Feed.put(generator: g, into: &s) }
            if let icon = source.icon { s["icon"] = .string(icon) }
            if let logo = source.logo { s["logo"] = .string(logo) }
            o["source"] = .object(s)
        }
        if !media.isEmpty { o["media_content"] = .array(media.map { .object(Feed.mediaObject($0)) }) }
        if !thumbnails.isEmpty { o["media_thumbnail"] = .array(thumbnails.map { .object(Feed.mediaObject($0)) }) }
        Feed.put(extras: extras, into: &o)
        return o
    }
}

/// A small ordered JSON writer (PrecisFeeds sits below the facade, whose `JSONOutput` it cannot use).
enum JSONWriter {
    indirect enum Value {
        case null, bool(Bool), int(Int), string(String), array([Value]), object(Object)
    }

    struct Object {
        var pairs: [(String, Value)] = []
        subscript(key: String) -> Value? {
            get { pairs.first { $0.0 == key }?.1 }
            set {
                if let k = pairs.firstIndex(where: { $0.0 == key }) {
                    if let newValue { pairs[k].1 = newValue } else { pairs.remove(at: k) }
                } else if let newValue {
                    pairs.append((key, newValue))
                }
            }
        }
    }

    static func write(_ value: Value) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    static func write(_ value: Value, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            out += "["
            for (k, v) in a.enumerated() { if k > 0 { out += "," }; write(v, into: &out) }
            out += "]"
        case .object(let o):
            out += "{"
            for (k, (key, v)) in o.pairs.enumerated() {
                if k > 0 { out += "," }
                writeString(key, into: &out)
                out += ":"
                write(v, into: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        // Most strings need no escaping: appended whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        var buffer: [UInt8] = [0x22]
        buffer.reserveCapacity(s.utf8.count + 16)
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22: buffer += [0x5C, 0x22]
            case 0x5C: buffer += [0x5C, 0x5C]
            case 0x0A: buffer += [0x5C, 0x6E]
            case 0x0D: buffer += [0x5C, 0x72]
            case 0x09: buffer += [0x5C, 0x74]
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029, which JavaScript reads as line ends.
                buffer += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            case ..<0x20:
                let hex = String(b, radix: 16)
                buffer += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: buffer.append(b)
            }
            i += 1
        }
        buffer.append(0x22)
        out += String(decoding: buffer, as: UTF8.self)
    }
}

/// One line of `precis parse-feed` output for a file: the feed in feedparser's shape with a "file"
/// key, or {"file", "error"}.
public func parseFeedLine(
    file: String, bytes: [UInt8]?, url: String?, contentType: String?,
    contentLanguage: String? = nil, maxBytes: Int = FeedParser.defaultMaxBytes
) -> String {
    var line = ""
    JSONWriter.writeString(file, into: &line)
    guard let bytes else { return "{\"file\":\(line),\"error\":\"cannot read the file\"}" }
    do {
        let feed = try FeedParser.parse(bytes, url: url, contentType: contentType, contentLanguage: contentLanguage, maxBytes: maxBytes)
        return "{\"file\":\(line)," + feed.feedparserJSON().dropFirst()
    } catch {
        var message = ""
        JSONWriter.writeString(error.description, into: &message)
        return "{\"file\":\(line),\"error\":\(message)}"
    }
}
