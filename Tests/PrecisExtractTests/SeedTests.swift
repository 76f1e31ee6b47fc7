import Foundation
import PrecisIngest
import PrecisText
import Testing

@testable import PrecisExtract

/// The five real articles in ../shared/data/seeds, read in place (never copied into the repository).
enum Seeds {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/seeds")

    static var available: Bool { FileManager.default.fileExists(atPath: directory.path) }

    static func article(_ prefix: String) throws -> Article {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        let name = try #require(files.first { $0.hasPrefix(prefix) })
        let content = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return try ArticleExtractor().extract(RawDocument(origin: name, format: .text, content: content)).get()
    }

    static func paragraphs(_ a: Article) -> [String] {
        a.text.components(separatedBy: "\n\n")
    }
}

@Suite(.enabled(if: Seeds.available, "needs ../shared/data/seeds"))
struct SeedExtractionTests {
    /// Body paragraphs (headings included) counted by reading each seed.
    @Test(arguments: [("000", 19), ("001", 13), ("002", 18), ("003", 1), ("004", 22)])
    func keepsEveryBodyParagraphOnce(_ prefix: String, _ expected: Int) throws {
        let a = try Seeds.article(prefix)
        let paragraphs = Seeds.paragraphs(a)
        #expect(paragraphs.count == expected)
        let keys = paragraphs.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
        #expect(Set(keys).count == keys.count, "a paragraph is kept twice")
    }

    @Test func noJunkLineIsLeft() throws {
        let cleaner = ScrapedTextCleaner()
        for prefix in ["000", "001", "002", "003", "004"] {
            let a = try Seeds.article(prefix)
            for line in a.text.split(separator: "\n") {
                let l = line.lowercased()
                #expect(!cleaner.isLayout(String(line)), "layout words left in \(prefix): \(line)")
                for phrase in cleaner.phrases.appeal + cleaner.phrases.widget {
                    #expect(!l.contains(phrase), "junk left in \(prefix): \(line)")
                }
                for phrase in cleaner.phrases.credit + cleaner.phrases.tail {
                    #expect(!l.hasPrefix(phrase), "credit or end matter left in \(prefix): \(line)")
                }
            }
        }
    }

    @Test func headerOf003IsMetadata() throws {
        let a = try Seeds.article("003")
        #expect(a.date == "2014-11-18")
        #expect(a.title?.hasPrefix("United Nations Urges") == true)
        #expect(a.site == "The New York Times")
        #expect(a.keywords.count == 4)
        #expect(a.url?.hasPrefix("https://") == true)
        #expect(!a.text.hasPrefix("http"))
    }

    @Test func datelineOf001IsRead() throws {
        #expect(try Seeds.article("001").date == "2014-11-10")
    }

    @Test func repeatedBodyOf004IsRemovedAsDuplicates() throws {
        let a = try Seeds.article("004")
        #expect(a.removed.filter { $0.reason == .duplicate }.count >= 20)
    }
}
