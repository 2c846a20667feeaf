extension Report.Metrics {
    /// All the accuracy measures of one set of outcomes at `minimumScore`.
    public init(_ outcomes: [ScoredOutcome], minimumScore: Double) {
        let matrix = ConfusionMatrix(outcomes, threshold: minimumScore)
        let roc = ROCCurve(outcomes)
        let trec = TRECMeasures(matrix: matrix, roc: roc)
        var perCategory: [String: [String: Int]] = [:]
        for outcome in outcomes {
            perCategory[outcome.label.rawValue, default: [:]][String(outcome.category), default: 0] += 1
        }
        self.init(
            accuracy: matrix.accuracy, fpRate: matrix.falsePositiveRate, fnRate: matrix.falseNegativeRate,
            precision: matrix.precision, recall: matrix.recall,
            rocAuc: roc.area, oneMinusAucPct: roc.oneMinusAreaPercent,
            oneMinusAucPctCI: [roc.oneMinusAreaPercentInterval.lowerBound, roc.oneMinusAreaPercentInterval.upperBound],
            lamPct: trec.lamPercent, lamPctCI: [trec.lamPercentInterval.lowerBound, trec.lamPercentInterval.upperBound],
            smAtHm0_1Pct: trec.spamMissPercentAtHam0_1,
            smAtHm0_1PctCI: [trec.spamMissPercentAtHam0_1Interval.lowerBound, trec.spamMissPercentAtHam0_1Interval.upperBound],
            confusion: matrix, perCategory: perCategory, calibration: Calibration(outcomes))
    }
}

extension Report {
    /// Score histograms per label: 10 bins of width 10 (100 falls in the last).
    static func histograms(_ outcomes: [ScoredOutcome]) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for outcome in outcomes {
            let bin = min(9, max(0, Int(outcome.score / 10)))
            result[outcome.label.rawValue, default: [Int](repeating: 0, count: 10)][bin] += 1
        }
        return result
    }

    /// At most `limit` ROC points, keeping the first, the last and every corner in between
    /// evenly by index.
    static func thinnedROC(_ outcomes: [ScoredOutcome], limit: Int = 400) -> [[Double]] {
        let points = ROCCurve(outcomes).points
        guard points.count > limit else { return points.map { [$0.falsePositiveRate, $0.truePositiveRate] } }
        let step = Double(points.count - 1) / Double(limit - 1)
        return (0..<limit).map { index in
            let point = points[Int((Double(index) * step).rounded())]
            return [point.falsePositiveRate, point.truePositiveRate]
        }
    }
}

extension Report {
    /// A report whose accuracy parts come from `outcomes`; the caller supplies the rest.
    public init(imprintVersion: String, cartridgeVersion: String, corpus: CorpusSummary, protocol: String,
                minimumScore: Double, outcomes: [ScoredOutcome], throughput: Throughput,
                wireVsRendered: WireVsRendered?, rescan: Rescan, errors: [String: Int]) {
        self.init(imprintVersion: imprintVersion, cartridgeVersion: cartridgeVersion, corpus: corpus,
                  protocol: `protocol`, minimumScore: minimumScore,
                  metrics: Metrics(outcomes, minimumScore: minimumScore), throughput: throughput,
                  wireVsRendered: wireVsRendered, rescan: rescan, errors: errors,
                  scoreHistograms: Self.histograms(outcomes), rocPoints: Self.thinnedROC(outcomes))
    }
}
