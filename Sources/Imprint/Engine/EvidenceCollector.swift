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
        let database = snapshot.database
        for fingerprint in fingerprints {
            let isExact = Self.exactKinds.contains(fingerprint.kind), isFeature = Self.featureKinds.contains(fingerprint.kind)
            if isFeature { set.featuresLookedUp += 1 }
            guard isExact || isFeature, let entry = snapshot.lookup(fingerprint) else { continue }
            let evidence = Evidence(kind: fingerprint.kind, entry: entry, match: isExact ? .exact : .feature,
                                    reputation: database.reputation(at: entry), category: database.category(at: entry))
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
        let config = snapshot.config, database = snapshot.database, indexes = snapshot.similarity
        var found: [(entry: Int, similarity: Double)] = []
        switch fingerprint.kind {
        case .tlsh:
            guard let tlsh = indexes.tlsh, config.tlshRadius > 0 else { return [] }
            found = tlsh.index.search(fingerprint.value, radius: config.tlshRadius).map {
                (tlsh.entries[$0.digest], 1 - Double($0.distance) / Double(config.tlshRadius + 1))
            }
        case .minhash:
            guard let minhash = indexes.minhash, fingerprint.value.count == minhash.index.signatureRows * 4 else { return [] }
            found = minhash.index.search(fingerprint.value, threshold: config.minhashThreshold).map {
                (minhash.entries[$0.signature], $0.similarity)
            }
        case .nilsimsa, .simhash, .pdq, .dhash, .phash, .ahash:
            guard let hamming = indexes.hamming[fingerprint.kind] else { return [] }
            let radius = switch fingerprint.kind {
            case .nilsimsa: config.nilsimsaRadius
            case .simhash: config.simhashRadius
            case .pdq: config.pdqRadius
            default: 10
            }
            let words = fingerprint.value.withUnsafeBytes { HammingIndex.words(of: $0) }
            found = hamming.index.search(words, radius: radius).map {
                (hamming.entries[$0.code], 1 - Double($0.distance) / Double(radius + 1))
            }
        default:
            return []
        }
        // The few closest neighbours speak; a crowd of weak ones does not drown them.
        return found.sorted { $0.similarity > $1.similarity }.prefix(8).map {
            Evidence(kind: fingerprint.kind, entry: $0.entry, match: .near(similarity: $0.similarity),
                     reputation: database.reputation(at: $0.entry), category: database.category(at: $0.entry))
        }
    }
}
