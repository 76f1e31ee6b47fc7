import Foundation
import PrecisFacts
import PrecisIngest
import PrecisText

/// A TimeML document: its text (tags removed), creation date, and gold TIMEX3 annotations.
public struct TimeMLDocument: Sendable {
    public struct Gold: Sendable {
        public var start: Int
        public var end: Int
        public var type: String
        public var value: String
        public var text: String
    }

    public var name: String
    public var text: String
    public var creationDate: CivilDate?
    public var timexes: [Gold]
    /// The folder the document was read from (a MEANTIME sub-corpus: "corpus_airbus").
    public var corpus = ""
}

public enum TimeMLSet {
    /// Reads every `.tml` file (TimeML inline, as TimeBank and AQUAINT) and every `.xml` file in the
    /// CAT stand-off form (as MEANTIME) under `path` (a file or a directory, searched recursively, in
    /// name order). In TimeML only the TIMEX3 elements inside `<TEXT>` are gold; in both the document
    /// creation time is the TIMEX3 whose `functionInDocument` is `CREATION_TIME`.
    ///
    /// `wholeText` keeps every sentence of a stand-off document (for dating, which reads the whole
    /// article), not only the annotated ones.
    public static func read(_ path: String, wholeText: Bool = false) throws -> [TimeMLDocument] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SkippedInput(origin: path, reason: "does not exist; give a TimeML file or a directory of .tml files")
        }
        var files: [String] = []
        if isDirectory.boolValue {
            let e = FileManager.default.enumerator(atPath: path)
            while let f = e?.nextObject() as? String {
                if f.hasSuffix(".tml") || f.hasSuffix(".xml") { files.append((path as NSString).appendingPathComponent(f)) }
            }
            files.sort()
        } else {
            files = [path]
        }
        return files.compactMap { file in
            guard let data = FileManager.default.contents(atPath: file) else { return nil }
            let xml = String(decoding: data, as: UTF8.self), name = (file as NSString).lastPathComponent
            var doc = file.hasSuffix(".xml") ? parseStandOff(xml, name: name, annotatedSentences: wholeText ? Int.max : 6) : parse(xml, name: name)
            doc?.corpus = ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent
            return doc
        }
    }

    public static func parse(_ xml: String, name: String) -> TimeMLDocument? {
        var dct: CivilDate? = nil
        if let r = xml.range(of: "functionInDocument=\"CREATION_TIME\"") {
            let tagStart = xml[..<r.lowerBound].range(of: "<TIMEX3", options: .backwards)?.lowerBound ?? r.lowerBound
            let tag = xml[tagStart...].prefix { $0 != ">" }
            if let v = attribute("value", in: String(tag)) { dct = CivilDate(iso: v) }
        }
        guard let open = xml.range(of: "<TEXT>"), let close = xml.range(of: "</TEXT>", range: open.upperBound..<xml.endIndex) else { return nil }
        let body = Array(xml[open.upperBound..<close.lowerBound].unicodeScalars)
        var text = String.UnicodeScalarView()
        var count = 0
        var timexes: [TimeMLDocument.Gold] = []
        var openTimex: (start: Int, type: String, value: String)? = nil
        var i = 0
        while i < body.count {
            let c = body[i]
            if c == "<" {
                var j = i
                while j < body.count && body[j] != ">" { j += 1 }
                let tag = String(String.UnicodeScalarView(body[i..<min(j + 1, body.count)]))
                if tag.hasPrefix("<TIMEX3") {
                    openTimex = (count, attribute("type", in: tag) ?? "", attribute("value", in: tag) ?? "")
                } else if tag.hasPrefix("</TIMEX3"), let o = openTimex {
                    let scalars = Array(text)
                    timexes.append(
                        .init(
                            start: o.start, end: count, type: o.type, value: o.value,
                            text: String(String.UnicodeScalarView(scalars[o.start..<count]))))
                    openTimex = nil
                }
                i = j + 1
            } else if c == "&" {
                var j = i
                while j < body.count && body[j] != ";" && j - i < 8 { j += 1 }
                let entity = String(String.UnicodeScalarView(body[i..<min(j + 1, body.count)]))
                let decoded: Unicode.Scalar? = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'"][entity]
                if let decoded { text.append(decoded); count += 1; i = j + 1 } else { text.append(c); count += 1; i += 1 }
            } else {
                text.append(c)
                count += 1
                i += 1
            }
        }
        return TimeMLDocument(name: name, text: String(text), creationDate: dct, timexes: timexes)
    }

    /// A CAT stand-off document (MEANTIME): `<token t_id sentence>` elements, then TIMEX3 markables
    /// that list the tokens they cover. The text is rebuilt from the tokens (one line per sentence,
    /// no space before closing punctuation or after opening), and each TIMEX3 spans its first to its
    /// last token. The creation-time mention is the anchor, not an item to find: its tokens are left
    /// out of the text (as TimeML keeps the DCT outside `<TEXT>`). TIMEX3s without tokens (implicit
    /// begin and end points) are not gold. Only the first `annotatedSentences` sentences are kept:
    /// MEANTIME annotates times in the title, the date line and the first sentences of each article
    /// (no TIMEX3 of its English section lies beyond sentence 5), so the rest would count every time
    /// found there as spurious. Returns nil for XML that is not in this form.
    public static func parseStandOff(_ xml: String, name: String, annotatedSentences: Int = 6) -> TimeMLDocument? {
        guard xml.contains("<Document") else { return nil }
        // Tokens in document order.
        var tokens: [(id: String, sentence: String, text: String)] = []
        var cursor = xml.startIndex
        while let open = xml.range(of: "<token ", range: cursor..<xml.endIndex),
            let tagEnd = xml.range(of: ">", range: open.upperBound..<xml.endIndex),
            let close = xml.range(of: "</token>", range: tagEnd.upperBound..<xml.endIndex)
        {
            let tag = String(xml[open.lowerBound..<tagEnd.upperBound])
            if let id = attribute("t_id", in: tag), Int(attribute("sentence", in: tag) ?? "") ?? 0 < annotatedSentences {
                // Quotes come tokenized as `` and ''; the text gets the curly marks they stand for.
                let word = decodeEntities(String(xml[tagEnd.upperBound..<close.lowerBound]))
                tokens.append((id, attribute("sentence", in: tag) ?? "", word == "``" ? "\u{201C}" : word == "''" ? "\u{201D}" : word))
            }
            cursor = close.upperBound
        }
        guard !tokens.isEmpty else { return nil }
        // TIMEX3 markables with the tokens they anchor to.
        var markables: [(type: String, value: String, function: String, tokens: [String])] = []
        var ids: [String] = [], anchorsTo: [String] = []
        cursor = xml.startIndex
        while let open = xml.range(of: "<TIMEX3 ", range: cursor..<xml.endIndex),
            let tagEnd = xml.range(of: ">", range: open.upperBound..<xml.endIndex)
        {
            let tag = String(xml[open.lowerBound..<tagEnd.upperBound])
            var anchors: [String] = []
            cursor = tagEnd.upperBound
            if !tag.hasSuffix("/>"), let close = xml.range(of: "</TIMEX3>", range: cursor..<xml.endIndex) {
                var inner = tagEnd.upperBound
                while let a = xml.range(of: "<token_anchor t_id=\"", range: inner..<close.lowerBound) {
                    anchors.append(String(xml[a.upperBound...].prefix { $0 != "\"" }))
                    inner = a.upperBound
                }
                cursor = close.upperBound
            }
            markables.append(
                (
                    attribute("type", in: tag) ?? "", attribute("value", in: tag) ?? "",
                    attribute("functionInDocument", in: tag) ?? "", anchors
                ))
            ids.append(attribute("m_id", in: tag) ?? "")
            if let a = attribute("anchorTimeID", in: tag), !a.isEmpty { anchorsTo.append(a) }
        }
        let creation = markables.first { $0.function == "CREATION_TIME" }
        // A few articles mark no creation time; their date line is then an ordinary expression that
        // the others are anchored to, and it is the anchor (it stays among the expressions to find).
        let anchoredTo = Dictionary(anchorsTo.map { ($0, 1) }, uniquingKeysWith: +)
        let dateLine =
            creation == nil
            ? ids.indices
                .filter { anchoredTo[ids[$0]] != nil && CivilDate(iso: markables[$0].value) != nil }
                .max { anchoredTo[ids[$0]]! < anchoredTo[ids[$1]]! }
                .map { markables[$0] } : nil
        let dropped = Set(creation?.tokens ?? [])
        var text = ""
        var count = 0
        var span: [String: (start: Int, end: Int)] = [:]
        var previous: (sentence: String, text: String)? = nil
        for t in tokens where !dropped.contains(t.id) {
            if let p = previous {
                let gap = p.sentence != t.sentence ? "\n" : (Self.noSpaceAfter.contains(p.text) || Self.noSpaceBefore.contains(t.text) ? "" : " ")
                text += gap
                count += gap.unicodeScalars.count
            }
            let length = t.text.unicodeScalars.count
            span[t.id] = (count, count + length)
            text += t.text
            count += length
            previous = (t.sentence, t.text)
        }
        var timexes: [TimeMLDocument.Gold] = []
        let scalars = Array(text.unicodeScalars)
        for m in markables where m.function != "CREATION_TIME" {
            let spans = m.tokens.compactMap { span[$0] }
            guard let start = spans.map(\.start).min(), let end = spans.map(\.end).max() else { continue }
            timexes.append(
                .init(
                    start: start, end: end, type: m.type, value: m.value,
                    text: String(String.UnicodeScalarView(scalars[start..<end]))))
        }
        timexes.sort { $0.start < $1.start }
        return TimeMLDocument(
            name: name, text: text,
            creationDate: creation.flatMap { creationDate($0.value, mention: $0.tokens, in: tokens) } ?? dateLine.flatMap { CivilDate(iso: $0.value) },
            timexes: timexes)
    }

    /// The creation date from its ISO value, or, where the value is in another form ("03-02-2009"),
    /// from the date line it annotates ("February 03 , 2009"), read by the tagger.
    static func creationDate(_ value: String, mention: [String], in tokens: [(id: String, sentence: String, text: String)]) -> CivilDate? {
        if let date = CivilDate(iso: value) { return date }
        let ids = Set(mention)
        let line = tokens.filter { ids.contains($0.id) }.map(\.text).joined(separator: " ")
        return TimeTagger().tag(line, anchor: nil).lazy.compactMap { $0.value.flatMap { CivilDate(iso: $0) } }.first
    }

    static let noSpaceBefore: Set<String> = [",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'", "n't", "\u{201D}", "..."]
    static let noSpaceAfter: Set<String> = ["(", "[", "$", "\u{201C}", "#"]

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let r = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[r.upperBound...].prefix { $0 != "\"" })
    }
}

/// Span and value scores of time expressions, as TempEval-3 reports them.
public struct TimeReport: Sendable {
    public var documents = 0
    public var gold = 0
    public var predicted = 0
    public var strictMatches = 0
    public var relaxedMatches = 0
    /// Relaxed matches whose value (or type) equals the gold one.
    public var valueMatches = 0
    public var typeMatches = 0
    public var seconds = 0.0

    static func f1(_ m: Int, _ p: Int, _ g: Int) -> (p: Double, r: Double, f: Double) {
        let precision = p > 0 ? Double(m) / Double(p) : 0
        let recall = g > 0 ? Double(m) / Double(g) : 0
        return (precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0)
    }
    public var strict: (p: Double, r: Double, f: Double) { Self.f1(strictMatches, predicted, gold) }
    public var relaxed: (p: Double, r: Double, f: Double) { Self.f1(relaxedMatches, predicted, gold) }
    public var value: (p: Double, r: Double, f: Double) { Self.f1(valueMatches, predicted, gold) }
    public var type: (p: Double, r: Double, f: Double) { Self.f1(typeMatches, predicted, gold) }
}

public enum TimeEvaluation {
    /// Tags every document with its creation date as the anchor and scores against the gold TIMEX3s:
    /// strict (same span), relaxed (overlapping spans, each gold matched once), and value and type
    /// over relaxed matches (TempEval-3's attribute F1).
    public static func run(
        _ documents: [TimeMLDocument], tagger: TimeTagger = TimeTagger(),
        onMiss: ((TimeMLDocument, TimeMLDocument.Gold?, TimeExpression?) -> Void)? = nil
    ) -> TimeReport {
        var r = TimeReport()
        let start = cpuSeconds()
        for doc in documents {
            r.documents += 1
            let found = tagger.tag(doc.text, anchor: doc.creationDate)
            r.gold += doc.timexes.count
            r.predicted += found.count
            var used = Set<Int>()
            for p in found {
                guard let k = doc.timexes.indices.first(where: { !used.contains($0) && doc.timexes[$0].start < p.end && p.start < doc.timexes[$0].end }) else {
                    onMiss?(doc, nil, p)
                    continue
                }
                used.insert(k)
                let g = doc.timexes[k]
                r.relaxedMatches += 1
                let sameSpan = g.start == p.start && g.end == p.end
                if sameSpan { r.strictMatches += 1 }
                if g.type == p.type.rawValue { r.typeMatches += 1 }
                if g.value == p.value { r.valueMatches += 1 }
                if g.value != p.value || !sameSpan { onMiss?(doc, g, p) }
            }
            for (k, g) in doc.timexes.enumerated() where !used.contains(k) { onMiss?(doc, g, nil) }
        }
        r.seconds = cpuSeconds() - start
        return r
    }
}
