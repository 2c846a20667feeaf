// swift-tools-version: 6.1
//
// Imprint's benchmarks, a nested package so that the library's own build stays lean.
// Run from this folder: `swift package benchmark` (ordo-one/benchmark), and
// `python3 compare-references.py` for ratios against the reference C libraries.

import PackageDescription

let package = Package(
    name: "ImprintBenchmarks",
    dependencies: [
        .package(name: "Imprint", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HashingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ImprintHashing", package: "Imprint"),
            ],
            path: "Benchmarks/HashingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // In-process MB/s of each kernel, as JSON, for compare-references.py.
        .executableTarget(
            name: "KernelThroughput",
            dependencies: [.product(name: "ImprintHashing", package: "Imprint")],
            path: "Sources/KernelThroughput"
        ),
    ]
)
