/// One rule of an ordered list by which a reader (`TimeTagger`, `QuoteFinder`, `NumberFinder`)
/// decides what stands at a cursor: a name, a match that gives a verdict or passes (nil), and the
/// examples it must read, stop on and pass over. Each reader tries its rules in order and the first
/// verdict wins, so each rule's examples, run as parameterised tests, also show that no earlier rule
/// hides it. How an example marks what is read is the reader's own (see each reader's rules).
struct Rule<Reader, Cursor, Verdict>: Sendable {
    let name: String
    let match: @Sendable (Reader, Cursor) -> Verdict?
    /// Examples the rule is the first to decide, reading what their marks enclose.
    var reads: [String] = []
    /// Examples the rule is the first to decide, finding nothing there.
    var stops: [String] = []
    /// Examples the rule must not decide at the marked place.
    var skips: [String] = []

    /// The first of `rules` that decides at `cursor`, and its verdict.
    static func first(of rules: [Rule], _ reader: Reader, at cursor: Cursor) -> (rule: Rule, verdict: Verdict)? {
        for rule in rules {
            if let verdict = rule.match(reader, cursor) { return (rule, verdict) }
        }
        return nil
    }
}
