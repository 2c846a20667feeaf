/// Percent-encoding normalization (RFC 3986 sections 2.1, 2.3 and 6.2.2.2): triplets of
/// unreserved characters are decoded, other triplets get upper-case hex digits, bytes that may
/// not appear raw (space, controls, non-ASCII, quotes, angle brackets) are encoded.
enum URLPercentEncoding {
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, isPath: Bool) -> String {
        var clean = true
        for byte in bytes where byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "\\")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "`") {
            clean = false
            break
        }
        if clean { return String(decoding: bytes, as: UTF8.self) }
        // The output is ASCII (anything else is encoded) and at most three bytes an input byte:
        // written straight into the String's storage.
        return String(unsafeUninitializedCapacity: 3 * bytes.count) { buffer in
            var output = OutputCursor(buffer: buffer)
            encode(bytes, isPath: isPath, to: &output)
            return output.count
        }
    }

    /// Writes bytes with a capacity the caller has checked.
    struct OutputCursor {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        @inline(__always)
        mutating func append(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }
    }

    private static func encode(_ bytes: UnsafeBufferPointer<UInt8>, isPath: Bool, to output: inout OutputCursor) {
        var index = 0
        while index < bytes.count {
            var byte = bytes[index]
            if byte == UInt8(ascii: "\\"), isPath { byte = UInt8(ascii: "/") }
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                let decoded = high << 4 | low
                if isUnreserved(decoded) {
                    output.append(decoded)
                } else {
                    output.append(UInt8(ascii: "%"))
                    output.append(hexDigit(decoded >> 4))
                    output.append(hexDigit(decoded & 15))
                }
                index += 3
                continue
            }
            if byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "`") || (byte == UInt8(ascii: "%")) {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 15))
            } else {
                output.append(byte)
            }
            index += 1
        }
    }

    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - 55
        default: return nil
        }
    }

    @inline(__always)
    static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 55 + value }

    /// Decodes every valid triplet (for query values and mailto addresses); the result is
    /// repaired UTF-8.
    static func decode(_ text: Substring) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Nothing to decode: the text as it is (no copy to decode into).
            guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            // At most one byte an input byte, repaired as `String(decoding:as:)` repairs.
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var output = OutputCursor(buffer: buffer)
                var index = 0
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                       let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                        output.append(high << 4 | low)
                        index += 3
                    } else {
                        output.append(bytes[index] == UInt8(ascii: "+") ? 0x20 : bytes[index])
                        index += 1
                    }
                }
                return output.count
            }
        }
    }
}

extension Substring {
    func removingPercentEncodingLossy() -> Substring { Substring(URLPercentEncoding.decode(self)) }
}
