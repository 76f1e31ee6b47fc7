import Foundation
import PrecisText

/// Where a sentence or passage stands in one source: 0-based document index and Unicode scalar offsets.
public struct SourceSpan: Sendable, Hashable {
    public var document: Int
    public var start: Int
    public var end: Int

    public init(document: Int, start: Int, end: Int) {
        self.document = document
        self.start = start
        self.end = end
    }
}

/// One event of a story's timeline: its date, a sentence that tells it, and every source that does.
public struct TimelineEntry: Sendable, Equatable {
    /// TIMEX3-like date: "2014-11-18", or "2014-02" when only the month is known.
    public var date: String
    /// The sentence of the first source that tells the event.
    public var text: String
    /// The sentences that tell it, one per source, the quoted one first.
    public var sources: [SourceSpan]
    /// Those of `sources` that announce the event rather than tell it as done ("will vote Tuesday").
    public var announced: [SourceSpan] = []
    /// For an event placed by its source's inferred date (an undated source's "on Monday"): the days
    /// it can fall on, with the evidence; `date` is then the bound it is ordered by. Nil when a date
    /// the sources state places it.
    public var dateInferred: InferredDate? = nil

    /// Whether every source announces the event: it is expected, not known to have happened.
    public var expected: Bool { !sources.isEmpty && announced.count == sources.count }
}

/// The facts of a story: per document its time expressions, quotes and quantities (offsets into
/// that document's text), and across documents the timeline and the disagreements.
public struct StoryFacts: Sendable {
    public var times: [[TimeExpression]]
    public var timeline: [TimelineEntry]
    public var quotes: [[Quote]] = []
    public var numbers: [[Quantity]] = []
    public var disagreements: [Disagreement] = []
    /// Names the sources use, most central first.
    public var entities: [Entity] = []
    /// For each source without a publication date, the dates it was written between, as far as its
    /// own text and the story's dated sources tell, with the evidence; nil for a dated source.
    public var dating: [InferredDate?] = []

    /// Sentences that announce an event another source tells as done: a preview the story has
    /// overtaken ("will vote Tuesday" once the vote is reported).
    public var superseded: [SourceSpan] { timeline.flatMap { $0.expected ? [] : $0.announced } }

    /// Sentences that tell an event from well before their source was written (`days` or more before
    /// its date, `dates` known or inferred as `effectiveDates` gives them): background the story
    /// repeats ("a UN report released in February" in a November report), not what it adds.
    public func background(dates: [String?], days: Int = 30) -> [SourceSpan] {
        timeline.flatMap { entry -> [SourceSpan] in
            guard entry.dateInferred == nil, let last = TimexValue(entry.date).days?.last else { return [] }
            return entry.sources.filter { span in
                guard span.document < dates.count, let written = dates[span.document].flatMap({ CivilDate(iso: String($0.prefix(10))) })
                else { return false }
                return written.dayNumber - last.dayNumber >= days
            }
        }
    }

    /// Finds the disagreements among `numbers`, with `model` telling which two mentions are one
    /// quantity; `dates` are the sources' publication dates (inferred ones are added from `dating`).
    public mutating func findDisagreements(dates: [String?], model: FigurePairModel = .fitted) {
        var inferred: [Int: (earliest: String?, latest: String?)] = [:]
        for d in dates.indices where dates[d] == nil && d < dating.count { if let i = dating[d] { inferred[d] = (i.earliest, i.latest) } }
        disagreements = NumberFinder.disagreements(numbers, dates: effectiveDates(dates), inferred: inferred, model: model)
    }

    /// Each source's date for ordering and comparing: its publication date, else the inferred one
    /// (`InferredDate.estimate`; a range open towards the present is placed at the latest date any
    /// source is known by, as a source known only to come after an event most often tells the story
    /// as it stands), else nil.
    public func effectiveDates(_ dates: [String?]) -> [String?] {
        InferredDate.effectiveDates(dates, dating: dating)
    }

    /// Reads every fact of a story's articles (`dates` are their publication dates, ISO 8601).
    /// `captions` are, per document, the photo captions cleaning removed from its text: a full date
    /// a caption names bounds an undated source's date from below.
    public static func read(texts: [String], dates: [String?], captions: [[String]] = [], analyzer: TextAnalyzer = TextAnalyzer()) -> StoryFacts {
        read(texts: texts, dates: dates, captions: captions) { analyzer.analyze(texts[$0]) }
    }

    /// The same, for texts already analysed (`analyzed[d]` is `texts[d]`'s analysis).
    public static func read(texts: [String], dates: [String?], captions: [[String]] = [], analyzed: [AnalyzedDocument]) -> StoryFacts {
        read(texts: texts, dates: dates, captions: captions) { analyzed[$0] }
    }

    static func read(texts: [String], dates: [String?], captions: [[String]], analysis: (Int) -> AnalyzedDocument) -> StoryFacts {
        var facts = TimelineBuilder().build(texts: texts, dates: dates, captions: captions, analysis: analysis)
        facts.readStatements(texts: texts, dates: dates)
        return facts
    }

    /// Times, the timeline and each undated source's dating alone (`quotes`, `numbers`,
    /// `disagreements` and `entities` left empty): what ordering the sources and choosing a summary
    /// need, a small part of the cost of `read`.
    public static func readTimes(texts: [String], dates: [String?], captions: [[String]] = [], analyzed: [AnalyzedDocument]) -> StoryFacts {
        TimelineBuilder().build(texts: texts, dates: dates, captions: captions) { analyzed[$0] }
    }

    /// Adds to facts read by `readTimes` (of the same texts and dates) what the sources say: quotes,
    /// quantities, disagreements and the names they use.
    public mutating func readStatements(texts: [String], dates: [String?]) {
        let finder = QuoteFinder()
        quotes = texts.map { finder.find(in: $0) }
        QuoteFinder.nameDescriptions(&quotes, texts: texts)
        QuoteFinder.unifySpeakers(&quotes, texts: texts)
        QuoteFinder.fullNames(&quotes, texts: texts)
        QuoteFinder.trimTrailingLinks(&quotes)
        let numbers = NumberFinder()
        self.numbers = texts.enumerated().map { numbers.find(in: $0.element, excluding: times[$0.offset]) }
        findDisagreements(dates: dates)
        entities = EntityFinder().rank(texts: texts, quotes: quotes)
    }
}

/// Builds a story's timeline from its articles.
///
/// An event is a sentence holding a date of day or month granularity, resolved against its article's
/// publication date: background told in the past ("a report released in February") is placed at its
/// own date, not the article's. Sentences of several sources that give the same date and share enough
/// content words become one entry citing all of them. A sentence whose date cannot be resolved (its
/// article is undated: "voted on Tuesday") joins an entry only when its date is compatible with the
/// entry's (a Tuesday; February) and it tells the same event; otherwise it stays out of the timeline
/// rather than being given a guessed date.
public struct TimelineBuilder {
    public var tagger = TimeTagger()
    /// Least share of the shorter sentence's content stems found in the other (and at least two
    /// stems) for two sentences with compatible dates to tell the same event.
    public var sameEvent = 0.15
    /// How many times `sameEvent` a match must reach to date an undated source by it: a wrong match
    /// dates a source wrongly, one missed leaves it undated.
    public var datingMargin = 1.0

    public init() {}

    public func build(texts: [String], dates: [String?], captions: [[String]] = [], analyzer: TextAnalyzer = TextAnalyzer()) -> StoryFacts {
        build(texts: texts, dates: dates, captions: captions) { analyzer.analyze(texts[$0]) }
    }

    /// `analysis(d)` gives the analysis of `texts[d]`; it is asked only for texts holding a time.
    func build(texts: [String], dates: [String?], captions: [[String]] = [], analysis: (Int) -> AnalyzedDocument) -> StoryFacts {
        struct Candidate {
            var date: String
            var timex: TimexValue
            var document: Int
            var span: TextSpan
            var stems: Set<Int>
            var text: String
            var future: Bool
        }
        var times: [[TimeExpression]] = []
        var candidates: [Candidate] = []
        // Dated sentences that tell no event but date their source (a post's signature, a caption).
        var datingOnly: [Candidate] = []
        for (d, text) in texts.enumerated() {
            let anchor = dates[d].flatMap(CivilDate.init(iso:))
            let found = tagger.tag(text, anchor: anchor)
            times.append(found)
            guard !found.isEmpty else { continue }
            let analyzed = analysis(d)
            var k = 0
            for sentence in analyzed.sentences {
                while k < found.count && found[k].end <= sentence.span.start { k += 1 }
                var j = k
                while j < found.count && found[j].start < sentence.span.end {
                    let t = found[j]
                    j += 1
                    guard t.type == .date || t.type == .time, !Self.clockTimeAlone(t), let value = t.value,
                        let date = Self.eventDate(TimexValue(value))
                    else { continue }
                    let said = analyzed.text[sentence.span]
                    // Announced or told as done, as the time's own clause says.
                    let before = TextSpan(start: sentence.span.start, end: max(sentence.span.start, min(t.start, sentence.span.end)))
                    let time = TextSpan(start: before.end, end: max(before.end, min(t.end, sentence.span.end)))
                    let future =
                        t.future
                        || Self.announces(
                            clause(
                                before: analyzed.text[before], time: analyzed.text[time],
                                after: analyzed.text[TextSpan(start: time.end, end: sentence.span.end)]))
                    func candidate() -> Candidate {
                        Candidate(
                            date: date.description, timex: date, document: d, span: sentence.span,
                            stems: Set(sentence.contentStems), text: said, future: future)
                    }
                    // The date that signs an embedded post dates a statement, a caption's a picture,
                    // and a note on the source's publication the source itself: no event of the
                    // story, but a bound on when the source was written.
                    if Captions.signsPost(before: analyzed.text[before]) || Captions.tellsNoEvent(said) {
                        if !t.future && !t.relative { datingOnly.append(candidate()) }
                        continue
                    }
                    // A statement quoted is no event, unless saying it is the news (the timeline tells
                    // what happened; "who said what" tells what was said); nor is a question.
                    guard Self.tellsSomething(said), !Self.isStatement(said), !Quotations.endsAsQuestion(said) else { break }
                    candidates.append(candidate())
                    break  // the first date of a sentence is its event's
                }
            }
        }
        // Shared words count by how rare they are among the story's dated sentences: "North Korea"
        // in every sentence of a North Korea story says nothing about which event a sentence tells.
        var frequency: [Int: Int] = [:]
        for c in candidates { for stem in c.stems { frequency[stem, default: 0] += 1 } }
        let n = Double(max(candidates.count, 1))
        func weight(_ stem: Int) -> Double { log(1 + n / Double(frequency[stem] ?? 1)) }
        func jaccard(_ a: Set<Int>, _ b: Set<Int>) -> Double {
            let shared = a.intersection(b)
            guard shared.count >= 2 else { return 0 }
            let wa = a.reduce(0) { $0 + weight($1) }, wb = b.reduce(0) { $0 + weight($1) }
            return shared.reduce(0) { $0 + weight($1) } / max(min(wa, wb), 1e-9)
        }
        var entries: [(entry: TimelineEntry, stems: Set<Int>)] = []
        var clues: [Int: [DatingClue]] = [:]
        // The sentence each candidate's source tells, by document and start.
        let told = Dictionary(candidates.map { ($0.document * 0x1_0000_0000 + $0.span.start, $0.text) }, uniquingKeysWith: { a, _ in a })
        for c in candidates where c.timex.hasYear {
            if let k = entries.firstIndex(where: { Self.sameDay(TimexValue($0.entry.date), c.timex) && jaccard($0.stems, c.stems) >= sameEvent }) {
                if c.date.count > entries[k].entry.date.count { entries[k].entry.date = c.date }
                if !entries[k].entry.sources.contains(where: { $0.document == c.document }) {
                    entries[k].entry.sources.append(SourceSpan(document: c.document, start: c.span.start, end: c.span.end))
                    if c.future { entries[k].entry.announced.append(SourceSpan(document: c.document, start: c.span.start, end: c.span.end)) }
                    entries[k].stems.formUnion(c.stems)
                }
            } else {
                let span = SourceSpan(document: c.document, start: c.span.start, end: c.span.end)
                entries.append((TimelineEntry(date: c.date, text: c.text, sources: [span], announced: c.future ? [span] : []), c.stems))
            }
        }
        var unplaced: [Candidate] = []
        for c in candidates where !c.timex.hasYear {
            var best: (index: Int, score: Double)? = nil
            for (k, e) in entries.enumerated()
            where Self.compatible(c.timex, TimexValue(e.entry.date)) && !e.entry.sources.contains(where: { $0.document == c.document }) {
                let s = jaccard(e.stems, c.stems)
                if s >= sameEvent, best == nil || s > best!.score { best = (k, s) }
            }
            guard let best else { unplaced.append(c); continue }
            // A day name alone ("on Monday") fits one day a week: it needs more shared words.
            let dayNameOnly: Bool = {
                if case .weekday = c.timex { return true }
                return false
            }()
            let bar = dayNameOnly ? 2 * sameEvent : sameEvent
            // An undated source that tells an event the story places: it was written after the event
            // when it tells it as done, before it when it announces it.
            if dates[c.document] == nil, best.score >= bar * datingMargin, let placed = entries[best.index].entry.sources.first {
                clues[c.document, default: []].append(
                    DatingClue(
                        bound: c.future ? .latest : .earliest, date: entries[best.index].entry.date,
                        evidence: [
                            DatingEvidence(text: c.text, document: c.document, start: c.span.start, end: c.span.end),
                            DatingEvidence(
                                text: told[placed.document * 0x1_0000_0000 + placed.start] ?? "",
                                document: placed.document, start: placed.start, end: placed.end)
                        ]))
            }
            guard best.score >= bar else { unplaced.append(c); continue }
            entries[best.index].entry.sources.append(SourceSpan(document: c.document, start: c.span.start, end: c.span.end))
            if c.future { entries[best.index].entry.announced.append(SourceSpan(document: c.document, start: c.span.start, end: c.span.end)) }
            entries[best.index].stems.formUnion(c.stems)
        }
        // An undated source's own full dates bound it: told as done, from below (a photo caption's
        // "December 11, 2014", an embedded post's); announced ("a hearing to be held on October 12,
        // 2025"), from above, as what it still expects had not happened when it was written.
        for c in candidates + datingOnly where c.timex.hasYear && dates[c.document] == nil {
            clues[c.document, default: []].append(
                DatingClue(
                    bound: c.future ? .latest : .earliest, date: c.date,
                    evidence: [DatingEvidence(text: c.text, document: c.document, start: c.span.start, end: c.span.end)]))
        }
        // So do the full dates its photo captions name, though cleaning took them out of its text.
        for (d, list) in captions.enumerated() where d < dates.count && dates[d] == nil {
            for caption in list {
                for t in tagger.tag(caption, anchor: nil) where t.type == .date && !t.future && !t.relative {
                    guard let value = t.value, let date = Self.eventDate(TimexValue(value)), date.hasYear else { continue }
                    clues[d, default: []].append(
                        DatingClue(
                            bound: .earliest, date: date.description,
                            evidence: [
                                DatingEvidence(text: caption, document: d, start: nil, end: nil, removed: "caption")
                            ]))
                }
            }
        }
        // Entries of one event told at different precision ("in February", "a Feb. 17 report") and
        // now sharing enough words through the sentences that joined them become one.
        var merged = true
        while merged {
            merged = false
            outer: for a in entries.indices {
                for b in entries.indices where b > a && Self.sameDay(TimexValue(entries[a].entry.date), TimexValue(entries[b].entry.date)) {
                    let docsA = Set(entries[a].entry.sources.map(\.document)), docsB = Set(entries[b].entry.sources.map(\.document))
                    guard docsA.isDisjoint(with: docsB), jaccard(entries[a].stems, entries[b].stems) >= sameEvent else { continue }
                    if entries[b].entry.date.count > entries[a].entry.date.count {
                        entries[a].entry.date = entries[b].entry.date
                        entries[a].entry.text = entries[b].entry.text
                        entries[a].entry.sources = entries[b].entry.sources + entries[a].entry.sources
                    } else {
                        entries[a].entry.sources += entries[b].entry.sources
                    }
                    entries[a].entry.announced += entries[b].entry.announced
                    entries[a].stems.formUnion(entries[b].stems)
                    entries.remove(at: b)
                    merged = true
                    break outer
                }
            }
        }
        let dating = texts.indices.map { d in dates[d] == nil ? InferredDate(clues: clues[d] ?? []) : nil }
        // An undated source's event that no stated date places ("on Monday") is placed by the dates
        // the source was written between: what it announces falls on or after its earliest day, what
        // it tells as done on or before its latest. Two sources telling one such event share an entry.
        var placedByInference: [(entry: TimelineEntry, stems: Set<Int>)] = []
        func placeByInference(_ range: InferredDate, span: SourceSpan, text: String, stems: Set<Int>, future: Bool) {
            if let k = placedByInference.firstIndex(where: { $0.entry.dateInferred == range && jaccard($0.stems, stems) >= sameEvent }) {
                // One sentence per source and event: a second that tells it again adds nothing.
                guard !placedByInference[k].entry.sources.contains(where: { $0.document == span.document }) else { return }
                placedByInference[k].entry.sources.append(span)
                if future { placedByInference[k].entry.announced.append(span) }
                return
            }
            var entry = TimelineEntry(date: range.earliest ?? range.latest!, text: text, sources: [span], announced: future ? [span] : [])
            entry.dateInferred = range
            placedByInference.append((entry, stems))
        }
        for c in unplaced where dates[c.document] == nil {
            guard let written = dating[c.document],
                let range = Self.inferredRange(of: c.timex, future: c.future, written: written)
            else { continue }
            placeByInference(
                range, span: SourceSpan(document: c.document, start: c.span.start, end: c.span.end), text: c.text, stems: c.stems, future: c.future)
        }
        // An undated source's event told relative to when it was written ("adopted last week", "two
        // days ago", "next month"), which the words alone cannot place: read at the earliest day the
        // source can have been written, the phrase gives the earliest day of the event; read at the
        // latest, its latest. Only a range that tells a reader where the event stands: a month at
        // most, or, open on one side, one that comes after every dated source (or before them all).
        let placedSentences = Set(candidates.map { [$0.document, $0.span.start] })
        let known = dates.compactMap { $0.flatMap { CivilDate(iso: String($0.prefix(10))) } }
        func tells(_ lower: CivilDate?, _ upper: CivilDate?) -> Bool {
            switch (lower, upper) {
            case let (a?, b?): return b.dayNumber - a.dayNumber <= 31
            case let (a?, nil): return known.max().map { a.dayNumber >= $0.dayNumber } ?? false
            case let (nil, b?): return known.min().map { b.dayNumber <= $0.dayNumber } ?? false
            default: return false
            }
        }
        for d in texts.indices where d < dates.count && dates[d] == nil {
            let unplaced = times[d].filter { $0.type == .date && $0.relative && $0.value == nil }.map(\.start)
            guard !unplaced.isEmpty, let written = dating[d] else { continue }
            let early = written.earliest.flatMap(CivilDate.init(iso:)).map { tagger.tag(texts[d], anchor: $0) } ?? []
            let late = written.latest.flatMap(CivilDate.init(iso:)).map { tagger.tag(texts[d], anchor: $0) } ?? []
            func days(_ list: [TimeExpression], at start: Int) -> (first: CivilDate, last: CivilDate)? {
                list.first { $0.start == start }?.timex?.days
            }
            let analyzed = analysis(d)
            for sentence in analyzed.sentences where !placedSentences.contains([d, sentence.span.start]) {
                guard
                    let start = unplaced.first(where: { sentence.span.start <= $0 && $0 < sentence.span.end }),
                    case let lower = days(early, at: start)?.first, case let upper = days(late, at: start)?.last,
                    tells(lower, upper)
                else { continue }
                let said = analyzed.text[sentence.span]
                guard Self.tellsSomething(said), !Self.isStatement(said) else { continue }
                let future = (early + late).contains { $0.start == start && $0.future } || Self.announces(said)
                let range = InferredDate(earliest: lower?.description, latest: upper?.description, evidence: written.evidence)
                let span = SourceSpan(document: d, start: sentence.span.start, end: sentence.span.end)
                let stems = Set(sentence.contentStems)
                // What another source announced for days the range allows ("approved by the full
                // assembly in December"), this one reports as done ("adopted ... last week"): one
                // event, no longer expected, told in the report's words.
                if !future,
                    let k = entries.indices.first(where: { k in
                        let e = entries[k].entry
                        guard e.expected, let span = TimexValue(e.date).days else { return false }
                        let fits = (lower.map { span.last >= $0 } ?? true) && (upper.map { span.first <= $0 } ?? true)
                        return fits && !e.sources.contains { $0.document == d } && jaccard(entries[k].stems, stems) >= sameEvent
                    })
                {
                    entries[k].entry.sources.append(span)
                    entries[k].entry.text = said
                    entries[k].stems.formUnion(stems)
                    continue
                }
                placeByInference(range, span: span, text: said, stems: stems, future: future)
            }
        }
        let timeline = (entries + placedByInference).map(\.entry).enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
        }.map(\.element)
        var facts = StoryFacts(times: times, timeline: timeline)
        facts.dating = dating
        return facts
    }

    /// The days an event of an undated source can fall on, from the source's inferred dates: an event
    /// it announces (`future`) on or after the first day matching `partial` ("XXXX-WXX-1", a Monday;
    /// "XXXX-12") from its earliest day; one it tells as done on or before the last such day up to
    /// its latest. Nil when the side that would bound it is unknown, or no day within a year matches.
    static func inferredRange(of partial: TimexValue, future: Bool, written: InferredDate) -> InferredDate? {
        guard let bound = future ? written.earliest : written.latest, var day = CivilDate(iso: bound) else { return nil }
        for _ in 0..<366 {
            if compatible(partial, day.timex) {
                return InferredDate(
                    earliest: future ? day.description : nil, latest: future ? nil : day.description,
                    evidence: written.evidence)
            }
            day = day.adding(days: future ? 1 : -1)
        }
        return nil
    }

    /// Whether a sentence announces what is to come ("is scheduled in early March", "which will be
    /// the first to fly it, in July 2006"): a verb of the future anywhere in it, which the time
    /// tagger reads only in the time's own clause.
    static func announces(_ text: String) -> Bool {
        // What someone is quoted saying ("“will have to take full responsibility”") is theirs, not
        // the sentence's tense.
        let words = Quotations.outside(text).lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        for (k, w) in words.enumerated() {
            if ["will", "scheduled", "slated", "'ll"].contains(w) { return true }
            // "a special event to be held on October 12", "the report is to be published in May".
            // Not a plan told as past: "the ships were to be sold in June", "he was about to be
            // deported" (a past form one word before "to" too); nor what came of an act: "returned
            // in June 1998, only to be jailed".
            if w == "to", k + 2 < words.count, words[k + 1] == "be", isParticiple(words[k + 2]),
                !words[max(0, k - 2)..<k].contains(where: { ["was", "were"].contains($0) }), k == 0 || words[k - 1] != "only"
            {
                return true
            }
            // A procedure told in the present: "The plan is then put to the full assembly in May".
            if ["is", "are"].contains(w), k + 1 < words.count, words[k + 1] == "then" { return true }
            // Not a plan told as past either: "where the band were due to play", "had planned to open".
            if ["due", "expected", "set", "plans", "planned", "poised"].contains(w), k + 1 < words.count, words[k + 1] == "to",
                k == 0 || !["was", "were", "had"].contains(words[k - 1])
            {
                return true
            }
            // "is expected on Monday to hear": the present passive, whatever comes between it and "to".
            if ["due", "expected", "set"].contains(w), k > 0, ["is", "are"].contains(words[k - 1]) { return true }
        }
        return false
    }

    /// The clause of a sentence that holds a time expression, given the sentence's text before the
    /// time, the time and the text after it: cut at the nearest joint between clauses on each side
    /// (a semicolon, "but", "while", "and" before a verb of its own tense), so that what one clause
    /// announces does not make the other's date expected ("first flew in April 2005 and is expected to enter service";
    /// "were to take delivery in May 2008, but will now receive it next month").
    func clause(before: String, time: String, after: String) -> String {
        var head = before[...], tail = after[...]
        for joint in Self.clauseJoints {
            if let r = head.range(of: joint, options: [.backwards, .caseInsensitive]) { head = head[r.upperBound...] }
            if let r = tail.range(of: joint, options: .caseInsensitive) { tail = tail[..<r.lowerBound] }
        }
        // "and" before a verb of its own tense (`TimeWords.andOpensClause`, as the tagger reads it).
        func opens(_ rest: Substring) -> Bool {
            tagger.words.andOpensClause(rest.split(separator: " ", maxSplits: 5).lazy.map { $0.lowercased() })
        }
        var from = head.endIndex
        while let r = head[..<from].range(of: " and ", options: [.backwards, .caseInsensitive]) {
            if opens(head[r.upperBound...]) {
                head = head[r.upperBound...]
                break
            }
            from = r.lowerBound
        }
        var search = tail.startIndex
        while let r = tail[search...].range(of: " and ", options: .caseInsensitive) {
            if opens(tail[r.upperBound...]) {
                tail = tail[..<r.lowerBound]
                break
            }
            search = r.upperBound
        }
        return head + time + tail
    }
    /// Joints between clauses whatever follows them. Commas are not among them, as the tagger's
    /// clauses have them: "Singapore Airlines, which will be the first to fly it, in July 2006, ..."
    /// announces July 2006.
    static let clauseJoints = [";", " but ", " while ", " whereas ", " although "]

    /// Whether a word reads as a past participle: a regular one ("released", "given") or a common
    /// irregular one ("held", "built": `participle` words in timewords.txt).
    static func isParticiple(_ word: String) -> Bool {
        (word.count > 3 && (word.hasSuffix("ed") || word.hasSuffix("en"))) || TimeWords.english.participles.contains(word)
    }

    /// Whether a sentence reports what someone said in their own words (four words or more in
    /// quotation marks, and a verb of saying): a statement, not an event. A sentence that only quotes
    /// a phrase of a report (a harbour "in a state of near collapse") still tells one.
    static func isStatement(_ text: String) -> Bool {
        guard Quotations.quotedWords(in: text) >= 4 else { return false }
        let words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        return !words.isDisjoint(with: speechVerbs)
    }
    static let speechVerbs: Set<String> = ["said", "says", "say", "told", "tells", "added", "asked", "stated", "declared", "insisted", "according"]

    /// Words of a time of day that name no day: "10 p.m.", "at 2000 GMT", "4 in the morning": the
    /// tagger's time zones and parts of a day (`timewords.txt`), and the words of a clock time.
    static let clockWords: Set<String> = TimeWords.english.zones.union(TimeWords.english.partsOfDay.keys).union([
        "a", "m", "p", "am", "pm", "at", "in", "the", "o", "clock", "noon", "midnight", "local", "time", "gmt", "utc", "ct",
        "bst", "cet", "cest", "h", "hrs"
    ])

    /// Whether a time expression is a time of day alone ("shot at 10 p.m."): the tagger places it on
    /// its source's day, but it says when in a day, not which day, and the event it times may be
    /// one the source tells from weeks before. No event is dated by it ("at 10 p.m. Friday" is).
    static func clockTimeAlone(_ t: TimeExpression) -> Bool {
        guard t.type == .time else { return false }
        return t.text.lowercased().split(whereSeparator: { !$0.isLetter }).allSatisfy { clockWords.contains(String($0)) }
    }

    /// Whether a sentence says something beyond names, links and its date: at least three lower-case
    /// words outside links and handles. A post's signature line ("https://t.co/x — Ana Pell (@apell)
    /// January 26, 2016") tells no event.
    static func tellsSomething(_ text: String) -> Bool {
        var count = 0
        for chunk in text.split(whereSeparator: { $0.isWhitespace }) {
            if isLinkOrHandle(chunk) { continue }
            let letters = chunk.drop { !$0.isLetter }.prefix { $0.isLetter }
            if letters.count >= 2, letters.first?.isLowercase == true {
                count += 1
                if count >= 3 { return true }
            }
        }
        return false
    }

    /// The date of an event from a time value: a day ("2014-11-18"), a month ("2014-11"), or their
    /// forms with an unknown year or week ("XXXX-11-18", "XXXX-WXX-2"); nil for years, weeks,
    /// references and anything coarser, which do not place an event.
    static func eventDate(_ value: TimexValue) -> TimexValue? {
        switch value.date {
        case .day, .month, .weekday: return value.date
        default: return nil
        }
    }

    /// Whether an unresolved date ("XXXX-02", "XXXX-11-18", "XXXX-WXX-2") fits a resolved one
    /// (a month fits any day of it).
    static func compatible(_ partial: TimexValue, _ full: TimexValue) -> Bool {
        switch (partial, full) {
        case (.weekday(let wd), _): return full.civilDate?.weekday == wd
        case (.day(_, let m, let d), .day(_, let fm, let fd)): return m == fm && d == fd
        case (.month(_, let m), .day(_, let fm, _)), (.month(_, let m), .month(_, let fm)): return m == fm
        default: return false
        }
    }

    /// Whether two resolved dates can be one event's: equal, or a month and a day of it.
    static func sameDay(_ a: TimexValue, _ b: TimexValue) -> Bool {
        switch (a, b) {
        case (.month(let y, let m), .day(let by, let bm, _)), (.day(let y, let m, _), .month(let by, let bm)): return y == by && m == bm
        default: return a == b
        }
    }
}
