/// The Public Suffix List algorithm (<https://publicsuffix.org/list/>, "Formal algorithm"):
/// the public suffix of a host is given by the matching rule with the most labels, an exception
/// rule (`!`) winning over all others and standing for its rule minus the leftmost label; a
/// wildcard label (`*`) matches any one label; when no rule matches, the rule is `*` (the top-level
/// label). The registered domain is the public suffix plus one label.
///
/// Rules come from `PublicSuffixData` (generated from Debian's copy of the list, MPL-2.0).
/// Hosts are compared in ASCII (IDN labels as punycode, as `HostNormalizer` produces them).
public struct PublicSuffixList: Sendable {
    /// The list built into Imprint, ICANN and private sections.
    public static let shared = PublicSuffixList(rules: PublicSuffixData.icann + "\n" + PublicSuffixData.privateDomains)
    /// The ICANN section alone (no `github.io`, `blogspot.com`-style private suffixes).
    public static let icannOnly = PublicSuffixList(rules: PublicSuffixData.icann)

    fileprivate var rules = UTF8StringSet()
    fileprivate var wildcards = UTF8StringSet()  // "*.ck" stored as "ck"
    private var exceptions = UTF8StringSet()  // "!www.ck" stored as "www.ck"

    /// Builds a list from rules, one a line (comments and blank lines ignored).
    public init(rules text: String) {
        for line in text.split(separator: "\n") {
            let rule = line.split(separator: " ").first.map(String.init) ?? ""
            if rule.isEmpty || rule.hasPrefix("//") { continue }
            if rule.hasPrefix("!") {
                exceptions.insert(String(rule.dropFirst()))
            } else if rule.hasPrefix("*.") {
                wildcards.insert(String(rule.dropFirst(2)))
            } else {
                rules.insert(rule)
            }
        }
    }

    /// The public suffix of a lower-case ASCII host (no trailing dot), e.g. "co.uk" for
    /// "www.example.co.uk"; the host itself when it is a public suffix.
    /// - Complexity: O(labels) set look-ups.
    public func publicSuffix(of host: String) -> String {
        var host = host
        return host.withUTF8 { utf8 in
            // Candidates are looked up as bytes in place; only the answer becomes a String.
            func suffix(_ start: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: utf8[start...]) }
            func answer(_ start: Int) -> String { String(decoding: suffix(start), as: UTF8.self) }
            // Walk from the longest candidate suffix (label by label, left to right); the first
            // match is the longest rule.
            var start = 0
            while true {
                let next = utf8[start...].firstIndex(of: UInt8(ascii: ".")).map { $0 + 1 }
                if exceptions.contains(utf8: suffix(start)) { return answer(next ?? start) }
                if rules.contains(utf8: suffix(start)) { return answer(start) }
                guard let next else { return answer(start) }
                if wildcards.contains(utf8: suffix(next)) { return answer(start) }
                start = next
            }
        }
    }

    /// The registered (registrable) domain: the public suffix plus one label, or nil when the
    /// host is itself a public suffix (or empty).
    public func registeredDomain(of host: String) -> String? {
        var host = host
        if host.hasSuffix(".") { host.removeLast() }
        guard !host.isEmpty, host.utf8.first != UInt8(ascii: "."),
              !zip(host.utf8, host.utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }) else { return nil }
        let suffix = publicSuffix(of: host)
        guard host.utf8.count > suffix.utf8.count else { return nil }
        let head = host.utf8.dropLast(suffix.utf8.count + 1)
        let labelStart = head.lastIndex(of: UInt8(ascii: ".")).map { host.utf8.index(after: $0) } ?? host.utf8.startIndex
        return String(host[labelStart...])
    }
}

extension PublicSuffixList {
    /// True when `label` (lower-case ASCII) is a top-level domain the list knows.
    public func isTopLevelDomain(_ label: String) -> Bool {
        rules.contains(label) || wildcards.contains(label)
    }
}
