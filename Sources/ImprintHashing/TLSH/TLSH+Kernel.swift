extension TLSH {
    /// The per-byte loop of the `.scalar` path (the twin `absorbPairs` is tested against): for
    /// each new byte `a` with the four before it `b c d e` (most recent first), one checksum
    /// step and six bucket counts, as in the reference's `update`:
    ///
    ///     checksum = H(0, a, b, checksum)
    ///     H(2, a, b, c)  H(3, a, b, d)  H(5, a, c, d)  H(7, a, c, e)  H(11, a, b, e)  H(13, a, d, e)
    ///
    /// where `H(s, x, y, z) = T[T[T[T[s] ^ x] ^ y] ^ z]` is Pearson's hash (``TLSHTables``).
    /// The first two steps come from `first` (all seven rows of a byte in one load of `packed`), and the last step is deferred: histogram s
    /// counts `T[first_s[a] ^ y] ^ z`, the index *before* the final permutation, and
    /// `finalize()` maps it back. Each salt has its own histogram, so repeated buckets in a
    /// row do not chain through memory. The window lives in registers and the pointers are
    /// unchecked: callers guarantee `count` readable bytes and six 256-entry histograms.
    @inline(__always)
    static func absorb(_ bytes: UnsafeRawPointer, count: Int, window: inout UInt32, checksum: inout UInt8,
                       histograms: UnsafeMutablePointer<UInt32>, tables: TLSHTables) {
        let pearson = tables.pearson
        let packed = tables.packed
        let h0 = histograms, h1 = histograms + 256, h2 = histograms + 512
        let h3 = histograms + 768, h4 = histograms + 1024, h5 = histograms + 1280
        var b = Int(window & 0xFF)
        var c = Int((window >> 8) & 0xFF)
        var d = Int((window >> 16) & 0xFF)
        var e = Int(window >> 24)
        var sum = Int(checksum)
        for offset in 0..<count {
            let a = Int(bytes.load(fromByteOffset: offset, as: UInt8.self))
            // All seven first steps of `a` in one load: row s in byte s.
            let row = packed[a]
            sum = Int(pearson[Int(pearson[Int(row & 0xFF) ^ b]) ^ sum])
            h0[Int(pearson[Int((row >> 8) & 0xFF) ^ b]) ^ c] &+= 1
            h1[Int(pearson[Int((row >> 16) & 0xFF) ^ b]) ^ d] &+= 1
            h2[Int(pearson[Int((row >> 24) & 0xFF) ^ c]) ^ d] &+= 1
            h3[Int(pearson[Int((row >> 32) & 0xFF) ^ c]) ^ e] &+= 1
            h4[Int(pearson[Int((row >> 40) & 0xFF) ^ b]) ^ e] &+= 1
            h5[Int(pearson[Int(row >> 48) ^ d]) ^ e] &+= 1
            e = d
            d = c
            c = b
            b = a
        }
        window = UInt32(truncatingIfNeeded: b | c << 8 | d << 16 | e << 24)
        checksum = UInt8(truncatingIfNeeded: sum)
    }
}
