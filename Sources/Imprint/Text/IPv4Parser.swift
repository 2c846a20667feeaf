/// The WHATWG URL Standard's IPv4 parser (<https://url.spec.whatwg.org/#concept-ipv4-parser>),
/// the one browsers use, so that every form a browser would connect to is recognised:
/// "3232235777", "0xC0A80101", "0300.0250.0.1", "192.168.257", "192.0x00A80001".
enum IPv4Parser {
    /// The dotted-quad form of `host` and whether it was spelled unusually, or nil when the
    /// host is not an IPv4 address (its last label is not a number) or a part is out of range.
    ///
    /// Labels are what `split(separator: ".", omittingEmptySubsequences: false)` gives (a trailing
    /// empty one dropped), found one at a time; their values are held inline (no allocation).
    static func parse(_ host: Substring) -> (String, Bool)? {
        var rest = host.last == "." ? host.dropLast() : host
        var values = SIMD4<UInt64>()
        var count = 0
        var unusual = false
        while true {
            let dot = rest.firstIndex(of: ".")
            guard count < 4, let (value, radix) = number(rest[..<(dot ?? rest.endIndex)]) else { return nil }
            if radix != 10 { unusual = true }
            values[count] = value
            count += 1
            guard let dot else { break }
            rest = rest[rest.index(after: dot)...]
        }
        if count != 4 { unusual = true }
        for index in 0..<(count - 1) where values[index] > 255 { return nil }
        let limit = UInt64(1) << (8 * (5 - count))
        guard values[count - 1] < limit else { return nil }
        var address = values[count - 1]
        for index in 0..<(count - 1) { address += values[index] << (8 * (3 - index)) }
        let text = "\(address >> 24).\((address >> 16) & 255).\((address >> 8) & 255).\(address & 255)"
        return (text, unusual)
    }

    /// True when the last label (ignoring one trailing dot) is all decimal digits or a "0x" number.
    static func endsInNumber(_ host: Substring) -> Bool {
        var host = host
        return host.withUTF8 { endsInNumber(bytes: $0) }
    }

    static func endsInNumber(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = bytes.count
        if end > 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        var start = end
        while start > 0, bytes[start - 1] != UInt8(ascii: ".") { start -= 1 }
        guard end > start else { return false }
        let label = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if label.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return true }
        guard label.count >= 2, label[0] == UInt8(ascii: "0"), label[1] | 0x20 == UInt8(ascii: "x") else { return false }
        return label.dropFirst(2).allSatisfy { URLPercentEncoding.hexValue($0) != nil }
    }

    /// A part as a number: "0x"/"0X" hexadecimal, leading "0" octal, else decimal.
    static func number(_ part: Substring) -> (UInt64, Int)? {
        guard !part.isEmpty, part.utf8.count <= 32 else { return nil }
        var digits = part
        var radix = 10
        if digits.count >= 2, digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            digits = digits.dropFirst(2)
            radix = 16
            if digits.isEmpty { return (0, 16) }
        } else if digits.count >= 2, digits.hasPrefix("0") {
            digits = digits.dropFirst()
            radix = 8
        }
        guard let value = UInt64(digits, radix: radix), value <= UInt64(UInt32.max) * 256 else { return nil }
        return (value, radix)
    }
}
