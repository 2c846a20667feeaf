/// What a replay produced: the report, plus figures the report's fixed keys do not carry.
public struct ReplayResult: Sendable {
    public var report: Report
    /// Per-message outcomes in corpus order (the input of every metric).
    public var outcomes: [ScoredOutcome]
    /// `online`: micro-updates applied and the seconds spent writing and applying them.
    public var updates = 0
    public var updateSeconds = 0.0
    /// `online`: score model refits shipped.
    public var refits = 0
    /// `split`: messages that trained the cartridge.
    public var trainingMessages = 0
    /// Mean reporter trust at the end, honest and malicious (nil without reporters).
    public var honestTrust: Double?
    public var maliciousTrust: Double?
}
