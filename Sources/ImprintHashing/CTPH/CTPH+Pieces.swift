extension CTPH {
    /// The digest alphabet: standard base64.
    static let alphabet: StaticString =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// The base64 character for the low 6 bits of a piece hash.
    @inline(__always)
    static func character(_ hash: UInt16) -> UInt8 {
        alphabet.utf8Start[Int(hash & 63)]
    }

    /// Cuts a piece at every live level whose block size `sum` triggers (ssdeep
    /// `fuzzy_engine_step`): appends the level's piece character, resets its piece hash, forks
    /// the next level on a level's first cut and retires the smallest level when it can no
    /// longer be chosen. Piece hashes must already include the current byte.
    ///
    /// A trigger at block size 2·bs implies one at bs, so the levels are walked upward from
    /// `start` until one does not trigger.
    ///
    /// - Parameter totalSize: bytes consumed so far, including the current one. ssdeep counts
    ///   the whole buffer being fed, which is never less; retiring a level later than ssdeep
    ///   does never changes the digest, because a retired level is one the digest cannot pick.
    @inline(never)
    static func cutPieces(_ sum: UInt32, _ handle: LevelHandle, levels: inout LiveLevels, totalSize: UInt64) {
        var level = levels.start
        let highest = highestTriggeredLevel(sum)
        while level < levels.end && level <= highest {
            var length = Int(handle.lengths[level])
            if length == 0 { fork(handle, levels: &levels) }
            let digest = handle.digest(level)
            digest[length] = character(handle.piece(level))
            handle.halfDigests[level] = character(handle.half(level))
            if length < maximumDigestLength - 1 {
                // Room for more: close this piece. Once full, the last character keeps
                // absorbing the remaining pieces.
                length += 1
                handle.lengths[level] = UInt8(length)
                digest[length] = 0
                handle.setPiece(level, Levels.pieceInit)
                if length < maximumDigestLength / 2 {
                    handle.setHalf(level, Levels.pieceInit)
                    handle.halfDigests[level] = 0
                }
            } else {
                retireSmallest(handle, levels: &levels, totalSize: totalSize)
            }
            level += 1
        }
    }

    /// Starts the next level as a copy of the last (ssdeep `fuzzy_try_fork_blockhash`).
    @inline(__always)
    static func fork(_ handle: LevelHandle, levels: inout LiveLevels) {
        let last = levels.end - 1
        guard levels.end < Levels.count else { return }
        let next = levels.end
        handle.setPiece(next, handle.piece(last))
        handle.setHalf(next, handle.half(last))
        handle.halfDigests[next] = 0
        handle.lengths[next] = 0
        handle.digest(next)[0] = 0
        levels.end += 1
    }

    /// Drops the smallest live level once the digest can no longer pick it (ssdeep
    /// `fuzzy_try_reduce_blockhash`): the input is already too long for its block size and the
    /// next level already has half a digest.
    @inline(__always)
    static func retireSmallest(_ handle: LevelHandle, levels: inout LiveLevels, totalSize: UInt64) {
        guard levels.end - levels.start >= 2 else { return }
        let blockSize = UInt64(minimumBlockSize) << UInt64(levels.start)
        guard blockSize * UInt64(maximumDigestLength) < totalSize else { return }
        guard Int(handle.lengths[levels.start + 1]) >= maximumDigestLength / 2 else { return }
        levels.start += 1
    }
}
