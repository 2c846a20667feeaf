import BenchmarkSupport
import Foundation
import Imprint

/// Whole-engine messages/s for compare-references.py: `Engine.score` over the scoring half of
/// the benchmark corpus (odd positions; `IMPRINT_BENCH_CORPUS` or the first argument), with the
/// cartridge built from the other half (`BenchCartridge`), on one thread in rendered and wire
/// form and on all cores, and the fingerprinting alone (parse, features and every fingerprint of
/// the message, no lookups: issue 4's "all fingerprints of a message" floor, MB/s over the
/// message bytes), and the fingerprinter stage alone over features extracted beforehand.
/// Prints one JSON line per measurement; best of `ROUNDS` (default 3), the rounds interleaved
/// across the measures.
///
/// Usage: EngineThroughput [CORPUS_DIR] [ROUNDS] [MEASURE_PREFIX]
/// (MEASURE_PREFIX keeps only the measures whose name starts with it, e.g. `fingerprints` for a profile.)
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

/// One measurement: a name, its thread count and a pass over the scoring half returning the
/// number of messages flagged (nil when it does not score).
struct Measure {
    let name: String
    let threads: Int
    let pass: () -> Int?
}

let threads = ParallelMap.defaultThreads
let fingerprinter = MessageFingerprinter()
var measures = [Measure(name: "fingerprints rendered", threads: 1) {
    var fingerprints = 0
    for sample in scoring {
        guard let message = try? Message(rendered: sample.rendered) else { continue }
        fingerprints += fingerprinter.fingerprints(of: MessageFeatures(message: message)).fingerprints.count
    }
    precondition(fingerprints > 0)
    return nil
}]
// The fingerprinter stage alone, over features extracted beforehand (MB/s still over the
// message bytes): which share of the "fingerprints rendered" time the kernels take, and which
// share parsing and feature extraction (HTML, URLs, normalization) take.
let extracted = scoring.compactMap { (try? Message(rendered: $0.rendered)).map { MessageFeatures(message: $0) } }
measures.append(Measure(name: "fingerprinter stage", threads: 1) {
    var fingerprints = 0
    for features in extracted { fingerprints += fingerprinter.fingerprints(of: features).fingerprints.count }
    precondition(fingerprints > 0)
    return nil
})
for form in [MessageForm.rendered, .wire] {
    measures.append(Measure(name: "engine.score \(form == .wire ? "wire" : "rendered")", threads: 1) {
        scoring.reduce(0) { $0 + ((try? engine.score(form == .wire ? $1.wire : $1.rendered, form: form))?.isSpam == true ? 1 : 0) }
    })
}
measures.append(Measure(name: "engine.score rendered", threads: threads) {
    parallelMap(scoring.count, threads: threads) { (try? engine.score(scoring[$0].rendered, form: .rendered))?.isSpam == true ? 1 : 0 }
        .reduce(0, +)
})

if arguments.count > 3 { measures.removeAll { !$0.name.hasPrefix(arguments[3]) } }

// Rounds outermost, so a change in the machine's load reaches every measure alike (the
// wire/rendered ratio compares neighbours in time); the best round of each is reported.
var best = [Double](repeating: .infinity, count: measures.count)
var flagged = [Int?](repeating: nil, count: measures.count)
for _ in 0..<rounds {
    for (index, measure) in measures.enumerated() {
        best[index] = min(best[index], seconds { flagged[index] = measure.pass() })
    }
}
for (index, measure) in measures.enumerated() {
    var line: [String: Any] = ["measure": measure.name, "threads": measure.threads, "messages": scoring.count,
                               "messages_per_s": Double(scoring.count) / best[index], "mb_per_s": Double(bytes) / best[index] / 1e6,
                               "corpus": corpus.path]
    if let spam = flagged[index] { line["spam"] = spam }
    let data = try! JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
