import Foundation
import Imprint

/// Runs hostile mutants through the whole engine (parse, features, fingerprints including
/// images, cartridge lookups, verdict) and measures each against `HostileBounds`.
public struct HostileRunner: Sendable {
    public let engine: Engine
    public let mutator: HostileMutator
    /// The originals (the bundled corpus, in order).
    public let messages: [[UInt8]]
    public var bounds: HostileBounds

    public init(engine: Engine, mutator: HostileMutator, messages: [[UInt8]], bounds: HostileBounds = .default) {
        self.engine = engine
        self.mutator = mutator
        self.messages = messages
        self.bounds = bounds
    }

    /// The messages of a corpus spec's entries, skipping unreadable ones.
    public static func messages(of corpus: Corpus) -> [[UInt8]] {
        corpus.entries.compactMap { try? Array(corpus.bytes(of: $0)) }
    }

    /// Scores mutants `numbers` one after the other.
    /// - Parameters:
    ///   - starting: called with each mutant before it is scored (a crash trace: the last one
    ///     named is the one that crashed).
    ///   - finished: called with each outcome.
    public func run(_ numbers: Range<Int>, starting: (HostileMutant) -> Void = { _ in },
                    finished: (HostileOutcome) -> Void = { _ in }) -> HostileSummary {
        var summary = HostileSummary(bounds: bounds)
        warmUp()
        let start = Date()
        for number in numbers {
            let mutant = mutator.mutant(number, of: messages)
            starting(mutant)
            let outcome = score(mutant)
            summary.record(outcome, mutations: mutant.mutations.map(\.rawValue))
            summary.peakResident = max(summary.peakResident, ResourceProbe.peak())
            finished(outcome)
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Scores the first original once, so that one-time work (lazily built indexes, first
    /// page faults of the cartridge) is not charged to the first mutant.
    public func warmUp() {
        _ = try? engine.score(messages[0], form: .rendered)
    }

    /// Scores one mutant, timing it and measuring its peak memory growth.
    public func score(_ mutant: HostileMutant) -> HostileOutcome {
        let (result, time, growth) = Self.measure { score(mutant.bytes, form: mutant.form) }
        return HostileOutcome(number: mutant.number, kind: mutant.kind, bytes: mutant.bytes.count, result: result,
                              seconds: time.wall, cpuSeconds: time.cpu, memoryGrowth: growth)
    }

    /// A verdict or the typed error.
    func score(_ bytes: [UInt8], form: MessageForm) -> HostileOutcome.Result {
        do {
            return .verdict(score: try engine.score(bytes, form: form).score)
        } catch {
            return .error(kind: "MessageParseError.\(error.code)")
        }
    }

    /// Runs `work`, returning its result, its wall and thread CPU seconds, and the peak
    /// resident growth in bytes.
    public static func measure<T>(_ work: () -> T) -> (T, (wall: Double, cpu: Double), Int) {
        ResourceProbe.resetPeak()
        let before = ResourceProbe.resident()
        let wall = now(CLOCK_MONOTONIC), cpu = now(CLOCK_THREAD_CPUTIME_ID)
        let result = work()
        let time = (wall: now(CLOCK_MONOTONIC) - wall, cpu: now(CLOCK_THREAD_CPUTIME_ID) - cpu)
        let growth = max(0, ResourceProbe.peak() - before)
        return (result, time, growth)
    }

    static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
