import ImprintHarness

/// The seeded generator of the synthetic benchmark data (the harness's SplitMix64), so every
/// run measures the same inputs.
public typealias SplitMix = SplitMix64

extension SplitMix64 {
    /// A value in `0..<bound` (bound > 0; the modulo bias is irrelevant for benchmark data).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    public mutating func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        for index in 0..<count { out[index] = UInt8(truncatingIfNeeded: next()) }
        return out
    }
}
