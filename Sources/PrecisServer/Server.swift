import Foundation
import Hummingbird
import Precis
import PrecisIngest
import PrecisJSON
import PrecisStore
import PrecisText

/// Settings of `precis serve`.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Token that write endpoints require (`Authorization: Bearer T`); nil for none.
    public var token: String?
    /// Largest request body, in bytes.
    public var maxBodyBytes = 8 * 1_048_576
    /// Most articles in one batch.
    public var maxBatch = 1_000
    /// Word budget of story summaries.
    public var summaryWords = 150

    public init() {}

    /// Why these settings are unsafe to serve with, or nil.
    public var refusal: String? {
        let loopback = host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
        if !loopback && (token ?? "").isEmpty {
            return "refusing to listen on \(host) without a token: anyone who can reach it could write; give --token or bind to 127.0.0.1"
        }
        return nil
    }
}

/// The HTTP API over a `PrecisService`.
public enum PrecisHTTP {
    /// Counts of requests by route and status class, for /metrics.
    actor RequestCounter {
        var counts: [String: Int] = [:]
        func count(_ route: String, _ status: HTTPResponse.Status) {
            counts["route=\"\(route)\",status=\"\(status.code / 100)xx\"", default: 0] += 1
        }
    }

    public static func application(
        service: PrecisService, settings: ServerSettings, watcher: FeedWatcher? = nil,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    )
        -> some ApplicationProtocol
    {
        let router = Router()
        let counter = RequestCounter()

        @Sendable func respond(_ route: String, _ status: HTTPResponse.Status, _ body: JSONOutput) async -> Response {
            await counter.count(route, status)
            return Response(
                status: status, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: body.serialized() + "\n")))
        }
        @Sendable func failure(_ route: String, _ status: HTTPResponse.Status, _ code: String, _ message: String) async -> Response {
            await respond(route, status, .object([("error", .object([("code", .string(code)), ("message", .string(message))]))]))
        }

        router.add(middleware: GuardMiddleware())
        if let watcher { FeedRoutes.add(to: router, watcher: watcher, settings: settings) }

        // The pages' style and script are files of their own, so that the pages' Content-Security-Policy
        // can forbid every inline script and style.
        router.get("assets/precis.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.style)))
        }
        router.get("assets/precis.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.script)))
        }

        router.get("health") { _, _ in
            await respond("health", .ok, .object([("status", .string("ok"))]))
        }

        router.get("metrics") { _, _ in
            let text = (try? await service.metrics(requests: await counter.counts)) ?? ""
            await counter.count("metrics", .ok)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }

        router.post("api/articles") { request, _ -> Response in
            if let token = settings.token, !token.isEmpty {
                guard request.headers[.authorization] == "Bearer \(token)" else {
                    return await failure("articles", .unauthorized, "unauthorized", "this endpoint needs the header 'Authorization: Bearer <token>'")
                }
            }
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: settings.maxBodyBytes)
            } catch {
                return await failure("articles", .contentTooLarge, "too_large", "the body is over \(settings.maxBodyBytes) bytes")
            }
            let bytes = Array(body.readableBytesView)
            let type = request.headers[.contentType]?.lowercased() ?? ""
            let items: [RawDocument]
            switch ArticleRequest.parse(bytes, contentType: type, maxBatch: settings.maxBatch) {
            case .failure(let e): return await failure("articles", e.status, e.code, e.message)
            case .success(let parsed): items = parsed
            }
            var results: [JSONOutput] = []
            var anyStored = false
            for outcome in await service.ingest(batch: items) {
                switch outcome {
                case .stored(let r):
                    anyStored = true
                    var fields: [(String, JSONOutput)] = [
                        ("id", .int(Int(r.id))), ("created", .bool(r.created)),
                        ("story", r.story.map { .int(Int($0)) } ?? .null)
                    ]
                    if let reason = r.skipReason { fields.append(("reason", .string(reason))) }
                    results.append(.object(fields))
                case .rejected(let reason):
                    results.append(.object([("id", .null), ("error", .object([("code", .string("not_an_article")), ("message", .string(reason))]))]))
                }
            }
            if !anyStored && items.count == 1, case .object(let fields)? = results.first,
                let error = fields.first(where: { $0.0 == "error" })?.1, case .object(let e) = error,
                case .string(let message)? = e.first(where: { $0.0 == "message" })?.1
            {
                return await failure("articles", .unprocessableContent, "not_an_article", message)
            }
            return await respond("articles", anyStored ? .created : .unprocessableContent, .object([("articles", .array(results))]))
        }

        router.get("api/stories") { request, _ -> Response in
            let limit: Int, offset: Int
            switch Paging.read(request.uri.queryParameters, defaultLimit: 20) {
            case .failure(let problem): return await failure("stories", .badRequest, "bad_parameter", problem.message)
            case .success(let window): (limit, offset) = window
            }
            do {
                let (stories, total) = try await service.stories(limit: limit, offset: offset)
                return await respond(
                    "stories", .ok,
                    .object([
                        (
                            "stories",
                            .array(
                                stories.map { s in
                                    .object([
                                        ("id", .int(Int(s.id))), ("headline", .optional(s.headline)), ("articles", .int(s.articles)),
                                        ("first_date", .optional(s.firstDate)), ("latest_date", .optional(s.latestDate))
                                    ])
                                })
                        ),
                        ("total", .int(total)), ("limit", .int(limit)), ("offset", .int(offset))
                    ]))
            } catch {
                return await failure("stories", .internalServerError, "store", "\(error)")
            }
        }

        router.get("api/stories/:id") { request, context -> Response in
            guard let id = context.parameters.get("id", as: Int64.self) else {
                return await failure("story", .badRequest, "bad_parameter", "the story id is a number")
            }
            do {
                switch try await service.story(id, words: settings.summaryWords) {
                case .story(let json, _):
                    await counter.count("story", .ok)
                    return Response(
                        status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: json)))
                case .merged(let into):
                    return await redirect(
                        "story", to: "/api/stories/\(into)", .permanentRedirect,
                        JSONOutput.object([
                            (
                                "error",
                                .object([
                                    ("code", .string("merged")), ("message", .string("story \(id) is now part of story \(into)")),
                                    ("story", .int(Int(into)))
                                ])
                            )
                        ]).serialized() + "\n",
                        type: "application/json; charset=utf-8")
                case .none:
                    return await failure("story", .notFound, "not_found", "no story \(id)")
                }
            } catch {
                return await failure("story", .internalServerError, "store", "\(error)")
            }
        }

        router.get("api/search") { request, _ -> Response in
            let q = request.uri.queryParameters["q"].map(String.init) ?? ""
            guard !q.trimmingCharacters(in: .whitespaces).isEmpty, q.count <= 200 else {
                return await failure("search", .badRequest, "bad_parameter", "give q, 1 to 200 characters")
            }
            do {
                let found = try await service.search(q, limit: 50)
                return await respond(
                    "search", .ok,
                    .object([
                        (
                            "articles",
                            .array(
                                found.map { a in
                                    .object([
                                        ("id", .int(Int(a.id))), ("story", a.story.map { .int(Int($0)) } ?? .null), ("title", .optional(a.title)),
                                        ("date", .optional(a.date)), ("url", .optional(a.url)),
                                        ("authors", .array(a.authors.map { .string($0) }))
                                    ])
                                })
                        )
                    ]))
            } catch {
                return await failure("search", .internalServerError, "store", "\(error)")
            }
        }

        @Sendable func redirect(_ route: String, to location: String, _ status: HTTPResponse.Status, _ body: String, type: String) async -> Response {
            await counter.count(route, status)
            return Response(
                status: status, headers: [.location: location, .contentType: type],
                body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        @Sendable func page(_ route: String, _ status: HTTPResponse.Status, _ html: String) async -> Response {
            await counter.count(route, status)
            return Response(
                status: status, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: html)))
        }

        router.get("/") { request, _ -> Response in
            let query = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            let offset: Int
            switch Paging.read(request.uri.queryParameters, defaultLimit: 20, limitAllowed: false) {
            case .failure(let problem): return await page("page", .badRequest, Pages.problem("Bad request", problem.message))
            case .success(let window): offset = window.offset
            }
            do {
                if !query.isEmpty {
                    let found = try await service.search(String(query.prefix(200)), limit: 50)
                    return await page("page", .ok, Pages.storyList([], total: 0, offset: 0, limit: 0, query: query, results: found))
                }
                let (stories, total) = try await service.stories(limit: 20, offset: offset)
                // The gists come from the stored digests; those not made yet are made at once, concurrently.
                let gists = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                    for (k, s) in stories.enumerated() {
                        group.addTask {
                            guard case .story(let json, _) = try await service.story(s.id, words: settings.summaryWords) else { return (k, nil) }
                            return (k, Self.gist(json))
                        }
                    }
                    var out = [String?](repeating: nil, count: stories.count)
                    for try await (k, gist) in group { out[k] = gist }
                    return out
                }
                let rows = stories.enumerated().map { (story: $0.element, gist: gists[$0.offset]) }
                return await page("page", .ok, Pages.storyList(rows, total: total, offset: offset, limit: 20, query: "", results: []))
            } catch {
                return await page("page", .internalServerError, Pages.notFound("The store could not be read: \(error)"))
            }
        }

        router.get("stories/:id") { _, context -> Response in
            guard let id = context.parameters.get("id", as: Int64.self) else {
                return await page("page", .notFound, Pages.notFound("There is no such story."))
            }
            do {
                switch try await service.story(id, words: settings.summaryWords) {
                case .story(_, let html):
                    return await page("page", .ok, html)
                case .merged(let into):
                    return await redirect(
                        "page", to: "/stories/\(into)", .movedPermanently,
                        Pages.problem("Moved", "Story \(id) is now part of story \(into)."), type: "text/html; charset=utf-8")
                case .none:
                    return await page("page", .notFound, Pages.notFound("There is no story \(id)."))
                }
            } catch {
                return await page("page", .internalServerError, Pages.notFound("The store could not be read: \(error)"))
            }
        }

        router.get("articles/:id") { request, context -> Response in
            guard let id = context.parameters.get("id", as: Int64.self), let a = try? await service.article(id: id) else {
                return await page("page", .notFound, Pages.notFound("There is no such article."))
            }
            let showRemoved = request.uri.queryParameters["removed"].map { $0 == "1" } ?? false
            return await page("page", .ok, Pages.article(a, showRemoved: showRemoved))
        }

        return Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "precis"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) }
        )
    }

    /// The first sentence of a digest's summary (from its JSON), for the story list.
    static func gist(_ json: String) -> String? {
        guard let value = try? JSONParser.parse(Array(json.utf8)), case .array(let sentences)? = value["sentences"],
            let first = sentences.first?["text"]?.stringValue
        else { return nil }
        return first.count > 240 ? String(first.prefix(240)) + "…" : first
    }

    /// GET /api/stories/{id}: the story's id and headline, then the digest as summarize writes it.
    static func storyJSON(id: Int64, _ digest: Digest) -> String {
        var fields: [(String, JSONOutput)] = [("id", .int(Int(id))), ("headline", .optional(digest.headline))]
        fields += digest.jsonFields
        return JSONOutput.object(fields).serialized() + "\n"
    }
}

/// Security headers on every answer, and an answer in the route's own form for a path no route
/// serves: a JSON error under /api/, a page elsewhere (the router's own 404 is empty).
struct GuardMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: HTTPFields {
        [
            .contentSecurityPolicy:
                "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            .xContentTypeOptions: "nosniff",
            .init("X-Frame-Options")!: "DENY",
            .init("Referrer-Policy")!: "no-referrer"
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            let path = request.uri.path
            if path == "/api" || path.hasPrefix("/api/") {
                let body = JSONOutput.object([
                    (
                        "error",
                        .object([
                            ("code", .string(error.status == .notFound ? "not_found" : "method_not_allowed")),
                            ("message", .string("no route \(request.method.rawValue) \(String(path.prefix(200)))"))
                        ])
                    )
                ])
                response = Response(
                    status: error.status, headers: [.contentType: "application/json; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: body.serialized() + "\n")))
            } else {
                response = Response(
                    status: error.status, headers: [.contentType: "text/html; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: Pages.notFound("There is no such page."))))
            }
        }
        response.headers.append(contentsOf: Self.headers)
        return response
    }
}

/// The `limit` and `offset` of a listing, read from the query string and checked before any
/// arithmetic uses them: a limit of 1 to 200, an offset of 0 to `maxOffset`. Anything else (not a
/// number, negative, `9223372036854775807`, given twice) is a message for a 400 answer.
enum Paging {
    static let maxLimit = 200
    static let maxOffset = 1_000_000_000

    static func read(_ query: Hummingbird.Parameters, defaultLimit: Int, limitAllowed: Bool = true)
        -> Result<(limit: Int, offset: Int), PagingError>
    {
        func number(_ name: String, default value: Int, in range: ClosedRange<Int>) -> Result<Int, PagingError> {
            let given = query.getAll(name)
            guard !given.isEmpty else { return .success(value) }
            guard given.count == 1, let text = given.first, text.count <= 12, let n = Int(text), range.contains(n) else {
                return .failure(PagingError(message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            return .success(n)
        }
        let limit: Int
        if limitAllowed {
            switch number("limit", default: defaultLimit, in: 1...maxLimit) {
            case .failure(let e): return .failure(e)
            case .success(let n): limit = n
            }
        } else {
            limit = defaultLimit
        }
        switch number("offset", default: 0, in: 0...maxOffset) {
        case .failure(let e): return .failure(e)
        case .success(let n): return .success((limit, n))
        }
    }
}

struct PagingError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Reads the body of POST /api/articles: one JSON article, a batch `{"articles": [...]}`, or a raw
/// text/plain or text/html body.
enum ArticleRequest {
    struct Problem: Error {
        var status: HTTPResponse.Status
        var code: String
        var message: String
    }

    static func parse(_ bytes: [UInt8], contentType: String, maxBatch: Int) -> Result<[RawDocument], Problem> {
        guard !bytes.isEmpty else { return .failure(Problem(status: .badRequest, code: "empty", message: "the body is empty")) }
        if contentType.hasPrefix("text/plain") || contentType.hasPrefix("text/html") {
            let invalid = TextDecoding.scanUTF8(bytes[...]).invalid
            guard invalid == 0 else {
                return .failure(Problem(status: .badRequest, code: "invalid_utf8", message: "the body is not valid UTF-8 (\(invalid) bad sequences)"))
            }
            let format: ContentFormat = contentType.hasPrefix("text/html") ? .html : .text
            return .success([RawDocument(origin: "request", format: format, content: String(decoding: bytes, as: UTF8.self))])
        }
        guard contentType.hasPrefix("application/json") else {
            return .failure(
                Problem(
                    status: .unsupportedMediaType, code: "unsupported_type",
                    message: "send application/json, text/plain or text/html, not '\(contentType)'"))
        }
        guard TextDecoding.scanUTF8(bytes[...]).invalid == 0 else {
            return .failure(Problem(status: .badRequest, code: "invalid_utf8", message: "the body is not valid UTF-8"))
        }
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch {
            return .failure(Problem(status: .badRequest, code: "invalid_json", message: "the body is not valid JSON: \(error)"))
        }
        var objects: [JSONValue]
        if case .array(let items)? = value["articles"] {
            // Nothing beside the batch is read, so nothing may stand there unseen.
            if case .object(let fields) = value, let other = fields.keys.sorted().first(where: { $0 != "articles" }) {
                return .failure(Problem(status: .badRequest, code: "invalid_batch", message: "unknown field \"\(other)\" beside \"articles\""))
            }
            objects = items
        } else {
            objects = [value]
        }
        guard !objects.isEmpty else { return .failure(Problem(status: .badRequest, code: "empty", message: "the batch has no articles")) }
        guard objects.count <= maxBatch else {
            return .failure(Problem(status: .contentTooLarge, code: "batch_too_large", message: "a batch holds at most \(maxBatch) articles"))
        }
        var out: [RawDocument] = []
        for (k, item) in objects.enumerated() {
            switch validate(item, index: k) {
            case .failure(let p): return .failure(p)
            case .success(let raw): out.append(raw)
            }
        }
        return .success(out)
    }

    static func validate(_ item: JSONValue, index k: Int) -> Result<RawDocument, Problem> {
        func bad(_ m: String) -> Result<RawDocument, Problem> { .failure(Problem(status: .badRequest, code: "invalid_article", message: "article \(k): \(m)")) }
        guard case .object(let fields) = item else { return bad("is not an object") }
        let known: Set<String> = ["text", "html", "url", "title", "date", "id", "authors"]
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) { return bad("unknown field \"\(unknown)\"") }
        for key in ["text", "html", "url", "title", "date"] {
            if let v = fields[key], v.stringValue == nil, v != .null { return bad("\"\(key)\" must be a string") }
        }
        let text = fields["text"]?.stringValue, html = fields["html"]?.stringValue
        guard (text == nil) != (html == nil) else { return bad("give exactly one of \"text\" or \"html\"") }
        if let url = fields["url"]?.stringValue {
            guard webAddress(url) != nil else { return bad("\"url\" must be an http(s) address of at most 2048 characters (it is recorded, never fetched)") }
        }
        if let title = fields["title"]?.stringValue, title.count > 1_000 { return bad("\"title\" is over 1000 characters") }
        var authors: [String] = []
        if let value = fields["authors"], value != .null {
            let invalid = bad("\"authors\" must be a list of at most 50 names, each one line of at most 200 characters")
            guard case .array(let names) = value, names.count <= 50 else { return invalid }
            authors = names.compactMap(\.stringValue)
            guard authors.count == names.count, authors.allSatisfy({ !$0.isEmpty && $0.count <= 200 && !$0.contains("\n") }) else { return invalid }
        }
        if let date = fields["date"]?.stringValue {
            guard CivilDate(iso: date) != nil else { return bad("\"date\" must be ISO 8601, e.g. 2014-11-18 or 2014-11-18T09:30:00Z") }
        }
        return .success(
            RawDocument(
                origin: "request#\(k)", format: html != nil ? .html : .text, content: html ?? text!,
                title: fields["title"]?.stringValue, date: fields["date"]?.stringValue,
                url: fields["url"]?.stringValue, id: fields["id"], authors: authors))
    }
}
