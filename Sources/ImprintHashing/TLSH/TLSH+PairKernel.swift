extension TLSH {
    /// The fast per-byte loop (``KernelPath/simd``; no vector instructions, the name is the fast
    /// path's): the same counts and checksum as `absorb`, with fewer instructions and loads.
    ///
    /// Four of a window's seven Pearson chains start with the pair (a, b): the checksum and the
    /// triplets of salts 2, 3 and 11. Their first three steps `T[T[T[s] ^ a] ^ b]` depend on
    /// that pair only, so ``TLSHTables/pairs`` holds all four for each of the 65,536 pairs,
    /// indexed by one 16-bit load of the input (b, then a): that load and four byte loads from
    /// the entry replace four `T` loads, four byte extractions from `packed` and four xors. The three other triplets (salts 5, 7, 13) read 16-bit
    /// copies of `first` and `T` (``TLSHTables/wide``), which keeps the compiler from narrowing
    /// their xors to byte registers. Two positions a loop turn drop the window's register moves.
    ///
    /// Measured on the SpamAssassin corpus messages (release, interleaved with `absorb` in one
    /// process): +25% bytes a second. Tried and dropped: a second pair table for (a, c) (128 KiB
    /// more, 9% slower than this one: cache misses), a half-size pair table with two steps
    /// instead of four (15% slower: instructions matter more than misses here), twelve histograms
    /// (two per salt, against store-forwarding chains on runs of one byte) and 4-way unrolling
    /// (no gain), `first` loaded byte by byte instead of `packed` (+6%, superseded), and 16-bit
    /// counters (+2%, not worth an overflow flush).
    ///
    /// The first position reads `b` from the window (the byte before `bytes` may be in an earlier
    /// `update`), so it goes through `absorb`. Callers guarantee `count` readable bytes.
    @inline(__always)
    static func absorbPairs(_ bytes: UnsafeRawPointer, count: Int, window: inout UInt32, checksum: inout UInt8,
                            histograms: UnsafeMutablePointer<UInt32>, tables: TLSHTables) {
        absorb(bytes, count: 1, window: &window, checksum: &checksum, histograms: histograms, tables: tables)
        guard count > 1 else { return }
        var b = Int(window & 0xFF)
        var c = Int((window >> 8) & 0xFF)
        var d = Int((window >> 16) & 0xFF)
        var e = Int(window >> 24)
        var sum = Int(checksum)
        var offset = 1
        while offset + 2 <= count {
            let a0 = Int(bytes.load(fromByteOffset: offset, as: UInt8.self))
            let a1 = Int(bytes.load(fromByteOffset: offset + 1, as: UInt8.self))
            pairStep(bytes, offset, a0, c, d, e, &sum, histograms, tables)
            pairStep(bytes, offset + 1, a1, b, c, d, &sum, histograms, tables)
            e = c
            d = b
            c = a0
            b = a1
            offset += 2
        }
        if offset < count {
            let a = Int(bytes.load(fromByteOffset: offset, as: UInt8.self))
            pairStep(bytes, offset, a, c, d, e, &sum, histograms, tables)
            e = d
            d = c
            c = b
            b = a
        }
        window = UInt32(truncatingIfNeeded: b | c << 8 | d << 16 | e << 24)
        checksum = UInt8(truncatingIfNeeded: sum)
    }

    /// One window position: `a` at `offset` (the byte before it, `b`, is read again with `a` as
    /// the pair index), then `c d e`.
    @inline(__always)
    static func pairStep(_ bytes: UnsafeRawPointer, _ offset: Int, _ a: Int, _ c: Int, _ d: Int, _ e: Int,
                         _ sum: inout Int, _ h: UnsafeMutablePointer<UInt32>, _ tables: TLSHTables) {
        let pair = Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset - 1, as: UInt16.self)))
        let entry = UnsafeRawPointer(tables.pairs + 4 * pair)
        let wide = tables.wide, pearson = tables.wide + 768
        sum = Int(pearson[Int(entry.load(as: UInt8.self)) ^ sum])
        h[Int(entry.load(fromByteOffset: 1, as: UInt8.self)) ^ c] &+= 1
        h[256 + (Int(entry.load(fromByteOffset: 2, as: UInt8.self)) ^ d)] &+= 1
        h[512 + (Int(pearson[Int(wide[a]) ^ c]) ^ d)] &+= 1
        h[768 + (Int(pearson[Int(wide[256 + a]) ^ c]) ^ e)] &+= 1
        h[1024 + (Int(entry.load(fromByteOffset: 3, as: UInt8.self)) ^ e)] &+= 1
        h[1280 + (Int(pearson[Int(wide[512 + a]) ^ d]) ^ e)] &+= 1
    }
}
