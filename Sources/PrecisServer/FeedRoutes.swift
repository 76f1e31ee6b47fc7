import Foundation
import Hummingbird
import Precis
import PrecisIngest
import PrecisJSON
import PrecisStore

/// The feed endpoints of `precis serve --feeds`: `GET /api/feeds`, `POST /api/feeds {"url"}`,
/// `DELETE /api/feeds/{id}` (the writes token-protected like `POST /api/articles`), and the page
/// `/feeds` that lists the feeds and their health.
enum FeedRoutes {
    static func add(to router: Router<BasicRequestContext>, watcher: FeedWatcher, settings: ServerSettings) {
        @Sendable func json(_ status: HTTPResponse.Status, _ body: JSONOutput) -> Response {
            Response(
                status: status, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: body.serialized() + "\n")))
        }
        @Sendable func failure(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> Response {
            json(status, .object([("error", .object([("code", .string(code)), ("message", .string(message))]))]))
        }
        @Sendable func authorized(_ request: Request) -> Bool {
            guard let token = settings.token, !token.isEmpty else { return true }
            return request.headers[.authorization] == "Bearer \(token)"
        }
        let unauthorized = "this endpoint needs the header 'Authorization: Bearer <token>'"

        router.get("api/feeds") { _, _ -> Response in
            do {
                let feeds = try await watcher.feeds.feeds()
                return json(.ok, .object([("feeds", .array(feeds.map(feedJSON)))]))
            } catch {
                return failure(.internalServerError, "store", "\(error)")
            }
        }

        router.post("api/feeds") { request, _ -> Response in
            guard authorized(request) else { return failure(.unauthorized, "unauthorized", unauthorized) }
            var request = request
            guard let body = try? await request.collectBody(upTo: 16_384) else {
                return failure(.contentTooLarge, "too_large", "the body is over 16384 bytes")
            }
            let bytes = Array(body.readableBytesView)
            guard let value = try? JSONParser.parse(bytes), case .object(let fields) = value else {
                return failure(.badRequest, "invalid_json", "send {\"url\": \"https://...\"}")
            }
            if let unknown = fields.keys.sorted().first(where: { $0 != "url" && $0 != "title" }) {
                return failure(.badRequest, "invalid_feed", "unknown field \"\(unknown)\"")
            }
            guard let url = fields["url"]?.stringValue else { return failure(.badRequest, "invalid_feed", "\"url\" must be a string") }
            let title = fields["title"]?.stringValue
            do {
                let known = try await watcher.feeds.feeds().contains { $0.url == url.trimmingCharacters(in: .whitespacesAndNewlines) }
                let feed = try await watcher.subscribe(url: url, title: title)
                if !known {
                    // Its first poll starts now, apart from the request.
                    Task { _ = await watcher.poll(feed) }
                }
                return json(known ? .ok : .created, feedJSON(feed))
            } catch let e as WatchError {
                return failure(.badRequest, "invalid_feed", e.description)
            } catch {
                return failure(.internalServerError, "store", "\(error)")
            }
        }

        router.delete("api/feeds/:id") { request, context -> Response in
            guard authorized(request) else { return failure(.unauthorized, "unauthorized", unauthorized) }
            guard let id = context.parameters.get("id", as: Int64.self) else {
                return failure(.badRequest, "bad_parameter", "the feed id is a number")
            }
            do {
                guard try await watcher.feeds.removeFeed(id: id) else { return failure(.notFound, "not_found", "no feed \(id)") }
                return Response(status: .noContent)
            } catch {
                return failure(.internalServerError, "store", "\(error)")
            }
        }

        router.get("feeds") { _, _ -> Response in
            let html: String
            var status = HTTPResponse.Status.ok
            do {
                html = page(try await watcher.feeds.feeds())
            } catch {
                status = .internalServerError
                html = Pages.notFound("The store could not be read: \(error)")
            }
            return Response(
                status: status, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    static func feedJSON(_ f: FeedRecord) -> JSONOutput {
        .object([
            ("id", .int(Int(f.id))), ("url", .string(f.url)), ("title", .optional(f.title)),
            ("last_fetch", .optional(f.lastFetch)), ("http_status", f.httpStatus.map { .int($0) } ?? .null),
            ("items_seen", .int(f.itemsSeen)), ("articles_stored", .int(f.articlesStored)),
            ("last_error", .optional(f.lastError)), ("next_poll", .optional(f.nextPoll)), ("gone", .bool(f.gone))
        ])
    }

    /// One line of health: how the last poll went.
    static func health(_ f: FeedRecord) -> String {
        if f.gone { return "gone (410): polled no more" }
        if let error = f.lastError { return "failing (\(f.errorsInRow) in a row): \(error)" }
        guard let status = f.httpStatus else { return "not polled yet" }
        return status == 304 ? "ok, not modified" : "ok (HTTP \(status))"
    }

    static func page(_ feeds: [FeedRecord]) -> String {
        let list: [[String: Any]] = feeds.map { f in
            [
                "title": f.title ?? f.url, "url": f.url, "health": health(f), "itemsSeen": f.itemsSeen, "articlesStored": f.articlesStored,
                "lastFetch": HTMLRenderer.opt(f.lastFetch), "nextPoll": HTMLRenderer.opt(f.gone ? nil : f.nextPoll)
            ]
        }
        return Pages.page(
            "feeds", title: "Feeds",
            [
                "count": "\(feeds.count) feed\(feeds.count == 1 ? "" : "s")",
                "failing": feeds.filter { $0.lastError != nil || $0.gone }.count, "feeds": list
            ])
    }
}
