/// What the whitelist sees of a message (the engine fills it from the parsed message).
public struct WhitelistSubject: Sendable {
    /// The addresses of the `From:` header.
    public var fromAddresses: [String]
    /// The SMTP `MAIL FROM` address, when known.
    public var envelopeFrom: String?
    /// The client IP, when known.
    public var clientIP: IPAddress?
    /// Every header, name and unfolded value, in message order.
    public var headers: [(name: String, value: String)]
    /// The decoded body text.
    public var body: [UInt8]

    /// The parts of a subject, for building only those a whitelist's rules read.
    public struct Parts: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// `fromAddresses`.
        public static let from = Parts(rawValue: 1)
        /// `headers`.
        public static let headers = Parts(rawValue: 2)
        /// `body`.
        public static let body = Parts(rawValue: 4)
        public static let all: Parts = [.from, .headers, .body]
    }

    public init(fromAddresses: [String] = [], envelopeFrom: String? = nil, clientIP: IPAddress? = nil,
                headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.fromAddresses = fromAddresses
        self.envelopeFrom = envelopeFrom
        self.clientIP = clientIP
        self.headers = headers
        self.body = body
    }
}

/// A whitelist decision: the rule that matched (with its file and line), if any, and the
/// regex rules that stopped at a PCRE2 limit (counted as no match).
public struct WhitelistDecision: Sendable {
    /// A regex rule whose match hit a limit, and which limit.
    public struct LimitHit: Sendable {
        public let rule: WhitelistRule
        public let error: PatternError
    }

    /// The first rule that matched.
    public let rule: WhitelistRule?
    public let limitHits: [LimitHit]

    /// Whether the message is whitelisted.
    public var isWhitelisted: Bool { rule != nil }
}

extension Whitelist {
    /// Tests the rules in file order and stops at the first match.
    /// - Complexity: O(rules) address and IP tests; each regex is bounded by `limits.pattern`.
    public func evaluate(_ subject: WhitelistSubject) -> WhitelistDecision {
        var hits: [WhitelistDecision.LimitHit] = []
        for rule in rules {
            let matched: Bool
            switch rule.test {
            case .from(let pattern):
                matched = subject.fromAddresses.contains(where: pattern.matches)
            case .envelopeFrom(let pattern):
                matched = subject.envelopeFrom.map(pattern.matches) ?? false
            case .ip(let network):
                matched = subject.clientIP.map(network.contains) ?? false
            case .header(let name, let pattern):
                matched = subject.headers.contains { header in
                    guard Self.isName(header.name, lowercased: name) else { return false }
                    var value = header.value
                    return value.withUTF8 { run(pattern, on: UnsafeRawBufferPointer($0), rule: rule, hits: &hits) }
                }
            case .body(let pattern):
                matched = subject.body.withUnsafeBytes { body in
                    run(pattern, on: UnsafeRawBufferPointer(rebasing: body.prefix(limits.maxBodyBytes)), rule: rule, hits: &hits)
                }
            }
            if matched { return WhitelistDecision(rule: rule, limitHits: hits) }
        }
        return WhitelistDecision(rule: nil, limitHits: hits)
    }

    /// `name.lowercased() == lowercasedName`, without building the lower-cased copy when
    /// `name` is ASCII (header names are).
    static func isName(_ name: String, lowercased lowercasedName: String) -> Bool {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.lowercased() == lowercasedName }
        return name.utf8.count == lowercasedName.utf8.count
            && zip(name.utf8, lowercasedName.utf8).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
    }

    private func run(_ pattern: PCRE2Pattern, on bytes: UnsafeRawBufferPointer, rule: WhitelistRule,
                     hits: inout [WhitelistDecision.LimitHit]) -> Bool {
        let result = Result { () throws(PatternError) -> Bool in try pattern.firstMatch(in: bytes) != nil }
        switch result {
        case .success(let matched):
            return matched
        case .failure(let error):
            hits.append(.init(rule: rule, error: error))
            return false
        }
    }
}
