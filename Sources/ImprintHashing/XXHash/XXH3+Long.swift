extension XXH3 {
    /// Inputs over 240 bytes: 1 KiB blocks of 16 stripes accumulate into eight lanes,
    /// scrambled after each block, then merged (`XXH3_hashLong_64b_internal`).
    static func hashLong(_ input: UnsafeRawPointer, count: Int, secret: UnsafeRawPointer,
                         path: KernelPath) -> UInt64 {
        var lanes = SIMD8<UInt64>(prime32_3, XXH64.prime1, XXH64.prime2, XXH64.prime3,
                                  XXH64.prime4, prime32_2, XXH64.prime5, prime32_1)
        let blocks = (count - 1) / blockLength
        let scrambleKey = secret + secretSize - stripeLength
        for block in 0..<blocks {
            lanes = accumulate(lanes, input + block * blockLength, secret, stripes: stripesPerBlock, path: path)
            lanes = scramble(lanes, scrambleKey, path: path)
        }
        let lastStripes = ((count - 1) - blockLength * blocks) / stripeLength
        lanes = accumulate(lanes, input + blocks * blockLength, secret, stripes: lastStripes, path: path)
        let lastStripeKey = secret + secretSize - stripeLength - 7
        lanes = accumulate(lanes, input + count - stripeLength, lastStripeKey, stripes: 1, path: path)

        var result = UInt64(count) &* XXH64.prime1
        let mergeKey = secret + 11
        for pair in 0..<4 {
            result &+= fold64(lanes[2 * pair] ^ mergeKey.readLE64(16 * pair),
                              lanes[2 * pair + 1] ^ mergeKey.readLE64(16 * pair + 8))
        }
        return avalanche(result)
    }

    @inline(__always)
    static func accumulate(_ lanes: SIMD8<UInt64>, _ input: UnsafeRawPointer, _ secret: UnsafeRawPointer,
                           stripes: Int, path: KernelPath) -> SIMD8<UInt64> {
        switch path {
        case .scalar: return accumulateScalar(lanes, input, secret, stripes: stripes)
        case .simd: return accumulateSIMD(lanes, input, secret, stripes: stripes)
        }
    }

    @inline(__always)
    static func scramble(_ lanes: SIMD8<UInt64>, _ key: UnsafeRawPointer, path: KernelPath) -> SIMD8<UInt64> {
        switch path {
        case .scalar: return scrambleScalar(lanes, key)
        case .simd: return scrambleSIMD(lanes, key)
        }
    }

    // MARK: Scalar reference

    static func accumulateScalar(_ lanes: SIMD8<UInt64>, _ input: UnsafeRawPointer, _ secret: UnsafeRawPointer,
                                 stripes: Int) -> SIMD8<UInt64> {
        var acc = lanes
        for stripe in 0..<stripes {
            let data = input + stripe * stripeLength
            let key = secret + stripe * 8
            for lane in 0..<8 {
                let value = data.readLE64(8 * lane)
                let keyed = value ^ key.readLE64(8 * lane)
                acc[lane ^ 1] &+= value
                acc[lane] &+= (keyed & 0xFFFF_FFFF) &* (keyed >> 32)
            }
        }
        return acc
    }

    static func scrambleScalar(_ lanes: SIMD8<UInt64>, _ key: UnsafeRawPointer) -> SIMD8<UInt64> {
        var acc = lanes
        for lane in 0..<8 {
            var value = acc[lane]
            value ^= value >> 47
            value ^= key.readLE64(8 * lane)
            value &*= prime32_1
            acc[lane] = value
        }
        return acc
    }

    // MARK: SIMD8<UInt64>

    static func accumulateSIMD(_ lanes: SIMD8<UInt64>, _ input: UnsafeRawPointer, _ secret: UnsafeRawPointer,
                               stripes: Int) -> SIMD8<UInt64> {
        #if _endian(little)
        var acc = lanes
        let low32 = SIMD8<UInt64>(repeating: 0xFFFF_FFFF)
        for stripe in 0..<stripes {
            let data = input.loadUnaligned(fromByteOffset: stripe * stripeLength, as: SIMD8<UInt64>.self)
            let key = secret.loadUnaligned(fromByteOffset: stripe * 8, as: SIMD8<UInt64>.self)
            let keyed = data ^ key
            acc &+= (keyed & low32) &* (keyed &>> 32)
            acc &+= SIMD8(data[1], data[0], data[3], data[2], data[5], data[4], data[7], data[6])
        }
        return acc
        #else
        return accumulateScalar(lanes, input, secret, stripes: stripes)
        #endif
    }

    static func scrambleSIMD(_ lanes: SIMD8<UInt64>, _ key: UnsafeRawPointer) -> SIMD8<UInt64> {
        #if _endian(little)
        var acc = lanes
        acc ^= acc &>> 47
        acc ^= key.loadUnaligned(as: SIMD8<UInt64>.self)
        return acc &* SIMD8(repeating: prime32_1)
        #else
        return scrambleScalar(lanes, key)
        #endif
    }
}
