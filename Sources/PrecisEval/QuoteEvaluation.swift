import Foundation
import PrecisFacts
import PrecisIngest
import PrecisJSON
import PrecisText

/// A PolNeAR document: its text and gold attribution spans (Unicode scalar offsets).
public struct AttributionDocument: Sendable {
    public var name: String
    public var text: String
    public var sources: [TextSpan]
    public var cues: [TextSpan]
    public var contents: [TextSpan]
}

public enum AttributionSet {
    /// Reads a PolNeAR split directory (`text/*.txt` with `attributions/<doc>_<annotator>.ann`, brat
    /// standoff). Where several annotators did a document, the first annotation file by name is gold.
    public static func read(_ path: String) throws -> [AttributionDocument] {
        let textDir = (path as NSString).appendingPathComponent("text")
        let annDir = (path as NSString).appendingPathComponent("attributions")
        guard let texts = try? FileManager.default.contentsOfDirectory(atPath: textDir).filter({ $0.hasSuffix(".txt") }).sorted() else {
            throw SkippedInput(origin: path, reason: "has no text/ folder; give a PolNeAR split such as data/dev")
        }
        let anns = ((try? FileManager.default.contentsOfDirectory(atPath: annDir)) ?? []).filter { $0.hasSuffix(".ann") }.sorted()
        var out: [AttributionDocument] = []
        for file in texts {
            let stem = String(file.dropLast(4))
            guard let ann = anns.first(where: { $0.hasPrefix(stem + "_") }),
                let data = FileManager.default.contents(atPath: (textDir as NSString).appendingPathComponent(file)),
                let annData = FileManager.default.contents(atPath: (annDir as NSString).appendingPathComponent(ann))
            else { continue }
            var doc = AttributionDocument(name: stem, text: String(decoding: data, as: UTF8.self), sources: [], cues: [], contents: [])
            for line in String(decoding: annData, as: UTF8.self).split(separator: "\n") where line.hasPrefix("T") {
                let fields = line.split(separator: "\t")
                guard fields.count >= 2 else { continue }
                let head = fields[1].split(separator: " ", maxSplits: 1)
                guard head.count == 2 else { continue }
                let numbers = head[1].split(whereSeparator: { $0 == " " || $0 == ";" }).compactMap { Int($0) }
                guard let a = numbers.min(), let b = numbers.max() else { continue }
                let span = TextSpan(start: a, end: b)
                switch head[0] {
                case "Source": doc.sources.append(span)
                case "Cue": doc.cues.append(span)
                case "Content": doc.contents.append(span)
                default: break
                }
            }
            out.append(doc)
        }
        return out
    }
}

/// Exact and overlap span scores per attribution role.
public struct AttributionReport: Sendable {
    public struct Role: Sendable {
        public var gold = 0
        public var predicted = 0
        public var exact = 0
        public var overlap = 0
        func f(_ m: Int) -> (p: Double, r: Double, f: Double) {
            let p = predicted > 0 ? Double(m) / Double(predicted) : 0, r = gold > 0 ? Double(m) / Double(gold) : 0
            return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
        }
        public var exactScore: (p: Double, r: Double, f: Double) { f(exact) }
        public var overlapScore: (p: Double, r: Double, f: Double) { f(overlap) }
    }
    public var documents = 0
    public var source = Role()
    public var cue = Role()
    public var content = Role()
    public var seconds = 0.0
    /// What was found in each document, in input order.
    public var found: [[Quote]] = []
}

public enum AttributionEvaluation {
    /// Why a model or word-class file could not be read or written.
    public struct FileProblem: Error, Sendable { public var message: String }

    /// A tagger written by `save`: the file itself, or its parts `FILE.1`, `FILE.2`, ... in order.
    public static func loadModel(_ path: String) throws -> AttributionModel {
        var bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        if bytes == nil {
            var k = 1
            while let part = FileManager.default.contents(atPath: "\(path).\(k)") { bytes = (bytes ?? []) + part; k += 1 }
        }
        guard let bytes, let model = AttributionModel(serialized: bytes) else {
            throw FileProblem(message: "\(path) is not an attribution model written by --save-model (nor are \(path).1, .2, ...)")
        }
        return model
    }

    /// Writes a tagger to one file, or to `parts` files `FILE.1` ... `FILE.N` (how the shipped one is
    /// kept); returns each file written with its size.
    public static func save(_ model: AttributionModel, to path: String, parts: Int) throws -> [(path: String, bytes: Int)] {
        let pieces =
            parts == 1
            ? [(path, model.serialized())]
            : model.serialized(parts: parts).enumerated().map { ("\(path).\($0.offset + 1)", $0.element) }
        for (file, bytes) in pieces {
            guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else { throw FileProblem(message: "cannot write \(file)") }
        }
        return pieces.map { ($0.0, $0.1.count) }
    }

    /// Word classes written by `precis eval clusters --save`.
    public static func loadClusters(_ path: String) throws -> WordClusters {
        var consumed = 0
        guard let bytes = FileManager.default.contents(atPath: path),
            let classes = WordClusters(serialized: [UInt8](bytes)[...], consumed: &consumed), consumed == bytes.count
        else { throw FileProblem(message: "\(path) is not a word-class file written by `precis eval clusters --save`") }
        return classes
    }

    /// One JSON line per document: its name and each attribution found, with its speaker and the
    /// source, cue and content spans.
    public static func dumpLines(_ documents: [AttributionDocument], found: [[Quote]]) -> String {
        func span(_ a: Int, _ b: Int) -> JSONOutput { .array([.int(a), .int(b)]) }
        var lines = ""
        for (doc, quotes) in zip(documents, found) {
            let items = quotes.map { q in
                JSONOutput.object([
                    ("speaker", .string(q.speaker)), ("source", span(q.source.start, q.source.end)),
                    ("cue", span(q.cue.start, q.cue.end)), ("content", span(q.start, q.end))
                ])
            }
            lines += JSONOutput.object([("document", .string(doc.name)), ("quotes", .array(items))]).serialized() + "\n"
        }
        return lines
    }

    /// Trains the attribution tagger on annotated documents.
    public static func train(
        _ documents: [AttributionDocument], epochs: Int, buckets: Int, folds: Int = 5,
        clusters: WordClusters? = nil
    ) -> AttributionModel {
        var trainer = AttributionTrainer(buckets: buckets, clusters: clusters)
        let segmenter = SentenceSegmenter()
        for doc in documents {
            trainer.add(text: doc.text, sources: doc.sources, cues: doc.cues, contents: doc.contents, segmenter: segmenter)
        }
        return trainer.train(epochs: epochs, folds: folds)
    }

    public static func run(_ documents: [AttributionDocument], finder: QuoteFinder = QuoteFinder()) -> AttributionReport {
        var r = AttributionReport()
        let start = cpuSeconds()
        let segmenter = SentenceSegmenter()
        func score(_ role: inout AttributionReport.Role, gold: [TextSpan], found: [TextSpan]) {
            // A speaker or cue shared by several attributions is one span, as in the gold standoff.
            var seen = Set<TextSpan>()
            let found = found.filter { seen.insert($0).inserted }
            role.gold += gold.count
            role.predicted += found.count
            var usedExact = Set<Int>(), usedOverlap = Set<Int>()
            for f in found {
                if let k = gold.indices.first(where: { !usedExact.contains($0) && gold[$0] == f }) { usedExact.insert(k); role.exact += 1 }
                if let k = gold.indices.first(where: { !usedOverlap.contains($0) && gold[$0].start < f.end && f.start < gold[$0].end }) {
                    usedOverlap.insert(k); role.overlap += 1
                }
            }
        }
        for doc in documents {
            r.documents += 1
            let quotes = finder.find(in: doc.text, segmenter: segmenter)
            r.found.append(quotes)
            score(&r.source, gold: doc.sources, found: quotes.map(\.source))
            score(&r.cue, gold: doc.cues, found: quotes.map(\.cue))
            score(&r.content, gold: doc.contents, found: quotes.map { TextSpan(start: $0.start, end: $0.end) })
        }
        r.seconds = cpuSeconds() - start
        return r
    }
}
