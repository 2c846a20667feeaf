/// Reliability of scores as probabilities: per score decile, the observed abusive fraction
/// beside the mean predicted one (score / 100), and the expected calibration error.
public struct Calibration: Sendable, Hashable, Codable {
    public struct Bin: Sendable, Hashable, Codable {
        /// Scores in `[lower, upper)` (the last bin includes 100).
        public var lower: Double
        public var upper: Double
        public var count: Int
        /// Mean of score / 100 over the bin (0 when empty).
        public var meanPredicted: Double
        /// Fraction of the bin that is abusive (0 when empty).
        public var observedAbusive: Double
    }

    public var bins: [Bin]
    /// Σ (n_bin / N) · |observed − predicted| over the bins (Naeini et al. 2015).
    public var expectedCalibrationError: Double

    public init(_ outcomes: some Sequence<ScoredOutcome>, binCount: Int = 10) {
        var counts = [Int](repeating: 0, count: binCount)
        var predicted = [Double](repeating: 0, count: binCount)
        var abusive = [Int](repeating: 0, count: binCount)
        var total = 0
        for outcome in outcomes {
            let score = min(max(outcome.score, 0), 100)
            let bin = min(binCount - 1, Int(score / 100 * Double(binCount)))
            counts[bin] += 1
            predicted[bin] += score / 100
            if outcome.isAbusive { abusive[bin] += 1 }
            total += 1
        }
        var error = 0.0
        bins = (0..<binCount).map { bin in
            let n = counts[bin]
            let mean = n == 0 ? 0 : predicted[bin] / Double(n)
            let observed = n == 0 ? 0 : Double(abusive[bin]) / Double(n)
            if total > 0 { error += Double(n) / Double(total) * abs(observed - mean) }
            return Bin(lower: 100 * Double(bin) / Double(binCount), upper: 100 * Double(bin + 1) / Double(binCount),
                       count: n, meanPredicted: mean, observedAbusive: observed)
        }
        expectedCalibrationError = error
    }
}
