extension CTPH {
    /// Picks the block size and writes the two digests (ssdeep `fuzzy_digest`).
    ///
    /// The block size is the smallest whose 64 pieces could cover the input, lowered while
    /// the first digest would have fewer than 32 characters. The piece still open at the end
    /// adds one last character unless the rolling hash is zero (the input ended in 7 zero bytes,
    /// or is empty).
    func makeDigest(options: Options) -> CTPHDigest {
        withDigestParts(options: options) { blockSize, first, second in
            CTPHDigest(uncheckedBlockSize: blockSize, first: Array(first), second: Array(second))
        }
    }

    /// The text form `bs:h1:h2` of ``finalize(options:)`` (``CTPHDigest/textBytes``), built in
    /// the one array returned: the parts are written on the stack.
    package func finalizeText(options: Options = []) -> [UInt8] {
        withDigestParts(options: options) { blockSize, first, second in
            CTPHDigest.textBytes(blockSize: blockSize, first: first, second: second)
        }
    }

    /// Calls `body` with the block size and the two digest parts (on the stack).
    func withDigestParts<Result>(options: Options,
                                 _ body: (UInt32, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let eliminate = options.contains(.eliminateSequences)
        let untruncated = options.contains(.untruncated)
        let sum = roll.sum
        let live = self.live
        let totalSize = self.totalSize
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * Self.maximumDigestLength) { parts in
            levels.storage.withUnsafeBufferPointer { buffer in
                let handle = LevelHandle(UnsafeMutablePointer(mutating: buffer.baseAddress!))
                var level = live.start
                while (UInt64(Self.minimumBlockSize) << UInt64(level)) * UInt64(Self.maximumDigestLength) < totalSize,
                      level < Self.blockSizeCount - 1 {
                    level += 1
                }
                level = min(level, live.end - 1)
                while level > live.start && Int(handle.lengths[level]) < Self.maximumDigestLength / 2 {
                    level -= 1
                }

                var first = DigestWriter(eliminating: eliminate, into: parts.baseAddress!)
                let length = Int(handle.lengths[level])
                first.append(handle.digest(level), count: length)
                if sum != 0 {
                    first.appendLast(Self.character(handle.piece(level)))
                } else if handle.digest(level)[length] != 0 {
                    first.appendLast(handle.digest(level)[length])
                }

                var second = DigestWriter(eliminating: eliminate, into: parts.baseAddress! + Self.maximumDigestLength)
                if level < live.end - 1 {
                    let next = level + 1
                    let nextLength = Int(handle.lengths[next])
                    let kept = untruncated ? nextLength : min(nextLength, Self.maximumDigestLength / 2 - 1)
                    second.append(handle.digest(next), count: kept)
                    if sum != 0 {
                        second.appendLast(Self.character(untruncated ? handle.piece(next) : handle.half(next)))
                    } else {
                        let last = untruncated ? handle.digest(next)[nextLength] : handle.halfDigests[next]
                        if last != 0 { second.appendLast(last) }
                    }
                } else if sum != 0 {
                    // Only level 0 can be the last live level here: its open piece is also the
                    // open piece of block size 6.
                    second.appendLast(Self.character(handle.piece(level)))
                }
                return body(Self.minimumBlockSize << UInt32(level), first.characters, second.characters)
            }
        }
    }

    /// Collects digest characters (at most ``maximumDigestLength``, in a caller's buffer),
    /// optionally dropping any that repeats the previous three.
    struct DigestWriter {
        let eliminating: Bool
        let start: UnsafeMutablePointer<UInt8>
        var count = 0

        init(eliminating: Bool, into start: UnsafeMutablePointer<UInt8>) {
            self.eliminating = eliminating
            self.start = start
        }

        var characters: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

        mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
            for index in 0..<count { appendLast(source[index]) }
        }

        mutating func appendLast(_ character: UInt8) {
            if eliminating, count >= 3, start[count - 1] == character,
               start[count - 2] == character, start[count - 3] == character {
                return
            }
            precondition(count < CTPH.maximumDigestLength, "a CTPH digest part is at most 64 characters")
            start[count] = character
            count += 1
        }
    }
}
