import PrecisText

/// A name the story's sources use, with how central it is to the story.
public struct Entity: Sendable, Equatable {
    public enum Kind: String, Sendable { case person, organisation, other }
    /// The longest form the sources use ("Choe Myong-nam", "United Nations Security Council").
    public var name: String
    public var kind: Kind
    /// Mentions across the story, and the number of sources that mention it.
    public var mentions: Int
    public var documents: Int
    /// Where it is first mentioned: document and span.
    public var first: SourceSpan
}

/// Finds names (runs of capitalised words inside sentences) and ranks them by how many sources use
/// them, then how often. A person is a name after a title ("Mr.", "Minister") or a name also used as a
/// quote's speaker; an organisation is a name with an organisation word ("Council", "Ministry").
public struct EntityFinder: Sendable {
    static let organisationWords: Set<String> = [
        "council", "committee", "ministry", "nations", "union", "court", "assembly",
        "agency", "department", "commission", "party", "government", "bank",
        "office", "university", "institute", "watch", "association", "corporation",
        "company", "parliament", "senate", "congress", "army", "police", "mission"
    ]
    static let connectors: Set<String> = ["of", "for", "the", "de"]

    public init() {}

    public func rank(texts: [String], quotes: [[Quote]] = [], limit: Int = 15) -> [Entity] {
        let language = LanguageData.english
        let titles = QuoteWords.english.titles
        var byKey: [String: (name: String, mentions: Int, docs: Set<Int>, first: SourceSpan, person: Bool, inside: Int)] = [:]
        var order: [String] = []
        let speakers = Set(quotes.joined().map { Self.key($0.speaker) })
        for (d, text) in texts.enumerated() {
            let scalars = Array(text.unicodeScalars)
            let t = TimeToken.tokenize(scalars)
            var i = 0
            while i < t.count {
                guard t[i].kind == .word, t[i].capitalized else { i += 1; continue }
                let sentenceStart = i == 0 || t[i - 1].endsSentence || ["\"", "\u{201C}", "\n"].contains(t[i - 1].lower)
                var j = i
                var afterTitle = false
                if titles.contains(t[j].lower) {
                    afterTitle = true
                    j += 1
                    if j < t.count, t[j].lower == "." { j += 1 }
                }
                let start = j
                var end = j
                while end < t.count {
                    if t[end].kind == .word && t[end].capitalized { end += 1; continue }
                    // "Myong-nam", "Council of Europe"
                    if t[end].lower == "-", end + 1 < t.count, t[end + 1].kind == .word, end > start { end += 2; continue }
                    if Self.connectors.contains(t[end].lower), end + 1 < t.count, t[end + 1].capitalized, end > start, t[end].lower != "the" || end == start {
                        end += 1; continue
                    }
                    break
                }
                defer { i = max(end, i + 1) }
                guard end > start else { continue }
                let words = t[start..<end].map(\.lower)
                // A lone capitalised word at the start of a sentence may be just a sentence start: it
                // counts only if the name also stands inside a sentence or ends a longer name.
                let inside = !(sentenceStart && !afterTitle && end - start == 1)
                if end - start == 1 && (language.isStopWord(words[0]) || language.months[words[0]] != nil || language.weekdays[words[0]] != nil) { continue }
                var name = String(String.UnicodeScalarView(scalars[t[start].start..<t[end - 1].end]))
                // "North Korea's" is North Korea.
                for suffix in ["'s", "\u{2019}s"] where name.hasSuffix(suffix) { name = String(name.dropLast(2)) }
                let key = Self.key(name)
                guard key.count > 1 else { continue }
                if byKey[key] == nil {
                    order.append(key)
                    byKey[key] = (name, 0, [], SourceSpan(document: d, start: t[start].start, end: t[end - 1].end), false, 0)
                }
                byKey[key]!.mentions += 1
                if inside { byKey[key]!.inside += 1 }
                byKey[key]!.docs.insert(d)
                if afterTitle || speakers.contains(key) { byKey[key]!.person = true }
                if name.count > byKey[key]!.name.count { byKey[key]!.name = name }
            }
        }
        // A surname alone ("Choe") counts for the full name it ends ("Choe Myong-nam" ends with it
        // or starts with it, as Korean names do).
        for key in order {
            guard let e = byKey[key], !e.name.contains(" ") else { continue }
            let lower = e.name.lowercased()
            if let full = order.first(where: { other in
                other != key && byKey[other] != nil && byKey[other]!.person
                    && (byKey[other]!.name.lowercased().hasSuffix(" " + lower) || byKey[other]!.name.lowercased().hasPrefix(lower + " "))
            }) {
                byKey[full]!.mentions += e.mentions
                byKey[full]!.docs.formUnion(e.docs)
                byKey[key] = nil
            }
        }
        for key in order where byKey[key] != nil && byKey[key]!.inside == 0 { byKey[key] = nil }
        let entities = order.compactMap { key -> Entity? in
            guard let e = byKey[key] else { return nil }
            let lastWord = e.name.lowercased().split(separator: " ").last.map(String.init) ?? ""
            let kind: Entity.Kind = Self.organisationWords.contains(lastWord) ? .organisation : e.person ? .person : .other
            return Entity(name: e.name, kind: kind, mentions: e.mentions, documents: e.docs.count, first: e.first)
        }
        return Array(
            entities.enumerated().sorted { a, b in
                (a.element.documents, a.element.mentions, -a.offset) > (b.element.documents, b.element.mentions, -b.offset)
            }.map(\.element).prefix(limit))
    }

    static func key(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter }
    }
}
