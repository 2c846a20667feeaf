/// The queries the engine asks of a snapshot. Entry numbers are the snapshot's own (see
/// `CartridgeOverlay`); every access by entry number goes through these, so the storage
/// behind them may change.
extension CartridgeSnapshot {
    /// The entry number of `fingerprint`, if known.
    public func lookup(_ fingerprint: Fingerprint) -> Int? {
        if overlay.isEmpty { return base.exact.lookup(fingerprint, in: base.database) }
        return overlay.find(fingerprint, base: base)
    }

    /// The entries holding each fingerprint that `include` selects (nil for the others), in
    /// order: `lookup` for many fingerprints at once, their cache misses overlapped
    /// (`ExactIndex.warm`).
    public func lookup(_ fingerprints: [Fingerprint], where include: (FingerprintKind) -> Bool) -> [Int?] {
        var keys: [UInt64] = [], entries: [Int] = []
        lookup(fingerprints, where: include, keys: &keys, into: &entries)
        return entries.map { $0 < 0 ? nil : $0 }
    }

    /// `lookup(_:where:)` into `entries` (-1 for a fingerprint not selected or not found), with
    /// `keys` as its working buffer; both emptied first, so a caller keeps their capacity.
    func lookup(_ fingerprints: [Fingerprint], where include: (FingerprintKind) -> Bool,
                keys: inout [UInt64], into entries: inout [Int]) {
        keys.removeAll(keepingCapacity: true)
        for fingerprint in fingerprints { keys.append(include(fingerprint.kind) ? fingerprint.key : 0) }
        ExactIndex.sink.store(keys.withUnsafeBufferPointer { base.exact.warm($0) }, ordering: .relaxed)
        entries.removeAll(keepingCapacity: true)
        for (position, fingerprint) in fingerprints.enumerated() {
            guard include(fingerprint.kind) else {
                entries.append(-1)
                continue
            }
            let entry = fingerprint.withUnsafeBytes { value in
                overlay.isEmpty ? base.exact.lookup(kind: fingerprint.kind, value: value, key: keys[position], in: base.database)
                    : overlay.find(kind: fingerprint.kind, value: value, key: keys[position], base: base)
            }
            entries.append(entry ?? -1)
        }
    }

    /// The reputation of entry `entry`.
    public func reputation(at entry: Int) -> Reputation {
        overlay.states.isEmpty ? base.database.reputation(at: entry) : overlay.reputation(at: entry, base: base)
    }

    /// The category of entry `entry`.
    public func category(at entry: Int) -> CategoryCode {
        overlay.states.isEmpty ? base.database.category(at: entry) : overlay.category(at: entry, base: base)
    }

    /// The key (`Fingerprint.key`) of entry `entry`: its short id in analysis headers.
    public func key(at entry: Int) -> UInt64 {
        if entry >= overlay.baseCount { return overlay.added.key(at: entry - overlay.baseCount) }
        return base.database.withValue(at: entry) { Fingerprint.key(kind: base.database.kind(at: entry), value: $0) }
    }

    /// Entry `entry` as a value.
    public func entry(at entry: Int) -> CartridgeEntry {
        let fingerprint = entry >= overlay.baseCount ? overlay.added.fingerprint(at: entry - overlay.baseCount)
            : base.database.entry(at: entry).fingerprint
        return CartridgeEntry(fingerprint: fingerprint, category: category(at: entry), reputation: reputation(at: entry))
    }

    /// Entries similar to `fingerprint` within the configured radius of its kind, closest first,
    /// with a similarity in (0, 1]: TLSH, MinHash, and the Hamming kinds (Nilsimsa, SimHash,
    /// PDQ, dHash, pHash, aHash). Other kinds have no neighbours. The base's indexes answer for
    /// its entries (removed ones dropped), `OverlaySimilarity` for the added ones.
    public func similar(to fingerprint: Fingerprint) -> [(entry: Int, similarity: Double)] {
        var scratch = SimilarityScratch()
        similar(to: fingerprint, scratch: &scratch)
        return scratch.found
    }

    /// `similar(to:)` into `scratch.found` (emptied first), every working buffer taken from
    /// `scratch`.
    func similar(to fingerprint: Fingerprint, scratch: inout SimilarityScratch) {
        let indexes = base.similarity
        scratch.found.removeAll(keepingCapacity: true)
        switch fingerprint.kind {
        case .tlsh:
            let radius = config.tlshRadius
            guard radius > 0, shape.tlshBits != nil, fingerprint.count == TLSHDistance.digestLength else { return }
            if let tlsh = indexes.tlsh {
                tlsh.index.search(fingerprint.value, radius: radius, into: &scratch.digestHits)
                for hit in scratch.digestHits {
                    scratch.found.append((tlsh.entries[hit.digest], 1 - Double(hit.distance) / Double(radius + 1)))
                }
            }
            scratch.found += OverlaySimilarity.tlsh(fingerprint.value, in: overlay, radius: radius, samples: tlshSamples)
        case .minhash:
            guard let minhash = shape.minhash, fingerprint.count == minhash.length else { return }
            if let index = indexes.minhash {
                index.index.search(fingerprint.value, threshold: config.minhashThreshold, into: &scratch.signatureHits,
                                   candidates: &scratch.candidates)
                for hit in scratch.signatureHits { scratch.found.append((index.entries[hit.signature], hit.similarity)) }
            }
            scratch.found += OverlaySimilarity.minhash(fingerprint.value, in: overlay, shape: minhash, threshold: config.minhashThreshold)
        case let kind where SimilarityIndexes.hammingKinds.contains(kind):
            let radius = hammingRadius(fingerprint.kind)
            fingerprint.withUnsafeBytes { HammingIndex.words(of: $0, into: &scratch.words) }
            if let hamming = indexes.hamming[fingerprint.kind] {
                hamming.index.search(scratch.words, radius: radius, into: &scratch.codeHits)
                for hit in scratch.codeHits {
                    scratch.found.append((hamming.entries[hit.code], 1 - Double(hit.distance) / Double(radius + 1)))
                }
            }
            scratch.found += OverlaySimilarity.hamming(scratch.words, kind: fingerprint.kind, in: overlay, radius: radius)
        default:
            return
        }
        if !overlay.states.isEmpty { scratch.found.removeAll { $0.entry < overlay.baseCount && overlay.isRemoved($0.entry) } }
        // In place (most queries find none or one: no copy to sort).
        if scratch.found.count > 1 {
            scratch.found.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.entry < $1.entry }
        }
    }

    /// Whether `similar(to:)` can find neighbours for fingerprints of `kind` (the kinds of its
    /// similarity indexes): a test without hashing, for the thousands of tokens a message has.
    @inline(__always)
    public static func hasNeighbours(_ kind: FingerprintKind) -> Bool {
        kind == .tlsh || kind == .minhash || SimilarityIndexes.hammingKinds.contains(kind)
    }

    /// The match radius of a Hamming kind: the configured one for Nilsimsa, SimHash and PDQ,
    /// 10 bits of 64 for the image hashes (imagehash's customary threshold).
    public func hammingRadius(_ kind: FingerprintKind) -> Int {
        switch kind {
        case .nilsimsa: config.nilsimsaRadius
        case .simhash: config.simhashRadius
        case .pdq: config.pdqRadius
        default: 10
        }
    }
}
