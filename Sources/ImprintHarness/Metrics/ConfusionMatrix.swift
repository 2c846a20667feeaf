/// The binary confusion matrix at a score threshold: abusive (spam, phishing, virus) is positive.
public struct ConfusionMatrix: Sendable, Hashable, Codable {
    public var truePositives = 0
    public var falsePositives = 0
    public var trueNegatives = 0
    public var falseNegatives = 0

    public init() {}

    /// Counts outcomes, calling a message abusive when its score is at least `threshold`
    /// (`is_spam` against `MinimumScore`).
    public init(_ outcomes: some Sequence<ScoredOutcome>, threshold: Double) {
        for outcome in outcomes {
            let flagged = outcome.score >= threshold
            switch (outcome.isAbusive, flagged) {
            case (true, true): truePositives += 1
            case (true, false): falseNegatives += 1
            case (false, true): falsePositives += 1
            case (false, false): trueNegatives += 1
            }
        }
    }

    public var positives: Int { truePositives + falseNegatives }
    public var negatives: Int { trueNegatives + falsePositives }
    public var total: Int { positives + negatives }

    /// Fraction of all messages classified right.
    public var accuracy: Double { ratio(truePositives + trueNegatives, total) }
    /// Ham called abusive, over all ham (TREC's hm).
    public var falsePositiveRate: Double { ratio(falsePositives, negatives) }
    /// Abusive messages let through, over all abusive (TREC's sm).
    public var falseNegativeRate: Double { ratio(falseNegatives, positives) }
    /// Of the messages flagged, the fraction truly abusive.
    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    /// Of the abusive messages, the fraction flagged.
    public var recall: Double { ratio(truePositives, positives) }

    /// 0 for an empty denominator, so that an empty class never produces NaN in a report.
    private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
