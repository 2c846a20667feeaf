import Benchmark
import BenchmarkSupport
import Imprint

/// Message parsing (issue 3): the whole corpus parsed per iteration, in rendered and wire form,
/// with and without decoding every leaf; MB/s is over the rendered bytes for both forms, and
/// `mallocCountTotal` divided by the message count is the allocations per message. Then one
/// 10 KB and one 10 MB wire message: equal `mallocCountTotal` shows the wire path copies no body.
let benchmarks: @Sendable () -> Void = {
    let corpusMetrics = [BenchMetrics.megabytesPerSecond, BenchMetrics.itemsPerSecond]
    for form in [MessageForm.rendered, .wire] {
        let name = form == .wire ? "wire" : "rendered"
        Benchmark("Parse corpus \(name)", configuration: BenchMetrics.configuration(corpusMetrics, maxSeconds: 3)) { benchmark in
            let corpus = BenchCorpus.shared
            let inputs = corpus.items.map { form == .wire ? $0.wire : $0.rendered }
            let parts = benchmark.timed(bytes: corpus.renderedBytes, items: inputs.count) {
                inputs.reduce(0) { $0 &+ ((try? Message(bytes: $1, form: form))?.parts.count ?? 0) }
            }
            blackHole(parts)
        }
        Benchmark("Parse and decode corpus \(name)", configuration: BenchMetrics.configuration(corpusMetrics, maxSeconds: 3)) { benchmark in
            let corpus = BenchCorpus.shared
            let inputs = corpus.items.map { form == .wire ? $0.wire : $0.rendered }
            let bytes = benchmark.timed(bytes: corpus.renderedBytes, items: inputs.count) {
                inputs.reduce(0) { sum, input in
                    guard let message = try? Message(bytes: input, form: form) else { return sum }
                    return message.decodedParts().reduce(sum) { $0 &+ $1.body.bytes.count }
                }
            }
            blackHole(bytes)
        }
    }
    for (label, size) in [("10 KB", 10_000), ("10 MB", 10_000_000)] {
        Benchmark("Parse wire \(label) message", configuration: BenchMetrics.configuration([BenchMetrics.megabytesPerSecond], maxSeconds: 2)) { benchmark in
            let wire = SyntheticMessages.wire(approximateBytes: size)
            let message = benchmark.timed(bytes: wire.count) { try? Message(wire: wire) }
            blackHole(message)
        }
    }
}
