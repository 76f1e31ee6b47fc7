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
        .executable(name: "precis", targets: ["precis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
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
                .embedInCode("Resources/en/datewords.txt"),
            ]
        ),
        .target(name: "PrecisIngest"),
        .target(
            name: "PrecisExtract",
            dependencies: ["PrecisText", "PrecisIngest", "CLibXML2"],
            resources: [
                .embedInCode("Resources/en/boilerplate.txt"),
                .embedInCode("Resources/intl/boilerplate_intl.txt"),
            ]
        ),
        .target(name: "PrecisSummarize", dependencies: ["PrecisText"]),
        // Feeds in: RSS, Atom, CDF and JSON Feed read into items (libxml2 for XML, in recover mode).
        .target(name: "PrecisFeeds", dependencies: ["CLibXML2", "PrecisIngest", "PrecisText"]),
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
                .embedInCode("Resources/en/numberwords.txt"),
                // The attribution tagger, in eight parts: the compiler's time on one embedded array
                // grows faster than its length, so eight small arrays build far quicker than one.
            ] + (1...8).map { .embedInCode("Resources/en/attribution.model.\($0)") }
        ),
        .target(
            name: "PrecisStore",
            dependencies: ["PrecisStories", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .target(
            name: "PrecisServer",
            dependencies: ["Precis", "PrecisStore", "PrecisStories", "PrecisFacts", "PrecisIngest", "PrecisText", "PrecisExtract",
                           .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .target(name: "PrecisEval", dependencies: ["PrecisText", "PrecisIngest", "PrecisExtract", "PrecisStories", "PrecisFacts"]),
        .target(
            name: "Precis",
            dependencies: ["PrecisIngest", "PrecisExtract", "PrecisText", "PrecisSummarize", "PrecisStories", "PrecisFacts"]
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
                "PrecisStore",
                "PrecisServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "PrecisTextTests", dependencies: ["PrecisText"]),
        .testTarget(name: "PrecisExtractTests", dependencies: ["PrecisExtract", "PrecisIngest"]),
        .testTarget(name: "PrecisSummarizeTests", dependencies: ["PrecisSummarize", "PrecisText"]),
        .testTarget(name: "PrecisStoriesTests", dependencies: ["PrecisStories"]),
        .testTarget(name: "PrecisFactsTests", dependencies: ["PrecisFacts", "PrecisText"]),
        .testTarget(name: "PrecisStoreTests", dependencies: ["PrecisStore", "PrecisStories"]),
        .testTarget(name: "PrecisEvalTests", dependencies: ["PrecisEval", "PrecisExtract"]),
        .testTarget(name: "PrecisFeedsTests", dependencies: ["PrecisFeeds"]),
        .testTarget(name: "PrecisTests", dependencies: ["Precis", "PrecisIngest", "PrecisExtract", "PrecisFacts"]),
        .testTarget(name: "PrecisCLITests", dependencies: ["precis"]),
    ]
)
