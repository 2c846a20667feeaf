extension CTPH {
    /// The rolling hash of spamsum/ssdeep over the last 7 bytes: a plain sum, a position-weighted
    /// sum and a shift-xor, added. It depends only on the window, so a piece boundary is decided
    /// by the 7 bytes before it (Kornblum 2006, section 3.1; ssdeep `roll_hash`).
    ///
    /// The window is a 64-bit shift register instead of ssdeep's ring buffer: the byte that
    /// leaves is the top byte after the new one is shifted in.
    struct RollingHash: Sendable {
        /// The window length.
        static let window = 7

        var h1: UInt32 = 0
        var h2: UInt32 = 0
        var h3: UInt32 = 0
        var bytes: UInt64 = 0

        init() {}

        /// Moves the window one byte on.
        @inline(__always)
        mutating func step(_ byte: UInt8) {
            let c = UInt32(byte)
            bytes = (bytes &<< 8) | UInt64(byte)
            let leaving = UInt32(truncatingIfNeeded: bytes &>> 56)
            h2 = h2 &- h1 &+ c &* 7
            h1 = h1 &+ c &- leaving
            h3 = (h3 &<< 5) ^ c
        }

        /// The hash of the current window.
        @inline(__always)
        var sum: UInt32 { h1 &+ h2 &+ h3 }

        /// The rolling hash of a 7-byte window, as the state would have it after those 7 bytes.
        @inline(__always)
        static func sum(ofWindow window: UnsafePointer<UInt8>) -> UInt32 {
            var state = RollingHash()
            for index in 0..<Self.window { state.step(window[index]) }
            return state.sum
        }
    }
}

extension CTPH {
    /// Whether `sum` cuts a piece at block size 3·2^level: `sum mod bs == bs − 1`, by
    /// definition (the scalar reference).
    @inline(__always)
    static func triggers(_ sum: UInt32, level: Int) -> Bool {
        let blockSize = UInt64(minimumBlockSize) << UInt64(level)
        return UInt64(sum) % blockSize == blockSize - 1
    }

    /// The largest level whose block size `sum` triggers, or −1 for none. With `sum = 3q + r`,
    /// `sum mod 3·2^k = 3·(q mod 2^k) + r`, which is `3·2^k − 1` exactly when `r = 2` and the
    /// low `k` bits of `q` are all ones: so every level up to the number of trailing ones of `q`
    /// triggers (a trigger at 2·bs implies one at bs).
    @inline(__always)
    static func highestTriggeredLevel(_ sum: UInt32) -> Int {
        let quotient = sum / minimumBlockSize
        guard sum &- quotient &* minimumBlockSize == minimumBlockSize - 1 else { return -1 }
        return (~quotient).trailingZeroBitCount
    }

    /// A cheap necessary condition for `triggers(sum, level:)`: `sum + 1` divisible by
    /// 3·2^level, tested with a multiply by the inverse of 3 and a rotation (Granlund and
    /// Montgomery 1994; Hacker's Delight §10-17). It also passes for `sum == 0xFFFFFFFF`, which
    /// the exact test then rejects.
    struct TriggerFilter: Sendable {
        let shift: UInt32
        let limit: UInt32

        init(level: Int) {
            shift = UInt32(level)
            limit = UInt32.max / (UInt32(CTPH.minimumBlockSize) << UInt32(level))
        }

        @inline(__always)
        func mayTrigger(_ sum: UInt32) -> Bool {
            let scaled = (sum &+ 1) &* 0xAAAA_AAAB  // the inverse of 3 modulo 2³²
            let rotated = (scaled &>> shift) | (scaled &<< ((32 &- shift) & 31))
            return rotated <= limit
        }
    }
}
