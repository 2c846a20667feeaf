/// An IPv4 or IPv6 address, parsed from text (RFC 791 dotted quad; RFC 4291 §2.2 text forms,
/// `::` compression and an embedded IPv4 tail included).
///
/// The address is held inline (two words), so parsing one allocates nothing; `bytes` builds
/// the array form when asked.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// Bytes 0-7 and 8-15 in network order, big-endian (an IPv4 address in the top 4 bytes of `high`).
    private let high: UInt64, low: UInt64
    public let isIPv4: Bool

    /// 4 bytes for IPv4, 16 for IPv6, network order.
    public var bytes: [UInt8] { (0..<(isIPv4 ? 4 : 16)).map(byte) }

    /// Byte `index` of `bytes` (0..<4 for IPv4, 0..<16 for IPv6), without building the array.
    public func byte(_ index: Int) -> UInt8 {
        precondition(index >= 0 && index < (isIPv4 ? 4 : 16), "byte index out of range")
        return UInt8(truncatingIfNeeded: (index < 8 ? high : low) >> UInt64(56 - 8 * (index & 7)))
    }

    /// Parses `text`; accepts `IPv6:` prefixes (RFC 5321 address literals) and surrounding brackets.
    public init?(_ text: some StringProtocol) {
        if let v4 = Self.plainDottedQuad(text.utf8) {
            self.init(v4: v4)
            return
        }
        var body = Substring(text)
        if body.hasPrefix("["), body.hasSuffix("]") { body = body.dropFirst().dropLast() }
        if body.lowercased().hasPrefix("ipv6:") { body = body.dropFirst(5) }
        if let v4 = Self.parseIPv4(body) {
            self.init(v4: v4)
        } else if let v6 = Self.parseIPv6(body) {
            self.init(v6: v6)
        } else {
            return nil
        }
    }

    /// Parses text given as UTF-8 bytes: a plain dotted quad is read in place, anything else
    /// as `init(_:)` reads its String.
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>.SubSequence) {
        if let v4 = Self.plainDottedQuad(bytes) {
            self.init(v4: v4)
            return
        }
        self.init(String(decoding: bytes, as: UTF8.self))
    }

    private init(v4: UInt32) {
        high = UInt64(v4) << 32
        low = 0
        isIPv4 = true
    }

    /// From 16 bytes in network order.
    private init(v6 bytes: [UInt8]) {
        high = bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
        low = bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
        isIPv4 = false
    }

    /// Loopback, private (RFC 1918, RFC 4193), link-local, CGNAT (RFC 6598), unspecified or
    /// multicast addresses: not a public hop. IPv4-mapped IPv6 is judged as IPv4.
    public var isPrivateOrLocal: Bool {
        if isIPv4 {
            let (a, b) = (byte(0), byte(1))
            return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
                || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b)) || a >= 224
        }
        if high == 0, low >> 32 == 0xFFFF {
            return IPAddress(v4: UInt32(truncatingIfNeeded: low)).isPrivateOrLocal
        }
        if high == 0, low >> 8 == 0 { return true }  // :: and ::1
        return byte(0) & 0xFE == 0xFC || (byte(0) == 0xFE && byte(1) & 0xC0 == 0x80) || byte(0) == 0xFF
    }

    public var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }

    /// `parseIPv4` for the common text of ASCII digits and dots only (a `Received` hop's
    /// bracketed address), read as bytes; nil when the text is anything else, valid or not
    /// (`init` then takes the general path, which decides).
    static func plainDottedQuad(_ utf8: some Collection<UInt8>) -> UInt32? {
        var address: UInt32 = 0, piece: UInt32 = 0, digits = 0, pieces = 0
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, pieces < 3 else { return nil }
                address = address << 8 | piece
                pieces += 1
                piece = 0
                digits = 0
            } else {
                guard byte &- UInt8(ascii: "0") < 10, digits < 3 else { return nil }
                piece = piece * 10 + UInt32(byte &- UInt8(ascii: "0"))
                digits += 1
                guard piece <= 255 else { return nil }
            }
        }
        guard digits > 0, pieces == 3 else { return nil }
        return address << 8 | piece
    }

    /// A dotted quad as a 32-bit number (network order, the first byte on top): exactly four
    /// `.`-separated pieces (empty ones count, as `split(separator: ".", omittingEmptySubsequences: false)`
    /// gives them), each 1 to 3 ASCII characters that `UInt8` reads. Allocates nothing.
    static func parseIPv4(_ text: Substring) -> UInt32? {
        var address: UInt32 = 0, pieces = 0
        var rest = text
        while true {
            let dot = rest.firstIndex(of: ".")
            let piece = rest[..<(dot ?? rest.endIndex)]
            guard pieces < 4, (1...3).contains(piece.count), piece.allSatisfy(\.isASCII), let value = UInt8(piece) else { return nil }
            address = address << 8 | UInt32(value)
            pieces += 1
            guard let dot else { break }
            rest = rest[rest.index(after: dot)...]
        }
        guard pieces == 4 else { return nil }
        return address
    }

    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        guard text.count >= 2, text.count <= 45 else { return nil }
        var halves = [String(text)]
        if let gap = text.firstRange(of: "::") {
            let after = text[gap.upperBound...]
            guard after.firstRange(of: "::") == nil else { return nil }
            halves = [String(text[..<gap.lowerBound]), String(after)]
        }
        func groups(_ part: String, allowTail: Bool) -> [UInt8]? {
            if part.isEmpty { return [] }
            let fields = part.split(separator: ":", omittingEmptySubsequences: false)
            var out: [UInt8] = []
            for (position, field) in fields.enumerated() {
                if allowTail, position == fields.count - 1, field.contains(".") {
                    guard let v4 = parseIPv4(field) else { return nil }
                    out += (0..<4).map { UInt8(truncatingIfNeeded: v4 >> UInt32(24 - 8 * $0)) }
                    continue
                }
                guard (1...4).contains(field.count), field.allSatisfy(\.isHexDigit), let value = UInt16(field, radix: 16) else {
                    return nil
                }
                out += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
            return out
        }
        if halves.count == 1 {
            guard let all = groups(halves[0], allowTail: true), all.count == 16 else { return nil }
            return all
        }
        guard let head = groups(halves[0], allowTail: false), let tail = groups(halves[1], allowTail: true),
              head.count + tail.count <= 14 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
