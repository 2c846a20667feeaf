import ImprintHashing

/// One fingerprint of a message: its kind and its value bytes, compared byte for byte.
///
/// The cartridge is generic over fingerprints: it never interprets `value` except in the
/// similarity indexes, which read the fixed-width kinds (PDQ, SimHash, Nilsimsa, TLSH, MinHash).
///
/// Values of at most 8 bytes (word tokens, structure hashes, SimHash, client /24s: most of a
/// message's thousands of fingerprints) are held inline in one word instead of an array, so
/// computing and comparing them allocates nothing; `value` builds the array when asked.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public var kind: FingerprintKind
    @usableFromInline var storage: Storage

    /// The value's bytes: inline (little-endian in `bits`, the unused high bytes zero) when
    /// there are at most 8, else an array. Canonical: a value has one storage, so the
    /// synthesized equality and hashing compare bytes.
    @usableFromInline
    enum Storage: Hashable, Sendable {
        case inline(bits: UInt64, count: UInt8)
        case array([UInt8])
    }

    public init(kind: FingerprintKind, value: [UInt8]) {
        self.kind = kind
        self.storage = Self.storage(of: value)
    }

    /// A fingerprint whose value is the 8 little-endian bytes of `word` (no allocation).
    @inlinable
    public init(kind: FingerprintKind, word: UInt64) {
        self.kind = kind
        self.storage = .inline(bits: word, count: 8)
    }

    public var value: [UInt8] {
        get {
            switch storage {
            case .array(let bytes): bytes
            case .inline: withUnsafeBytes { Array($0) }
            }
        }
        set { storage = Self.storage(of: newValue) }
    }

    /// Calls `body` with the value's bytes.
    @inlinable
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        switch storage {
        case .array(let bytes):
            return try bytes.withUnsafeBytes(body)
        case .inline(let bits, let count):
            return try Swift.withUnsafeBytes(of: bits.littleEndian) { try body(UnsafeRawBufferPointer(rebasing: $0[..<Int(count)])) }
        }
    }

    /// The number of value bytes.
    public var count: Int {
        switch storage {
        case .array(let bytes): bytes.count
        case .inline(_, let count): Int(count)
        }
    }

    private static func storage(of value: [UInt8]) -> Storage {
        guard value.count <= 8 else { return .array(value) }
        return .inline(bits: packed(value), count: UInt8(value.count))
    }

    /// At most 8 bytes, little-endian in one word: the inline storage's layout.
    static func packed(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var bits: UInt64 = 0
        for (index, byte) in bytes.enumerated() { bits |= UInt64(byte) << (8 * UInt64(index)) }
        return bits
    }

    /// The key the exact index hashes: XXH3-64 of the value, seeded with the kind.
    public var key: UInt64 { withUnsafeBytes { Self.key(kind: kind, value: $0) } }

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
