// swift-tools-version: 6.0
// Verbale: diplomatic communications → normalized, validated, citation-indexed corpus.
//
// Dependencies are deliberately few. swift-argument-parser is the one Swift package: it is the
// standard for Swift CLIs, builds in seconds and has no transitive dependencies. libxml2 comes
// from Debian's libxml2-dev through a system-library target (the XML writer and schema validator
// the archival world already trusts); SQLite likewise from libsqlite3-dev — the system library
// builds in no time, where GRDB would add a large Swift package to every clean CI build for an
// index that needs a dozen statements. SHA-256 comes from libcrypto (Debian's libssl-dev, on every
// machine that has OpenSSL): it runs the processor's SHA instructions, about ten times the speed
// of the Swift implementation it replaced, which cost 4 % of a conversion. The `verbale` binary
// runs on mimalloc (Debian's libmimalloc-dev): a conversion makes and frees hundreds of thousands
// of small arrays, glibc's malloc and free were a tenth of `verbale cites`, and linking
// mimalloc made `cites` 1.13x and `convert --jobs 1` 1.10x faster with the same output bytes
// (hyperfine, alternating runs); it is a C library with nothing to build, and only the binary
// links it, not the library or the fuzz target. JSON writing is small enough to own.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Verbale",
    // macOS 15 for the standard library's `Mutex` (Synchronization); Linux has it in Swift 6.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "VerbaleKit", targets: ["VerbaleKit"]),
        .executable(name: "verbale", targets: ["VerbaleCLI"]),
        // libFuzzer target over the whole pipeline (`make fuzz`, docs/robustness.md).
        .executable(name: "verbale-fuzz", targets: ["VerbaleFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "VerbaleKit",
            dependencies: ["CCrypto"],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "VerbaleIndex",
            dependencies: ["VerbaleKit", "CSQLite"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "VerbaleAKN",
            dependencies: ["VerbaleKit", "CLibXML2"],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .executableTarget(
            name: "VerbaleCLI",
            dependencies: [
                "CMimalloc",
                "VerbaleKit",
                "VerbaleAKN",
                "VerbaleIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "VerbaleFuzz",
            dependencies: ["VerbaleKit", "VerbaleAKN"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerbaleKitTests",
            dependencies: ["VerbaleKit"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerbaleIndexTests",
            dependencies: ["VerbaleKit", "VerbaleIndex"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerbaleCLITests",
            dependencies: ["VerbaleCLI"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerbaleAKNTests",
            dependencies: ["VerbaleKit", "VerbaleAKN"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
