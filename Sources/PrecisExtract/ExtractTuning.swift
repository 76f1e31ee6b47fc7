import Foundation

/// The numbers behind the content-block decisions that were set from data, and switches for the
/// rules a leave-one-set-out check weighs (`scripts/cv_extract.py`). The shipped values are the
/// defaults; `PRECIS_EXTRACT_TUNING="name=value,..."` overrides them (read once per process) so the
/// check can score settings without a rebuild. Unknown names and bad values are ignored.
struct ExtractTuning: Sendable {
    /// Below this score the best paragraph holder is too weak a sign (a page of one short
    /// paragraph): the whole page is read, less its junk.
    var minimumTopScore = 5.0
    /// The share of the page's text outside links the best holder must hold; else the article is
    /// mostly elsewhere (text set off by `<br>` beside a small box of paragraphs).
    var minimumTopShare = 0.15
    /// What a class or id hint (junk or article body) adds to or takes from a holder's score.
    var hintWeight = 25.0
    /// Siblings of the best holder scoring at least this share of it are read with it.
    var siblingShare = 0.2
    /// Another holder scoring this share of the best one, outside its line, means the text is spread.
    var spreadShare = 0.4
    /// A block with more than this share of link text is dropped.
    var maxLinkDensity = 0.5
    /// An `<article>` or `<main>` must hold this share of the page's paragraph text to be taken.
    var containerShare = 1.0 / 3
    /// Paragraphs shorter than this (characters) do not count for their holder.
    var minimumParagraph = 25
    /// Rules: siblings read for their own text, boxes holding a quarter of the article kept whatever
    /// their name, the text cut at the headline.
    var goodSiblings = true
    var shareOfMain = true
    var headlineCut = true
    /// The cleaner's steps that rest on phrase lists and line shapes: junk lines (appeals, notices,
    /// widgets, credits), end matter, trailing stubs, captions.
    var cleanerJunk = true
    var cleanerEndMatter = true
    var cleanerStubs = true
    var cleanerCaptions = true
    /// No-article decision: a page read whole (no part of it stood out) with at least
    /// `indexLinkDensity` of its text in links and less than `minimumProse` characters of sentences
    /// is an index; comment-only pages must hold ten times that to pass.
    var minimumProse = 150
    var indexLinkDensity = 0.5
    var noArticle = true

    static let current = ExtractTuning(environment: ProcessInfo.processInfo.environment["PRECIS_EXTRACT_TUNING"] ?? "")

    init() {}

    init(environment spec: String) {
        for pair in spec.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            let value = parts[1]
            let number = Double(value)
            let flag = value == "1" || value == "true" ? true : value == "0" || value == "false" ? false : nil
            switch parts[0] {
            case "minimumTopScore": if let number { minimumTopScore = number }
            case "minimumTopShare": if let number { minimumTopShare = number }
            case "hintWeight": if let number { hintWeight = number }
            case "siblingShare": if let number { siblingShare = number }
            case "spreadShare": if let number { spreadShare = number }
            case "maxLinkDensity": if let number { maxLinkDensity = number }
            case "containerShare": if let number { containerShare = number }
            case "minimumParagraph": if let number { minimumParagraph = Int(number) }
            case "minimumProse": if let number { minimumProse = Int(number) }
            case "indexLinkDensity": if let number { indexLinkDensity = number }
            case "goodSiblings": if let flag { goodSiblings = flag }
            case "shareOfMain": if let flag { shareOfMain = flag }
            case "headlineCut": if let flag { headlineCut = flag }
            case "cleanerJunk": if let flag { cleanerJunk = flag }
            case "cleanerEndMatter": if let flag { cleanerEndMatter = flag }
            case "cleanerStubs": if let flag { cleanerStubs = flag }
            case "cleanerCaptions": if let flag { cleanerCaptions = flag }
            case "noArticle": if let flag { noArticle = flag }
            default: continue
            }
        }
    }
}
