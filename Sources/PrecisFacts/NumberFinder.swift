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
}

/// Finds quantities with what they count: "111 votes", "55 abstentions", "120,000 prisoners", "some 50
/// co-sponsors", "co-sponsored by 62 members" (counted as co-sponsors), vote tallies ("111 to 19",
/// "a 111-to-19 vote"), money ("$4.2 million") and percentages. Years, dates, times and ages are not
/// quantities.
public struct NumberFinder: Sendable {
    let numberWords: [String: Double]
    /// Words that multiply the number before them ("million", "bn"), and the short forms that do so
    /// only glued to an amount of money ("$3m", "£40k"; "3m" alone may be metres): `numberwords.txt`.
    let scales: [String: Double], moneyScales: [String: Double]
    let qualifiers: [[String]] = [["more", "than"], ["less", "than"], ["fewer", "than"], ["at", "least"], ["at", "most"],
                                  ["up", "to"], ["nearly"], ["almost"], ["about"], ["around"], ["roughly"], ["some"],
                                  ["approximately"], ["over"], ["under"], ["just", "over"], ["just", "under"]]
    /// Words between a number and the noun it counts that are not the noun ("48 more countries", "two
    /// senior officials"), nouns a number after them names rather than counts ("flight 116"), and
    /// words never counted ("116 as it landed"): `numberwords.txt`.
    let skip: Set<String>, labels: Set<String>, uncounted: Set<String>
    let currencies: [String: String] = ["$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"]

    public init() {
        var w: [String: Double] = [:]
        // "a", "an", "one" and "single" are too often not counts ("one of the", "a man", "a single job").
        for (k, v) in TimeWords.english.numbers { if let d = Double(v), !["a", "an", "one", "single"].contains(k) { w[k] = d } }
        numberWords = w
        var lists: [String: Set<String>] = [:]
        for (kind, word) in resourceEntries(PackageResources.numberwords_txt) { lists[kind, default: []].insert(word) }
        skip = lists["filler"] ?? []
        labels = lists["label"] ?? []
        uncounted = lists["nocount"] ?? []
        func powers(_ kind: String) -> [String: Double] {
            var table: [String: Double] = [:]
            for entry in lists[kind] ?? [] {
                let parts = entry.split(separator: " ")
                if parts.count == 2, let exponent = Double(parts[1]) { table[String(parts[0])] = pow(10, exponent) }
            }
            return table
        }
        scales = powers("scale")
        moneyScales = powers("moneyscale")
    }

    /// Whether the run of non-space characters around `offset` is a link, an address or a handle.
    func inLink(_ s: [Unicode.Scalar], _ offset: Int) -> Bool {
        var a = offset, b = offset
        while a > 0 && !CharClass.isSpace(s[a - 1]) { a -= 1 }
        while b < s.count && !CharClass.isSpace(s[b]) { b += 1 }
        return isLinkOrHandle(String(String.UnicodeScalarView(s[a..<b])))
    }

    public func find(in text: String, excluding times: [TimeExpression] = []) -> [Quantity] {
        let stemmer = Stemmer(algorithm: "english")
        func stemKey(_ word: String) -> String {
            let letters = word.filter { $0.isLetter }
            return stemmer?.stem(letters) ?? letters
        }
        let scalars = Array(text.unicodeScalars)
        let t = TimeToken.tokenize(scalars)
        var out: [Quantity] = []
        var i = 0
        func at(_ k: Int) -> TimeToken? { k >= 0 && k < t.count ? t[k] : nil }
        func inTime(_ k: Int) -> Bool { times.contains { $0.start <= t[k].start && t[k].end <= $0.end } }
        while i < t.count {
            defer { i += 1 }
            guard let n = number(t, i), !inTime(i) else { continue }
            var first = i, last = n.next - 1
            var value = n.value
            // A year, an ordinal or an age is not a quantity.
            if t[i].kind == .number, t[i].lower.count == 4, !t[i].lower.contains(","), (1800...2100).contains(Int(value)) { continue }
            if let after = at(n.next), ["st", "nd", "rd", "th"].contains(after.lower) { continue }
            if at(n.next)?.lower == "-", let u = at(n.next + 1), TimeWords.english.units[u.lower] != nil { continue }
            // A number glued to letters is part of a code, a handle or a link ("@lennon4life1968",
            // "twitter.com/8aanQvxDK6"), unless a short unit follows it ("20km", "5kg").
            if let before = at(i - 1), before.kind == .word, before.end == t[i].start { continue }
            if let after = at(n.next), after.kind == .word, after.start == t[n.next - 1].end, after.lower.count > 3 { continue }
            // Nor is any number in a link or handle ("https://t.co/2bx54VKpQh").
            if inLink(scalars, t[i].start) { continue }
            // A number after a noun it names is a label: "flight 116", "Route 66", "No. 1".
            if let before = at(at(i - 1)?.lower == "." ? i - 2 : i - 1), before.kind == .word, labels.contains(before.lower) { continue }
            // Tallies: "111-19", "111 to 19", "111-to-19".
            if let tally = tally(t, i, n) {
                let counts = "votes"
                out.append(Quantity(value: tally.value, qualifier: nil, counts: counts, key: "vote", text: span(scalars, t[i].start, t[tally.last].end),
                                    start: t[i].start, end: t[tally.last].end))
                i = tally.last
                continue
            }
            // Qualifier before the number.
            var qualifier: String? = nil
            for q in qualifiers where q.count <= i {
                let words = (0..<q.count).map { t[i - q.count + $0].lower }
                if words == q { qualifier = q.joined(separator: " "); first = i - q.count; break }
            }
            var currency: String? = nil
            if let c = at(i - 1), let name = currencies[c.lower] { currency = name; if qualifier == nil { first = i - 1 } }
            var k = n.next
            if let s = at(k), let scale = scales[s.lower] ?? (currency != nil && s.start == t[k - 1].end ? moneyScales[s.lower] : nil) {
                value *= scale; last = k; k += 1
            }
            // "a couple of thousand retweets": the scale multiplies.
            else if p(at(k), "of"), let s = at(k + 1), let scale = scales[s.lower] { value *= scale; last = k + 1; k += 2 }
            var counts: String? = currency
            var key: String? = currency
            if let p = at(k), p.lower == "%" || p.lower == "percent" {
                counts = "percent"; key = "percent"; last = k; k += 1
            } else if p(at(k), "per"), p(at(k + 1), "cent") {
                counts = "percent"; key = "percent"; last = k + 1; k += 2
            }
            if counts == nil || currency != nil {
                // The noun counted: the next word that is not a filler.
                // An acronym before a word is a modifier: "Two top UN officials", "three U.N. envoys".
                func isAcronym(_ j: Int) -> Bool {
                    guard let w = at(j), w.kind == .word, at(j + 1)?.kind == .word else { return false }
                    let text = span(scalars, w.start, w.end)
                    return text.count <= 5 && !text.contains { $0.isLowercase }
                }
                // At most three fillers from `start` on.
                func fillers(from start: Int) -> Int {
                    var j = start
                    while let w = at(j), w.kind == .word, skip.contains(w.lower) || isAcronym(j), j - start < 4 { j += 1 }
                    return j
                }
                var j = fillers(from: k)
                // "10 of the council's 15 members": the noun is the one the possessive's own number counts.
                if let w = at(j), w.lower.hasSuffix("'s") || w.lower.hasSuffix("\u{2019}s"), at(j + 1)?.kind == .number {
                    j = fillers(from: j + 2)
                }
                // "two port officials": more than one of something is plural, so a singular word before a
                // plural one is a modifier of it.
                let head = j
                while value > 1, let w = at(j), w.kind == .word, !w.lower.hasSuffix("s"), let next = at(j + 1), next.kind == .word,
                      !next.capitalized, next.lower.count > 3, next.lower.hasSuffix("s"), !next.lower.hasSuffix("ss"), j - head < 3 { j += 1 }
                if let w = at(j), w.kind == .word, !uncounted.contains(w.lower) {
                    var word = w.lower
                    var end = j
                    // "co-sponsors": a hyphenated compound is one noun.
                    if p(at(j + 1), "-"), let w2 = at(j + 2), w2.kind == .word { word += "-" + w2.lower; end = j + 2 }
                    counts = word
                    key = stemKey(word)
                    last = end
                }
            }
            // "co-sponsored by 48 countries": what is counted is the co-sponsors.
            if let by = at(first - 1), by.lower == "by", let verb = participle(t, first - 2) {
                counts = verb + "s"
                key = stemKey(verb)
            }
            guard let counts, let key else { continue }
            out.append(Quantity(value: Self.format(value), qualifier: qualifier, counts: counts, key: key,
                                text: span(scalars, t[first].start, t[last].end), start: t[first].start, end: t[last].end))
            i = last
        }
        return out
    }

    func p(_ token: TimeToken?, _ s: String) -> Bool { token?.lower == s }

    func span(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[a..<b])) }

    /// The number at `i`: digits ("120,000", "4.2") or a number word ("five", "twenty-two").
    func number(_ t: [TimeToken], _ i: Int) -> (value: Double, next: Int)? {
        let w = t[i].lower
        if t[i].kind == .number {
            guard !w.contains("/"), !w.contains(":"), !w.hasSuffix("s") else { return nil }
            let plain = w.replacingOccurrences(of: ",", with: "")
            if let d = Double(plain) { return (d, i + 1) }
            return w.contains("-") ? (Double(w.split(separator: "-")[0]) ?? 0, i + 1) : nil
        }
        guard let v = numberWords[w] else { return nil }
        if v >= 20, i + 2 < t.count, t[i + 1].lower == "-", let ones = numberWords[t[i + 2].lower], ones < 10 { return (v + ones, i + 3) }
        return (v, i + 1)
    }

    func tally(_ t: [TimeToken], _ i: Int, _ n: (value: Double, next: Int)) -> (value: String, last: Int)? {
        let w = t[i].lower
        if t[i].kind == .number, w.contains("-"), !w.contains(","), w.split(separator: "-").count == 2 {
            let parts = w.split(separator: "-")
            if let a = Int(parts[0]), let b = Int(parts[1]), a < 10_000, b < 10_000,
               i + 1 < t.count, t[i + 1].lower.hasPrefix("vot") { return ("\(a)-\(b)", i + 1) }
        }
        var k = n.next
        if k < t.count, t[k].lower == "-" { k += 1 }
        // "41 votes to 28"
        if k + 1 < t.count, t[k].lower.hasPrefix("vote"), t[k + 1].lower == "to" { k += 1 }
        guard k < t.count, t[k].lower == "to" else { return nil }
        k += 1
        if k < t.count, t[k].lower == "-" { k += 1 }
        guard k < t.count, t[k].kind == .number, let b = Int(t[k].lower) else { return nil }
        // A tally needs the word vote nearby: "a vote of 111 to 19", "a 111-to-19 vote".
        let window = t[max(0, i - 4)..<min(t.count, k + 3)]
        guard window.contains(where: { $0.lower.hasPrefix("vot") }) else { return nil }
        var last = k
        if k + 1 < t.count, t[k + 1].lower.hasPrefix("vot") { last = k + 1 }
        return ("\(Int(n.value))-\(b)", last)
    }

    /// "co-sponsored", "backed", "signed" before "by": the verb whose agents are counted ("co-sponsor").
    func participle(_ t: [TimeToken], _ k: Int) -> String? {
        guard k >= 0, t[k].kind == .word, t[k].lower.hasSuffix("ed"), t[k].lower.count > 4 else { return nil }
        var word = t[k].lower
        if k >= 2, t[k - 1].lower == "-", t[k - 2].kind == .word { word = t[k - 2].lower + "-" + word }
        return String(word.dropLast(2))
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}

/// The same quantity given different values by different sources.
public struct Disagreement: Sendable, Equatable {
    public struct Value: Sendable, Equatable {
        public var value: String
        public var qualifier: String?
        public var text: String
        public var document: Int
        public var start: Int
        public var end: Int
        /// The source's publication date, when known: whether the figure changed over time or the
        /// sources conflict.
        public var date: String?
    }
    /// What the quantity counts ("co-sponsors").
    public var about: String
    public var values: [Value]
}

extension NumberFinder {
    /// What money, percentages and units of measure count ("dollars", "percent", "feet"):
    /// `numberwords.txt`.
    static let measures: Set<String> = Set(resourceEntries(PackageResources.numberwords_txt).filter { $0.kind == "measure" }.map(\.value))

    /// Quantities that at least two sources give for the same thing, where the values differ: one
    /// value per source (its first mention), sources in date order when dated.
    public static func disagreements(_ quantities: [[Quantity]], dates: [String?]) -> [Disagreement] {
        var byKey: [String: [(Int, Quantity)]] = [:]
        var order: [String] = []
        for (d, qs) in quantities.enumerated() {
            var seen = Set<String>()
            for q in qs where seen.insert(q.key).inserted {
                if byKey[q.key] == nil { order.append(q.key) }
                byKey[q.key, default: []].append((d, q))
            }
        }
        var out: [Disagreement] = []
        for key in order {
            let list = byKey[key]!
            guard list.count >= 2, Set(list.map { $0.1.value + ($0.1.qualifier ?? "") }).count > 1 else { continue }
            // Sums of money, percentages and lengths in a story measure many things: two sources report
            // the same figure differently only when their values lie within a factor of two ("94
            // percent" and "97%"); "$50,000" and "$3.5 million" are two figures. Counts (co-sponsors,
            // victims) may grow further as a story goes on.
            if list.contains(where: { measures.contains($0.1.counts) }) {
                let values = list.compactMap { Double($0.1.value) }
                guard let low = values.min(), let high = values.max(), low > 0, high <= 2 * low else { continue }
            }
            let values = list.map { d, q in
                Disagreement.Value(value: q.value, qualifier: q.qualifier, text: q.text, document: d, start: q.start, end: q.end, date: dates[d])
            }.sorted { ($0.date ?? "9999", $0.document) < ($1.date ?? "9999", $1.document) }
            let about = list.map(\.1.counts).min { ($0.count, $0) < ($1.count, $1) } ?? key
            out.append(Disagreement(about: about, values: values))
        }
        return out
    }
}
