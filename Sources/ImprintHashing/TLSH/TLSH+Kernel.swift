extension TLSH {
    /// The per-byte loop: for each new byte `a` with the four before it `b c d e` (most recent
    /// first), one checksum step and six bucket increments, as in the reference's `update`:
    ///
    ///     checksum = H(0, a, b, checksum)
    ///     H(2, a, b, c)  H(3, a, b, d)  H(5, a, c, d)  H(7, a, c, e)  H(11, a, b, e)  H(13, a, d, e)
    ///
    /// where `H(s, x, y, z) = T[T[T[T[s] ^ x] ^ y] ^ z]` is Pearson's hash (``TLSHTables``). The
    /// constants below are `T[s]` for those salts (1, 49, 12, 178, 166, 84, 230); two of the
    /// four steps come from the 64 KiB `pairs` table. The window lives in registers, the
    /// pointers are unchecked: callers guarantee `count` readable bytes and six histograms.
    @inline(__always)
    static func absorb(_ bytes: UnsafeRawPointer, count: Int, window: inout UInt32, checksum: inout UInt8,
                       histograms: UnsafeMutablePointer<UInt32>, tables: TLSHTables) {
        let pearson = tables.pearson
        let pairs = tables.pairs
        let h0 = histograms, h1 = histograms + 256, h2 = histograms + 512
        let h3 = histograms + 768, h4 = histograms + 1024, h5 = histograms + 1280
        var b = Int(window & 0xFF)
        var c = Int((window >> 8) & 0xFF)
        var d = Int((window >> 16) & 0xFF)
        var e = Int(window >> 24)
        var sum = Int(checksum)
        for offset in 0..<count {
            let a = Int(bytes.load(fromByteOffset: offset, as: UInt8.self))
            sum = Int(pearson[Int(pairs[(a ^ 1) << 8 | b]) ^ sum])
            h0[Int(pearson[Int(pairs[(a ^ 49) << 8 | b]) ^ c])] &+= 1
            h1[Int(pearson[Int(pairs[(a ^ 12) << 8 | b]) ^ d])] &+= 1
            h2[Int(pearson[Int(pairs[(a ^ 178) << 8 | c]) ^ d])] &+= 1
            h3[Int(pearson[Int(pairs[(a ^ 166) << 8 | c]) ^ e])] &+= 1
            h4[Int(pearson[Int(pairs[(a ^ 84) << 8 | b]) ^ e])] &+= 1
            h5[Int(pearson[Int(pairs[(a ^ 230) << 8 | d]) ^ e])] &+= 1
            e = d
            d = c
            c = b
            b = a
        }
        window = UInt32(truncatingIfNeeded: b | c << 8 | d << 16 | e << 24)
        checksum = UInt8(truncatingIfNeeded: sum)
    }
}
