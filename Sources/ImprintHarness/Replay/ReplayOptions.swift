import Imprint

/// How a replay learns (ARCHITECTURE.md, "Protocols").
public enum ReplayProtocol: String, Sendable, CaseIterable {
    /// TREC-style immediate feedback: score, then report the label through micro-updates.
    case online
    /// The first `trainFraction` builds a cartridge, the rest is scored.
    case split
    /// Score everything with one cartridge, no learning.
    case fixed
}

/// The settings of one replay. Every default is the command line's.
public struct ReplayOptions: Sendable {
    public var `protocol`: ReplayProtocol = .online
    /// The cartridge to score with (`fixed`) or to start from (`online`, copied first: the
    /// replay never changes the given directory). Nil: the default cartridge for `fixed`,
    /// an empty one for `online`.
    public var cartridgeDirectory: String?
    /// Worker threads for the parallel parts (reading, `fixed`/`split` scoring, probes).
    public var threads: Int = ParallelMap.defaultThreads
    /// Seed of every random choice (shuffle, reporters); same seed, same report numbers.
    public var seed: UInt64 = 0
    /// `split`: the fraction of the corpus that trains (default 0.5).
    public var trainFraction: Double = 0.5
    /// `split`: shuffle (seeded) before splitting instead of keeping corpus order; `online`:
    /// replay in a seeded random order (for corpora grouped by label rather than chronological).
    public var shuffle = false
    /// `online`: messages per micro-update (default 1).
    public var updateInterval = 1
    /// `online`: messages between refits of the score model (default 500; also refit at
    /// 50, 100, 200 and 400 messages so that an empty cartridge gets a model early).
    public var refitInterval = 500
    /// `online`: simulated reporters (0: every report is the true label with weight 1).
    public var reporters = 0
    /// `online`: the fraction of reporters who report the opposite label.
    public var maliciousFraction = 0.0
    /// `is_spam` threshold (nil: the cartridge's).
    public var minimumScore: Int?
    /// `--set` overrides of `cartridge.cfg` keys and engine parameters for this run (see
    /// `TuningSettings`): over the trained configuration (`split`), the given or default
    /// cartridge's (`fixed`), the starting cartridge's (`online`; the replay's own updates
    /// then set `score model` and `report totals` as they go).
    public var settings = TuningSettings()
    /// Also score every message from its wire form and from its rendered form plus a policy
    /// header, and compare (the `wire_vs_rendered` section).
    public var wireProbe = true
    /// Use at most this many messages (the first in replay order, after `shuffle`; read errors
    /// are counted over the whole corpus).
    public var maxMessages: Int?
    /// Called with progress (messages done, total, running confusion) on the replay's thread.
    public var progress: (@Sendable (ReplayProgress) -> Void)?

    public init() {}
}

/// A progress tick.
public struct ReplayProgress: Sendable {
    public var done: Int
    public var total: Int
    public var seconds: Double
    public var falsePositives: Int
    public var falseNegatives: Int
    public var phase: String
}
