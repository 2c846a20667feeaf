import ImprintHashing

/// Whether two fingerprints of the same kind match under a cartridge's thresholds: the test
/// the indexes apply, stated once for measurements such as the evasion table.
public enum FingerprintMatch {
    /// The similarity of two fingerprints of one kind, in the kind's own unit, or nil when the
    /// kind has no similarity (exact kinds compare equal or not).
    /// TLSH: distance; Nilsimsa, SimHash, PDQ, dHash, pHash, aHash: differing bits; MinHash:
    /// the fraction of equal rows (Jaccard estimate); ssdeep: its 0...100 score.
    public static func similarity(_ a: Fingerprint, _ b: Fingerprint) -> Double? {
        guard a.kind == b.kind, a.count == b.count || a.kind == .ctph else { return nil }
        switch a.kind {
        case .tlsh:
            return Double(TLSHDistance.distance(a.value, b.value))
        case .nilsimsa, .simhash, .pdq, .dhash, .phash, .ahash:
            return Double(zip(a.value, b.value).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount })
        case .minhash:
            let rows = a.count / 4
            guard rows > 0 else { return nil }
            var equal = 0
            for row in 0..<rows where a.value[4 * row..<4 * row + 4] == b.value[4 * row..<4 * row + 4] { equal += 1 }
            return Double(equal) / Double(rows)
        case .ctph:
            guard let x = try? CTPHDigest(parsing: String(decoding: a.value, as: UTF8.self)),
                  let y = try? CTPHDigest(parsing: String(decoding: b.value, as: UTF8.self)) else { return nil }
            return Double(CTPH.score(x, y))
        default:
            return nil
        }
    }

    /// Whether `a` and `b` match: equal for exact kinds; within the configured radius, at or
    /// above the MinHash threshold, or an ssdeep score of at least `ctphThreshold` otherwise.
    public static func matches(_ a: Fingerprint, _ b: Fingerprint, config: CartridgeConfig, ctphThreshold: Double = 60) -> Bool {
        guard a.kind == b.kind else { return false }
        guard let value = similarity(a, b) else { return a.value == b.value }
        switch a.kind {
        case .tlsh: return value <= Double(config.tlshRadius)
        case .nilsimsa: return value <= Double(config.nilsimsaRadius)
        case .simhash: return value <= Double(config.simhashRadius)
        case .pdq: return value <= Double(config.pdqRadius)
        case .minhash: return value >= config.minhashThreshold
        case .ctph: return value >= ctphThreshold
        default: return value <= 10
        }
    }
}
