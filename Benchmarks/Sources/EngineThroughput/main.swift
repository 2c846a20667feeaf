import BenchmarkSupport
import Foundation
import Imprint

/// Whole-engine messages/s for compare-references.py: `Engine.score` over the scoring half of
/// the benchmark corpus (odd positions; `IMPRINT_BENCH_CORPUS` or the first argument), with the
/// cartridge built from the other half (`BenchCartridge`), on one thread in rendered and wire
/// form and on all cores, and the fingerprinting alone (parse, features and every fingerprint of
/// the message, no lookups: issue 4's "all fingerprints of a message" floor, MB/s over the
/// message bytes). Prints one JSON line per measurement; best of `ROUNDS` (default 3).
///
/// Usage: EngineThroughput [CORPUS_DIR] [ROUNDS]
let arguments = CommandLine.arguments
let corpus = try arguments.count > 1 ? BenchCorpus(path: arguments[1]) : BenchCorpus.shared
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
let engine = Engine(cartridge: try Cartridge(directory: try BenchCartridge.directory(for: corpus)))
let scoring = corpus.scoringHalf
let bytes = scoring.reduce(0) { $0 + $1.rendered.count }

func seconds(_ body: () -> Void) -> Double {
    let start = ContinuousClock.now
    body()
    let elapsed = start.duration(to: .now)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

func report(_ name: String, threads: Int, _ body: () -> Int) {
    var best = Double.infinity, spam = 0
    for _ in 0..<rounds { best = min(best, seconds { spam = body() }) }
    let line: [String: Any] = ["measure": name, "threads": threads, "messages": scoring.count, "spam": spam,
                               "messages_per_s": Double(scoring.count) / best, "mb_per_s": Double(bytes) / best / 1e6,
                               "corpus": corpus.path]
    let data = try! JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

report("fingerprints rendered", threads: 1) {
    let fingerprinter = MessageFingerprinter()
    return scoring.reduce(0) { count, sample in
        guard let message = try? Message(rendered: sample.rendered) else { return count }
        return count + fingerprinter.fingerprints(of: MessageFeatures(message: message)).fingerprints.count
    } > 0 ? 0 : 0
}
for form in [MessageForm.rendered, .wire] {
    report("engine.score \(form == .wire ? "wire" : "rendered")", threads: 1) {
        scoring.reduce(0) { $0 + ((try? engine.score(form == .wire ? $1.wire : $1.rendered, form: form))?.isSpam == true ? 1 : 0) }
    }
}
let threads = ParallelMap.defaultThreads
report("engine.score rendered", threads: threads) {
    parallelMap(scoring.count, threads: threads) { (try? engine.score(scoring[$0].rendered, form: .rendered))?.isSpam == true ? 1 : 0 }
        .reduce(0, +)
}
