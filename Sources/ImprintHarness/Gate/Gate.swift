/// The regression gate: a report against a baseline, under tolerances. CI fails when a check fails.
public struct Gate: Sendable {
    /// How much worse a report may be than its baseline.
    public struct Tolerances: Sendable, Hashable {
        /// The false positive rate may rise by at most this (a fraction: 0.001 is 0.1 point).
        public var maxFPRateIncrease: Double
        /// ROC AUC may fall by at most this (a fraction of 1).
        public var maxAUCDrop: Double
        /// Messages per second may fall by at most this fraction of the baseline's.
        public var maxThroughputDrop: Double

        public init(maxFPRateIncrease: Double = 0.001, maxAUCDrop: Double = 0.0005, maxThroughputDrop: Double = 0.5) {
            self.maxFPRateIncrease = maxFPRateIncrease
            self.maxAUCDrop = maxAUCDrop
            self.maxThroughputDrop = maxThroughputDrop
        }
    }

    /// One line of the gate's table.
    public struct Check: Sendable, Hashable {
        public var metric: String
        public var baseline: Double
        public var report: Double
        /// The worst the report may be and still pass.
        public var limit: Double
        public var passed: Bool
    }

    public let checks: [Check]

    /// Whether every check passed.
    public var passed: Bool { checks.allSatisfy(\.passed) }

    public init(report: Report, baseline: Report, tolerances: Tolerances = .init()) {
        let fpLimit = baseline.metrics.fpRate + tolerances.maxFPRateIncrease
        let aucLimit = baseline.metrics.rocAuc - tolerances.maxAUCDrop
        let rateLimit = baseline.throughput.messagesPerSecond * (1 - tolerances.maxThroughputDrop)
        checks = [
            Check(metric: "fp_rate", baseline: baseline.metrics.fpRate, report: report.metrics.fpRate,
                  limit: fpLimit, passed: report.metrics.fpRate <= fpLimit + 1e-12),
            Check(metric: "roc_auc", baseline: baseline.metrics.rocAuc, report: report.metrics.rocAuc,
                  limit: aucLimit, passed: report.metrics.rocAuc >= aucLimit - 1e-12),
            Check(metric: "one_minus_auc_pct", baseline: baseline.metrics.oneMinusAucPct,
                  report: report.metrics.oneMinusAucPct, limit: 100 * (1 - aucLimit),
                  passed: report.metrics.oneMinusAucPct <= 100 * (1 - aucLimit) + 1e-9),
            Check(metric: "messages_per_second", baseline: baseline.throughput.messagesPerSecond,
                  report: report.throughput.messagesPerSecond, limit: rateLimit,
                  passed: report.throughput.messagesPerSecond >= rateLimit),
        ]
    }

    /// The table printed by `imprint gate`: every check, failures marked WORSE.
    public func table() -> String {
        var lines = ["metric               baseline       report        limit  status"]
        for check in checks {
            let name = check.metric.padding(toLength: 20, withPad: " ", startingAt: 0)
            lines.append("\(name) \(Self.cell(check.baseline)) \(Self.cell(check.report)) \(Self.cell(check.limit))  "
                + (check.passed ? "ok" : "WORSE"))
        }
        return lines.joined(separator: "\n")
    }

    private static func cell(_ value: Double) -> String {
        let text = ReportNumber.fixed(value, digits: value >= 100 ? 1 : 6)
        return String(repeating: " ", count: max(0, 12 - text.count)) + text
    }
}
