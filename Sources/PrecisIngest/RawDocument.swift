import PrecisJSON

/// How a document's content is written.
public enum ContentFormat: String, Sendable, Codable {
    case text
    case html
}

/// One article as it came in, before extraction: decoded text plus whatever the input said about it.
public struct RawDocument: Sendable {
    /// Where it came from: a file path, `-` for standard input, or `FILE:LINE` for a JSON Lines record
    /// (`FILE:LINE#K` for the K-th document of a cluster).
    public var origin: String
    public var format: ContentFormat
    public var content: String
    /// Metadata given with the input (JSON fields); extraction may find more.
    public var title: String?
    public var date: String?
    public var url: String?
    /// Author names given with the input (a feed item's author, a JSON `"authors"` list).
    public var authors: [String] = []
    public var id: JSONValue?
    /// The encoding the bytes were read in, and how many invalid sequences were replaced.
    public var encoding: String
    public var replacedSequences: Int

    public init(
        origin: String, format: ContentFormat, content: String, title: String? = nil, date: String? = nil,
        url: String? = nil, id: JSONValue? = nil, encoding: String = "utf-8", replacedSequences: Int = 0,
        authors: [String] = []
    ) {
        self.origin = origin
        self.format = format
        self.content = content
        self.title = title
        self.date = date
        self.url = url
        self.id = id
        self.encoding = encoding
        self.replacedSequences = replacedSequences
        self.authors = authors
    }
}

/// A group of documents given as one story: `{"id": ..., "documents": [string, ...]}`.
public struct Cluster: Sendable {
    public var id: JSONValue
    public var origin: String
    public var documents: [RawDocument]

    public init(id: JSONValue, origin: String, documents: [RawDocument]) {
        self.id = id
        self.origin = origin
        self.documents = documents
    }
}

/// An input that was passed over, and why, so nothing is lost without a word.
public struct SkippedInput: Error, Sendable, Equatable, CustomStringConvertible {
    public var origin: String
    public var reason: String

    public init(origin: String, reason: String) {
        self.origin = origin
        self.reason = reason
    }

    public var description: String { "\(origin): \(reason)" }
}

/// Everything read from the inputs of one command.
public struct Intake: Sendable {
    public var documents: [RawDocument] = []
    public var clusters: [Cluster] = []
    public var skipped: [SkippedInput] = []
    /// Notes that lose nothing but are worth telling (replaced bytes, encodings guessed).
    public var notes: [String] = []

    public init() {}
}
