/// What differs between two cartridges: version, configuration, categories, whitelist
/// rules and entries (only in A, only in B, same fingerprint with another category or
/// reputation), counted per kind with the first few examples. Empty when they are the same.
public struct CartridgeDiff: Sendable {
    /// Most examples listed per difference kind (default 10).
    public static let maxExamples = 10

    public var lines: [String] = []
    public var isEmpty: Bool { lines.isEmpty }

    /// Compares snapshot `a` with snapshot `b`.
    /// - Complexity: O(n_a + n_b) lookups in the two exact indexes.
    public init(_ a: CartridgeSnapshot, _ b: CartridgeSnapshot) {
        if a.version != b.version { lines.append("version: \(a.version) -> \(b.version)") }
        compare("config", a.config.lines, b.config.lines)
        compare("category", a.categories.lines, b.categories.lines)
        compare("whitelist", a.whitelist.rules.map(\.text), b.whitelist.rules.map(\.text))
        var onlyA: [FingerprintKind: Int] = [:], onlyB: [FingerprintKind: Int] = [:], changed: [FingerprintKind: Int] = [:]
        var examples: [String] = []
        func example(_ text: String) { if examples.count < Self.maxExamples * 3 { examples.append(text) } }
        let (databaseA, databaseB) = (a.database, b.database)
        for index in 0..<databaseA.count {
            let entry = databaseA.entry(at: index)
            if let other = b.lookup(entry.fingerprint) {
                let theirs = b.entry(at: other)
                if theirs != entry {
                    changed[entry.fingerprint.kind, default: 0] += 1
                    example("~ \(entry.fingerprint): \(entry.category) -> \(theirs.category), reputation \(Self.describe(entry.reputation)) -> \(Self.describe(theirs.reputation))")
                }
            } else {
                onlyA[entry.fingerprint.kind, default: 0] += 1
                example("- \(entry.fingerprint) \(entry.category)")
            }
        }
        for index in 0..<databaseB.count {
            let entry = databaseB.entry(at: index)
            if a.lookup(entry.fingerprint) == nil {
                onlyB[entry.fingerprint.kind, default: 0] += 1
                example("+ \(entry.fingerprint) \(entry.category)")
            }
        }
        for (label, counts) in [("only in A", onlyA), ("only in B", onlyB), ("changed", changed)] {
            for (kind, count) in counts.sorted(by: { $0.key < $1.key }) { lines.append("entries \(label): \(kind): \(count)") }
        }
        lines += examples
    }

    private mutating func compare(_ label: String, _ a: [String], _ b: [String]) {
        let setA = Set(a), setB = Set(b)
        lines += a.filter { !setB.contains($0) }.map { "\(label) - \($0)" }
        lines += b.filter { !setA.contains($0) }.map { "\(label) + \($0)" }
        if setA == setB && a != b { lines.append("\(label): same lines in another order") }
    }

    static func describe(_ reputation: Reputation) -> String {
        "s=\(reputation.spam) h=\(reputation.ham) p=\(reputation.phishing) v=\(reputation.virus) seen=\(reputation.firstSeen)..\(reputation.lastSeen)"
    }
}
