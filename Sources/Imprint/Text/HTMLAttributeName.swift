/// The attribute names `HTMLExtractionState.open` reads, recognized from a name's raw bytes
/// (ASCII, compared case-insensitively) without building a String.
enum HTMLAttributeName: CaseIterable {
    case style, hidden, bgcolor, color, size, text, href, src, alt, action, background, type

    /// The name as `HTMLTokenizer.lowercasedName` spells it.
    var spelling: StaticString {
        switch self {
        case .style: "style"
        case .hidden: "hidden"
        case .bgcolor: "bgcolor"
        case .color: "color"
        case .size: "size"
        case .text: "text"
        case .href: "href"
        case .src: "src"
        case .alt: "alt"
        case .action: "action"
        case .background: "background"
        case .type: "type"
        }
    }

    /// The attribute whose lower-cased name is `name`, if it is one of these. A name with a
    /// byte above 0x7F is none of them: no non-ASCII name lower-cases to one of these names.
    init?(_ name: UnsafeBufferPointer<UInt8>) {
        func named(_ candidate: HTMLAttributeName) -> HTMLAttributeName? {
            ASCIIBytes.equalsLowercased(name, candidate.spelling) ? candidate : nil
        }
        let found: HTMLAttributeName?
        switch name.count {
        case 3: found = named(.src) ?? named(.alt)
        case 4: found = named(.size) ?? named(.text) ?? named(.href) ?? named(.type)
        case 5: found = named(.style) ?? named(.color)
        case 6: found = named(.hidden) ?? named(.action)
        case 7: found = named(.bgcolor)
        case 10: found = named(.background)
        default: found = nil
        }
        guard let found else { return nil }
        self = found
    }
}

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

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
