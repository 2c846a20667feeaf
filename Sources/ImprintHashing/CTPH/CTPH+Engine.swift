extension CTPH {
    /// The scalar reference loop: ssdeep's `fuzzy_engine_step` byte by byte, each live level's
    /// piece hashes stepped with the 32-bit FNV-style `h·0x01000193 ⊕ c`, and the exact
    /// trigger test at every byte.
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
                    handle.setPiece(level, UInt16(truncatingIfNeeded: UInt32(handle.piece(level)) &* 0x0100_0193 ^ c))
                    handle.setHalf(level, UInt16(truncatingIfNeeded: UInt32(handle.half(level)) &* 0x0100_0193 ^ c))
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

    /// The vector loop: the piece hashes of sixteen levels from `start` live in one
    /// `SIMD16<UInt16>`, their half hashes in another, and all step together (`h·0x193 ⊕ c` on
    /// 16-bit lanes, one `pmullw` per eight lanes: only the low 6 bits reach the digest, and
    /// they depend only on the low bits of ssdeep's 32-bit product). Mail-sized inputs keep
    /// about seven levels live (the smallest still choosable up to the largest that has cut a
    /// piece: 4 to 15 for all but one of the 6,046 SpamAssassin messages); levels past the
    /// sixteenth step one at a time. A multiply-and-rotate filter (``TriggerFilter``)
    /// replaces the modulo; bytes that pass it go to the exact test in ``cutPieces``.
    mutating func consumeSIMD(_ bytes: UnsafeRawPointer, count: Int) {
        var roll = self.roll
        var live = self.live
        let before = totalSize
        levels.storage.withUnsafeMutableBufferPointer { buffer in
            Self.runSIMD(bytes.assumingMemoryBound(to: UInt8.self), count: count,
                         handle: LevelHandle(buffer.baseAddress!), roll: &roll, live: &live, before: before)
        }
        totalSize = before &+ UInt64(count)
        self.roll = roll
        self.live = live
    }

    static func runSIMD(_ input: UnsafePointer<UInt8>, count: Int, handle: LevelHandle,
                        roll rollState: inout RollingHash, live liveState: inout LiveLevels, before: UInt64) {
        var roll = rollState
        var live = liveState
        var start = live.start
        var pieces = handle.loadLanes(halves: false, from: start)
        var halves = handle.loadLanes(halves: true, from: start)
        var filter = TriggerFilter(level: start)
        var wide = live.end - start > Levels.laneCount
        let multiplier = SIMD16<UInt16>(repeating: 0x0193)
        var index = 0
        while index < count {
            let byte = input[index]
            roll.step(byte)
            let broadcast = SIMD16(repeating: UInt16(byte))
            pieces = (pieces &* multiplier) ^ broadcast
            halves = (halves &* multiplier) ^ broadcast
            if _slowPath(wide) {
                stepWideLevels(handle, from: start + Levels.laneCount, to: live.end, byte)
            }
            index &+= 1
            let sum = roll.sum
            if _slowPath(filter.mayTrigger(sum)) {
                handle.storeLanes(pieces, halves: false, at: start)
                handle.storeLanes(halves, halves: true, at: start)
                let end = live.end
                cutPieces(sum, handle, levels: &live, totalSize: before &+ UInt64(index))
                if _slowPath(live.start != start || live.end != end) {
                    start = live.start
                    filter = TriggerFilter(level: start)
                    wide = live.end - start > Levels.laneCount
                }
                pieces = handle.loadLanes(halves: false, from: start)
                halves = handle.loadLanes(halves: true, from: start)
            }
        }
        handle.storeLanes(pieces, halves: false, at: start)
        handle.storeLanes(halves, halves: true, at: start)
        rollState = roll
        liveState = live
    }

    /// Steps the levels the vector does not hold.
    @inline(never)
    static func stepWideLevels(_ handle: LevelHandle, from first: Int, to end: Int, _ byte: UInt8) {
        var level = first
        while level < end {
            handle.setPiece(level, handle.piece(level) &* 0x0193 ^ UInt16(byte))
            handle.setHalf(level, handle.half(level) &* 0x0193 ^ UInt16(byte))
            level += 1
        }
    }
}
