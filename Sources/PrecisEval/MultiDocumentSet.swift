import PrecisIngest
import PrecisJSON

/// A cluster of documents with human reference summaries, as Multi-News and DUC sets provide:
/// `{"id", "documents": [string, ...], "references": [string, ...]}` (also `"reference"` or `"summary"`).
public struct ReferenceCluster: Sendable {
    public var id: JSONValue
    public var documents: [String]
    public var references: [String]
}

public enum MultiDocumentSet {
    /// Reads a JSON Lines file of clusters with references; lines without documents or references are
    /// reported in `skipped`.
    public static func read(_ path: String, limit: Int? = nil) throws -> (clusters: [ReferenceCluster], skipped: [SkippedInput]) {
        var clusters: [ReferenceCluster] = []
        var skipped: [SkippedInput] = []
        try InputReader(maxDocumentBytes: 256 * 1_048_576).forEachJSONLine(inFile: path) { line, result in
            if let limit, clusters.count >= limit { return }
            switch result {
            case .failure(let s):
                skipped.append(s)
            case .success(let value):
                let documents = strings(value["documents"])
                var references = strings(value["references"])
                if references.isEmpty { references = strings(value["reference"] ?? value["summary"]) }
                if documents.isEmpty || references.isEmpty {
                    skipped.append(SkippedInput(origin: "\(path):\(line)", reason: "needs \"documents\" and \"references\""))
                } else {
                    clusters.append(ReferenceCluster(id: value["id"] ?? .integer(line), documents: documents, references: references))
                }
            }
        }
        return (clusters, skipped)
    }

    static func strings(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let s)?: return [s]
        case .array(let items)?: return items.compactMap { $0.stringValue ?? $0["text"]?.stringValue }
        default: return []
        }
    }
}

/// Cuts a summary to its first `words` words (runs between white space), keeping line breaks between
/// the sentences that remain, as evaluations that "cut at N words" do.
public func truncateWords(_ text: String, to words: Int) -> String {
    var out = ""
    var count = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
        var kept: [Substring] = []
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if count >= words { break }
            kept.append(word)
            count += 1
        }
        if !kept.isEmpty {
            if !out.isEmpty { out += "\n" }
            out += kept.joined(separator: " ")
        }
        if count >= words { break }
    }
    return out
}
