import PrecisExtract
import PrecisFacts
import PrecisSummarize
import PrecisText

/// What a reader gets for one story: a summary whose every sentence cites its source, and the sources.
public struct Digest: Sendable {
    /// A summary sentence with the document it came from and where it stands there.
    public struct CitedSentence: Sendable, Equatable {
        public var text: String
        /// 0-based index into `documents`.
        public var document: Int
        /// Unicode scalar offsets into that document's clean `text`.
        public var start: Int
        public var end: Int
        /// Other sources that carry the same sentence (a wire paragraph several outlets ran), each
        /// with where it stands there.
        public var also: [Passage] = []
        /// Whether the sentence starts or ends inside a quotation of several sentences (see
        /// `SummarySentence.shown`).
        public var startsInQuotation = false, endsInQuotation = false
        /// Who speaks, when the sentence is part of a quotation whose attribution lies in another
        /// sentence ("The crew did everything right." of a quotation that ends "..., Captain Ines
        /// Varga said."): the speaker as the story names them, and where the source names them.
        /// Nil when the sentence names its speaker, or none was found.
        public var speaker: Speaker? = nil

        public init(
            text: String, document: Int, start: Int, end: Int, also: [Passage] = [],
            startsInQuotation: Bool = false, endsInQuotation: Bool = false
        ) {
            self.text = text
            self.document = document
            self.start = start
            self.end = end
            self.also = also
            self.startsInQuotation = startsInQuotation
            self.endsInQuotation = endsInQuotation
        }

        /// A summary sentence as the digest cites it.
        public init(_ s: SummarySentence) {
            self.init(
                text: s.text, document: s.document, start: s.span.start, end: s.span.end,
                startsInQuotation: s.startsInQuotation, endsInQuotation: s.endsInQuotation)
        }

        /// `text` with the quotation marks it lacks and its speaker when another sentence names
        /// them ("“The crew did everything right.” — Ines Varga"), as readers see it.
        public var shown: String {
            SummarySentence.shown(text, startsInQuotation: startsInQuotation, endsInQuotation: endsInQuotation)
                + (speaker.map { " \u{2014} " + $0.name } ?? "")
        }

        /// Every source of the sentence, the cited one first.
        public var documents: [Int] { [document] + also.map(\.document) }
    }

    /// The speaker of a quoted summary sentence, and where the source names them.
    public struct Speaker: Sendable, Equatable {
        public var name: String
        public var document: Int
        public var start: Int
        public var end: Int
    }

    /// Where a passage stands in one source.
    public struct Passage: Sendable, Equatable {
        public var document: Int
        public var start: Int
        public var end: Int
    }

    /// A source document as the digest shows it.
    public struct Document: Sendable, Equatable {
        public var file: String
        public var title: String?
        public var date: String?
        public var url: String?
        public var site: String?
        /// The clean text that `start`/`end` offsets index into.
        public var text: String
        /// When `date` is unknown: the dates the source was written between, inferred from its text
        /// and the story's dated sources, with the evidence.
        public var dateInferred: InferredDate? = nil

        public init(
            file: String, title: String?, date: String?, url: String?, site: String?, text: String,
            dateInferred: InferredDate? = nil
        ) {
            self.file = file
            self.title = title
            self.date = date
            self.url = url
            self.site = site
            self.text = text
            self.dateInferred = dateInferred
        }

        /// The date as a reader sees it: "2014-11-18", or "after 2014-12-11" when inferred.
        public var shownDate: String? { date.map { String($0.prefix(10)) } ?? dateInferred?.shown }
    }

    /// A near-copy of a source (a wire copy, a re-post), folded into the story rather than summarised.
    public struct Copy: Sendable, Equatable {
        public var document: Document
        /// 0-based index into `documents` of the source it copies.
        public var of: Int

        public init(document: Document, of: Int) {
            self.document = document
            self.of = of
        }
    }

    public var sentences: [CitedSentence]
    public var documents: [Document]
    /// Near-copies of the sources, when the digest comes from story clustering.
    public var copies: [Copy] = []
    /// What the sources report: times, timeline, quotes, numbers and disagreements (offsets into
    /// `documents`), when the digest was made with facts.
    public var facts: StoryFacts? = nil
    /// Dated events of the story, each citing the sources that tell it.
    public var timeline: [TimelineEntry] { facts?.timeline ?? [] }

    /// The timeline a reader is shown, at most `limit` entries in date order: all of it when it is
    /// that short; otherwise the story's own events before the background its sources recall (unless
    /// most of them retell it), those most sources tell first, each further pick preferring a day not
    /// yet shown, so a story told over months shows its course rather than its busiest week, and its
    /// latest event always (the story as it stands). The JSON lists every entry.
    public func keyEvents(limit: Int = 12) -> [TimelineEntry] {
        let all = timeline
        guard all.count > limit, limit > 0 else { return all }
        var picked = Set<Int>()
        var days = Set<String>()
        let sources = all.map { Set($0.sources.map(\.document)).count }
        // Background the sources recall (an event well before they were written: `StoryFacts.background`)
        // comes after the story's own events, unless most sources retell it: then it is how the
        // story began (the boy found at sea, in every report of the custody fight).
        let recalled = Set((facts?.background(dates: effectiveDates) ?? []).map { [$0.document, $0.start] })
        let own = all.indices.map { k in
            all[k].sources.contains { !recalled.contains([$0.document, $0.start]) } || 2 * sources[k] > documents.count ? 1 : 0
        }
        func rank(_ k: Int) -> (Int, Int, Int, Int, Int) {
            (own[k], sources[k], days.contains(all[k].date) ? 0 : 1, all[k].expected ? 0 : 1, -k)
        }
        if let latest = all.indices.last(where: { !all[$0].expected }) ?? all.indices.last {
            picked.insert(latest)
            days.insert(all[latest].date)
        }
        while picked.count < limit {
            guard
                let next = all.indices.filter({ !picked.contains($0) }).max(by: { rank($0) < rank($1) })
            else { break }
            picked.insert(next)
            days.insert(all[next].date)
        }
        return picked.sorted().map { all[$0] }
    }

    /// The quotes worth showing a reader, at most `limit`: a named speaker's own words (not a
    /// pronoun no name was found for, nor a clause read as a name: `Quote.speakerReadsAsName`), a whole quotation or a statement
    /// that quotes three words or more ('based on "the fabricated testimonies
    /// of ..."'). The story's voices come first: speakers quoted by more sources, then more often, then
    /// in the order they are first quoted; each with one quote (its first whole quotation, else the
    /// statement that quotes the most of its words) before any has a second; a quotation another
    /// source repeats is shown once.
    public func keyQuotes(limit: Int = 6) -> [(document: Int, quote: Quote)] {
        guard let facts else { return [] }
        let all = facts.quotes.enumerated().flatMap { d, qs in qs.map { (document: d, quote: $0) } }
            .filter { $0.quote.speaker.first?.isUppercase == true && $0.quote.speakerReadsAsName && wordCount($0.quote.text) >= 5 }
            .map { (document: $0.document, quote: $0.quote, quoted: $0.quote.direct ? Int.max : Quotations.quotedWords(in: $0.quote.text)) }
            .filter { $0.quoted >= 3 }
        // How prominent a voice is counts every quote of it, also those too short to show ("We will not
        // attend," he told AFP).
        var sources: [String: Set<Int>] = [:], count: [String: Int] = [:]
        for (d, qs) in facts.quotes.enumerated() {
            for q in qs where q.speaker.first?.isUppercase == true {
                sources[q.speaker, default: []].insert(d)
                count[q.speaker, default: 0] += 1
            }
        }
        var order: [String] = [], best: [String: Int] = [:]
        for (k, q) in all.enumerated() {
            let name = q.quote.speaker
            if best[name] == nil { order.append(name) }
            if best[name].map({ q.quoted > all[$0].quoted }) ?? true { best[name] = k }
        }
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        // A named person before a description ("North Korea's representative") quoted as often.
        func named(_ speaker: String) -> Int { speaker.contains("\u{2019}s") || speaker.contains("'s") || speaker.first?.isUppercase != true ? 0 : 1 }
        let voices = order.sorted { a, b in
            (sources[a]!.count, named(a), count[a]!, -rank[a]!) > (sources[b]!.count, named(b), count[b]!, -rank[b]!)
        }
        let first = voices.compactMap { best[$0] }
        // A quotation another source repeats (a comma more or less) is shown once: the words of a
        // later one of the same speaker may not be nine in ten those of one already shown.
        let words = all.map { Set($0.quote.text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)) }
        var shown = first
        for k in all.indices where !first.contains(k) {
            let repeats = shown.contains { j in
                all[j].quote.speaker == all[k].quote.speaker
                    && Double(words[k].intersection(words[j]).count) >= 0.9 * Double(min(words[k].count, words[j].count))
            }
            if !repeats { shown.append(k) }
        }
        return shown.prefix(limit).map { (document: all[$0].document, quote: all[$0].quote) }
    }

    /// A figure as "Key numbers" shows it: one quantity once, with every source that gives it.
    public struct KeyNumber: Sendable {
        /// The source whose mention is shown, and the mention.
        public var document: Int
        public var number: Quantity
        /// Every source that gives the quantity a value the shown one agrees with (the same value, or
        /// one the figure-pair model reads as the same quantity and both can hold: "111 to 19" and
        /// "a 111-19 vote"), `document` first.
        public var sources: [Int]
        /// Other figures of the same clause of the same source, shown with it ("41 to 28" with
        /// "three abstentions").
        public var alongside: [Quantity] = []
        /// Whether sources give the quantity values that cannot all hold ("Where sources disagree"
        /// lists them); the shown mention is the latest source's.
        public var disputed = false
    }

    /// The figures that matter most, at most `limit`, each quantity once: those several sources give
    /// (whether or not they agree), then the rest, in the order the sources first give them, precise
    /// figures before orders of size and counts of one or two. A
    /// quantity the sources disagree on is shown by its latest source's value; two figures of one
    /// clause are one entry; a person's age only when the sources disagree on it.
    public func keyNumbers(limit: Int = 8) -> [KeyNumber] {
        guard let facts else { return [] }
        let numbers = facts.numbers
        // One quantity: the same counted noun and value, or a pair the figure-pair model reads as one
        // quantity whose values can both hold.
        var groups = MentionGroups()
        var firstOfValue: [String: [Int]] = [:]
        for (d, ns) in numbers.enumerated() {
            for (i, n) in ns.enumerated() {
                let key = n.key + "|" + n.value
                if let first = firstOfValue[key] { groups.join(first, [d, i]) } else { firstOfValue[key] = [d, i] }
            }
        }
        let model = FigurePairModel.fitted
        for pair in NumberFinder.figurePairs(numbers, dates: effectiveDates) where pair.compatible && model.same(pair.features) {
            groups.join([pair.a.document, pair.a.index], [pair.b.document, pair.b.index])
        }
        // A quantity in dispute: every mention of its values, shown once by the last value (the
        // values are in date order).
        var disputedShown: [[Int]] = []
        for group in facts.disagreements {
            let mentions = group.values.compactMap { v -> [Int]? in
                guard numbers.indices.contains(v.document) else { return nil }
                return numbers[v.document].firstIndex(where: { $0.start == v.start && $0.end == v.end }).map { [v.document, $0] }
            }
            guard let shown = mentions.last else { continue }
            for m in mentions { groups.join(m, shown) }
            disputedShown.append(shown)
        }
        // Roots are final only once every join is made.
        let disputed = Dictionary(disputedShown.map { (groups.root($0), $0) }, uniquingKeysWith: { a, _ in a })
        var sources: [String: Set<Int>] = [:]
        for (d, ns) in numbers.enumerated() { for n in ns { sources[n.key, default: []].insert(d) } }
        var entries: [KeyNumber] = [], entryOf: [[Int]: Int] = [:]
        for (d, ns) in numbers.enumerated() {
            for (i, n) in ns.enumerated() {
                let r = groups.root([d, i])
                if let k = entryOf[r] {
                    // A disputed quantity cites the sources of the value shown.
                    let agrees = !entries[k].disputed || (n.value == entries[k].number.value && n.qualifier == entries[k].number.qualifier)
                    if agrees, !entries[k].sources.contains(d) { entries[k].sources.append(d) }
                    continue
                }
                if let shown = disputed[r] {
                    entryOf[r] = entries.count
                    let value = numbers[shown[0]][shown[1]]
                    let agrees = d != shown[0] && n.value == value.value && n.qualifier == value.qualifier
                    entries.append(KeyNumber(document: shown[0], number: value, sources: [shown[0]] + (agrees ? [d] : []), disputed: true))
                    continue
                }
                // A person's age is no figure of the story unless the sources disagree on it.
                guard n.who == nil else { continue }
                entryOf[r] = entries.count
                entries.append(KeyNumber(document: d, number: n, sources: [d]))
            }
        }
        // Two figures of one source that one clause tells are one entry, the first with the next.
        var shownEntries: [KeyNumber] = []
        var told: [Range<Int>] = []
        var scalars: [Int: [Unicode.Scalar]] = [:]
        for entry in entries {
            if !entry.disputed,
                let k = shownEntries.indices.first(where: {
                    shownEntries[$0].document == entry.document && !shownEntries[$0].disputed
                        && told[$0].contains(entry.number.start) && told[$0].contains(entry.number.end - 1)
                })
            {
                shownEntries[k].alongside.append(entry.number)
                for d in entry.sources where !shownEntries[k].sources.contains(d) { shownEntries[k].sources.append(d) }
                continue
            }
            shownEntries.append(entry)
            if scalars[entry.document] == nil { scalars[entry.document] = Array(documents[entry.document].text.unicodeScalars) }
            told.append(DigestRenderer.toldRange(entry.number, in: scalars[entry.document]!).range)
        }
        func shared(_ e: KeyNumber) -> Bool { e.sources.count > 1 || e.disputed || (sources[e.number.key]?.count ?? 0) > 1 }
        // Of the figures one source alone gives, an order of size ("dozens of escapees", a range of
        // values; not "two dozen") or a count of one or two in words ("two top officials"; not "2
        // percent") tells least: after the precise ones.
        func vague(_ e: KeyNumber) -> Bool {
            (e.number.orderOfSize && e.number.low != nil)
                || (["1", "2"].contains(e.number.value) && !e.number.text.contains(where: \.isNumber))
        }
        let alone = shownEntries.filter { !shared($0) }
        return Array((shownEntries.filter(shared) + alone.filter { !vague($0) } + alone.filter(vague)).prefix(limit))
    }

    /// The summary as plain prose, sentences joined by a space.
    public var summary: String {
        sentences.map(\.shown).joined(separator: " ")
    }

    /// A headline for the digest: the source title that best stands for the story as it is now (the
    /// one whose words the summary shares most, a later source's first when they tie; page furniture
    /// taken for a title is passed over); when no title is left, the first summary sentence that
    /// reads alone, cut at a clause boundary (`Headline.choose`, `Headline.cut`).
    public var headline: String? {
        let days = effectiveDates
        return Headline.choose(
            titles: documents.map(\.title), dates: days, summary: sentences.map(\.shown), texts: documents.map(\.text),
            summaryDates: sentences.map { days[$0.document] })
    }

    /// Each source's day to order and compare it by: its date, else the inferred one
    /// (`InferredDate.effectiveDates`, as the facts order sources).
    public var effectiveDates: [String?] {
        InferredDate.effectiveDates(documents.map { $0.date.map { String($0.prefix(10)) } }, dating: documents.map(\.dateInferred))
    }

    /// Earliest and latest dates among the sources, known or inferred (`InferredDate.spanDates`:
    /// `effectiveDates`, and the bound of a source known only to come after a day).
    public var dateRange: (String, String)? {
        let dates = spanDates.compactMap { $0 }.sorted()
        guard let first = dates.first, let last = dates.last else { return nil }
        return (first, last)
    }

    var spanDates: [String?] {
        InferredDate.spanDates(documents.map { $0.date.map { String($0.prefix(10)) } }, dating: documents.map(\.dateInferred))
    }

    /// The span as readers see it: "2014-11-10 to after 2014-12-11" when the latest source is known
    /// only to come after that day (an undated source whose inferred range is open towards the
    /// present), "before 1963-12-31" likewise when the earliest is known only to come before a day;
    /// one date when the ends meet. Nil with no date known or inferred.
    public var dateSpan: String? {
        guard let (first, last) = dateRange else { return nil }
        let days = spanDates
        // The open range of an undated source at `day`, when no dated source shares that day.
        func open(at day: String, _ isOpen: (InferredDate) -> Bool) -> InferredDate? {
            let at = documents.indices.filter { days[$0] == day }
            guard !at.contains(where: { documents[$0].date != nil }) else { return nil }
            return at.lazy.compactMap { self.documents[$0].dateInferred }.first(where: isOpen)
        }
        // Known only to come before a day, a source stands at the day before it (its estimate).
        let lo = open(at: first) { $0.earliest == nil && $0.latest != nil }?.latest.map { "before " + $0 } ?? first
        let hi = open(at: last) { $0.latest == nil && $0.earliest == last } != nil ? "after " + last : last
        // One day that is a bound: "after 2017-07-06", not "2017-07-06 to after 2017-07-06".
        if first == last { return lo != first ? lo : hi }
        return lo + " to " + hi
    }

    public init(sentences: [CitedSentence], documents: [Document], copies: [Copy] = []) {
        self.copies = copies
        self.sentences = sentences
        self.documents = documents
    }

    init(articles: [Article], summary: [SummarySentence]) {
        self.documents = articles.map(Document.init)
        self.sentences = summary.map(CitedSentence.init)
    }

    /// Names the speaker of summary sentences taken from a quotation of several sentences whose
    /// attribution ("..., she said") none of them holds: beside the last of each run of such
    /// sentences of one quotation, as the facts read it, when it reads as a name
    /// (`Quote.speakerReadsAsName`).
    mutating func nameQuotationSpeakers() {
        guard let facts else { return }
        func quotation(_ s: CitedSentence) -> Int? {
            guard s.startsInQuotation || s.endsInQuotation, s.document < facts.quotes.count else { return nil }
            return facts.quotes[s.document].firstIndex { $0.direct && $0.start < s.end && $0.end > s.start }
        }
        var k = 0
        while k < sentences.count {
            guard let q = quotation(sentences[k]) else {
                k += 1
                continue
            }
            let d = sentences[k].document
            var end = k + 1
            while end < sentences.count, sentences[end].document == d, quotation(sentences[end]) == q { end += 1 }
            let quote = facts.quotes[d][q]
            let named = sentences[k..<end].contains { quote.cue.start >= $0.start && quote.cue.end <= $0.end }
            if !named && quote.speakerReadsAsName {
                sentences[end - 1].speaker = Speaker(name: quote.speaker, document: d, start: quote.source.start, end: quote.source.end)
            }
            k = end
        }
    }

    /// Fills `also` for every summary sentence: the other sources holding the same sentence, compared
    /// on letters and digits only (so quotes, dashes and spacing do not matter). Sentences of fewer
    /// than six words are left alone: short lines repeat by chance.
    mutating func findRepeats(analyzed: [AnalyzedDocument]) {
        guard documents.count > 1, !sentences.isEmpty else { return }
        var wanted: [String: [Int]] = [:]
        for (k, s) in sentences.enumerated() where wordCount(s.text) >= 6 {
            wanted[Self.passageKey(s.text.unicodeScalars), default: []].append(k)
        }
        guard !wanted.isEmpty else { return }
        for (d, document) in analyzed.enumerated() {
            for sentence in document.sentences {
                let key = Self.passageKey(document.text.scalars[sentence.span.start..<sentence.span.end])
                guard let indices = wanted[key] else { continue }
                for k in indices where sentences[k].document != d && !sentences[k].also.contains(where: { $0.document == d }) {
                    sentences[k].also.append(Passage(document: d, start: sentence.span.start, end: sentence.span.end))
                }
            }
        }
    }

    static func passageKey<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var key = String.UnicodeScalarView()
        for c in scalars where c.properties.isAlphabetic || c.properties.numericType != nil {
            key.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
        }
        return String(key)
    }
}

extension Digest.Document {
    /// The article as a digest lists it: its origin, metadata and the clean text offsets index into.
    public init(_ article: Article) {
        self.init(
            file: article.origin, title: article.title, date: article.date, url: article.url,
            site: article.site, text: article.text)
    }
}

/// One story of a digest run: its number (from story clustering) and its digest.
public struct StoryDigest: Sendable {
    /// Story number, counted from 0 in order of each story's first article in the input.
    public var story: Int
    public var digest: Digest
    /// Articles in the story, near-copies included.
    public var articleCount: Int { digest.documents.count + digest.copies.count }
    /// The latest publication day among the story's articles ("YYYY-MM-DD"), when any is dated.
    public var latestDate: String? {
        (digest.documents + digest.copies.map(\.document)).compactMap { $0.date.map { String($0.prefix(10)) } }.max()
    }
}
