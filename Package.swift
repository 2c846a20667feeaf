// swift-tools-version: 6.1
//
// Imprint: an open message-fingerprinting engine and its corpus harness.
// Data flows one way: bytes -> message -> features -> fingerprints -> matches -> verdict.

import PackageDescription

let package = Package(
    name: "Imprint",
    products: [
        .library(name: "ImprintHashing", targets: ["ImprintHashing"]),
        .library(name: "Imprint", targets: ["Imprint"]),
        .library(name: "ImprintHarness", targets: ["ImprintHarness"]),
        .executable(name: "imprint", targets: ["imprint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.1.0"),
    ],
    targets: [
        // System libraries: a module map and a shim header each.
        .systemLibrary(
            name: "CPCRE2",
            path: "Sources/CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .systemLibrary(
            name: "CJPEG",
            path: "Sources/CJPEG",
            providers: [.apt(["libjpeg-dev"])]
        ),
        .systemLibrary(
            name: "CGIF",
            path: "Sources/CGIF",
            providers: [.apt(["libgif-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // Dependency-free hashing kernels, each with a scalar reference twin.
        .target(name: "ImprintHashing"),

        // Message model, fingerprints, images, cartridge, whitelist, engine.
        .target(
            name: "Imprint",
            dependencies: [
                "ImprintHashing", "CPCRE2", "CJPEG", "CGIF", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // Corpus readers, protocols, metrics, reports, gate, compare.
        .target(
            name: "ImprintHarness",
            dependencies: ["Imprint", .product(name: "Histogram", package: "hdrhistogram-swift")]
        ),

        // The command-line tool: argument parsing and printing only.
        .executableTarget(
            name: "imprint",
            dependencies: [
                "Imprint",
                "ImprintHarness",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Fixture paths and seeded randomness shared by the test targets.
        .target(
            name: "ImprintTestSupport",
            path: "Tests/ImprintTestSupport"
        ),
        .testTarget(
            name: "ImprintHashingTests",
            dependencies: ["ImprintHashing", "ImprintTestSupport"]
        ),
        .testTarget(
            name: "ImprintTests",
            dependencies: ["Imprint", "ImprintTestSupport"]
        ),
        .testTarget(
            name: "ImprintHarnessTests",
            dependencies: ["ImprintHarness", "Imprint", "ImprintTestSupport"]
        ),
    ]
)
