/// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) in a header value.
///
/// - B is base64 (tolerant, see `Base64Decoder`); Q is quoted-printable with `_` for space
///   (RFC 2047 §4.2); bad escapes are kept.
/// - Whitespace between two adjacent encoded words is dropped (RFC 2047 §6.2); consecutive words in
///   the same charset are joined before decoding, so a character split across words survives.
/// - The charset may carry an RFC 2231 §5 language (`utf-8*en`); any charset goes through
///   `CharsetDecoder`.
/// - Like most mail readers, words are also recognised inside other text (spam does this).
///   A word longer than `maxWordLength` is left as written, which keeps the scan linear.
public enum EncodedWords {
    /// The longest encoded word recognised, in bytes (RFC 2047 allows 75).
    public static let maxWordLength = 4_096

    /// The decoded text of an unfolded header value read in place: copied to an array only
    /// when it holds a word marker (most values have none and decode as they are).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count >= 8, containsMarker(bytes) else { return CharsetDecoder.decode(bytes, charset: nil) }
        return decode(Array(bytes))
    }

    /// The decoded text of an unfolded header value.
    public static func decode(_ bytes: [UInt8]) -> String {
        guard bytes.count >= 8, bytes.withUnsafeBufferPointer(containsMarker) else { return CharsetDecoder.decode(bytes, charset: nil) }
        var text = ""
        var literalStart = 0
        var pending: [UInt8] = []
        var pendingCharset: String?
        var lastWordEnd: Int?
        // nextClose[i]: where the first `?=` at or after i starts (keeps the scan linear).
        var nextClose = [Int](repeating: bytes.count, count: bytes.count + 1)
        var position = bytes.count - 2
        while position >= 0 {
            let isClose = bytes[position] == UInt8(ascii: "?") && bytes[position + 1] == UInt8(ascii: "=")
            nextClose[position] = isClose ? position : nextClose[position + 1]
            position -= 1
        }
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?"),
                  let word = parseWord(bytes, at: index, nextClose: nextClose)
            else { index += 1; continue }
            let between = bytes[literalStart..<index]
            let onlySpace = lastWordEnd == literalStart && between.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if !onlySpace || pendingCharset != word.charset {
                if let charset = pendingCharset {
                    text += CharsetDecoder.decode(pending, charset: charset)
                    pending.removeAll(keepingCapacity: true)
                }
                pendingCharset = nil
                if !onlySpace { text += CharsetDecoder.decode(between, charset: nil) }
            }
            pendingCharset = word.charset
            pending += word.bytes
            index = word.end
            literalStart = index
            lastWordEnd = index
        }
        if let charset = pendingCharset { text += CharsetDecoder.decode(pending, charset: charset) }
        text += CharsetDecoder.decode(bytes[literalStart...], charset: nil)
        return text
    }

    private static func containsMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<(bytes.count - 1) where bytes[index] == UInt8(ascii: "=") && bytes[index + 1] == UInt8(ascii: "?") {
            return true
        }
        return false
    }

    /// Parses the word starting at `start` (which holds `=?`).
    private static func parseWord(
        _ bytes: [UInt8], at start: Int, nextClose: [Int]
    ) -> (charset: String, bytes: [UInt8], end: Int)? {
        let limit = min(bytes.count, start + maxWordLength)
        var index = start + 2
        let charsetStart = index
        while index < min(limit, charsetStart + 128), bytes[index] != UInt8(ascii: "?") {
            let byte = bytes[index]
            if byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "=") { return nil }
            index += 1
        }
        guard index + 3 < limit, index > charsetStart, bytes[index] == UInt8(ascii: "?"),
              bytes[index + 2] == UInt8(ascii: "?") else { return nil }
        var charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        let encoding = bytes[index + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = index + 3
        let end = nextClose[textStart]
        guard end + 1 < limit else { return nil }
        let payload = bytes[textStart..<end]
        let decoded = encoding == UInt8(ascii: "b") ? Base64Decoder.decode(payload) : decodeQ(payload)
        return (CharsetDecoder.normalizedName(charset), decoded, end + 2)
    }

    /// RFC 2047 §4.2 "Q": quoted-printable with `_` for space; bad escapes kept.
    static func decodeQ(_ payload: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count)
        var index = payload.startIndex
        while index < payload.endIndex {
            let byte = payload[index]
            if byte == UInt8(ascii: "_") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "="), index + 2 < payload.endIndex,
                      let high = QuotedPrintableDecoder.hexValue(payload[index + 1]),
                      let low = QuotedPrintableDecoder.hexValue(payload[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
