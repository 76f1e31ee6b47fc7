/// Whether extracted text reads as an article, from features any page has: how much of it is made of
/// sentences, where it came from on the page, how much of the page is links, and whether the page
/// names itself an error. Pages that hold no article (index pages, comment-only pages, error pages)
/// get a reason instead of their furniture.
enum ArticleShape {
    /// Unicode scalars of `text` inside sentences: runs of five or more words, or of twelve or more
    /// CJK characters (written without spaces), closed by a sentence mark on their line.
    static func proseCharacters(_ text: String) -> Int {
        var prose = 0, chars = 0, words = 0, cjk = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A {
                chars = 0; words = 0; cjk = 0; inWord = false
                continue
            }
            chars += 1
            if v == 0x20 || v == 0x09 || v == 0xA0 {
                inWord = false
                continue
            }
            if isCJK(v) { cjk += 1 }
            if !inWord { words += 1; inWord = true }
            if v == 0x2E || v == 0x21 || v == 0x3F || v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0x0964 || v == 0x061F {
                if words >= 5 || cjk >= 12 { prose += chars }
                chars = 0; words = 0; cjk = 0
            }
        }
        return prose
    }

    static func isCJK(_ v: UInt32) -> Bool {
        (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    /// Words that name an error page when they stand, as whole words, in its title or first line.
    static let errorPhrases = [
        "404 error", "error 404", "not found", "page cannot be found", "page can't be found", "page could not be found",
        "no longer available", "access denied", "403 forbidden", "internal server error", "error 500",
        "seite nicht gefunden", "page introuvable", "página no encontrada", "pagina non trovata"
    ]

    /// Status codes that name an error page when they are the whole name ("404"); beside other
    /// words they are a figure like any other ("Flight 404 lands", "report 1404").
    static let errorCodes: Set<String> = ["404", "403", "410", "500", "503"]

    /// The error phrase a page's name holds, as whole words, if any.
    /// Plain Swift rather than Foundation's trimming and searching: on a short page it runs on every
    /// page posted, where building a character set and bridging each search cost more than the rest
    /// of the check.
    static func errorPhrase(in name: String) -> String? {
        let trimmed = name[...].trimmed { $0.isWhitespace || $0.isPunctuation }
        if errorCodes.contains(trimmed) { return trimmed }
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" })
        for (phrase, parts) in zip(errorPhrases, errorPhraseWords) where parts.count <= words.count {
            for start in 0...(words.count - parts.count) where words[start..<start + parts.count].elementsEqual(parts, by: { $0 == $1 }) {
                return phrase
            }
        }
        return nil
    }
    static let errorPhraseWords = errorPhrases.map { $0.split(separator: " ").map(String.init) }

    /// Why the page holds no article, or nil when its text reads as one.
    static func noArticleReason(_ page: HTMLExtractor.Page, text: String, tuning: ExtractTuning) -> String? {
        guard tuning.noArticle else { return nil }
        let prose = proseCharacters(text)
        if prose == 0 {
            return "no article: the page's text holds no sentence (only headings, links, labels or notices)"
        }
        if prose < 400 {
            // The error must be what the page is called: its title's first part (before " | ", " - "),
            // or its first line, short and naming it. A headline about an error is longer.
            let title = (page.headTitle ?? "").lowercased()
            let titleHead = title.components(separatedBy: " | ").first?.components(separatedBy: " - ").first ?? title
            let firstLine = text.prefix { $0 != "\n" }.lowercased()
            let names = [titleHead, firstLine].filter { $0.split(separator: " ").count <= 6 }
            if let phrase = names.lazy.compactMap(errorPhrase).first {
                return "no article: an error page (\"\(phrase)\")"
            }
        }
        if page.holderIsComments && page.source != .container && prose < tuning.minimumProse * 10 {
            return "no article: the page's main text is readers' comments"
        }
        if page.source == .wholePage && page.linkDensity >= tuning.indexLinkDensity && prose < tuning.minimumProse {
            return "no article: an index page (mostly links, no block of sentences)"
        }
        return nil
    }
}
