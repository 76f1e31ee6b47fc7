import Foundation
import PrecisText

/// A quantity in a text: its value, what it counts, and how it was put.
public struct Quantity: Sendable, Equatable {
    /// The number ("120000", "4.2", "111-19" for a tally); money and scales folded in ("4200000").
    public var value: String
    /// A qualifier that makes the value approximate or a bound: "about", "more than", "up to" …
    public var qualifier: String?
    /// What it counts, as written ("co-sponsors", "votes", "percent", "dollars").
    public var counts: String
    /// A key for what it counts, the same for "co-sponsored by 48" and "50 co-sponsors".
    public var key: String
    /// The words as they stand in the text ("more than 60 countries").
    public var text: String
    public var start: Int
    public var end: Int
    /// The words around the figure in its sentence, as stems (words that say the same folded into
    /// one): what tells "16,000 flights canceled" from "16,000 flights a day". Not the counted noun.
    public var context: Set<String> = []
    /// The same, of the `NumberFinder.nearWords` words each side: what happened to what is counted
    /// ("were killed", "dead" -> "die"; "wounded").
    public var near: Set<String> = []
    /// What happened to what is counted, as the heads of `alike` lines in `numberwords.txt` ("die" for
    /// "20 people were killed" and "21 killed", "injured" for "eight wounded"): said just after the
    /// figure, else just before it ("killed 21 people"). Two figures of which different things are
    /// said are two quantities.
    public var outcome: Set<String> = []
    /// The lower bound of a range ("between 18 and 22 students": 18), which `qualifier` words.
    public var low: String? = nil
    /// The period a rate is given in, as a TimeML unit ("D" for "800g a day", "Y" for "37 children
    /// die each year"); nil for a total. A rate and a total are two figures.
    public var per: String? = nil
    /// The years the dates around the figure, in its sentence, name ("the 2009 quake killed more than
    /// 300"): a toll of 2009 and one of today are two figures. Empty when none is named.
    public var years: Set<Int> = []
    /// The months named alone, without a day, around the figure in its sentence (1-12: "in February,
    /// a gunman killed five people"): a figure told of a month is background to a story told by
    /// days, and a figure of another month is another figure. Empty when none is named.
    public var months: Set<Int> = []
    /// Whether the figure is a part of a larger one ("another 3,000 jobs", "including 12 children",
    /// "$25 million in punitive damages", "two died at the scene"): no measure of the whole.
    public var part = false
    /// Whether the figure is what something can hold or do ("can hold 50 million gallons", "a
    /// capacity of 80,000"), not an amount.
    public var capacity = false
    /// The unit a measure names after its noun ("fahrenheit" for "2,500 degrees Fahrenheit").
    public var unit: String? = nil
    /// Whose age the figure is, the name as written before it ("Ana Vell" for "Ana Vell, 34,").
    public var who: String? = nil
    /// Whether the figure is an order of size ("dozens of", "tens of thousands of"), not a count.
    public var orderOfSize = false
    /// Whether a sum, percentage or measure is the size of a change ("cut by 30%", "a 5% rise"), not
    /// the level something stands at ("26 percent of all emissions").
    public var change = false

    /// The value as compared across sources: "between two and four feet" and "2 to 4 feet" agree.
    var reading: String { value + "|" + (low ?? qualifier ?? "") }
}

/// Finds quantities with what they count: "111 votes", "55 abstentions", "120,000 prisoners", "some 50
/// co-sponsors", "co-sponsored by 62 members" (counted as co-sponsors), vote tallies ("111 to 19",
/// "a 111-to-19 vote"), money ("$4.2 million"), percentages and a named person's age ("Ana Vell,
/// 34,"). Years, dates and times are not quantities.
public struct NumberFinder: Sendable {
    let numberWords: [String: Double]
    /// Words that multiply the number before them ("million", "bn", "dozen"), and the short forms that do so
    /// only glued to an amount of money ("$3m", "£40k"; "3m" alone may be metres): `numberwords.txt`.
    let scales: [String: Double], moneyScales: [String: Double]
    /// Words before a figure that make it approximate or a bound ("more than", "some"), tried in the
    /// order of the `qualifier` lines of `numberwords.txt`, the first that matches winning.
    let qualifiers: [[String]]
    /// What a number is an ordinal with ("3rd"), and the words that link the two ends of a range.
    let ordinalSuffixes: Set<String>
    /// Letters that may stand glued to a number and leave it a figure ("20km", "9pm"): the `glued`,
    /// `convert`, `scale`, `moneyscale`, `clock` and `subunit` words of `numberwords.txt` ("58F", "1.5ºC").
    let gluedUnits: Set<String>
    let rangeLinks: Set<String> = ["and", "to", "or"]
    /// Words between a number and the noun it counts that are not the noun ("48 more countries", "two
    /// senior officials"), nouns a number after them names rather than counts ("flight 116"), and
    /// words never counted ("116 as it landed"): `numberwords.txt`.
    let skip: Set<String>, labels: Set<String>, uncounted: Set<String>
    /// Verbs before the age one turns, and the words after it that say when ("turns 61 today").
    let birthdayVerbs: Set<String>, birthdayWhen: Set<String>
    /// Words that say the same of a figure, by stem ("killed", "dead" -> "die"), and words around a
    /// figure that tell nothing of what it counts ("said", "reported"): `numberwords.txt`.
    let alike: [String: String], vague: Set<String>
    /// Words before a counted noun that say it did not happen ("attempted murders"), and words after a
    /// figure that end what is said of it ("and", "while"): `numberwords.txt`.
    let undone: Set<String>, clauseBreaks: Set<String>
    /// Nouns that end in s and are singular ("news", "series"): `numberwords.txt`.
    let singulars: Set<String>
    /// Nouns that are plural without ending in s ("people", "children"): `numberwords.txt`.
    let plurals: Set<String>
    /// Words after an hour that make it a time of day ("9 pm", "12 : 42 GMT"): `numberwords.txt`.
    let clockWords: Set<String>
    /// Words that make a unit of time after a figure its rate ("a day", "per hour"), and words after
    /// such a unit that make it a time instead ("a day after"): `numberwords.txt`.
    let rateWords: Set<String>, relativeAfter: Set<String>
    /// Phrases that make a figure a part of another (before it, or after its noun), words that make it
    /// a capacity, and the units a measure may name after its noun: `numberwords.txt`.
    let partBefore: [[String]], partAfter: [[String]], partWithin: Set<String>, capacityWords: Set<String>, subunits: [String: String]
    /// Words before a measure, or after it, that make it the size of a change: `numberwords.txt`.
    let changeBefore: Set<String>, changeAfter: Set<String>, countChangeAfter: Set<String>
    let stopWords = LanguageData.english.stopWords
    /// How many words each side of a figure, within its sentence, make its context; how many its near
    /// context, where what happened to the counted is said ("20 people were killed").
    static let contextWords = 10, nearWords = 3
    let currencies: [String: String] = ["$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"]

    public init() {
        var w: [String: Double] = [:]
        // "a", "an", "one" and "single" are too often not counts ("one of the", "a man", "a single job").
        for (k, v) in TimeWords.english.numbers { if let d = Double(v), !["a", "an", "one", "single"].contains(k) { w[k] = d } }
        numberWords = w
        var lists: [String: Set<String>] = [:]
        let entries = resourceEntries(PackageResources.numberwords_txt)
        for (kind, word) in entries { lists[kind, default: []].insert(word) }
        qualifiers = entries.filter { $0.kind == "qualifier" }.map { $0.value.split(separator: " ").map(String.init) }
        ordinalSuffixes = lists["ordinal"] ?? []
        skip = lists["filler"] ?? []
        labels = lists["label"] ?? []
        uncounted = lists["nocount"] ?? []
        birthdayVerbs = lists["birthday"] ?? []
        birthdayWhen = lists["birthdaywhen"] ?? []
        // "KIND WORD NUMBER" lines: each word and the factor its number gives.
        func factors(_ kind: String, _ factor: (Double) -> Double) -> [String: Double] {
            var table: [String: Double] = [:]
            for entry in lists[kind] ?? [] {
                let parts = entry.split(separator: " ")
                if parts.count == 2, let number = Double(parts[1]) { table[String(parts[0])] = factor(number) }
            }
            return table
        }
        scales = factors("scale") { pow(10, $0) }.merging(factors("multiple") { $0 }) { scale, _ in scale }
        moneyScales = factors("moneyscale") { pow(10, $0) }
        // A line of vague words may hold several.
        vague = Set((lists["vague"] ?? []).flatMap { $0.split(separator: " ").map(String.init) })
        singulars = lists["singular"] ?? []
        plurals = lists["plural"] ?? []
        clockWords = lists["clock"] ?? []
        rateWords = lists["rate"] ?? []
        relativeAfter = lists["relative"] ?? []
        partBefore = (lists["partbefore"] ?? []).sorted().map { $0.split(separator: " ").map(String.init) }
        partWithin = lists["partwithin"] ?? []
        partAfter = (lists["partafter"] ?? []).sorted().map { $0.split(separator: " ").map(String.init) }
        capacityWords = lists["capacity"] ?? []
        changeBefore = lists["changebefore"] ?? []
        changeAfter = lists["changeafter"] ?? []
        countChangeAfter = lists["countchangeafter"] ?? []
        var orders: [String: (low: Double, high: Double)] = [:]
        for entry in lists["order"] ?? [] {
            let parts = entry.split(separator: " ")
            if parts.count == 3, let low = Double(parts[1]), let high = Double(parts[2]) { orders[String(parts[0])] = (low, high) }
        }
        vagueCounts = orders
        gluedUnits = (lists["glued"] ?? []).union(MeasureUnit.byWord.keys).union(scales.keys).union(moneyScales.keys)
            .union(lists["clock"] ?? []).union(lists["subunit"] ?? [])
        var units: [String: String] = [:]
        for u in lists["subunit"] ?? [] { units[u] = ["f": "fahrenheit", "c": "celsius", "centigrade": "celsius"][u] ?? u }
        subunits = units
        let stemmer = Stemmer(algorithm: "english")
        var same: [String: String] = [:]
        for entry in lists["alike"] ?? [] {
            let stems = entry.split(separator: " ").map { stemmer?.stem(String($0)) ?? String($0) }
            for s in stems { same[s] = stems[0] }
        }
        alike = same
        undone = lists["undone"] ?? []
        clauseBreaks = lists["clausebreak"] ?? []
    }

    /// The tokens within `contextWords` words of tokens `first...last`, in their sentence and
    /// paragraph: what a figure is told with.
    func window(_ tokens: [TimeToken], _ scalars: [Unicode.Scalar], first: Int, last: Int, words: Int = contextWords) -> ClosedRange<Int> {
        func breaks(_ a: Int, _ b: Int) -> Bool { scalars[tokens[a].end..<tokens[b].start].contains("\n") }
        var j = first - 1, n = 0
        while j >= 0, n < words, !tokens[j].endsSentence, !breaks(j, j + 1) {
            if tokens[j].kind == .word { n += 1 }
            j -= 1
        }
        let lo = j + 1
        j = last + 1; n = 0
        while j < tokens.count, n < words, !tokens[j].endsSentence, !breaks(j - 1, j) {
            if tokens[j].kind == .word { n += 1 }
            j += 1
        }
        return lo...(j - 1)
    }

    /// The content words of `window` outside tokens `first...last`, as stems; words that say the
    /// same share one, and the counted noun's is left out.
    func context(
        _ tokens: [TimeToken], window: ClosedRange<Int>, first: Int, last: Int, key: String,
        stem: (String) -> String
    ) -> Set<String> {
        var words = Set<String>()
        // Times say little of what a figure is: the sources of one story tell of the same days.
        let time = TimeWords.english
        for j in window where (j < first || j > last) && tokens[j].kind == .word {
            let w = tokens[j].lower
            guard w.count >= 3, w.unicodeScalars.allSatisfy(CharClass.isLetter), !stopWords.contains(w), !vague.contains(w),
                numberWords[w] == nil, scales[w] == nil, time.units[w] == nil, time.months[w] == nil, time.weekdays[w] == nil,
                time.relativeDays[w] == nil, time.references[w] == nil
            else { continue }
            let s = stem(w)
            if s != key { words.insert(alike[s] ?? s) }
        }
        return words
    }

    /// The context of the `nearWords` words each side of tokens `first...last`.
    func near(_ tokens: [TimeToken], _ scalars: [Unicode.Scalar], first: Int, last: Int, key: String, stem: (String) -> String) -> Set<String> {
        context(tokens, window: window(tokens, scalars, first: first, last: last, words: Self.nearWords), first: first, last: last, key: key, stem: stem)
    }

    /// The period of a rate the figure at tokens `first...last` is given in: a recurring time in its
    /// window ("each year", "every week"), or "a", "an" or "per" and a unit of time within a few words
    /// after it ("800g a day", "593 friends per hour", "five portions of fruit a day"; not "a day
    /// after"). The rate words are `rate` in `numberwords.txt`.
    func period(_ tokens: [TimeToken], window: ClosedRange<Int>, last: Int, times: [TimeExpression]) -> String? {
        let units = TimeWords.english.units
        var j = last + 1
        while j + 1 <= window.upperBound, j - last <= 6 {
            if rateWords.contains(tokens[j].lower), let unit = units[tokens[j + 1].lower], !tokens[j + 1].lower.hasSuffix("s"),
                !(j + 2 <= window.upperBound && relativeAfter.contains(tokens[j + 2].lower))
            {
                return unit
            }
            j += 1
        }
        let a = tokens[window.lowerBound].start, b = tokens[window.upperBound].end
        // A capitalised single word inside a sentence is a name ("Electric Power Monthly"), not a rate.
        for time in times
        where time.type == .set && a <= time.start && time.end <= b
            && !(time.text.first?.isUppercase == true && !time.text.contains(" ") && time.start > tokens[window.lowerBound].start)
        {
            // "P1Y" is a year, "P1W" a week; a set without a value is a period all the same.
            let unit = time.value.map { String($0.drop { $0 == "P" || $0.isNumber }) } ?? ""
            return unit.isEmpty ? "SET" : unit
        }
        return nil
    }

    /// Marks what the words around a figure say of it: a part of a larger figure, a capacity, a unit.
    /// `previousKey` is the key of the figure before it in its sentence, if any: a part of a figure of
    /// another noun is the whole count of its own ("killed 200 people, including 12 Americans": all
    /// the Americans killed), as "another 3,000 jobs" after "7,000 jobs" is not.
    func describe(_ q: inout Quantity, _ tokens: [TimeToken], window: ClosedRange<Int>, first: Int, last: Int, previousKey: String? = nil) {
        func phrase(_ words: [String], at k: Int) -> Bool {
            k >= window.lowerBound && k + words.count - 1 <= window.upperBound
                && words.indices.allSatisfy { tokens[k + $0].lower == words[$0] }
        }
        q.part =
            (previousKey == nil || previousKey == q.key) && partBefore.contains { phrase($0, at: first - $0.count) }
            || (last + 1...last + 4).contains { k in partAfter.contains { phrase($0, at: k) } }
            || (first + 1..<max(first + 1, last)).contains { partWithin.contains(tokens[$0].lower) }
        q.capacity = (max(window.lowerBound, first - 3)..<first).contains { capacityWords.contains(tokens[$0].lower) }
        if last + 1 <= window.upperBound, tokens[last + 1].kind == .word { q.unit = subunits[tokens[last + 1].lower] }
        func before(_ k: Int) -> String? { k >= window.lowerBound ? tokens[k].lower : nil }
        // "a drop of five points", "a 30% rise": the noun of a change before "of", for any figure.
        let namedChange = before(first - 1) == "of" && before(first - 2).map { changeAfter.contains($0) } == true
        if Self.measures.contains(q.counts) {
            q.change =
                namedChange || before(first - 1).map { changeBefore.contains($0) } == true
                || (last + 1 <= window.upperBound && changeAfter.contains(tokens[last + 1].lower))
        } else {
            // A count after "up" or "down" ("down almost five points"); not after "by", which names
            // the agents of a count ("co-sponsored by 48 countries"). Or with "more" or "fewer"
            // before what it counts ("35 million more people"; not "five or more", "no more than
            // five"): what is added to a level, not the level.
            let afterUpOrDown = before(first - 1).map { $0 != "by" && changeBefore.contains($0) } ?? false
            let beforeMore = (first + 1..<max(first + 1, last)).contains { k in
                countChangeAfter.contains(tokens[k].lower) && tokens[k + 1].lower != "than" && tokens[k - 1].lower != "or"
            }
            q.change = namedChange || afterUpOrDown || beforeMore
        }
    }

    /// What the words just after the figure at tokens `first...last` say happened to what it counts,
    /// up to a clause break, else the words just before it: the heads of the `alike` lines among
    /// them. In "killing at least 81 people and injuring more than 1,700 others" the injuring is
    /// said of the others, not of the 81.
    func outcome(_ tokens: [TimeToken], window: ClosedRange<Int>, first: Int, last: Int, stem: (String) -> String) -> Set<String> {
        func heads(_ range: Range<Int>) -> Set<String> {
            Set(range.compactMap { tokens[$0].kind == .word ? alike[stem(tokens[$0].lower)] : nil })
        }
        var end = last + 1
        while end <= min(last + Self.nearWords, window.upperBound), !clauseBreaks.contains(tokens[end].lower),
            tokens[end].kind != .punct || tokens[end].lower == "-"
        {
            end += 1
        }
        let after = heads((last + 1)..<end)
        return after.isEmpty ? heads(max(first - Self.nearWords, window.lowerBound)..<max(first, window.lowerBound)) : after
    }

    /// The values of the dates that lie within the window.
    func dateValues(_ tokens: [TimeToken], window: ClosedRange<Int>, times: [TimeExpression]) -> [String] {
        let a = tokens[window.lowerBound].start, b = tokens[window.upperBound].end
        return times.compactMap { $0.type == .date && a <= $0.start && $0.end <= b ? $0.value : nil }
    }

    /// The years the dates in the window name.
    func years(_ tokens: [TimeToken], window: ClosedRange<Int>, times: [TimeExpression]) -> Set<Int> {
        Set(dateValues(tokens, window: window, times: times).compactMap { $0.count >= 4 ? Int($0.prefix(4)) : nil })
    }

    /// The months that the dates in the window name without a day ("in February", "last March").
    func months(_ tokens: [TimeToken], window: ClosedRange<Int>, times: [TimeExpression]) -> Set<Int> {
        Set(
            dateValues(tokens, window: window, times: times).compactMap { v in
                guard v.count == 7, v.dropFirst(4).first == "-", let month = Int(v.suffix(2)), (1...12).contains(month) else { return nil }
                return month
            })
    }

    /// Whether the run of non-space characters around `offset` is a link, an address or a handle.
    func inLink(_ scalars: [Unicode.Scalar], _ offset: Int) -> Bool {
        var a = offset, b = offset
        while a > 0 && !CharClass.isSpace(scalars[a - 1]) { a -= 1 }
        while b < scalars.count && !CharClass.isSpace(scalars[b]) { b += 1 }
        return isLinkOrHandle(String(String.UnicodeScalarView(scalars[a..<b])))
    }

    public func find(in text: String, excluding times: [TimeExpression] = []) -> [Quantity] {
        decisions(in: text, excluding: times).compactMap(\.verdict.quantity)
    }

    /// Each number of `text` that a rule decides, in text order, with the rule and its verdict: the
    /// rules of `NumberFinder.rules` tried in order at each number not read with one before it.
    func decisions(in text: String, excluding times: [TimeExpression] = []) -> [(index: Int, rule: NumberRule, verdict: NumberVerdict)] {
        let stemmer = Stemmer(algorithm: "english")
        let scalars = Array(text.unicodeScalars)
        let t = TimeToken.tokenize(scalars)
        var out: [(index: Int, rule: NumberRule, verdict: NumberVerdict)] = []
        var found: [Quantity] = []
        var i = 0
        while i < t.count {
            defer { i += 1 }
            guard let n = number(t, i) else { continue }
            let cursor = NumberCursor(
                cursor: TokenCursor(tokens: t, index: i), scalars: scalars, number: n, times: times, found: found, stemmer: stemmer)
            guard let decided = firstRule(cursor) else { continue }
            out.append((i, decided.rule, decided.verdict))
            if case .quantity(let q, let last) = decided.verdict {
                found.append(q)
                i = last
            }
        }
        return out
    }

    /// A range written as one token, two numbers joined by a hyphen, the lower first ("20-30"): its
    /// bounds. Nil for a score or a season ("3-2", "2014-15"), where the second is not the larger.
    static func joinedRange(_ w: String) -> (low: Double, high: Double)? {
        guard let (x, y) = hyphenPair(w), let a = Double(x.replacingOccurrences(of: ",", with: "")),
            let b = Double(y.replacingOccurrences(of: ",", with: "")), a < b
        else { return nil }
        return (a, b)
    }

    /// The two halves of a word that is two parts joined by one hyphen ("20-30", "111-19",
    /// "2008-09"); nil otherwise. Ranges, tallies and records all start from it.
    static func hyphenPair(_ w: String) -> (String, String)? {
        let parts = w.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// Whether the token at `k` joins the two numbers of a range: "and", "to", "or", or a dash that
    /// touches both ("82–97%"; a dash set off by spaces parts two clauses).
    func isRangeLink(_ tokens: [TimeToken], _ k: Int) -> Bool {
        guard k >= 1, k + 1 < tokens.count else { return false }
        if rangeLinks.contains(tokens[k].lower) { return true }
        return tokens[k].lower == "-" && tokens[k - 1].end == tokens[k].start && tokens[k].end == tokens[k + 1].start
    }

    /// Where a range starts whose upper bound is the number at `i`: "between 18 and 22", "from $1.6
    /// million to $10 million", "80 to 100", "2 or 3", "82–97" ("15 and 20" alone is two figures).
    func rangeStart(_ tokens: [TimeToken], _ i: Int) -> Int? {
        var c = i - 1
        if c >= 0, currencies[tokens[c].lower] != nil { c -= 1 }
        guard c >= 1, isRangeLink(tokens, c) else { return nil }
        var b = c - 1
        if b >= 1, scales[tokens[b].lower] != nil { b -= 1 }
        guard tokens[b].kind == .number || numberWords[tokens[b].lower] != nil, number(tokens, b) != nil else { return nil }
        if b >= 1, currencies[tokens[b - 1].lower] != nil { b -= 1 }
        if b >= 1, ["between", "from"].contains(tokens[b - 1].lower) { return b - 1 }
        return tokens[c].lower == "and" ? nil : b
    }

    /// Counts given as an order of size ("dozens", "hundreds", "thousands"), as the range each
    /// allows: `order` lines of `numberwords.txt`.
    let vagueCounts: [String: (low: Double, high: Double)]

    /// The number at `i`: digits ("120,000", "4.2"), a number word ("five", "twenty-two"), or an
    /// order of size before "of" ("dozens of", read as its least value; `vagueCountRule`).
    func number(_ tokens: [TimeToken], _ i: Int) -> (value: Double, next: Int)? {
        let w = tokens[i].lower
        if let size = vagueCounts[w] { return tokens.isWord(i + 1, "of") ? (size.low, i + 1) : nil }
        if tokens[i].kind == .number {
            guard !w.contains("/"), !w.contains(":"), !w.hasSuffix("s") else { return nil }
            let plain = w.replacingOccurrences(of: ",", with: "")
            if let d = Double(plain) { return (d, i + 1) }
            if let range = Self.joinedRange(w) { return (range.high, i + 1) }
            return w.contains("-") ? (Double(w.split(separator: "-")[0]) ?? 0, i + 1) : nil
        }
        guard let v = numberWords[w] else { return nil }
        if v >= 20, i + 2 < tokens.count, tokens[i + 1].lower == "-", let ones = numberWords[tokens[i + 2].lower], ones < 10 { return (v + ones, i + 3) }
        return (v, i + 1)
    }

    func tally(_ tokens: [TimeToken], _ i: Int, _ n: (value: Double, next: Int)) -> (value: String, last: Int)? {
        let w = tokens[i].lower
        if tokens[i].kind == .number, !w.contains(","), let (x, y) = Self.hyphenPair(w) {
            if let a = Int(x), let b = Int(y), a < 10_000, b < 10_000,
                i + 1 < tokens.count, tokens[i + 1].lower.hasPrefix("vot")
            {
                return ("\(a)-\(b)", i + 1)
            }
        }
        var k = n.next
        if k < tokens.count, tokens[k].lower == "-" { k += 1 }
        // "41 votes to 28"
        if k + 1 < tokens.count, tokens[k].lower.hasPrefix("vote"), tokens[k + 1].lower == "to" { k += 1 }
        guard k < tokens.count, tokens[k].lower == "to" else { return nil }
        k += 1
        if k < tokens.count, tokens[k].lower == "-" { k += 1 }
        guard k < tokens.count, tokens[k].kind == .number, let b = Int(tokens[k].lower) else { return nil }
        // A tally needs the word vote nearby: "a vote of 111 to 19", "a 111-to-19 vote".
        let window = tokens[max(0, i - 4)..<min(tokens.count, k + 3)]
        guard window.contains(where: { $0.lower.hasPrefix("vot") }) else { return nil }
        var last = k
        if k + 1 < tokens.count, tokens[k + 1].lower.hasPrefix("vot") { last = k + 1 }
        return ("\(Int(n.value))-\(b)", last)
    }

    /// "co-sponsored", "backed", "signed" before "by": the verb whose agents are counted ("co-sponsor").
    func participle(_ tokens: [TimeToken], _ k: Int) -> String? {
        guard k >= 0, tokens[k].kind == .word, tokens[k].lower.hasSuffix("ed"), tokens[k].lower.count > 4 else { return nil }
        var word = tokens[k].lower
        if k >= 2, tokens[k - 1].lower == "-", tokens[k - 2].kind == .word { word = tokens[k - 2].lower + "-" + word }
        return String(word.dropLast(2))
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
