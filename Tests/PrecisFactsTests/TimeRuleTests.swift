import Testing

@testable import PrecisFacts

/// The time tagger's rules, each on its own examples (invented sentences): a rule reads what it
/// claims, starting where its bracket starts and ending where it ends, and no earlier rule in the
/// order takes those words first; a rule does not read what it must pass over.
@Suite struct TimeRuleTests {
    let tagger = TimeTagger()

    /// The example without its brackets, its tokens, and the token range the brackets mark.
    func parse(_ example: String) throws -> (tokens: [TimeToken], first: Int, end: Int) {
        let open = try #require(example.unicodeScalars.firstIndex(of: "["))
        let close = try #require(example.unicodeScalars.firstIndex(of: "]"))
        let scalars = Array(example.unicodeScalars)
        let start = example.unicodeScalars.distance(from: example.unicodeScalars.startIndex, to: open)
        let stop = example.unicodeScalars.distance(from: example.unicodeScalars.startIndex, to: close) - 1
        let plain = scalars.filter { $0 != "[" && $0 != "]" }
        let tokens = TimeToken.splittingClitics(TimeToken.tokenize(plain))
        let first = try #require(tokens.firstIndex { $0.start == start }, "no token starts at the bracket")
        return (tokens, first, stop)
    }

    static let reading = TimeTagger.rules.flatMap { rule in rule.reads.map { (rule.name, $0) } }
    static let passing = TimeTagger.rules.flatMap { rule in rule.skips.map { (rule.name, $0) } }

    @Test(arguments: reading)
    func aRuleReadsItsExampleFirst(rule: String, example: String) throws {
        let (tokens, first, end) = try parse(example)
        let firstMatch = tagger.firstRule(tokens, at: first)
        let found = try #require(firstMatch, "nothing reads \(example)")
        #expect(found.rule.name == rule, "\(example) is read by “\(found.rule.name)” first")
        let length = found.match.length
        #expect(tokens[first + length - 1].end == end, "\(example): the match ends elsewhere")
    }

    @Test(arguments: passing)
    func aRuleDoesNotReadWhatItMustPassOver(rule: String, example: String) throws {
        let (tokens, first, _) = try parse(example)
        let r = try #require(TimeTagger.rules.first { $0.name == rule })
        let match = r.match(tagger, TokenCursor(tokens: tokens, index: first))
        #expect(match == nil, "\(rule) reads \(example)")
    }

    @Test func everyRuleHasANameOfItsOwnAndExamples() {
        let names = TimeTagger.rules.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(TimeTagger.rules.allSatisfy { !$0.reads.isEmpty })
    }
}
