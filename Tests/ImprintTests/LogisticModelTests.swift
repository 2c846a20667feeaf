import Foundation
@testable import Imprint
import ImprintTestSupport
import Testing

@Suite struct LogisticModelTests {
    /// Data drawn from a known logistic model: the fit recovers its weights.
    @Test func fitRecoversTheGeneratingWeights() {
        var random = SeededGenerator(seed: 11)
        let truth = (bias: 0.5, weights: [1.5, -2.0, 0.0])
        var rows: [[Double]] = [], labels: [Double] = []
        for _ in 0..<20_000 {
            let x = (0..<3).map { _ in Double.random(in: -2...2, using: &random) }
            let z = truth.bias + zip(truth.weights, x).reduce(0) { $0 + $1.0 * $1.1 }
            let p = 1 / (1 + exp(-z))
            rows.append(x)
            labels.append(Double.random(in: 0..<1, using: &random) < p ? 1 : 0)
        }
        let model = LogisticModel.fit(features: ["a", "b", "noise"], rows: rows, labels: labels, l2: 0.01)
        #expect(abs(model.bias - 0.5) < 0.1)
        #expect(abs(model.weights[0] - 1.5) < 0.1)
        #expect(abs(model.weights[1] + 2.0) < 0.1)
        #expect(abs(model.weights[2]) < 0.1)
        #expect(abs(model.probability([0, 0, 0]) - 1 / (1 + exp(-0.5))) < 0.03)
    }

    /// Separable data stays finite thanks to the penalty, and ranks perfectly.
    @Test func separableDataStaysFinite() {
        let rows = (0..<100).map { [Double($0) / 10] }
        let labels = (0..<100).map { $0 >= 50 ? 1.0 : 0.0 }
        let model = LogisticModel.fit(features: ["x"], rows: rows, labels: labels, l2: 0.1)
        #expect(model.weights[0].isFinite && model.weights[0] > 0)
        #expect(model.probability([9.9]) > 0.9 && model.probability([0]) < 0.1)
    }

    @Test func solverHandlesPivoting() {
        // [[0, 1], [1, 0]] x = [2, 3] → x = [3, 2]
        #expect(LogisticModel.solve([0, 1, 1, 0], [2, 3], size: 2) == [3, 2])
        #expect(LogisticModel.solve([1, 2, 2, 4], [1, 2], size: 2) == nil)
    }
}
