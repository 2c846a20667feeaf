/// Looks a message's fingerprints up in a snapshot: exact digests in the hash index, fuzzy
/// digests in the similarity indexes (within the configured radii), reputation features in the
/// hash index.
struct EvidenceCollector {
    let snapshot: CartridgeSnapshot

    /// Kinds matched exactly and counted as digest evidence.
    static let exactKinds: Set<FingerprintKind> = [.exactBodySHA256, .pyzor, .partSHA256, .attachmentSHA256, .ctph]
    /// Kinds whose reputation is combined token by token.
    static let featureKinds: Set<FingerprintKind> = [.token, .url, .host, .registeredDomain, .mimeStructure,
                                                     .senderDomain, .clientIP24]

    /// The two sets as bit masks over kind codes below 64 (a message has thousands of tokens).
    private static let exactMask = mask(exactKinds), featureMask = mask(featureKinds)

    private static func mask(_ kinds: Set<FingerprintKind>) -> UInt64 {
        kinds.reduce(0) { $1.rawValue < 64 ? $0 | 1 << UInt64($1.rawValue) : $0 }
    }

    private static func isMember(_ kind: FingerprintKind, _ mask: UInt64, _ kinds: Set<FingerprintKind>) -> Bool {
        kind.rawValue < 64 ? (mask >> UInt64(kind.rawValue)) & 1 == 1 : kinds.contains(kind)
    }

    func collect(_ fingerprints: [Fingerprint], stopWhenDecisive: Bool) -> EvidenceSet {
        var set = EvidenceSet()
        let entries = snapshot.lookup(fingerprints) {
            Self.isMember($0, Self.exactMask, Self.exactKinds) || Self.isMember($0, Self.featureMask, Self.featureKinds)
        }
        // The hits' reputations and categories first, in a loop of independent loads: their cache
        // misses (the columns are megabytes) overlap instead of stalling one evidence at a time.
        let reputations = entries.map { $0.map(snapshot.reputation(at:)) }
        let categories = entries.map { $0.map(snapshot.category(at:)) }
        for (position, fingerprint) in fingerprints.enumerated() {
            let isExact = Self.isMember(fingerprint.kind, Self.exactMask, Self.exactKinds)
            let isFeature = Self.isMember(fingerprint.kind, Self.featureMask, Self.featureKinds)
            if isFeature { set.featuresLookedUp += 1 }
            guard isExact || isFeature, let entry = entries[position], let reputation = reputations[position],
                  let category = categories[position] else { continue }
            let evidence = Evidence(kind: fingerprint.kind, entry: entry, match: isExact ? .exact : .feature,
                                    reputation: reputation, category: category)
            if isExact { set.exact.append(evidence) } else { set.features.append(evidence) }
        }
        if stopWhenDecisive, set.exact.contains(where: { Self.isDecisive($0) }) { return set }
        for fingerprint in fingerprints { set.near += near(fingerprint) }
        return set
    }

    /// An exact match with enough one-sided report mass that nothing else could change the verdict.
    static func isDecisive(_ evidence: Evidence) -> Bool {
        (evidence.abusiveMass >= 3 && evidence.hamMass == 0) || (evidence.hamMass >= 3 && evidence.abusiveMass == 0)
    }

    private func near(_ fingerprint: Fingerprint) -> [Evidence] {
        // The few closest neighbours speak; a crowd of weak ones does not drown them.
        snapshot.similar(to: fingerprint).prefix(8).map {
            Evidence(kind: fingerprint.kind, entry: $0.entry, match: .near(similarity: $0.similarity),
                     reputation: snapshot.reputation(at: $0.entry), category: snapshot.category(at: $0.entry))
        }
    }
}
