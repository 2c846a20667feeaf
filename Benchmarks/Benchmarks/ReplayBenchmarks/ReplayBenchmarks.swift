import Benchmark
import BenchmarkSupport
import Foundation
import Imprint
import ImprintHarness

/// A replay as `imprint replay --protocol fixed --cartridge DIR --no-wire-probe --limit 1000`
/// runs it: read the corpus messages, score them on all cores with the benchmark cartridge
/// (`BenchCartridge`, built from the corpus's training half), assemble the metrics and report.
/// items/s is the whole pipeline's messages/s on this machine, the figure set beside rspamd.
let benchmarks: @Sendable () -> Void = {
    let messages = 1000
    var configuration = BenchMetrics.configuration([BenchMetrics.itemsPerSecond], warmup: 1, maxSeconds: 8, maxIterations: 10)
    configuration.thresholds?[.mallocCountTotal] = BenchMetrics.variableMallocs  // threads vary the count
    Benchmark("Replay fixed, all cores, \(messages) messages", configuration: configuration) { benchmark in
        var options = ReplayOptions()
        options.protocol = .fixed
        options.cartridgeDirectory = try BenchCartridge.directory(for: BenchCorpus.shared)
        options.wireProbe = false
        options.maxMessages = messages
        let corpus = try Corpus.load([try CorpusSpec.parse(BenchCorpus.shared.path)])
        let result = try benchmark.timed(items: messages) { try ReplayRunner.run(corpus, options: options) }
        blackHole(result.outcomes.count)
    } setup: {
        _ = try BenchCartridge.directory(for: BenchCorpus.shared)
    }
}
