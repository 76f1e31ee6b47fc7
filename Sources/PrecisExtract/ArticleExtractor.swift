import PrecisIngest
import PrecisText

/// Turns a raw document (text or HTML) into a clean `Article`.
public struct ArticleExtractor: Sendable {
    let cleaner = ScrapedTextCleaner()
    let html = HTMLExtractor()

    public init() {}

    /// The clean article, or a failure that says why the input holds no article text.
    public func extract(_ raw: RawDocument) -> Result<Article, ExtractionFailure> {
        var page: HTMLExtractor.Page? = nil
        let body: String
        switch raw.format {
        case .html:
            let parsed = html.parse(raw.content)
            page = parsed
            body = parsed.text
        case .text:
            body = raw.content
        }
        let cleaned = cleaner.clean(TextNormalizer.normalize(body))
        guard cleaned.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
            let reason = raw.format == .html ? "the page holds no article text (only markup, scripts or navigation)"
                                             : "holds no article text after cleaning"
            return .failure(ExtractionFailure(origin: raw.origin, reason: reason))
        }
        var removed = cleaned.removed
        var text = cleaned.text
        // On a page, what comes before the headline (a kicker of menus, market tickers, "most viewed"
        // boxes) is not the article, when the headline stands as a line of its own early on.
        if let title = page?.title.map({ ScrapedTextCleaner.splitSiteSuffix(TextNormalizer.normalize($0)).0 }) {
            let (kept, before) = Self.startingAtHeadline(text, title: title)
            text = kept
            removed += before.map { RemovedBlock(text: $0, reason: .header) }
        }
        if raw.replacedSequences > 0 {
            removed.append(RemovedBlock(text: "\(raw.replacedSequences) invalid byte sequence(s) replaced by U+FFFD", reason: .markup))
        }
        let title = raw.title ?? page?.title.map { ScrapedTextCleaner.splitSiteSuffix(TextNormalizer.normalize($0)).0 } ?? cleaned.title
        return .success(Article(
            origin: raw.origin,
            title: title.flatMap { $0.isEmpty ? nil : $0 },
            date: raw.date.flatMap { PublicationDate.parse($0) } ?? page?.date ?? cleaned.date,
            url: raw.url ?? page?.url ?? cleaned.url,
            site: page?.site ?? cleaned.site,
            language: page?.language.flatMap(LanguageGuess.primarySubtag) ?? LanguageGuess.guess(cleaned.text),
            authors: page.map(\.authors).flatMap { $0.isEmpty ? nil : $0 } ?? cleaned.authors,
            keywords: cleaned.keywords,
            text: text,
            removed: removed
        ))
    }

    /// The text from the line that is the headline on, and the lines before it: only when the
    /// headline (four words or more) stands as a line of its own in the first third of the text.
    static func startingAtHeadline(_ text: String, title: String) -> (String, [String]) {
        let wanted = title.lowercased().trimmingCharacters(in: .whitespaces)
        guard wanted.split(separator: " ").count >= 4 else { return (text, []) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for (k, line) in lines.enumerated() {
            if seen * 3 > text.utf8.count { break }
            if k > 0, line.lowercased().trimmingCharacters(in: .whitespaces) == wanted {
                let before = lines[..<k].map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                return (lines[k...].joined(separator: "\n"), before)
            }
            seen += line.utf8.count + 1
        }
        return (text, [])
    }
}
