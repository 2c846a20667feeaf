/// A replay's report: the numbers gates and users rely on, with the key names of ARCHITECTURE.md.
/// Rates are fractions in [0, 1]; `*_pct` are percentages as TREC prints them.
public struct Report: Codable, Sendable, Equatable {
    public var imprintVersion: String
    public var cartridgeVersion: String
    public var corpus: CorpusSummary
    public var `protocol`: String
    public var minimumScore: Double
    public var metrics: Metrics
    public var throughput: Throughput
    public var wireVsRendered: WireVsRendered?
    public var rescan: Rescan
    /// Messages that could not be read or parsed, by reason.
    public var errors: [String: Int]
    /// Score histograms (10 bins of width 10) per label, for the charts.
    public var scoreHistograms: [String: [Int]]
    /// ROC operating points (false positive rate, true positive rate), thinned for the charts.
    public var rocPoints: [[Double]]
    /// Campaign time-to-block (near-duplicate abusive clusters), when the replay measured it.
    public var campaigns: CampaignSummary? = nil
    /// The `--set` overrides of the run (canonical key to value), nil when there were none.
    public var overrides: [String: String]? = nil

    enum CodingKeys: String, CodingKey {
        case imprintVersion = "imprint_version", cartridgeVersion = "cartridge_version", corpus
        case `protocol`, minimumScore = "minimum_score", metrics, throughput
        case wireVsRendered = "wire_vs_rendered", rescan, errors
        case scoreHistograms = "score_histograms", rocPoints = "roc_points", campaigns, overrides
    }

    public struct CorpusSummary: Codable, Sendable, Equatable {
        public var name: String
        public var counts: [String: Int]
        public var bytes: Int
    }

    public struct Metrics: Codable, Sendable, Equatable {
        public var accuracy: Double
        public var fpRate: Double
        public var fnRate: Double
        public var precision: Double
        public var recall: Double
        public var rocAuc: Double
        public var oneMinusAucPct: Double
        public var oneMinusAucPctCI: [Double]
        public var lamPct: Double
        public var lamPctCI: [Double]
        public var smAtHm0_1Pct: Double
        public var smAtHm0_1PctCI: [Double]
        public var confusion: ConfusionMatrix
        /// Per true label, how many messages got each category id.
        public var perCategory: [String: [String: Int]]
        public var calibration: Calibration

        enum CodingKeys: String, CodingKey {
            case accuracy, fpRate = "fp_rate", fnRate = "fn_rate", precision, recall
            case rocAuc = "roc_auc", oneMinusAucPct = "one_minus_auc_pct", oneMinusAucPctCI = "one_minus_auc_pct_ci"
            case lamPct = "lam_pct", lamPctCI = "lam_pct_ci"
            case smAtHm0_1Pct = "sm_at_hm_0_1_pct", smAtHm0_1PctCI = "sm_at_hm_0_1_pct_ci"
            case confusion, perCategory = "per_category", calibration
        }
    }

    public struct Throughput: Codable, Sendable, Equatable {
        public var messagesPerSecond: Double
        public var megabytesPerSecond: Double
        /// Per-message scoring latency in microseconds: p50, p90, p99, max.
        public var latencyUs: [String: Double]
        public var peakRssBytes: Int
        public var threads: Int
        public var seconds: Double

        enum CodingKeys: String, CodingKey {
            case messagesPerSecond = "messages_per_second", megabytesPerSecond = "megabytes_per_second"
            case latencyUs = "latency_us", peakRssBytes = "peak_rss_bytes", threads, seconds
        }
    }

    public struct FormCost: Codable, Sendable, Equatable {
        public var seconds: Double
        public var bytesCopied: Int
        public var allocations: Int

        enum CodingKeys: String, CodingKey {
            case seconds, bytesCopied = "bytes_copied", allocations
        }
    }

    public struct WireVsRendered: Codable, Sendable, Equatable {
        public var wire: FormCost
        public var rendered: FormCost
        /// Fraction of messages whose wire and rendered verdicts agree.
        public var verdictAgreement: Double

        enum CodingKeys: String, CodingKey {
            case wire, rendered, verdictAgreement = "verdict_agreement"
        }
    }

    public struct Rescan: Codable, Sendable, Equatable {
        public var flagged: Int
        public var changedOnRescan: Int
        /// Of the changed verdicts, how many became spam and how many became ham.
        public var becameSpam: Int? = nil
        public var becameHam: Int? = nil
        /// Of the changed verdicts, how many now agree with the label.
        public var corrected: Int? = nil

        enum CodingKeys: String, CodingKey {
            case flagged, changedOnRescan = "changed_on_rescan"
            case becameSpam = "became_spam", becameHam = "became_ham", corrected
        }
    }
}
