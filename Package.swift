// swift-tools-version:6.0
import PackageDescription

// Pipeline stages each live in a module named after them (see docs/ARCHITECTURE.md):
// Ingest -> Extract -> Text -> Summarize, tied together by the `Precis` facade and the `precis` tool.
let package = Package(
    name: "Precis",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Precis", targets: ["Precis"]),
        .library(name: "PrecisText", targets: ["PrecisText"]),
        .executable(name: "precis", targets: ["precis"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0")
    ],
    targets: [
        // C libraries from Debian, wrapped as SwiftPM system-library targets.
        .systemLibrary(
            name: "CStemmer",
            path: "Sources/CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        .target(
            name: "PrecisText",
            dependencies: ["CStemmer"],
            resources: [
                .embedInCode("Resources/en/abbreviations.txt"),
                .embedInCode("Resources/en/stopwords.txt"),
                .embedInCode("Resources/en/datewords.txt")
            ]
        ),
        // JSON read (JSONValue, JSONParser) and written (JSONOutput, keys in order) by every stage.
        .target(name: "PrecisJSON"),
        .target(name: "PrecisIngest", dependencies: ["PrecisJSON"]),
        .target(
            name: "PrecisExtract",
            dependencies: ["PrecisText", "PrecisIngest", "PrecisJSON", "CLibXML2"],
            resources: [
                .embedInCode("Resources/en/boilerplate.txt"),
                .embedInCode("Resources/intl/boilerplate_intl.txt")
            ]
        ),
        .target(
            name: "PrecisSummarize", dependencies: ["PrecisText"],
            resources: [.embedInCode("Resources/en/openers.txt")]
        ),
        // Feeds in: RSS, Atom, CDF and JSON Feed read into items (libxml2 for XML, in recover mode).
        .target(name: "PrecisFeeds", dependencies: ["CLibXML2", "PrecisIngest", "PrecisJSON", "PrecisText"]),
        // Fetching as a good citizen: conditional GET, gzip, redirects, size caps, per-host pacing,
        // robots.txt and refusal of private addresses (SSRF) after DNS and on every redirect.
        .target(
            name: "PrecisFetch",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras")
            ]
        ),
        .target(
            name: "PrecisStories",
            dependencies: ["PrecisText", .product(name: "HeapModule", package: "swift-collections")]
        ),
        .target(
            name: "PrecisFacts",
            dependencies: ["PrecisText"],
            resources: [
                .embedInCode("Resources/en/timewords.txt"),
                .embedInCode("Resources/en/quotewords.txt"),
                .embedInCode("Resources/en/numberwords.txt")
                // The attribution tagger, in eight parts: the compiler's time on one embedded array
                // grows faster than its length, so eight small arrays build far quicker than one.
            ] + (1...8).map { .embedInCode("Resources/en/attribution.model.\($0)") }
        ),
        .target(
            name: "PrecisStore",
            dependencies: [
                "PrecisStories", "PrecisJSON", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio")
            ]
        ),
        .target(
            name: "PrecisServer",
            dependencies: [
                "Precis", "PrecisStore", "PrecisStories", "PrecisFacts", "PrecisIngest", "PrecisText", "PrecisExtract",
                "PrecisFeeds", "PrecisFetch", "PrecisJSON",
                .product(name: "Hummingbird", package: "hummingbird")
            ]
        ),
        .target(name: "PrecisEval", dependencies: ["PrecisText", "PrecisIngest", "PrecisJSON", "PrecisExtract", "PrecisStories", "PrecisFacts"]),
        .target(
            name: "Precis",
            dependencies: [
                "PrecisIngest", "PrecisJSON", "PrecisExtract", "PrecisText", "PrecisSummarize", "PrecisStories", "PrecisFacts",
                .product(name: "Mustache", package: "swift-mustache")
            ],
            // The words of the digest's own cuts, and the HTML templates of digests and of the
            // server's pages (Mustache, escaping by default).
            resources: [
                .embedInCode("Resources/en/digestwords.txt"),
                .embedInCode("Resources/templates/article.mustache"),
                .embedInCode("Resources/templates/cite.mustache"),
                .embedInCode("Resources/templates/digest.mustache"),
                .embedInCode("Resources/templates/document.mustache"),
                .embedInCode("Resources/templates/facts.mustache"),
                .embedInCode("Resources/templates/feeds.mustache"),
                .embedInCode("Resources/templates/message.mustache"),
                .embedInCode("Resources/templates/site-bottom.mustache"),
                .embedInCode("Resources/templates/site-top.mustache"),
                .embedInCode("Resources/templates/source.mustache"),
                .embedInCode("Resources/templates/story-list.mustache"),
                .embedInCode("Resources/templates/story.mustache"),
                .embedInCode("Resources/templates/summary.mustache"),
                .embedInCode("Resources/templates/text.mustache")
            ]
        ),
        .executableTarget(
            name: "precis",
            dependencies: [
                "Precis",
                "PrecisText",
                "PrecisExtract",
                "PrecisEval",
                "PrecisFacts",
                "PrecisFeeds",
                "PrecisJSON",
                "PrecisStore",
                "PrecisServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),

        .testTarget(name: "PrecisTextTests", dependencies: ["PrecisText"]),
        .testTarget(name: "PrecisExtractTests", dependencies: ["PrecisExtract", "PrecisIngest"]),
        .testTarget(name: "PrecisSummarizeTests", dependencies: ["PrecisSummarize", "PrecisText"]),
        .testTarget(name: "PrecisStoriesTests", dependencies: ["PrecisStories"]),
        .testTarget(name: "PrecisFactsTests", dependencies: ["PrecisFacts", "PrecisText"]),
        .testTarget(
            name: "PrecisStoreTests",
            dependencies: [
                "PrecisStore", "PrecisStories", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio")
            ]),
        .testTarget(
            name: "PrecisServerTests",
            dependencies: ["PrecisServer", "PrecisStore", "PrecisIngest", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PrecisEvalTests", dependencies: ["PrecisEval", "PrecisExtract"]),
        .testTarget(name: "PrecisFeedsTests", dependencies: ["PrecisFeeds"]),
        // Fetching and watching, against servers the tests start on 127.0.0.1 (and `precis watch` itself).
        .testTarget(
            name: "PrecisWatchTests",
            dependencies: [
                "PrecisFetch", "PrecisFeeds", "PrecisServer", "PrecisStore", "precis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio")
            ]
        ),
        .testTarget(name: "PrecisTests", dependencies: ["Precis", "PrecisIngest", "PrecisJSON", "PrecisExtract", "PrecisFacts"]),
        .testTarget(name: "PrecisJSONTests", dependencies: ["PrecisJSON"]),
        .testTarget(name: "PrecisCLITests", dependencies: ["precis"])
    ]
)
