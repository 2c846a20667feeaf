/// XXH3-64 of inputs up to 128 bytes (`XXH3_len_0to16_64b`, `XXH3_len_17to128_64b`), written to
/// inline into the caller: the engine hashes thousands of words and word pairs a message, and
/// at 2-40 bytes a call, a function call, a dispatch on the kernel path and a load of the secret
/// array per call would cost as much as the hash. The secret words these lengths read are the
/// first 128 bytes of the default secret (``XXH3/defaultSecret``), here as constants, read
/// little-endian (the tests check them against the array and the reference digests).
extension XXH3 {
    /// Little-endian 64-bit word `index` (0...15) of the default secret.
    @inlinable @inline(__always)
    static func secretWord(_ index: Int) -> UInt64 {
        switch index {
        case 0: return 0xBE4B_A423_396C_FEB8
        case 1: return 0x1CAD_21F7_2C81_017C
        case 2: return 0xDB97_9083_E96D_D4DE
        case 3: return 0x1F67_B3B7_A4A4_4072
        case 4: return 0x78E5_C0CC_4EE6_79CB
        case 5: return 0x2172_FFCC_7DD0_5A82
        case 6: return 0x8E24_43F7_7446_08B8
        case 7: return 0x4C26_3A81_E690_35E0
        case 8: return 0xCB00_C391_BB52_283C
        case 9: return 0xA32E_531B_8B65_D088
        case 10: return 0x4EF9_0DA2_9748_6471
        case 11: return 0xD8AC_DEA9_46EF_1938
        case 12: return 0x3F34_9CE3_3F76_FAA8
        case 13: return 0x1D4F_0BC7_C7BB_DCF9
        case 14: return 0x3159_B4CD_4BE0_518A
        default: return 0x6473_78D9_C97E_9FC8
        }
    }

    /// 0 to 16 bytes; `input` may be nil only when `count` is 0.
    @inlinable @inline(__always)
    static func hashUpTo16(_ input: UnsafeRawPointer?, count: Int, seed: UInt64) -> UInt64 {
        guard let input, count > 0 else {
            return avalanche64(seed ^ (secretWord(7) ^ secretWord(8)))
        }
        if count > 8 {
            // 9...16: the first and last eight bytes.
            let low = input.readLE64(0) ^ ((secretWord(3) ^ secretWord(4)) &+ seed)
            let high = input.readLE64(count &- 8) ^ ((secretWord(5) ^ secretWord(6)) &- seed)
            return avalanche(UInt64(truncatingIfNeeded: count) &+ low.byteSwapped &+ high &+ fold64(low, high))
        }
        if count >= 4 {
            // 4...8: the first and last four bytes.
            let seed = seed ^ (UInt64(UInt32(truncatingIfNeeded: seed).byteSwapped) << 32)
            let low = input.readLE32(0), high = input.readLE32(count &- 4)
            let keyed = (UInt64(high) &+ (UInt64(low) << 32)) ^ ((secretWord(1) ^ secretWord(2)) &- seed)
            return rrmxmx(keyed, length: count)
        }
        // 1...3: the first, middle and last byte with the length.
        let c1 = UInt32(input.byte(0)), c2 = UInt32(input.byte(count >> 1)), c3 = UInt32(input.byte(count &- 1))
        let combined = (c1 << 16) | (c2 << 24) | c3 | (UInt32(truncatingIfNeeded: count) << 8)
        let secret = secretWord(0)
        let bitflip = UInt64(UInt32(truncatingIfNeeded: secret) ^ UInt32(truncatingIfNeeded: secret >> 32)) &+ seed
        return avalanche64(UInt64(combined) ^ bitflip)
    }

    /// 17 to 128 bytes: 16-byte pairs from both ends toward the middle.
    @inlinable @inline(__always)
    static func hash17to128(_ input: UnsafeRawPointer, count: Int, seed: UInt64) -> UInt64 {
        var accumulator = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B1_85EB_CA87
        if count > 32 {
            if count > 64 {
                if count > 96 {
                    accumulator &+= mix16(input + 48, secretWord(12), secretWord(13), seed: seed)
                    accumulator &+= mix16(input + (count &- 64), secretWord(14), secretWord(15), seed: seed)
                }
                accumulator &+= mix16(input + 32, secretWord(8), secretWord(9), seed: seed)
                accumulator &+= mix16(input + (count &- 48), secretWord(10), secretWord(11), seed: seed)
            }
            accumulator &+= mix16(input + 16, secretWord(4), secretWord(5), seed: seed)
            accumulator &+= mix16(input + (count &- 32), secretWord(6), secretWord(7), seed: seed)
        }
        accumulator &+= mix16(input, secretWord(0), secretWord(1), seed: seed)
        accumulator &+= mix16(input + (count &- 16), secretWord(2), secretWord(3), seed: seed)
        return avalanche(accumulator)
    }

    /// Sixteen input bytes against two secret words.
    @inlinable @inline(__always)
    static func mix16(_ input: UnsafeRawPointer, _ low: UInt64, _ high: UInt64, seed: UInt64) -> UInt64 {
        fold64(input.readLE64(0) ^ (low &+ seed), input.readLE64(8) ^ (high &- seed))
    }

    /// XXH64's final mix (`XXH64_avalanche`), which the 0- and 1...3-byte paths use.
    @inlinable @inline(__always)
    static func avalanche64(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash >> 29
        hash &*= 0x1656_67B1_9E37_79F9
        hash ^= hash >> 32
        return hash
    }
}
