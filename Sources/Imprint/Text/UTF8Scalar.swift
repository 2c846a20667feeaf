/// The UTF-8 encoding of one Unicode scalar value, byte by byte (RFC 3629).
enum UTF8Scalar {
    /// Calls `body` with each UTF-8 byte of `scalar` (which must be a valid scalar value).
    @inline(__always)
    static func forEachByte(_ scalar: UInt32, _ body: (UInt8) -> Void) {
        switch scalar {
        case ..<0x80:
            body(UInt8(scalar))
        case ..<0x800:
            body(UInt8(0xC0 | (scalar >> 6)))
            body(UInt8(0x80 | (scalar & 0x3F)))
        case ..<0x10000:
            body(UInt8(0xE0 | (scalar >> 12)))
            body(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            body(UInt8(0x80 | (scalar & 0x3F)))
        default:
            body(UInt8(0xF0 | (scalar >> 18)))
            body(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            body(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            body(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
