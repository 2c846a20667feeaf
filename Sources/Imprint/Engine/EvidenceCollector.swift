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

    func collect(_ fingerprints: [Fingerprint], stopWhenDecisive: Bool) -> EvidenceSet {
        var set = EvidenceSet()
        for fingerprint in fingerprints {
            let isExact = Self.exactKinds.contains(fingerprint.kind), isFeature = Self.featureKinds.contains(fingerprint.kind)
            if isFeature { set.featuresLookedUp += 1 }
            guard isExact || isFeature, let entry = snapshot.lookup(fingerprint) else { continue }
            let evidence = Evidence(kind: fingerprint.kind, entry: entry, match: isExact ? .exact : .feature,
                                    reputation: snapshot.reputation(at: entry), category: snapshot.category(at: entry))
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
