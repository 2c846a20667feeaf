/// The SHA-1 compression function, FIPS 180-4 6.1.2, over whole 64-byte blocks.
extension SHA1 {
    @inline(__always)
    static func rotate(_ value: UInt32, _ amount: UInt32) -> UInt32 {
        (value &<< amount) | (value &>> (32 &- amount))
    }

    mutating func compress(blocks: UnsafeRawPointer, count: Int) {
        var (h0, h1, h2, h3, h4) = state
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { schedule in
            let w = schedule.baseAddress!
            for blockIndex in 0..<count {
                let block = blocks + blockIndex &* 64
                for t in 0..<16 {
                    w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
                }
                for t in 16..<80 {
                    w[t] = Self.rotate(w[t &- 3] ^ w[t &- 8] ^ w[t &- 14] ^ w[t &- 16], 1)
                }
                var a = h0, b = h1, c = h2, d = h3, e = h4
                @inline(__always)
                func step(_ f: UInt32, _ k: UInt32, _ t: Int) {
                    let temp = Self.rotate(a, 5) &+ f &+ e &+ k &+ w[t]
                    e = d
                    d = c
                    c = Self.rotate(b, 30)
                    b = a
                    a = temp
                }
                for t in 0..<20 { step((b & c) | (~b & d), 0x5A82_7999, t) }
                for t in 20..<40 { step(b ^ c ^ d, 0x6ED9_EBA1, t) }
                for t in 40..<60 { step((b & c) | (b & d) | (c & d), 0x8F1B_BCDC, t) }
                for t in 60..<80 { step(b ^ c ^ d, 0xCA62_C1D6, t) }
                h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e
            }
        }
        state = (h0, h1, h2, h3, h4)
    }
}
