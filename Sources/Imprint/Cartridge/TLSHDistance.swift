import ImprintHashing

/// The TLSH distance over 35 raw digest bytes: checksum, L (log length), Q (Q1 ratio in the
/// low nibble, Q2 ratio in the high one), then the 32 code bytes (128 two-bit quartile codes)
/// of the T1 form, as Oliver, Cheng and Chen define it ("TLSH - A Locality Sensitive Hash",
/// 2013) and the reference `tlsh_impl.cpp` (`totalDiff`) computes it.
///
/// Everything in the cartridge reaches TLSH distances through it. The body (32 code bytes) is
/// compared by the kernel's SIMD `TLSHDigest.bodyDistance`, whose scalar twin is the reference's
/// byte-pair table (`TLSHDigest.byteDistances`, tested equal in the kernel's tests).
enum TLSHDistance {
    static let digestLength = 35

    /// The circular difference of `x` and `y` modulo `range`.
    @inline(__always)
    static func modDiff(_ x: Int, _ y: Int, _ range: Int) -> Int {
        let direct = abs(x - y)
        return min(direct, range - direct)
    }

    /// The distance between digests at `a` and `b` (35 bytes each).
    @inline(__always)
    static func distance(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, includeLength: Bool = true) -> Int {
        headerDistance(a, b, includeLength: includeLength) + TLSHDigest.bodyDistance(a + 3, b + 3)
    }

    /// The distance between digests at `a` and `b` when it is at most `radius`, else nil. The
    /// header terms (checksum, length, quartile ratios) are summed first and the 32-byte body is
    /// compared only when they leave room: unrelated messages mostly differ by several length
    /// steps (12 points each), so a scan skips most bodies, and half a body often settles the rest.
    /// Exact: no term is negative.
    @inline(__always)
    static func distance(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, includeLength: Bool, within radius: Int) -> Int? {
        let header = headerDistance(a, b, includeLength: includeLength)
        guard header <= radius, let body = TLSHDigest.bodyDistance(a + 3, b + 3, atMost: radius - header) else { return nil }
        return header + body
    }

    /// The checksum, length and quartile-ratio terms of the distance.
    @inline(__always)
    static func headerDistance(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, includeLength: Bool) -> Int {
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
        return diff
    }

    /// The distance between two 35-byte digests.
    static func distance(_ a: [UInt8], _ b: [UInt8], includeLength: Bool = true) -> Int {
        precondition(a.count == digestLength && b.count == digestLength)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                distance(a.baseAddress!, b.baseAddress!, includeLength: includeLength)
            }
        }
    }
}
