@testable import ImprintHarness
import ImprintTestSupport
import Testing

/// Metrics against hand-computed cases and against scikit-learn on the same score files.
@Suite struct MetricTests {
    static func outcome(_ label: CorpusLabel, _ score: Double) -> ScoredOutcome {
        ScoredOutcome(label: label, score: score, category: 0)
    }

    @Test func areaCountsTiesAsHalf() {
        // 3 spam x 3 ham = 9 pairs: 0.9 and 0.8 beat all ham (6); 0.4 beats 0.1, ties 0.4, loses to 0.7 (1.5).
        let outcomes = [0.9, 0.8, 0.4].map { Self.outcome(.spam, $0) } + [0.7, 0.4, 0.1].map { Self.outcome(.ham, $0) }
        let roc = ROCCurve(outcomes)
        #expect(abs(roc.area - 7.5 / 9) < 1e-12)
        #expect(abs(roc.oneMinusAreaPercent - 100 * 1.5 / 9) < 1e-9)
        #expect(roc.points.first?.truePositiveRate == 0 && roc.points.last?.truePositiveRate == 1)
        #expect(roc.points.last?.falsePositiveRate == 1)
    }

    @Test func perfectAndInvertedRankings() {
        let perfect = (0..<10).map { Self.outcome($0 < 5 ? .ham : .phishing, Double($0)) }
        #expect(ROCCurve(perfect).area == 1)
        #expect(ROCCurve(perfect).missRate(atHamRate: 0).missRate == 0)
        let inverted = (0..<10).map { Self.outcome($0 < 5 ? .spam : .ham, Double($0)) }
        #expect(ROCCurve(inverted).area == 0)
    }

    @Test func confusionMatrixAtTheThreshold() {
        let outcomes = [Self.outcome(.spam, 80), Self.outcome(.spam, 79.9), Self.outcome(.virus, 95),
                        Self.outcome(.ham, 80), Self.outcome(.ham, 10), Self.outcome(.ham, 0)]
        let matrix = ConfusionMatrix(outcomes, threshold: 80)
        #expect(matrix.truePositives == 2 && matrix.falseNegatives == 1)
        #expect(matrix.falsePositives == 1 && matrix.trueNegatives == 2)
        #expect(abs(matrix.accuracy - 4.0 / 6) < 1e-12)
        #expect(abs(matrix.precision - 2.0 / 3) < 1e-12 && abs(matrix.recall - 2.0 / 3) < 1e-12)
        #expect(abs(matrix.falsePositiveRate - 1.0 / 3) < 1e-12)
    }

    @Test func lamIsTheLogitAverageWithSmoothing() {
        // 1 of 10 ham and 2 of 20 spam misclassified: hm = 1.5/10.5, sm = 2.5/20.5,
        // lam = invlogit((logit hm + logit sm) / 2) = 13.2054% (computed by hand in Python).
        var outcomes = (0..<10).map { Self.outcome(.ham, $0 == 0 ? 90 : 10) }
        outcomes += (0..<20).map { Self.outcome(.spam, $0 < 2 ? 10 : 90) }
        let matrix = ConfusionMatrix(outcomes, threshold: 80)
        let trec = TRECMeasures(matrix: matrix, roc: ROCCurve(outcomes))
        #expect(abs(trec.lamPercent - 13.205380782137425) < 1e-9)
        #expect(abs(trec.hamMisclassificationPercent - 10) < 1e-12)
        #expect(trec.lamPercentInterval.contains(trec.lamPercent))
        #expect(trec.lamPercentInterval.lowerBound > 3 && trec.lamPercentInterval.upperBound < 40)
    }

    @Test func spamMissAtHamRateTakesTheBestAllowedThreshold() {
        // 1000 ham: at hm <= 0.1% one ham may be flagged. The ham at 95 forces the threshold above
        // it unless one ham is allowed; spam at 99, 96, 90 and 50 (below the other ham, at 60).
        var outcomes = (0..<999).map { _ in Self.outcome(.ham, 60) }
        outcomes.append(Self.outcome(.ham, 95))
        outcomes += [99, 96, 90, 50].map { Self.outcome(.spam, $0) }
        let roc = ROCCurve(outcomes)
        let atHam = roc.missRate(atHamRate: 0.001)
        #expect(atHam.missRate == 0.25 && atHam.threshold == 90)
        #expect(roc.missRate(atHamRate: 0).missRate == 0.5)
    }

    @Test func calibrationBinsAndError() {
        // Decile 9 (90–100): 10 messages at 95, 9 abusive: predicted .95, observed .9.
        // Decile 0: 10 messages at 5, 1 abusive: predicted .05, observed .1.
        var outcomes = (0..<10).map { Self.outcome($0 < 9 ? .spam : .ham, 95) }
        outcomes += (0..<10).map { Self.outcome($0 < 1 ? .spam : .ham, 5) }
        outcomes.append(Self.outcome(.spam, 100))  // 100 falls in the last bin
        let calibration = Calibration(outcomes)
        #expect(calibration.bins.count == 10)
        #expect(calibration.bins[9].count == 11 && calibration.bins[0].count == 10)
        #expect(abs(calibration.bins[0].observedAbusive - 0.1) < 1e-12)
        let expected = 11.0 / 21 * abs(10.0 / 11 - (9.5 + 1) / 11) + 10.0 / 21 * abs(0.1 - 0.05)
        #expect(abs(calibration.expectedCalibrationError - expected) < 1e-12)
    }

    @Test(arguments: ["overlap", "separated", "ties", "imbalanced"])
    func areaAndMatrixMatchScikitLearn(file: String) throws {
        let expected = try Fixtures.table("metrics/expected.tsv").first { $0[0] == file }!
        let outcomes = try Fixtures.table("metrics/\(file).scores.tsv").map {
            Self.outcome(CorpusLabel(rawValue: String($0[0])), Double($0[1])!)
        }
        let roc = ROCCurve(outcomes)
        #expect(abs(roc.area - Double(expected[1])!) < 1e-9)
        let matrix = ConfusionMatrix(outcomes, threshold: 80)
        #expect([matrix.truePositives, matrix.falsePositives, matrix.trueNegatives, matrix.falseNegatives]
            == expected[2...5].map { Int($0)! })
        #expect(roc.oneMinusAreaPercentInterval.contains(roc.oneMinusAreaPercent))
    }
}
