import Benchmark
import BenchmarkSupport
import Foundation
import Imprint

/// Cartridge index lookups (issue 6) at 1M and 10M entries: one query per iteration, so the
/// wall-clock percentiles are per-lookup latencies (including the harness's few tens of ns).
/// Each benchmark's setup builds its synthetic index, untimed. The allocations of a similarity
/// query depend on the query (its candidates), and the number of queries run depends on time,
/// so only the exact lookup's `mallocCountTotal` (zero) is gated exactly; the others loosely. `IMPRINT_BENCH_10M=0` skips the
/// 10M sets (they need about 2 GiB each and a minute to build on 2 cores); MinHash runs at 1M
/// only (10M signatures of 128 rows are 5 GiB before the index).
let benchmarks: @Sendable () -> Void = {
    let tenMillion = ProcessInfo.processInfo.environment["IMPRINT_BENCH_10M"] != "0"
    let sizes = tenMillion ? [(1_000_000, "1M"), (10_000_000, "10M")] : [(1_000_000, "1M")]
    func configuration(_ iterations: Int, exactMallocs: Bool = false) -> Benchmark.Configuration {
        var configuration = BenchMetrics.configuration(warmup: 10, maxSeconds: 3, maxIterations: iterations)
        if !exactMallocs { configuration.thresholds?[.mallocCountTotal] = BenchMetrics.variableMallocs }
        configuration.teardown = { IndexData.slot.clear() }
        return configuration
    }

    for (count, label) in sizes {
        Benchmark("Exact lookup over \(label)", configuration: configuration(100_000, exactMallocs: true)) { benchmark in
            let data = IndexData.slot.get("exact \(count)") { ExactData(count: count) }
            let query = data.queries[benchmark.currentIteration % data.queries.count]
            benchmark.startMeasurement()
            blackHole(data.index.lookup(query, in: data.database))
            benchmark.stopMeasurement()
        } setup: {
            _ = IndexData.slot.get("exact \(count)") { ExactData(count: count) }
        }
        for (name, words, radius, flips) in [("PDQ", 4, 31, 24), ("SimHash", 1, 3, 3)] {
            let key = "\(name) \(count)"
            Benchmark("\(name) radius \(radius) over \(label)", configuration: configuration(5_000)) { benchmark in
                let data = IndexData.slot.get(key) { HammingData(count: count, words: words, radius: radius, clusterFlips: flips) }
                let query = data.queries[benchmark.currentIteration % data.queries.count]
                benchmark.startMeasurement()
                blackHole(data.index.search(query, radius: radius))
                benchmark.stopMeasurement()
            } setup: {
                _ = IndexData.slot.get(key) { HammingData(count: count, words: words, radius: radius, clusterFlips: flips) }
            }
        }
        Benchmark("TLSH within 70 over \(label)", configuration: configuration(2_000)) { benchmark in
            let data = IndexData.slot.get("tlsh \(count)") { TLSHData(count: count) }
            let query = data.queries[benchmark.currentIteration % data.queries.count]
            benchmark.startMeasurement()
            blackHole(data.index.search(query, radius: 70))
            benchmark.stopMeasurement()
        } setup: {
            _ = IndexData.slot.get("tlsh \(count)") { TLSHData(count: count) }
        }
    }
    Benchmark("MinHash LSH threshold 0.5 over 1M", configuration: configuration(5_000)) { benchmark in
        let data = IndexData.slot.get("minhash") { MinHashData(count: 1_000_000) }
        let query = data.queries[benchmark.currentIteration % data.queries.count]
        benchmark.startMeasurement()
        blackHole(data.index.search(query, threshold: 0.5))
        benchmark.stopMeasurement()
    } setup: {
        _ = IndexData.slot.get("minhash") { MinHashData(count: 1_000_000) }
    }
    recallBenchmarks()
    microUpdateBenchmarks()
}
