/// The engine's module options (the gateway's `MinimumScore`, `Max_Body_Length`, and the
/// cartridge keys an operator may override per engine).
public struct EngineOptions: Sendable, Hashable {
    /// `is_spam` is `score >= minimumScore` (default: the cartridge's `minimum score`, 80).
    public var minimumScore: Int?
    /// Body bytes read at most (`Max_Body_Length`); nil reads the whole body.
    public var maxBodyLength: Int?
    /// Compute every fingerprint even when an exact match already decides (nil: the cartridge's
    /// `favor analysis over speed`).
    public var favorAnalysisOverSpeed: Bool?
    /// MIME and header bounds.
    public var messageLimits: MessageLimits
    /// Adjustments of the fingerprinter over what the cartridge's configuration asks for
    /// (default none: tuning runs switch families off or change text limits with it).
    public var fingerprintTuning: FingerprintTuning

    public init(minimumScore: Int? = nil, maxBodyLength: Int? = nil, favorAnalysisOverSpeed: Bool? = nil,
                messageLimits: MessageLimits = .default, fingerprintTuning: FingerprintTuning = FingerprintTuning()) {
        self.minimumScore = minimumScore
        self.maxBodyLength = maxBodyLength
        self.favorAnalysisOverSpeed = favorAnalysisOverSpeed
        self.messageLimits = messageLimits
        self.fingerprintTuning = fingerprintTuning
    }
}

/// Everything the engine worked out for one message: the verdict and what led to it.
public struct Evaluation: Sendable {
    public var verdict: Verdict
    public var features: MessageFeatures?
    public var fingerprints: MessageFingerprints?
    public var evidence: EvidenceSet
    /// The model inputs (nil when the whitelist decided).
    public var scoreFeatures: ScoreFeatures?
}
