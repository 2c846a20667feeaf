/// A streaming base64 decoder (RFC 2045 §6.8, RFC 4648 §4) tolerant of what mail carries:
/// line breaks and any other bytes outside the alphabet are skipped, missing padding is
/// accepted (a final 2- or 3-character group still yields its 1 or 2 bytes), and decoding goes on
/// after a padded group (concatenated encodings). A lone final character is dropped.
///
/// `init()` / `update(_:)` / `finalize()`; the output stops at `limit` bytes (`isTruncated` is set).
/// Fast path: whole 4-character groups straight from the chunk through a 256-entry table.
public struct Base64Decoder: Sendable {
    private var quantum: UInt32 = 0
    private var filled = 0
    private var output: [UInt8] = []
    /// The most bytes kept.
    public let limit: Int
    /// Whether output past `limit` was dropped.
    public private(set) var isTruncated = false

    public init(limit: Int = .max, expectedInputCount: Int = 0) {
        self.limit = limit
        output.reserveCapacity(min(limit, expectedInputCount / 4 * 3 + 3))
    }

    /// Like `init(limit:expectedInputCount:)`, decoding into `buffer`'s storage (taken, emptied,
    /// its capacity kept; `finalize()` returns it): a caller that decodes part after part
    /// reuses one buffer.
    public init(limit: Int = .max, expectedInputCount: Int = 0, reusing buffer: inout [UInt8]) {
        self.limit = limit
        swap(&output, &buffer)
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(min(limit, expectedInputCount / 4 * 3 + 3))
    }

    /// 0..63 for alphabet bytes, `pad` for `=`, `skip` for everything else.
    static let table: [UInt8] = {
        var table = [UInt8](repeating: skip, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        table[Int(UInt8(ascii: "="))] = pad
        return table
    }()
    static let pad: UInt8 = 0x40
    static let skip: UInt8 = 0x80

    /// Decodes the next chunk of encoded bytes.
    public mutating func update(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard !isTruncated, chunk.count > 0 else { return }
        let bound = (filled + chunk.count) / 4 * 3 + 3
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: bound))
        var written = 0
        Self.table.withUnsafeBufferPointer { table in
            output.withUnsafeMutableBufferPointer { out in
                let destination = out.baseAddress! + start
                let source = chunk.baseAddress!
                let count = chunk.count
                var index = 0
                while index < count {
                    if filled == 0 {
                        while index + 4 <= count {
                            let a = UInt32(table[Int(source[index])]), b = UInt32(table[Int(source[index + 1])])
                            let c = UInt32(table[Int(source[index + 2])]), d = UInt32(table[Int(source[index + 3])])
                            guard (a | b | c | d) & 0xC0 == 0 else { break }
                            let word = a << 18 | b << 12 | c << 6 | d
                            destination[written] = UInt8(truncatingIfNeeded: word >> 16)
                            destination[written + 1] = UInt8(truncatingIfNeeded: word >> 8)
                            destination[written + 2] = UInt8(truncatingIfNeeded: word)
                            written += 3
                            index += 4
                        }
                        if index >= count { break }
                    }
                    let value = table[Int(source[index])]
                    index += 1
                    if value < 64 {
                        quantum = quantum << 6 | UInt32(value)
                        filled += 1
                        if filled == 4 {
                            destination[written] = UInt8(truncatingIfNeeded: quantum >> 16)
                            destination[written + 1] = UInt8(truncatingIfNeeded: quantum >> 8)
                            destination[written + 2] = UInt8(truncatingIfNeeded: quantum)
                            written += 3
                            filled = 0
                            quantum = 0
                        }
                    } else if value == Self.pad {
                        written += Self.flushPartial(quantum, filled, into: destination + written)
                        filled = 0
                        quantum = 0
                    }
                }
            }
        }
        output.removeLast(bound - written)
        clampToLimit()
    }

    /// Convenience for arrays and slices.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update($0) }) { return done }
        let copy = Array(bytes)
        copy.withUnsafeBufferPointer { update($0) }
    }

    /// Ends the input: a final unpadded group of 2 or 3 characters still yields its bytes.
    public mutating func finalize() -> [UInt8] {
        if !isTruncated, filled >= 2 {
            var tail: (UInt8, UInt8) = (0, 0)
            let count = withUnsafeMutableBytes(of: &tail) {
                Self.flushPartial(quantum, filled, into: $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            withUnsafeBytes(of: tail) { output.append(contentsOf: $0.prefix(count)) }
            clampToLimit()
        }
        filled = 0
        quantum = 0
        return output
    }

    /// One-shot decoding.
    public static func decode(_ bytes: some Collection<UInt8>, limit: Int = .max) -> [UInt8] {
        var decoder = Base64Decoder(limit: limit, expectedInputCount: bytes.count)
        decoder.update(bytes)
        return decoder.finalize()
    }

    /// Writes the 1 or 2 bytes a group of 2 or 3 characters holds; returns how many.
    @inline(__always)
    private static func flushPartial(_ quantum: UInt32, _ filled: Int, into destination: UnsafeMutablePointer<UInt8>) -> Int {
        switch filled {
        case 2:
            destination[0] = UInt8(truncatingIfNeeded: quantum >> 4)
            return 1
        case 3:
            destination[0] = UInt8(truncatingIfNeeded: quantum >> 10)
            destination[1] = UInt8(truncatingIfNeeded: quantum >> 2)
            return 2
        default:
            return 0
        }
    }

    private mutating func clampToLimit() {
        if output.count > limit {
            output.removeLast(output.count - limit)
            isTruncated = true
        }
    }
}
