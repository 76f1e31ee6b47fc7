import PrecisText

/// An article as story clustering sees it: its clean text and, when known, its publication date.
public struct StoryDocument: Sendable {
    public var text: String
    /// The headline, when it is not part of `text` (its words count as the lead's).
    public var title: String?
    /// Publication date, ISO 8601 ("2014-11-18" or a full timestamp); only the day is used.
    public var date: String?

    public init(text: String, title: String? = nil, date: String? = nil) {
        self.text = text
        self.title = title
        self.date = date
    }
}

/// Where one document went: its story, or why it has none, and the earlier document it copies.
public struct StoryAssignment: Sendable, Equatable {
    /// Story number, counted from 0 in order of each story's first document; nil for a non-article.
    public var story: Int?
    /// Index of the earlier document this one is a near-copy of (wire copy, re-post), if any.
    public var duplicateOf: Int?
    /// Why the document was not clustered (it is not an article), when `story` is nil.
    public var skipReason: String?

    public init(story: Int?, duplicateOf: Int? = nil, skipReason: String? = nil) {
        self.story = story
        self.duplicateOf = duplicateOf
        self.skipReason = skipReason
    }
}

/// Days since 1970-01-01 of the date at the start of an ISO 8601 string ("2014-11-18..."), or nil.
func dayNumber(_ iso: String?) -> Int? {
    iso.flatMap(CivilDate.init(iso:))?.dayNumber
}
