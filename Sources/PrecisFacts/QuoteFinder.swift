import Foundation
import PrecisText

/// Something a source said: the speaker as one name across the story, and the spans of the speaker's
/// mention, the reporting verb and what was said.
public struct Quote: Sendable, Equatable {
    /// The speaker's name as the story knows it ("Choe Myong-nam" for "Mr. Choe" and "he"), or the
    /// mention itself when no name is known ("a source", "the ministry").
    public var speaker: String
    /// What was said: the quotation or the reported content.
    public var text: String
    public var start: Int
    public var end: Int
    /// Whether `text` is a direct quotation (in quote marks) rather than reported speech.
    public var direct: Bool
    /// The speaker mention ("he", "Mr. Choe", "North Korea's U.N. mission") and the cue ("said").
    public var source: TextSpan
    public var cue: TextSpan

    /// `text` on one line: a quotation that runs over paragraphs, shown in a list.
    public var oneLineText: String { text.split(separator: "\n").joined(separator: " ") }
}

/// Finds attributions in news text: "X said (that) ...", "..., X said", "..., said X", "according to X",
/// "X told AFP", direct quotations in straight or curly quotes with their speaker in the same or the
/// next sentence, and pronouns ("he said") resolved to the last named speaker of their gender; and, with
/// `AttributionModel`, what the patterns miss (see `Reading`).
public struct QuoteFinder: Sendable {
    let words: QuoteWords
    /// The learnt tagger, which finds the attributions the patterns do not read (indirect speech,
    /// beliefs, several attributions in a sentence); nil reads with the patterns alone.
    public var model: AttributionModel?
    /// What counts as a quote: reported speech for digests, or every attribution PolNeAR annotates.
    public var reading: Reading = .speech

    public enum Reading: String, CaseIterable, Sendable {
        /// Who said what, for readers: the patterns' reading of each sentence, and where they read
        /// none, the tagger's attributions whose cue is a word of saying and whose source is a speaker.
        case speech
        /// Every attribution as PolNeAR annotates it (speech, beliefs, stances): the tagger's reading,
        /// and the patterns' where the tagger finds none.
        case attributions
    }

    public init(model: AttributionModel? = AttributionModel.english) {
        words = QuoteWords.english
        self.model = model
    }

    /// Quotes of one document, in text order. `segmenter` splits the text into sentences.
    public func find(in text: String, segmenter: SentenceSegmenter = SentenceSegmenter()) -> [Quote] {
        let scalars = ScalarText(text)
        let tokens = TimeToken.tokenize(scalars.scalars)
        var quotes: [Quote] = []
        // Named speakers so far, the latest last, with the gender their title or pronoun showed.
        var named: [(name: String, gender: Character?)] = []
        let taggerTokens = model == nil ? [] : TimeToken.splittingClitics(tokens)
        let titled = titledPersons(tokens, scalars.scalars)
        var t = 0, tt = 0
        for span in segmenter.sentences(in: scalars) {
            let r = TimeToken.range(of: span, in: tokens, from: &t)
            let tr = TimeToken.range(of: span, in: taggerTokens, from: &tt)
            guard !r.isEmpty else { continue }
            let (found, tagged) = sentenceAttributions(tokens, r, taggerTokens, tr, scalars.scalars)
            // "Okafor dismissed the claim. Asked ..., she said": a person who is the subject of a sentence
            // that quotes no one is who a later pronoun may point to.
            if found.isEmpty, let person = subjectPerson(tokens, r, titled: titled, speakers: named.map(\.name)) {
                let gender = named.last { $0.name == person }?.gender
                named.removeAll { $0.name == person }
                named.append((person, gender))
            }
            for var q in found {
                // A place or a time set before the sentence ("In Calder, Ana Pell, a pilot, said")
                // is no speaker: the name after its comma is.
                if let named = Self.nameAfterOpeningPhrase(q.source, in: scalars.scalars, words: words) { q.source = named }
                let mention = String(String.UnicodeScalarView(scalars.scalars[q.source.start..<q.source.end]))
                // A mention with a verb in it is a clause misread as a speaker: no quote rather than a wrong one.
                let mentionWords = mention.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
                    .split(whereSeparator: { !$0.isLetter && $0 != "'" })
                // PolNeAR's reading keeps it: its sources run on over appositions and relative clauses
                // ("Nick Witney, a fellow ... who ran the European Defense Agency").
                if mentionWords.isEmpty { continue }
                if reading == .speech && (mentionWords.count > 16 || mentionWords.contains(where: { words.nonspeakers.contains(String($0)) })) { continue }
                let lowered = mention.lowercased()
                if words.pronouns.contains(lowered) {
                    // "he" and "she" point back to the last named speaker they agree with.
                    let gender: Character? = lowered == "he" ? "m" : lowered == "she" ? "f" : nil
                    let antecedent = gender == nil ? named.last : named.last { $0.gender == nil || $0.gender == gender }
                    if let antecedent {
                        q.speaker = antecedent.name
                        if let gender, let k = named.lastIndex(where: { $0.name == antecedent.name }) { named[k].gender = gender }
                    } else if tagged && reading == .speech {
                        // The tagger's "he said" with no one to point to is a quote without a speaker.
                        continue
                    } else {
                        q.speaker = mention
                    }
                } else {
                    q.speaker = Self.cleanName(mention, words: words)
                    // Only a name ("Kim Song"), not "The inquiry", is what a later "he" points to; "Mr." and
                    // "Ms." say which pronoun may.
                    // ("Aides said" opening a sentence names no one either.)
                    let common = mentionWords.count == 1 && words.speakerOpeners.contains(String(mentionWords[0]))
                    if q.speaker.first?.isUppercase == true, !common, !["the", "a", "an"].contains(q.speaker.split(separator: " ").first?.lowercased() ?? "") {
                        let title = mentionWords.first { words.titles.contains(String($0)) }.map(String.init)
                        let gender = title.flatMap { Quote.courtesyTitles[$0] }
                        // "Ms. Terry" is the "Sue Mi Terry" named before: one person, one gender.
                        let surname = q.speaker.split(separator: " ").last.map(String.init)
                        func samePerson(_ other: String) -> Bool { other.split(separator: " ").last.map(String.init) == surname }
                        let known = named.last { samePerson($0.name) }?.gender
                        named.removeAll { $0.name == q.speaker }
                        if let gender { for k in named.indices where samePerson(named[k].name) { named[k].gender = gender } }
                        named.append((q.speaker, gender ?? known))
                    } else if mentionWords.first == "the", mentionWords.count > 1,
                        mentionWords.dropFirst().allSatisfy({ words.titles.contains(String($0)) })
                    {
                        // "said the president": a person a later "he" may point to, though not by name.
                        named.removeAll { $0.name == q.speaker }
                        named.append((q.speaker, nil))
                    }
                }
                // PolNeAR closes a source that runs over an apposition with the comma after it ("Ban
                // Ki-moon, the secretary general of the United Nations, said": 863 of 962 such training
                // sources) and leaves it out of one without (748 of 751).
                if reading == .attributions, mention.contains(","), q.source.end < scalars.scalars.count, scalars.scalars[q.source.end] == "," {
                    q.source.end += 1
                }
                // '"Here he is," she said. "Donald's here."': a quotation that ends before its speaker goes on
                // in the quotation that opens right after the sentence, in the same paragraph, when the rest
                // of the sentence quotes nothing itself (PolNeAR's contents run so: 66 of the 84 sentences
                // whose full stop the tagger put in the content).
                if q.end <= min(q.source.start, q.cue.start), q.start < q.end,
                    Self.openingMarks.contains(scalars.scalars[q.start]) || Self.quotesSomething(scalars.scalars[(q.end - 1)..<q.end]),
                    !Self.quotesSomething(scalars.scalars[max(q.source.end, q.cue.end)..<span.end]),
                    let close = Self.closeOfQuotation(openingAt: span.end, scalars.scalars),
                    !hasOwnAttribution(after: close, scalars.scalars)
                {
                    q.end = close
                    q.text = String(String.UnicodeScalarView(scalars.scalars[q.start..<close]))
                    q.direct = true
                }
                // A quotation that opened in an earlier sentence of the paragraph starts there, and one
                // that goes on past this sentence (or paragraph) ends where it closes.
                extendToOpeningQuote(&q, scalars.scalars)
                extendToClosingQuote(&q, scalars.scalars)
                // For readers, a quotation over several sentences is one quote, with the first speaker
                // found for it (PolNeAR may annotate two attributions of one content).
                if reading == .speech, quotes.contains(where: { $0.start == q.start && $0.end == q.end }) { continue }
                quotes.append(q)
            }
        }
        // Quotations signed with a dash and a name; a sentence's reading of the same name gives way.
        for signed in signedQuotations(scalars.scalars) {
            quotes.removeAll { $0.source.start < signed.source.end && signed.source.start < $0.source.end }
            quotes.insert(signed, at: quotes.firstIndex { $0.start > signed.start } ?? quotes.endIndex)
        }
        // A quotation extended forward stops where the next attribution's content begins.
        for k in quotes.indices.dropLast() where quotes[k].end > quotes[k + 1].start && quotes[k].start < quotes[k + 1].start {
            var end = quotes[k + 1].start
            while end > quotes[k].start && CharClass.isSpace(scalars.scalars[end - 1]) { end -= 1 }
            quotes[k].end = end
            quotes[k].text = String(String.UnicodeScalarView(scalars.scalars[quotes[k].start..<end]))
        }
        return quotes
    }

    /// Quotations signed the way pull quotes, readers' comments and embedded posts are: a closing
    /// quotation mark, a dash and a name at the end of its line ('"... our greatest shame." ― Sonya
    /// Herridge'), or, for readers, a line of text signed "— Name (@handle)" (an embedded post). The dash
    /// is the cue, the name the source and the quotation (the line's text for a post) what was said.
    func signedQuotations(_ scalars: [Unicode.Scalar]) -> [Quote] {
        func text(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(scalars[a..<b])) }
        func inlineSpace(_ c: Unicode.Scalar) -> Bool { CharClass.isSpace(c) && !CharClass.isNewline(c) }
        var out: [Quote] = []
        var i = 0
        while i < scalars.count {
            defer { i += 1 }
            let long = scalars[i] == "\u{2015}" || scalars[i] == "\u{2014}" || scalars[i] == "\u{2013}"
            guard long || (scalars[i] == "-" && i + 1 < scalars.count && scalars[i + 1] == "-") else { continue }
            let cue = TextSpan(start: i, end: long ? i + 1 : i + 2)
            // The name: one to six capitalised words on the dash's line.
            var k = cue.end
            while k < scalars.count && inlineSpace(scalars[k]) { k += 1 }
            let nameStart = k
            var nameEnd = k, words = 0
            while k < scalars.count && CharClass.isUpper(scalars[k]) && words < 6 {
                while k < scalars.count && (CharClass.isLetter(scalars[k]) || [".", "-", "'", "\u{2019}"].contains(scalars[k])) { k += 1 }
                nameEnd = k
                words += 1
                guard k + 1 < scalars.count, scalars[k] == " ", CharClass.isUpper(scalars[k + 1]) else { break }
                k += 1
            }
            guard words > 0 else { continue }
            var after = nameEnd
            while after < scalars.count && inlineSpace(scalars[after]) { after += 1 }
            let handle = after + 1 < scalars.count && scalars[after] == "(" && scalars[after + 1] == "@"
            var ends = after >= scalars.count || CharClass.isNewline(scalars[after]) || scalars[after] == "," || handle
            if !ends, scalars[after] == "." { ends = after + 1 >= scalars.count || CharClass.isNewline(scalars[after + 1]) }
            guard ends else { continue }
            // What was said: the quotation closed just before the dash, or the post's line.
            var b = cue.start
            while b > 0 && inlineSpace(scalars[b - 1]) { b -= 1 }
            guard b > 0 else { continue }
            var a = b - 1
            let close = scalars[a]
            if close == "\u{201D}" || close == "\"" {
                a -= 1
                while a >= 0 && scalars[a] != (close == "\"" ? "\"" : "\u{201C}") {
                    if scalars[a] == "\n" && a > 0 && scalars[a - 1] == "\n" { break }
                    a -= 1
                }
                guard a >= 0, scalars[a] == "\u{201C}" || scalars[a] == "\"", b - a > 2 else { continue }
            } else if handle && reading == .speech {
                // PolNeAR leaves embedded posts unannotated (one of 15 in its training split); readers want them.
                while a > 0 && !CharClass.isNewline(scalars[a - 1]) && scalars[a - 1] != ">" { a -= 1 }
                while a < b && CharClass.isSpace(scalars[a]) { a += 1 }
                guard b - a > 2 else { continue }
            } else {
                continue
            }
            let nameText = text(nameStart, nameEnd).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            let source = TextSpan(start: nameStart, end: nameStart + nameText.unicodeScalars.count)
            // A post is its author's own words, as a quotation is.
            out.append(
                Quote(
                    speaker: Self.cleanName(nameText, words: self.words), text: text(a, b), start: a, end: b,
                    direct: true, source: source, cue: cue))
            i = nameEnd
        }
        return out
    }

    /// The attributions of one sentence under `reading`, and whether the tagger read them.
    func sentenceAttributions(
        _ tokens: [TimeToken], _ sentence: Range<Int>, _ taggerTokens: [TimeToken], _ taggerSentence: Range<Int>,
        _ scalars: [Unicode.Scalar]
    ) -> ([Quote], tagged: Bool) {
        switch reading {
        case .attributions:
            if let model, !taggerSentence.isEmpty {
                let tagged = taggedAttributions(taggerTokens, taggerSentence, scalars, model: model)
                if !tagged.isEmpty { return (tagged, true) }
            }
            return (attribution(tokens, sentence, scalars).map { [$0] } ?? [], false)
        case .speech:
            if let rule = attribution(tokens, sentence, scalars), !Self.opensOnAPhraseTail(rule, scalars) { return ([rule], false) }
            guard let model, !taggerSentence.isEmpty else { return ([], false) }
            let tagged = taggedAttributions(taggerTokens, taggerSentence, scalars, model: model)
            return (tagged.map { Self.quotationAfterCue($0, scalars) }.filter { isSpeech($0, scalars) }, true)
        }
    }

    /// A content that holds its own speaker and cue and then opens a quotation ('His brother, Ana Pell,
    /// adds, "We left'): the tagger took the attribution for the words; what was said is the
    /// quotation after the cue. Any other quote is returned as it is.
    static func quotationAfterCue(_ q: Quote, _ scalars: [Unicode.Scalar]) -> Quote {
        guard holdsItsAttribution(q),
            let open = (q.cue.end..<q.end).first(where: { scalars[$0] == "\u{201C}" || Self.straightMarkOpens(at: $0, scalars) == true })
        else { return q }
        var quote = q
        quote.start = open
        quote.text = String(String.UnicodeScalarView(scalars[open..<q.end]))
        quote.direct = true
        return quote
    }

    /// Whether what a quote says holds its own speaker mention and cue.
    static func holdsItsAttribution(_ q: Quote) -> Bool { q.start <= q.source.start && q.cue.end <= q.end }

    /// Whether a tagged attribution reports speech by a speaker: its cue has a word of saying ("said",
    /// "according to", "saying"), not of believing or acting, its source mention reads as a speaker
    /// (no clause opener, verb or cue in it, at most eight words, not adverbs alone: "currently"), and
    /// its content is not a sentence's tail.
    func isSpeech(_ q: Quote, _ scalars: [Unicode.Scalar]) -> Bool {
        func lowerWords(_ span: TextSpan) -> [String] {
            String(String.UnicodeScalarView(scalars[span.start..<span.end])).lowercased()
                .split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "\u{2019}" }).map(String.init)
        }
        guard q.start < q.end, !Self.opensOnAPhraseTail(q, scalars), !Self.isQuotedTitle(q) else { return false }
        // What was said holds its own speaker and cue ('His brother, Ana Pell, adds, "We left'): the
        // tagger took the attribution for the words.
        if Self.holdsItsAttribution(q) { return false }
        let cue = lowerWords(q.cue)
        guard cue.contains(where: { words.cues.contains($0) || words.participles.contains($0) || $0 == "according" }) else { return false }
        // "Hays reported from New York": where from, and nothing said.
        if q.end - q.start > 6, String(String.UnicodeScalarView(scalars[q.start..<(q.start + 5)])) == "from ", scalars[q.start + 5].properties.isUppercase {
            return false
        }
        // "Accidents claimed more than 40 lives": a cue before some nouns reports nothing.
        if let objects = cue.lazy.compactMap({ self.words.notSaid[$0] }).first,
            lowerWords(TextSpan(start: q.start, end: q.end)).prefix(4).contains(where: objects.contains)
        {
            return false
        }
        let mention = lowerWords(q.source)
        guard let first = mention.first, mention.count <= 8, !words.clauseOpeners.contains(first),
            !["and", "or", "but", "of", "in", "on", "for"].contains(first)
        else { return false }
        // A lower-case "-ly" word is an adverb ("currently", "previously") unless it names people ("family").
        let adverbs = mention.filter(words.isAdverb)
        if adverbs.count == mention.count && scalars[q.source.start].properties.isLowercase { return false }
        return !mention.contains {
            words.nonspeakers.contains($0) || words.cues.contains($0) || words.attribution.contains($0) || words.participles.contains($0)
        }
    }

    /// A tagged source without what the tagger ran into on either side: the end of a quotation before
    /// it ('the Nation," House Speaker Paul D. Ryan'), a dateline ("BRUSSELS - European leaders"), a
    /// time after it ("The Times on Saturday", "the Human Rights Council in 2015") or an auxiliary ("I
    /// should"). PolNeAR's sources leave them out.
    func trimmedSource(_ tokens: [TimeToken], _ from: Int, _ to: Int, _ scalars: [Unicode.Scalar]) -> (from: Int, to: Int)? {
        var a = from, b = to
        if let mark = (a..<b).last(where: { Self.closingMarks.contains(tokens[$0].lower) && $0 > a }) { a = mark + 1 }
        if b - a >= 2, tokens[a].kind == .word, tokens[a].lower.count > 1,
            scalars[tokens[a].start..<tokens[a].end].allSatisfy({ !$0.properties.isLowercase }), ["-", "\u{2014}", "\u{2013}"].contains(tokens[a + 1].lower)
        {
            a += 2
        }
        // "France and Germany", "the United States, Britain and France": names joined to the source.
        // (A comma joins a name only in a list that "and" closes: "On Monday, Trump" is not one.)
        while a >= 2, tokens[a - 1].lower == "and" || tokens[a - 1].lower == "," && a < from, tokens[a - 2].kind == .word, tokens[a - 2].capitalized,
            tokens[a].capitalized, from - a < 12
        {
            var k = a - 2
            while k > 0, tokens[k - 1].kind == .word, tokens[k - 1].capitalized { k -= 1 }
            if k > 0, tokens[k - 1].lower == "the" { k -= 1 }
            a = k
        }
        let time = TimeWords.english
        func isTime(_ t: TimeToken) -> Bool {
            time.weekdays[t.lower] != nil || time.months[t.lower] != nil || time.relativeDays[t.lower] != nil
                || time.units[t.lower] != nil || t.kind == .number && t.lower.count == 4 && Int(t.lower).map { (1800...2100).contains($0) } == true
        }
        var c = b, timed = false
        while c > a, isTime(tokens[c]) || ["on", "in", "this", "last", "next", "just", "earlier", "late", "early", "morning", "night"].contains(tokens[c].lower)
        {
            if isTime(tokens[c]) { timed = true }
            c -= 1
        }
        if timed, c >= a, c < b, ["on", "in", "this", "last", "just", "earlier", "late", "early"].contains(tokens[c + 1].lower) { b = c }
        while b > a, words.isAuxiliary(tokens, b) || words.modals.contains(tokens[b].lower) {
            b -= 1
        }
        return a <= b ? (a, b) : nil
    }

    /// Whether what a quote says is a title in quotation marks: at most four words, each capitalised
    /// or a number ('told "60 Minutes"', 'in an interview with "Calder Today"'): a programme or a
    /// work named, not words spoken.
    static func isQuotedTitle(_ q: Quote) -> Bool {
        let marks: Set<Character> = ["\"", "\u{201C}", "\u{201D}", "'", "\u{2018}", "\u{2019}"]
        let inner = q.text.trimmingCharacters(in: .whitespaces)
        guard let first = inner.first, let last = inner.last, marks.contains(first), marks.contains(last), inner.count > 2 else { return false }
        let words = inner.dropFirst().dropLast().split(whereSeparator: { $0.isWhitespace })
        return !words.isEmpty && words.count <= 4 && words.allSatisfy { $0.first.map { $0.isUppercase || $0.isNumber } ?? false }
    }

    /// Whether what a quote says opens on a comma or on "and": the rest of a sentence whose content
    /// was missed ("More than 1,300 jobs ..., the union said, a higher figure than ..."), or the second
    /// half of a phrase misread around a noun that looks like a cue ("a statement given to U.N. states
    /// and obtained by Reuters"; 14 of PolNeAR's 19 892 training contents open on "and").
    static func opensOnAPhraseTail(_ q: Quote, _ scalars: [Unicode.Scalar]) -> Bool {
        guard q.start < q.end else { return false }
        if [",", ";", ")"].contains(scalars[q.start]) { return true }
        // A straight quotation mark with white space after it closes a quotation: what follows is
        // the text between two quotations ('... of that." His husband adds, "We left').
        if scalars[q.start] == "\"", q.start + 1 < scalars.count, CharClass.isSpace(scalars[q.start + 1]) { return true }
        return q.end - q.start > 4 && String(String.UnicodeScalarView(scalars[q.start..<(q.start + 4)])) == "and "
    }

    /// Attributions the tagger reads in a sentence: each cue with the nearest source and content spans.
    func taggedAttributions(_ tokens: [TimeToken], _ sentence: Range<Int>, _ scalars: [Unicode.Scalar], model: AttributionModel) -> [Quote] {
        let tags = model.tags(tokens, sentence, words: words)
        var spans: [(role: Int, from: Int, to: Int)] = []
        for (j, tag) in tags.enumerated() {
            guard let role = tag.role else { continue }
            if tag.begins || spans.last.map({ $0.role != role || $0.to != sentence.lowerBound + j - 1 }) ?? true {
                spans.append((role, sentence.lowerBound + j, sentence.lowerBound + j))
            } else {
                spans[spans.count - 1].to = sentence.lowerBound + j
            }
        }
        func gap(_ a: (role: Int, from: Int, to: Int), _ b: (role: Int, from: Int, to: Int)) -> Int {
            a.to < b.from ? b.from - a.to : a.from - b.to
        }
        // A content of punctuation alone says nothing: the tagger marks the full stop after '"...," she
        // said.' as content where PolNeAR's content runs on into the next quotation.
        let contents = spans.filter { span in span.role == 2 && (span.from...span.to).contains { tokens[$0].kind != .punct } }
        var out: [Quote] = []
        for cue in spans where cue.role == 1 {
            guard let source = spans.filter({ $0.role == 0 }).min(by: { gap($0, cue) < gap($1, cue) }),
                let content = contents.min(by: { gap($0, cue) < gap($1, cue) })
            else { continue }
            var first = content, last = content
            // "All of which, he said, would help ...": what was said is on both sides of a speaker set off
            // by commas, one content around it.
            let lo = min(source.from, cue.from), hi = max(source.to, cue.to)
            if let other = contents.first(where: { content.to < lo ? $0.from > hi : content.from > hi && $0.to < lo }) {
                let (before, after) = content.to < lo ? (content, other) : (other, content)
                let between = spans.filter { $0.from > before.to && $0.to < after.from }
                if between.count == 2, tokens[lo - 1].lower == ",", tokens[hi + 1].lower == "," { first = before; last = after }
            }
            var a = tokens[first.from].start
            // A full stop or comma that ends what was said outside quotation marks is the sentence's, not
            // the content's (PolNeAR leaves it out: 19 of 21 such dev contents).
            let b = last.to > first.from && [".", ",", ";"].contains(tokens[last.to].lower) ? tokens[last.to - 1].end : tokens[last.to].end
            // The same with only the part after it tagged: the sentence's opening words, up to the comma
            // before the speaker, are what was said too.
            if first.from > hi, lo - 1 > sentence.lowerBound, tokens[lo - 1].lower == ",", hi + 1 < sentence.upperBound, tokens[hi + 1].lower == ",",
                !spans.contains(where: { $0.to < lo })
            {
                a = tokens[sentence.lowerBound].start
            }
            guard let who = trimmedSource(tokens, source.from, source.to, scalars) else { continue }
            out.append(
                Quote(
                    speaker: "", text: String(String.UnicodeScalarView(scalars[a..<b])), start: a, end: b,
                    direct: scalars[a] == "\"" || scalars[a] == "\u{201C}",
                    source: TextSpan(start: tokens[who.from].start, end: tokens[who.to].end),
                    cue: TextSpan(start: tokens[cue.from].start, end: tokens[cue.to].end)))
        }
        return out
    }

    /// Characters that open a quotation.
    static let openingMarks: Set<Unicode.Scalar> = ["\u{201C}", "\"", "`", "'"]
    /// Tokens that close a quotation.
    static let closingMarks: Set<String> = ["\"", "\u{201D}", "''"]
    /// Whether `text` holds a quotation mark (double, curly or straight, or two apostrophes).
    static func quotesSomething(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        text.indices.contains { k in
            ["\u{201C}", "\u{201D}", "\""].contains(text[k]) || (text[k] == "'" && k + 1 < text.endIndex && text[k + 1] == "'")
        }
    }

    /// Whether the words after a quotation's close, to the end of its sentence, hold a word of saying
    /// ('"We reopen on Monday," she added.'): that quotation has a speaker of its own.
    func hasOwnAttribution(after close: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        // A full stop inside the marks ends the sentence there: what follows is another's.
        if close >= 2, scalars[close - 2] == "." { return false }
        var k = close
        while k < scalars.count, !CharClass.isNewline(scalars[k]), ![".", "!", "?"].contains(scalars[k]) { k += 1 }
        let rest = String(String.UnicodeScalarView(scalars[close..<k])).lowercased()
        return rest.split(whereSeparator: { !$0.isLetter }).contains { words.cues.contains(String($0)) }
    }

    /// Where the quotation that opens at `from` (after spaces, in the same paragraph) ends: one past
    /// its closing mark; nil when none opens there or it does not close before the paragraph does.
    static func closeOfQuotation(openingAt from: Int, _ scalars: [Unicode.Scalar]) -> Int? {
        var k = from
        while k < scalars.count && CharClass.isSpace(scalars[k]) && !CharClass.isNewline(scalars[k]) { k += 1 }
        guard k < scalars.count else { return nil }
        let double = k + 1 < scalars.count && scalars[k] == "'" && scalars[k + 1] == "'"
        guard scalars[k] == "\u{201C}" || scalars[k] == "\"" || double else { return nil }
        var j = k + (double ? 2 : 1)
        while j < scalars.count && !CharClass.isNewline(scalars[j]) && j - k < 3000 {
            if double ? (scalars[j] == "'" && j + 1 < scalars.count && scalars[j + 1] == "'") : (scalars[j] == (scalars[k] == "\"" ? "\"" : "\u{201D}")) {
                return j + (double ? 2 : 1)
            }
            j += 1
        }
        return nil
    }

    /// When the content opens a quotation it does not close, moves its end to the closing mark: over
    /// the following sentences, and over paragraph breaks when the next paragraph opens with a quote
    /// mark (the convention for a quotation that runs on; the mark that would close the paragraph is
    /// left out). At a paragraph that does not continue, the quotation ends with its paragraph.
    func extendToClosingQuote(_ q: inout Quote, _ scalars: [Unicode.Scalar]) {
        guard q.start < q.end, scalars[q.start] == "\u{201C}" || scalars[q.start] == "\"" else { return }
        let curly = scalars[q.start] == "\u{201C}"
        func closes(_ c: Unicode.Scalar) -> Bool { curly ? c == "\u{201D}" : c == "\"" }
        func opens(_ c: Unicode.Scalar) -> Bool { c == "\u{201C}" || (!curly && c == "\"") }
        if scalars[(q.start + 1)..<q.end].contains(where: closes) { return }
        var k = q.start + 1
        var end: Int? = nil
        while k < scalars.count && k - q.start < 5000 {
            let c = scalars[k]
            if closes(c) { end = k + 1; break }
            if c == "\n" && k + 1 < scalars.count && scalars[k + 1] == "\n" {
                var n = k
                while n < scalars.count && (scalars[n] == "\n" || CharClass.isSpace(scalars[n])) { n += 1 }
                if n < scalars.count && opens(scalars[n]) { k = n + 1; continue }
                end = k
                break
            }
            k += 1
        }
        guard var e = end ?? (k >= scalars.count ? scalars.count : nil), e > q.end else { return }
        while e > q.start && CharClass.isSpace(scalars[e - 1]) { e -= 1 }
        q.end = e
        q.text = String(String.UnicodeScalarView(scalars[q.start..<e]))
        q.direct = true
    }

    /// When the content closes a quotation it never opened, moves its start back to the opening
    /// mark, within the paragraph.
    func extendToOpeningQuote(_ q: inout Quote, _ scalars: [Unicode.Scalar]) {
        let opens: Set<Unicode.Scalar> = ["\u{201C}", "\""]
        let closes: Set<Unicode.Scalar> = ["\u{201D}", "\""]
        let content = scalars[q.start..<q.end]
        // A straight mark shaped as an opening one (space before, a word after) closes nothing.
        guard let lastClose = content.indices.last(where: { closes.contains(scalars[$0]) && Self.straightMarkOpens(at: $0, scalars) != true })
        else { return }
        var balance = 0
        for c in content[..<lastClose] {
            if c == "\u{201C}" { balance += 1 } else if c == "\u{201D}" { balance -= 1 } else if c == "\"" { balance = balance == 0 ? 1 : 0 }
        }
        guard balance <= 0, !(scalars[q.start] == "\u{201C}" || (scalars[q.start] == "\"" && balance == 0 && content.filter { $0 == "\"" }.count % 2 == 0))
        else { return }
        var i = q.start - 1
        while i >= 0 && q.start - i < 3000 {
            if scalars[i] == "\n" && i > 0 && scalars[i - 1] == "\n" { return }
            // A straight mark shaped as a closing one (a word before it, space after) opens nothing.
            if opens.contains(scalars[i]), Self.straightMarkOpens(at: i, scalars) != false {
                q.start = i
                q.text = String(String.UnicodeScalarView(scalars[i..<q.end]))
                q.direct = true
                return
            }
            i -= 1
        }
    }

    /// Whether the straight quotation mark at `k` opens a quotation (white space or nothing before it,
    /// a word after it: true) or closes one (a word or a mark before it, white space or nothing after
    /// it: false); nil for any other mark or shape.
    static func straightMarkOpens(at k: Int, _ scalars: [Unicode.Scalar]) -> Bool? {
        guard scalars[k] == "\"" else { return nil }
        let spaceBefore = k == 0 || CharClass.isSpace(scalars[k - 1])
        let spaceAfter = k + 1 >= scalars.count || CharClass.isSpace(scalars[k + 1])
        if spaceBefore && !spaceAfter { return true }
        if !spaceBefore && spaceAfter { return false }
        return nil
    }

    /// The paragraph that starts after `offset` when only white space and a line break lie between:
    /// what "He said:" at the end of a paragraph introduces.
    func paragraph(after offset: Int, _ scalars: [Unicode.Scalar]) -> TextSpan? {
        var a = offset
        var broke = false
        while a < scalars.count, CharClass.isSpace(scalars[a]) { if CharClass.isNewline(scalars[a]) { broke = true }; a += 1 }
        guard broke, a < scalars.count else { return nil }
        var b = a
        while b < scalars.count, !CharClass.isNewline(scalars[b]) { b += 1 }
        while b > a, CharClass.isSpace(scalars[b - 1]) { b -= 1 }
        return b > a ? TextSpan(start: a, end: b) : nil
    }

    /// The noun phrase that opens a sentence ("Australian judge Michael Kirby"), up to its first comma
    /// or lower-case word that is not a title; nil unless it holds a capitalised word.
    func leadingSubject(_ tokens: [TimeToken], _ sentence: Range<Int>, before c: Int, needsComma: Bool = true) -> TextSpan? {
        var e = sentence.lowerBound
        while e < c && e - sentence.lowerBound < 8 && tokens[e].kind == .word && (tokens[e].capitalized || words.titles.contains(tokens[e].lower)) { e += 1 }
        guard e > sentence.lowerBound, tokens[sentence.lowerBound..<e].contains(where: { $0.capitalized }) else { return nil }
        if needsComma { guard e < c, tokens[e].lower == "," else { return nil } }
        // Without a comma, the subject must be followed by its verb, not end the sentence's first word
        // run on a pronoun or article ("It", "The").
        if !needsComma && e - sentence.lowerBound == 1
            && ["it", "the", "a", "an", "this", "that", "but", "and", "in", "on", "at", "as"].contains(tokens[sentence.lowerBound].lower)
        {
            return nil
        }
        return TextSpan(start: tokens[sentence.lowerBound].start, end: tokens[e - 1].end)
    }

    /// The people a text names after a title ("House Speaker Lena Okafor", "Mr. Choe", "John A.
    /// Boehner" after "Speaker"), by surname in lower case, each under the longest name it is given.
    func titledPersons(_ tokens: [TimeToken], _ scalars: [Unicode.Scalar]) -> [String: String] {
        var out: [String: String] = [:]
        for i in tokens.indices where tokens[i].kind == .word && words.titles.contains(tokens[i].lower) {
            var j = i + 1
            // A full stop after an abbreviated title ("Mr.", "Sen.", "Gov."); after a longer one it
            // ends the sentence ("met the Secretary. But ..."), and what follows is no name.
            if j < tokens.count, tokens[j].lower == ".", tokens[i].lower.count <= 4 { j += 1 }
            // A title to come: "President-elect Ana Vell", "Minister-designate Lu".
            if j + 1 < tokens.count, tokens[j].lower == "-", tokens[j].start == tokens[i].end, words.toCome.contains(tokens[j + 1].lower) {
                j += 2
            }
            let first = j
            var surname: String?, end = 0
            // A name follows its title on the same line: "1:24pm PDT" ending a line titles nobody, and
            // the capitalised words opening the next paragraph ("After ...") are no name.
            func lineBreak(before k: Int) -> Bool { scalars[tokens[k - 1].end..<tokens[k].start].contains(where: CharClass.isNewline) }
            while j < tokens.count, tokens[j].kind == .word, tokens[j].capitalized, !words.titles.contains(tokens[j].lower), j - first < 6,
                !lineBreak(before: j)
            {
                surname = tokens[j].lower
                end = tokens[j].end
                // "Minister Marr's office" names Marr.
                if let possessive = ["'s", "\u{2019}s"].first(where: { tokens[j].lower.hasSuffix($0) }) {
                    surname = String(tokens[j].lower.dropLast(possessive.count))
                    end -= 2
                    j += 1
                    break
                }
                // "Myong-nam"; an initial's full stop ("John A. Boehner").
                if j + 2 < tokens.count, tokens[j + 1].lower == "-", tokens[j + 2].kind == .word, tokens[j + 1].start == tokens[j].end {
                    surname = tokens[j].lower + "-" + tokens[j + 2].lower
                    end = tokens[j + 2].end
                    j += 2
                } else if j + 1 < tokens.count, tokens[j + 1].lower == ".", tokens[j].lower.count == 1 {
                    j += 1
                }
                j += 1
            }
            // A lone initial is no name.
            guard let surname, surname.count > 1, j > first else { continue }
            let name = String(String.UnicodeScalarView(scalars[tokens[first].start..<end]))
            if name.count > (out[surname]?.count ?? 0) { out[surname] = name }
        }
        return out
    }

    /// The person a sentence is about, when its subject is one the text names after a title, or one
    /// of the `speakers` it has quoted by name (by surname): the capitalised words that follow its
    /// first comma ("But on Thursday, Okafor dismissed ...", "Unlike Pell, Vell rejects ..."), open
    /// it, or follow an opening "But" or "And", not a possessive, before a lower-case word or a
    /// comma, and not a name in a list ("Pell, Vell and Okafor").
    func subjectPerson(_ tokens: [TimeToken], _ sentence: Range<Int>, titled: [String: String], speakers: [String] = []) -> String? {
        var titled = titled
        for name in speakers where name.first?.isUppercase == true && !words.pronouns.contains(name.lowercased()) {
            if let surname = name.split(separator: " ").last?.lowercased(), titled[surname] == nil { titled[surname] = name }
        }
        guard !titled.isEmpty else { return nil }
        let stop = LanguageData.english.stopWords
        // After the first comma first: what opens the sentence before it may be a phrase ("Unlike
        // Pell, Vell rejects ..."); then the sentence's first word, and the word after an opening "But".
        var starts: [Int] = []
        if let comma = sentence.prefix(12).first(where: { tokens[$0].lower == "," }) { starts.append(comma + 1) }
        starts.append(sentence.lowerBound)
        if ["but", "and", "yet", "still"].contains(tokens[sentence.lowerBound].lower) { starts.append(sentence.lowerBound + 1) }
        // A capitalised preposition opens a phrase, not a subject ("In Calder, ...").
        for a in starts where a < sentence.upperBound && !(stop.contains(tokens[a].lower) && !words.titles.contains(tokens[a].lower)) {
            var j = a
            while j < sentence.upperBound {
                if tokens[j].kind == .word, tokens[j].capitalized || words.titles.contains(tokens[j].lower) { j += 1; continue }
                if j > a, j + 1 < sentence.upperBound, tokens[j].lower == "-", tokens[j].start == tokens[j - 1].end, tokens[j + 1].kind == .word {
                    j += 2; continue
                }
                break
            }
            guard j > a, j < sentence.upperBound else { continue }
            let next = tokens[j]
            guard (next.kind == .word && !next.capitalized) || next.lower == "," else { continue }
            // Not a name in a list ("Pell, Vell and Okafor"), though a subject may run on with "and"
            // ("Pell and her crew are ...").
            func list(after k: Int) -> Bool {
                var m = k
                while m < sentence.upperBound, tokens[m].kind == .word, tokens[m].capitalized { m += 1 }
                return m > k && m < sentence.upperBound && ["and", "or"].contains(tokens[m].lower)
            }
            if a > sentence.lowerBound, tokens[a - 1].lower == ",", ["and", "or"].contains(next.lower) { continue }
            if next.lower == ",", list(after: j + 1) { continue }
            let last = tokens[j - 1].lower
            if last.hasSuffix("'s") || last.hasSuffix("\u{2019}s") { continue }
            if let person = titled[last] { return person }
            // A hyphenated surname ends the run in its lower-case part: "Choe Myong-nam".
            if j >= a + 3, tokens[j - 2].lower == "-", let person = titled[tokens[j - 3].lower + "-" + last] { return person }
        }
        return nil
    }

    /// When `source` opens with a preposition or a clause word ("In Calder", "After the vote") and a
    /// comma and a capitalised name of two to five words follow it ("Ana Pell", "the Rev. Ana
    /// Pell"), the name's span; else nil.
    static func nameAfterOpeningPhrase(_ source: TextSpan, in scalars: [Unicode.Scalar], words: QuoteWords) -> TextSpan? {
        var k = source.start
        while k < source.end, CharClass.isLetter(scalars[k]) { k += 1 }
        let first = String(String.UnicodeScalarView(scalars[source.start..<k])).lowercased()
        guard !first.isEmpty, words.venues.contains(first) || words.clauseOpeners.contains(first) else { return nil }
        // The comma that closes the opening phrase, at or just after the source's end.
        var c = source.start
        while c < scalars.count, scalars[c] != ",", c <= source.end { c += 1 }
        guard c < scalars.count, scalars[c] == "," else { return nil }
        var start = c + 1
        while start < scalars.count, scalars[start] == " " { start += 1 }
        // "the Rev. Ana Pell": a title with its article; `cleanName` keeps the name after the title.
        var end = start, count = 0
        if start + 4 < scalars.count, String(String.UnicodeScalarView(scalars[start..<(start + 4)])) == "the " {
            var e = start + 4
            while e < scalars.count, CharClass.isLetter(scalars[e]) { e += 1 }
            if words.titles.contains(String(String.UnicodeScalarView(scalars[(start + 4)..<e])).lowercased()) { end = start + 4 }
        }
        while end < scalars.count, CharClass.isUpper(scalars[end]), count < 5 {
            var e = end
            while e < scalars.count, CharClass.isLetter(scalars[e]) || [".", "-", "'", "\u{2019}"].contains(scalars[e]) { e += 1 }
            count += 1
            guard e + 1 < scalars.count, scalars[e] == " ", CharClass.isUpper(scalars[e + 1]) else { end = e; break }
            end = e + 1
        }
        guard count >= 2, end < scalars.count, scalars[end] == "," || scalars[end] == " " else { return nil }
        return TextSpan(start: start, end: end)
    }

    /// Whether a word is a title ("Sgt.", "minister"), or titles joined by hyphens ("Det.-Sgt.").
    static func isTitle(_ word: some StringProtocol, words: QuoteWords) -> Bool {
        let parts = word.lowercased().split(separator: "-").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        return !parts.isEmpty && words.titles.contains(parts[0]) && parts.dropFirst().allSatisfy { words.titles.contains($0) || words.toCome.contains($0) }
    }

    /// A speaker's name without titles and possessives: "Mr. Choe" → "Choe", "North Korea's U.N.
    /// mission" stays (an organisation).
    static func cleanName(_ mention: String, words: QuoteWords) -> String {
        // An apposition names the speaker on one side of its comma: "Tomas Reyes, the project
        // engineer" and "the project engineer, Tomas Reyes," are Tomas Reyes.
        let pieces = mention.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if pieces.count > 1,
            let name = pieces.first(where: { piece in
                let w = piece.split(separator: " ")
                return w.count <= 5
                    && w.allSatisfy { $0.first?.isUppercase == true || Self.isTitle($0, words: words) }
                    && w.contains { $0.first?.isUppercase == true } && !["The", "A", "An"].contains(String(w[0]))
                    // A place or a time set before the sentence ("In Calder, Ana Pell, a pilot,
                    // said") names no one.
                    && !words.venues.contains(w[0].lowercased()) && !words.clauseOpeners.contains(w[0].lowercased())
            })
        {
            return cleanName(name, words: words)
        }
        let parts = mention.split(separator: " ").map(String.init)
        func isTitle(_ w: String) -> Bool { Self.isTitle(w, words: words) }
        // The name after the last title: "political counselor Kim Song from the mission" is Kim Song,
        // "British Ambassador Mark Lyall Grant" is Mark Lyall Grant.
        if let t = parts.lastIndex(where: isTitle), t + 1 < parts.count {
            let name = parts[(t + 1)...].prefix { $0.first?.isUppercase == true }
            if !name.isEmpty { return name.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        }
        // A role in lower case before a name of two words or more ("harbour master Ana Pell", "the
        // team captain Lea Berg"): the name (`Quote.role` gives the role). Not a role whose noun
        // takes the name after a preposition ("the next leader of Calder Democrats" is a leader,
        // not the party).
        if let n = parts.firstIndex(where: { $0.first?.isUppercase == true }), n > 0, parts.count - n >= 2,
            !words.roleTies.contains(parts[n - 1]),
            parts[..<n].allSatisfy({ $0.first?.isLowercase == true && $0.allSatisfy(\.isLetter) }),
            parts[n...].allSatisfy({ $0.first?.isUppercase == true })
        {
            return parts[n...].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;:"))
        }
        // A name and where or when the words came ("Ana Pell on Twitter", "the Calder Herald in a
        // blog post", "Pell in delivering her decision"): the name. Not "with" or "from", which
        // tell whose the speaker is ("Scientists from Calder University").
        if let v = parts.firstIndex(where: { ["on", "in", "during", "after", "before"].contains($0) }), v > 0,
            parts[..<v].allSatisfy({ $0.first?.isUppercase == true })
        {
            return parts[..<v].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;:"))
        }
        return parts.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;:"))
    }

    /// Joins a description to the name its source gives it: in a text that says "The representative,
    /// Choe Myong-nam, said ...", a quote of "North Korea's representative" is Choe Myong-nam's. Only
    /// within one source, and only when the source names one person in apposition to that word.
    public static func nameDescriptions(_ quotes: inout [[Quote]], texts: [String]) {
        let apposition = try! NSRegularExpression(
            pattern:
                "\\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[A-Z][\\w.]*(?:\u{2019}s|'s))(?: [a-z][\\w-]*){0,3} ([a-z][\\w-]+), ([A-Z][\\w-]+(?: [A-Z][\\w-]+){1,3}),")
        for d in quotes.indices where d < texts.count {
            let text = texts[d]
            var named: [String: Set<String>] = [:]
            for m in apposition.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let role = Range(m.range(at: 1), in: text), let name = Range(m.range(at: 2), in: text) else { continue }
                named[text[role].lowercased(), default: []].insert(String(text[name]))
            }
            guard !named.isEmpty else { continue }
            for k in quotes[d].indices {
                let speaker = quotes[d][k].speaker
                let words = speaker.split(separator: " ")
                // A description: lower-case last word after a possessive or an article, no name of its own.
                guard words.count >= 2, let last = words.last, last.first?.isLowercase == true,
                    speaker.contains("\u{2019}s") || speaker.contains("'s") || ["the", "its", "his", "her"].contains(words[0].lowercased()),
                    let names = named[last.lowercased()], names.count == 1, let name = names.first
                else { continue }
                quotes[d][k].speaker = name
            }
        }
    }

    /// Links, handles and hashtags that end what was said ("... More soon on #quay
    /// pic.example.com/8aanQ", an embedded post's picture link) are no words of it: the quotation's
    /// end moves back before them, so its span still gives back exactly its text.
    public static func trimTrailingLinks(_ quotes: inout [[Quote]]) {
        for d in quotes.indices {
            for k in quotes[d].indices {
                var q = quotes[d][k]
                var text = Substring(q.text)
                // A quotation in marks ends on its mark; an embedded post's words have none.
                guard text.unicodeScalars.count == q.end - q.start, let last = text.last, !"\"\u{201D}".contains(last) else { continue }
                while true {
                    let body = text.trimmingSuffix(while: { $0.isWhitespace })
                    guard let space = body.lastIndex(where: { $0.isWhitespace }) else { break }
                    let chunk = body[body.index(after: space)...]
                    guard isLinkOrHandle(chunk) || (chunk.hasPrefix("#") && chunk.count > 1) else { break }
                    text = body[..<space]
                }
                text = text.trimmingSuffix(while: { $0.isWhitespace })
                guard text.unicodeScalars.count < q.text.unicodeScalars.count, text.split(separator: " ").count >= 3 else { continue }
                q.end -= q.text.unicodeScalars.count - text.unicodeScalars.count
                q.text = String(text)
                quotes[d][k] = q
            }
        }
    }

    /// A speaker known by a surname alone ("Williams said") takes the full name the story gives it
    /// ("Serena Williams"): the capitalised word (not a stop word, a title, a day or a month) right
    /// before the surname, when the story's texts name one person of that surname; two ("Ana Pell",
    /// "Ivo Pell") leave it as it is.
    public static func fullNames(_ quotes: inout [[Quote]], texts: [String]) {
        let titles = QuoteWords.english.titles
        var surnames = Set<String>()
        for doc in quotes {
            for q in doc where !q.speakerIsPronoun && q.speaker.first?.isUppercase == true && !q.speaker.contains(" ") {
                surnames.insert(q.speaker)
            }
        }
        guard !surnames.isEmpty else { return }
        // Not a name in capitals ("ESPN"), a title ("Det"), or a word the story also writes in lower
        // case ("Officers", "Three": a common word opening its sentence).
        let lowerWords = lowerCaseWords(texts)
        surnames = surnames.filter { name in
            name.contains { $0.isLowercase } && !titles.contains(name.lowercased()) && !lowerWords.contains(Substring(name.lowercased()))
        }
        guard !surnames.isEmpty else { return }
        let full = fullForms(of: surnames, texts: texts, lowerWords: lowerWords)
        for d in quotes.indices {
            for k in quotes[d].indices {
                if let names = full[quotes[d][k].speaker], names.count == 1, let name = names.keys.first { quotes[d][k].speaker = name }
            }
        }
    }

    /// A name as compared: lower case, without accents ("Yulín" and "Yulin" are one).
    static func folded(_ name: String) -> String { name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }

    /// The words the texts write in lower case.
    static func lowerCaseWords(_ texts: [String]) -> Set<Substring> {
        var words = Set<Substring>()
        for text in texts {
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.first?.isLowercase == true { words.insert(word) }
        }
        return words
    }

    /// The full names ("Serena Williams") the texts give each of `surnames`: the capitalised word (not
    /// a stop word, a title, a day or a month, an initial, a word in capitals or one the texts also
    /// write in lower case) right before the surname, each with how often the texts write it.
    /// `lowerWords`: the texts' `lowerCaseWords`, when the caller has them.
    static func fullForms(of surnames: Set<String>, texts: [String], lowerWords: Set<Substring>? = nil) -> [String: [String: Int]] {
        let language = LanguageData.english
        let titles = QuoteWords.english.titles
        func isGivenName(_ word: Substring) -> Bool {
            guard let first = word.first, first.isUppercase, word.count >= 2, word.dropFirst().allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." }) else {
                return false
            }
            // A full stop ends a sentence ("Monday. Kate said"), unless the word is initials ("H.R.").
            if word.contains("."), !word.split(separator: ".").allSatisfy({ $0.count == 1 }) || word.filter(\.isLetter).count < 2 { return false }
            let lower = word.lowercased()
            return !language.isStopWord(lower) && language.months[lower] == nil && language.weekdays[lower] == nil
                && !titles.contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: ".")))
        }
        // Not a word the texts also write in lower case ("Despite Pell", "Socialist Pell"), a word in
        // capitals ("WATCH Pell"), or an initial ("J. Pell" is a form of another full name).
        let lowerWords = lowerWords ?? lowerCaseWords(texts)
        func couldBeGiven(_ word: Substring) -> Bool {
            let letters = word.filter(\.isLetter)
            return letters.count >= 2 && (letters.contains(where: \.isLowercase) || word.contains("."))
                && !lowerWords.contains(Substring(letters.lowercased()))
        }
        var full: [String: [String: Int]] = [:]
        for text in texts {
            let words = text.split(whereSeparator: { $0.isWhitespace })
            for (k, word) in words.enumerated() where k > 0 {
                let bare = word.prefix { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "\u{2019}" }
                let surname = bare.hasSuffix("'s") || bare.hasSuffix("\u{2019}s") ? bare.dropLast(2) : bare
                guard surnames.contains(String(surname)) else { continue }
                // The given name right before it; one word, as a capitalised role before the name
                // ("Assessor Carmen Chu") is no part of it.
                guard isGivenName(words[k - 1]), couldBeGiven(words[k - 1]) else { continue }
                full[String(surname), default: [:]][words[k - 1] + " " + surname, default: 0] += 1
            }
        }
        return full
    }

    /// One name per speaker across the quotes of a story: a name that is the last word of a longer
    /// name ("Choe" and "Choe Myong-nam"), or the same letters with other hyphens and spaces
    /// ("Choe Myong Nam"), takes the longest form seen. A surname alone stays as it is when it may be
    /// either of two people: two longer names of it that are not forms of one another ("Ana Pell"
    /// and "Ivo Pell"), or two given names the texts put before it.
    public static func unifySpeakers(_ quotes: inout [[Quote]], texts: [String] = []) {
        func key(_ name: String) -> String { folded(name).filter { $0.isLetter } }
        func tokens(_ name: String) -> [String] {
            folded(name).split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        }
        // Each name once (a story may quote one speaker hundreds of times), in a fixed order.
        var names: [String] = []
        var seen = Set<String>()
        for doc in quotes {
            for q in doc where q.speaker.first?.isUppercase == true && seen.insert(q.speaker).inserted { names.append(q.speaker) }
        }
        let given = texts.isEmpty ? [:] : fullForms(of: Set(names.filter { !$0.contains(" ") }), texts: texts)
        // Each name's key and words, once: a story may have hundreds of speakers, and each name is
        // compared with every other.
        let keys = names.map(key), words = names.map(tokens)
        var sameKey: [String: [String]] = [:]
        for (name, k) in zip(names, keys) { sameKey[k, default: []].append(name) }
        var canonical: [String: String] = [:]
        for (n, name) in names.enumerated() {
            let t = words[n]
            let longer =
                t.count == 1
                ? names.indices.filter { m in
                    let o = words[m]
                    return o.count > t.count && (o.contains(t.last ?? "") || o.first == t.last)
                }.map { names[$0] } : []
            // The people the name may be: the longer names that speak, and the full names the texts
            // write more than once (a capitalised word before a surname once is often no given name:
            // "Despite Pell").
            let people = (longer + (given[name] ?? [:]).filter { $0.value >= 2 }.map(\.key)).map { Set(tokens($0)) }
            let onePerson = people.allSatisfy { a in people.allSatisfy { b in a.isSubset(of: b) || b.isSubset(of: a) } }
            let best = (sameKey[keys[n], default: []] + (onePerson ? longer : [])).max { ($0.count, $0) < ($1.count, $1) } ?? name
            canonical[name] = best
        }
        for d in quotes.indices {
            for k in quotes[d].indices { if let c = canonical[quotes[d][k].speaker] { quotes[d][k].speaker = c } }
        }
    }
}

/// The word lists of `quotewords.txt`.
struct QuoteWords: Sendable {
    var cues: Set<String> = []
    var titles: Set<String> = []
    var pronouns: Set<String> = []
    /// What a title takes after a hyphen for one yet to take it up ("President-elect"): still a title.
    var toCome: Set<String> = []
    /// Prepositions that tie a role to whom it serves ("the leader of Calder Democrats"): the name
    /// after one is not the speaker.
    var roleTies: Set<String> = []
    var groups: Set<String> = []
    var participles: Set<String> = []
    var attribution: Set<String> = []
    /// Words between a subject and its reporting verb ("has", "also": "Kim has also said").
    var auxiliaries: Set<String> = []
    /// Words that never stand in a speaker mention: a "speaker" with them is a misread clause.
    var nonspeakers: Set<String> = []
    /// Words that start a clause: a speaker mention never runs back over them.
    var clauseOpeners: Set<String> = []
    /// Prepositions and determiners, after which a cue word is a noun ("against claims that").
    var nounMarkers: Set<String> = []
    /// Lower-case words that may open a speaker mention after its cue ("said the president", "said a
    /// spokesman", "said his lawyer").
    var speakerOpeners: Set<String> = []
    /// Cues that take a listener after them, never a speaker ("told AFP").
    var listenerCues: Set<String> = []
    /// Words after a cue that may end a sentence with nothing said ("X said on Tuesday in an interview.").
    var closingWords: Set<String> = []
    /// Words after a cue that tell when or how, before what was said ("X said on Tuesday that ...").
    var settings: Set<String> = []
    /// Prepositions that open a phrase after a cue telling where it was said, before "that" ("said in
    /// an interview with AFP that ...").
    var venues: Set<String> = []
    /// Sentence adverbs set off by commas after a name ("Stephens, however, said"): no role.
    var asides: Set<String> = []
    /// Modal verbs, which a tagged source never ends on ("I should").
    var modals: Set<String> = []
    /// Cues and the nouns after which they report nothing ("claimed" before "lives": "Accidents
    /// claimed more than 40 lives").
    var notSaid: [String: Set<String>] = [:]
    /// The hashed Snowball stems (as `AttributionModel.stemHashes` makes them) of the stance words and
    /// of every cue, participle and attribution word: what the tagger's features look for in any form.
    var stanceStems: Set<UInt64> = []

    /// A lower-case "-ly" word is an adverb ("currently", "infamously") unless it names people
    /// ("family", "assembly").
    func isAdverb(_ word: String) -> Bool { word.count > 4 && word.hasSuffix("ly") && !groups.contains(word) }

    /// Whether token `k` belongs to the verb that follows it rather than to a speaker before it: an
    /// auxiliary ("has", "also": "Kim has also said") or an adverb ("She infamously said"), unless a
    /// determiner makes it a noun ("the elderly said").
    func isAuxiliary(_ tokens: [TimeToken], _ k: Int) -> Bool {
        let t = tokens[k]
        if auxiliaries.contains(t.lower) { return true }
        return t.kind == .word && !t.capitalized && isAdverb(t.lower) && (k == 0 || !nounMarkers.contains(tokens[k - 1].lower))
    }

    static let english: QuoteWords = {
        var w = QuoteWords()
        let stemmer = Stemmer()
        for (kind, word) in resourceEntries(PackageResources.quotewords_txt) {
            switch kind {
            case "cue": w.cues.insert(word)
            case "title": w.titles.insert(word)
            case "pronoun": w.pronouns.insert(word)
            case "tocome": w.toCome.insert(word)
            case "roletie": w.roleTies.insert(word)
            case "group": w.groups.insert(word)
            case "participle": w.participles.insert(word)
            case "attribution": w.attribution.insert(word)
            case "auxiliary": w.auxiliaries.insert(word)
            case "nonspeaker": w.nonspeakers.insert(word)
            case "clause": w.clauseOpeners.insert(word)
            case "noun": w.nounMarkers.insert(word)
            case "opener": w.speakerOpeners.insert(word)
            case "listener": w.listenerCues.insert(word)
            case "closing": w.closingWords.insert(word)
            case "setting": w.settings.insert(word)
            case "venue": w.venues.insert(word)
            case "aside": w.asides.insert(word)
            case "modal": w.modals.insert(word)
            case "notsaid":
                let pair = word.split(separator: " ").map(String.init)
                if pair.count == 2 { w.notSaid[pair[0], default: []].insert(pair[1]) }
            case "stance": break
            default: continue
            }
            if kind == "stance" || kind == "cue" || kind == "participle" || kind == "attribution" {
                w.stanceStems.insert(AttributionModel.hashString(stemmer?.stemUncached(word) ?? word))
            }
        }
        return w
    }()
}

extension Quote {
    /// Whether the speaker is a pronoun no name was found for ("She wrote on Instagram that ...",
    /// with no woman named before): a voice a reader cannot tell.
    public var speakerIsPronoun: Bool { QuoteWords.english.pronouns.contains(speaker.lowercased()) }

    /// Whether a word is a reporting verb ("said", "told", "announced": the `cue` words of
    /// quotewords.txt).
    public static func isReportingVerb(_ word: String) -> Bool { QuoteWords.english.cues.contains(word) }

    /// Whether the speaker reads as a name or a description a reader can be shown ("Ana Okafor",
    /// "ICC deputy prosecutor Ana Okafor", "a hospital spokesman"): no pronoun left unnamed, no
    /// figure, and no word that no speaker mention holds (a verb, an auxiliary, a word that opens a
    /// clause: `nonspeaker`, `auxiliary`, `clause` and `cue` words), so not a clause read as a name
    /// ("Calder has already won 10 of the first 15", "Davis and the report, are ...").
    public var speakerReadsAsName: Bool {
        guard !speakerIsPronoun, !speaker.contains(where: \.isNumber) else { return false }
        let words = QuoteWords.english
        // A title alone ("Det.", a rank whose bearer the span lost) names no one.
        let parts = speaker.split(whereSeparator: { !$0.isLetter && $0 != "'" })
        guard parts.isEmpty || !parts.allSatisfy({ QuoteFinder.isTitle($0, words: words) }) else { return false }
        return !parts.contains { word in
            let w = word.lowercased()
            return words.nonspeakers.contains(w) || words.auxiliaries.contains(w) || words.clauseOpeners.contains(w) || words.cues.contains(w)
        }
    }

    /// What a reader is shown of a direct quotation: its quoted parts alone, each in its marks, when
    /// it opens with a quotation and the attribution stands between or after the parts ('"The quay is
    /// safe again," said Ana Okafor, the harbour master. "We reopen on Monday."' shows the two
    /// quotations, an ellipsis between them); `oneLineText` otherwise, and when one quoted phrase
    /// runs on into what was said ('"quite clear" that the quay had sunk').
    public var shownText: String {
        guard direct else { return oneLineText }
        // The comma a quotation closes on leads into its attribution ('"... human rights," he said'):
        // shown without the attribution, the quotation closes without it.
        func closed(_ part: String) -> String {
            guard part.count >= 2, let mark = part.last, mark == "\u{201D}" || mark == "\"",
                part.dropLast().last == ","
            else { return part }
            return String(part.dropLast(2)) + String(mark)
        }
        var parts: [String] = [], current = "", open: Character? = nil
        for c in oneLineText {
            if let o = open {
                if (o == "\u{201C}" && c == "\u{201D}") || (o == "\"" && c == "\"") {
                    current.append(c)
                    parts.append(current)
                    current = ""
                    open = nil
                } else {
                    current.append(c)
                }
            } else if c == "\u{201C}" || c == "\"" {
                open = c
                current = String(c)
            }
        }
        // Only when a quotation opens it: a statement that quotes a phrase ('the report called the
        // quay “beyond repair”') keeps its own words.
        // Not when the words after one quoted phrase carry on what was said ('"quite clear" that the
        // vote was rigged', its cue before it): the phrase runs on in lower case, not closing on a
        // comma into an attribution or the writer's own words ('"...," though he did not say why').
        func runsOn() -> Bool {
            guard parts.count == 1, cue.end <= start || cue.start >= end, parts[0].dropLast().last != "," else { return false }
            return oneLineText.dropFirst(parts[0].count).drop(while: \.isWhitespace).first?.isLowercase == true
        }
        guard let first = oneLineText.first, first == "\u{201C}" || first == "\"", parts.count >= 2 || oneLineText.count > (parts.first?.count ?? 0) + 1,
            !parts.isEmpty, open == nil, !runsOn()
        else { return closed(oneLineText) }
        // The attribution between two quotations is left out, and an ellipsis says so.
        return parts.map(closed).joined(separator: " … ")
    }

    /// The role as a digest shows it beside the name: a role of more than six words by the
    /// institution it names after "at", "of", "with" or "for", cut before a possessive ("a senior
    /// research fellow at Calder University's Institute of Harbour Studies" -> "Calder University");
    /// a shorter role, or one that names no institution, as the source gives it.
    public func shownRole(in document: String) -> String? {
        guard let role = role(in: document) else { return nil }
        let words = role.split(separator: " ")
        guard words.count > 6 else { return role }
        func capitalised(_ j: Int) -> Bool { j < words.count && words[j].first?.isUppercase == true }
        for k in words.indices where ["at", "of", "with", "for"].contains(words[k]) {
            var j = k + 1
            if j < words.count, words[j] == "the" { j += 1 }
            var run: [Substring] = []
            var possessive = false
            while capitalised(j) || (!run.isEmpty && j < words.count && ["of", "for", "and"].contains(words[j]) && capitalised(j + 1)) {
                let word = words[j]
                if word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") {
                    run.append(word.dropLast(2))
                    possessive = true
                    break
                }
                run.append(word)
                j += 1
            }
            // A name that goes on in lower case ("the Calder port authority's office") only says
            // which body the rest names: no institution of its own to show.
            if !possessive, j < words.count, words[j].first?.isLowercase == true, !["and", "or", "in", "on", "at", "since", "until"].contains(words[j]) {
                continue
            }
            if !run.isEmpty { return run.joined(separator: " ") }
        }
        return role
    }

    /// The speaker's role as the source gives it right after the name ("Ana Okafor, the harbour
    /// master of Calder, said"): the words after the name's comma, up to
    /// the next comma, full stop, quotation mark or "who", when they open with "a", "an" or "the" or
    /// a lower-case word that is no participle ("speaking to reporters"), preposition or clause word
    /// (`opensNoRole`) and run to at most 14 words. `document` is the text the quote's spans index.
    public func role(in document: String) -> String? {
        let scalars = Array(document.unicodeScalars)
        var k = source.end
        guard k + 2 < scalars.count, scalars[k] == "," else { return roleBeforeName(scalars) }
        k += 1
        while k < scalars.count, scalars[k] == " " { k += 1 }
        // The role ends with its sentence as the segmenter reads it (the full stop of "U.N.", "St."
        // or "kidsandcars.org" ends none; "the USGS.Geologists" ends there), or at a comma,
        // semicolon, quotation mark or line break before that.
        var paragraphEnd = k
        while paragraphEnd < scalars.count, scalars[paragraphEnd] != "\n" { paragraphEnd += 1 }
        let sentenceEnd = SentenceSegmenter().sentences(in: scalars, range: k..<paragraphEnd).first?.end ?? paragraphEnd
        var end = k
        while end < sentenceEnd, !",;\u{201C}\u{201D}\"".unicodeScalars.contains(scalars[end]) { end += 1 }
        if end == sentenceEnd {
            while end > k, scalars[end - 1] == " " { end -= 1 }
            // A question or an exclamation is no description of the speaker.
            if end > k, "?!".unicodeScalars.contains(scalars[end - 1]) { return roleBeforeName(scalars) }
            while end > k, scalars[end - 1] == "." || scalars[end - 1] == " " { end -= 1 }
        }
        var role = String(String.UnicodeScalarView(scalars[k..<end])).trimmingCharacters(in: .whitespaces)
        if let who = role.range(of: " who ") { role = String(role[..<who.lowerBound]) }
        if let and = role.range(of: " and a ") { role = String(role[..<and.lowerBound]) }
        let words = role.split(separator: " ")
        // A participle opens a clause that tells what the speaker did ("speaking to reporters",
        // "asked about the delay"), not who the speaker is.
        guard let first = words.first, (1...14).contains(words.count),
            ["a", "an", "the"].contains(first.lowercased()) || first.first?.isLowercase == true,
            !["said", "says", "told", "added"].contains(String(first)),
            !(first.first?.isLowercase == true && (first.hasSuffix("ing") || first.hasSuffix("ed"))),
            !Self.opensNoRole(first.lowercased()),
            !(words.count == 1 && QuoteWords.english.asides.contains(first.lowercased()))
        else { return roleBeforeName(scalars) }
        return role
    }

    /// Courtesy titles and the pronoun's gender each shows ("Mr." a later "he", "Ms." a later "she"):
    /// a title of address, not a role.
    static let courtesyTitles: [String: Character] = ["mr": "m", "ms": "f", "mrs": "f", "miss": "f"]

    /// A phrase after the name that opens on a preposition or a clause word ("in a statement",
    /// "as the next person stopped") tells where or when, not who; "who led the inquiry" does.
    static func opensNoRole(_ first: String) -> Bool {
        let words = QuoteWords.english
        return first != "who" && (words.venues.contains(first) || words.clauseOpeners.contains(first))
    }

    /// A description in apposition to the name ("The representative, Choe Myong-nam, said"), shown
    /// as the source told it before, with whose it is ("North Korea's representative"), so that the
    /// two clearly name one person; nil when the source gave it no owner before.
    func describedBefore(_ words: [String], _ scalars: [Unicode.Scalar]) -> String? {
        guard (1...3).contains(words.count), let last = words.last, last.hasSuffix(","),
            words.allSatisfy({ $0.first?.isLowercase == true && $0.dropLast($0 == last ? 1 : 0).allSatisfy(\.isLetter) })
        else { return nil }
        let description = words.joined(separator: " ").dropLast()
        let before = String(String.UnicodeScalarView(scalars[..<source.start]))
        let owner = try! NSRegularExpression(
            pattern: "((?:[A-Z][\\w.-]*\\s)*[A-Z][\\w.-]*(?:\u{2019}s|'s)) " + NSRegularExpression.escapedPattern(for: String(description)) + "\\b")
        guard let m = owner.matches(in: before, range: NSRange(before.startIndex..., in: before)).last,
            let range = Range(m.range, in: before)
        else { return nil }
        return String(before[range])
    }

    /// The words the source puts before the speaker's name ("British Ambassador Mark Lyall Grant",
    /// "harbour master Ana Pell"): a role of at most six words, not a courtesy title ("Ms."), nor a
    /// phrase with a comma; without a linking word before it ("But") or a rank abbreviated after a
    /// role ("spokesman Capt.").
    func roleBeforeName(_ scalars: [Unicode.Scalar]) -> String? {
        guard !speaker.isEmpty, source.start < source.end, source.end <= scalars.count else { return nil }
        let mention = String(String.UnicodeScalarView(scalars[source.start..<source.end]))
        guard let name = mention.range(of: speaker) else { return nil }
        var words = mention[..<name.lowerBound].split(separator: " ").map(String.init)
        // A word that links the sentence to the one before ("But Norland's Foreign Minister ...") is
        // no part of the role, nor a rank abbreviated before the name after a role that names one
        // ("police spokesman Capt."; but "New York Gov." is the role).
        let titles = QuoteWords.english.titles
        while let first = words.first, QuoteWords.english.clauseOpeners.contains(first.lowercased()) { words.removeFirst() }
        if let last = words.last, last.hasSuffix("."), titles.contains(String(last.dropLast()).lowercased()),
            words.dropLast().contains(where: { titles.contains($0.lowercased()) })
        {
            words.removeLast()
        }
        if let first = words.first, ["the", "a", "an"].contains(first.lowercased()) {
            words.removeFirst()
            if first.lowercased() == "the", let described = describedBefore(words, scalars) { return described }
        }
        guard (1...6).contains(words.count),
            !words.contains(where: { $0.contains(",") || Self.courtesyTitles[$0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))] != nil }),
            words.allSatisfy({ $0.first?.isLetter == true })
        else { return nil }
        return words.joined(separator: " ")
    }
}

extension Substring {
    /// The substring without its trailing characters that satisfy `drop`.
    func trimmingSuffix(while drop: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, drop(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
