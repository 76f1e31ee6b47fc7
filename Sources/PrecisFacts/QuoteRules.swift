import PrecisText

/// Where a quote rule looks: one sentence of a text on the shared token cursor (at the sentence's
/// first token), the text's scalars, and what the rules read from the sentence's first cue.
struct SentenceCursor {
    let cursor: TokenCursor
    /// The sentence's tokens, as indices into `tokens`.
    let range: Range<Int>
    let scalars: [Unicode.Scalar]
    let words: QuoteWords
    /// For each token of the sentence, whether it stands inside a quotation.
    let quoted: [Bool]
    /// The sentence's first cue outside a quotation, else its first cue inside one.
    let firstCue: Int?
    /// What the rules after the first cue read from it; nil when the sentence has no cue.
    let cue: CueFrame?

    var tokens: [TimeToken] { cursor.tokens }

    /// The text between scalar offsets `a` and `b`.
    func text(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(scalars[a..<b])) }

    /// Whether the token at `k` is a quotation mark.
    func isQuote(_ k: Int) -> Bool { ["\"", "\u{201C}", "\u{201D}", "''", "`"].contains(tokens[k].lower) }

    /// Whether the token at `k` joins the words of a mention: a hyphen inside a name ("Choe
    /// Myong-nam") or the full stop of a title or initial ("Mr.", "J.").
    func joins(_ k: Int) -> Bool {
        guard k > range.lowerBound, k + 1 < range.upperBound else { return false }
        if tokens[k].lower == "-" { return tokens[k - 1].kind == .word && tokens[k + 1].kind == .word && tokens[k - 1].end == tokens[k].start }
        if tokens[k].lower == "." { return words.titles.contains(tokens[k - 1].lower) || (tokens[k - 1].lower.count == 1 && tokens[k - 1].capitalized) }
        return false
    }
}

/// The sentence's first cue and the speaker mention the rules look for around it.
struct CueFrame {
    /// The cue's token and its span.
    let index: Int
    let span: TextSpan
    /// "told" and "tells" take a listener after them ("told AFP"), never a speaker.
    let tellsSomeone: Bool
    /// The first token of the verb, auxiliaries included ("has also said").
    let verbStart: Int
    /// The token before the mention that runs back from the verb (before the sentence when it opens it).
    let before: Int
    /// The mention before the verb: from `sourceStart` to `sourceEnd`; `sourceStart == verbStart`
    /// when there is none.
    let sourceStart: Int
    let sourceEnd: Int
    /// Whether a clause opener (or a comma before an auxiliary) stands right before the mention.
    let clauseBefore: Bool
    /// Whether the sentence ends after the cue, a listener and words of when and how.
    let endsAfterCue: Bool
    /// Whether a quotation that closes right before the mention is a title, not what was said.
    let closesTitle: Bool
}

/// What a quote rule decides for a sentence: the quote it reads, or that the sentence has none
/// (no later rule is tried).
enum QuoteVerdict {
    case quote(Quote)
    case noQuote

    var quote: Quote? {
        if case .quote(let q) = self { return q }
        return nil
    }
}

/// One way the patterns read a sentence's attribution: a name, a match on the sentence, and the
/// examples it must read and must not. In a `reads` example, `[...]` marks the source, `<...>` the
/// cue and `{...}` what was said; a `stops` example is a sentence the rule is the first to decide and
/// reads no quote in; a `skips` example is a sentence where the rule does not decide. The rules are
/// tried in the order of `QuoteFinder.rules`, and the first that decides wins, so each rule's examples
/// are also a test that no earlier rule hides it.
typealias QuoteRule = Rule<QuoteFinder, SentenceCursor, QuoteVerdict>

extension QuoteFinder {
    /// Every rule, in the order they are tried on each sentence.
    static let rules: [QuoteRule] = [
        QuoteRule(
            name: "according to a source", match: { $0.accordingToRule($1) },
            reads: [
                "{The quay will reopen in May}, <according to> [the harbour master].",
                "<According to> [Chief Gen. Ana Okafor], {the ferry was late.}"
            ]),
        QuoteRule(
            name: "a participle after a comma", match: { $0.participleRule($1) },
            reads: ["[Okafor] attacked the plan on Monday, <saying> {it would cost too much}."],
            skips: ["Okafor said the plan would cost too much, adding that it was late."]),
        QuoteRule(
            name: "a cue and a colon before its paragraph", match: { $0.colonParagraphRule($1) },
            reads: ["[The harbour master] <added>:\n\n{The quay is safe again.}"],
            stops: ["Then, as the ferry left, the harbour master added:\n\nThe quay is safe again."],
            skips: ["The harbour master added: the quay is safe again."]),
        QuoteRule(
            name: "a name in apposition to the description that opens the sentence", match: { $0.appositionRule($1) },
            reads: ["[The spokesman, Ana Okafor], <said> {the quay is safe again}."]),
        QuoteRule(
            name: "the subject of the sentence, before a clause and the cue", match: { $0.clauseSubjectRule($1) },
            reads: ["[Ana Okafor], who runs the port, has also <said> {the quay is safe again}."],
            stops: ["Ana Okafor praised the crews and said the quay is safe again."]),
        QuoteRule(
            name: "what was said first, and nothing of it", match: { $0.emptyContentRule($1) },
            stops: ["\u{201C} said the harbour master."]),
        QuoteRule(
            name: "a quotation, its speaker and the cue", match: { $0.quotationThenSpeakerRule($1) },
            reads: ["{\u{201C}The quay is safe again,\u{201D}} [Harbour Master Ana Okafor], touring the wall, <told> the Calder Courier."]),
        QuoteRule(
            name: "a listener with no speaker", match: { $0.listenerWithoutSpeakerRule($1) },
            stops: ["\u{201C}The quay is safe again,\u{201D} told the Calder Courier."],
            skips: ["\u{201C}The quay is safe again,\u{201D} said the harbour master."]),
        QuoteRule(
            name: "what was said, the speaker and the cue", match: { $0.speakerAfterContentRule($1) },
            reads: [
                "{\u{201C}The quay is safe again,\u{201D}} [the harbour master] <said>.",
                "{The quay is safe again}, [Okafor] has also <said>."
            ],
            skips: ["The harbour master said the quay is safe again."]),
        QuoteRule(
            name: "a name that opens the sentence, the cue and what was said", match: { $0.namedSubjectRule($1) },
            reads: ["[Ana Okafor], harbour master of Calder, <said> {half the quay remained flooded}."]),
        QuoteRule(
            name: "what was said, the cue and the speaker", match: { $0.speakerAfterCueRule($1) },
            reads: ["{\u{201C}The quay is safe again,\u{201D}} <said> [Mr. Okafor].", "{The quay is safe again}, <said> [the harbour master]."]),
        QuoteRule(
            name: "a speaker, the cue and what was said", match: { $0.speakerThenContentRule($1) },
            reads: [
                "[The harbour master] <said> {the quay is safe again}.",
                "[Okafor] <told> the Calder Courier {that the quay is safe again}.",
                "[Okafor] <said> Tuesday {the quay is safe again}.",
                "[Okafor] <said> in an interview with the Courier {that the quay is safe again}."
            ],
            stops: ["Tomas Reyes reported from Calder and Ana Okafor reported from Brekhaven."],
            skips: ["\u{201C}The quay is safe again,\u{201D} the harbour master said."])
    ]

    /// The sentence `sentence` of `tokens` on the shared cursor, with its first cue read.
    func sentenceCursor(_ tokens: [TimeToken], _ sentence: Range<Int>, _ scalars: [Unicode.Scalar]) -> SentenceCursor {
        let quoted = AttributionModel.insideQuotation(tokens, sentence)
        // A cue is a lower-case verb: "States" in "United States" is not "states". One inside a
        // quotation is the quoted speaker's ('"... names of people he claimed were spies," Roizen told
        // ABC News'): the sentence's own cue is outside, when it has one.
        // After a preposition or determiner a cue word is a noun: "pushed back against claims that ...".
        func isCue(_ k: Int) -> Bool {
            guard words.cues.contains(tokens[k].lower), !tokens[k].capitalized, !(k > sentence.lowerBound && words.nounMarkers.contains(tokens[k - 1].lower))
            else { return false }
            if let objects = words.notSaid[tokens[k].lower], (k + 1..<min(sentence.upperBound, k + 5)).contains(where: { objects.contains(tokens[$0].lower) }) {
                return false
            }
            return true
        }
        let firstCue = sentence.first { isCue($0) && !quoted[$0 - sentence.lowerBound] } ?? sentence.first(where: isCue)
        let partial = SentenceCursor(
            cursor: TokenCursor(tokens: tokens, index: sentence.lowerBound), range: sentence, scalars: scalars, words: words, quoted: quoted,
            firstCue: firstCue, cue: nil)
        return SentenceCursor(
            cursor: partial.cursor, range: sentence, scalars: scalars, words: words, quoted: quoted, firstCue: firstCue,
            cue: firstCue.map { cueFrame(partial, cueAt: $0) })
    }

    /// What the rules read around the cue at token `c`.
    func cueFrame(_ sentence: SentenceCursor, cueAt c: Int) -> CueFrame {
        let tokens = sentence.tokens, range = sentence.range
        let tellsSomeone = words.listenerCues.contains(tokens[c].lower)
        // "..., X said." / "...," said X. : the content comes first.
        // Auxiliaries belong to the verb: "X has said", "X also said".
        var verbStart = c
        while verbStart > range.lowerBound, words.isAuxiliary(tokens, verbStart - 1) { verbStart -= 1 }
        var k = verbStart - 1
        var sourceStart = verbStart
        // A party and place in parentheses before the verb ("Nancy Pelosi (D-San Francisco) said"): the
        // speaker is before it, and the mention runs over it (as 75 of 78 such PolNeAR training sources do).
        let sourceEnd = verbStart - 1
        var nameEnd = sourceEnd
        if k > range.lowerBound, tokens[k].lower == ")", let open = (max(range.lowerBound + 1, k - 8)..<k).last(where: { tokens[$0].lower == "(" }),
            tokens[open - 1].kind == .word, tokens[open - 1].capitalized
        {
            k = open - 1
            nameEnd = open - 1
        }
        while k >= range.lowerBound && (tokens[k].kind != .punct || sentence.joins(k)) && nameEnd - k < 9 && !words.clauseOpeners.contains(tokens[k].lower) {
            sourceStart = k
            k -= 1
        }
        let clauseBefore = k >= range.lowerBound && (words.clauseOpeners.contains(tokens[k].lower) || (verbStart < c && tokens[k].lower == ","))
        let endsAfterCue: Bool = {
            var j = c + 1
            // "X told The Huffington Post on Thursday.": the listener is no content either.
            if tellsSomeone {
                while j < range.upperBound && tokens[j].kind == .word && j - c <= 4 && tokens[j].lower != "that"
                    && !["on", "in", "yesterday", "today"].contains(tokens[j].lower)
                { j += 1 }
            }
            let listened = j - 1
            while j < range.upperBound && tokens[j].kind == .word && j - listened <= 3 && words.closingWords.contains(tokens[j].lower) { j += 1 }
            return j >= range.upperBound || tokens[j].kind == .punct && [".", "!", "?", ",", ";"].contains(tokens[j].lower)
        }()
        // A quotation that closes before the speaker but opened inside the sentence is a title ('In an
        // interview on CBS's "Face the Nation," House Speaker Paul D. Ryan said'), not what was said.
        let closesTitle: Bool = {
            guard k > range.lowerBound, sentence.isQuote(k), !sentence.isQuote(range.lowerBound),
                let o = (max(range.lowerBound + 1, k - 8)..<k).last(where: sentence.isQuote),
                o + 1 < k, tokens[o + 1].capitalized,
                ["on", "of", "to", "in", "at"].contains(tokens[o - 1].lower) || tokens[o - 1].lower.hasSuffix("'s")
                    || tokens[o - 1].lower.hasSuffix("\u{2019}s")
            else { return false }
            return (range.lowerBound + 1..<k).filter(sentence.isQuote).count % 2 == 1
        }()
        return CueFrame(
            index: c, span: TextSpan(start: tokens[c].start, end: tokens[c].end), tellsSomeone: tellsSomeone, verbStart: verbStart, before: k,
            sourceStart: sourceStart, sourceEnd: sourceEnd, clauseBefore: clauseBefore, endsAfterCue: endsAfterCue, closesTitle: closesTitle)
    }

    /// The first rule that decides for the sentence, and its verdict.
    func firstRule(_ sentence: SentenceCursor) -> (rule: QuoteRule, verdict: QuoteVerdict)? {
        QuoteRule.first(of: Self.rules, self, at: sentence)
    }

    /// The attribution of one sentence, if it has one.
    func attribution(_ tokens: [TimeToken], _ sentence: Range<Int>, _ scalars: [Unicode.Scalar]) -> Quote? {
        firstRule(sentenceCursor(tokens, sentence, scalars))?.verdict.quote
    }

    // MARK: - The rules

    /// "according to X"
    func accordingToRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        let tokens = sentence.tokens, range = sentence.range
        for k in range where tokens[k].lower == "according" && k + 1 < range.upperBound && tokens[k + 1].lower == "to" {
            var end = k + 2
            // The full stop of a title or an initial is part of the name ("according to provincial police
            // chief Gen. Mohammad Asef Jabarkhail").
            func titleStop(_ e: Int) -> Bool { tokens[e].lower == "." && sentence.joins(e) && tokens[e + 1].capitalized }
            while end < range.upperBound && (tokens[end].kind != .punct || titleStop(end)) && end - k < 12 { end += 1 }
            guard end > k + 2 else { continue }
            let source = TextSpan(start: tokens[k + 2].start, end: tokens[end - 1].end)
            let cue = TextSpan(start: tokens[k].start, end: tokens[k + 1].end)
            var content: (Int, Int)
            if k == range.lowerBound {
                var c = end
                while c < range.upperBound && tokens[c].kind == .punct { c += 1 }
                guard c < range.upperBound else { return .noQuote }
                content = (tokens[c].start, tokens[range.upperBound - 1].end)
            } else {
                var c = k - 1
                while c > range.lowerBound && tokens[c].kind == .punct { c -= 1 }
                content = (tokens[range.lowerBound].start, tokens[c].end)
            }
            return .quote(
                Quote(
                    speaker: "", text: sentence.text(content.0, content.1), start: content.0, end: content.1,
                    direct: false, source: source, cue: cue))
        }
        return nil
    }

    /// "Trump attacked Clinton on Monday, saying she ...": a participle after a comma reports what
    /// the sentence's subject said.
    func participleRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        let tokens = sentence.tokens, range = sentence.range, quoted = sentence.quoted, firstCue = sentence.firstCue
        guard
            let p = range.first(where: {
                words.participles.contains(tokens[$0].lower) && $0 > range.lowerBound && tokens[$0 - 1].lower == "," && !quoted[$0 - range.lowerBound]
            }),
            firstCue == nil || p < firstCue!, let subject = leadingSubject(tokens, range, before: p, needsComma: false)
        else { return nil }
        let b = p + 1
        var last = range.upperBound - 1
        if last > b && tokens[last].lower == "." { last -= 1 }
        guard b <= last else { return .noQuote }
        return .quote(
            Quote(
                speaker: "", text: sentence.text(tokens[b].start, tokens[last].end), start: tokens[b].start, end: tokens[last].end,
                direct: sentence.isQuote(b), source: subject, cue: TextSpan(start: tokens[p].start, end: tokens[p].end)))
    }

    /// "The governor added:" and what he said in the paragraph after it.
    func colonParagraphRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        let tokens = sentence.tokens, range = sentence.range, s = sentence.scalars
        guard let c = sentence.cue?.index, c == range.upperBound - 2, tokens[c + 1].lower == ":", let said = paragraph(after: tokens[c + 1].end, s) else {
            return nil
        }
        var start = c
        while start > range.lowerBound, words.isAuxiliary(tokens, start - 1) { start -= 1 }
        guard start > range.lowerBound, start - range.lowerBound <= 9,
            !tokens[range.lowerBound..<start].contains(where: { $0.kind == .punct && $0.lower != "." && $0.lower != "-" })
        else { return .noQuote }
        return .quote(
            Quote(
                speaker: "", text: sentence.text(said.start, said.end), start: said.start, end: said.end,
                direct: s[said.start] == "\"" || s[said.start] == "\u{201C}",
                source: TextSpan(start: tokens[range.lowerBound].start, end: tokens[start - 1].end), cue: TextSpan(start: tokens[c].start, end: tokens[c].end)))
    }

    /// "The representative, Choe Myong-nam, said ...": a name set off by commas between the sentence's
    /// opening description and its verb is who spoke; the mention runs over both (cleanName keeps
    /// the name).
    func appositionRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        let tokens = sentence.tokens, range = sentence.range
        guard let f = sentence.cue else { return nil }
        let c = f.index, k = f.before
        guard f.sourceStart == f.verbStart, k > range.lowerBound + 2, tokens[k].lower == ",",
            let open = (max(range.lowerBound + 1, k - 7)..<k).last(where: { tokens[$0].lower == "," }), open + 1 < k,
            tokens[open + 1].capitalized,
            (open + 1..<k).allSatisfy({ (tokens[$0].kind == .word && (tokens[$0].capitalized || sentence.joins($0 - 1))) || sentence.joins($0) }),
            let subject = leadingSubject(tokens, range, before: open + 1), subject.end == tokens[open - 1].end,
            ["the", "a", "an"].contains(tokens[range.lowerBound].lower) || words.titles.contains(tokens[open - 1].lower)
        else { return nil }
        // "told reporters that ...": what was said starts after "that"; without it, where the
        // listener ends is not known.
        var b = c + 1
        if f.tellsSomeone { b = (c + 1..<min(range.upperBound, c + 6)).first { tokens[$0].lower == "that" }.map { $0 + 1 } ?? range.upperBound }
        while b < range.upperBound && (tokens[b].lower == "," || tokens[b].lower == ":" || tokens[b].lower == "that") { b += 1 }
        var last = range.upperBound - 1
        if last > b && tokens[last].lower == "." { last -= 1 }
        guard b <= last else { return nil }
        return .quote(
            Quote(
                speaker: "", text: sentence.text(tokens[b].start, tokens[last].end), start: tokens[b].start, end: tokens[last].end,
                direct: sentence.isQuote(b), source: TextSpan(start: subject.start, end: tokens[k - 1].end), cue: f.span))
    }

    /// "Michael Kirby, who led the inquiry, has called ... and said ...": no speaker right before the
    /// cue, so the speaker is the subject that opens the sentence.
    func clauseSubjectRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        let tokens = sentence.tokens, range = sentence.range
        guard let f = sentence.cue, f.sourceStart == f.verbStart && f.clauseBefore else { return nil }
        let c = f.index
        guard let subject = leadingSubject(tokens, range, before: c) else { return .noQuote }
        var b = c + 1
        while b < range.upperBound && (tokens[b].lower == "," || tokens[b].lower == ":") { b += 1 }
        var last = range.upperBound - 1
        if last > b && tokens[last].lower == "." { last -= 1 }
        guard b <= last else { return .noQuote }
        return .quote(
            Quote(
                speaker: "", text: sentence.text(tokens[b].start, tokens[last].end), start: tokens[b].start, end: tokens[last].end,
                direct: sentence.isQuote(b), source: subject, cue: f.span))
    }

    /// Whether what was said comes before the speaker and cue: a comma, dash or quotation mark
    /// before the mention, and either nothing after the cue, no mention before it, or a quotation.
    func saysFirst(_ sentence: SentenceCursor) -> Bool {
        guard let f = sentence.cue else { return false }
        let k = f.before, tokens = sentence.tokens
        return k >= sentence.range.lowerBound && !f.closesTitle
            && ([",", "\u{201D}", "\"", "\u{2014}", "-"].contains(tokens[k].lower) || sentence.isQuote(k))
            && (f.endsAfterCue || f.sourceStart == f.verbStart || sentence.isQuote(k))
    }

    /// What was said when it comes first: from the sentence start (an opening quote mark included)
    /// to the closing quote mark, or to just before the comma, that precedes the speaker; nil when
    /// that is nothing or a lone mark.
    func contentFirst(_ sentence: SentenceCursor) -> (start: Int, end: Int, direct: Bool)? {
        guard saysFirst(sentence), let f = sentence.cue else { return nil }
        let tokens = sentence.tokens, k = f.before
        let contentStart = sentence.range.lowerBound
        var contentEnd = sentence.isQuote(k) ? k : k - 1
        while contentEnd > contentStart && [",", "\u{2014}", "-"].contains(tokens[contentEnd].lower) { contentEnd -= 1 }
        let direct = sentence.isQuote(contentStart) || sentence.isQuote(contentEnd)
        guard contentEnd >= contentStart, !(contentEnd == contentStart && tokens[contentStart].kind == .punct) else { return nil }
        return (contentStart, contentEnd, direct)
    }

    /// What was said comes first, but there is nothing of it before the speaker.
    func emptyContentRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        saysFirst(sentence) && contentFirst(sentence) == nil ? .noQuote : nil
    }

    /// '"...," New York Gov. Andrew Cuomo, assessing the damage, told NBC News.': the speaker is
    /// the name after the quotation, and what follows the cue is a listener.
    /// (The quotation may have opened in an earlier sentence: '"I don't know what to say. He was
    /// wonderful," his grandmother ... told ...'.)
    func quotationThenSpeakerRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        let tokens = sentence.tokens
        guard let f = sentence.cue, let content = contentFirst(sentence), f.sourceStart == f.verbStart,
            content.start + 1 < content.end,
            let close = (content.start + 1..<content.end).first(where: { sentence.isQuote($0) && [",", "!", "?"].contains(tokens[$0 - 1].lower) }),
            tokens[close + 1].kind == .word, tokens[close + 1].capitalized || words.speakerOpeners.contains(tokens[close + 1].lower)
        else { return nil }
        let contentStart = content.start, contentEnd = content.end
        var e = close + 1
        while e <= contentEnd && (tokens[e].kind != .punct || sentence.joins(e)) && e - close <= 9 { e += 1 }
        // '"...," his grandmother, Jan Pugh, told The Virginian-Pilot': the apposition names her.
        if !tokens[close + 1].capitalized, e < contentEnd, tokens[e].lower == ",", tokens[e + 1].capitalized {
            var name = e + 1
            while name <= contentEnd && (tokens[name].kind != .punct || sentence.joins(name)) && name - e <= 6 { name += 1 }
            if name > contentEnd { e = name }
        }
        return .quote(
            Quote(
                speaker: "", text: sentence.text(tokens[contentStart].start, tokens[close].end), start: tokens[contentStart].start,
                end: tokens[close].end, direct: true, source: TextSpan(start: tokens[close + 1].start, end: tokens[e - 1].end), cue: f.span))
    }

    /// '"...," told the Courier.': a listener after the cue and no speaker before it.
    func listenerWithoutSpeakerRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        guard let f = sentence.cue, contentFirst(sentence) != nil, f.sourceStart == f.verbStart && f.tellsSomeone else { return nil }
        return .noQuote
    }

    /// "..., the source added."
    func speakerAfterContentRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        let tokens = sentence.tokens
        guard let f = sentence.cue, let content = contentFirst(sentence), f.sourceStart < f.verbStart else { return nil }
        let (contentStart, contentEnd, direct) = content
        return .quote(
            Quote(
                speaker: "", text: sentence.text(tokens[contentStart].start, tokens[contentEnd].end), start: tokens[contentStart].start,
                end: tokens[contentEnd].end, direct: direct,
                source: TextSpan(start: tokens[f.sourceStart].start, end: tokens[f.sourceEnd].end), cue: f.span))
    }

    /// "Dawn Zimmer, mayor of Hoboken, N.J., said half the city remained flooded": a lower-case
    /// word after the cue that is no determiner starts what was said, not a speaker; the
    /// speaker is the name that opens the sentence.
    /// So does a run of more than eight words after it that no comma breaks ("Abdul Jabar Perdili,
    /// police chief of Baghlan province, said a gunfight broke out between two groups ...").
    func namedSubjectRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        let tokens = sentence.tokens, range = sentence.range
        guard let f = sentence.cue, contentFirst(sentence) != nil else { return nil }
        let c = f.index, k = f.before
        let runsOn = (c + 1..<min(range.upperBound, c + 10)).allSatisfy { tokens[$0].kind == .word }
        // So does a name that opens the sentence set off by an apposition ("Ana Okafor, the port
        // director, said the port ...", "Michael Kirby, who led the inquiry, said ..."): the sentence
        // has its subject, and "the" after the cue opens what was said, not a speaker.
        let namedBefore: Bool = {
            guard let comma = (range.lowerBound + 1..<k).first(where: { tokens[$0].lower == "," }), comma + 1 < k,
                let name = leadingSubject(tokens, range, before: comma + 1), name.end == tokens[comma - 1].end,
                !LanguageData.english.isStopWord(tokens[range.lowerBound].lower), TimeWords.english.relativeDays[tokens[range.lowerBound].lower] == nil,
                TimeWords.english.weekdays[tokens[range.lowerBound].lower] == nil, TimeWords.english.months[tokens[range.lowerBound].lower] == nil
            else { return false }
            let after = tokens[comma + 1]
            return after.kind == .word && (!after.capitalized || words.titles.contains(after.lower))
        }()
        guard !sentence.isQuote(k), !sentence.isQuote(range.lowerBound), c + 1 < range.upperBound, tokens[c + 1].kind == .word,
            !tokens[c + 1].capitalized && (!words.speakerOpeners.contains(tokens[c + 1].lower) || namedBefore) || runsOn && c + 10 < range.upperBound,
            let subject = leadingSubject(tokens, range, before: c)
        else { return nil }
        // What was said starts past a listener, a venue or a time ("said in a radio interview that ...").
        let b = contentStart(sentence, cue: f)
        guard b < range.upperBound else { return .noQuote }
        return .quote(said(sentence, from: b, source: subject, cue: f.span))
    }

    /// "...," said Mr. X.
    func speakerAfterCueRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        let tokens = sentence.tokens, range = sentence.range
        guard let f = sentence.cue, let content = contentFirst(sentence) else { return nil }
        let (contentStart, contentEnd, direct) = content
        let c = f.index
        var e = c + 1
        while e < range.upperBound && (tokens[e].kind != .punct || sentence.joins(e) && e > c + 1) { e += 1 }
        guard e > c + 1 else { return .noQuote }
        return .quote(
            Quote(
                speaker: "", text: sentence.text(tokens[contentStart].start, tokens[contentEnd].end), start: tokens[contentStart].start,
                end: tokens[contentEnd].end, direct: direct,
                source: TextSpan(start: tokens[c + 1].start, end: tokens[e - 1].end), cue: f.span))
    }

    /// "X said (that) ...": the speaker before the cue, the content after it.
    func speakerThenContentRule(_ sentence: SentenceCursor) -> QuoteVerdict? {
        let tokens = sentence.tokens, range = sentence.range
        guard let f = sentence.cue, !saysFirst(sentence), f.sourceStart < f.verbStart, !f.endsAfterCue else { return nil }
        let b = contentStart(sentence, cue: f)
        guard b < range.upperBound else { return .noQuote }
        // "Hays reported from New York and Breed reported from Raleigh": where from, and nothing said.
        if tokens[b].lower == "from", b + 1 < range.upperBound, tokens[b + 1].capitalized { return .noQuote }
        return .quote(said(sentence, from: b, source: TextSpan(start: tokens[f.sourceStart].start, end: tokens[f.sourceEnd].end), cue: f.span))
    }

    /// What was said from token `b` to the sentence's end, less a closing full stop (a quotation
    /// that closes after one keeps it), with its speaker's mention and cue.
    func said(_ sentence: SentenceCursor, from b: Int, source: TextSpan, cue: TextSpan) -> Quote {
        let tokens = sentence.tokens
        var last = sentence.range.upperBound - 1
        if last > b && tokens[last].lower == "." { last -= 1 }
        return Quote(
            speaker: "", text: sentence.text(tokens[b].start, tokens[last].end), start: tokens[b].start, end: tokens[last].end,
            direct: sentence.isQuote(b), source: source, cue: cue)
    }

    /// Where what was said starts after the cue: past a listener ("told AFP (that) ..."), a phrase
    /// telling where it was said ("said in an interview with AFP that ..."), words telling when ("said
    /// on Tuesday", "said last year that ..."), and a comma or a colon.
    func contentStart(_ sentence: SentenceCursor, cue f: CueFrame) -> Int {
        let tokens = sentence.tokens, range = sentence.range
        let c = f.index
        var b = c + 1
        // "X told AFP (that) ...": the listener is not content.
        if f.tellsSomeone {
            while b < range.upperBound && tokens[b].kind == .word && tokens[b].lower != "that" && b - c <= 4 { b += 1 }
        }
        // "concluded in a Feb. 17 report that ...", "said in an interview with AFP that ...": the phrase
        // before "that" tells where it was said, not what.
        if b < range.upperBound, words.venues.contains(tokens[b].lower),
            let that = (b + 1..<min(range.upperBound, b + 12)).first(where: { tokens[$0].lower == "that" }),
            !(b..<that).contains(where: { tokens[$0].kind == .punct && tokens[$0].lower != "." && tokens[$0].lower != "-" || sentence.isQuote($0) })
        {
            b = that
        }
        // "X said on Tuesday (that)", "said in a statement": time and setting words after the cue
        // are not content; an article right after the cue opens what was said ("said a gunfight
        // broke out"), not a setting.
        let start = b
        while b < range.upperBound && words.settings.contains(tokens[b].lower) && b - c <= 3 {
            if b == start, ["a", "an", "the"].contains(tokens[b].lower) { break }
            b += 1
        }
        // "X said last year that ...", "earlier this month that ...": a time phrase before "that"
        // tells when it was said.
        let time = TimeWords.english
        var j = b
        while j < min(range.upperBound, b + 4),
            ["last", "this", "next", "earlier", "later", "early", "late"].contains(tokens[j].lower) || time.units[tokens[j].lower] != nil
                || time.weekdays[tokens[j].lower] != nil || time.months[tokens[j].lower] != nil || time.partsOfDay[tokens[j].lower] != nil
        {
            j += 1
        }
        if j > b, j < range.upperBound, tokens[j].lower == "that" { b = j }
        while b < range.upperBound && (tokens[b].lower == "," || tokens[b].lower == ":") { b += 1 }
        return b
    }
}
