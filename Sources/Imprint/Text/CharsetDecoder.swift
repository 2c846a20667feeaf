/// Turns bytes in a declared charset into Unicode text. Never throws: invalid sequences
/// become U+FFFD, and an unknown charset falls back to a documented guess.
///
/// The MIME parser calls this for RFC 2047 encoded words and text parts; the text
/// normalization works on its output. Charsets: see `Charset` and `CharsetAliases`.
public enum CharsetDecoder {
    /// Decodes `bytes` declared as `charset` (a MIME charset name, any case; nil when undeclared).
    ///
    /// Fallback for an undeclared or unknown charset (`guess(_:)`): a UTF-16/UTF-32 byte-order
    /// mark decides if present; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252
    /// (the WHATWG default for legacy Western text; every byte maps to a character).
    ///
    /// - Complexity: O(n) in the byte count.
    public static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        let charset = charset.flatMap(Charset.named)
        let fast = bytes.withContiguousStorageIfAvailable { decode($0, as: charset) }
        if let fast { return fast }
        let copy = Array(bytes)
        return copy.withUnsafeBufferPointer { decode($0, as: charset) }
    }

    /// Decodes `bytes` as `charset`, or by `guess(_:)` when `charset` is nil.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as charset: Charset?) -> String {
        guard let charset else { return guess(bytes) }
        switch charset {
        case .utf8:
            return utf8(bytes)
        case .ascii:
            return isASCII(bytes) ? String(decoding: bytes, as: UTF8.self) : guess(bytes)
        case .utf16, .utf16BE, .utf16LE, .utf32, .utf32BE, .utf32LE:
            return UnicodeWideDecoder.decode(bytes, as: charset)
        case .utf7:
            return EastAsianDecoder.utf7(bytes) ?? guess(bytes)
        case .singleByte(let table):
            return singleByte(bytes, table: table)
        case .eastAsian(let charset):
            return EastAsianDecoder.decode(bytes, as: charset)
        }
    }

    /// The decoding of bytes whose charset is unknown: a BOM decides; else UTF-8 when valid,
    /// otherwise Windows-1252.
    public static func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let bom = UnicodeWideDecoder.byteOrderMark(bytes) { return UnicodeWideDecoder.decode(bytes, as: bom) }
        if let text = String(validating: bytes, as: UTF8.self) { return dropBOM(text) }
        return singleByte(bytes, table: .windows1252)
    }

    /// The lower-cased charset name without quotes or surrounding space.
    public static func normalizedName(_ name: String) -> String {
        var trimmed = Substring(name)
        while let first = trimmed.first, first == " " || first == "\"" || first == "'" { trimmed.removeFirst() }
        while let last = trimmed.last, last == " " || last == "\"" || last == "'" { trimmed.removeLast() }
        return trimmed.lowercased()
    }

    /// UTF-8 with invalid sequences replaced by U+FFFD (maximal subparts, as the Unicode
    /// standard's "U+FFFD substitution of maximal subparts" recommends) and a leading BOM dropped.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[3...]), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func dropBOM(_ text: String) -> String {
        text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? String(text.dropFirst()) : text
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Table-driven single-byte decoding, written straight into the string's UTF-8 storage.
    static func singleByte(_ bytes: UnsafeBufferPointer<UInt8>, table: SingleByteCharset) -> String {
        if bytes.isEmpty { return "" }
        let base = table.rawValue &* 128
        return SingleByteTables.upperHalf.withUnsafeBufferPointer { upper in
            String(unsafeUninitializedCapacity: bytes.count &* 3) { out in
                var written = 0
                for byte in bytes {
                    if byte < 0x80 {
                        out[written] = byte
                        written &+= 1
                        continue
                    }
                    let point = upper[base &+ Int(byte &- 0x80)]
                    if point < 0x800 {
                        out[written] = UInt8(0xC0 | (point >> 6))
                        out[written &+ 1] = UInt8(0x80 | (point & 0x3F))
                        written &+= 2
                    } else {
                        out[written] = UInt8(0xE0 | (point >> 12))
                        out[written &+ 1] = UInt8(0x80 | ((point >> 6) & 0x3F))
                        out[written &+ 2] = UInt8(0x80 | (point & 0x3F))
                        written &+= 3
                    }
                }
                return written
            }
        }
    }
}
