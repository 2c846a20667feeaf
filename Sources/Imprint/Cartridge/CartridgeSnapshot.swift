/// An immutable view of a cartridge at one version: database, indexes, configuration,
/// categories and whitelist. The engine scores a message against one snapshot from start to
/// end, so it never sees a mix of two versions.
public final class CartridgeSnapshot: Sendable {
    public let version: CartridgeVersion
    public let config: CartridgeConfig
    public let categories: CategoryTable
    public let whitelist: Whitelist
    public let database: FingerprintDatabase
    public let exact: ExactIndex
    public let similarity: SimilarityIndexes

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
        self.version = database.version
        self.config = config
        self.categories = categories
        self.whitelist = whitelist
        self.database = database
        self.exact = try ExactIndex(database: database)
        self.similarity = SimilarityIndexes(database: database, config: config)
    }

    /// The entry number of `fingerprint`, if known.
    public func lookup(_ fingerprint: Fingerprint) -> Int? { exact.lookup(fingerprint, in: database) }
}
