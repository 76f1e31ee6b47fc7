import PrecisText
import Testing

@testable import PrecisFacts

/// The number finder's rules, each on its own examples (invented sentences): a rule reads the
/// quantity its example marks, and no earlier rule in the order decides that number first; a rule
/// that stops a number is the first to decide it and reads no quantity; a rule does not decide a
/// number it must pass over. Times are found as the facts reader finds them (`TimeTagger`), since
/// a number inside a time is no quantity.
@Suite struct NumberRuleTests {
    let finder = NumberFinder()

    /// An example without its brackets, and the scalar offsets the brackets enclose.
    static func parse(_ marked: String) -> (text: String, start: Int, end: Int) {
        var text = "", start = 0, end = 0
        for c in marked {
            if c == "[" {
                start = text.unicodeScalars.count
            } else if c == "]" {
                end = text.unicodeScalars.count
            } else {
                text.append(c)
            }
        }
        return (text, start, end)
    }

    /// What the rules decide at the last number inside the example's brackets, and by which rule.
    func decision(_ marked: String) throws -> (rule: NumberRule, verdict: NumberVerdict, text: String) {
        let (text, start, end) = Self.parse(marked)
        let tokens = TimeToken.tokenize(Array(text.unicodeScalars))
        let index = try #require(tokens.indices.last { tokens[$0].start >= start && tokens[$0].end <= end && finder.number(tokens, $0) != nil })
        let decisions = finder.decisions(in: text, excluding: TimeTagger().tag(text, anchor: nil))
        // A number read with one before it (the upper end of a range) is decided where its figure starts.
        let decided = try #require(decisions.last { $0.index <= index }, "no rule decides a number of \(marked)")
        return (decided.rule, decided.verdict, text)
    }

    static let reading = NumberFinder.rules.flatMap { rule in rule.reads.map { (rule.name, $0) } }
    static let stopping = NumberFinder.rules.flatMap { rule in rule.stops.map { (rule.name, $0) } }
    static let passing = NumberFinder.rules.flatMap { rule in rule.skips.map { (rule.name, $0) } }

    @Test(arguments: reading)
    func aRuleReadsItsExampleFirst(rule: String, example: String) throws {
        let (_, start, end) = Self.parse(example)
        let found = try decision(example)
        #expect(found.rule.name == rule, "\(example) is decided by “\(found.rule.name)” first")
        let quantity = try #require(found.verdict.quantity, "\(example): no quantity")
        #expect(quantity.start == start && quantity.end == end, "\(example): the quantity is “\(quantity.text)”")
    }

    @Test(arguments: stopping)
    func aRuleStopsItsExampleFirst(rule: String, example: String) throws {
        let found = try decision(example)
        #expect(found.rule.name == rule, "\(example) is decided by “\(found.rule.name)” first")
        #expect(found.verdict.quantity == nil, "\(example) is read as “\(found.verdict.quantity?.text ?? "")”")
    }

    @Test(arguments: passing)
    func aRuleDoesNotDecideWhatItMustPassOver(rule: String, example: String) throws {
        let r = try #require(NumberFinder.rules.first { $0.name == rule })
        let (text, start, end) = Self.parse(example)
        let scalars = Array(text.unicodeScalars)
        let tokens = TimeToken.tokenize(scalars)
        let index = try #require(tokens.indices.first { tokens[$0].start >= start && tokens[$0].end <= end })
        let number = try #require(finder.number(tokens, index))
        let cursor = NumberCursor(
            cursor: TokenCursor(tokens: tokens, index: index), scalars: scalars, number: number,
            times: TimeTagger().tag(text, anchor: nil), found: [], stemmer: Stemmer(algorithm: "english"))
        #expect(r.match(finder, cursor) == nil, "\(rule) decides \(example)")
    }

    @Test func everyRuleHasANameOfItsOwnAndExamples() {
        let names = NumberFinder.rules.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(NumberFinder.rules.allSatisfy { !$0.reads.isEmpty || !$0.stops.isEmpty })
    }

    /// A qualifier line is tried in order, so one that ends another it stands before hides it.
    @Test func noQualifierIsHiddenByAnEarlierOne() {
        let lines = finder.qualifiers
        for (k, later) in lines.enumerated() {
            for earlier in lines[..<k] where earlier.count < later.count && Array(later.suffix(earlier.count)) == earlier {
                Issue.record("“\(earlier.joined(separator: " "))” hides “\(later.joined(separator: " "))”")
            }
        }
    }
}
