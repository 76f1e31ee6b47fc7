import Foundation
import PrecisExtract
import PrecisIngest
import PrecisJSON

/// A page of an extraction benchmark: its HTML and what counts as its main content.
public struct ExtractionPage: Sendable {
    public enum Gold: Sendable {
        /// The main text.
        case text(String)
        /// Snippets that must be in the output, and snippets that must not (trafilatura's set).
        case snippets(with: [String], without: [String])
    }

    public var id: String
    public var htmlPath: String
    public var gold: Gold
}

/// Reads the extraction sets in `../shared/data/extraction/`, each in its own layout (its SOURCES.md):
/// CleanEval-style (`input/*.html` with `GoldStandard/*.txt`, block tags `<p>` `<h>` `<l>`), L3S-GN1
/// (`original/*.html` with `annotated/*.html`, main content in `x-nc-sel1` to `x-nc-sel3` spans), and
/// trafilatura's (`evaldata.subset.json` with `with`/`without` snippets).
public enum ExtractionSet {
    public enum Layout: String, Sendable { case cleaneval, l3s, snippets }

    public static func layout(of directory: String) -> Layout? {
        let fm = FileManager.default
        if fm.fileExists(atPath: directory + "/GoldStandard") { return .cleaneval }
        if fm.fileExists(atPath: directory + "/annotated") { return .l3s }
        if fm.fileExists(atPath: directory + "/evaldata.subset.json") { return .snippets }
        return nil
    }

    public static func read(_ directory: String) throws -> [ExtractionPage] {
        switch layout(of: directory) {
        case .cleaneval?: return try readCleanEval(directory)
        case .l3s?: return try readL3S(directory)
        case .snippets?: return try readSnippets(directory)
        case nil:
            throw SkippedInput(origin: directory, reason: "is not an extraction set this tool knows (GoldStandard/, annotated/ or evaldata.subset.json)")
        }
    }

    static func files(_ directory: String, ext: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(ext) }.sorted()
    }

    static func readCleanEval(_ directory: String) throws -> [ExtractionPage] {
        var pages: [ExtractionPage] = []
        for name in files(directory + "/GoldStandard", ext: ".txt") {
            let id = String(name.dropLast(4))
            let html = directory + "/input/" + id + ".html"
            guard FileManager.default.fileExists(atPath: html),
                let data = FileManager.default.contents(atPath: directory + "/GoldStandard/" + name)
            else { continue }
            pages.append(ExtractionPage(id: id, htmlPath: html, gold: .text(cleanEvalText(String(decoding: data, as: UTF8.self)))))
        }
        return pages
    }

    /// CleanEval gold text without its `URL:` line and block tags, character references decoded.
    public static func cleanEvalText(_ raw: String) -> String {
        var lines: [String] = []
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            var t = line.trimmingCharacters(in: .whitespaces)
            if lines.isEmpty && t.hasPrefix("URL:") { continue }
            for tag in ["<p>", "<h>", "<l>", "<P>", "<H>", "<L>"] where t.hasPrefix(tag) {
                t = String(t.dropFirst(tag.count)).trimmingCharacters(in: .whitespaces)
            }
            if !t.isEmpty { lines.append(t) }
        }
        return HTMLEntities.decode(lines.joined(separator: "\n"))
    }

    static func readL3S(_ directory: String) throws -> [ExtractionPage] {
        var pages: [ExtractionPage] = []
        for name in files(directory + "/annotated", ext: ".html") {
            let original = directory + "/original/" + name
            guard FileManager.default.fileExists(atPath: original),
                let data = FileManager.default.contents(atPath: directory + "/annotated/" + name)
            else { continue }
            let annotated = (try? TextDecoding.decode([UInt8](data)).text) ?? ""
            let gold = HTMLExtractor.text(ofElementsWithClasses: ["x-nc-sel1", "x-nc-sel2", "x-nc-sel3"], in: annotated)
            pages.append(ExtractionPage(id: String(name.dropLast(5)), htmlPath: original, gold: .text(gold)))
        }
        return pages
    }

    static func readSnippets(_ directory: String) throws -> [ExtractionPage] {
        guard let data = FileManager.default.contents(atPath: directory + "/evaldata.subset.json") else { return [] }
        guard case .object(let entries) = try JSONParser.parse([UInt8](data)) else { return [] }
        var pages: [ExtractionPage] = []
        for url in entries.keys.sorted() {
            guard let entry = entries[url], let file = entry["file"]?.stringValue else { continue }
            // The repository looks in cache/ first, then eval/.
            let candidates = [directory + "/tests/cache/" + file, directory + "/tests/eval/" + file]
            guard let html = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else { continue }
            func strings(_ key: String) -> [String] {
                if case .array(let items)? = entry[key] { return items.compactMap(\.stringValue) }
                return []
            }
            pages.append(ExtractionPage(id: url, htmlPath: html, gold: .snippets(with: strings("with"), without: strings("without"))))
        }
        return pages
    }
}

/// Decodes the HTML character references left in gold texts (`&#8217;`, `&#x2019;`, `&rsquo;`, `&amp;`).
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "hellip": "\u{2026}", "bull": "\u{2022}", "middot": "\u{00B7}", "copy": "\u{00A9}", "reg": "\u{00AE}",
        "trade": "\u{2122}", "eacute": "\u{00E9}", "euro": "\u{20AC}", "pound": "\u{00A3}"
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semi]
                var replacement: String? = nil
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = named[String(name)]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }
}
