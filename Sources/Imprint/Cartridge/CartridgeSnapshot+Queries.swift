/// The queries the engine asks of a snapshot. Entry numbers are the snapshot's own; every
/// access by entry number goes through these, so the storage behind them may change.
extension CartridgeSnapshot {
    /// The reputation of entry `entry`.
    public func reputation(at entry: Int) -> Reputation { database.reputation(at: entry) }

    /// The category of entry `entry`.
    public func category(at entry: Int) -> CategoryCode { database.category(at: entry) }

    /// The key (`Fingerprint.key`) of entry `entry`: its short id in analysis headers.
    public func key(at entry: Int) -> UInt64 {
        database.withValue(at: entry) { Fingerprint.key(kind: database.kind(at: entry), value: $0) }
    }

    /// Entries similar to `fingerprint` within the configured radius of its kind, closest first,
    /// with a similarity in (0, 1]: TLSH, MinHash, and the Hamming kinds (Nilsimsa, SimHash,
    /// PDQ, dHash, pHash, aHash). Other kinds have no neighbours.
    public func similar(to fingerprint: Fingerprint) -> [(entry: Int, similarity: Double)] {
        let indexes = similarity
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
            let radius = hammingRadius(fingerprint.kind)
            let words = fingerprint.value.withUnsafeBytes { HammingIndex.words(of: $0) }
            found = hamming.index.search(words, radius: radius).map {
                (hamming.entries[$0.code], 1 - Double($0.distance) / Double(radius + 1))
            }
        default:
            return []
        }
        return found.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.entry < $1.entry }
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
