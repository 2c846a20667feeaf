// swift-tools-version: 6.1
//
// Throughput of the text-feature layer (charset decoding, HTML to text, URL extraction,
// normalization) over a corpus. Build and run in release mode:
//   swift run -c release TextFeaturesBenchmark [corpus-dir]
import PackageDescription

let package = Package(
    name: "TextFeaturesBenchmark",
    dependencies: [.package(name: "Imprint", path: "../..")],
    targets: [
        .executableTarget(
            name: "TextFeaturesBenchmark",
            dependencies: [.product(name: "Imprint", package: "Imprint")]
        )
    ]
)
