/// One cartridge entry a message's fingerprint matched, exactly or nearly.
public struct Evidence: Sendable, Hashable {
    /// How the entry was reached.
    public enum Match: Sendable, Hashable {
        /// The same digest (body, Pyzor, part, attachment).
        case exact
        /// A near neighbour (TLSH, Nilsimsa, SimHash, MinHash, PDQ, dHash…), similarity in (0, 1].
        case near(similarity: Double)
        /// A reputation-bearing feature (word token, URL, host, domain, structure, sender, IP).
        case feature
    }

    public var kind: FingerprintKind
    /// The entry number in the snapshot's database.
    public var entry: Int
    public var match: Match
    public var reputation: Reputation
    public var category: CategoryCode

    /// 1 for exact and feature matches, the similarity for near ones.
    public var similarity: Double {
        if case .near(let similarity) = match { return similarity }
        return 1
    }

    /// Abusive report mass (spam + phishing + virus).
    public var abusiveMass: Double { Double(reputation.spam + reputation.phishing + reputation.virus) }
    public var hamMass: Double { Double(reputation.ham) }
}

/// The evidence of a message: everything its fingerprints matched in one snapshot.
public struct EvidenceSet: Sendable {
    public var exact: [Evidence] = []
    public var near: [Evidence] = []
    public var features: [Evidence] = []
    /// Reputation-bearing fingerprints looked up, known or not (for the freshness test).
    public var featuresLookedUp = 0

    public var all: [Evidence] { exact + near + features }

    /// Calls `body` with each digest match, exact then near (`exact + near` without the array).
    func forEachDigestMatch(_ body: (Evidence) -> Void) {
        for item in exact { body(item) }
        for item in near { body(item) }
    }
}
