import PrecisText

/// Lines in which a site speaks to its reader about its own services: newsletter sign-ups, "click
/// here", "follow us on Twitter", players and login boxes ("Sign up now for the Daily Wire newsletter
/// to get the news straight to your inbox!", "Invalid email address. Please re-enter."). Told by
/// what any such line has, not by a list of sites' sentences: most of its words stand in sentences
/// that address the reader and name a service of the site (`service` lines of boilerplate.txt), by
/// an imperative opening or by "you" with the site's "our" or "us", or in sentences of a few words naming one
/// ("Video", "Play Facebook"). A line with a quotation is somebody's words, never the site's.
struct ServiceLines: Sendable {
    /// Words and two-word phrases naming a service of the site: newsletter, inbox, subscribe, ...
    private(set) var services: Set<String> = []
    /// Names that are a service only in a sentence of a few words, or after "follow": video, twitter, ...
    private(set) var brief: Set<String> = []
    /// Words that open a sentence addressed to the reader: sign, click, please, ...
    private(set) var imperatives: Set<String> = []
    /// The reader: you, your, ...
    private(set) var reader: Set<String> = []
    /// The site speaking of itself: our, us, we.
    private(set) var speaker: Set<String> = []

    /// Finds any service word in a line's lower-case bytes: most lines hold none and are passed over.
    private(set) var anyWord = PhraseMatcher([])

    /// A sentence of at most this many words naming a service is the service's label ("Video").
    static let labelWords = 4
    /// A sentence of more words is prose, not a prompt.
    static let promptWords = 25
    /// A line naming this many of the site's services, one sentence of it addressed to the reader,
    /// is a sign-up box whatever its other sentences.
    static let crowdedServices = 4

    /// Takes one entry of boilerplate.txt if its kind is one of these lists; false otherwise.
    mutating func add(kind: String, _ entry: String) -> Bool {
        switch kind {
        case "service": services.insert(entry)
        case "servicebrief": brief.insert(entry)
        case "imperative": imperatives.insert(entry)
        case "reader": reader.insert(entry)
        case "speaker": speaker.insert(entry)
        default: return false
        }
        return true
    }

    /// Builds the matcher of service words once the lists are read.
    mutating func buildMatcher() {
        anyWord = PhraseMatcher(Array(services) + Array(brief))
    }

    /// Whether a line, given also as lower-case UTF-8, is a site speaking to its reader.
    func contains(_ text: String, lowerBytes: [UInt8]) -> Bool {
        anyWord.occurs(in: lowerBytes) && contains(text)
    }

    /// Whether `text` (one line) is a site speaking to its reader about its services.
    func contains(_ text: String) -> Bool {
        if text.contains(where: { $0 == "\"" || $0 == "\u{201C}" || $0 == "\u{201D}" }) { return false }
        var total = 0, service = 0, anyAddressed = false
        var named = Set<String>()
        for sentence in Self.sentences(text) {
            let words = Self.words(sentence)
            let length = sentence.split(separator: " ").count
            total += length
            guard let first = words.first else { continue }
            let here = entries(words, in: services)
            named.formUnion(here)
            // An imperative opening names the reader's part. "You" alone is common in prose (a shop
            // where you can sign up to be told of a product), so a sentence that says "you" must
            // also name the site ("our newsletter", "send us"). "Thank you" thanks.
            let site = words.contains { speaker.contains($0) }
            let you = words.indices.contains { k in reader.contains(words[k]) && !(k > 0 && words[k - 1] == "thank") }
            let addressed = !here.isEmpty && (imperatives.contains(first) || (you && site))
            anyAddressed = anyAddressed || addressed
            // A long sentence is prose, whatever it asks of the reader ("Please include the full
            // name and address of your organization, ..." on a contact page).
            if words.count > Self.promptWords { continue }
            let short = words.count <= Self.labelWords
            if addressed || (!here.isEmpty && short) || (!entries(words, in: brief).isEmpty && (short || first == "follow")) {
                service += length
            }
        }
        // A sign-up box crowds the site's services into one line ("Newsletter Sign Up ... verify
        // you're not a robot by clicking the box. Invalid email address. ... subscribe ...").
        if anyAddressed && named.count >= Self.crowdedServices { return true }
        return total > 0 && 2 * service >= total
    }

    /// The entries of `list`, of one word or two, that `words` hold.
    private func entries(_ words: [String], in list: Set<String>) -> Set<String> {
        var found = Set<String>()
        for (k, w) in words.enumerated() {
            if list.contains(w) { found.insert(w) }
            if k + 1 < words.count, case let pair = w + " " + words[k + 1], list.contains(pair) { found.insert(pair) }
        }
        return found
    }

    /// The sentences of a line: split after ".", "!" or "?" before a space.
    static func sentences(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let next = text.index(after: i)
            if ".!?".contains(text[i]), next < text.endIndex, text[next] == " " {
                out.append(text[start..<next])
                start = text.index(after: next)
            }
            i = next
        }
        if start < text.endIndex { out.append(text[start...]) }
        return out
    }

    /// Lower-case words: letters with inner apostrophes, hyphens and plus signs ("you're", "e-mail", "google+").
    static func words(_ sentence: Substring) -> [String] {
        var out: [String] = []
        var word = ""
        for c in sentence.lowercased() {
            if c.isLetter || (!word.isEmpty && (c == "'" || c == "\u{2019}" || c == "-" || c == "+")) {
                word.append(c == "\u{2019}" ? "'" : c)
            } else if !word.isEmpty {
                out.append(word)
                word = ""
            }
        }
        if !word.isEmpty { out.append(word) }
        return out.map { w in
            var w = Substring(w)
            while let last = w.last, last == "'" || last == "-" { w = w.dropLast() }
            return String(w)
        }
    }
}
