import Foundation

/// A host in one canonical ASCII form, so that every spelling of the same host gives the same
/// fingerprint: lower case, no trailing dot, percent-encoding undone, IDN labels in punycode
/// (after UTS #46-style mapping: NFKC, lower case, ideographic full stops as dots), IPv4 in
/// dotted-quad decimal whatever form it came in, IPv6 in RFC 5952 form in brackets.
public struct NormalizedHost: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case domain, ipv4, ipv6
    }

    /// How the host was spelled, where that differs from the canonical form: these are
    /// evasion signals in their own right.
    public struct Spelling: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Percent-encoded bytes in the host ("%65vil.com").
        public static let percentEncoded = Spelling(rawValue: 1)
        /// Non-ASCII labels (converted to punycode) or "xn--" labels.
        public static let internationalized = Spelling(rawValue: 2)
        /// An IPv4 address written other than as four decimal parts: one integer ("3232235777"),
        /// hexadecimal ("0xC0A80101"), octal ("0300.0250.1.1") or fewer than four parts.
        public static let unusualIPv4 = Spelling(rawValue: 4)
        /// Upper-case letters or a trailing dot.
        public static let nonCanonicalCase = Spelling(rawValue: 8)
    }

    /// The canonical form.
    public var name: String
    public var kind: Kind
    public var spelling: Spelling

    public var description: String { name }

    /// Longest host accepted, in bytes of the canonical form (DNS: 253).
    public static let maximumLength = 253

    /// Normalizes a host as found in a URL's authority; nil when it cannot be a host.
    public init?(_ raw: Substring) {
        var spelling: Spelling = []
        var text = String(raw)
        if text.utf8.contains(UInt8(ascii: "%")) {
            guard let decoded = text.removingPercentEncoding else { return nil }
            text = decoded
            spelling.insert(.percentEncoded)
        }
        if text.hasPrefix("[") {
            guard text.hasSuffix("]"), let address = Self.ipv6(text.dropFirst().dropLast()) else { return nil }
            self.init(name: "[\(address)]", kind: .ipv6, spelling: spelling)
            return
        }
        if !text.utf8.allSatisfy({ $0 < 0x80 }) {
            spelling.insert(.internationalized)
            // (Each replacement makes a new String, even of nothing: only when one is there.)
            if text.unicodeScalars.contains(where: { $0 == "\u{3002}" || $0 == "\u{FF0E}" || $0 == "\u{FF61}" }) {
                text = text.replacingOccurrences(of: "\u{3002}", with: ".").replacingOccurrences(of: "\u{FF0E}", with: ".")
                    .replacingOccurrences(of: "\u{FF61}", with: ".")
            }
            text = text.precomposedStringWithCompatibilityMapping.lowercased()
        } else if text.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
            spelling.insert(.nonCanonicalCase)
            text = text.lowercased()
        }
        while text.hasSuffix(".") {
            text.removeLast()
            spelling.insert(.nonCanonicalCase)
        }
        guard !text.isEmpty else { return nil }
        if IPv4Parser.endsInNumber(text[...]) {
            // WHATWG: a host whose last label is a number is an IPv4 address or invalid.
            guard let (address, unusual) = IPv4Parser.parse(text[...]) else { return nil }
            if unusual { spelling.insert(.unusualIPv4) }
            self.init(name: address, kind: .ipv4, spelling: spelling)
            return
        }
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        guard let domain = isASCII ? Self.domain(ofASCII: text, spelling: spelling) : Self.domainOfLabels(text, spelling: spelling) else {
            return nil
        }
        self = domain
    }

    /// A lower-case ASCII domain name without a trailing dot, checked label by label: every
    /// label is kept as it is, so the name is the text (`domainOfLabels`, its twin, joins them).
    static func domain(ofASCII text: String, spelling: Spelling) -> NormalizedHost? {
        var text = text
        // nil when not a domain name, else whether a label is punycode.
        let punycode = text.withUTF8 { bytes -> Bool? in
            guard Self.hasValidLabels(bytes), bytes.count <= Self.maximumLength else { return nil }
            return Self.hasPunycodeLabel(bytes)
        }
        guard let punycode else { return nil }
        return NormalizedHost(name: text, kind: .domain, spelling: punycode ? spelling.union(.internationalized) : spelling)
    }

    /// A lower-case domain name without a trailing dot, label by label: ASCII labels as they
    /// are, others to punycode.
    static func domainOfLabels(_ text: String, spelling: Spelling) -> NormalizedHost? {
        var spelling = spelling
        var labels: [String] = []
        for label in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty else { return nil }
            if label.utf8.allSatisfy({ $0 < 0x80 }) {
                guard label.utf8.allSatisfy(Self.isHostByte), label.utf8.count <= 63 else { return nil }
                if label.hasPrefix("xn--") { spelling.insert(.internationalized) }
                labels.append(String(label))
            } else {
                guard label.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil
                        || $0 == "-" || $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .spacingMark }),
                      let encoded = Punycode.encode(label.unicodeScalars), encoded.utf8.count <= 59 else { return nil }
                labels.append("xn--" + encoded)
            }
        }
        let name = labels.joined(separator: ".")
        guard name.utf8.count <= Self.maximumLength else { return nil }
        return NormalizedHost(name: name, kind: .domain, spelling: spelling)
    }

    /// Normalizes a host from UTF-8 bytes: a byte-level fast path for plain ASCII names, the
    /// general path otherwise.
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty, bytes.count <= 1024 else { return nil }
        var plain = true
        var upper = false
        for byte in bytes {
            if byte >= 0x80 || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "[") { plain = false; break }
            if byte >= 0x41, byte <= 0x5A { upper = true }
        }
        guard plain, let last = bytes.last, last != UInt8(ascii: "."), !IPv4Parser.endsInNumber(bytes: bytes) else {
            self.init(Substring(String(decoding: bytes, as: UTF8.self)))
            return
        }
        guard Self.hasValidLabels(bytes), bytes.count <= Self.maximumLength else { return nil }
        // ASCII: lower-cased as `String.lowercased()` would, in one step.
        let name = upper ? ASCIIBytes.lowercasedString(bytes) : String(decoding: bytes, as: UTF8.self)
        self.init(name: name, kind: .domain, spelling: upper ? .nonCanonicalCase : [])
        if Self.hasPunycodeLabel(bytes) { spelling.insert(.internationalized) }
    }

    init(name: String, kind: Kind, spelling: Spelling) {
        self.name = name
        self.kind = kind
        self.spelling = spelling
    }

    /// The host with punycode labels decoded, for display and homoglyph checks.
    public var unicodeName: String {
        guard kind == .domain, name.contains("xn--") else { return name }
        return name.split(separator: ".").map { label in
            label.hasPrefix("xn--") ? (Punycode.decode(label.dropFirst(4)) ?? String(label)) : String(label)
        }.joined(separator: ".")
    }

    /// The host as a reader sees it, folded like text by `TextNormalizer` (NFKC, case and
    /// confusable folding; no masking), so that IDN look-alikes meet the name they imitate:
    /// "xn--pypal-4ve.com" (with a Cyrillic а) gives "paypal.com".
    public var skeleton: String {
        guard kind == .domain, spelling.contains(.internationalized) else { return name }
        var options = TextNormalizer.Options()
        options.maskNumbers = false
        options.maskTrackingTokens = false
        return TextNormalizer(options: options).normalize(unicodeName)
    }

    /// The registered domain (Public Suffix List, both sections); for IP addresses the address.
    public var registeredDomain: String? {
        kind == .domain ? PublicSuffixList.shared.registeredDomain(of: name) : name
    }

    /// Whether ASCII `bytes` are dot-separated labels of 1 to 63 host bytes (A-Z read as a-z).
    static func hasValidLabels(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var labelLength = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0 else { return false }
                labelLength = 0
            } else {
                guard Self.isHostByte(ASCIIBytes.lower(byte)), labelLength < 63 else { return false }
                labelLength += 1
            }
        }
        return labelLength > 0
    }

    /// True when a label starts with "xn--" (any case).
    static func hasPunycodeLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 4 <= bytes.count {
            if (index == 0 || bytes[index - 1] == UInt8(ascii: ".")), bytes[index] | 0x20 == UInt8(ascii: "x"),
               bytes[index + 1] | 0x20 == UInt8(ascii: "n"), bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                return true
            }
            index += 1
        }
        return false
    }

    static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// RFC 5952 text of an IPv6 address, via the C library's inet_pton/inet_ntop.
    static func ipv6(_ text: Substring) -> String? {
        var address = in6_addr()
        let zoneless = text.split(separator: "%").first.map(String.init) ?? ""
        guard inet_pton(AF_INET6, zoneless, &address) == 1 else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
