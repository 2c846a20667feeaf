import Synchronization

/// An immutable view of a cartridge at one version: entries, indexes, configuration,
/// categories and whitelist. The engine scores a message against one snapshot from start to
/// end, so it never sees a mix of two versions.
///
/// A snapshot is a shared base (`SnapshotBase`: the database as of the last compaction with
/// its exact and similarity indexes, built once) plus a small overlay (`CartridgeOverlay`:
/// what the micro-updates applied since changed). The next snapshot shares both and costs
/// O(update) to build (`applying(_:limits:path:)`); the queries
/// (`CartridgeSnapshot+Queries.swift`) combine base and overlay so that they answer exactly
/// as a snapshot rebuilt from the full database would.
public final class CartridgeSnapshot: Sendable {
    public let version: CartridgeVersion
    public let config: CartridgeConfig
    public let categories: CategoryTable
    public let whitelist: Whitelist
    /// The score model of `config` (`ScoreModel.model`), read once rather than per message.
    public let scoreModel: LogisticModel
    let base: SnapshotBase
    let overlay: CartridgeOverlay
    /// The index shape of the full database (the overlay answers with it).
    let shape: IndexShape
    /// The TLSH tables' samples for `shape.tlshBits`.
    let tlshSamples: [[Int]]
    private let materialized = Mutex<FingerprintDatabase?>(nil)

    /// The exact index of the base (entries added since the last compaction are in the overlay).
    public var exact: ExactIndex { base.exact }
    /// The similarity indexes of the base (entries added since the last compaction are in the overlay).
    public var similarity: SimilarityIndexes { base.similarity }

    /// Builds the indexes over `database` and applies its category and configuration
    /// overlays over the directory's files.
    /// - Throws: `ConfigurationError` when an overlay line is bad; `CartridgeError` on a
    ///   duplicate entry.
    init(database: FingerprintDatabase, baseConfig: CartridgeConfig, baseCategories: CategoryTable,
         whitelist: Whitelist, overlayPath: String) throws {
        var config = baseConfig
        try config.apply(database.configLines.joined(separator: "\n"), path: overlayPath, allowRepeats: true)
        var categories = baseCategories
        for line in database.categoryLines { try categories.apply(line, path: overlayPath) }
        base = SnapshotBase(database: database, exact: try ExactIndex(database: database),
                            similarity: SimilarityIndexes(database: database, config: config),
                            directoryConfig: baseConfig, directoryCategories: baseCategories)
        overlay = CartridgeOverlay(base: database)
        version = database.version
        self.config = config
        scoreModel = ScoreModel.model(config)
        self.categories = categories
        self.whitelist = whitelist
        shape = IndexShape(tlshCount: overlay.tlshCount, minhashLengths: overlay.minhashLengths, threshold: config.minhashThreshold,
                           tlshScanLimit: config.tlshScanLimit)
        tlshSamples = base.similarity.tlsh?.index.samples ?? shape.tlshBits.map { TLSHIndex.samples(IndexShape.tlshParameters(bits: $0)) } ?? []
    }

    /// A snapshot of `base` changed by `overlay`.
    init(base: SnapshotBase, overlay: CartridgeOverlay, version: CartridgeVersion, config: CartridgeConfig,
         categories: CategoryTable, whitelist: Whitelist, previous: CartridgeSnapshot) {
        self.base = base
        self.overlay = overlay
        self.version = version
        self.config = config
        scoreModel = ScoreModel.model(config)
        self.categories = categories
        self.whitelist = whitelist
        shape = IndexShape(tlshCount: overlay.tlshCount, minhashLengths: overlay.minhashLengths, threshold: config.minhashThreshold,
                           tlshScanLimit: config.tlshScanLimit)
        tlshSamples = shape.tlshBits == previous.shape.tlshBits ? previous.tlshSamples
            : shape.tlshBits.map { TLSHIndex.samples(IndexShape.tlshParameters(bits: $0)) } ?? []
    }

    /// The full database of this snapshot (for `info`, `diff`, `verify` and compaction),
    /// built on first use when micro-updates were applied since the base. Its entry numbers
    /// are its own: they match the snapshot's only when no update was applied.
    /// - Complexity: O(n) the first time, O(1) after.
    public var database: FingerprintDatabase {
        if overlay.isEmpty { return base.database }
        if let database = materialized.withLock({ $0 }) { return database }
        let database = materialize()
        materialized.withLock { $0 = database }
        return database
    }

    /// Whether the full database's index shape differs from the one the base indexes were
    /// built with, for a kind both have: then only a rebuild answers as a full rebuild would.
    var needsRebuild: Bool {
        let built = base.similarity.shape
        let tlshChanged = built.tlshBits != nil && shape.tlshBits != nil && built.tlshBits != shape.tlshBits
        let minhashChanged = built.minhash != nil && shape.minhash != nil && built.minhash != shape.minhash
        return tlshChanged || minhashChanged
    }
}

/// What the snapshots between two compactions share: the database as of the last compaction
/// (or rebuild), its exact and similarity indexes, and the directory's configuration and
/// categories that the database's own lines apply over.
final class SnapshotBase: Sendable {
    let database: FingerprintDatabase
    let exact: ExactIndex
    let similarity: SimilarityIndexes
    let directoryConfig: CartridgeConfig
    let directoryCategories: CategoryTable

    init(database: FingerprintDatabase, exact: ExactIndex, similarity: SimilarityIndexes,
         directoryConfig: CartridgeConfig, directoryCategories: CategoryTable) {
        self.database = database
        self.exact = exact
        self.similarity = similarity
        self.directoryConfig = directoryConfig
        self.directoryCategories = directoryCategories
    }
}
