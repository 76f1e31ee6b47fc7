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
            let reason =
                raw.format == .html
                ? "the page holds no article text (only markup, scripts or navigation)"
                : "holds no article text after cleaning"
            return .failure(ExtractionFailure(origin: raw.origin, reason: reason))
        }
        if let page, let reason = ArticleShape.noArticleReason(page, text: cleaned.text, tuning: ExtractTuning.current) {
            return .failure(ExtractionFailure(origin: raw.origin, reason: reason))
        }
        var removed = cleaned.removed
        var text = cleaned.text
        // On a page, what comes before the headline (a kicker of menus, market tickers, "most viewed"
        // boxes) is not the article, when the headline stands as a line of its own early on.
        if ExtractTuning.current.headlineCut, let title = page?.headTitle.map({ ScrapedTextCleaner.splitSiteSuffix(TextNormalizer.normalize($0)).0 }) {
            let (kept, before) = Self.startingAtHeadline(text, title: title)
            text = kept
            removed += before.map { RemovedBlock(text: $0, reason: .header) }
        }
        if raw.replacedSequences > 0 {
            removed.append(RemovedBlock(text: "\(raw.replacedSequences) invalid byte sequence(s) replaced by U+FFFD", reason: .markup))
        }
        // A headline shown on the page is taken as it is; a head title loses the site's name.
        let shown = page.flatMap { p in p.title != p.headTitle.map(HTMLExtractor.oneLine) ? p.title : nil }
        let title = raw.title ?? shown ?? page?.title.map { ScrapedTextCleaner.splitSiteSuffix(TextNormalizer.normalize($0)).0 } ?? cleaned.title
        return .success(
            Article(
                origin: raw.origin,
                title: title.flatMap { $0.isEmpty ? nil : $0 },
                date: raw.date.flatMap { PublicationDate.parse($0) } ?? page?.date ?? cleaned.date,
                url: raw.url.flatMap(webAddress) ?? page?.url ?? cleaned.url.flatMap(webAddress),
                site: page?.site ?? cleaned.site,
                language: page?.language.flatMap(LanguageGuess.primarySubtag) ?? LanguageGuess.guess(cleaned.text),
                // Authors given with the input (a feed's) win over those the page or text names.
                authors: raw.authors.isEmpty ? page.map(\.authors).flatMap { $0.isEmpty ? nil : $0 } ?? cleaned.authors : raw.authors,
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
        let utf8 = text.utf8
        let length = wanted.utf8.count, limit = utf8.count / 3
        var lineStart = utf8.startIndex
        var offset = 0
        // Line by line through the first third, by byte offsets: no copy of the text unless found.
        while lineStart < utf8.endIndex && offset <= limit {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let n = utf8.distance(from: lineStart, to: lineEnd)
            if lineStart != utf8.startIndex, n >= length, n <= length + 4,
                text[lineStart..<lineEnd].lowercased().trimmingCharacters(in: .whitespaces) == wanted
            {
                let before = text[..<lineStart].split(separator: "\n").map(String.init)
                    .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                return (String(text[lineStart...]), before)
            }
            offset += n + 1
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return (text, [])
    }
}
