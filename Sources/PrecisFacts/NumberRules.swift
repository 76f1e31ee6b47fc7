import PrecisText

/// Where a number rule looks: the number at the cursor's token, in a text's scalars, with the times
/// found in the text and the quantity read last in the same sentence.
struct NumberCursor {
    let cursor: TokenCursor
    let scalars: [Unicode.Scalar]
    /// The number's value and the index of the token after it.
    let number: (value: Double, next: Int)
    /// The text's time expressions: a number inside one is no quantity.
    let times: [TimeExpression]
    /// The quantities read before the number.
    let found: [Quantity]
    let stemmer: Stemmer?

    var tokens: [TimeToken] { cursor.tokens }
    var index: Int { cursor.index }

    /// The last quantity read, when no sentence ends between it and the number.
    var previous: Quantity? {
        guard let previous = found.last else { return nil }
        return tokens[..<index].reversed().prefix { $0.end >= previous.end }.contains(where: \.endsSentence) ? nil : previous
    }

    /// The text between the start of token `a` and the end of token `b`.
    func text(from a: Int, to b: Int) -> String {
        String(String.UnicodeScalarView(scalars[tokens[a].start..<tokens[b].end]))
    }

    /// A word's key: the stem of its letters ("co-sponsors" -> "cosponsor").
    func stemKey(_ word: String) -> String {
        let letters = word.filter { $0.isLetter }
        return stemmer?.stem(letters) ?? letters
    }
}

/// What a number rule decides for a number: the quantity it reads (through token `last`), or that
/// the number is no quantity of its own (no later rule is tried).
enum NumberVerdict {
    case quantity(Quantity, last: Int)
    case none

    var quantity: Quantity? {
        if case .quantity(let q, _) = self { return q }
        return nil
    }
}

/// One way the finder reads a number: a name, a match at the number, and the examples it must read
/// and must not. In a `reads` example, `[...]` marks the quantity's words; in a `stops` example it
/// marks the number the rule is the first to decide and reads no quantity at; in a `skips` example,
/// the number where the rule must not decide. The rules are tried in the order of
/// `NumberFinder.rules` at each number, and the first that decides wins, so each rule's examples are
/// also a test that no earlier rule hides it.
typealias NumberRule = Rule<NumberFinder, NumberCursor, NumberVerdict>

extension NumberFinder {
    /// Every rule, in the order they are tried at each number.
    static let rules: [NumberRule] = [
        NumberRule(
            name: "a number of a time expression", match: { $0.timeRule($1) },
            stops: ["The ferry sailed on [4] May 2014 with 30 passengers."]),
        NumberRule(
            name: "a time of day", match: { $0.clockRule($1) },
            stops: ["The bulletin went out at [6] IST.", "Updated at 12 : [42] GMT on Monday.", "Posted [11] : 41am by the harbour office."],
            skips: ["The ferry carried [9] passengers at 9 pm."]),
        NumberRule(
            name: "a year", match: { $0.yearRule($1) },
            stops: ["The [1887] charter of the quay was lost."], skips: ["The quay cost [1,887] pounds."]),
        NumberRule(
            name: "an ordinal", match: { $0.ordinalRule($1) },
            stops: ["It was the [3]rd closure of the quay."]),
        NumberRule(
            name: "a number that makes a unit a modifier", match: { $0.modifierRule($1) },
            stops: ["A [10]-year-old boy swam to the quay."]),
        NumberRule(
            name: "a number glued to letters", match: { $0.gluedRule($1) },
            stops: ["Write to harbour[42] for tickets.", "Send [4]ward all the crates.", "The Calder [76]ers lost at the quay."],
            skips: [
                "The ferry covered [20]km in an hour.", "The ferry carried [50]kg of mail.", "The quay is [9]ft deep at low tide.",
                "The sea was [58]F at noon.", "The sea warmed by [1.5]\u{BA}C."
            ]),
        NumberRule(
            name: "a number that ends a name or a code", match: { $0.codeRule($1) },
            stops: ["Police seized an AR-[15] at the quay.", "Leaders met at the G-[20] summit in Calder.", "KCAL-[9] news broke the story."],
            skips: ["A magnitude-[6.2] quake shook Calder.", "The 6-foot-[9] centre scored.", "The bill passed 217-to-[197] on Monday."]),
        NumberRule(
            name: "a number in a link or a handle, or right before one", match: { $0.linkRule($1) },
            stops: ["See calder.example/news/[2231] for more.", "The ferry is back on patrol at [11] pic.example.com/8aanQ"],
            skips: ["The ferry carried [11] passengers, the board said on example.org."]),
        NumberRule(
            name: "a number in a caption", match: { $0.captionRule($1) },
            stops: [
                "The mayor waves on the quay. Ana Pell/The Calder Herald Buy Photo Wait [1] second to continue.",
                "A handout photo shows [40] divers at the north quay on Monday."
            ],
            skips: ["The ferry carried [40] passengers on Monday, Ana Pell of the harbour board said."]),
        NumberRule(
            name: "a number after the noun it names", match: { $0.labelRule($1) },
            stops: ["Flight [116] left the quay late.", "Berth No. [4] was flooded."]),
        NumberRule(
            name: "a street's block or the age one turns", match: { $0.addressOrBirthdayRule($1) },
            stops: [
                "Officers were called to the [5500] block of Quay Road.", "The harbour master turns [61] today.",
                "The ferry turned [50] on Monday."
            ],
            skips: ["The board bought [12] blocks of flats.", "Fares turned [20] percent higher."]),
        NumberRule(
            name: "an order of size", match: { $0.vagueCountRule($1) },
            reads: [
                "The storm left [dozens of boats] adrift.", "The ferry strike stranded [tens of thousands of travellers] at Easter.",
                "[Hundreds of people] were evacuated."
            ],
            stops: ["[Dozens] of the 40 boats sank."]),
        NumberRule(
            name: "a vote tally", match: { $0.tallyRule($1) },
            reads: [
                "The plan won a vote of [41 to 28].", "The plan passed by a [41-to-28 vote].",
                "The plan passed [41-28 votes] in the end.", "The council voted [41 votes to 28] for the plan."
            ],
            skips: ["The ferry carries [41] to 58 passengers."]),
        NumberRule(
            name: "the lower bound of a range", match: { $0.rangeLowerBoundRule($1) },
            stops: ["The ferry carries between [18] and 22 cars.", "The quay cost from $[1.6] million to $2 million."],
            skips: ["The ferry carries [18] cars and 22 vans."]),
        NumberRule(
            name: "an age after a name", match: { $0.ageRule($1) },
            reads: ["The pilot, Ana [Vell, 34], steered the ferry.", "The crew thanked Captain [Okafor, 61].", "Tom [Vell III, 38], sailed."],
            skips: ["In Calder, [34] ferries sailed.", "Ferries [3], 4 and 5 sailed."]),
        NumberRule(
            name: "a figure and what it counts", match: { $0.figureRule($1) },
            reads: [
                "Pirates fired on [five Indian merchant vessels] near the strait.",
                "The crew carried [7.62mm] rifles.",
                "The ferry carried [some 50 passengers] on Monday.",
                "The ferry carried [just over 50 passengers] on Monday.",
                "The quay cost [more than $80,000] to mend.",
                "The plan was co-sponsored by [48 councils] in all.",
                "The ferry carries [between 18 and 22 cars], officials said.",
                "The storm left [21 killed] in the town.",
                "Harbour fees rose by [12 percent] this year.",
                "The port hired [two senior pilots] last week.",
                "The council's [10 of the board's 15 members] voted.",
                "The port raised [$3.5m].",
                "The death toll stood at [120] on Friday.",
                "The port opened [half a dozen berths] this year."
            ],
            stops: ["She read “[100] Deadly Knots: A Guide” to the crew.", "The ferry left at [5] as planned."])
    ]

    /// The first rule that decides the number at `c`, and what it decides.
    func firstRule(_ c: NumberCursor) -> (rule: NumberRule, verdict: NumberVerdict)? {
        NumberRule.first(of: Self.rules, self, at: c)
    }

    func timeRule(_ c: NumberCursor) -> NumberVerdict? {
        let token = c.tokens[c.index]
        return c.times.contains { $0.start <= token.start && token.end <= $0.end } ? NumberVerdict.none : nil
    }

    /// "at 9 pm", "12 : 42 GMT", "11 : 41am": an hour or a minute before a time zone or am/pm
    /// (`clock` lines of `numberwords.txt`), or either side of a colon between two numbers (a clock's
    /// time written with spaces, as some feeds and corpora do).
    func clockRule(_ c: NumberCursor) -> NumberVerdict? {
        let t = c.tokens, i = c.index, next = c.number.next
        if let after = t.at(next), after.kind == .word, clockWords.contains(after.lower) { return NumberVerdict.none }
        if t.isWord(next, ":"), t.at(next + 1)?.kind == .number { return NumberVerdict.none }
        if t.isWord(i - 1, ":"), t.at(i - 2)?.kind == .number { return NumberVerdict.none }
        return nil
    }

    /// "in 1887": four digits without a comma between 1800 and 2100.
    func yearRule(_ c: NumberCursor) -> NumberVerdict? {
        let token = c.tokens[c.index]
        guard token.kind == .number, token.lower.count == 4, !token.lower.contains(","), (1800...2100).contains(Int(c.number.value)) else { return nil }
        return NumberVerdict.none
    }

    /// "3rd", "21st".
    func ordinalRule(_ c: NumberCursor) -> NumberVerdict? {
        guard let after = c.tokens.at(c.number.next), ordinalSuffixes.contains(after.lower) else { return nil }
        return NumberVerdict.none
    }

    /// "a 10-year lease", "a five-day visit": the number and its unit describe the noun after them.
    func modifierRule(_ c: NumberCursor) -> NumberVerdict? {
        guard c.tokens.isWord(c.number.next, "-"), let unit = c.tokens.at(c.number.next + 1), TimeWords.english.units[unit.lower] != nil else { return nil }
        return NumberVerdict.none
    }

    /// A number glued to letters is part of a name, a code, a handle or a link ("the 76ers",
    /// "@lennon4life1968", "twitter.com/8aanQvxDK6"), unless a unit follows it ("20km", "5kg").
    func gluedRule(_ c: NumberCursor) -> NumberVerdict? {
        let t = c.tokens, i = c.index, next = c.number.next
        if let before = t.at(i - 1), before.kind == .word, before.end == t[i].start { return NumberVerdict.none }
        if let after = t.at(next), after.kind == .word, after.start == t[next - 1].end,
            !gluedUnits.contains(String(after.lower.drop { $0 == "\u{BA}" || $0 == "\u{B0}" }))
        {
            return NumberVerdict.none
        }
        return nil
    }

    /// A number joined by a hyphen to a capitalised word is part of a name or a code ("AR-15",
    /// "G-20", "KCAL-9 news"), not a count; after a lower-case word it may be one ("magnitude-6.2",
    /// "6-foot-9").
    func codeRule(_ c: NumberCursor) -> NumberVerdict? {
        let t = c.tokens, i = c.index
        guard let hyphen = t.at(i - 1), hyphen.lower == "-", hyphen.end == t[i].start,
            let word = t.at(i - 2), word.kind == .word, word.end == hyphen.start, word.capitalized
        else { return nil }
        return NumberVerdict.none
    }

    /// Any number in a link or a handle ("https://t.co/2bx54VKpQh"), or right before one, whose first
    /// word it would count ("on patrol at 11 pic.example.com/8aanQ").
    func linkRule(_ c: NumberCursor) -> NumberVerdict? {
        if inLink(c.scalars, c.tokens[c.index].start) { return NumberVerdict.none }
        if let next = c.tokens.at(c.number.next), next.kind == .word, inLink(c.scalars, next.start) { return NumberVerdict.none }
        return nil
    }

    /// A number in a caption (`Captions.describesPicture`: what a picture shows, its credit, a photo
    /// shop's button) is no figure of the story: "Wait 1 second to continue", "Image 1 of 25".
    func captionRule(_ c: NumberCursor) -> NumberVerdict? {
        let w = window(c.tokens, c.scalars, first: c.index, last: c.index, words: 40)
        let text = String(String.UnicodeScalarView(c.scalars[c.tokens[w.lowerBound].start..<c.tokens[w.upperBound].end]))
        return Captions.describesPicture(text) ? NumberVerdict.none : nil
    }

    /// A number after a noun it names is a label: "flight 116", "Route 66", "No. 1".
    func labelRule(_ c: NumberCursor) -> NumberVerdict? {
        let t = c.tokens, i = c.index
        guard let before = t.at(t.isWord(i - 1, ".") ? i - 2 : i - 1), before.kind == .word, labels.contains(before.lower) else { return nil }
        return NumberVerdict.none
    }

    /// "the 5500 block of Quay Road": where, not how many; "turns 61 today": a birthday, not a count.
    func addressOrBirthdayRule(_ c: NumberCursor) -> NumberVerdict? {
        let t = c.tokens, i = c.index, next = c.number.next
        if t.isWord(next, "block"), t.isWord(next + 1, "of") { return NumberVerdict.none }
        guard let before = t.at(i - 1), birthdayVerbs.contains(before.lower) else { return nil }
        // What follows says when, or nothing: not a unit or a noun ("turned 20 percent higher").
        guard let after = t.at(next) else { return NumberVerdict.none }
        return after.kind != .word || birthdayWhen.contains(after.lower) ? NumberVerdict.none : nil
    }

    /// "111-19", "111 to 19", "a 111-to-19 vote", "41 votes to 28": counted as votes.
    func tallyRule(_ c: NumberCursor) -> NumberVerdict? {
        let t = c.tokens, i = c.index
        guard let tally = tally(t, i, c.number) else { return nil }
        let w = window(t, c.scalars, first: i, last: tally.last)
        let quantity = Quantity(
            value: tally.value, qualifier: nil, counts: "votes", key: "vote", text: c.text(from: i, to: tally.last),
            start: t[i].start, end: t[tally.last].end,
            context: context(t, window: w, first: i, last: tally.last, key: "vote", stem: c.stemKey),
            near: near(t, c.scalars, first: i, last: tally.last, key: "vote", stem: c.stemKey),
            years: years(t, window: w, times: c.times))
        return .quantity(quantity, last: tally.last)
    }

    /// "Ana Vell, 34, of Calder": a whole number under 120 set off by commas after a capitalised
    /// name is that person's age, counted as such ("age of Vell") and keyed by the name's last word, so two
    /// sources that give one person two ages meet; `who` keeps the name as written.
    func ageRule(_ c: NumberCursor) -> NumberVerdict? {
        let t = c.tokens, i = c.index
        guard t[i].kind == .number, c.number.next == i + 1, c.number.value >= 1, c.number.value < 120, c.number.value == c.number.value.rounded(),
            t.isWord(i - 1, ","), let after = t.at(i + 1), [",", ".", ";", ")"].contains(after.lower)
        else { return nil }
        var a = i - 1
        while a - 1 >= 0, t[a - 1].kind == .word, t[a - 1].capitalized, i - 1 - (a - 1) <= 3 { a -= 1 }
        // A name: two capitalised words, or one not opening its sentence ("Later, 34.").
        guard a < i - 1, (a > 0 && !t[a - 1].endsSentence) || i - 1 - a >= 2 else { return nil }
        let name = (a..<(i - 1)).map { c.text(from: $0, to: $0) }
        // The surname, not a generational suffix ("Ana Vell Jr.", "Tom Vell III").
        var last = i - 2
        while last > a, ["jr", "sr", "ii", "iii", "iv"].contains(t[last].lower) { last -= 1 }
        var quantity = read(
            c, value: Self.format(c.number.value), qualifier: nil, low: nil, counts: "age of " + c.text(from: last, to: last),
            key: "age of " + t[last].lower, first: last, last: i)
        quantity.who = name.joined(separator: " ")
        return .quantity(quantity, last: i)
    }

    /// The quantity of tokens `first...last` with what the words around it say of it: its context,
    /// the period of a rate, the years named, a part or a capacity, and what happened to what it counts.
    func read(
        _ c: NumberCursor, value: String, qualifier: String?, low: String?, counts: String, key: String, first: Int, last: Int
    ) -> Quantity {
        let t = c.tokens
        let w = window(t, c.scalars, first: first, last: last)
        var quantity = Quantity(
            value: value, qualifier: qualifier, counts: counts, key: key,
            text: c.text(from: first, to: last), start: t[first].start, end: t[last].end,
            context: context(t, window: w, first: first, last: last, key: key, stem: c.stemKey),
            near: near(t, c.scalars, first: first, last: last, key: key, stem: c.stemKey),
            low: low,
            per: period(t, window: w, last: last, times: c.times), years: years(t, window: w, times: c.times))
        quantity.months = months(t, window: w, times: c.times)
        describe(&quantity, t, window: w, first: first, last: last, previousKey: c.previous?.key)
        quantity.outcome = outcome(t, window: w, first: first, last: last, stem: { c.stemmer?.stem($0) ?? $0 })
        return quantity
    }

    /// "dozens of people", "hundreds of flights", "tens of thousands of fans": a count given as an
    /// order of size, read as the range it allows (`vagueCounts`: dozens 24 to 99, hundreds 200 to
    /// 999, tens of thousands 20 000 to 99 999), with the noun after "of".
    func vagueCountRule(_ c: NumberCursor) -> NumberVerdict? {
        let t = c.tokens, i = c.index
        guard let size = vagueCounts[t[i].lower], t.isWord(i + 1, "of") else { return nil }
        var low = size.low, high = size.high, ofIndex = i + 1
        // "tens of thousands of", "hundreds of millions of": the first word counts the second.
        if let scale = t.at(i + 2).flatMap({ vagueCounts[$0.lower] }), scale.low >= 1_000, t.isWord(i + 3, "of"), ["tens", "hundreds"].contains(t[i].lower) {
            // The unit of the second word: a thousand for "thousands" (2 000 to 9 999).
            let unit = scale.low / 2
            low = size.low * unit
            high = (size.high + 1) * unit - 1
            ofIndex = i + 3
        }
        guard case .noun(let word, let end) = countedNoun(c, from: ofIndex + 1, first: i, value: high, money: false) else { return NumberVerdict.none }
        let head = alike[c.stemmer?.stem(word) ?? word]
        var quantity = read(
            c, value: Self.format(high), qualifier: c.text(from: i, to: ofIndex), low: Self.format(low), counts: word,
            key: head != nil ? c.stemKey("people") : c.stemKey(word), first: i, last: end)
        if let head { quantity.outcome = [head] }
        quantity.orderOfSize = true
        return .quantity(quantity, last: end)
    }

    /// The lower bound of a range is read with its upper one ("between 18 and 22 students").
    func rangeLowerBoundRule(_ c: NumberCursor) -> NumberVerdict? {
        let t = c.tokens
        var upper = c.number.next
        if let s = t.at(upper), scales[s.lower] != nil { upper += 1 }
        guard t.at(upper) != nil, isRangeLink(t, upper) else { return nil }
        upper += 1
        if let sign = t.at(upper), currencies[sign.lower] != nil { upper += 1 }
        if upper < t.count, number(t, upper) != nil, let a = rangeStart(t, upper), a <= c.index { return NumberVerdict.none }
        return nil
    }

    /// A figure with its qualifier or range, its currency and scale, and what it counts: the noun
    /// after it ("some 50 co-sponsors"), the agents of a participle before it ("co-sponsored by 48
    /// countries"), or a percentage. No quantity when nothing counted follows, or when the figure
    /// opens a title.
    func figureRule(_ c: NumberCursor) -> NumberVerdict? {
        let t = c.tokens, i = c.index
        var (first, qualifier, low) = bounds(c)
        var last = c.number.next - 1
        var value = halfOf(t, i) ? c.number.value / 2 : c.number.value
        var currency: String? = nil
        if let sign = t.at(i - 1), let name = currencies[sign.lower] {
            currency = name
            if qualifier == nil { first = i - 1 }
        }
        var k = c.number.next
        if let s = t.at(k), let scale = scales[s.lower] ?? (currency != nil && s.start == t[k - 1].end ? moneyScales[s.lower] : nil) {
            value *= scale
            last = k
            k += 1
        }
        // "a couple of thousand retweets": the scale multiplies.
        else if t.isWord(k, "of"), let s = t.at(k + 1), let scale = scales[s.lower] {
            value *= scale
            last = k + 1
            k += 2
        }
        var counts: String? = currency
        var key: String? = currency
        if let sign = t.at(k), sign.lower == "%" || sign.lower == "percent" {
            counts = "percent"
            key = "percent"
            last = k
            k += 1
        } else if t.isWord(k, "per"), t.isWord(k + 1, "cent") {
            counts = "percent"
            key = "percent"
            last = k + 1
            k += 2
        }
        if counts == nil || currency != nil {
            switch countedNoun(c, from: k, first: first, value: value, money: currency != nil) {
            case .title: return NumberVerdict.none
            case .noun(let word, let end):
                counts = word
                key = c.stemKey(word)
                last = end
            case .nothing:
                // "The death toll stood at 120", "the toll rose to 40": a toll counts the dead.
                if currency == nil, counts == nil, tollBefore(t, first) {
                    counts = "deaths"
                    key = "deaths"
                }
            }
        }
        // "co-sponsored by 48 countries": what is counted is the co-sponsors.
        if t.isWord(first - 1, "by"), let verb = participle(t, first - 2) {
            counts = verb + "s"
            key = c.stemKey(verb)
        }
        guard let counts, var key else { return NumberVerdict.none }
        // Two numbers joined by a hyphen before one thing ("a 5-19 start", "a 3-2 win", "the 2008-09
        // season") are a score, a record or a span of years, not a count; two years joined ("the
        // 2010-2015 figures") are a span of years whatever follows.
        if t[i].kind == .number, let (x, y) = NumberFinder.hyphenPair(t[i].lower) {
            let years = [x, y].allSatisfy { $0.count == 4 && (1800...2100).contains(Int($0) ?? 0) }
            let one =
                !Self.measures.contains(counts) && !plurals.contains(counts.lowercased())
                && (!counts.hasSuffix("s") || singulars.contains(counts.lowercased()))
            if years || one { return NumberVerdict.none }
        }
        // "21 killed", "eight wounded", "73 deaths": people, of whom that is said; "10 others" counts
        // what the figure before it in its sentence counts ("20 people ... and 10 others").
        // "a dozen attempted murders": what did not happen befell no one.
        let attempted = last > first && t[last].lower == counts.lowercased() && undone.contains(t[last - 1].lower)
        let countedHead = attempted ? nil : alike[c.stemmer?.stem(counts) ?? counts]
        if countedHead != nil { key = c.stemKey("people") }
        if attempted { key = c.stemKey(t[last - 1].lower + " " + counts) }
        if counts == "others", let previous = c.previous { key = previous.key }
        var quantity = read(c, value: Self.format(value), qualifier: qualifier, low: low, counts: counts, key: key, first: first, last: last)
        if let countedHead {
            quantity.outcome = [countedHead]
            quantity.context.insert(countedHead)
        }
        return .quantity(quantity, last: last)
    }

    /// Whether a toll stands within four words before token `first`, with only words between ("the
    /// death toll stood at", "the toll has risen to", "a toll of"): the figure counts deaths.
    func tollBefore(_ t: [TimeToken], _ first: Int) -> Bool {
        var k = first - 1
        while k >= 0, first - k <= 4, t[k].kind == .word {
            if t[k].lower == "toll" { return true }
            k -= 1
        }
        return false
    }

    /// Whether "half a" stands before the number word at `i` ("half a dozen": six).
    func halfOf(_ t: [TimeToken], _ i: Int) -> Bool {
        t[i].kind == .word && t.isWord(i - 1, "a") && t.isWord(i - 2, "half")
    }

    /// Where the figure at the cursor starts, with the words that make it approximate or a bound:
    /// the rest of a range it ends ("between 18 and", with the range's lower value), else a qualifier
    /// before it, before its currency sign when there is one ("more than $80,000").
    func bounds(_ c: NumberCursor) -> (first: Int, qualifier: String?, low: String?) {
        let t = c.tokens, i = c.index
        var first = i
        var qualifier: String? = nil, low: String? = nil
        if let a = rangeStart(t, i) {
            let link = t.at(i - 1).map { currencies[$0.lower] != nil } == true ? i - 2 : i - 1
            qualifier = c.text(from: a, to: link)
            first = a
            var b = link - 1
            if scales[t[b].lower] != nil { b -= 1 }
            if var bound = number(t, b)?.value {
                if let s = scales[t[link - 1].lower] { bound *= s } else if let s = scales[t.at(i + 1)?.lower ?? ""] { bound *= s }
                low = Self.format(bound)
            }
        }
        if low == nil, t[i].kind == .number, let range = Self.joinedRange(t[i].lower) {
            // "20-30 million": the scale after the range is the lower bound's too.
            low = Self.format(range.low * (scales[t.at(i + 1)?.lower ?? ""] ?? 1))
        }
        let base = t.at(i - 1).map { currencies[$0.lower] != nil } == true ? i - 1 : halfOf(t, i) ? i - 2 : i
        if base == i - 2 { first = base }
        for q in qualifiers where qualifier == nil && q.count <= base {
            let words = (0..<q.count).map { t[base - q.count + $0].lower }
            if words == q {
                qualifier = q.joined(separator: " ")
                first = base - q.count
                break
            }
        }
        return (first, qualifier, low)
    }

    /// What the noun after a figure is: a word it counts (through token `end`), the first words of a
    /// title the figure opens, or nothing counted.
    enum CountedNoun {
        case noun(String, end: Int)
        case title
        case nothing
    }

    /// The noun a figure counts, from token `start` on: the next word that is not a filler, skipping
    /// acronyms and modifiers before a plural.
    func countedNoun(_ c: NumberCursor, from start: Int, first: Int, value: Double, money: Bool) -> CountedNoun {
        let t = c.tokens
        // An acronym before a word is a modifier: "Two top UN officials", "three U.N. envoys".
        func isAcronym(_ j: Int) -> Bool {
            guard let w = t.at(j), w.kind == .word, t.at(j + 1)?.kind == .word else { return false }
            let text = c.text(from: j, to: j)
            return text.count <= 5 && !text.contains { $0.isLowercase }
        }
        // At most three fillers from `start` on.
        func fillers(from start: Int) -> Int {
            var j = start
            while let w = t.at(j), w.kind == .word, skip.contains(w.lower) || isAcronym(j), j - start < 4 { j += 1 }
            return j
        }
        var j = fillers(from: start)
        // "10 of the council's 15 members": the noun is the one the possessive's own number counts.
        if let w = t.at(j), w.lower.hasSuffix("'s") || w.lower.hasSuffix("\u{2019}s"), t.at(j + 1)?.kind == .number {
            j = fillers(from: j + 2)
        }
        // "two port officials": more than one of something is plural, so a singular word before a
        // plural one is a modifier of it. "seven network news programs": a singular word may end in
        // s; "five network Sunday morning programs": a day or a part of it may stand between the
        // modifier and the noun.
        func plural(_ w: String) -> Bool { w.hasSuffix("s") && !w.hasSuffix("ss") && !singulars.contains(w) }
        func passed(_ w: String) -> Bool {
            singulars.contains(w) || TimeWords.english.weekdays[w] != nil || TimeWords.english.partsOfDay[w] != nil
        }
        // A lower-case plural of four letters or more at token `k`: the noun that words before it modify.
        func pluralNoun(_ k: Int) -> Bool {
            guard let w = t.at(k), w.kind == .word, !w.capitalized, w.lower.count > 3 else { return false }
            return plural(w.lower) && !passed(w.lower)
        }
        var m = j
        // A unit of measure is what the figure measures, not a modifier: "7.62mm rifles".
        while value > 1, m - j < 3, let w = t.at(m), w.kind == .word, !plural(w.lower), MeasureUnit.byWord[w.lower] == nil,
            let next = t.at(m + 1), next.kind == .word,
            !next.capitalized || passed(next.lower), next.lower.count > 3
        {
            if plural(next.lower) && !passed(next.lower) {
                j = m + 1
                break
            }
            // Two modifiers: "five Indian merchant vessels".
            if !money, !uncounted.contains(w.lower), !uncounted.contains(next.lower), !skip.contains(next.lower), !passed(next.lower),
                !next.capitalized, pluralNoun(m + 2)
            {
                j = m + 2
                break
            }
            guard passed(next.lower) else { break }
            m += 1
        }
        // A run of capitalised words: modifiers of the plural after it ("five New York hospitals"),
        // or, in quotation marks, before a colon or three words long, a title ("100 Deadly Skills:
        // The ...").
        var run = j
        while let w = t.at(run), w.kind == .word, w.capitalized, run - j < 4 { run += 1 }
        if !money, run - j >= 2 {
            if let w = t.at(run), w.kind == .word, !w.capitalized, plural(w.lower) {
                j = run
            } else if ["\"", "\u{201C}"].contains(t.at(first - 1)?.lower ?? "") || [":", "\"", "\u{201D}"].contains(t.at(run)?.lower ?? "") {
                return .title
            } else if run - j >= 3 {
                // A headline in title case ("Three Pirate Vessels In A Single Operation"): which of its
                // capitalised words is the noun and which a modifier cannot be read, and a headline
                // rounds what its article tells.
                return .title
            }
        }
        guard let w = t.at(j), w.kind == .word, !uncounted.contains(w.lower) else { return .nothing }
        // "co-sponsors": a hyphenated compound is one noun.
        if t.isWord(j + 1, "-"), let w2 = t.at(j + 2), w2.kind == .word {
            // ... unless a plural follows it, which it qualifies: "two post-debate polls".
            if pluralNoun(j + 3), let w3 = t.at(j + 3), !uncounted.contains(w3.lower) { return .noun(w3.lower, end: j + 3) }
            return .noun(w.lower + "-" + w2.lower, end: j + 2)
        }
        return .noun(w.lower, end: j)
    }
}
