/// Splits text (normally `TextNormalizer` output) into words for shingles: maximal runs of
/// letters, digits, combining marks and inner `-`/`_` in any script, except that each Han,
/// Hiragana or Katakana character is a word by itself (those scripts do not separate words
/// with spaces; character n-grams are the usual unit there). Thai and other unspaced scripts
/// come out as whole runs.
public enum TextTokenizer {
    /// Calls `body` with the UTF-8 bytes of each word, without allocating per word.
    /// - Complexity: O(n).
    public static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = -1
            var index = 0
            let count = bytes.count
            func close(_ end: Int) {
                guard start >= 0 else { return }
                var last = end
                while last > start, bytes[last - 1] == UInt8(ascii: "-") || bytes[last - 1] == UInt8(ascii: "_") { last -= 1 }
                if last > start { body(UnsafeBufferPointer(rebasing: bytes[start..<last])) }
                start = -1
            }
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    let isWord = (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                        || ((byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")) && start >= 0)
                    if isWord {
                        if start < 0 { start = index }
                    } else {
                        close(index)
                    }
                    index += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let end = min(index + length, count)
                var scalar = UInt32(byte) & (0xFF >> (length + 1))
                for offset in (index + 1)..<max(end, index + 1) { scalar = scalar << 6 | UInt32(bytes[offset] & 0x3F) }
                if isIdeographic(scalar) {
                    close(index)
                    body(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                } else if let value = Unicode.Scalar(scalar), value.properties.isAlphabetic || value.properties.numericType != nil
                    || value.properties.generalCategory == .nonspacingMark || value.properties.generalCategory == .spacingMark {
                    if start < 0 { start = index }
                } else {
                    close(index)
                }
                index = end
            }
            close(count)
        }
    }

    /// The words of `text` as strings.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Han ideographs, Hiragana and Katakana (each a word by itself).
    @inline(__always)
    static func isIdeographic(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
