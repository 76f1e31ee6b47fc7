import PrecisFacts
import PrecisIngest
import PrecisJSON

extension Digest.CitedSentence {
    public var json: JSONOutput {
        var fields: [(String, JSONOutput)] = [("text", .string(text)), ("document", .int(document)), ("start", .int(start)), ("end", .int(end))]
        // The text stays exactly the source's range; readers' forms add the marks these say it lacks.
        if startsInQuotation || endsInQuotation {
            fields.append(("quotation", .object([("opens_before", .bool(startsInQuotation)), ("closes_after", .bool(endsInQuotation))])))
        }
        if let speaker {
            fields.append(
                (
                    "speaker",
                    .object([
                        ("name", .string(speaker.name)), ("document", .int(speaker.document)), ("start", .int(speaker.start)),
                        ("end", .int(speaker.end))
                    ])
                ))
        }
        if !also.isEmpty {
            fields.append(
                (
                    "also",
                    .array(
                        also.map {
                            .object([("document", .int($0.document)), ("start", .int($0.start)), ("end", .int($0.end))])
                        })
                ))
        }
        return .object(fields)
    }
}

extension Digest.Document {
    public var json: JSONOutput {
        .object([
            ("file", .string(file)), ("title", .optional(title)), ("date", .optional(date)),
            ("date_inferred", dateInferred?.json ?? .null),
            ("url", .optional(url)), ("site", .optional(site)), ("text", .string(text))
        ])
    }
}

extension InferredDate {
    /// `{"earliest", "latest", "evidence": [{"text", "document", "start", "end"}]}`.
    public var json: JSONOutput {
        .object([
            ("earliest", .optional(earliest)), ("latest", .optional(latest)),
            (
                "evidence",
                .array(
                    evidence.map { e in
                        var fields: [(String, JSONOutput)] = [
                            ("text", .string(e.text)), ("document", .int(e.document)),
                            ("start", e.start.map { .int($0) } ?? .null), ("end", e.end.map { .int($0) } ?? .null)
                        ]
                        if let removed = e.removed { fields.append(("removed", .string(removed))) }
                        return .object(fields)
                    })
            )
        ])
    }
}

extension Digest {
    /// `{"headline", "summary", "sentences", "documents", facts..., "copies"?}`.
    public var json: JSONOutput {
        .object([("headline", .optional(headline))] + jsonFields)
    }

    /// The digest's fields after its headline.
    public var jsonFields: [(String, JSONOutput)] {
        var fields: [(String, JSONOutput)] = [
            ("summary", .string(summary)),
            ("sentences", .array(sentences.map(\.json))),
            ("documents", .array(documents.map(\.json)))
        ]
        if let facts { fields += facts.jsonFields(texts: documents.map(\.text)) } else { fields.append(("timeline", .array([]))) }
        if !copies.isEmpty {
            fields.append(
                (
                    "copies",
                    .array(
                        copies.map { copy in
                            let d = copy.document
                            return .object([
                                ("file", .string(d.file)), ("title", .optional(d.title)), ("date", .optional(d.date)),
                                ("url", .optional(d.url)), ("site", .optional(d.site)), ("copy_of", .int(copy.of))
                            ])
                        })
                ))
        }
        return fields
    }
}

extension StoryDigest {
    public var json: JSONOutput {
        .object(
            [("story", .int(story)), ("headline", .optional(digest.headline)), ("articles", .int(articleCount))]
                + digest.jsonFields)
    }
}

extension SourceSpan {
    public var json: JSONOutput { json(adding: []) }

    /// The span's fields, then `extra`.
    public func json(adding extra: [(String, JSONOutput)]) -> JSONOutput {
        .object([("document", .int(document)), ("start", .int(start)), ("end", .int(end))] + extra)
    }
}

extension TimelineEntry {
    public var json: JSONOutput {
        .object([
            ("date", .string(date)), ("text", .string(text)), ("expected", .bool(expected)),
            ("date_inferred", dateInferred?.json ?? .null),
            ("sources", .array(sources.map { $0.json(adding: [("announced", .bool(announced.contains($0)))]) }))
        ])
    }
}

extension TimeExpression {
    /// The expression as `precis facts` lists it, with the document it was found in.
    public func json(document: Int) -> JSONOutput {
        .object([
            ("text", .string(text)), ("type", .string(type.rawValue)), ("value", .optional(value)),
            ("document", .int(document)), ("start", .int(start)), ("end", .int(end))
        ])
    }
}

extension Quote {
    /// The quote with its speaker's role as its source gives it (`shownRole`), when `text` (the
    /// document's text) is given; null otherwise.
    public func json(document: Int, text documentText: String? = nil) -> JSONOutput {
        .object([
            ("speaker", .string(speaker)), ("role", .optional(documentText.flatMap { shownRole(in: $0) })), ("text", .string(text)),
            ("document", .int(document)), ("start", .int(start)), ("end", .int(end)), ("direct", .bool(direct))
        ])
    }
}

extension Quantity {
    public func json(document: Int) -> JSONOutput {
        .object([
            ("value", .string(value)), ("qualifier", .optional(qualifier)), ("low", .optional(low)), ("counts", .string(counts)),
            ("text", .string(text)), ("document", .int(document)), ("start", .int(start)), ("end", .int(end))
        ])
    }
}

extension Disagreement {
    public var json: JSONOutput {
        .object([
            ("about", .string(about)), ("kind", .string(kind.rawValue)), ("summary", .string(summary)),
            ("incompatible", .array(incompatible.map { .array($0.map { .int($0) }) })),
            (
                "values",
                .array(
                    values.map { v in
                        .object([
                            ("value", .string(v.value)), ("qualifier", .optional(v.qualifier)), ("text", .string(v.text)),
                            ("document", .int(v.document)), ("start", .int(v.start)), ("end", .int(v.end)), ("date", .optional(v.date)),
                            (
                                "date_inferred",
                                v.inferredRange.map { r in .object([("earliest", .optional(r.earliest)), ("latest", .optional(r.latest))]) } ?? .null
                            )
                        ])
                    })
            )
        ])
    }
}

extension StoryFacts {
    /// `{"times", "timeline", "quotes", "numbers", "disagreements"}` with document indices; `texts`
    /// (the documents' texts) give each quote its speaker's role.
    public func jsonFields(texts: [String] = []) -> [(String, JSONOutput)] {
        func flat<T>(_ perDocument: [[T]], _ f: (T, Int) -> JSONOutput) -> JSONOutput {
            .array(perDocument.enumerated().flatMap { d, items in items.map { f($0, d) } })
        }
        return [
            ("times", flat(times) { $0.json(document: $1) }),
            ("timeline", .array(timeline.map(\.json))),
            ("quotes", flat(quotes) { $0.json(document: $1, text: $1 < texts.count ? texts[$1] : nil) }),
            ("numbers", flat(numbers) { $0.json(document: $1) }),
            ("disagreements", .array(disagreements.map(\.json))),
            (
                "entities",
                .array(
                    entities.map { e in
                        .object([
                            ("name", .string(e.name)), ("kind", .string(e.kind.rawValue)), ("mentions", .int(e.mentions)),
                            ("documents", .int(e.documents)), ("first", e.first.json)
                        ])
                    })
            )
        ]
    }
}
