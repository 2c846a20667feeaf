import ImprintHashing

/// The TLSH distance over 35 raw digest bytes: checksum, L (log length), Q (Q1 ratio in the
/// low nibble, Q2 ratio in the high one), then the 32 code bytes (128 two-bit quartile codes)
/// of the T1 form, as Oliver, Cheng and Chen define it ("TLSH - A Locality Sensitive Hash",
/// 2013) and the reference `tlsh_impl.cpp` (`totalDiff`) computes it.
///
/// This is the one internal function the lead swaps for `TLSHDigest.distance(to:includeLength:)`
/// when the TLSH kernel lands; everything else in the cartridge reaches TLSH through it.
enum TLSHDistance {
    static let digestLength = 35

    /// Sum over the four two-bit codes of a byte pair: the kernel's table.
    static var bytePairDiff: [UInt8] { TLSHDigest.byteDistances }

    /// The circular difference of `x` and `y` modulo `range`.
    @inline(__always)
    static func modDiff(_ x: Int, _ y: Int, _ range: Int) -> Int {
        let direct = abs(x - y)
        return min(direct, range - direct)
    }

    /// The distance between digests at `a` and `b` (35 bytes each).
    @inline(__always)
    static func distance(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, table: UnsafePointer<UInt8>,
                         includeLength: Bool = true) -> Int {
        var diff = 0
        if includeLength {
            let lengthDiff = modDiff(Int(a[1]), Int(b[1]), 256)
            diff += lengthDiff <= 1 ? lengthDiff : lengthDiff * 12
        }
        let q1 = modDiff(Int(a[2] & 0x0F), Int(b[2] & 0x0F), 16)
        diff += q1 <= 1 ? q1 : (q1 - 1) * 12
        let q2 = modDiff(Int(a[2] >> 4), Int(b[2] >> 4), 16)
        diff += q2 <= 1 ? q2 : (q2 - 1) * 12
        if a[0] != b[0] { diff += 1 }
        for index in 3..<digestLength { diff += Int(table[Int(a[index]) << 8 | Int(b[index])]) }
        return diff
    }

    /// The distance between two 35-byte digests.
    static func distance(_ a: [UInt8], _ b: [UInt8], includeLength: Bool = true) -> Int {
        precondition(a.count == digestLength && b.count == digestLength)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                bytePairDiff.withUnsafeBufferPointer { table in
                    distance(a.baseAddress!, b.baseAddress!, table: table.baseAddress!, includeLength: includeLength)
                }
            }
        }
    }
}
