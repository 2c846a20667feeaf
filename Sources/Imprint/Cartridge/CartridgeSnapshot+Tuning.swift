/// In-memory snapshots for tuning: a built database scored without writing a cartridge
/// directory, and an open cartridge's snapshot under a changed configuration.
extension CartridgeSnapshot {
    /// A snapshot of `database` under `config` (the database's own configuration lines apply
    /// over it, as when a cartridge directory is opened), with its indexes built.
    /// - Throws: `ConfigurationError` when a line of the database is bad; `CartridgeError` on
    ///   a duplicate entry.
    /// - Complexity: O(n) for n entries (the indexes).
    public convenience init(database: FingerprintDatabase, config: CartridgeConfig, categories: CategoryTable,
                            whitelist: Whitelist = Whitelist()) throws {
        try self.init(database: database, baseConfig: config, baseCategories: categories, whitelist: whitelist,
                      overlayPath: "(in memory)")
    }

    /// This snapshot's entries, categories and whitelist under the configuration `change`
    /// makes of this one's, with the indexes rebuilt for it (a `minhash threshold` changes
    /// their shape). The configuration lines the database carries are already in `config` and
    /// are not applied again, so `change` has the last word.
    /// - Complexity: O(n) for n entries.
    public func reconfigured(_ change: (inout CartridgeConfig) throws -> Void) throws -> CartridgeSnapshot {
        var config = self.config
        try change(&config)
        var database = self.database
        database.configLines = []
        database.categoryLines = []
        return try CartridgeSnapshot(database: database, baseConfig: config, baseCategories: categories,
                                     whitelist: whitelist, overlayPath: "(reconfigured)")
    }
}
