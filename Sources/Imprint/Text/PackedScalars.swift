/// Up to three code points in one `UInt64`, 21 bits each, the first lowest, ended by the first
/// zero: the form `FoldMap` and `NFKCMap` keep their short targets in.
enum PackedScalars {
    /// `scalars` packed (one to three, none zero).
    static func pack(_ scalars: [UInt32]) -> UInt64 {
        var packed: UInt64 = 0
        for (index, scalar) in scalars.enumerated() { packed |= UInt64(scalar) << (21 * UInt64(index)) }
        return packed
    }

    /// Calls `body` with each code point of `packed`, in order.
    @inline(__always)
    static func forEach(_ packed: UInt64, _ body: (UInt32) -> Void) {
        var rest = packed
        repeat {
            body(UInt32(truncatingIfNeeded: rest & 0x1F_FFFF))
            rest >>= 21
        } while rest != 0
    }
}
