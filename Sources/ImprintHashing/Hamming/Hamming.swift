/// Hamming distances between bit vectors: 64-bit digests (SimHash, one PDQ word), 256-bit
/// digests (Nilsimsa, PDQ) and arrays of `UInt64` words.
///
/// Each kernel has a scalar reference (`nonzeroBitCount` per word, which is `popcnt` when the
/// target has it) and a vector twin (``KernelPath/simd``): `SIMD8<UInt64>` / `SIMD4<UInt64>` XOR
/// followed by the SWAR population count of Wegner/Knuth (TAOCP 7.1.3, "sideways addition"),
/// which needs only shifts, ANDs and adds and so vectorizes on every x86-64 and arm64 target.
/// Tests prove the twins equal on seeded random words.
public enum Hamming {
    /// The path the array and one-to-many kernels use when none is named: scalar, which measured
    /// 1.4x (portable build) and 1.5x (`-Xcc -march=x86-64-v3`, with `popcnt`) the SWAR vector
    /// path (`cd Benchmarks && swift package benchmark --target HashingBenchmarks`).
    public static let preferredPath: KernelPath = .scalar

    /// The number of differing bits of two 64-bit digests.
    @inlinable @inline(__always)
    public static func distance(_ lhs: UInt64, _ rhs: UInt64) -> Int {
        (lhs ^ rhs).nonzeroBitCount
    }

    /// The number of differing bits of two 256-bit digests.
    @inlinable @inline(__always)
    public static func distance(_ lhs: SIMD4<UInt64>, _ rhs: SIMD4<UInt64>,
                                path: KernelPath = .scalar) -> Int {
        let difference = lhs ^ rhs
        switch path {
        case .scalar:
            return difference[0].nonzeroBitCount &+ difference[1].nonzeroBitCount
                &+ difference[2].nonzeroBitCount &+ difference[3].nonzeroBitCount
        case .simd:
            return Int(truncatingIfNeeded: populationCounts(difference).wrappedSum())
        }
    }

    /// The number of differing bits of two equally long word buffers.
    ///
    /// - Precondition: the buffers have the same count (only `assert`ed: this is the hot loop;
    ///   the `[UInt64]` overload checks and throws). Extra words of the longer one are ignored.
    /// - Complexity: O(n) in the number of words.
    @inlinable
    public static func distance(_ lhs: UnsafeBufferPointer<UInt64>, _ rhs: UnsafeBufferPointer<UInt64>,
                                path: KernelPath = Hamming.preferredPath) -> Int {
        assert(lhs.count == rhs.count)
        let count = Swift.min(lhs.count, rhs.count)
        guard count > 0, let left = lhs.baseAddress, let right = rhs.baseAddress else { return 0 }
        switch path {
        case .scalar:
            var total = 0
            for index in 0..<count {
                total &+= (left[index] ^ right[index]).nonzeroBitCount
            }
            return total
        case .simd:
            return vectorDistance(left, right, count: count)
        }
    }

    /// The number of differing bits of two equally long word arrays.
    /// - Throws: ``TextKernelError/Code/lengthMismatch`` when the counts differ.
    public static func distance(_ lhs: [UInt64], _ rhs: [UInt64],
                                path: KernelPath = Hamming.preferredPath) throws(TextKernelError) -> Int {
        guard lhs.count == rhs.count else {
            throw .make(.lengthMismatch, "\(lhs.count) words against \(rhs.count)")
        }
        return lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in distance(left, right, path: path) }
        }
    }

    @inlinable
    static func vectorDistance(_ left: UnsafePointer<UInt64>, _ right: UnsafePointer<UInt64>, count: Int) -> Int {
        var sums = SIMD8<UInt64>.zero
        var index = 0
        let leftRaw = UnsafeRawPointer(left), rightRaw = UnsafeRawPointer(right)
        while index + 8 <= count {
            let a = leftRaw.loadUnaligned(fromByteOffset: index &* 8, as: SIMD8<UInt64>.self)
            let b = rightRaw.loadUnaligned(fromByteOffset: index &* 8, as: SIMD8<UInt64>.self)
            sums &+= populationCounts(a ^ b)
            index &+= 8
        }
        var total = Int(truncatingIfNeeded: sums.wrappedSum())
        while index < count {
            total &+= (left[index] ^ right[index]).nonzeroBitCount
            index &+= 1
        }
        return total
    }
}
