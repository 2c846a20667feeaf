/// One setting of a sweep: its detection at the operating point and overall, its errors at
/// `MinimumScore`, and its speed.
public struct SweepRow: Codable, Sendable, Equatable {
    public var label: String
    /// The setting's overrides (canonical key to value).
    public var overrides: [String: String]
    /// Fraction of abusive messages caught at the threshold that flags at most 0.1% of ham
    /// (1 − TREC's sm% at hm% 0.1).
    public var recallAtFp0_1: Double
    public var oneMinusAucPct: Double
    public var oneMinusAucPctCI: [Double]
    public var minimumScore: Double
    public var falsePositives: Int
    public var falseNegatives: Int
    public var fpRate: Double
    public var fnRate: Double
    /// Test messages over (parse and fingerprint pass + this setting's scoring pass), wall time.
    public var messagesPerSecond: Double
    /// Cartridge entries matched per message (exact, near and feature evidence).
    public var evidencePerMessage: Double
    /// Whether this setting reused the parse and fingerprint pass of an earlier one.
    public var reusedFingerprints: Bool
    public var prepareSeconds: Double
    public var buildSeconds: Double
    public var scoreSeconds: Double

    enum CodingKeys: String, CodingKey {
        case label, overrides, recallAtFp0_1 = "recall_at_fp_0_1", oneMinusAucPct = "one_minus_auc_pct"
        case oneMinusAucPctCI = "one_minus_auc_pct_ci", minimumScore = "minimum_score"
        case falsePositives = "false_positives", falseNegatives = "false_negatives", fpRate = "fp_rate", fnRate = "fn_rate"
        case messagesPerSecond = "messages_per_second", evidencePerMessage = "evidence_per_message"
        case reusedFingerprints = "reused_fingerprints", prepareSeconds = "prepare_seconds"
        case buildSeconds = "build_seconds", scoreSeconds = "score_seconds"
    }
}

/// A sweep's or an ablation's report: the rows in grid order (an ablation's first row is the
/// baseline with every family on).
public struct SweepReport: Codable, Sendable {
    /// A swept key, its values, and whether a sweep over it reuses fingerprints (`score`).
    public struct Parameter: Codable, Sendable, Equatable {
        public var key: String
        public var values: [String]
        public var stage: TuningStage
    }

    /// `sweep` or `ablation`.
    public var kind: String
    public var imprintVersion: String
    public var corpus: Report.CorpusSummary
    public var `protocol`: String
    public var trainMessages: Int
    public var testMessages: Int
    public var threads: Int
    public var parameters: [Parameter]
    public var rows: [SweepRow]
    /// Ablation: mean fingerprints per test message of each family (with every family on).
    public var familyFingerprintsPerMessage: [String: Double]?
    public var errors: [String: Int]

    enum CodingKeys: String, CodingKey {
        case kind, imprintVersion = "imprint_version", corpus, `protocol`, trainMessages = "train_messages"
        case testMessages = "test_messages", threads, parameters, rows
        case familyFingerprintsPerMessage = "family_fingerprints_per_message", errors
    }
}
