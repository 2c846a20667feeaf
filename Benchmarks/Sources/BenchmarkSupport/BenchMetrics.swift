import Benchmark

/// The metrics and threshold tolerances every Imprint benchmark shares.
///
/// `mallocCountTotal` is the CI-stable metric: its thresholds are exact (absolute 0), so any
/// change in the allocations of a measured path shows. Time-based metrics vary with the
/// machine and its load (on a shared 2-core machine a kernel's rate moved 6x between two runs),
/// so their tolerances are loose: a p90 wall clock up to 10x the committed one, a rate down to
/// a tenth of it (the plugin's relative difference, in percent).
public enum BenchMetrics {
    /// Megabytes (10^6 bytes) of input a second, measured inside each iteration.
    public static let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
    /// Messages (or images, or queries) a second, measured inside each iteration.
    public static let itemsPerSecond = BenchmarkMetric.custom("items/s", polarity: .prefersLarger, useScalingFactor: false)

    public static var thresholds: [BenchmarkMetric: BenchmarkThresholds] { [
        .mallocCountTotal: .init(absolute: [.p90: 0]),
        .wallClock: .init(relative: [.p90: 900]),
        .throughput: .init(relative: [.p90: 90]),
        megabytesPerSecond: .init(relative: [.p90: 90]),
        itemsPerSecond: .init(relative: [.p90: 90]),
    ] }

    /// For benchmarks whose allocations depend on the input each iteration draws (index
    /// queries) or on compaction and threads: flagged only past a 50% rise of the p90 count.
    /// (A metric with no tolerance at all is checked strictly by the plugin.)
    public static var variableMallocs: BenchmarkThresholds { BenchmarkThresholds(relative: [.p90: 50]) }

    /// For whole pipelines (the engine, all text stages, image decoding): their allocation
    /// counts move by a few in a million between runs (caches that warm across iterations), so
    /// they are flagged past a 1% rise of the p90 count.
    public static var pipelineMallocs: BenchmarkThresholds { BenchmarkThresholds(relative: [.p90: 1]) }

    /// A configuration with these thresholds; `metrics` adds to wall clock and malloc count.
    public static func configuration(
        _ metrics: [BenchmarkMetric] = [], scalingFactor: BenchmarkScalingFactor = .one,
        warmup: Int = 1, maxSeconds: Int = 2, maxIterations: Int = 1000, pipeline: Bool = false
    ) -> Benchmark.Configuration {
        let all: [BenchmarkMetric] = [.wallClock, .mallocCountTotal] + metrics
        var chosen = thresholds.filter { all.contains($0.key) }
        if pipeline { chosen[.mallocCountTotal] = pipelineMallocs }
        return .init(metrics: all, warmupIterations: warmup, scalingFactor: scalingFactor,
                     maxDuration: .seconds(maxSeconds), maxIterations: maxIterations, thresholds: chosen)
    }
}

extension Benchmark {
    /// Runs `body` once as the measured region (everything before it is setup, outside the
    /// wall clock and the malloc counts), then records MB/s over `bytes` and items/s over
    /// `items` (each only when its metric is configured).
    public func timed<T>(bytes: Int = 0, items: Int = 0, _ body: () throws -> T) rethrows -> T {
        startMeasurement()
        let start = ContinuousClock.now
        let result = try body()
        let elapsed = start.duration(to: .now)
        stopMeasurement()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if bytes > 0 { measurement(BenchMetrics.megabytesPerSecond, Int((Double(bytes) / seconds / 1e6).rounded())) }
        if items > 0 { measurement(BenchMetrics.itemsPerSecond, Int((Double(items) / seconds).rounded())) }
        return result
    }
}
