/// XXH64, the 64-bit xxHash of Yann Collet (https://github.com/Cyan4973/xxHash, `doc/xxhash_spec.md`).
///
/// Incremental: `init(seed:)`, any number of `update(_:)`, then `finalize()`; or one-shot
/// `XXH64.hash(_:seed:)`. Both give the reference digest for the same bytes.
///
/// The 32-byte stripe loop has a scalar reference and a `SIMD4<UInt64>` twin
/// (``KernelPath``). Without AVX-512 a 64-bit lane multiply is emulated, so the scalar
/// loop is the `preferred` path on x86-64 (see `Benchmarks/README.md`).
public struct XXH64: Sendable {
    @usableFromInline static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    @usableFromInline static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    @usableFromInline static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    @usableFromInline static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    @usableFromInline static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The path `hash` and `update` use when none is named.
    public static let preferredPath: KernelPath = .scalar

    private var lanes: SIMD4<UInt64>
    private var buffer: SIMD4<UInt64> = .zero  // up to 31 pending bytes
    private var bufferCount = 0
    private var totalLength: UInt64 = 0
    private let seed: UInt64
    private let path: KernelPath

    /// Starts a digest.
    /// - Parameters:
    ///   - seed: the 64-bit seed (0 for the plain digest).
    ///   - path: which stripe loop to run.
    public init(seed: UInt64 = 0, path: KernelPath = XXH64.preferredPath) {
        self.seed = seed
        self.path = path
        self.lanes = SIMD4(seed &+ Self.prime1 &+ Self.prime2, seed &+ Self.prime2, seed, seed &- Self.prime1)
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress, bytes.count > 0 else { return }
        var count = bytes.count
        totalLength &+= UInt64(count)
        if bufferCount > 0 {
            let take = min(32 - bufferCount, count)
            var pending = buffer
            let filled = bufferCount
            withUnsafeMutableBytes(of: &pending) { raw in
                raw.baseAddress!.advanced(by: filled).copyMemory(from: base, byteCount: take)
            }
            buffer = pending
            bufferCount += take
            base += take
            count -= take
            guard bufferCount == 32 else { return }
            let current = lanes
            let path = self.path
            lanes = withUnsafeBytes(of: &pending) { raw in
                Self.consumeStripes(current, raw.baseAddress!, stripes: 1, path: path)
            }
            bufferCount = 0
        }
        let stripes = count / 32
        if stripes > 0 {
            lanes = Self.consumeStripes(lanes, base, stripes: stripes, path: path)
            base += stripes * 32
            count -= stripes * 32
        }
        if count > 0 {
            var pending = SIMD4<UInt64>.zero
            let remaining = count
            withUnsafeMutableBytes(of: &pending) { raw in
                raw.baseAddress!.copyMemory(from: base, byteCount: remaining)
            }
            buffer = pending
            bufferCount = count
        }
    }

    /// Feeds bytes from any collection.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// The digest of everything fed so far. The state is not consumed.
    public func finalize() -> UInt64 {
        var hash: UInt64
        if totalLength >= 32 {
            hash = lanes[0].rotatedLeft(by: 1) &+ lanes[1].rotatedLeft(by: 7)
                &+ lanes[2].rotatedLeft(by: 12) &+ lanes[3].rotatedLeft(by: 18)
            for lane in 0..<4 {
                hash = Self.mergeRound(hash, lanes[lane])
            }
        } else {
            hash = seed &+ Self.prime5
        }
        hash &+= totalLength
        var pending = buffer
        let count = bufferCount
        return withUnsafeBytes(of: &pending) { raw in
            Self.finish(hash, raw.baseAddress!, count: count)
        }
    }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0,
                            path: KernelPath = XXH64.preferredPath) -> UInt64 {
        var state = XXH64(seed: seed, path: path)
        state.update(bytes)
        return state.finalize()
    }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0,
                            path: KernelPath = XXH64.preferredPath) -> UInt64 {
        var state = XXH64(seed: seed, path: path)
        state.update(bytes)
        return state.finalize()
    }

    // MARK: - Rounds

    @inlinable @inline(__always)
    static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        (accumulator &+ input &* prime2).rotatedLeft(by: 31) &* prime1
    }

    @inlinable @inline(__always)
    static func mergeRound(_ accumulator: UInt64, _ lane: UInt64) -> UInt64 {
        (accumulator ^ round(0, lane)) &* prime1 &+ prime4
    }

    @inlinable @inline(__always)
    static func avalanche(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }

    private static func consumeStripes(_ lanes: SIMD4<UInt64>, _ base: UnsafeRawPointer, stripes: Int,
                                       path: KernelPath) -> SIMD4<UInt64> {
        switch path {
        case .scalar: return consumeStripesScalar(lanes, base, stripes: stripes)
        case .simd: return consumeStripesSIMD(lanes, base, stripes: stripes)
        }
    }

    @inline(__always)
    private static func consumeStripesScalar(_ lanes: SIMD4<UInt64>, _ base: UnsafeRawPointer,
                                             stripes: Int) -> SIMD4<UInt64> {
        var v1 = lanes[0], v2 = lanes[1], v3 = lanes[2], v4 = lanes[3]
        var offset = 0
        for _ in 0..<stripes {
            v1 = round(v1, base.readLE64(offset))
            v2 = round(v2, base.readLE64(offset + 8))
            v3 = round(v3, base.readLE64(offset + 16))
            v4 = round(v4, base.readLE64(offset + 24))
            offset += 32
        }
        return SIMD4(v1, v2, v3, v4)
    }

    @inline(__always)
    private static func consumeStripesSIMD(_ lanes: SIMD4<UInt64>, _ base: UnsafeRawPointer,
                                           stripes: Int) -> SIMD4<UInt64> {
        #if _endian(little)
        var v = lanes
        let p1 = SIMD4<UInt64>(repeating: prime1), p2 = SIMD4<UInt64>(repeating: prime2)
        var offset = 0
        for _ in 0..<stripes {
            let input = base.loadUnaligned(fromByteOffset: offset, as: SIMD4<UInt64>.self)
            v &+= input &* p2
            v = (v &<< 31) | (v &>> 33)
            v &*= p1
            offset += 32
        }
        return v
        #else
        return consumeStripesScalar(lanes, base, stripes: stripes)
        #endif
    }

    /// Mixes the last 0..31 bytes and avalanches.
    @inline(__always)
    static func finish(_ start: UInt64, _ tail: UnsafeRawPointer, count: Int) -> UInt64 {
        var hash = start
        var offset = 0
        while count - offset >= 8 {
            hash ^= round(0, tail.readLE64(offset))
            hash = hash.rotatedLeft(by: 27) &* prime1 &+ prime4
            offset += 8
        }
        if count - offset >= 4 {
            hash ^= UInt64(tail.readLE32(offset)) &* prime1
            hash = hash.rotatedLeft(by: 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            hash ^= UInt64(tail.byte(offset)) &* prime5
            hash = hash.rotatedLeft(by: 11) &* prime1
            offset += 1
        }
        return avalanche(hash)
    }
}
