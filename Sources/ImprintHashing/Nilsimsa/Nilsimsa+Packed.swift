/// The packed per-byte loop: the eight trigram buckets of a byte computed together, one byte
/// lane per slot of a 64-bit word (SIMD within a register), from nine table loads instead of 24.
extension Nilsimsa {
    /// Slot n's bucket is `(first_n[a] ^ second_n[b]) &+ third_n[c]` (``slotTables``), with a, b,
    /// c drawn from the window positions 0 = the new byte, 1...4 = w0...w3. These are the
    /// positions of a, b and c for the eight slots (see ``accumulate(_:count:window:counters:tables:)``).
    static let slotPositions: [(a: Int, b: Int, c: Int)] = [
        (0, 1, 2), (0, 1, 3), (0, 2, 3), (0, 1, 4), (0, 2, 4), (0, 3, 4), (4, 1, 0), (4, 3, 0),
    ]

    /// For window position p (0...4) and byte x, two words: at `(2p) * 256 + x` the xor-part,
    /// lane n holding `first_n[x]` where slot n reads a at p and `second_n[x]` where it reads b
    /// there; at `(2p + 1) * 256 + x` the add-part, lane n holding `third_n[x]` where slot n
    /// reads c at p. Each lane takes exactly one a, one b and one c over the five positions, so
    /// xoring the five xor-parts gives `first ^ second` in every lane and or-ing the add-parts
    /// gives `third`. 20 KB.
    static let packedTables: [UInt64] = {
        var tables = [UInt64](repeating: 0, count: 10 * 256)
        for (slot, positions) in slotPositions.enumerated() {
            let shift = UInt64(8 * slot)
            for x in 0..<256 {
                let first = UInt64(slotTables[slot * 768 + x])
                let second = UInt64(slotTables[slot * 768 + 256 + x])
                let third = UInt64(slotTables[slot * 768 + 512 + x])
                tables[2 * positions.a * 256 + x] ^= first << shift
                tables[2 * positions.b * 256 + x] ^= second << shift
                tables[(2 * positions.c + 1) * 256 + x] |= third << shift
            }
        }
        return tables
    }()

    /// Adds the eight trigrams of each of `count` bytes (window already full) to the banks, as
    /// ``accumulate(_:count:window:counters:tables:)`` does. The eight byte-wise sums are one
    /// carry-free word addition (the low seven bits added, bit 7 fixed up with an xor).
    /// - Returns: the new window.
    @inline(__always)
    static func accumulatePacked(_ input: UnsafeRawPointer, count: Int, window: UInt32,
                                 counters: UnsafeMutablePointer<UInt32>, tables: UnsafePointer<UInt64>) -> UInt32 {
        var w0 = Int(window & 0xFF), w1 = Int((window >> 8) & 0xFF)
        var w2 = Int((window >> 16) & 0xFF), w3 = Int(window >> 24)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        for index in 0..<count {
            let c = Int(input.load(fromByteOffset: index, as: UInt8.self))
            let xor = tables[c] ^ tables[512 &+ w0] ^ tables[1024 &+ w1] ^ tables[1536 &+ w2] ^ tables[2048 &+ w3]
            let add = tables[256 &+ c] | tables[1280 &+ w1] | tables[1792 &+ w2] | tables[2304 &+ w3]
            let sums = ((xor & low7) &+ (add & low7)) ^ ((xor ^ add) & ~low7)
            counters[Int(truncatingIfNeeded: sums) & 0xFF] &+= 1
            counters[256 | Int(truncatingIfNeeded: sums &>> 8) & 0xFF] &+= 1
            counters[512 | Int(truncatingIfNeeded: sums &>> 16) & 0xFF] &+= 1
            counters[768 | Int(truncatingIfNeeded: sums &>> 24) & 0xFF] &+= 1
            counters[1024 | Int(truncatingIfNeeded: sums &>> 32) & 0xFF] &+= 1
            counters[1280 | Int(truncatingIfNeeded: sums &>> 40) & 0xFF] &+= 1
            counters[1536 | Int(truncatingIfNeeded: sums &>> 48) & 0xFF] &+= 1
            counters[1792 | Int(truncatingIfNeeded: sums &>> 56)] &+= 1
            w3 = w2
            w2 = w1
            w1 = w0
            w0 = c
        }
        return UInt32(w0) | UInt32(w1) << 8 | UInt32(w2) << 16 | UInt32(w3) << 24
    }
}
