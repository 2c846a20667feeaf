import Synchronization

/// An open cartridge directory (see `CartridgeLayout`): the current snapshot, swapped
/// atomically when a micro-update is applied.
///
/// Readers call `snapshot` (a lock held for one pointer copy) and keep the snapshot for as
/// long as they score; an update builds its new snapshot and writes its state without
/// holding that lock, so readers are never blocked behind file I/O or index building.
///
/// Applying an update (`apply(contentsOf:)`) is crash-safe: the `.mu` file is copied into
/// `micro_updates/`, the new state is written to `states/<serial>.db` (temporary file, fsync,
/// rename, directory fsync), then `states/viable` is replaced the same way; only after that
/// does the update count as applied. A crash before the last rename leaves the previous
/// viable state in force; `open` never reads anything but the viable state.
///
/// - Complexity: an update costs O(n + u) for n entries and u operations: the new state is
///   written whole and the indexes are rebuilt (a state file is a full database, so recovery
///   never replays a chain). Updates are serialized; readers are not.
public final class Cartridge: Sendable {
    public let layout: CartridgeLayout
    public let limits: CartridgeLimits
    private let current: Mutex<CartridgeSnapshot>
    private let writer = Mutex<Void>(())
    private let baseConfig: CartridgeConfig
    private let baseCategories: CategoryTable
    private let whitelist: Whitelist

    /// The current snapshot.
    public var snapshot: CartridgeSnapshot { current.withLock { $0 } }

    /// Opens `directory`, verifying every file it loads: the three text files and the viable
    /// state (the base database when no update was applied).
    /// - Throws: `ConfigurationError` for a bad text file, `CartridgeError` for a database
    ///   or state that fails verification.
    public init(directory: String, limits: CartridgeLimits = .default) throws {
        let layout = CartridgeLayout(directory: directory)
        self.layout = layout
        self.limits = limits
        baseConfig = try CartridgeConfig(parsing: try Self.text(layout.config), path: layout.config)
        baseCategories = try CategoryTable(parsing: try Self.text(layout.categories), path: layout.categories)
        whitelist = try Whitelist(parsing: try Self.text(layout.whitelist), path: layout.whitelist)
        let database = try Self.loadViable(layout, limits: limits)
        current = Mutex(try CartridgeSnapshot(database: database, baseConfig: baseConfig, baseCategories: baseCategories,
                                              whitelist: whitelist, overlayPath: layout.viable))
    }

    /// The database of the viable state.
    static func loadViable(_ layout: CartridgeLayout, limits: CartridgeLimits) throws(CartridgeError) -> FingerprintDatabase {
        if let serial = try layout.readViable() {
            let state = try FingerprintDatabase(contentsOf: layout.state(serial), limits: limits)
            guard state.version.serial == serial else {
                throw .make(.malformed, "state holds serial \(state.version.serial), viable says \(serial)", path: layout.state(serial))
            }
            return state
        }
        return try FingerprintDatabase(contentsOf: layout.database, limits: limits)
    }

    static func text(_ path: String) throws -> String {
        let bytes = try AtomicFile.read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError.make(.syntax, "not UTF-8 text", path: path, line: 0)
        }
        return text
    }

    /// Creates a cartridge directory with these contents (the base database at its version).
    public static func create(at directory: String, database: FingerprintDatabase, config: String = "",
                              categories: String = "", whitelist: String = "") throws {
        let layout = CartridgeLayout(directory: directory)
        try AtomicFile.makeDirectory(layout.directory)
        try AtomicFile.makeDirectory(layout.updates)
        try AtomicFile.makeDirectory(layout.states)
        try AtomicFile.write(Array(config.utf8), to: layout.config)
        try AtomicFile.write(Array(categories.utf8), to: layout.categories)
        try AtomicFile.write(Array(whitelist.utf8), to: layout.whitelist)
        try database.write(to: layout.database)
    }

    /// Applies the `.mu` file at `path` (copied into `micro_updates/` first).
    /// - Throws: `CartridgeError` (verification, `outOfSequence`, I/O), `ConfigurationError`
    ///   when the update's category or configuration lines are bad. Nothing changes on error.
    @discardableResult
    public func apply(contentsOf path: String) throws -> ApplyReport {
        let bytes = try AtomicFile.read(path)
        let update: MicroUpdate
        do { update = try MicroUpdate(decoding: bytes, limits: limits) } catch { throw error.at(path: path) }
        return try apply(update, encoded: bytes)
    }

    /// Applies `update` (written to `micro_updates/<serial>.mu` first).
    @discardableResult
    public func apply(_ update: MicroUpdate) throws -> ApplyReport {
        try apply(update, encoded: update.encoded())
    }

    private func apply(_ update: MicroUpdate, encoded: [UInt8]) throws -> ApplyReport {
        try writer.withLock { _ in
            let old = snapshot
            let (database, report) = try old.database.applying(update, limits: limits)
            let next = try CartridgeSnapshot(database: database, baseConfig: baseConfig, baseCategories: baseCategories,
                                             whitelist: whitelist, overlayPath: layout.update(update.serial))
            try AtomicFile.makeDirectory(layout.updates)
            try AtomicFile.makeDirectory(layout.states)
            let stored = layout.update(update.serial)
            if (try? AtomicFile.read(stored)) != encoded { try AtomicFile.write(encoded, to: stored) }
            try database.write(to: layout.state(update.serial))
            try layout.writeViable(update.serial)
            current.withLock { $0 = next }
            removeStaleStates(keeping: update.serial)
            return report
        }
    }

    /// Removes state files other than the viable one (left by earlier updates or crashes).
    private func removeStaleStates(keeping serial: UInt32) {
        for name in AtomicFile.list(layout.states) ?? [] where name != "viable" && name != "\(serial).db" {
            AtomicFile.remove(layout.states + "/" + name)
        }
    }
}
