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

    /// The two sets as bit masks over kind codes (every kind in them is below 64: a kind at
    /// or above 64 is in neither), read once a message (a message has thousands of tokens).
    private static let exactMask = mask(exactKinds), featureMask = mask(featureKinds)

    private static func mask(_ kinds: Set<FingerprintKind>) -> UInt64 {
        kinds.reduce(0) { $1.rawValue < 64 ? $0 | 1 << UInt64($1.rawValue) : $0 }
    }

    @inline(__always)
    private static func isMember(_ kind: FingerprintKind, _ mask: UInt64) -> Bool {
        kind.rawValue < 64 && (mask >> UInt64(kind.rawValue)) & 1 == 1
    }

    func collect(_ fingerprints: [Fingerprint], stopWhenDecisive: Bool) -> EvidenceSet {
        EvidenceScratch.withThreadScratch { collect(fingerprints, stopWhenDecisive: stopWhenDecisive, scratch: $0) }
    }

    private func collect(_ fingerprints: [Fingerprint], stopWhenDecisive: Bool, scratch: EvidenceScratch) -> EvidenceSet {
        var buffers = EvidenceBuffers()
        swap(&buffers, &scratch.buffers)
        defer { swap(&buffers, &scratch.buffers) }
        return collect(fingerprints, stopWhenDecisive: stopWhenDecisive, buffers: &buffers)
    }

    private func collect(_ fingerprints: [Fingerprint], stopWhenDecisive: Bool, buffers scratch: inout EvidenceBuffers) -> EvidenceSet {
        var set = EvidenceSet()
        let exactMask = Self.exactMask, featureMask = Self.featureMask
        snapshot.lookup(fingerprints, where: { Self.isMember($0, exactMask | featureMask) }, keys: &scratch.keys, into: &scratch.entries)
        // The hits' reputations and categories first, in one loop of independent loads: their
        // cache misses (the columns are megabytes) overlap, both of a hit's and those of
        // neighbouring hits, instead of stalling one evidence at a time.
        for entry in scratch.entries where entry >= 0 {
            scratch.facts.append((reputation: snapshot.reputation(at: entry), category: snapshot.category(at: entry)))
        }
        // Most hits are features: room for all of them at once, not as the list doubles.
        set.features.reserveCapacity(scratch.facts.count)
        var nextFact = 0
        for (position, fingerprint) in fingerprints.enumerated() {
            let isExact = Self.isMember(fingerprint.kind, exactMask)
            if Self.isMember(fingerprint.kind, featureMask) { set.featuresLookedUp += 1 }
            let entry = scratch.entries[position]
            guard entry >= 0 else { continue }  // found entries are exact or feature kinds
            let fact = scratch.facts[nextFact]
            nextFact += 1
            let evidence = Evidence(kind: fingerprint.kind, entry: entry, match: isExact ? .exact : .feature,
                                    reputation: fact.reputation, category: fact.category)
            if isExact { set.exact.append(evidence) } else { set.features.append(evidence) }
        }
        if stopWhenDecisive, set.exact.contains(where: { Self.isDecisive($0) }) { return set }
        for fingerprint in fingerprints where CartridgeSnapshot.hasNeighbours(fingerprint.kind) {
            appendNear(fingerprint, to: &set.near, scratch: &scratch.similarity)
        }
        return set
    }

    /// An exact match with enough one-sided report mass that nothing else could change the verdict.
    static func isDecisive(_ evidence: Evidence) -> Bool {
        (evidence.abusiveMass >= 3 && evidence.hamMass == 0) || (evidence.hamMass >= 3 && evidence.abusiveMass == 0)
    }

    private func appendNear(_ fingerprint: Fingerprint, to near: inout [Evidence], scratch: inout SimilarityScratch) {
        snapshot.similar(to: fingerprint, scratch: &scratch)
        // The few closest neighbours speak; a crowd of weak ones does not drown them.
        for neighbour in scratch.found.prefix(8) {
            near.append(Evidence(kind: fingerprint.kind, entry: neighbour.entry, match: .near(similarity: neighbour.similarity),
                                 reputation: snapshot.reputation(at: neighbour.entry), category: snapshot.category(at: neighbour.entry)))
        }
    }
}
