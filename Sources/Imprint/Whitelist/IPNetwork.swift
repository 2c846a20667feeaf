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
        var bits = prefixLength
        var index = 0
        while bits >= 8 {
            if candidate.byte(index) != address.byte(index) { return false }
            bits -= 8
            index += 1
        }
        guard bits > 0 else { return true }
        let mask = UInt8(0xFF) << (8 - bits)
        return candidate.byte(index) & mask == address.byte(index) & mask
    }

    public var description: String { "\(address)/\(prefixLength)" }
}
