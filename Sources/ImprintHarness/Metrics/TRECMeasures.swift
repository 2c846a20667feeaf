/// The TREC spam track's summary measures at the filter's binary decisions, with 95%
/// confidence intervals (Cormack & Lynam, "TREC 2005 Spam Track Overview").
///
/// hm% and sm% are the ham and spam misclassification percentages; lam% is their logistic
/// average, `invlogit((logit(hm) + logit(sm)) / 2)`. Rates of zero are smoothed as the CEAS 2007
/// and TREC toolkits do, `(errors + 0.5) / (n + 0.5)`, so that logit stays finite. Intervals
/// are normal in logit space with the binomial variance `1 / (n p (1 - p))` (delta method).
public struct TRECMeasures: Sendable, Hashable, Codable {
    public var hamMisclassificationPercent: Double
    public var spamMisclassificationPercent: Double
    public var lamPercent: Double
    public var lamPercentInterval: ClosedRange<Double>
    /// sm% at hm% = 0.1 from the ROC curve, and its interval (binomial at that threshold).
    public var spamMissPercentAtHam0_1: Double
    public var spamMissPercentAtHam0_1Interval: ClosedRange<Double>

    public init(matrix: ConfusionMatrix, roc: ROCCurve) {
        let hm = Self.smoothed(matrix.falsePositives, matrix.negatives)
        let sm = Self.smoothed(matrix.falseNegatives, matrix.positives)
        hamMisclassificationPercent = 100 * matrix.falsePositiveRate
        spamMisclassificationPercent = 100 * matrix.falseNegativeRate
        let center = (Logit.logit(hm) + Logit.logit(sm)) / 2
        let variance = (Self.logitVariance(hm, Double(matrix.negatives)) + Self.logitVariance(sm, Double(matrix.positives))) / 4
        lamPercent = 100 * Logit.inverse(center)
        lamPercentInterval = Self.interval(center: center, variance: variance)

        let atHam = roc.missRate(atHamRate: 0.001)
        spamMissPercentAtHam0_1 = 100 * atHam.missRate
        let misses = Int((atHam.missRate * Double(roc.positives)).rounded())
        let smoothedMiss = Self.smoothed(misses, roc.positives)
        spamMissPercentAtHam0_1Interval = Self.interval(center: Logit.logit(smoothedMiss),
                                                        variance: Self.logitVariance(smoothedMiss, Double(roc.positives)))
    }

    static func smoothed(_ errors: Int, _ count: Int) -> Double {
        let rate = (Double(errors) + 0.5) / (Double(count) + 0.5)
        return min(rate, 1 - 1e-9)
    }

    static func logitVariance(_ p: Double, _ n: Double) -> Double {
        n <= 0 ? 0 : 1 / (n * p * (1 - p))
    }

    static func interval(center: Double, variance: Double) -> ClosedRange<Double> {
        let spread = 1.96 * variance.squareRoot()
        return 100 * Logit.inverse(center - spread)...100 * Logit.inverse(center + spread)
    }
}
