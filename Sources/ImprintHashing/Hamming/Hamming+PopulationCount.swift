/// Lane-wise population counts of 64-bit vectors, by sideways addition (SWAR): bit pairs,
/// then nibbles, then bytes summed with shifts. No multiply and no table lookup, so it stays
/// in vector registers on baseline x86-64 (SSE2), where a 64-bit lane multiply and `pshufb`
/// are unavailable.
extension Hamming {
    @usableFromInline static let m1: UInt64 = 0x5555_5555_5555_5555
    @usableFromInline static let m2: UInt64 = 0x3333_3333_3333_3333
    @usableFromInline static let m4: UInt64 = 0x0F0F_0F0F_0F0F_0F0F

    /// The set bits of each byte of each lane (0...8): the first three steps of
    /// `populationCounts`, for callers that add byte counts of several lanes before folding.
    @inlinable @inline(__always)
    public static func byteCounts(_ words: SIMD8<UInt64>) -> SIMD8<UInt64> {
        var x = words &- ((words &>> 1) & m1)
        x = (x & m2) &+ ((x &>> 2) & m2)
        return (x &+ (x &>> 4)) & m4
    }

    /// The number of set bits of each lane.
    @inlinable @inline(__always)
    public static func populationCounts(_ words: SIMD8<UInt64>) -> SIMD8<UInt64> {
        var x = byteCounts(words)
        x &+= x &>> 8
        x &+= x &>> 16
        x &+= x &>> 32
        return x & 0x7F
    }

    /// The number of set bits of each lane.
    @inlinable @inline(__always)
    public static func populationCounts(_ words: SIMD4<UInt64>) -> SIMD4<UInt64> {
        var x = words &- ((words &>> 1) & m1)
        x = (x & m2) &+ ((x &>> 2) & m2)
        x = (x &+ (x &>> 4)) & m4
        x &+= x &>> 8
        x &+= x &>> 16
        x &+= x &>> 32
        return x & 0x7F
    }
}
