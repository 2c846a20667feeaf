/// Simulated community reporters and the trust evaluation that weighs their reports.
///
/// Each message's report comes from a reporter drawn at random (seeded). A malicious reporter
/// reports the opposite of the truth (ham becomes spam, anything abusive becomes ham).
///
/// Trust evaluation: each reporter's trust is the mean of a Beta(α, β) posterior over "this
/// reporter's reports are right", starting from the prior Beta(2, 1) (new reporters are given
/// the benefit of the doubt). Two kinds of evidence update it after each report, before the
/// report's fingerprints are learned:
/// - the engine's confident verdict on the message (score ≥ `confidentSpam` or ≤
///   `confidentHam`): agreement adds 1 to α, disagreement 1 to β;
/// - the majority of earlier reports on the message's known fingerprints (the report mass of
///   the entries the cartridge already holds, when it is at least `minimumMass` and one side
///   has at least `majorityShare` of it): agreement adds 1 to α, disagreement 1 to β.
/// A report's mass is its reporter's trust at the time of the report; with no reporters every
/// report is the true label with weight 1.
public struct ReporterNetwork: Sendable {
    public struct Reporter: Sendable, Hashable {
        public var malicious: Bool
        public var alpha: Double = 2
        public var beta: Double = 1
        public var trust: Double { alpha / (alpha + beta) }
    }

    /// A verdict at or above this score counts as confidently abusive (default 95).
    public var confidentSpam = 95
    /// A verdict at or below this score counts as confidently ham (default 5).
    public var confidentHam = 5
    /// Report mass below which fingerprint reputation is no evidence (default 2).
    public var minimumMass: Double = 2
    /// The share one side needs for a majority (default 0.8).
    public var majorityShare: Double = 0.8

    public private(set) var reporters: [Reporter]
    private var generator: SplitMix64

    /// `count` reporters, the first `round(count × maliciousFraction)` of a seeded shuffle malicious.
    public init(count: Int, maliciousFraction: Double, seed: UInt64) {
        generator = SplitMix64(seed: seed ^ 0x5EED_0F_2E90_27E5)
        let malicious = Int((Double(count) * min(max(maliciousFraction, 0), 1)).rounded())
        var flags = (0..<count).map { $0 < malicious }
        flags.shuffle(using: &generator)
        reporters = flags.map { Reporter(malicious: $0) }
    }

    /// One message's report: who reports, what label, and its weight (the reporter's trust).
    /// - Parameters:
    ///   - score: the engine's score of the message before the report.
    ///   - knownAbusive, knownHam: report mass behind the message's fingerprints the cartridge knows.
    public mutating func report(truth: CorpusLabel, score: Int, knownAbusive: Double, knownHam: Double)
        -> (label: CorpusLabel, weight: Float, reporter: Int) {
        guard !reporters.isEmpty else { return (truth, 1, -1) }
        let who = Int(generator.next() % UInt64(reporters.count))
        let label: CorpusLabel = reporters[who].malicious ? (truth.isAbusive ? .ham : .spam) : truth
        let weight = Float(reporters[who].trust)
        let saysAbusive = label.isAbusive
        if score >= confidentSpam || score <= confidentHam {
            record(who, agrees: saysAbusive == (score >= confidentSpam))
        }
        let known = knownAbusive + knownHam
        if known >= minimumMass {
            if knownAbusive / known >= majorityShare { record(who, agrees: saysAbusive) }
            if knownHam / known >= majorityShare { record(who, agrees: !saysAbusive) }
        }
        return (label, weight, who)
    }

    private mutating func record(_ who: Int, agrees: Bool) {
        if agrees { reporters[who].alpha += 1 } else { reporters[who].beta += 1 }
    }

    /// Mean trust of the honest and of the malicious reporters (nil for an empty group).
    public var meanTrust: (honest: Double?, malicious: Double?) {
        func mean(_ group: [Reporter]) -> Double? { group.isEmpty ? nil : group.map(\.trust).reduce(0, +) / Double(group.count) }
        return (mean(reporters.filter { !$0.malicious }), mean(reporters.filter(\.malicious)))
    }
}
