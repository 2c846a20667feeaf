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
        // Scratch: merged counts and the 32 body bytes.
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: buckets + 8) { scratch in
            let merged = scratch.baseAddress!
            let bodyBytes = UnsafeMutableRawPointer(merged + buckets)
            let inverse = TLSHTables.shared.inverse
            var nonZero = 0
            counts.withUnsafeBufferPointer { histograms in
                for bucket in 0..<buckets {
                    // The kernel counts bucket T[x] at index x.
                    let index = Int(inverse[bucket])
                    var total: UInt32 = 0
                    for histogram in 0..<6 { total &+= histograms[histogram * 256 + index] }
                    merged[bucket] = total
                    nonZero &+= total > 0 ? 1 : 0
                }
            }
            let (q1, q2, q3) = Self.quartiles(merged, count: buckets)
            assert({
                // Debug builds (the tests) check the selection against a full sort.
                let sorted = UnsafeBufferPointer(start: merged, count: buckets).sorted()
                return (sorted[31], sorted[63], sorted[95]) == (q1, q2, q3)
            }())
            guard q3 > 0, nonZero > buckets / 2 else { return nil }

            for byte in 0..<(buckets / 4) {
                var code: UInt8 = 0
                for slot in 0..<4 {
                    let count = merged[4 * byte + slot]
                    // q1 <= q2 <= q3, so the level is how many of them the count exceeds
                    // (branch-free: these comparisons are unpredictable).
                    let level = UInt8(truncatingIfNeeded: (count > q1 ? 1 : 0) + (count > q2 ? 1 : 0) + (count > q3 ? 1 : 0))
                    code |= level << UInt8(2 * slot)
                }
                bodyBytes.storeBytes(of: code, toByteOffset: byte, as: UInt8.self)
            }
            let low = bodyBytes.loadUnaligned(as: SIMD16<UInt8>.self)
            let high = bodyBytes.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)
            let q1Ratio = UInt8(truncatingIfNeeded: (UInt64(q1) * 100 / UInt64(q3)) % 16)
            let q2Ratio = UInt8(truncatingIfNeeded: (UInt64(q2) * 100 / UInt64(q3)) % 16)
            return TLSHDigest(checksum: checksum, lengthValue: lengthValue, q1Ratio: q1Ratio, q2Ratio: q2Ratio,
                              low: low, high: high)
        }
    }
}
