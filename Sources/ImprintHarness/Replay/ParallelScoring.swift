import Imprint

/// The scoring of the `fixed` and `split` protocols: every message against one snapshot, on
/// all threads, in batches so that progress can be told. Results come back in corpus order,
/// so every number but the timings is the same whatever the thread count.
struct ParallelScoring {
    let engine: Engine
    let snapshot: CartridgeSnapshot
    let threads: Int
    /// Messages per batch between progress ticks.
    static let batchSize = 512

    /// The scored messages (in order) and the failures by reason.
    func run(_ messages: [ReplayMessage], keepFingerprints: Bool = false,
             tick: (Int, [ScoredMessage]) -> Void = { _, _ in }) -> (scored: [ScoredMessage], errors: [String: Int]) {
        var scored: [ScoredMessage] = []
        var errors: [String: Int] = [:]
        scored.reserveCapacity(messages.count)
        var start = 0
        while start < messages.count {
            let end = min(messages.count, start + Self.batchSize)
            let engine = self.engine, snapshot = self.snapshot, first = start
            let batch: [Result<ScoredMessage, ReplayFailure>] = parallelMap(end - start, threads: threads) { offset in
                MessageScorer.score(messages[first + offset], engine: engine, snapshot: snapshot, keepFingerprints: keepFingerprints)
            }
            for result in batch {
                switch result {
                case .success(let message): scored.append(message)
                case .failure(let failure): errors[failure.reason, default: 0] += 1
                }
            }
            start = end
            tick(end, scored)
        }
        return (scored, errors)
    }
}
