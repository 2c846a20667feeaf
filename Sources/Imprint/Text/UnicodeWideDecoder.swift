/// UTF-16 and UTF-32 decoding with byte-order-mark handling (RFC 2781; Unicode chapter 3.10).
/// Unpaired surrogates, out-of-range values and a trailing partial code unit become U+FFFD.
enum UnicodeWideDecoder {
    /// The charset a leading byte-order mark announces, if any (UTF-32 marks are checked first,
    /// since the UTF-32LE mark begins with the UTF-16LE one).
    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Charset? {
        if bytes.count >= 4 {
            if bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { return .utf32LE }
            if bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return .utf32BE }
        }
        if bytes.count >= 2 {
            if bytes[0] == 0xFF, bytes[1] == 0xFE { return .utf16LE }
            if bytes[0] == 0xFE, bytes[1] == 0xFF { return .utf16BE }
        }
        return nil
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as charset: Charset) -> String {
        var bigEndian = true
        var wide = false
        switch charset {
        case .utf16, .utf32:
            wide = charset == .utf32
            if let bom = byteOrderMark(bytes) {
                let bomWide = bom == .utf32LE || bom == .utf32BE
                if bomWide == wide { bigEndian = bom == .utf16BE || bom == .utf32BE }
            }
        case .utf16LE: bigEndian = false
        case .utf32LE: bigEndian = false; wide = true
        case .utf32BE: wide = true
        default: break
        }
        let unit = wide ? 4 : 2
        var index = 0
        if let bom = byteOrderMark(bytes), (bom == .utf32LE || bom == .utf32BE) == wide,
           (bom == .utf16BE || bom == .utf32BE) == bigEndian {
            index = unit
        }
        func load(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for offset in 0..<unit {
                let byte = UInt32(bytes[bigEndian ? at + offset : at + unit - 1 - offset])
                value = value << 8 | byte
            }
            return value
        }
        var scalars = String.UnicodeScalarView()
        let replacement = Unicode.Scalar(0xFFFD)!
        while index + unit <= bytes.count {
            let value = load(index)
            index += unit
            if wide {
                scalars.append(Unicode.Scalar(value) ?? replacement)
            } else if value >= 0xD800, value < 0xDC00, index + 2 <= bytes.count,
                      case let low = load(index), low >= 0xDC00, low < 0xE000 {
                index += 2
                scalars.append(Unicode.Scalar(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)) ?? replacement)
            } else {
                scalars.append(Unicode.Scalar(value) ?? replacement)
            }
        }
        if index < bytes.count { scalars.append(replacement) }
        return String(scalars)
    }
}
