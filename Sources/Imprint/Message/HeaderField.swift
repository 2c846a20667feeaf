/// One header field as it appears in the message: raw bytes kept (for fingerprints that need
/// them), with its unfolded and RFC 2047-decoded value computed on demand.
///
/// Follows RFC 5322 §2.2 (fields, unfolding) and RFC 2047 (encoded words).
public struct HeaderField: Sendable {
    /// The buffer the message was parsed from (shared).
    public let storage: [UInt8]
    /// The field name's bytes in `storage`.
    public let nameRange: Range<Int>
    /// The value's bytes in `storage`, after the colon, folding line breaks included.
    public let valueRange: Range<Int>

    /// The field name as written (case kept).
    public var name: String { String(decoding: storage[nameRange], as: UTF8.self) }

    /// The raw value bytes (folded), a slice of the message: no copy.
    public var rawValue: ArraySlice<UInt8> { storage[valueRange] }

    /// The whole field as written, `Name:` through the end of its last line (no final line break).
    public var rawField: ArraySlice<UInt8> { storage[nameRange.lowerBound..<valueRange.upperBound] }

    /// Whether the name equals `other`, ignoring ASCII case (no allocation).
    public func hasName(_ other: String) -> Bool {
        guard other.utf8.count == nameRange.count else { return false }
        var utf8 = other.utf8.makeIterator()
        for index in nameRange {
            guard let byte = utf8.next(), ASCIIBytes.lower(storage[index]) == ASCIIBytes.lower(byte) else { return false }
        }
        return utf8.next() == nil
    }

    /// The unfolded value bytes (RFC 5322 §2.2.3): line breaks inside removed, the whitespace
    /// after them kept; leading and trailing whitespace trimmed.
    public var unfoldedBytes: [UInt8] { withUnfoldedBytes { Array($0) } }

    /// Calls `body` with ``unfoldedBytes`` in a temporary buffer (on the stack for values up
    /// to 1 KiB), for readers that do not keep them.
    func withUnfoldedBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: valueRange.count) { buffer in
            var count = 0
            for index in valueRange {
                let byte = storage[index]
                if byte == 0x0D || byte == 0x0A { continue }
                if count == 0, byte == 0x20 || byte == 0x09 { continue }
                buffer[count] = byte
                count += 1
            }
            while count > 0, buffer[count - 1] == 0x20 || buffer[count - 1] == 0x09 { count -= 1 }
            return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The unfolded value as text (UTF-8, or ISO-8859-1 when not valid UTF-8), not decoded.
    public var value: String { withUnfoldedBytes { CharsetDecoder.decode($0, charset: nil) } }

    /// The unfolded value with RFC 2047 encoded words decoded.
    public var decodedValue: String { withUnfoldedBytes { EncodedWords.decode($0) } }
}

/// The header fields of a message or a part, in order, duplicates kept.
public struct HeaderList: RandomAccessCollection, Sendable {
    public let fields: [HeaderField]

    public init(_ fields: [HeaderField]) { self.fields = fields }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> HeaderField { fields[position] }

    /// The first field named `name` (ASCII case-insensitive).
    public func first(named name: String) -> HeaderField? {
        fields.first { $0.hasName(name) }
    }

    /// Every field named `name`, in order.
    public func all(named name: String) -> [HeaderField] {
        fields.filter { $0.hasName(name) }
    }

    /// The decoded value of the first field named `name`.
    public subscript(name: String) -> String? { first(named: name)?.decodedValue }
}
