/// Little-endian appends for the cartridge encoders.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func write(_ value: UInt8) { bytes.append(value) }
    mutating func write(_ value: UInt16) { append(value) }
    mutating func write(_ value: UInt32) { append(value) }
    mutating func write(_ value: UInt64) { append(value) }
    mutating func write(_ value: Float) { append(value.bitPattern) }
    mutating func write(_ values: [UInt8]) { bytes.append(contentsOf: values) }

    private mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Bounds-checked little-endian reads over one section payload; running past the end is a
/// `truncated` error naming the section and the payload offset, never a trap.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0
    let section: Int

    init(_ bytes: [UInt8], section: Int) {
        self.bytes = bytes
        self.section = section
    }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset == bytes.count }

    mutating func readUInt8() throws(CartridgeError) -> UInt8 { try read(UInt8.self) }
    mutating func readUInt16() throws(CartridgeError) -> UInt16 { try read(UInt16.self) }
    mutating func readUInt32() throws(CartridgeError) -> UInt32 { try read(UInt32.self) }
    mutating func readUInt64() throws(CartridgeError) -> UInt64 { try read(UInt64.self) }
    mutating func readFloat() throws(CartridgeError) -> Float { Float(bitPattern: try read(UInt32.self)) }

    /// The next `count` bytes.
    mutating func readBytes(_ count: Int) throws(CartridgeError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else {
            throw .make(.truncated, "needs \(count) bytes, \(remaining) left", section: section, offset: offset, inPayload: true)
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// Fails unless every byte was consumed.
    func expectEnd() throws(CartridgeError) {
        guard isAtEnd else {
            throw .make(.malformed, "\(remaining) unexpected bytes after the payload", section: section, offset: offset, inPayload: true)
        }
    }

    /// A `malformed` error at the current offset.
    func malformed(_ reason: String) -> CartridgeError {
        .make(.malformed, reason, section: section, offset: offset, inPayload: true)
    }

    private mutating func read<T: FixedWidthInteger>(_: T.Type) throws(CartridgeError) -> T {
        let size = MemoryLayout<T>.size
        guard size <= remaining else {
            throw .make(.truncated, "needs \(size) bytes, \(remaining) left", section: section, offset: offset, inPayload: true)
        }
        var value: T = 0
        for index in 0..<size { value |= T(bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }
}
