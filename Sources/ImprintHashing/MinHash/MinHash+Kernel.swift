/// The minimum update: every permutation's minimum against a batch of shingle hashes.
extension MinHash {
    /// Shingles gathered before the minima are lowered (one batch: 4 KB on the stack).
    static let batchSize = 512

    /// Lowers each `minima[i]` to the least `a[i] * x + b[i]` (mod 2^64) over the `count`
    /// shingle hashes `x` of `shingles`. `lanes` (a multiple of 8) minima, multipliers and
    /// addends are readable; the lanes past the real permutations repeat real ones, harmlessly.
    ///
    /// Permutation-major: each permutation's (a, b) and minimum stay in registers across the
    /// batch. The scalar path takes four permutations a pass (four independent multiply and
    /// compare chains per shingle load); the `SIMD8<UInt64>` twin holds eight permutations a
    /// vector, the unsigned minimum taken as a signed one with the sign bit flipped.
    @inline(__always)
    static func lowerMinima(_ minima: UnsafeMutablePointer<UInt64>, lanes: Int,
                            multipliers a: UnsafePointer<UInt64>, addends b: UnsafePointer<UInt64>,
                            shingles: UnsafePointer<UInt64>, count: Int, path: KernelPath) {
        assert(lanes % 8 == 0)
        guard count > 0 else { return }
        switch path {
        case .scalar:
            var lane = 0
            while lane < lanes {
                // Four permutations a pass over the batch: one load of x feeds four multiplies.
                let a0 = a[lane], a1 = a[lane &+ 1], a2 = a[lane &+ 2], a3 = a[lane &+ 3]
                let b0 = b[lane], b1 = b[lane &+ 1], b2 = b[lane &+ 2], b3 = b[lane &+ 3]
                var m0 = minima[lane], m1 = minima[lane &+ 1], m2 = minima[lane &+ 2], m3 = minima[lane &+ 3]
                for index in 0..<count {
                    let x = shingles[index]
                    m0 = Swift.min(m0, a0 &* x &+ b0)
                    m1 = Swift.min(m1, a1 &* x &+ b1)
                    m2 = Swift.min(m2, a2 &* x &+ b2)
                    m3 = Swift.min(m3, a3 &* x &+ b3)
                }
                minima[lane] = m0
                minima[lane &+ 1] = m1
                minima[lane &+ 2] = m2
                minima[lane &+ 3] = m3
                lane &+= 4
            }
        case .simd:
            let sign = SIMD8<UInt64>(repeating: 1 << 63)
            let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b), rawMinima = UnsafeMutableRawPointer(minima)
            var offset = 0
            while offset < lanes &* 8 {
                let multipliers = rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt64>.self)
                // (a x + b) xor 2^63 = a x + (b xor 2^63): biased values compare as signed.
                let addends = rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt64>.self) ^ sign
                var least = SIMD8<Int64>(truncatingIfNeeded: rawMinima.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt64>.self) ^ sign)
                for index in 0..<count {
                    let values = SIMD8<Int64>(truncatingIfNeeded: multipliers &* SIMD8(repeating: shingles[index]) &+ addends)
                    least = pointwiseMin(least, values)
                }
                rawMinima.storeBytes(of: SIMD8<UInt64>(truncatingIfNeeded: least) ^ sign, toByteOffset: offset, as: SIMD8<UInt64>.self)
                offset &+= 64
            }
        }
    }
}
