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
    /// Longest URL accepted, in bytes (default 8,192): longer input is not a URL.
    public static let maximumLength = 8_192

    /// Parses and normalizes an absolute URL with a recognized scheme; nil otherwise.
    public init?(_ raw: some StringProtocol) {
        guard raw.utf8.count <= Self.maximumLength, let colon = raw.firstIndex(of: ":") else { return nil }
        let scheme = raw[..<colon].lowercased()
        var rest = Substring(raw[raw.index(after: colon)...])
        if scheme == "mailto" {
            guard let parsed = Self.mailto(rest) else { return nil }
            self = parsed
            return
        }
        guard Self.defaultPorts[scheme] != nil else { return nil }
        while let first = rest.first, first == "/" || first == "\\" { rest.removeFirst() }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "\\" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var userinfo: String?
        if let at = authority.lastIndex(of: "@") {
            userinfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        }
        var port: Int?
        if let portColon = authority.lastIndex(of: ":"), !authority[portColon...].contains("]") {
            let digits = authority[authority.index(after: portColon)...]
            if !digits.isEmpty {
                guard digits.allSatisfy(\.isASCIIDigit), let number = Int(digits.prefix(6)), number <= 65535 else { return nil }
                port = number
            }
            authority = authority[..<portColon]
        }
        guard !authority.isEmpty, let host = NormalizedHost(authority) else { return nil }
        if port == Self.defaultPorts[scheme] { port = nil }
        var remainder = rest[authorityEnd...]
        if let hash = remainder.firstIndex(of: "#") { remainder = remainder[..<hash] }
        var query: String?
        if let question = remainder.firstIndex(of: "?") {
            query = URLPercentEncoding.normalize(remainder[remainder.index(after: question)...], isPath: false)
            remainder = remainder[..<question]
        }
        let path = URLPath.removingDotSegments(URLPercentEncoding.normalize(remainder, isPath: true))
        self.init(scheme: scheme, userinfo: userinfo, host: host, port: port, path: path, query: query)
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
