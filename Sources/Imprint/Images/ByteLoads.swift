/// Bounds-checked integer loads from untrusted image bytes: nil past the end, never a trap.
extension UnsafeRawBufferPointer {
    /// The big-endian `UInt32` at `offset`, or nil when fewer than 4 bytes remain.
    @inline(__always)
    func bigEndianUInt32(at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return UInt32(self[offset]) << 24 | UInt32(self[offset + 1]) << 16
            | UInt32(self[offset + 2]) << 8 | UInt32(self[offset + 3])
    }

    /// The `UInt16` at `offset` in the given byte order, or nil when fewer than 2 bytes remain.
    @inline(__always)
    func uint16(at offset: Int, bigEndian: Bool) -> UInt16? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        let first = UInt16(self[offset]), second = UInt16(self[offset + 1])
        return bigEndian ? first << 8 | second : second << 8 | first
    }

    /// The `UInt32` at `offset` in the given byte order, or nil when fewer than 4 bytes remain.
    @inline(__always)
    func uint32(at offset: Int, bigEndian: Bool) -> UInt32? {
        guard let value = bigEndianUInt32(at: offset) else { return nil }
        return bigEndian ? value : value.byteSwapped
    }
}
