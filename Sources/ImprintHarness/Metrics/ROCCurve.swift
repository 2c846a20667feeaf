/// The ROC curve of scores against the abusive/ham truth, and the area under it.
///
/// Complexity: O(n log n) for the sort; everything after is linear.
public struct ROCCurve: Sendable {
    /// One operating point: at thresholds `score >= threshold`, the fractions of ham flagged
    /// (false positive rate) and of abusive messages flagged (true positive rate).
    public struct Point: Sendable, Hashable, Codable {
        public var threshold: Double
        public var falsePositiveRate: Double
        public var truePositiveRate: Double
    }

    /// From the strictest threshold (nothing flagged) to the loosest (everything flagged),
    /// one point per distinct score.
    public let points: [Point]
    /// Area under the curve: the probability that a random abusive message scores above a random
    /// ham, ties counting one half (the Mann-Whitney U statistic over n_abusive * n_ham).
    public let area: Double
    public let positives: Int
    public let negatives: Int

    public init(_ outcomes: [ScoredOutcome]) {
        let sorted = outcomes.sorted { $0.score > $1.score }
        let positives = sorted.reduce(0) { $0 + ($1.isAbusive ? 1 : 0) }
        let negatives = sorted.count - positives
        var points = [Point(threshold: .infinity, falsePositiveRate: 0, truePositiveRate: 0)]
        var truePositives = 0, falsePositives = 0
        var area = 0.0
        var index = 0
        while index < sorted.count {
            let score = sorted[index].score
            var tiedPositives = 0, tiedNegatives = 0
            while index < sorted.count, sorted[index].score == score {
                if sorted[index].isAbusive { tiedPositives += 1 } else { tiedNegatives += 1 }
                index += 1
            }
            // Each ham in this tie group is outranked by every abusive message above it,
            // and ties with the abusive messages of its own group (half credit).
            area += Double(tiedNegatives) * (Double(truePositives) + Double(tiedPositives) / 2)
            truePositives += tiedPositives
            falsePositives += tiedNegatives
            points.append(Point(threshold: score,
                                falsePositiveRate: negatives == 0 ? 0 : Double(falsePositives) / Double(negatives),
                                truePositiveRate: positives == 0 ? 0 : Double(truePositives) / Double(positives)))
        }
        self.points = points
        self.positives = positives
        self.negatives = negatives
        self.area = positives == 0 || negatives == 0 ? 1 : area / (Double(positives) * Double(negatives))
    }

    /// TREC's (1-ROCA)%: the area above the curve, in percent.
    public var oneMinusAreaPercent: Double { 100 * (1 - area) }

    /// The standard error of the area (Hanley & McNeil 1982, "The meaning and use of the area
    /// under a ROC curve", Radiology 143:29–36, equation 1).
    public var areaStandardError: Double {
        guard positives > 0, negatives > 0 else { return 0 }
        let a = min(max(area, 1e-9), 1 - 1e-9)
        let q1 = a / (2 - a), q2 = 2 * a * a / (1 + a)
        let np = Double(positives), nn = Double(negatives)
        let variance = (a * (1 - a) + (np - 1) * (q1 - a * a) + (nn - 1) * (q2 - a * a)) / (np * nn)
        return variance.squareRoot()
    }

    /// 95% confidence interval of (1-ROCA)%, computed in logit space as TREC reports it.
    public var oneMinusAreaPercentInterval: ClosedRange<Double> {
        let miss = min(max(1 - area, 1e-9), 1 - 1e-9)
        let spread = 1.96 * areaStandardError / (miss * (1 - miss))
        let center = Logit.logit(miss)
        return 100 * Logit.inverse(center - spread)...100 * Logit.inverse(center + spread)
    }

    /// The smallest fraction of abusive messages missed at any threshold whose ham misclassification
    /// is at most `hamRate` (TREC's sm% at hm% = 0.1 with `hamRate` 0.001), with that threshold.
    public func missRate(atHamRate hamRate: Double) -> (missRate: Double, threshold: Double) {
        var best = (missRate: 1.0, threshold: Double.infinity)
        for point in points where point.falsePositiveRate <= hamRate + 1e-12 {
            if 1 - point.truePositiveRate < best.missRate {
                best = (1 - point.truePositiveRate, point.threshold)
            }
        }
        return best
    }
}
