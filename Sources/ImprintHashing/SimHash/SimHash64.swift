/// SimHash-64 of weighted features (M. Charikar, "Similarity Estimation Techniques from
/// Rounding Algorithms", STOC 2002; as used for near-duplicate detection by Manku, Jain and
/// Das Sarma, WWW 2007): each feature's 64-bit hash adds its weight to the counters of its set
/// bits and subtracts it from the others; bit i of the digest is set when counter i is
/// positive. Similar feature multisets give digests a small Hamming distance apart
/// (``Hamming/distance(_:_:)-(UInt64,UInt64)``).
///
/// The counter update has a scalar reference and a `SIMD8<Int64>` twin (eight bits a step,
/// branch-free, from a table of per-byte lane masks) chosen by ``KernelPath``. Counters add with wrapping arithmetic: the sum of
/// |weights| must stay under 2^63 (it does for any message: weights are occurrence counts).
public struct SimHash64: Sendable {
    /// The path `update` uses when none is named.
    public static let preferredPath: KernelPath = .simd

    @usableFromInline var counters = [SIMD8<Int64>](repeating: .zero, count: 8)  // counter 8g + j in lane j of g
    @usableFromInline let path: KernelPath

    /// Starts a digest.
    public init(path: KernelPath = SimHash64.preferredPath) { self.path = path }

    /// Adds one feature: its 64-bit hash and its weight (negative weights subtract).
    @inlinable
    public mutating func update(featureHash: UInt64, weight: Int64 = 1) {
        let path = self.path
        counters.withUnsafeMutableBufferPointer { lanes in
            Self.add(featureHash, weight: weight, to: lanes.baseAddress!, path: path)
        }
    }

    /// Adds features of weight 1 (a repeated feature counts once per occurrence).
    public mutating func update(featureHashes: some Sequence<UInt64>) {
        let path = self.path
        counters.withUnsafeMutableBufferPointer { lanes in
            for hash in featureHashes { Self.add(hash, weight: 1, to: lanes.baseAddress!, path: path) }
        }
    }

    /// The digest: bit i set when counter i is positive.
    public func finalize() -> UInt64 {
        var digest: UInt64 = 0
        for group in 0..<8 {
            for lane in 0..<8 where counters[group][lane] > 0 {
                digest |= 1 << UInt64(group * 8 + lane)
            }
        }
        return digest
    }

    /// The SimHash of (feature hash, weight) pairs.
    public static func hash(features: some Sequence<(hash: UInt64, weight: Int64)>,
                            path: KernelPath = SimHash64.preferredPath) -> UInt64 {
        var state = SimHash64(path: path)
        for feature in features { state.update(featureHash: feature.hash, weight: feature.weight) }
        return state.finalize()
    }

    /// The SimHash of the words of `bytes` (``WordTokenizer``), each token's XXH3-64 a feature
    /// of weight 1: what `imprint hash simhash` prints.
    public static func hash(words bytes: some Sequence<UInt8>, path: KernelPath = SimHash64.preferredPath) -> UInt64 {
        var state = SimHash64(path: path)
        state.update(featureHashes: WordTokenizer.tokenHashes(bytes))
        return state.finalize()
    }

    /// Parses the 16-digit hex form.
    /// - Throws: ``TextKernelError/Code/malformedDigest`` on another length or a non-hex digit.
    public static func parse(_ hex: some StringProtocol) throws(TextKernelError) -> UInt64 {
        guard hex.utf8.count == 16, let bytes = HexEncoding.bytes(hex) else {
            throw .make(.malformedDigest, "a SimHash is 16 hex digits, got '\(hex.prefix(80))'")
        }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// For each byte value, all-ones lanes where its bits are set (lane j for bit j): 16 KB.
    @usableFromInline
    static let byteMasks: [SIMD8<Int64>] = (0..<256).map { byte in
        SIMD8<Int64>((0..<8).map { bit in (byte >> bit) & 1 == 1 ? -1 : 0 })
    }

    @usableFromInline @inline(__always)
    static func add(_ hash: UInt64, weight: Int64, to lanes: UnsafeMutablePointer<SIMD8<Int64>>, path: KernelPath) {
        switch path {
        case .scalar:
            for bit in 0..<64 {
                let delta = (hash >> UInt64(bit)) & 1 == 1 ? weight : 0 &- weight
                lanes[bit >> 3][bit & 7] &+= delta
            }
        case .simd:
            // Sign masks of each hash byte from a table: vectors have no per-lane variable
            // shift before AVX2. delta = 2 * (weight & mask) - weight is +weight or -weight.
            let weights = SIMD8<Int64>(repeating: weight)
            byteMasks.withUnsafeBufferPointer { masks in
                for group in 0..<8 {
                    let mask = masks[Int(truncatingIfNeeded: hash >> UInt64(group &* 8)) & 0xFF]
                    lanes[group] &+= ((weights & mask) &<< 1) &- weights
                }
            }
        }
    }
}
