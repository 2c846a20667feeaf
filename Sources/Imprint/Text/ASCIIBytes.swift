/// Byte helpers for ASCII text read in place.
enum ASCIIBytes {
    /// Whether `bytes`, with A-Z lower-cased, equal `lowercase` (lower-case ASCII).
    @inline(__always)
    static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let literal = lowercase.utf8Start
        for index in 0..<bytes.count where lower(bytes[index]) != literal[index] { return false }
        return true
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// `String(decoding: bytes, as: UTF8.self).lowercased()`, built in one step when the bytes
    /// are ASCII (a name of at most 15 bytes is then a small string: no heap allocation).
    @inline(__always)
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        bytes.allSatisfy({ $0 < 0x80 }) ? lowercasedString(bytes) : String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// The bytes lower-cased as a String (ASCII input).
    static func lowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for index in 0..<bytes.count { out[index] = lower(bytes[index]) }
            return bytes.count
        }
    }

    /// `Substring.trimmingASCIIWhitespace()` on ASCII bytes: without leading and trailing space,
    /// tab, LF and CR, except that a CR LF pair is one Character, which that trimming keeps.
    static func trimmingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end, isWhitespace(bytes[start]), !(bytes[start] == 0x0D && start + 1 < end && bytes[start + 1] == 0x0A) {
            start += 1
        }
        while end > start, isWhitespace(bytes[end - 1]), !(bytes[end - 1] == 0x0A && end - 2 >= start && bytes[end - 2] == 0x0D) {
            end -= 1
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Where `bytes` is without its leading and trailing bytes up to 0x20 (spaces and C0
    /// controls, as `String.trimmingSpacesAndControls` trims); `0..<0` when all of it is.
    static func spacesAndControlsTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        guard let first = bytes.firstIndex(where: { $0 > 0x20 }) else { return 0..<0 }
        return first..<(bytes.lastIndex(where: { $0 > 0x20 })! + 1)
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
