/// One query digest against many candidates: the inner loop of a multi-index Hamming index
/// (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index Hashing",
/// CVPR 2012) once the candidate buckets are gathered.
extension Hamming {
    /// Writes the distance of `query` to each 64-bit candidate into `distances`.
    ///
    /// - Precondition: `distances.count >= candidates.count` (`assert`ed).
    /// - Complexity: O(n); the vector path compares eight candidates a step.
    @inlinable
    public static func distances(from query: UInt64, to candidates: UnsafeBufferPointer<UInt64>,
                                 into distances: UnsafeMutableBufferPointer<UInt16>,
                                 path: KernelPath = Hamming.preferredPath) {
        assert(distances.count >= candidates.count)
        let count = Swift.min(candidates.count, distances.count)
        guard count > 0, let base = candidates.baseAddress, let out = distances.baseAddress else { return }
        var index = 0
        if path == .simd {
            let raw = UnsafeRawPointer(base)
            let splat = SIMD8<UInt64>(repeating: query)
            while index + 8 <= count {
                let lanes = raw.loadUnaligned(fromByteOffset: index &* 8, as: SIMD8<UInt64>.self)
                let counts = SIMD8<UInt16>(truncatingIfNeeded: populationCounts(lanes ^ splat))
                UnsafeMutableRawPointer(out + index).storeBytes(of: counts, as: SIMD8<UInt16>.self)
                index &+= 8
            }
        }
        while index < count {
            out[index] = UInt16(truncatingIfNeeded: (base[index] ^ query).nonzeroBitCount)
            index &+= 1
        }
    }

    /// Writes the distance of `query` to each 256-bit candidate into `distances`.
    ///
    /// - Precondition: `distances.count >= candidates.count` (`assert`ed).
    @inlinable
    public static func distances(from query: SIMD4<UInt64>, to candidates: UnsafeBufferPointer<SIMD4<UInt64>>,
                                 into distances: UnsafeMutableBufferPointer<UInt16>,
                                 path: KernelPath = Hamming.preferredPath) {
        assert(distances.count >= candidates.count)
        let count = Swift.min(candidates.count, distances.count)
        guard count > 0, let base = candidates.baseAddress, let out = distances.baseAddress else { return }
        for index in 0..<count {
            out[index] = UInt16(truncatingIfNeeded: distance(query, base[index], path: path))
        }
    }

    /// The indices of the 64-bit candidates within `radius` bits of `query`, in order.
    public static func matches(of query: UInt64, in candidates: [UInt64], within radius: Int,
                               path: KernelPath = Hamming.preferredPath) -> [Int] {
        var found: [Int] = []
        var scratch = [UInt16](repeating: 0, count: candidates.count)
        candidates.withUnsafeBufferPointer { words in
            scratch.withUnsafeMutableBufferPointer { distances(from: query, to: words, into: $0, path: path) }
        }
        for (index, distance) in scratch.enumerated() where Int(distance) <= radius { found.append(index) }
        return found
    }
}
