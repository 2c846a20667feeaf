import Benchmark
import BenchmarkSupport
import Imprint

/// Recall of the similarity indexes against a brute-force scan of the same 1M entries, as
/// per mille of the true neighbours the index returns (100 queries per iteration). Recall is
/// deterministic for the seeded data, so its threshold is exact like the malloc counts.
func recallBenchmarks() {
    let recall = BenchmarkMetric.custom("recall per mille", polarity: .prefersLarger, useScalingFactor: false)
    var configuration = BenchMetrics.configuration([recall], warmup: 0, maxSeconds: 1, maxIterations: 1)
    configuration.metrics = [recall]
    configuration.thresholds = [recall: .init(absolute: [.p90: 0])]
    configuration.teardown = { IndexData.slot.clear() }

    func measure(_ pairs: [(truth: Set<Int>, found: Set<Int>)]) -> Int {
        let truth = pairs.reduce(0) { $0 + $1.truth.count }
        let found = pairs.reduce(0) { $0 + $1.truth.intersection($1.found).count }
        return truth == 0 ? 1000 : found * 1000 / truth
    }
    Benchmark("TLSH within 70 over 1M, recall", configuration: configuration) { benchmark in
        let data = IndexData.slot.get("tlsh 1000000") { TLSHData(count: 1_000_000) }
        let pairs = data.queries.prefix(100).map { query in
            (Set(data.index.bruteForce(query, radius: 70).map(\.digest)), Set(data.index.search(query, radius: 70).map(\.digest)))
        }
        benchmark.measurement(recall, measure(pairs))
    }
    Benchmark("PDQ radius 31 over 1M, recall", configuration: configuration) { benchmark in
        let data = IndexData.slot.get("PDQ 1000000") { HammingData(count: 1_000_000, words: 4, radius: 31, clusterFlips: 24) }
        let pairs = data.queries.prefix(100).map { query in
            (Set(data.index.bruteForce(query, radius: 31).map(\.code)), Set(data.index.search(query, radius: 31).map(\.code)))
        }
        benchmark.measurement(recall, measure(pairs))
    }
}
