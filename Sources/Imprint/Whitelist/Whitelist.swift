/// `whitelist.cfg`: one rule a line, tested in file order; the first rule that matches
/// whitelists the message and the decision names it (file and line).
///
/// ```
/// from ADDRESS | *@DOMAIN | *.DOMAIN
/// envelope-from ADDRESS | *@DOMAIN | *.DOMAIN
/// ip CIDR                      (IPv4 or IPv6; a bare address is a /32 or /128)
/// header NAME /PCRE2/flags     (flags: i m s x u)
/// body /PCRE2/flags
/// ```
/// Regexes are JIT-compiled by `PCRE2Pattern` and run under `Limits.pattern` (match,
/// depth and heap limits). A match that hits a limit counts as no match (the message is not
/// whitelisted by that rule) and is recorded in `WhitelistDecision.limitHits`: a
/// catastrophic pattern such as `(a+)+$` on thirty `a`s and a `b` stops at the match limit
/// in well under a millisecond with the JIT and is reported, never hangs.
public struct Whitelist: Sendable {
    /// Bounds on whitelist evaluation.
    public struct Limits: Hashable, Sendable {
        /// PCRE2 limits for every regex (defaults: `PCRE2Pattern.Limits.default`).
        public var pattern: PCRE2Pattern.Limits
        /// Most bytes of body a `body` rule scans (default 1 MiB); the rest is not tested.
        public var maxBodyBytes: Int
        /// Most rules in one file (default 100,000).
        public var maxRules: Int

        public init(pattern: PCRE2Pattern.Limits = .default, maxBodyBytes: Int = 1 << 20, maxRules: Int = 100_000) {
            self.pattern = pattern
            self.maxBodyBytes = maxBodyBytes
            self.maxRules = maxRules
        }

        public static let `default` = Limits()
    }

    public let rules: [WhitelistRule]
    public let limits: Limits
    /// What of a message the rules read: a caller builds only these parts of the subject.
    public let subjectParts: WhitelistSubject.Parts

    /// An empty whitelist.
    public init(limits: Limits = .default) {
        rules = []
        self.limits = limits
        subjectParts = []
    }

    /// Parses `text`, the contents of `path`.
    /// - Throws: `ConfigurationError` naming the file and line of the first bad rule.
    public init(parsing text: String, path: String, limits: Limits = .default) throws(ConfigurationError) {
        var rules: [WhitelistRule] = []
        for (number, line) in try TextLines.split(text, path: path) {
            guard rules.count < limits.maxRules else {
                throw .make(.tooLarge, "more than \(limits.maxRules) rules", path: path, line: number)
            }
            rules.append(try Self.parseRule(line, path: path, number: number, limits: limits))
        }
        self.rules = rules
        self.limits = limits
        subjectParts = rules.reduce(into: []) { $0.formUnion($1.test.subjectParts) }
    }

    static func parseRule(_ line: Substring, path: String, number: Int, limits: Limits) throws(ConfigurationError) -> WhitelistRule {
        let keyword = line.prefix { !$0.isWhitespace }
        let rest = line.dropFirst(keyword.count).trimmingWhitespace()
        func rule(_ test: WhitelistRule.Test) -> WhitelistRule {
            WhitelistRule(test: test, text: String(line), path: path, lineNumber: number)
        }
        func address() throws(ConfigurationError) -> WhitelistRule.AddressPattern {
            guard let pattern = WhitelistRule.AddressPattern(rest) else {
                throw .make(.badValue, "'\(rest)' is not ADDRESS, *@DOMAIN or *.DOMAIN", path: path, line: number, key: String(keyword))
            }
            return pattern
        }
        switch keyword.lowercased() {
        case "from":
            return rule(.from(try address()))
        case "envelope-from":
            return rule(.envelopeFrom(try address()))
        case "ip":
            guard let network = IPNetwork(rest) else {
                throw .make(.badValue, "'\(rest)' is not an IPv4 or IPv6 CIDR block", path: path, line: number, key: "ip")
            }
            return rule(.ip(network))
        case "header":
            let name = rest.prefix { !$0.isWhitespace }
            guard !name.isEmpty, !name.hasPrefix("/"), !name.contains(":") else {
                throw .make(.syntax, "expected 'header NAME /REGEX/flags'", path: path, line: number, key: "header")
            }
            let pattern = try regex(rest.dropFirst(name.count).trimmingWhitespace(), path: path, number: number, key: "header", limits: limits)
            return rule(.header(name: name.lowercased(), pattern: pattern))
        case "body":
            return rule(.body(try regex(rest, path: path, number: number, key: "body", limits: limits)))
        default:
            throw .make(.unknownKey, "unknown rule '\(keyword)' (known: from, envelope-from, ip, header, body)", path: path, line: number, key: String(keyword))
        }
    }

    /// Compiles `/pattern/flags`.
    static func regex(_ text: Substring, path: String, number: Int, key: String, limits: Limits) throws(ConfigurationError) -> PCRE2Pattern {
        guard text.hasPrefix("/"), let close = text.lastIndex(of: "/"), close > text.startIndex else {
            throw .make(.syntax, "expected /REGEX/flags", path: path, line: number, key: key)
        }
        let body = text[text.index(after: text.startIndex)..<close]
        var options: PCRE2Pattern.Options = []
        for flag in text[text.index(after: close)...] {
            switch flag {
            case "i": options.insert(.caseInsensitive)
            case "m": options.insert(.multiline)
            case "s": options.insert(.dotAll)
            case "x": options.insert(.extended)
            case "u": options.insert(.utf)
            default: throw .make(.badValue, "unknown regex flag '\(flag)' (known: i m s x u)", path: path, line: number, key: key)
            }
        }
        do {
            return try PCRE2Pattern(String(body), options: options, limits: limits.pattern)
        } catch {
            throw .make(.badPattern, error.reason, path: path, line: number, key: key)
        }
    }
}
