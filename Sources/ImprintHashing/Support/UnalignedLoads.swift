/// Little-endian reads at any byte offset of a raw buffer.
///
/// Callers check bounds; these only `assert` them, as hot loops do.
extension UnsafeRawPointer {
    @inlinable @inline(__always)
    func readLE64(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: self.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inlinable @inline(__always)
    func readLE32(_ offset: Int) -> UInt32 {
        UInt32(littleEndian: self.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inlinable @inline(__always)
    func byte(_ offset: Int) -> UInt8 {
        self.load(fromByteOffset: offset, as: UInt8.self)
    }
}

extension UInt64 {
    @inlinable @inline(__always)
    func rotatedLeft(by amount: UInt64) -> UInt64 {
        (self &<< amount) | (self &>> (64 &- amount))
    }
}
