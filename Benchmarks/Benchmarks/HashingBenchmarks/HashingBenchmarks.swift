import Benchmark
import ImprintHashing

/// Kernel benchmarks over a 64 KiB buffer of seeded random bytes. Throughput is the
/// metric to read; `mallocCountTotal` (exact) is the one thresholds gate on.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2)
    )

    let buffer: [UInt8] = {
        var state: UInt64 = 0x1234_5678
        return (0..<65_536).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }()

    for path in KernelPath.allCases {
        Benchmark("XXH64 64KiB \(path)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(buffer.withUnsafeBytes { XXH64.hash($0, path: path) })
            }
        }
        Benchmark("XXH3-64 64KiB \(path)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(buffer.withUnsafeBytes { XXH3.hash64($0, path: path) })
            }
        }
    }
}
