import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix

/// How a `Fetcher` behaves.
public struct FetchSettings: Sendable {
    /// The User-Agent: names Precis and says what it is.
    public var userAgent = "Precis/1.0 (feed reader; +https://github.com/precis-news/precis)"
    /// The product token robots.txt groups are matched against.
    public var robotsAgent = "Precis"
    /// Largest body (after decompression), in bytes.
    public var maxBytes = 10 * 1_048_576
    public var maxRedirects = 5
    public var connectTimeout: Duration = .seconds(10)
    /// For the whole request, redirects and body included.
    public var totalTimeout: Duration = .seconds(30)
    /// Pause between two requests to one host.
    public var hostDelay: Duration = .seconds(1)
    /// Allows loopback, private, link-local and other non-public addresses (tests, intranets).
    public var allowPrivateNetworks = false
    /// Allows the machine's own loopback addresses only (127.0.0.0/8, ::1), not the private networks.
    public var allowLoopback = false

    public init() {}
}

/// Why a fetch gave no answer.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case badURL(String)
    case unsupportedScheme(String)
    case cannotResolve(String, String)
    case refusedAddress(host: String, address: String, reason: String)
    case tooManyRedirects(Int)
    case redirectWithoutLocation(Int)
    case tooLarge(Int)
    case timeout(Duration)
    case disallowedByRobots(String)
    case transport(String)

    public var description: String {
        switch self {
        case .badURL(let u): return "not a valid address: \(u.prefix(200))"
        case .unsupportedScheme(let why): return why
        case .cannotResolve(let host, let why): return "cannot resolve \(host): \(why)"
        case .refusedAddress(let host, let address, let reason):
            return "refused to connect to \(host) (\(address)): \(reason) address; give --allow-private-networks to allow it"
        case .tooManyRedirects(let n): return "more than \(n) redirects"
        case .redirectWithoutLocation(let status): return "redirect \(status) without a Location"
        case .tooLarge(let n): return "the body is over \(n) bytes"
        case .timeout(let d): return "no complete answer within \(d)"
        case .disallowedByRobots(let url): return "robots.txt disallows \(url.prefix(200))"
        case .transport(let why): return why
        }
    }
}

/// A conditional GET: validators from the last answer, sent back so the server can say 304.
public struct FetchRequest: Sendable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var accept: String

    public init(
        url: String, etag: String? = nil, lastModified: String? = nil,
        accept: String = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
    ) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.accept = accept
    }
}

/// The final answer of a fetch, after redirects.
public struct FetchResponse: Sendable {
    public var status: Int
    /// The address that answered (the last redirect's target).
    public var url: String
    public var body: [UInt8]
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// Retry-After, in seconds (given as a number or as a date).
    public var retryAfter: Int?
    public var redirects: Int

    public var notModified: Bool { status == 304 }
}

/// Fetches feeds and pages as a good citizen: one request at a time per host with a pause between
/// them, conditional GETs, gzip, at most `maxRedirects` redirects, connect and total timeouts, a
/// size cap, robots.txt for pages, and no connection to a non-public address unless allowed.
///
/// Each request resolves the host itself, checks every address, and pins the connection to the
/// address it checked (so a second lookup cannot answer with another one); redirects are followed
/// here, hop by hop, each hop checked the same way.
public final class Fetcher: Sendable {
    public let settings: FetchSettings
    private let pacer: HostPacer
    private let robots = RobotsCache()

    public init(settings: FetchSettings = FetchSettings()) {
        self.settings = settings
        self.pacer = HostPacer(delay: settings.hostDelay)
    }

    /// Fetches a feed (no robots.txt check: a feed is published to be polled).
    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        try await withTotalTimeout { try await self.follow(request) }
    }

    /// Fetches an article page, if the site's robots.txt allows it.
    public func fetchPage(url: String) async throws -> FetchResponse {
        let target = try Self.check(url)
        let rules = try await robotsRules(for: target)
        let path = (target.path.isEmpty ? "/" : target.path) + (target.query.map { "?\($0)" } ?? "")
        guard rules.allows(path: path) else { throw FetchError.disallowedByRobots(url) }
        return try await fetch(FetchRequest(url: url, accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"))
    }

    func robotsRules(for target: URLComponents) async throws -> RobotsRules {
        guard let scheme = target.scheme?.lowercased(), let host = target.host?.lowercased() else { return .allowAll }
        let origin = "\(scheme)://\(host)" + (target.port.map { ":\($0)" } ?? "")
        if let known = await robots.rules(origin) { return known }
        let rules: RobotsRules
        do {
            let r = try await fetch(FetchRequest(url: origin + "/robots.txt", accept: "text/plain"))
            switch r.status {
            case 200..<300: rules = RobotsRules(parsing: String(decoding: r.body.prefix(512 * 1024), as: UTF8.self), agent: settings.robotsAgent)
            case 500...: rules = .disallowAll
            default: rules = .allowAll
            }
        } catch let e as FetchError {
            switch e {
            case .refusedAddress, .unsupportedScheme, .badURL: throw e
            default: rules = .disallowAll
            }
        }
        await robots.store(origin, rules)
        return rules
    }

    func withTotalTimeout<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let limit = settings.totalTimeout
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw FetchError.timeout(limit) }
            return value
        }
    }

    /// The URL's parts when it may be fetched at all (http or https, with a host).
    static func check(_ url: String) throws -> URLComponents {
        guard url.utf8.count <= 4096, let c = URLComponents(string: url) else { throw FetchError.badURL(url) }
        if let why = AddressPolicy.schemeRefusal(c.scheme) { throw FetchError.unsupportedScheme(why) }
        guard let host = c.host, !host.isEmpty else { throw FetchError.badURL(url) }
        return c
    }

    private func follow(_ request: FetchRequest) async throws -> FetchResponse {
        var url = request.url
        var redirects = 0
        while true {
            let target = try Self.check(url)
            let hop = url
            let response = try await pacer.oneAtATime(host: target.host!.lowercased()) {
                try await self.once(request, url: hop, target: target)
            }
            switch response.status.code {
            case 301, 302, 303, 307, 308:
                guard let location = response.headers.first(name: "location"), !location.isEmpty else {
                    throw FetchError.redirectWithoutLocation(Int(response.status.code))
                }
                guard redirects < settings.maxRedirects else { throw FetchError.tooManyRedirects(settings.maxRedirects) }
                redirects += 1
                guard let next = URL(string: location, relativeTo: URL(string: url))?.absoluteString else {
                    throw FetchError.badURL(location)
                }
                url = next
            default:
                let body = response.status == .notModified ? [] : try await collect(response.body)
                let h = response.headers
                return FetchResponse(
                    status: Int(response.status.code), url: url, body: body,
                    contentType: h.first(name: "content-type"), etag: h.first(name: "etag"),
                    lastModified: h.first(name: "last-modified"),
                    retryAfter: h.first(name: "retry-after").flatMap { Self.retryAfterSeconds($0, now: Date()) },
                    redirects: redirects)
            }
        }
    }

    private func collect(_ body: HTTPClientResponse.Body) async throws -> [UInt8] {
        var out: [UInt8] = []
        do {
            for try await chunk in body {
                guard out.count + chunk.readableBytes <= settings.maxBytes else { throw FetchError.tooLarge(settings.maxBytes) }
                out.append(contentsOf: chunk.readableBytesView)
            }
        } catch let e as NIOHTTPDecompression.DecompressionError where e == .limit {
            throw FetchError.tooLarge(settings.maxBytes)
        }
        return out
    }

    /// One request to one address, no redirect followed. The response's body is read by the caller
    /// while the client is still up; the client shuts down when the body is done or dropped.
    private func once(_ request: FetchRequest, url: String, target: URLComponents) async throws -> HTTPClientResponse {
        let host = target.host!
        let address: IPAddress
        let found: [IPAddress]
        if let literal = IPAddress(host) {
            found = [literal]
        } else {
            found = try await Self.resolve(host: host, port: target.port ?? (target.scheme?.lowercased() == "https" ? 443 : 80))
        }
        address = try AddressPolicy.choose(
            host: host, addresses: found, allowPrivate: settings.allowPrivateNetworks,
            allowLoopback: settings.allowLoopback
        ).get()
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .nanoseconds(
                    Int64(settings.connectTimeout.components.seconds) * 1_000_000_000
                        + settings.connectTimeout.components.attoseconds / 1_000_000_000),
                read: .seconds(Int64(settings.totalTimeout.components.seconds))),
            decompression: .enabled(limit: .size(settings.maxBytes))
        )
        if IPAddress(host) == nil {
            // Connect to the address that was checked, whatever a second lookup would say; TLS still
            // checks the certificate against the host name.
            configuration.dnsOverride = [host: address.description]
        }
        configuration.connectionPool = .init(idleTimeout: .seconds(1))
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        var r = HTTPClientRequest(url: url)
        r.headers.add(name: "User-Agent", value: settings.userAgent)
        r.headers.add(name: "Accept", value: request.accept)
        r.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if url == request.url {
            if let etag = request.etag { r.headers.add(name: "If-None-Match", value: etag) }
            if let lm = request.lastModified { r.headers.add(name: "If-Modified-Since", value: lm) }
        }
        do {
            let response = try await client.execute(r, timeout: .seconds(Int64(settings.totalTimeout.components.seconds)))
            // Read the body here so the client can be shut down before returning.
            var copy = response
            let body = response.status == .notModified ? [] : try await collect(response.body)
            copy.body = .bytes(ByteBuffer(bytes: body))
            try? await client.shutdown()
            return copy
        } catch let e as FetchError {
            try? await client.shutdown()
            throw e
        } catch {
            try? await client.shutdown()
            if let e = error as? HTTPClientError, e == .deadlineExceeded || e == .readTimeout {
                throw FetchError.timeout(settings.totalTimeout)
            }
            if let e = error as? HTTPClientError, e == .connectTimeout {
                throw FetchError.transport("could not connect to \(host) within \(settings.connectTimeout)")
            }
            throw FetchError.transport("\(host): \(error)")
        }
    }

    /// Retry-After in seconds: a number of seconds, or an HTTP date (IMF-fixdate) from `now`; nil
    /// for anything else.
    public static func retryAfterSeconds(_ value: String, now: Date) -> Int? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let n = Int(v) { return n >= 0 ? n : nil }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = f.date(from: v) else { return nil }
        return max(0, Int(date.timeIntervalSince(now).rounded(.up)))
    }

    /// Every address a host name resolves to (getaddrinfo, on NIO's thread pool).
    static func resolve(host: String, port: Int) async throws -> [IPAddress] {
        let result: Result<[IPAddress], FetchError> = try await NIOThreadPool.singleton.runIfActive {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            hints.ai_family = AF_UNSPEC
            var list: UnsafeMutablePointer<addrinfo>? = nil
            let rc = getaddrinfo(host, String(port), &hints, &list)
            guard rc == 0 else { return .failure(.cannotResolve(host, String(cString: gai_strerror(rc)))) }
            defer { freeaddrinfo(list) }
            var out: [IPAddress] = []
            var p = list
            while let info = p {
                if let sa = info.pointee.ai_addr {
                    if info.pointee.ai_family == AF_INET {
                        let a = sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr.s_addr }
                        out.append(.v4(UInt32(bigEndian: a)))
                    } else if info.pointee.ai_family == AF_INET6 {
                        var a = sa.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                        out.append(.v6(withUnsafeBytes(of: &a) { Array($0) }))
                    }
                }
                p = info.pointee.ai_next
            }
            return .success(out)
        }
        return try result.get()
    }
}

/// One request at a time per host, with a pause between the end of one and the start of the next.
actor HostPacer {
    let delay: Duration
    private var busy: Set<String> = []
    private var freeAt: [String: ContinuousClock.Instant] = [:]
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(delay: Duration) { self.delay = delay }

    func oneAtATime<T: Sendable>(host: String, _ body: @Sendable () async throws -> T) async throws -> T {
        while busy.contains(host) {
            await withCheckedContinuation { waiters[host, default: []].append($0) }
        }
        busy.insert(host)
        if let at = freeAt[host], at > .now {
            try? await Task.sleep(until: at, clock: .continuous)
        }
        defer {
            busy.remove(host)
            freeAt[host] = .now + delay
            if var queue = waiters[host], !queue.isEmpty {
                let next = queue.removeFirst()
                waiters[host] = queue.isEmpty ? nil : queue
                next.resume()
            }
        }
        return try await body()
    }
}

actor RobotsCache {
    private var known: [String: RobotsRules] = [:]
    func rules(_ origin: String) -> RobotsRules? { known[origin] }
    func store(_ origin: String, _ rules: RobotsRules) {
        if known.count > 10_000 { known.removeAll() }
        known[origin] = rules
    }
}
