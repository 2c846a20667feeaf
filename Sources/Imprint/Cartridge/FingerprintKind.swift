/// What a fingerprint is: the algorithm (and the part of the message) that produced its value.
///
/// An extensible code: the named kinds below are Imprint's own, and any other `UInt16` is a
/// valid kind that a newer cartridge may carry (an older engine stores and compares it
/// without knowing its name). Codes are part of the cartridge file format: never renumber.
public struct FingerprintKind: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// SHA-256 of the whole normalized body.
    public static let exactBodySHA256 = Self(rawValue: 1)
    /// SHA-256 of one decoded MIME part.
    public static let partSHA256 = Self(rawValue: 2)
    /// SHA-256 of one attachment's decoded bytes.
    public static let attachmentSHA256 = Self(rawValue: 3)
    /// Pyzor digest (SHA-1 of the normalized body, 20 bytes).
    public static let pyzor = Self(rawValue: 4)
    /// TLSH, 35 raw bytes: checksum, L, Q, 32 code bytes of the T1 form.
    public static let tlsh = Self(rawValue: 5)
    /// Context-triggered piecewise hash (ssdeep), its text form.
    public static let ctph = Self(rawValue: 6)
    /// Nilsimsa, 256 bits.
    public static let nilsimsa = Self(rawValue: 7)
    /// SimHash, 64 bits.
    public static let simhash = Self(rawValue: 8)
    /// A MinHash signature: rows of equal width (see `MinHashLSHIndex`).
    public static let minhash = Self(rawValue: 9)
    /// One band key of a MinHash signature (exact lookups).
    public static let minhashBandKey = Self(rawValue: 10)
    /// A normalized URL.
    public static let url = Self(rawValue: 11)
    /// A host name from a URL.
    public static let host = Self(rawValue: 12)
    /// A registered domain (public suffix plus one label).
    public static let registeredDomain = Self(rawValue: 13)
    /// The MIME structure of the message (content types and nesting).
    public static let mimeStructure = Self(rawValue: 14)
    /// The sender's domain.
    public static let senderDomain = Self(rawValue: 15)
    /// The client IP's /24 (IPv4, 3 bytes) or /48 (IPv6, 6 bytes).
    public static let clientIP24 = Self(rawValue: 16)
    /// PDQ image hash, 256 bits.
    public static let pdq = Self(rawValue: 17)
    /// Difference hash of an image, 64 bits.
    public static let dhash = Self(rawValue: 18)
    /// Perceptual (DCT) hash of an image, 64 bits.
    public static let phash = Self(rawValue: 19)
    /// Average hash of an image, 64 bits.
    public static let ahash = Self(rawValue: 20)
    /// A word or word pair of the normalized text, or a Subject word: XXH3-64, 8 bytes.
    public static let token = Self(rawValue: 21)

    /// The named kinds, in code order.
    public static let named: [FingerprintKind] = (1...21).map { FingerprintKind(rawValue: $0) }

    /// The kind's name as written in text formats and reports (`kind-<code>` when unnamed).
    public var name: String {
        switch rawValue {
        case 1: "body-sha256"
        case 2: "part-sha256"
        case 3: "attachment-sha256"
        case 4: "pyzor"
        case 5: "tlsh"
        case 6: "ctph"
        case 7: "nilsimsa"
        case 8: "simhash"
        case 9: "minhash"
        case 10: "minhash-band"
        case 11: "url"
        case 12: "host"
        case 13: "registered-domain"
        case 14: "mime-structure"
        case 15: "sender-domain"
        case 16: "client-ip24"
        case 17: "pdq"
        case 18: "dhash"
        case 19: "phash"
        case 20: "ahash"
        case 21: "token"
        default: "kind-\(rawValue)"
        }
    }

    /// The kind with this name, or a `kind-<code>` spelling.
    public init?(name: String) {
        if let found = Self.named.first(where: { $0.name == name }) {
            self = found
        } else if name.hasPrefix("kind-"), let code = UInt16(name.dropFirst(5)) {
            self.init(rawValue: code)
        } else {
            return nil
        }
    }

    /// The value length every fingerprint of this kind has, when it is fixed; the readers
    /// reject a value of another length.
    public var fixedWidth: Int? {
        switch rawValue {
        case 1, 2, 3: 32
        case 4: 20
        case 5: 35
        case 7, 17: 32
        case 8, 10, 18, 19, 20, 21: 8
        default: nil
        }
    }

    public var description: String { name }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
