/// A parsed `Content-Type` (RFC 2045 §5): media type, subtype and parameters.
///
/// An absent or invalid value (no single `/`) means `text/plain; charset=us-ascii` (RFC 2045
/// §5.2), or `message/rfc822` inside `multipart/digest` (RFC 2046 §5.1.5).
public struct ContentType: Hashable, Sendable {
    /// Lower-cased type, e.g. `text`.
    public let type: String
    /// Lower-cased subtype, e.g. `plain`.
    public let subtype: String
    /// The parameters in order (names lower-cased, RFC 2231 joined).
    public let parameters: [MIMEParameter]
    /// Whether the header was absent or invalid and the default was used.
    public let isDefault: Bool

    public init(type: String, subtype: String, parameters: [MIMEParameter] = [], isDefault: Bool = false) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
        self.isDefault = isDefault
    }

    /// `type/subtype`.
    public var mediaType: String { type + "/" + subtype }

    /// The value of parameter `name` (lower-case).
    public func parameter(_ name: String) -> String? { parameters.first { $0.name == name }?.value }

    /// The declared charset, normalized (lower-cased, unquoted).
    public var charset: String? { parameter("charset").map(CharsetDecoder.normalizedName).flatMap { $0.isEmpty ? nil : $0 } }

    /// The boundary bytes exactly as declared (multipart only).
    public var boundary: [UInt8]? { parameters.first { $0.name == "boundary" }?.rawValue }

    public var isMultipart: Bool { type == "multipart" }

    static let textPlain = ContentType(type: "text", subtype: "plain", isDefault: true)
    static let messageRFC822 = ContentType(type: "message", subtype: "rfc822", isDefault: true)

    /// Parses an unfolded header value read in place; `fallback` when it is not `type/subtype`.
    ///
    /// - Parameter pieces: `MIMEParameterParser`'s working buffer.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, fallback: ContentType,
                      pieces: inout [MIMEParameterParser.Piece]) -> ContentType {
        let (main, parameters) = MIMEParameterParser.parse(bytes, pieces: &pieces)
        let mainBytes = UnsafeBufferPointer(rebasing: bytes[main])
        let halves = CharsetDecoder.isASCII(mainBytes) ? Self.halves(ascii: mainBytes) : Self.halves(ASCIIBytes.lowercased(mainBytes))
        guard let (type, subtype) = halves else {
            return ContentType(type: fallback.type, subtype: fallback.subtype, parameters: parameters, isDefault: true)
        }
        return ContentType(type: type, subtype: subtype, parameters: parameters)
    }

    /// The lower-cased type and subtype of a main value: exactly one `/` (the two halves `split`
    /// would give), spaces and tabs trimmed from each, neither empty; nil otherwise.
    static func halves(_ main: String) -> (type: String, subtype: String)? {
        guard let slash = main.firstIndex(of: "/"), main[main.index(after: slash)...].firstIndex(of: "/") == nil else { return nil }
        let type = main[..<slash].trimmingSpaces, subtype = main[main.index(after: slash)...].trimmingSpaces
        guard !type.isEmpty, !subtype.isEmpty else { return nil }
        return (type, subtype)
    }

    /// `halves(_:)` of an ASCII main value read as bytes (a Character is then a byte): only the
    /// two halves kept become strings (small ones: no allocation).
    private static func halves(ascii main: UnsafeBufferPointer<UInt8>) -> (type: String, subtype: String)? {
        guard let slash = main.firstIndex(of: UInt8(ascii: "/")),
              !main[(slash + 1)...].contains(UInt8(ascii: "/")) else { return nil }
        let type = MIMEParameterParser.trim(0..<slash, in: main), subtype = MIMEParameterParser.trim((slash + 1)..<main.count, in: main)
        guard !type.isEmpty, !subtype.isEmpty else { return nil }
        return (ASCIIBytes.lowercasedString(UnsafeBufferPointer(rebasing: main[type])),
                ASCIIBytes.lowercasedString(UnsafeBufferPointer(rebasing: main[subtype])))
    }
}

/// A parsed `Content-Disposition` (RFC 2183): `inline` or `attachment`, with parameters.
public struct ContentDisposition: Hashable, Sendable {
    /// Lower-cased disposition type (`inline`, `attachment`, or what the sender wrote).
    public let kind: String
    public let parameters: [MIMEParameter]

    public var isAttachment: Bool { kind == "attachment" }
    public var filename: String? { parameters.first { $0.name == "filename" }?.value }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, pieces: inout [MIMEParameterParser.Piece]) -> ContentDisposition {
        let (main, parameters) = MIMEParameterParser.parse(bytes, pieces: &pieces)
        return ContentDisposition(kind: ASCIIBytes.lowercased(UnsafeBufferPointer(rebasing: bytes[main])), parameters: parameters)
    }
}

/// `Content-Transfer-Encoding` (RFC 2045 §6). Unknown values decode as identity.
public enum TransferEncoding: Hashable, Sendable {
    case sevenBit, eightBit, binary, base64, quotedPrintable
    case other(String)

    /// Whether the body bytes are the content itself (no decoding).
    public var isIdentity: Bool {
        switch self {
        case .base64, .quotedPrintable: return false
        default: return true
        }
    }

    /// Parses an unfolded header value read in place (no header at all means `.sevenBit`).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, pieces: inout [MIMEParameterParser.Piece]) -> TransferEncoding {
        let main = UnsafeBufferPointer(rebasing: bytes[MIMEParameterParser.parse(bytes, pieces: &pieces).main])
        guard CharsetDecoder.isASCII(main) else { return parse(lowercased: ASCIIBytes.lowercased(main)) }
        // ASCII: compared as bytes, a string made only for an unknown value.
        if main.isEmpty || ASCIIBytes.equalsLowercased(main, "7bit") { return .sevenBit }
        if ASCIIBytes.equalsLowercased(main, "8bit") { return .eightBit }
        if ASCIIBytes.equalsLowercased(main, "binary") { return .binary }
        if ASCIIBytes.equalsLowercased(main, "base64") { return .base64 }
        if ASCIIBytes.equalsLowercased(main, "quoted-printable") { return .quotedPrintable }
        return .other(ASCIIBytes.lowercasedString(main))
    }

    /// The encoding a lower-cased main value names (the general path, and the twin of the bytes one).
    static func parse(lowercased main: String) -> TransferEncoding {
        switch main {
        case "", "7bit": return .sevenBit
        case "8bit": return .eightBit
        case "binary": return .binary
        case "base64": return .base64
        case "quoted-printable": return .quotedPrintable
        default: return .other(main)
        }
    }
}

extension Substring {
    var trimmingSpaces: String {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
