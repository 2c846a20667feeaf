/// One `whitelist.cfg` rule, with where it was written (a decision names it).
public struct WhitelistRule: Sendable, CustomStringConvertible {
    /// An address pattern: `user@domain` exactly, `*@domain` (any user at exactly that
    /// domain) or `*.domain` (any address at a strict subdomain of it). Case-insensitive.
    public enum AddressPattern: Hashable, Sendable {
        case exact(String)
        case domain(String)
        case subdomains(String)

        init?(_ text: Substring) {
            let lowered = text.lowercased()
            if lowered.hasPrefix("*@") {
                let domain = String(lowered.dropFirst(2))
                guard Self.isDomain(domain) else { return nil }
                self = .domain(domain)
            } else if lowered.hasPrefix("*.") {
                let domain = String(lowered.dropFirst(2))
                guard Self.isDomain(domain) else { return nil }
                self = .subdomains(domain)
            } else {
                let parts = lowered.split(separator: "@", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, Self.isDomain(String(parts[1])) else { return nil }
                self = .exact(lowered)
            }
        }

        static func isDomain(_ text: String) -> Bool {
            !text.isEmpty && !text.contains("@") && !text.contains("*") && !text.hasPrefix(".") && !text.contains(where: \.isWhitespace)
        }

        /// Whether `address` (any case, with or without angle brackets) matches.
        public func matches(_ address: String) -> Bool {
            var lowered = address.lowercased()
            if lowered.hasPrefix("<") && lowered.hasSuffix(">") { lowered = String(lowered.dropFirst().dropLast()) }
            guard let at = lowered.lastIndex(of: "@") else { return false }
            let domain = lowered[lowered.index(after: at)...]
            switch self {
            case .exact(let wanted): return lowered == wanted
            case .domain(let wanted): return domain == wanted
            case .subdomains(let wanted): return domain.hasSuffix("." + wanted)
            }
        }
    }

    /// What the rule tests.
    public enum Test: Sendable {
        /// `from PATTERN`: any address of the `From:` header.
        case from(AddressPattern)
        /// `envelope-from PATTERN`: the SMTP `MAIL FROM` address.
        case envelopeFrom(AddressPattern)
        /// `ip CIDR`: the client IP.
        case ip(IPNetwork)
        /// `header NAME /REGEX/flags`: the value of any header named NAME (case-insensitive).
        case header(name: String, pattern: PCRE2Pattern)
        /// `body /REGEX/flags`: the decoded body text.
        case body(PCRE2Pattern)

        /// The part of a `WhitelistSubject` the test reads (envelope sender and client IP
        /// come with every subject).
        var subjectParts: WhitelistSubject.Parts {
            switch self {
            case .from: .from
            case .header: .headers
            case .body: .body
            case .envelopeFrom, .ip: []
            }
        }
    }

    public let test: Test
    /// The rule's text as written.
    public let text: String
    /// The file it came from.
    public let path: String
    /// Its 1-based line number.
    public let lineNumber: Int

    /// `path:line: text`.
    public var description: String { "\(path):\(lineNumber): \(text)" }
}
