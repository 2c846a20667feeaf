/// An IPv4 or IPv6 address, parsed from text (RFC 791 dotted quad; RFC 4291 §2.2 text forms,
/// `::` compression and an embedded IPv4 tail included).
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6, network order.
    public let bytes: [UInt8]

    public var isIPv4: Bool { bytes.count == 4 }

    /// Parses `text`; accepts `IPv6:` prefixes (RFC 5321 address literals) and surrounding brackets.
    public init?(_ text: some StringProtocol) {
        var body = Substring(text)
        if body.hasPrefix("["), body.hasSuffix("]") { body = body.dropFirst().dropLast() }
        if body.lowercased().hasPrefix("ipv6:") { body = body.dropFirst(5) }
        if let v4 = Self.parseIPv4(body) {
            bytes = v4
        } else if let v6 = Self.parseIPv6(body) {
            bytes = v6
        } else {
            return nil
        }
    }

    /// Loopback, private (RFC 1918, RFC 4193), link-local, CGNAT (RFC 6598), unspecified or
    /// multicast addresses: not a public hop. IPv4-mapped IPv6 is judged as IPv4.
    public var isPrivateOrLocal: Bool {
        if isIPv4 {
            let (a, b) = (bytes[0], bytes[1])
            return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
                || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b)) || a >= 224
        }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return IPAddress(v4: Array(bytes[12..<16])).isPrivateOrLocal
        }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) { return true }  // :: and ::1
        return bytes[0] & 0xFE == 0xFC || (bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80) || bytes[0] == 0xFF
    }

    private init(v4: [UInt8]) { bytes = v4 }

    public var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }

    /// The four bytes of a dotted quad: exactly four `.`-separated pieces (empty ones count,
    /// as `split(separator: ".", omittingEmptySubsequences: false)` gives them), each 1 to 3
    /// ASCII characters that `UInt8` reads. Allocates only the result: candidates that are not
    /// addresses (most of what `ReceivedHop` tries) cost nothing.
    static func parseIPv4(_ text: Substring) -> [UInt8]? {
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
        return withUnsafeBytes(of: address.bigEndian) { Array($0) }
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
                    out += v4
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
