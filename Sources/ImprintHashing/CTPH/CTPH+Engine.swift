extension CTPH {
    /// The scalar reference loop: ssdeep's `fuzzy_engine_step` byte by byte, each live level's
    /// piece hashes stepped with the 32-bit FNV-style `h·0x01000193 ⊕ c`, and the exact
    /// trigger test at every byte.
    @usableFromInline
    mutating func consumeScalar(_ bytes: UnsafeRawPointer, count: Int) {
        let input = bytes.assumingMemoryBound(to: UInt8.self)
        var roll = self.roll
        var total = totalSize
        var live = self.live
        levels.storage.withUnsafeMutableBufferPointer { buffer in
            let handle = LevelHandle(buffer.baseAddress!)
            for index in 0..<count {
                let byte = input[index]
                roll.step(byte)
                let c = UInt32(byte)
                for level in live.start..<live.end {
                    handle.pieces[level] = UInt8(truncatingIfNeeded: UInt32(handle.pieces[level]) &* 0x0100_0193 ^ c)
                    handle.halves[level] = UInt8(truncatingIfNeeded: UInt32(handle.halves[level]) &* 0x0100_0193 ^ c)
                }
                let sum = roll.sum
                if Self.triggers(sum, level: live.start) {
                    Self.cutPieces(sum, handle, levels: &live, totalSize: total &+ UInt64(index + 1))
                }
            }
        }
        total &+= UInt64(count)
        totalSize = total
        self.roll = roll
        self.live = live
    }

    /// The vector loop: the piece and half hashes of eight levels from `start` live in one
    /// `SIMD16<UInt8>` and step together (`h·19 ⊕ c` on bytes: 0x01000193 ≡ 19 modulo 64, and
    /// only the low 6 bits reach the digest). Levels past the eighth (rare: inputs that cut
    /// pieces at many block sizes at once) step one at a time. A multiply-and-rotate filter
    /// (``TriggerFilter``) replaces the modulo; bytes that pass it go to the exact test.
    @usableFromInline
    mutating func consumeSIMD(_ bytes: UnsafeRawPointer, count: Int) {
        let input = bytes.assumingMemoryBound(to: UInt8.self)
        var roll = self.roll
        let before = totalSize
        var live = self.live
        levels.storage.withUnsafeMutableBufferPointer { buffer in
            let handle = LevelHandle(buffer.baseAddress!)
            var start = live.start
            var lanes = handle.loadLanes(from: start)
            var filter = TriggerFilter(level: start)
            var wide = live.end - start > 8
            var index = 0
            while index < count {
                let byte = input[index]
                roll.step(byte)
                lanes = Self.stepPieces(lanes, byte)
                if _slowPath(wide) {
                    Self.stepWideLevels(handle, from: start + 8, to: live.end, byte)
                }
                index &+= 1
                let sum = roll.sum
                if _slowPath(filter.mayTrigger(sum)) {
                    handle.storeLanes(lanes, at: start)
                    Self.cutPieces(sum, handle, levels: &live, totalSize: before &+ UInt64(index))
                    start = live.start
                    lanes = handle.loadLanes(from: start)
                    filter = TriggerFilter(level: start)
                    wide = live.end - start > 8
                }
            }
            handle.storeLanes(lanes, at: start)
        }
        totalSize = before &+ UInt64(count)
        self.roll = roll
        self.live = live
    }

    /// `h·19 ⊕ c` in every lane, as shifts and adds (SSE2 has no byte multiply).
    @inlinable @inline(__always)
    static func stepPieces(_ lanes: SIMD16<UInt8>, _ byte: UInt8) -> SIMD16<UInt8> {
        let doubled = lanes &+ lanes
        let times16 = lanes &<< 4
        return ((lanes &+ doubled) &+ times16) ^ SIMD16(repeating: byte)
    }

    /// Steps the levels the vector does not hold.
    @usableFromInline @inline(never)
    static func stepWideLevels(_ handle: LevelHandle, from first: Int, to end: Int, _ byte: UInt8) {
        var level = first
        while level < end {
            handle.pieces[level] = handle.pieces[level] &* 19 ^ byte
            handle.halves[level] = handle.halves[level] &* 19 ^ byte
            level += 1
        }
    }
}
