import Benchmark
import BenchmarkSupport
import Imprint

/// `Engine.score` on one thread over the scoring half of the corpus (odd positions), with a
/// cartridge built from the other half (`BenchCartridge`), in wire and in rendered form: the
/// same messages, so the two items/s figures give the wire/rendered cost ratio (issue 9 floor:
/// wire costs at most 1.05x rendered). Every fourth scoring message keeps an iteration near a
/// second; items/s is messages/s per core, MB/s is over the rendered bytes.
let benchmarks: @Sendable () -> Void = {
    for form in [MessageForm.rendered, .wire] {
        let name = form == .wire ? "wire" : "rendered"
        let configuration = BenchMetrics.configuration([BenchMetrics.megabytesPerSecond, BenchMetrics.itemsPerSecond],
                                                       warmup: 1, maxSeconds: 6, maxIterations: 20, pipeline: true)
        Benchmark("Engine.score \(name)", configuration: configuration) { benchmark in
            let engine = BenchCartridge.engine
            let items = stride(from: 1, to: BenchCorpus.shared.items.count, by: 8).map { BenchCorpus.shared.items[$0] }
            let inputs = items.map { form == .wire ? $0.wire : $0.rendered }
            let bytes = items.reduce(0) { $0 + $1.rendered.count }
            let spam = benchmark.timed(bytes: bytes, items: inputs.count) {
                inputs.reduce(0) { $0 + ((try? engine.score($1, form: form))?.isSpam == true ? 1 : 0) }
            }
            blackHole(spam)
        } setup: {
            _ = BenchCartridge.engine
        }
    }
}
