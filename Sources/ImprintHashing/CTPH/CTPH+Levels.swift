extension CTPH {
    /// The per-block-size state: for each level (block size 3·2^level) the piece hash, the
    /// "half" piece hash that feeds the truncated second digest, the digest so far and its
    /// length. Levels `start..<end` are live: `end` grows when a level cuts its first piece
    /// (ssdeep's fork), `start` when a level can no longer be chosen (ssdeep's reduce).
    ///
    /// Level 31 stands for ssdeep's `lasth`: the piece hash of a block size too large to ever
    /// cut (3·2³¹ > 2³²), forked like any other level and needed only for the largest inputs.
    ///
    /// Piece hashes keep 8 bits: the digest uses the low 6 bits of ssdeep's 32-bit FNV-style
    /// hash, and the low bits of a product and an xor depend only on the low bits of the inputs.
    @usableFromInline
    struct Levels: Sendable {
        /// Levels including the `lasth` stand-in.
        @usableFromInline static let count = 32
        /// Levels the vector loop holds in registers.
        @usableFromInline static let laneCount = 16
        /// Slack after the hash arrays so that `laneCount` lanes from any start fit.
        @usableFromInline static let hashSlots = count + laneCount

        @usableFromInline static let pieceOffset = 0
        @usableFromInline static let halfOffset = hashSlots
        @usableFromInline static let halfDigestOffset = 2 * hashSlots
        @usableFromInline static let lengthOffset = halfDigestOffset + count
        @usableFromInline static let digestOffset = lengthOffset + count
        @usableFromInline static let byteCount = digestOffset + count * CTPH.maximumDigestLength

        /// The low byte of ssdeep's `HASH_INIT` (0x28021967).
        @usableFromInline static let pieceInit: UInt8 = 0x67

        @usableFromInline var storage: [UInt8]

        @inlinable init() {
            storage = [UInt8](repeating: 0, count: Self.byteCount)
            storage[Self.pieceOffset] = Self.pieceInit
            storage[Self.halfOffset] = Self.pieceInit
        }
    }

    /// The live levels `start..<end`.
    @usableFromInline
    struct LiveLevels: Sendable {
        @usableFromInline var start = 0
        @usableFromInline var end = 1
        @inlinable init() {}
    }

    /// Typed access to `Levels.storage` while it is borrowed. Callers keep levels in range.
    @usableFromInline
    struct LevelHandle {
        @usableFromInline let base: UnsafeMutablePointer<UInt8>

        @inlinable @inline(__always)
        init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

        @inlinable @inline(__always)
        var pieces: UnsafeMutablePointer<UInt8> { base + Levels.pieceOffset }
        @inlinable @inline(__always)
        var halves: UnsafeMutablePointer<UInt8> { base + Levels.halfOffset }
        @inlinable @inline(__always)
        var halfDigests: UnsafeMutablePointer<UInt8> { base + Levels.halfDigestOffset }
        @inlinable @inline(__always)
        var lengths: UnsafeMutablePointer<UInt8> { base + Levels.lengthOffset }

        /// The 64 digest characters of `level`.
        @inlinable @inline(__always)
        func digest(_ level: Int) -> UnsafeMutablePointer<UInt8> {
            base + Levels.digestOffset + level &* CTPH.maximumDigestLength
        }

        /// Sixteen hashes from `level` of `hashes` (`pieces` or `halves`), widened to 16 bits.
        @inlinable @inline(__always)
        func loadLanes(_ hashes: UnsafeMutablePointer<UInt8>, from level: Int) -> SIMD16<UInt16> {
            SIMD16(truncatingIfNeeded: UnsafeRawPointer(hashes + level).loadUnaligned(as: SIMD16<UInt8>.self))
        }

        /// Writes lanes back where `loadLanes(_:from:)` read them.
        @inlinable @inline(__always)
        func storeLanes(_ lanes: SIMD16<UInt16>, _ hashes: UnsafeMutablePointer<UInt8>, at level: Int) {
            UnsafeMutableRawPointer(hashes + level).storeBytes(of: SIMD16<UInt8>(truncatingIfNeeded: lanes),
                                                               as: SIMD16<UInt8>.self)
        }
    }
}
