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

    @usableFromInline var counters = InlineArray<8, SIMD8<Int64>>(repeating: .zero)  // counter 8g + j in lane j of g (inline: no allocation)
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
        let done: Void? = featureHashes.withContiguousStorageIfAvailable { addUnitFeatures($0) }
        if done == nil { Array(featureHashes).withUnsafeBufferPointer { addUnitFeatures($0) } }
    }

    /// Weight-1 features. The scalar path adds each as any other feature. The vector path
    /// counts, for each bit, how many of up to 255 features set it, in byte lanes (four
    /// `SIMD16<UInt8>`, each feature's bytes spread to lanes by ``bitSpread``), then adds
    /// `2 * count - features` to each counter: the same sums, in a quarter of the work.
    @usableFromInline
    mutating func addUnitFeatures(_ hashes: UnsafeBufferPointer<UInt64>) {
        let path = self.path
        counters.withUnsafeMutableBufferPointer { lanes in
            let counters = lanes.baseAddress!
            #if _endian(little)
            if path == .simd {
                Self.bitSpread.withUnsafeBufferPointer { spread in
                    Self.countBits(hashes, into: counters, spread: spread.baseAddress!)
                }
                return
            }
            #endif
            for hash in hashes { Self.add(hash, weight: 1, to: counters, path: .scalar) }
        }
    }

    /// For each byte value, a word whose byte j is bit j of the value (0 or 1): 2 KB.
    static let bitSpread: [UInt64] = (0..<256).map { byte in
        (0..<8).reduce(0) { $0 | UInt64((byte >> $1) & 1) << UInt64(8 * $1) }
    }

    #if _endian(little)
    /// The vector path of `addUnitFeatures`: byte lane 16q + j of the four count vectors is
    /// bit 16q + j of the features (lanes read little-endian from two spread words).
    static func countBits(_ hashes: UnsafeBufferPointer<UInt64>, into counters: UnsafeMutablePointer<SIMD8<Int64>>,
                          spread: UnsafePointer<UInt64>) {
        var start = 0
        while start < hashes.count {
            let batch = Swift.min(255, hashes.count - start)
            var c0 = SIMD16<UInt8>.zero, c1 = c0, c2 = c0, c3 = c0
            @inline(__always)
            func lanes(_ hash: UInt64, _ shift: UInt64) -> SIMD16<UInt8> {
                let low = spread[Int(truncatingIfNeeded: hash &>> shift) & 0xFF]
                let high = spread[Int(truncatingIfNeeded: hash &>> (shift &+ 8)) & 0xFF]
                return unsafeBitCast(SIMD2<UInt64>(low, high), to: SIMD16<UInt8>.self)
            }
            for index in start..<(start + batch) {
                let hash = hashes[index]
                c0 &+= lanes(hash, 0)
                c1 &+= lanes(hash, 16)
                c2 &+= lanes(hash, 32)
                c3 &+= lanes(hash, 48)
            }
            let total = SIMD8<Int64>(repeating: Int64(batch))
            @inline(__always)
            func flush(_ counts: SIMD16<UInt8>, _ group: Int) {
                counters[2 &* group] &+= (SIMD8<Int64>(truncatingIfNeeded: counts.lowHalf) &<< 1) &- total
                counters[2 &* group &+ 1] &+= (SIMD8<Int64>(truncatingIfNeeded: counts.highHalf) &<< 1) &- total
            }
            flush(c0, 0)
            flush(c1, 1)
            flush(c2, 2)
            flush(c3, 3)
            start += batch
        }
    }
    #endif

    /// The digest: bit i set when counter i is positive.
    public func finalize() -> UInt64 {
        var digest: UInt64 = 0
        counters.withUnsafeBufferPointer { counters in
            for group in 0..<8 {
                for lane in 0..<8 where counters[group][lane] > 0 {
                    digest |= 1 << UInt64(group * 8 + lane)
                }
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
        WordTokenizer.tokenHashes(bytes).withUnsafeBufferPointer { state.addUnitFeatures($0) }
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
