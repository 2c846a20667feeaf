import Imprint
#if canImport(Glibc)
import Glibc
#endif

/// What the engine said about one replayed message, with what the harness needs afterwards.
public struct ScoredMessage: Sendable {
    public var index: Int
    public var label: CorpusLabel
    public var score: Int
    public var isSpam: Bool
    public var category: Int
    public var rescan: Bool
    public var analysis: String
    /// The message's fingerprints (empty when the whitelist decided).
    public var fingerprints: [Fingerprint]
    /// The score model's inputs, computed before the label was known (nil when whitelisted).
    public var scoreVector: [Double]?
    public var latencyNanoseconds: UInt64
    public var byteCount: Int

    public var outcome: ScoredOutcome { ScoredOutcome(label: label, score: Double(score), category: category) }
}

/// Scores one message against one snapshot and times it.
enum MessageScorer {
    /// - Returns: the scored message, or the error reason (`unparseable: <code>`).
    static func score(_ message: ReplayMessage, engine: Engine, snapshot: CartridgeSnapshot,
                      keepFingerprints: Bool) -> Result<ScoredMessage, ReplayFailure> {
        let start = Clock.nanoseconds()
        let evaluation: Evaluation
        do throws(MessageParseError) {
            evaluation = try engine.evaluate(message.bytes, form: .rendered, snapshot: snapshot)
        } catch {
            return .failure(ReplayFailure(reason: "unparseable"))
        }
        let elapsed = Clock.nanoseconds() - start
        let verdict = evaluation.verdict
        return .success(ScoredMessage(index: message.index, label: message.label, score: verdict.score, isSpam: verdict.isSpam,
                                      category: verdict.category, rescan: verdict.rescan, analysis: verdict.analysis,
                                      fingerprints: keepFingerprints ? evaluation.fingerprints?.fingerprints ?? [] : [],
                                      scoreVector: evaluation.scoreFeatures?.vector,
                                      latencyNanoseconds: elapsed, byteCount: message.bytes.count))
    }
}

/// Why a message could not be scored.
struct ReplayFailure: Error, Sendable { var reason: String }

/// The monotonic clock.
enum Clock {
    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
