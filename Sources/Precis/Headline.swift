import Foundation
import PrecisFacts
import PrecisSummarize
import PrecisText

/// Headlines for stories: a source's title when one stands for the story, else a cut of the lead.
public enum Headline {
    /// Most words in a headline cut from a sentence.
    public static let maxWords = 14

    /// The title among `titles` (one per source, nil when it has none) whose content words the
    /// `summary` sentences share most, per word of the title; a later source's (by `dates`) on a tie,
    /// since the story as it is now is told by its latest sources. A title with a `titleFault` (page
    /// furniture taken for a title) is passed over, and so, when the sources' `texts` are given, is
    /// a title none of whose content words its own text holds: no headline of that article but a
    /// site's or a section's name, a byline, a place tag or a prompt ("Lauren Vell, The Norland
    /// Press"; "Looking for news you can trust?"). With no title left, the first summary sentence
    /// that reads on its own (`readsAlone`), else the first, cut by `cut`; when that cut keeps no
    /// verb (a subject alone: "The three foreign ministers of Poland, Hungary and ..."), the first
    /// other sentence that reads on its own and whose cut keeps one, the latest first by
    /// `summaryDates` (the day of each summary sentence's source, when known). Nil when there is
    /// neither.
    public static func choose(
        titles: [String?], dates: [String?], summary: [String], texts: [String]? = nil, summaryDates: [String?] = []
    ) -> String? {
        let stemmer = Stemmer(algorithm: LanguageData.english.stemmerAlgorithm)
        let told = Set(summary.flatMap { words($0, stemmer: stemmer) })
        var best: (score: Double, date: String, index: Int)? = nil
        for (k, title) in titles.enumerated() {
            guard let title, !title.isEmpty, titleFault(title) == nil else { continue }
            let own = Set(words(title, stemmer: stemmer))
            if let texts, k < texts.count, !own.isEmpty, own.isDisjoint(with: words(texts[k], stemmer: stemmer)) { continue }
            let score = own.isEmpty ? 0 : Double(own.intersection(told).count) / Double(own.count)
            let date = k < dates.count ? dates[k] ?? "" : ""
            if best == nil || (score, date, -k) > (best!.score, best!.date, -best!.index) { best = (score, date, k) }
        }
        if let best { return titles[best.index].map(withoutSlug) }
        guard let lead = summary.firstIndex(where: readsAlone) ?? summary.indices.first, let first = cutReading(summary[lead])
        else { return nil }
        if first.keepsVerb { return first.text }
        // Another sentence's cut that keeps its verb, the latest source's first (then in summary order).
        func day(_ k: Int) -> String { k < summaryDates.count ? summaryDates[k] ?? "" : "" }
        let others = summary.indices.filter { $0 != lead && readsAlone(summary[$0]) }.sorted { (day($0), -$0) > (day($1), -$1) }
        return others.lazy.compactMap { cutReading(summary[$0]) }.first(where: \.keepsVerb)?.text ?? first.text
    }

    /// What page furniture taken for a title looks like, as properties any title may have: nil when
    /// `title` can head a story.
    public static func titleFault(_ title: String) -> String? {
        if title.split(whereSeparator: { $0.isWhitespace }).count > maxWords { return "longer than a headline" }
        guard let first = title.first, first.isLetter || first.isNumber || "\"'\u{201C}\u{2018}".contains(first) else {
            return "opens with a symbol (a credit in brackets, a handle)"
        }
        if holdsLink(title) || title.range(of: #"\b\d{1,2}:\d\d\b"#, options: .regularExpression) != nil {
            return "holds a link, a handle or a clock time (a post or a player embedded in the page)"
        }
        if Captions.describesPicture(title) { return "tells what a picture shows (a caption)" }
        if Datelines.isWholeLine(title) { return "is a dateline (a place and an agency)" }
        return nil
    }

    /// Whether a title holds a link or a handle (a post, a newsletter's furniture).
    static func holdsLink(_ text: String) -> Bool {
        SentenceReading.hasWebAddress(text) || text.range(of: #"\.com\b|@\w"#, options: .regularExpression) != nil
    }

    /// A title less a wire service's slug before it: a word in capitals and a hyphen with a space
    /// after it ("INTERVIEW- Harbour master ...") or a number before it ("UPDATE 2-Council backs
    /// ..."). A hyphen that joins two words ("NATO-Brenna talks", "COVID-19") is kept.
    static func withoutSlug(_ title: String) -> String {
        guard let slug = title.range(of: #"^\p{Lu}{3,}(?: \d+-\s*|- +)(?=\p{Lu}|\d)"#, options: .regularExpression),
            slug.upperBound < title.endIndex
        else { return title }
        return String(title[slug.upperBound...])
    }

    /// Whether a sentence can lead on its own: it opens with a word, not a quotation mark or a
    /// symbol, and not with a pronoun or a linking word that needs the sentence before it, nor with a
    /// condition ("If ...") or in the first person ("We are monitoring ..."); it tells news, not what
    /// a picture shows or how the page was published (`Captions.tellsNoEvent`), and holds no web
    /// address.
    public static func readsAlone(_ sentence: String) -> Bool {
        guard let first = sentence.first, first.isLetter || first.isNumber, !Captions.tellsNoEvent(sentence),
            !SentenceReading.hasWebAddress(sentence)
        else { return false }
        let word = sentence.prefix { $0.isLetter }.lowercased()
        return !Summarizer.danglingOpeners.contains(word) && !SentenceReading.opensWithoutReport(word)
    }

    /// A headline cut from a sentence: the sentence itself when it has at most `maxWords` words
    /// (less its closing full stop), else, once `condensed`, its words up to the last clause boundary within the first
    /// `maxWords` (a comma, a semicolon, a colon, a dash, or before "and", "but", "which", "who",
    /// "after", "as", "while", "when", "because", "where") that leaves five words or more, ends on
    /// a content word and holds a verb; else up to the last function word after a content word
    /// within the first `maxWords` ("... a shallow fault and old" is never a headline), but not an
    /// "of" or the "by" or "to" of a past form, or before a past form and its "by" after a verb (when
    /// a verb stands among those words, only a cut that keeps it); else
    /// its first `maxWords` words and an ellipsis (and the closing mark of a quotation it cuts). No
    /// cut leaves a verb wanting what it takes (`leavesVerbWanting`).
    public static func cut(_ sentence: String) -> String? {
        cutReading(sentence)?.text
    }

    /// `cut`'s headline, and whether it keeps a verb of the sentence's main clause: the sentence
    /// whole, a cut at a clause boundary (which only keeps one), or a cut after a verb; not a subject
    /// alone ("The three foreign ministers of Poland, Hungary and ...").
    static func cutReading(_ sentence: String) -> (text: String, keepsVerb: Bool)? {
        // A space the source left before a comma ("al-Bashir , a man") joins the word before it.
        var tokens = sentence.replacingOccurrences(of: " ,", with: ",").split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !tokens.isEmpty else { return nil }
        if tokens.count > maxWords { tokens = condensed(tokens) }
        func trimmed(_ words: ArraySlice<String>) -> String {
            var text = words.joined(separator: " ")
            while let last = text.last, ".,;:–—-".contains(last) { text.removeLast() }
            return text.trimmingCharacters(in: .whitespaces)
        }
        if tokens.count <= maxWords { return (trimmed(tokens[...]), true) }
        let bare = tokens.map(bareWord)
        let stop = LanguageData.english.stopWords
        func function(_ k: Int) -> Bool { stop.contains(bare[k]) }
        // No verb: a word in -s right before "of" (a plural noun: "the three foreign ministers of
        // ..."); a word right after "of", a preposition or an article or possessive (a noun or an
        // adjective: "the airing of protests", "the injured"); any word of a phrase that a past
        // form and its "by" open after a comma, up to the next comma (a participle: "The letters,
        // consigned by the estate and dated from 1954, were ...").
        let aside: [Bool] = {
            var inside = [Bool](repeating: false, count: tokens.count)
            var open = false
            for k in tokens.indices {
                if k > 0, tokens[k - 1].hasSuffix(",") {
                    open = bare[k].hasSuffix("ed") && k + 1 < tokens.count && bare[k + 1] == "by"
                }
                inside[k] = open
            }
            return inside
        }()
        func verbLike(_ k: Int) -> Bool {
            guard Self.verbLike(tokens[k]), !aside[k] else { return false }
            if auxiliaries.contains(bare[k]) { return true }
            if bare[k].hasSuffix("s") && k + 1 < tokens.count && bare[k + 1] == "of" { return false }
            return !(k > 0 && (bare[k - 1] == "of" || prepositions.contains(bare[k - 1]) || nounMarkers.contains(bare[k - 1])))
        }
        // A cut never leaves a quotation open ("... claims to show “the direct link").
        var open = [Bool](repeating: false, count: tokens.count + 1)
        for k in tokens.indices {
            var depth = open[k]
            for c in tokens[k] {
                if c == "\u{201C}" { depth = true } else if c == "\u{201D}" { depth = false } else if c == "\"" { depth.toggle() }
            }
            open[k + 1] = depth
        }
        // Nor parts "between" from its "and" ("will fetch between $10,000 | and $15,000").
        let dangles = { k in
            Self.leavesVerbWanting(tokens, bare, at: k)
                || (k < tokens.count && bare[k] == "and" && (max(0, k - 3)..<k).contains { bare[$0] == "between" })
        }
        // A sentence that opens on a subordinate clause or a participle ("While the ferries waited,
        // ...", "Turning its back on ..., the council voted"): its first clause is no headline, so
        // the verb a cut keeps stands after the comma that closes it.
        let main = Self.mainClauseStart(tokens, bare)
        func keepsVerb(_ k: Int) -> Bool { main < k && (main..<k).contains(where: verbLike) }
        var boundary: Int? = nil
        for k in 5..<min(tokens.count, maxWords + 1) {
            var here = false
            if let c = tokens[k - 1].last, ",;:".contains(c) { here = true }
            if ["–", "—", "-"].contains(tokens[k]) || openers.contains(bare[k]) { here = true }
            if here, !function(k - 1), !open[k], keepsVerb(k), !dangles(k) { boundary = k }
        }
        if let boundary { return (trimmed(tokens[..<boundary]), true) }
        // A cut never parts a word from the "of" after it ("in the midst | of"), nor a past form
        // from its "by" or "to" ("owned | by", "led | to"); before a past form that takes "by" after
        // a noun, a phrase ends ("seized a ferry | owned by").
        func binds(_ k: Int) -> Bool {
            bare[k] == "of" || (["by", "to"].contains(bare[k]) && bare[k - 1].hasSuffix("ed"))
                || (bare[k] == "to" && Self.takesTo.contains(bare[k - 1]))
        }
        func participle(_ k: Int) -> Bool {
            k + 1 < tokens.count && bare[k].hasSuffix("ed") && bare[k + 1] == "by" && (1..<k).contains(where: verbLike)
        }
        // With a verb among the first words, only a cut that keeps it ("The mix of soft clay and old,
        // unreinforced stone walls brought ...", not "The mix of soft clay"); with none after it, the
        // words up to the limit tell more than a subject alone.
        let needsVerb = (1..<min(tokens.count, maxWords)).contains(where: verbLike)
        for k in stride(from: maxWords, through: 5, by: -1)
        where !function(k - 1) && (function(k) && !binds(k) || participle(k)) && (!needsVerb || keepsVerb(k))
            && !open[k] && !dangles(k)
        {
            return (trimmed(tokens[..<k]), keepsVerb(k))
        }
        // Cut inside a quotation, the ellipsis stands in it and the mark closes it.
        let verb = keepsVerb(maxWords)
        guard open[maxWords] else { return (trimmed(tokens[..<maxWords]) + " …", verb) }
        let straight = tokens[..<maxWords].joined().last(where: { $0 == "\u{201C}" || $0 == "\"" }) == "\""
        return (trimmed(tokens[..<maxWords]) + " …" + (straight ? "\"" : "\u{201D}"), verb)
    }

    /// A word as compared: its letters and digits, lower-cased.
    static func bareWord(_ token: String) -> String { token.filter { $0.isLetter || $0.isNumber }.lowercased() }

    /// A verb, as far as words alone tell: an auxiliary, a past form (in -ed, or an irregular one:
    /// "came", "held"), or a lower-case word in -s that names no unit of time ("days").
    static func verbLike(_ token: String) -> Bool {
        let bare = bareWord(token)
        return auxiliaries.contains(bare) || bare.hasSuffix("ed") || (token.first?.isLowercase == true && TimeTagger.isIrregularPast(bare))
            || (bare.hasSuffix("s") && token.first?.isLowercase == true && !LanguageData.english.stopWords.contains(bare)
                && !TimeTagger.isTimeUnit(bare))
    }

    /// Where the main clause of a sentence starts: after the first comma when the sentence opens on a
    /// subordinating word ("While", "Because", "After", "Now that"), on a form in -ing followed by a function
    /// word ("Turning its back", "Taking the stand"; not "Boeing said", "Beijing and Calder") or on a
    /// preposition whose phrase runs to five words or more before the comma; else at its second word.
    static func mainClauseStart(_ tokens: [String], _ bare: [String]) -> Int {
        guard tokens.count > 1 else { return 1 }
        let stop = LanguageData.english.stopWords
        let participle =
            bare[0].count > 4 && bare[0].hasSuffix("ing") && stop.contains(bare[1]) && !auxiliaries.contains(bare[1])
            && !["and", "or"].contains(bare[1])
        let clause = subordinators.contains(bare[0]) || participle || (bare[0] == "now" && bare[1] == "that")
        // A phrase that opens on a preposition ("In an apparent bid to ...,", "With a tense town
        // waiting,") is set before the main clause as a clause is, once it runs to five words or
        // more and holds no auxiliary; a shorter one ("In Calder today,", "For his part,") stays
        // with it.
        let phrase = !clause && prepositions.contains(bare[0])
        guard clause || phrase else { return 1 }
        // The comma that closes the clause, not one of a list inside it ("While it helped
        // researchers, students and the curious, it ...": past the words that run on with "and").
        let commas = tokens.indices.filter { tokens[$0].hasSuffix(",") }
        for (n, c) in commas.enumerated() {
            let next = n + 1 < commas.count ? commas[n + 1] : tokens.count
            let segment = (c + 1)..<next
            let list =
                next < tokens.count && segment.prefix(4).contains { ["and", "or"].contains(bare[$0]) }
                && !segment.contains { auxiliaries.contains(bare[$0]) || bare[$0].hasSuffix("ed") || TimeTagger.isIrregularPast(bare[$0]) }
            // A phrase holds no verb of its own: "At least 21 people were shot dead ..., a police
            // chief said" opens on its main clause.
            if phrase, (1..<c).contains(where: { auxiliaries.contains(bare[$0]) }) { return 1 }
            if !list { return phrase && c + 1 < 5 ? 1 : c + 1 }
        }
        return 1
    }
    /// Whether a word after an opening clause's comma may open the main clause: not an adverb in -ly,
    /// a form in -ing ("..., instantly raising ...", "..., leaving ..."), nor "and", "or", "but".
    static func opensClause(_ word: String) -> Bool {
        !(word.count > 4 && (word.hasSuffix("ly") || word.hasSuffix("ing"))) && !["and", "or", "but"].contains(word)
    }
    static let subordinators = DigestWords.english["subordinator"]
    static let prepositions = DigestWords.english["preposition"]

    /// Whether a cut before token `k` leaves a verb wanting what it takes: its object, as an active
    /// form does ("... plans to host | a show", "... list earned | a total", "... is requesting |
    /// the public's help", "... in reducing | the risk"; a passive after a form of "be" takes none:
    /// "was launched | in May"); its subject's verb ("... said the quay | did not"); what was said
    /// ("... said on Monday | the quay"); or the verb of a clause a conjunction opens ("... if the
    /// crews | who ...").
    static func leavesVerbWanting(_ tokens: [String], _ bare: [String], at k: Int) -> Bool {
        guard k > 1, k <= tokens.count else { return false }
        let stop = LanguageData.english.stopWords
        if k < tokens.count, auxiliaries.contains(bare[k]), !stop.contains(bare[k - 1]) { return true }
        if activeVerb(tokens, bare, k - 1) { return true }
        // A clause opened by a conjunction ("if", "because", "while") and cut before its verb:
        // "... could be forced to stay longer if the Miami relatives | who are seeking ... pursue".
        // A word in -s right after a name or a determiner, or right before a relative pronoun, is
        // taken for a plural noun there ("the Miami relatives", "the ferry crews who").
        func clauseVerb(_ i: Int) -> Bool {
            guard verbLike(tokens[i]) else { return false }
            if auxiliaries.contains(bare[i]) || bare[i].hasSuffix("ed") || TimeTagger.isIrregularPast(bare[i]) { return true }
            if i + 1 < tokens.count, ["who", "whose", "which"].contains(bare[i + 1]) { return false }
            return tokens[i - 1].first?.isUppercase != true && !determiners.contains(bare[i - 1])
        }
        if let j = (1..<k).last(where: { conjunctions.contains(bare[$0]) }), !(j + 1..<k).contains(where: clauseVerb) {
            return true
        }
        // The last verb a reporting one, and nothing said after it: only function words, names, days.
        // "Said" and "says" take a clause: one whose subject opens with a determiner and whose verb
        // the cut leaves out has not told what was said ("... Corp. said the final step | in the ...
        // was"; not "... said it withdrew its offer").
        if let j = (1..<k).last(where: { verbLike(tokens[$0]) }), Quote.isReportingVerb(bare[j]),
            auxiliaries.contains(bare[j]) || activeVerb(tokens, bare, j)
        {
            let subject = (j + 1..<k).first { !(stop.contains(bare[$0]) && !determiners.contains(bare[$0])) && tokens[$0].first?.isUppercase != true }
            if ["said", "says"].contains(bare[j]), let subject, determiners.contains(bare[subject]) { return true }
            return !(j + 1..<k).contains { tokens[$0].first?.isLowercase == true && !stop.contains(bare[$0]) }
        }
        return false
    }

    /// Whether token `j` is a verb form that takes what follows it: a form in -ing after a function
    /// word that is no determiner ("is requesting", "in reducing"; not "the meeting"), an infinitive
    /// after "to" ("plans to host", "approval to buy"; a noun there, "returned to work", is passed
    /// over too, a cut before it lost little) or after a modal ("will cost"), a past form not after a form of "be" ("earned",
    /// "have established"; not "was launched"), a reporting verb, or a form in -s right after a
    /// comma ("Ana Pell, the host of “Morning Tide,” plans"; after a name it may be a noun: "Norland
    /// officials").
    static func activeVerb(_ tokens: [String], _ bare: [String], _ j: Int) -> Bool {
        let token = tokens[j]
        let word = bare[j]
        guard j > 0, token.first?.isLowercase == true, !token.contains("-"), word.count > 2 else { return false }
        let stop = LanguageData.english.stopWords
        let before = bare[j - 1]
        if word.count > 4, word.hasSuffix("ing") { return stop.contains(before) && !determiners.contains(before) }
        if before == "to", !stop.contains(word) { return true }
        if modals.contains(before), !stop.contains(word) { return true }
        let past = (word.count >= 5 && word.hasSuffix("ed") && !word.hasSuffix("eed") && word != "hundred") || TimeTagger.isIrregularPast(word)
        if past || Quote.isReportingVerb(word) { return !passive.contains(before) }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !stop.contains(word), !TimeTagger.isTimeUnit(word) {
            return tokens[j - 1].hasSuffix(",") || tokens[j - 1].hasSuffix(",\u{201D}") || tokens[j - 1].hasSuffix(",\"")
        }
        return false
    }

    static let determiners = DigestWords.english["determiner"]
    /// Words after which a noun or an adjective comes, never a verb: articles and possessives.
    static let nounMarkers = DigestWords.english["nounmarker"]
    static let conjunctions = DigestWords.english["conjunction"]
    static let modals = DigestWords.english["modal"]
    /// Forms of "be" (and "get") before a past form that make it passive.
    static let passive = DigestWords.english["passive"]
    /// Words that take "to" as "of" is taken ("due to", "according to"): a cut never parts them.
    static let takesTo = DigestWords.english["takesto"]

    /// A long sentence less what a headline leaves out, when it reads on without it: an opening
    /// attribution ("According to the harbour board, ferries ..."), an opening subordinate clause or
    /// participle (`mainClauseStart`), and an insertion between commas
    /// after the subject ("Ada Vell, a captain of thirty years, has left" -> "Ada Vell has left").
    /// The subject holds no verb, the insertion at most 16 words, and a lower-case word other than
    /// "and", "or" or "but" follows it (the verb), so a list is not taken for an insertion; nor is
    /// one that holds an auxiliary, unless a relative pronoun opens it (a clause: "Norland, Brenna
    /// and Calder can now join the pact, because ..."; but "Ana Pell, who is of Calder, says"), or
    /// that opens as the rest of a list of names ("Norland, Brenna and Calder"). The
    /// insertion's closing comma may stand inside a quotation's closing mark ("Ana Pell, the host of
    /// “Morning Tide,” plans ...").
    static func condensed(_ tokens: [String]) -> [String] {
        var tokens = tokens
        func comma(from start: Int, within n: Int, quoted: Bool = false) -> Int? {
            (start..<min(tokens.count, start + n)).first {
                tokens[$0].hasSuffix(",") || (quoted && (tokens[$0].hasSuffix(",\u{201D}") || tokens[$0].hasSuffix(",\"")))
            }
        }
        if tokens.count > 2, bareWord(tokens[0]) == "according", bareWord(tokens[1]) == "to", let i = comma(from: 2, within: 9),
            tokens.count - i > 5
        {
            tokens.removeSubrange(0...i)
            if let first = tokens.first?.first, first.isLowercase { tokens[0] = first.uppercased() + tokens[0].dropFirst() }
        }
        // An opening subordinate clause or participle of at most 16 words, when the main clause after
        // it runs on: "Turning its back on ..., the council voted" -> "The council voted". Not a
        // condition ("If ...", "Unless ..."), which the main clause does not hold without.
        let main = mainClauseStart(tokens, tokens.map(bareWord))
        if main > 1, main <= 16, !["if", "unless"].contains(bareWord(tokens[0])), tokens.count - main >= 6,
            let first = tokens[main].first, first.isLetter || first.isNumber, opensClause(bareWord(tokens[main]))
        {
            tokens.removeSubrange(0..<main)
            if first.isLowercase { tokens[0] = first.uppercased() + tokens[0].dropFirst() }
        }
        guard let i = comma(from: 0, within: 7), !(0...i).contains(where: { verbLike(tokens[$0]) }),
            let j = comma(from: i + 1, within: 17, quoted: true), j + 3 < tokens.count,
            ["who", "which", "whose"].contains(bareWord(tokens[i + 1])) || !(i + 1...j).contains(where: { auxiliaries.contains(bareWord(tokens[$0])) }),
            !(tokens[i + 1].first?.isUppercase == true && (i + 1...min(j, i + 4)).contains { ["and", "or"].contains(bareWord(tokens[$0])) }),
            let next = tokens[j + 1].first, next.isLowercase, !["and", "or", "but"].contains(bareWord(tokens[j + 1]))
        else { return tokens }
        tokens[i].removeLast()
        tokens.removeSubrange((i + 1)...j)
        return tokens
    }

    /// Words a clause may open with: a cut before them ends a clause.
    static let openers = DigestWords.english["opener"]
    static let auxiliaries = DigestWords.english["auxiliary"]

    /// Lower-cased words of four letters or more: what a title and a summary share.
    /// The content words of a text as stems: no stop words ("over", "against"), and one stem for the
    /// forms of a word ("prosecutions" and "prosecution").
    static func words(_ text: String, stemmer: Stemmer?) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            .filter { $0.count >= 2 && !LanguageData.english.stopWords.contains($0) }
            .map { stemmer?.stem($0) ?? $0 }
    }
}
