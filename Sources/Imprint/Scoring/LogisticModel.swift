#if canImport(Glibc)
import Glibc
#endif

/// A logistic combination of evidence features: `p = 1 / (1 + exp(-(b + Σ wᵢ xᵢ)))`.
///
/// The engine's score is `100 p`. The weights are fitted by `cartridge build` (see
/// `LogisticModel.fit`) and stored in the cartridge, so that cartridges differ in them too.
public struct LogisticModel: Sendable, Hashable, Codable {
    /// Feature names, in the order of `weights`.
    public var features: [String]
    public var weights: [Double]
    public var bias: Double

    public init(features: [String], weights: [Double], bias: Double) {
        precondition(features.count == weights.count, "a weight per feature")
        self.features = features
        self.weights = weights
        self.bias = bias
    }

    /// The linear predictor (log-odds) of `x`.
    public func logOdds(_ x: [Double]) -> Double {
        var z = bias
        for index in 0..<min(x.count, weights.count) { z += weights[index] * x[index] }
        return z
    }

    /// The probability that `x` is abusive.
    public func probability(_ x: [Double]) -> Double { Self.sigmoid(logOdds(x)) }

    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// Fits the weights by Newton's method (iteratively reweighted least squares) on the
    /// penalized log-likelihood, with an L2 penalty `l2 · Σ wᵢ²` on the weights (not the bias).
    ///
    /// - Parameters:
    ///   - rows: feature vectors, all of `features.count` values.
    ///   - labels: 1 abusive, 0 ham, one per row.
    ///   - sampleWeights: per-row weights (class balancing), 1 when nil.
    ///   - l2: the ridge penalty; it also keeps the fit finite on separable data.
    /// - Complexity: O(iterations · n · d²) time and O(d²) extra memory; d is small here (tens).
    public static func fit(features: [String], rows: [[Double]], labels: [Double], sampleWeights: [Double]? = nil,
                           l2: Double = 1.0, iterations: Int = 50) -> LogisticModel {
        let d = features.count + 1  // index 0 is the bias
        var beta = [Double](repeating: 0, count: d)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: d)
            var hessian = [Double](repeating: 0, count: d * d)
            for (row, x) in rows.enumerated() {
                let weight = sampleWeights?[row] ?? 1
                var z = beta[0]
                for j in 1..<d { z += beta[j] * x[j - 1] }
                let p = sigmoid(z)
                let residual = (labels[row] - p) * weight
                let curvature = max(p * (1 - p), 1e-12) * weight
                gradient[0] += residual
                for j in 1..<d { gradient[j] += residual * x[j - 1] }
                for a in 0..<d {
                    let xa = a == 0 ? 1 : x[a - 1]
                    for b in a..<d {
                        let xb = b == 0 ? 1 : x[b - 1]
                        hessian[a * d + b] += curvature * xa * xb
                    }
                }
            }
            for a in 0..<d {
                for b in 0..<a { hessian[a * d + b] = hessian[b * d + a] }
            }
            for j in 1..<d {
                gradient[j] -= 2 * l2 * beta[j]
                hessian[j * d + j] += 2 * l2
            }
            hessian[0] += 1e-9
            guard let step = solve(hessian, gradient, size: d) else { break }
            var largest = 0.0
            for j in 0..<d {
                beta[j] += step[j]
                largest = max(largest, abs(step[j]))
            }
            if largest < 1e-9 { break }
        }
        return LogisticModel(features: features, weights: Array(beta[1...]), bias: beta[0])
    }

    /// Solves `A x = b` for a symmetric positive definite `A` by Gaussian elimination with
    /// partial pivoting; nil when singular.
    static func solve(_ matrix: [Double], _ vector: [Double], size n: Int) -> [Double]? {
        var a = matrix, b = vector
        for column in 0..<n {
            var pivot = column
            for row in column + 1..<n where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
            guard abs(a[pivot * n + column]) > 1e-300 else { return nil }
            if pivot != column {
                for k in 0..<n { a.swapAt(column * n + k, pivot * n + k) }
                b.swapAt(column, pivot)
            }
            for row in column + 1..<n {
                let factor = a[row * n + column] / a[column * n + column]
                if factor == 0 { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in row + 1..<n { sum -= a[row * n + k] * x[k] }
            x[row] = sum / a[row * n + row]
        }
        return x
    }
}
