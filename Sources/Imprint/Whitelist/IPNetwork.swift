import Glibc

/// An IPv4 or IPv6 address, as 16 bytes (IPv4 as its IPv4-mapped IPv6 form `::ffff:a.b.c.d`,
/// so a v4 rule never matches a v6 client by accident and vice versa).
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]
    public let isIPv4: Bool

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text (`inet_pton`).
    public init?(_ text: some StringProtocol) {
        let string = String(text)
        var v4 = in_addr()
        if inet_pton(AF_INET, string, &v4) == 1 {
            let raw = withUnsafeBytes(of: v4) { Array($0) }
            bytes = [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF] + raw
            isIPv4 = true
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, string, &v6) == 1 else { return nil }
        bytes = withUnsafeBytes(of: v6) { Array($0) }
        isIPv4 = false
    }

    public var description: String {
        if isIPv4 { return bytes[12...].map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }
}

/// A CIDR block (`192.0.2.0/24`, `2001:db8::/32`); a bare address is a /32 or /128.
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    public let address: IPAddress
    /// The prefix length in the address's own family (0...32 or 0...128).
    public let prefixLength: Int

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(parts[0]) else { return nil }
        let maximum = address.isIPv4 ? 32 : 128
        if parts.count == 2 {
            guard parts[1].allSatisfy(\.isASCII), let length = Int(parts[1]), (0...maximum).contains(length) else { return nil }
            prefixLength = length
        } else {
            prefixLength = maximum
        }
        self.address = address
    }

    /// Whether `candidate` lies in this block (same family only).
    public func contains(_ candidate: IPAddress) -> Bool {
        guard candidate.isIPv4 == address.isIPv4 else { return false }
        var bits = prefixLength + (address.isIPv4 ? 96 : 0)
        var index = 0
        while bits >= 8 {
            if candidate.bytes[index] != address.bytes[index] { return false }
            bits -= 8
            index += 1
        }
        guard bits > 0 else { return true }
        let mask = UInt8(0xFF) << (8 - bits)
        return candidate.bytes[index] & mask == address.bytes[index] & mask
    }

    public var description: String { "\(address)/\(prefixLength)" }
}
