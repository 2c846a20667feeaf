/// The per-shingle update: every permutation's minimum against the new element.
extension MinHash {
    /// Lowers each `minima[i]` to `a[i] * element + b[i]` (mod 2^64) when smaller. The counts
    /// are equal multiples of 8 (the padding lanes repeat real permutations, harmlessly).
    @inline(__always)
    static func lowerMinima(_ minima: UnsafeMutableBufferPointer<UInt64>, element: UInt64,
                            multipliers: UnsafeBufferPointer<UInt64>, addends: UnsafeBufferPointer<UInt64>,
                            path: KernelPath) {
        let count = minima.count
        assert(count % 8 == 0 && multipliers.count == count && addends.count == count)
        guard let out = minima.baseAddress, let a = multipliers.baseAddress, let b = addends.baseAddress else { return }
        switch path {
        case .scalar:
            for index in 0..<count {
                let value = a[index] &* element &+ b[index]
                if value < out[index] { out[index] = value }
            }
        case .simd:
            let splat = SIMD8<UInt64>(repeating: element)
            let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b), rawOut = UnsafeMutableRawPointer(out)
            var offset = 0
            while offset < count &* 8 {
                let values = rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt64>.self) &* splat
                    &+ rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt64>.self)
                let current = rawOut.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt64>.self)
                rawOut.storeBytes(of: pointwiseMin(values, current), toByteOffset: offset, as: SIMD8<UInt64>.self)
                offset &+= 64
            }
        }
    }
}
