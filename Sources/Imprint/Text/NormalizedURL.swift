/// A URL in one canonical form (RFC 3986 section 6 normalization plus the WHATWG URL
/// Standard's tolerance), and the reduced forms fingerprints use.
///
/// Normalization: scheme and host lower-cased (host via `NormalizedHost`: IDN to punycode, IP
/// literals to dotted quads, trailing dot dropped), default port removed, userinfo removed
/// (and remembered: `http://bank.com@evil.com` goes to evil.com), backslashes read as slashes,
/// dot segments removed (RFC 3986 5.2.4, `%2e` counted as a dot), percent-encoding of
/// unreserved characters decoded and hex digits upper-cased, fragment dropped, empty path "/".
public struct NormalizedURL: Sendable, Hashable, CustomStringConvertible {
    /// "http", "https", "ftp" or "mailto".
    public var scheme: String
    /// The userinfo the URL carried before `@`, if any (a classic deception: the reader sees it
    /// as the host).
    public var userinfo: String?
    public var host: NormalizedHost
    /// The port when it is not the scheme's default.
    public var port: Int?
    /// The normalized path, starting with "/" (for mailto: the local part of the address).
    public var path: String
    /// The query without "?", or nil.
    public var query: String?

    /// Schemes recognized, with their default ports.
    public static let defaultPorts = ["http": 80, "https": 443, "ftp": 21]
    /// `defaultPorts[scheme]`, without hashing the scheme.
    static func defaultPort(_ scheme: String) -> Int? {
        switch scheme {
        case "http": 80
        case "https": 443
        case "ftp": 21
        default: nil
        }
    }

    /// Longest URL accepted, in bytes (default 8,192): longer input is not a URL.
    public static let maximumLength = 8_192

    /// Parses and normalizes an absolute URL with a recognized scheme; nil otherwise.
    /// - Complexity: O(n) in the URL's length, over its UTF-8 bytes.
    public init?(_ raw: some StringProtocol) {
        var text = String(raw)
        guard text.utf8.count <= Self.maximumLength, let parsed = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    /// Parses and normalizes valid UTF-8 bytes as `init?(_:)` their text.
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= Self.maximumLength, let parsed = Self.parse(bytes) else { return nil }
        self = parsed
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> NormalizedURL? {
        let count = bytes.count
        var colon = 0
        while colon < count, colon <= 6, bytes[colon] != UInt8(ascii: ":") {
            guard HTMLEntities.isAlphanumeric(bytes[colon]) else { return nil }
            colon += 1
        }
        guard colon < count, bytes[colon] == UInt8(ascii: ":") else { return nil }
        let scheme = ASCIIBytes.lowercased(UnsafeBufferPointer(rebasing: bytes[..<colon]))
        func text(_ range: Range<Int>) -> Substring {
            Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        }
        if scheme == "mailto" {
            let rest = UnsafeBufferPointer(rebasing: bytes[(colon + 1)...])
            return isPlainMailto(rest) ? mailto(plain: rest) : mailto(text((colon + 1)..<count))
        }
        guard let defaultPort = defaultPort(scheme) else { return nil }
        var start = colon + 1
        while start < count, bytes[start] == UInt8(ascii: "/") || bytes[start] == UInt8(ascii: "\\") { start += 1 }
        var authorityEnd = start
        while authorityEnd < count {
            let byte = bytes[authorityEnd]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            authorityEnd += 1
        }
        var hostStart = start
        var userinfo: String?
        if let at = bytes[start..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) {
            userinfo = String(text(start..<at))
            hostStart = at + 1
        }
        var hostEnd = authorityEnd
        var port: Int?
        if let portColon = bytes[hostStart..<authorityEnd].lastIndex(of: UInt8(ascii: ":")),
           !bytes[portColon..<authorityEnd].contains(UInt8(ascii: "]")) {
            if portColon + 1 < authorityEnd {
                var number = 0
                for byte in bytes[(portColon + 1)..<authorityEnd] {
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), number <= 65535 else { return nil }
                    number = number * 10 + Int(byte - UInt8(ascii: "0"))
                }
                guard number <= 65535 else { return nil }
                port = number
            }
            hostEnd = portColon
        }
        guard hostEnd > hostStart, let host = NormalizedHost(bytes: UnsafeBufferPointer(rebasing: bytes[hostStart..<hostEnd])) else { return nil }
        if port == defaultPort { port = nil }
        var end = bytes[authorityEnd...].firstIndex(of: UInt8(ascii: "#")) ?? count
        var query: String?
        if let question = bytes[authorityEnd..<end].firstIndex(of: UInt8(ascii: "?")) {
            query = URLPercentEncoding.normalize(UnsafeBufferPointer(rebasing: bytes[(question + 1)..<end]), isPath: false)
            end = question
        }
        let path = URLPath.removingDotSegments(URLPercentEncoding.normalize(UnsafeBufferPointer(rebasing: bytes[authorityEnd..<end]), isPath: true))
        return NormalizedURL(scheme: scheme, userinfo: userinfo, host: host, port: port, path: path, query: query)
    }

    public init(scheme: String, userinfo: String?, host: NormalizedHost, port: Int?, path: String, query: String?) {
        self.scheme = scheme
        self.userinfo = userinfo
        self.host = host
        self.port = port
        self.path = path
        self.query = query
    }

    static func mailto(_ rest: Substring) -> NormalizedURL? {
        var address = rest
        var query: String?
        if let question = address.firstIndex(of: "?") {
            query = String(address[address.index(after: question)...])
            address = address[..<question]
        }
        let decoded = address.removingPercentEncodingLossy()
        guard let at = decoded.lastIndex(of: "@"), at > decoded.startIndex,
              let host = NormalizedHost(decoded[decoded.index(after: at)...]) else { return nil }
        return NormalizedURL(scheme: "mailto", userinfo: nil, host: host, port: nil,
                             path: decoded[..<at].lowercased(), query: query)
    }

    /// Whether `mailto(plain:)` reads the rest of a mailto URL as `mailto(_:)` would: ASCII
    /// without percent-encoding or "+" (nothing to decode), of at most 1,024 bytes
    /// (`NormalizedHost(bytes:)`'s bound).
    static func isPlainMailto(_ rest: UnsafeBufferPointer<UInt8>) -> Bool {
        rest.count <= 1_024 && rest.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "%") && $0 != UInt8(ascii: "+") }
    }

    /// `mailto(_:)` of the rest of a URL that `isPlainMailto`, read in place.
    static func mailto(plain rest: UnsafeBufferPointer<UInt8>) -> NormalizedURL? {
        var address = rest
        var query: String?
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            query = String(decoding: UnsafeBufferPointer(rebasing: rest[(question + 1)...]), as: UTF8.self)
            address = UnsafeBufferPointer(rebasing: rest[..<question])
        }
        guard let at = address.lastIndex(of: UInt8(ascii: "@")), at > 0,
              let host = NormalizedHost(bytes: UnsafeBufferPointer(rebasing: address[(at + 1)...])) else { return nil }
        return NormalizedURL(scheme: "mailto", userinfo: nil, host: host, port: nil,
                             path: ASCIIBytes.lowercasedString(UnsafeBufferPointer(rebasing: address[..<at])), query: query)
    }

    /// The canonical text: `scheme://host[:port]path[?query]` (`mailto:local@host`).
    public var description: String {
        if scheme == "mailto" { return "mailto:\(path)@\(host.name)" }
        return "\(origin)\(path)" + (query.map { "?\($0)" } ?? "")
    }

    /// `scheme://host[:port]`.
    public var origin: String {
        "\(scheme)://\(host.name)" + (port.map { ":\($0)" } ?? "")
    }

    /// The canonical text with tracking parameters (`URLTracking`) removed from the query.
    public var withoutTracking: String {
        if scheme == "mailto" { return description }
        let kept = query.map(URLTracking.strip) ?? nil
        return "\(origin)\(path)" + (kept.map { "?\($0)" } ?? "")
    }

    /// The path-stripped form fingerprints use for "same site": `scheme://host[:port]/`.
    public var pathStripped: String {
        scheme == "mailto" ? "mailto:\(host.name)" : "\(origin)/"
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
