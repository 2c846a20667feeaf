#if canImport(Glibc)
import Glibc
#endif

/// The parameters of the similarity indexes that depend on the whole database rather than on
/// one entry: the TLSH key bits (from the number of TLSH entries) and the MinHash signature
/// length and banding (from the most common signature length and the configured threshold).
///
/// `SimilarityIndexes` builds its indexes with this shape. An overlay answers for its own
/// entries as an index of the same shape would (`OverlaySimilarity`), so that a snapshot
/// gives the results of a full rebuild; when an update changes the shape while the base has
/// an index of that kind, the snapshot is rebuilt (`CartridgeSnapshot.applying`).
struct IndexShape: Hashable, Sendable {
    struct MinHash: Hashable, Sendable {
        /// Signature length in bytes (4 a row).
        var length: Int
        var bands: Int
        var rows: Int
    }

    /// TLSH key bits, nil without TLSH entries.
    var tlshBits: Int?
    /// MinHash shape, nil without signatures of a whole number of rows.
    var minhash: MinHash?

    /// The shape of a database with `tlshCount` TLSH entries and `minhashLengths` (signature
    /// length: live count) under MinHash threshold `threshold`.
    init(tlshCount: Int, minhashLengths: [Int: Int], threshold: Double, tlshScanLimit: Int) {
        tlshBits = Self.tlshBits(count: tlshCount, scanLimit: tlshScanLimit)
        if let length = Self.minhashLength(minhashLengths) {
            let shape = MinHashLSHIndex.bandsAndRows(permutations: length / 4, threshold: threshold)
            minhash = MinHash(length: length, bands: shape.bands, rows: shape.rows)
        }
    }

    /// 0 (no key: every digest is a candidate, `TLSHIndex` scans) up to `scanLimit` digests
    /// (`tlsh scan limit`), then ceil(log2 n) clamped to 8...16: about one random digest a key;
    /// nil for n = 0. A scan of a few thousand digests (SIMD distance, memory read in order)
    /// beats the tables' hundreds of scattered probes of cold memory.
    static func tlshBits(count: Int, scanLimit: Int) -> Int? {
        guard count > 0 else { return nil }
        return count <= scanLimit ? 0 : min(16, max(8, Int(log2(Double(count)).rounded(.up))))
    }

    /// The most common signature length that is a positive multiple of 4 (the longer on a tie).
    static func minhashLength(_ lengths: [Int: Int]) -> Int? {
        lengths.filter { $0.key > 0 && $0.key % 4 == 0 && $0.value > 0 }.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }

    /// The TLSH index parameters for `bits`.
    static func tlshParameters(bits: Int) -> TLSHIndex.Parameters { TLSHIndex.Parameters(bitsPerKey: bits) }
}
