/// Words of UTF-8 text for the token fingerprints: maximal runs of letters and digits (in any
/// script, `Unicode.Scalar.Properties.isAlphabetic` or a numeric type) and of a few extra ASCII
/// characters, with combining marks continuing a run. A run of 2 to 40 characters is a word.
///
/// This is the scalar-level twin of splitting a `String` on `Character.isLetter` /
/// `Character.isNumber` (which look at a grapheme's first scalar): the same words, except that
/// a length counts scalars other than combining marks rather than grapheme clusters, which only
/// differs for unnormalized clusters such as conjoining Hangul jamo. It reads bytes, so a
/// message's thousands of words cost no `Character` or `Substring` each.
struct WordRuns: Sendable {
    /// Shortest and longest word, in characters.
    static let lengths = 2...40

    /// The ASCII word bytes: letters, digits and the extras, as a 128-bit set.
    private let low: UInt64, high: UInt64

    /// - Parameter extras: ASCII characters that belong to words besides letters and digits.
    init(extras: String) {
        var low: UInt64 = 0x03FF_0000_0000_0000, high: UInt64 = 0x07FF_FFFE_07FF_FFFE
        for byte in extras.utf8 where byte < 0x80 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        self.low = low
        self.high = high
    }
}

extension WordRuns {
    /// The next word of valid UTF-8 `bytes` at or after `index`, which moves past it; nil when
    /// there is none: a loop over words that keeps its state without a closure.
    /// - Complexity: O(length of the word and the separators before it), no allocation.
    @inline(__always)
    func nextWord(in bytes: UnsafeRawBufferPointer, from index: inout Int) -> Range<Int>? {
        var start = -1, length = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var width = 1
            var kind = ScalarClass.separator
            if byte < 0x80 {
                if ((byte < 64 ? low : high) >> UInt64(byte & 63)) & 1 == 1 { kind = .word }
            } else {
                width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let end = min(index + width, count)
                var scalar = UInt32(byte) & (0xFF >> UInt32(width + 1))
                var next = index + 1
                while next < end { scalar = scalar << 6 | UInt32(bytes[next] & 0x3F); next += 1 }
                width = end - index
                kind = ScalarClass.of(scalar)
            }
            switch kind {
            case .word:
                if start < 0 { start = index }
                length += 1
            case .mark where start >= 0:
                break
            default:
                if start >= 0 {
                    if Self.lengths.contains(length) {
                        let word = start..<index
                        index += width
                        return word
                    }
                    start = -1
                    length = 0
                }
            }
            index += width
        }
        return start >= 0 && Self.lengths.contains(length) ? start..<count : nil
    }
}

/// How a non-ASCII scalar takes part in a word.
enum ScalarClass: UInt8 {
    case separator, word, mark

    static func of(_ scalar: UInt32) -> ScalarClass {
        if scalar < 0x800 { return ScalarClass(rawValue: twoByteTable[Int(scalar)])! }
        return computed(scalar)
    }

    /// The classes of U+0000..U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic…), computed once.
    private static let twoByteTable: [UInt8] = (0..<0x800).map { computed(UInt32($0)).rawValue }

    private static func computed(_ value: UInt32) -> ScalarClass {
        guard let scalar = Unicode.Scalar(value) else { return .separator }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return .word }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        default: return .separator
        }
    }
}
