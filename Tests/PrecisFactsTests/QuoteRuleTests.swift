import PrecisText
import Testing

@testable import PrecisFacts

/// The quote finder's rules, each on its own examples (invented sentences): a rule reads the source,
/// cue and content its example marks, and no earlier rule in the order decides the sentence first; a
/// rule that stops a sentence is the first to decide it and reads no quote; a rule does not decide
/// a sentence it must pass over.
@Suite struct QuoteRuleTests {
    let finder = QuoteFinder(model: nil)

    /// An example without its marks, and the spans its marks give: `[source]`, `<cue>`, `{content}`.
    struct Example {
        var text = ""
        var spans: [Character: TextSpan] = [:]
    }

    static func parse(_ marked: String) -> Example {
        var example = Example()
        var offset = 0
        var opened: [Character: Int] = [:]
        let closers: [Character: Character] = ["]": "[", ">": "<", "}": "{"]
        for c in marked {
            if "[<{".contains(c) {
                opened[c] = offset
            } else if let open = closers[c], let start = opened[open] {
                example.spans[open] = TextSpan(start: start, end: offset)
            } else {
                example.text.append(c)
                offset += c.unicodeScalars.count
            }
        }
        return example
    }

    /// The first sentence of `text` on the cursor the rules read.
    func firstSentence(_ text: String) throws -> SentenceCursor {
        let scalars = ScalarText(text)
        let tokens = TimeToken.tokenize(scalars.scalars)
        let span = try #require(SentenceSegmenter().sentences(in: scalars).first)
        var cursor = 0
        let range = TimeToken.range(of: span, in: tokens, from: &cursor)
        return finder.sentenceCursor(tokens, range, scalars.scalars)
    }

    static let reading = QuoteFinder.rules.flatMap { rule in rule.reads.map { (rule.name, $0) } }
    static let stopping = QuoteFinder.rules.flatMap { rule in rule.stops.map { (rule.name, $0) } }
    static let passing = QuoteFinder.rules.flatMap { rule in rule.skips.map { (rule.name, $0) } }

    @Test(arguments: reading)
    func aRuleReadsItsExampleFirst(rule: String, example: String) throws {
        let marked = Self.parse(example)
        let found = try #require(finder.firstRule(try firstSentence(marked.text)), "no rule decides \(example)")
        #expect(found.rule.name == rule, "\(example) is decided by “\(found.rule.name)” first")
        let quote = try #require(found.verdict.quote, "\(example): no quote")
        #expect(quote.source == marked.spans["["], "\(example): the source is \(quote.source)")
        #expect(quote.cue == marked.spans["<"], "\(example): the cue is \(quote.cue)")
        #expect(TextSpan(start: quote.start, end: quote.end) == marked.spans["{"], "\(example): what was said is “\(quote.text)”")
    }

    @Test(arguments: stopping)
    func aRuleStopsItsExampleFirst(rule: String, example: String) throws {
        let found = try #require(finder.firstRule(try firstSentence(example)), "no rule decides \(example)")
        #expect(found.rule.name == rule, "\(example) is decided by “\(found.rule.name)” first")
        #expect(found.verdict.quote == nil, "\(example) is read as a quote")
    }

    @Test(arguments: passing)
    func aRuleDoesNotDecideWhatItMustPassOver(rule: String, example: String) throws {
        let r = try #require(QuoteFinder.rules.first { $0.name == rule })
        #expect(r.match(finder, try firstSentence(example)) == nil, "\(rule) decides \(example)")
    }

    @Test func everyRuleHasANameOfItsOwnAndExamples() {
        let names = QuoteFinder.rules.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(QuoteFinder.rules.allSatisfy { !$0.reads.isEmpty || !$0.stops.isEmpty })
    }
}
