import ImprintHashing

/// One fingerprint of a message: its kind and its value bytes, compared byte for byte.
///
/// The cartridge is generic over fingerprints: it never interprets `value` except in the
/// similarity indexes, which read the fixed-width kinds (PDQ, SimHash, Nilsimsa, TLSH, MinHash).
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public var kind: FingerprintKind
    public var value: [UInt8]

    public init(kind: FingerprintKind, value: [UInt8]) {
        self.kind = kind
        self.value = value
    }

    /// The key the exact index hashes: XXH3-64 of the value, seeded with the kind.
    public var key: UInt64 { value.withUnsafeBytes { Self.key(kind: kind, value: $0) } }

    /// XXH3-64 of `value` seeded with the kind code (so that equal values of two kinds differ).
    @inlinable
    public static func key(kind: FingerprintKind, value: UnsafeRawBufferPointer) -> UInt64 {
        XXH3.hash64(value, seed: 0x9E37_79B9_0000_0000 | UInt64(kind.rawValue))
    }

    /// `kind:hex`.
    public var description: String {
        "\(kind.name):" + value.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
