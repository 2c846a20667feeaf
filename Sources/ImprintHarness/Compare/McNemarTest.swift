#if canImport(Glibc)
import Glibc
#endif

/// McNemar's test of paired binary verdicts (McNemar 1947, "Note on the sampling error of the
/// difference between correlated proportions or percentages", Psychometrika 12:153–157):
/// only the discordant pairs count, `onlyA` messages flagged by A alone and `onlyB` by B alone;
/// under the null hypothesis (both flag at the same rate) each discordant pair is a fair coin.
///
/// With fewer than `exactBelow` discordant pairs the p-value is the exact two-sided binomial
/// one, `min(1, 2 · Σ_{k ≤ min(b, c)} C(n, k) / 2ⁿ)`; from there on, the chi-square statistic
/// with Edwards' continuity correction, `(|b − c| − 1)² / (b + c)`, on one degree of freedom.
public struct McNemarTest: Codable, Sendable, Equatable {
    public var onlyA: Int
    public var onlyB: Int
    /// The chi-square statistic (nil when the exact test was used).
    public var statistic: Double?
    public var pValue: Double
    public var exact: Bool

    enum CodingKeys: String, CodingKey {
        case onlyA = "only_a", onlyB = "only_b", statistic, pValue = "p_value", exact
    }

    /// - Parameter exactBelow: discordant pairs below which the exact binomial test is used (default 25).
    public init(onlyA: Int, onlyB: Int, exactBelow: Int = 25) {
        self.onlyA = onlyA
        self.onlyB = onlyB
        let n = onlyA + onlyB
        if n < exactBelow {
            exact = true
            statistic = nil
            pValue = Self.exactTwoSided(smaller: min(onlyA, onlyB), total: n)
        } else {
            exact = false
            let difference = Double(abs(onlyA - onlyB)) - 1
            let chiSquare = max(0, difference) * max(0, difference) / Double(n)
            statistic = chiSquare
            pValue = erfc((chiSquare / 2).squareRoot())  // survival function of chi-square with 1 df
        }
    }

    /// `min(1, 2 · P(X ≤ k))` for X ~ Binomial(n, ½), summed in log space so that large n stays finite.
    static func exactTwoSided(smaller k: Int, total n: Int) -> Double {
        guard n > 0 else { return 1 }
        var sum = 0.0
        for i in 0...k {
            sum += exp(lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1)) - Double(n) * log(2.0))
        }
        return min(1, 2 * sum)
    }
}
