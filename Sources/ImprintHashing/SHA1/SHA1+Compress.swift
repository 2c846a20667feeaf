/// The SHA-1 compression function, FIPS 180-4 6.1.2, over whole 64-byte blocks.
extension SHA1 {
    @inline(__always)
    static func rotate(_ value: UInt32, _ amount: UInt32) -> UInt32 {
        (value &<< amount) | (value &>> (32 &- amount))
    }

    mutating func compress(blocks: UnsafeRawPointer, count: Int) {
        var (h0, h1, h2, h3, h4) = state
        var schedule = (SIMD16<UInt32>.zero)  // the 16-word rolling message schedule
        for blockIndex in 0..<count {
            let block = blocks + blockIndex &* 64
            for word in 0..<16 {
                schedule[word] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: word &* 4, as: UInt32.self))
            }
            var a = h0, b = h1, c = h2, d = h3, e = h4
            for round in 0..<80 {
                let w: UInt32
                if round < 16 {
                    w = schedule[round]
                } else {
                    let slot = round & 15
                    w = Self.rotate(schedule[(round &- 3) & 15] ^ schedule[(round &- 8) & 15]
                                    ^ schedule[(round &- 14) & 15] ^ schedule[slot], 1)
                    schedule[slot] = w
                }
                let f: UInt32, k: UInt32
                switch round {
                case 0..<20: f = (b & c) | (~b & d); k = 0x5A82_7999
                case 20..<40: f = b ^ c ^ d; k = 0x6ED9_EBA1
                case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
                default: f = b ^ c ^ d; k = 0xCA62_C1D6
                }
                let temp = Self.rotate(a, 5) &+ f &+ e &+ k &+ w
                e = d
                d = c
                c = Self.rotate(b, 30)
                b = a
                a = temp
            }
            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e
        }
        state = (h0, h1, h2, h3, h4)
    }
}
