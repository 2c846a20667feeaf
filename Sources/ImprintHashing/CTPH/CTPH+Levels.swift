extension CTPH {
    /// The per-block-size state: for each level (block size 3·2^level) the piece hash, the
    /// "half" piece hash that feeds the truncated second digest, the digest so far and its
    /// length. Levels `start..<end` are live: `end` grows when a level cuts its first piece
    /// (ssdeep's fork), `start` when a level can no longer be chosen (ssdeep's reduce).
    ///
    /// Level 31 stands for ssdeep's `lasth`: the piece hash of a block size too large to ever
    /// cut (3·2³¹ > 2³²), forked like any other level and needed only for the largest inputs.
    ///
    /// Piece hashes keep 16 bits (the width of a vector lane): the digest uses the low 6 bits of
    /// ssdeep's 32-bit FNV-style hash, and the low bits of a product and an xor depend only on
    /// the low bits of the inputs.
    struct Levels: Sendable {
        /// Levels including the `lasth` stand-in.
        static let count = 32
        /// Levels the vector loop holds in registers.
        static let laneCount = 16
        /// Slack after the hash arrays so that `laneCount` lanes from any start fit.
        static let hashSlots = count + laneCount

        static let pieceOffset = 0
        static let halfOffset = 2 * hashSlots
        static let halfDigestOffset = 4 * hashSlots
        static let lengthOffset = halfDigestOffset + count
        static let digestOffset = lengthOffset + count
        static let byteCount = digestOffset + count * CTPH.maximumDigestLength

        /// The low 16 bits of ssdeep's `HASH_INIT` (0x28021967).
        static let pieceInit: UInt16 = 0x1967

        /// `byteCount` bytes, inline: a state allocates nothing.
        var storage = InlineArray<2304, UInt8>(repeating: 0)

        init() {
            assert(storage.count == Self.byteCount)
            storage.withUnsafeMutableBufferPointer { buffer in
                let handle = LevelHandle(buffer.baseAddress!)
                handle.setPiece(0, Self.pieceInit)
                handle.setHalf(0, Self.pieceInit)
            }
        }
    }

    /// The live levels `start..<end`.
    struct LiveLevels: Sendable {
        var start = 0
        var end = 1
        init() {}
    }

    /// Typed access to `Levels.storage` while it is borrowed. Callers keep levels in range.
    struct LevelHandle {
        let base: UnsafeMutablePointer<UInt8>

        @inline(__always)
        init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

        /// The piece hash of `level`.
        @inline(__always)
        func piece(_ level: Int) -> UInt16 {
            UnsafeRawPointer(base).loadUnaligned(fromByteOffset: Levels.pieceOffset + 2 &* level, as: UInt16.self)
        }
        @inline(__always)
        func setPiece(_ level: Int, _ value: UInt16) {
            UnsafeMutableRawPointer(base).storeBytes(of: value, toByteOffset: Levels.pieceOffset + 2 &* level, as: UInt16.self)
        }
        /// The half hash of `level` (the open piece of the truncated second digest).
        @inline(__always)
        func half(_ level: Int) -> UInt16 {
            UnsafeRawPointer(base).loadUnaligned(fromByteOffset: Levels.halfOffset + 2 &* level, as: UInt16.self)
        }
        @inline(__always)
        func setHalf(_ level: Int, _ value: UInt16) {
            UnsafeMutableRawPointer(base).storeBytes(of: value, toByteOffset: Levels.halfOffset + 2 &* level, as: UInt16.self)
        }
        @inline(__always)
        var halfDigests: UnsafeMutablePointer<UInt8> { base + Levels.halfDigestOffset }
        @inline(__always)
        var lengths: UnsafeMutablePointer<UInt8> { base + Levels.lengthOffset }

        /// The 64 digest characters of `level`.
        @inline(__always)
        func digest(_ level: Int) -> UnsafeMutablePointer<UInt8> {
            base + Levels.digestOffset + level &* CTPH.maximumDigestLength
        }

        /// Sixteen hashes from `level`: piece hashes (`halves == false`) or half hashes.
        @inline(__always)
        func loadLanes(halves: Bool, from level: Int) -> SIMD16<UInt16> {
            let offset = (halves ? Levels.halfOffset : Levels.pieceOffset) + 2 &* level
            return UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt16>.self)
        }

        /// Writes lanes back where `loadLanes(halves:from:)` read them.
        @inline(__always)
        func storeLanes(_ lanes: SIMD16<UInt16>, halves: Bool, at level: Int) {
            let offset = (halves ? Levels.halfOffset : Levels.pieceOffset) + 2 &* level
            UnsafeMutableRawPointer(base).storeBytes(of: lanes, toByteOffset: offset, as: SIMD16<UInt16>.self)
        }
    }
}
