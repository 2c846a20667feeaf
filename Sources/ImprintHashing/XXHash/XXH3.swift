/// XXH3-64, the 64-bit variant of xxHash's third generation (`doc/xxhash_spec.md`,
/// "XXH3 Algorithm Overview"), bit-exact with `XXH3_64bits_withSeed`.
///
/// Inputs up to 240 bytes take the short paths; longer inputs stripe through eight
/// 64-bit accumulators, whose loop has a scalar reference and a `SIMD8<UInt64>` twin.
public enum XXH3 {
    static let secretSize = 192
    static let stripeLength = 64
    static let stripesPerBlock = (secretSize - stripeLength) / 8
    static let blockLength = stripeLength * stripesPerBlock

    static let prime32_1: UInt64 = 0x9E37_79B1
    static let prime32_2: UInt64 = 0x85EB_CA77
    static let prime32_3: UInt64 = 0xC2B2_AE3D
    static let primeMX1: UInt64 = 0x1656_6791_9E37_79F9
    static let primeMX2: UInt64 = 0x9FB2_1C65_1E98_DF25

    /// The path `hash64` uses when none is named (it matters only past 240 bytes).
    @inlinable public static var preferredPath: KernelPath { .simd }

    /// The XXH3-64 digest of `bytes`. Up to 128 bytes the hash inlines into the caller with
    /// no dispatch (`XXH3+Short.swift`); longer inputs call ``hashOver128(_:count:seed:path:)``.
    @inlinable @inline(__always)
    public static func hash64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0,
                              path: KernelPath = XXH3.preferredPath) -> UInt64 {
        let count = bytes.count
        guard let input = bytes.baseAddress, count > 16 else {
            return hashUpTo16(bytes.baseAddress, count: count, seed: seed)
        }
        if count <= 128 { return hash17to128(input, count: count, seed: seed) }
        return hashOver128(input, count: count, seed: seed, path: path)
    }

    /// The XXH3-64 digest of `bytes`.
    @inlinable
    public static func hash64(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0,
                              path: KernelPath = XXH3.preferredPath) -> UInt64 {
        if let digest = bytes.withContiguousStorageIfAvailable({
            hash64(UnsafeRawBufferPointer($0), seed: seed, path: path)
        }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { hash64($0, seed: seed, path: path) }
    }

    /// Inputs over 128 bytes: the 129...240 path, or the long one with a derived secret.
    @usableFromInline
    static func hashOver128(_ input: UnsafeRawPointer, count: Int, seed: UInt64, path: KernelPath) -> UInt64 {
        if count > 240 {
            if seed == 0 {
                return defaultSecret.withUnsafeBytes { hashLong(input, count: count, secret: $0.baseAddress!, path: path) }
            }
            // The derived secret on the stack (192 bytes): a seeded hash allocates nothing.
            return withUnsafeTemporaryAllocation(byteCount: secretSize, alignment: 8) { secret in
                deriveSecret(seed: seed, into: secret)
                return hashLong(input, count: count, secret: UnsafeRawPointer(secret.baseAddress!), path: path)
            }
        }
        return defaultSecret.withUnsafeBytes { hash129to240(input, count: count, secret: $0.baseAddress!, seed: seed) }
    }

    // MARK: - Mixers

    @inlinable @inline(__always)
    static func fold64(_ lhs: UInt64, _ rhs: UInt64) -> UInt64 {
        let product = lhs.multipliedFullWidth(by: rhs)
        return product.high ^ product.low
    }

    @inlinable @inline(__always)
    static func avalanche(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 37
        hash &*= 0x1656_6791_9E37_79F9  // primeMX1
        hash ^= hash >> 32
        return hash
    }

    @inlinable @inline(__always)
    static func rrmxmx(_ value: UInt64, length: Int) -> UInt64 {
        var hash = value
        hash ^= hash.rotatedLeft(by: 49) ^ hash.rotatedLeft(by: 24)
        hash &*= 0x9FB2_1C65_1E98_DF25  // primeMX2
        hash ^= (hash >> 35) &+ UInt64(truncatingIfNeeded: length)
        hash &*= 0x9FB2_1C65_1E98_DF25
        hash ^= hash >> 28
        return hash
    }

    @inline(__always)
    static func mix16(_ input: UnsafeRawPointer, _ secret: UnsafeRawPointer, seed: UInt64) -> UInt64 {
        fold64(input.readLE64(0) ^ (secret.readLE64(0) &+ seed),
               input.readLE64(8) ^ (secret.readLE64(8) &- seed))
    }

    // MARK: - 129 to 240 bytes

    static func hash129to240(_ input: UnsafeRawPointer, count: Int, secret: UnsafeRawPointer, seed: UInt64) -> UInt64 {
        let startOffset = 3, lastOffset = 17, secretSizeMin = 136
        var accumulator = UInt64(count) &* XXH64.prime1
        for round in 0..<8 {
            accumulator &+= mix16(input + 16 * round, secret + 16 * round, seed: seed)
        }
        var tail = mix16(input + count - 16, secret + secretSizeMin - lastOffset, seed: seed)
        accumulator = avalanche(accumulator)
        for round in 8..<(count / 16) {
            tail &+= mix16(input + 16 * round, secret + 16 * (round - 8) + startOffset, seed: seed)
        }
        return avalanche(accumulator &+ tail)
    }
}
