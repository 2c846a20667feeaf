extension TLSH {
    /// The number of buckets the T1 digest encodes (the first 128 of 256).
    static let effectiveBuckets = 128

    /// The digest of everything fed so far, or nil when the input has none (the reference
    /// prints `TNULL`): shorter than ``minimumLength``, longer than ``maximumLength``, or too
    /// uniform (third quartile 0, or at most half of the 128 buckets non-zero). The state is
    /// not consumed.
    ///
    /// Each bucket becomes 2 bits by its count against the quartiles q1 ≤ q2 ≤ q3 of the 128
    /// counts (0: ≤ q1, 1: ≤ q2, 2: ≤ q3, 3: above), four buckets a body byte, bucket 4i in the
    /// low bits of byte i. The header holds the checksum, the length value
    /// (``TLSHLengthScale``) and `q1·100/q3 mod 16`, `q2·100/q3 mod 16`.
    public func finalize() -> TLSHDigest? {
        guard length >= Self.minimumLength, let lengthValue = TLSHLengthScale.value(forLength: length) else {
            return nil
        }
        let buckets = Self.effectiveBuckets
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * buckets) { scratch in
            let merged = UnsafeMutableBufferPointer(rebasing: scratch[0..<buckets])
            let reordered = UnsafeMutableBufferPointer(rebasing: scratch[buckets..<(2 * buckets)])
            let inverse = TLSHTables.shared.inverse
            counts.withUnsafeBufferPointer { histograms in
                for bucket in 0..<buckets {
                    // The kernel counts bucket T[x] at index x.
                    let index = Int(inverse[bucket])
                    var total: UInt32 = 0
                    for histogram in 0..<6 { total &+= histograms[histogram * 256 + index] }
                    merged[bucket] = total
                    reordered[bucket] = total
                }
            }
            let (q1, q2, q3) = Self.quartiles(reordered.baseAddress!, count: buckets)
            assert({
                // Debug builds (the tests) check the selection against a full sort.
                let sorted = Array(merged).sorted()
                return (sorted[31], sorted[63], sorted[95]) == (q1, q2, q3)
            }())
            guard q3 > 0 else { return nil }
            var nonZero = 0
            for bucket in 0..<buckets where merged[bucket] > 0 { nonZero += 1 }
            guard nonZero > buckets / 2 else { return nil }

            var body = SIMD32<UInt8>()
            for byte in 0..<(buckets / 4) {
                var code: UInt8 = 0
                for slot in 0..<4 {
                    let count = merged[4 * byte + slot]
                    let level: UInt8 = count > q3 ? 3 : count > q2 ? 2 : count > q1 ? 1 : 0
                    code |= level << UInt8(2 * slot)
                }
                body[byte] = code
            }
            let q1Ratio = UInt8(truncatingIfNeeded: (UInt64(q1) * 100 / UInt64(q3)) % 16)
            let q2Ratio = UInt8(truncatingIfNeeded: (UInt64(q2) * 100 / UInt64(q3)) % 16)
            return TLSHDigest(checksum: checksum, lengthValue: lengthValue, q1Ratio: q1Ratio, q2Ratio: q2Ratio,
                              low: body.lowHalf, high: body.highHalf)
        }
    }
}
