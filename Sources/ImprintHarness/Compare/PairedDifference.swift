/// One metric of a comparison: A's value, B's, their difference (B − A) and its 95% interval.
public struct PairedDifference: Codable, Sendable, Equatable {
    public var metric: String
    public var a: Double
    public var b: Double
    public var difference: Double
    /// 95% interval of the difference; nil when none is computed.
    public var interval: [Double]?

    /// A difference of two proportions measured on the same messages, from paired indicators
    /// (Newcombe 1998, "Improved confidence intervals for the difference between binomial
    /// proportions based on paired data", Stat. Med. 17:2635, the Wald interval, method 1):
    /// with n pairs, `onlyA` where only A's indicator is set and `onlyB` where only B's is, the
    /// variance of (B − A) is `((onlyA + onlyB) − (onlyB − onlyA)² / n) / n²`.
    static func paired(_ metric: String, a: Double, b: Double, onlyA: Int, onlyB: Int, pairs: Int) -> PairedDifference {
        guard pairs > 0 else { return PairedDifference(metric: metric, a: a, b: b, difference: b - a, interval: nil) }
        let n = Double(pairs), discordant = Double(onlyA + onlyB), shift = Double(onlyB - onlyA)
        let variance = max(0, (discordant - shift * shift / n) / (n * n))
        let spread = 1.96 * variance.squareRoot()
        return PairedDifference(metric: metric, a: a, b: b, difference: b - a, interval: [b - a - spread, b - a + spread])
    }

    /// A difference of two estimates with standard errors, taken as independent (conservative
    /// for positively correlated paired estimates such as two AUCs on the same messages).
    static func independent(_ metric: String, a: Double, b: Double, errorA: Double, errorB: Double, scale: Double = 1) -> PairedDifference {
        let spread = 1.96 * (errorA * errorA + errorB * errorB).squareRoot() * scale
        return PairedDifference(metric: metric, a: a, b: b, difference: b - a, interval: [b - a - spread, b - a + spread])
    }
}
