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

    /// The path `hash64` uses when none is named.
    public static let preferredPath: KernelPath = .simd

    /// The XXH3-64 digest of `bytes`.
    public static func hash64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0,
                              path: KernelPath = XXH3.preferredPath) -> UInt64 {
        let count = bytes.count
        guard let input = bytes.baseAddress, count > 0 else {
            return defaultSecret.withUnsafeBytes { secret in
                XXH64.avalanche(seed ^ (secret.baseAddress!.readLE64(56) ^ secret.baseAddress!.readLE64(64)))
            }
        }
        if count > 240 {
            let secret = seed == 0 ? defaultSecret : derivedSecret(seed: seed)
            return secret.withUnsafeBytes { hashLong(input, count: count, secret: $0.baseAddress!, path: path) }
        }
        return defaultSecret.withUnsafeBytes { raw in
            let secret = raw.baseAddress!
            switch count {
            case 1...3: return hash1to3(input, count: count, secret: secret, seed: seed)
            case 4...8: return hash4to8(input, count: count, secret: secret, seed: seed)
            case 9...16: return hash9to16(input, count: count, secret: secret, seed: seed)
            case 17...128: return hash17to128(input, count: count, secret: secret, seed: seed)
            default: return hash129to240(input, count: count, secret: secret, seed: seed)
            }
        }
    }

    /// The XXH3-64 digest of `bytes`.
    public static func hash64(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0,
                              path: KernelPath = XXH3.preferredPath) -> UInt64 {
        if let digest = bytes.withContiguousStorageIfAvailable({
            hash64(UnsafeRawBufferPointer($0), seed: seed, path: path)
        }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { hash64($0, seed: seed, path: path) }
    }

    // MARK: - Mixers

    @inline(__always)
    static func fold64(_ lhs: UInt64, _ rhs: UInt64) -> UInt64 {
        let product = lhs.multipliedFullWidth(by: rhs)
        return product.high ^ product.low
    }

    @inline(__always)
    static func avalanche(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 37
        hash &*= primeMX1
        hash ^= hash >> 32
        return hash
    }

    @inline(__always)
    static func rrmxmx(_ value: UInt64, length: Int) -> UInt64 {
        var hash = value
        hash ^= hash.rotatedLeft(by: 49) ^ hash.rotatedLeft(by: 24)
        hash &*= primeMX2
        hash ^= (hash >> 35) &+ UInt64(length)
        hash &*= primeMX2
        hash ^= hash >> 28
        return hash
    }

    @inline(__always)
    static func mix16(_ input: UnsafeRawPointer, _ secret: UnsafeRawPointer, seed: UInt64) -> UInt64 {
        fold64(input.readLE64(0) ^ (secret.readLE64(0) &+ seed),
               input.readLE64(8) ^ (secret.readLE64(8) &- seed))
    }

    // MARK: - Short inputs

    static func hash1to3(_ input: UnsafeRawPointer, count: Int, secret: UnsafeRawPointer, seed: UInt64) -> UInt64 {
        let c1 = UInt32(input.byte(0)), c2 = UInt32(input.byte(count >> 1)), c3 = UInt32(input.byte(count - 1))
        let combined = (c1 << 16) | (c2 << 24) | c3 | (UInt32(count) << 8)
        let bitflip = UInt64(secret.readLE32(0) ^ secret.readLE32(4)) &+ seed
        return XXH64.avalanche(UInt64(combined) ^ bitflip)
    }

    static func hash4to8(_ input: UnsafeRawPointer, count: Int, secret: UnsafeRawPointer, seed: UInt64) -> UInt64 {
        let seed = seed ^ (UInt64(UInt32(truncatingIfNeeded: seed).byteSwapped) << 32)
        let low = input.readLE32(0), high = input.readLE32(count - 4)
        let bitflip = (secret.readLE64(8) ^ secret.readLE64(16)) &- seed
        let keyed = (UInt64(high) &+ (UInt64(low) << 32)) ^ bitflip
        return rrmxmx(keyed, length: count)
    }

    static func hash9to16(_ input: UnsafeRawPointer, count: Int, secret: UnsafeRawPointer, seed: UInt64) -> UInt64 {
        let bitflip1 = (secret.readLE64(24) ^ secret.readLE64(32)) &+ seed
        let bitflip2 = (secret.readLE64(40) ^ secret.readLE64(48)) &- seed
        let low = input.readLE64(0) ^ bitflip1
        let high = input.readLE64(count - 8) ^ bitflip2
        let accumulator = UInt64(count) &+ low.byteSwapped &+ high &+ fold64(low, high)
        return avalanche(accumulator)
    }

    static func hash17to128(_ input: UnsafeRawPointer, count: Int, secret: UnsafeRawPointer, seed: UInt64) -> UInt64 {
        var accumulator = UInt64(count) &* XXH64.prime1
        if count > 32 {
            if count > 64 {
                if count > 96 {
                    accumulator &+= mix16(input + 48, secret + 96, seed: seed)
                    accumulator &+= mix16(input + count - 64, secret + 112, seed: seed)
                }
                accumulator &+= mix16(input + 32, secret + 64, seed: seed)
                accumulator &+= mix16(input + count - 48, secret + 80, seed: seed)
            }
            accumulator &+= mix16(input + 16, secret + 32, seed: seed)
            accumulator &+= mix16(input + count - 32, secret + 48, seed: seed)
        }
        accumulator &+= mix16(input, secret, seed: seed)
        accumulator &+= mix16(input + count - 16, secret + 16, seed: seed)
        return avalanche(accumulator)
    }

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
