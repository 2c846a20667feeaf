// swift-tools-version: 6.1
//
// Imprint's benchmarks, a nested package so that the library's own build stays lean.
// Run from this folder: `swift package benchmark` (ordo-one/benchmark; README.md lists each
// target), `./check-thresholds.sh` for the CI gate, and `python3 compare-references.py` for
// ratios against the reference implementations and rspamd.

import PackageDescription

/// An ordo-one benchmark executable over `Benchmarks/<name>/`.
func benchmarkTarget(_ name: String, _ extra: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            .product(name: "Benchmark", package: "benchmark"),
            "BenchmarkSupport",
            .product(name: "Imprint", package: "Imprint"),
            .product(name: "ImprintHashing", package: "Imprint"),
        ] + extra,
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "ImprintBenchmarks",
    dependencies: [
        .package(name: "Imprint", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // Corpus, cartridge, synthetic inputs and the shared metrics and thresholds.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Imprint", package: "Imprint"),
                .product(name: "ImprintHarness", package: "Imprint"),
            ]
        ),
        benchmarkTarget("HashingBenchmarks"),
        benchmarkTarget("MessageBenchmarks"),
        benchmarkTarget("TextFeatureBenchmarks"),
        benchmarkTarget("FingerprintBenchmarks", [.product(name: "Crypto", package: "swift-crypto")]),
        benchmarkTarget("ImageBenchmarks"),
        benchmarkTarget("IndexBenchmarks"),
        benchmarkTarget("EngineBenchmarks"),
        benchmarkTarget("ReplayBenchmarks", [.product(name: "ImprintHarness", package: "Imprint")]),
        // In-process rates as JSON lines, for compare-references.py (same inputs as the references).
        .executableTarget(
            name: "KernelThroughput",
            dependencies: [.product(name: "Imprint", package: "Imprint"), .product(name: "ImprintHashing", package: "Imprint")],
            path: "Sources/KernelThroughput"
        ),
        .executableTarget(
            name: "EngineThroughput",
            dependencies: ["BenchmarkSupport", .product(name: "Imprint", package: "Imprint")],
            path: "Sources/EngineThroughput"
        ),
    ]
)
