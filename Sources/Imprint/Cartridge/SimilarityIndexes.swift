/// The similarity indexes of a snapshot, built from the database's entries of each kind
/// that has one. Index results are positions in the per-kind `entries` arrays, which map to
/// entry numbers of the database.
///
/// - PDQ and Nilsimsa (256 bits) and SimHash, dHash, pHash, aHash (64 bits): `HammingIndex`.
/// - TLSH (35 raw bytes): `TLSHIndex`, a scan up to `tlsh scan limit` digests, then keys of
///   ceil(log2 n) bits clamped to 8...16.
/// - MinHash: `MinHashLSHIndex` over 4-byte rows, threshold `minhash threshold`; only
///   signatures of the most common length are indexed.
public struct SimilarityIndexes: Sendable {
    /// A Hamming index and the entry numbers of its codes.
    public struct Hamming: Sendable {
        public let index: HammingIndex
        public let entries: [Int]
    }

    /// The kinds with a Hamming index (`hamming`'s keys when the database holds them).
    public static let hammingKinds: [FingerprintKind] = [.pdq, .nilsimsa, .simhash, .dhash, .phash, .ahash]

    public private(set) var hamming: [FingerprintKind: Hamming] = [:]
    public private(set) var tlsh: (index: TLSHIndex, entries: [Int])?
    public private(set) var minhash: (index: MinHashLSHIndex, entries: [Int])?

    init(database: FingerprintDatabase, config: CartridgeConfig) {
        let byKind = database.indexesByKind()
        for kind in Self.hammingKinds {
            guard let entries = byKind[kind], let width = kind.fixedWidth else { continue }
            var codes: [UInt64] = []
            codes.reserveCapacity(entries.count * width / 8)
            for entry in entries { codes += database.withValue(at: entry) { HammingIndex.words(of: $0) } }
            hamming[kind] = Hamming(index: HammingIndex(codes: codes, words: width / 8), entries: entries)
        }
        if let entries = byKind[.tlsh] {
            var digests: [UInt8] = []
            digests.reserveCapacity(entries.count * TLSHDistance.digestLength)
            for entry in entries { database.withValue(at: entry) { digests.append(contentsOf: $0) } }
            let bits = IndexShape.tlshBits(count: entries.count, scanLimit: config.tlshScanLimit)!
            tlsh = (TLSHIndex(digests: digests, parameters: IndexShape.tlshParameters(bits: bits)), entries)
        }
        if let all = byKind[.minhash] {
            var lengths: [Int: Int] = [:]
            for entry in all { lengths[database.valueRange(at: entry).count, default: 0] += 1 }
            if let length = IndexShape.minhashLength(lengths) {
                let entries = all.filter { database.valueRange(at: $0).count == length }
                var signatures: [UInt8] = []
                for entry in entries { database.withValue(at: entry) { signatures.append(contentsOf: $0) } }
                minhash = (MinHashLSHIndex(signatures: signatures, signatureRows: length / 4, threshold: config.minhashThreshold), entries)
            }
        }
    }

    /// The shape these indexes were built with (nil for a kind without an index).
    var shape: IndexShape {
        var shape = IndexShape(tlshCount: 0, minhashLengths: [:], threshold: 0.5, tlshScanLimit: 0)
        if let tlsh { shape.tlshBits = tlsh.index.parameters.bitsPerKey }
        if let minhash {
            shape.minhash = IndexShape.MinHash(length: minhash.index.signatureRows * 4, bands: minhash.index.bands, rows: minhash.index.rows)
        }
        return shape
    }

    /// Bytes held by all the indexes.
    public var memoryBytes: Int {
        hamming.values.reduce(0) { $0 + $1.index.memoryBytes } + (tlsh?.index.memoryBytes ?? 0) + (minhash?.index.memoryBytes ?? 0)
    }
}
