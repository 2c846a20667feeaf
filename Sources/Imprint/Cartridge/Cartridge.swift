import Synchronization

/// An open cartridge directory (see `CartridgeLayout`): the current snapshot, swapped
/// atomically when a micro-update is applied.
///
/// Readers call `snapshot` (a lock held for one pointer copy) and keep the snapshot for as
/// long as they score; an update builds its new snapshot and writes its files without
/// holding that lock, so readers are never blocked behind file I/O or index building.
///
/// The state is log-structured: a compacted state (a full database file) plus the log of
/// micro-updates applied after it. Applying an update (`apply(contentsOf:)`) verifies it,
/// writes `micro_updates/<serial>.mu` (temporary file, fsync, rename, directory fsync), then
/// replaces `states/viable` the same way to name the compacted serial and this one; only
/// then does the update count as applied. A crash before that last rename leaves the
/// previous viable state in force; `init` reads nothing but the viable state.
///
/// Compaction writes the full state as `states/<serial>.db`, points `states/viable` at it
/// alone, then deletes the superseded state and `.mu` files. It runs at the start of the
/// `apply` that finds the log due (`CartridgeLimits.compactionDue`: by update count, or by
/// operations against the entry count), so an error in it changes nothing, and reopening
/// never replays more than the threshold plus one update.
///
/// - Complexity: an update costs O(u) for u operations (its snapshot shares the previous one's
///   storage: `CartridgeSnapshot.applying`), plus a compaction's O(n) for n entries once the
///   log's operations reach `compactionFraction` x n: O(u / compactionFraction) amortized.
///   Updates are serialized; readers are not.
public final class Cartridge: Sendable {
    public let layout: CartridgeLayout
    public let limits: CartridgeLimits
    private let current: Mutex<CartridgeSnapshot>
    private let writer: Mutex<Log>
    private let baseConfig: CartridgeConfig
    private let baseCategories: CategoryTable
    private let whitelist: Whitelist

    /// What the writer knows of the log on disk.
    private struct Log {
        var viable: CartridgeLayout.Viable
        var updates: Int
        var operations: Int
    }

    /// The current snapshot.
    public var snapshot: CartridgeSnapshot { current.withLock { $0 } }

    /// Where refused files are reported (`CartridgeEvent`).
    public let events: CartridgeEventLog

    /// Opens `directory`, verifying every file it loads: the three text files, the compacted
    /// state (the base database when none was written) and every update of the log.
    ///
    /// A damaged binary file does not stop the cartridge: when the viable state does not
    /// verify (a truncated, bit-flipped or foreign state or update, a broken log), it opens
    /// at the last viable state that does (`CartridgeLog.recover`: the newest state that
    /// verifies and the chain of verified updates after it) and reports each refused file
    /// and the serial it serves to `events`. `Cartridge.verify` stays strict.
    /// - Parameter events: where refused files are reported; one stderr line each by default.
    /// - Throws: `ConfigurationError` for a bad text file (there is no other copy to fall
    ///   back to), `CartridgeError` when no state of the directory verifies.
    public init(directory: String, limits: CartridgeLimits = .default, events: CartridgeEventLog = .standardError) throws {
        let layout = CartridgeLayout(directory: directory)
        self.layout = layout
        self.limits = limits
        self.events = events
        baseConfig = try CartridgeConfig(parsing: try Self.text(layout.config), path: layout.config)
        baseCategories = try CategoryTable(parsing: try Self.text(layout.categories), path: layout.categories)
        whitelist = try Whitelist(parsing: try Self.text(layout.whitelist), path: layout.whitelist)
        let opened: (snapshot: CartridgeSnapshot, viable: CartridgeLayout.Viable, log: [MicroUpdate])
        do {
            let (state, log, viable) = try CartridgeLog.read(layout, limits: limits)
            var snapshot = try CartridgeSnapshot(database: state, baseConfig: baseConfig, baseCategories: baseCategories,
                                                 whitelist: whitelist, overlayPath: layout.viable)
            for update in log { snapshot = try snapshot.applying(update, limits: limits, path: layout.update(update.serial)).0 }
            opened = (snapshot, viable, log)
        } catch let error where error is CartridgeError || error is ConfigurationError {
            opened = try Self.recover(layout, limits: limits, events: events, baseConfig: baseConfig,
                                      baseCategories: baseCategories, whitelist: whitelist)
        }
        current = Mutex(opened.snapshot)
        writer = Mutex(Log(viable: opened.viable, updates: opened.log.count, operations: opened.log.reduce(0) { $0 + $1.operationCount }))
    }

    static func text(_ path: String) throws -> String {
        try TextLines.text(try AtomicFile.read(path), path: path)
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
        do {
            let bytes = try AtomicFile.read(path)
            let update: MicroUpdate
            do { update = try MicroUpdate(decoding: bytes, limits: limits) } catch { throw error.at(path: path) }
            return try apply(update, encoded: bytes)
        } catch {
            events.record(CartridgeEvent(path: path, reason: String(describing: error), outcome: "still serving \(snapshot.version)"))
            throw error
        }
    }

    /// Applies `update` (written to `micro_updates/<serial>.mu` first). What is applied is the
    /// file's decoding, exactly as a reopening replays it (the file groups operations by kind,
    /// which decides the numbers of added entries, and refuses what cannot be stored, such as
    /// a non-finite mass delta).
    @discardableResult
    public func apply(_ update: MicroUpdate) throws -> ApplyReport {
        let bytes = update.encoded()
        return try apply(try MicroUpdate(decoding: bytes, limits: limits), encoded: bytes)
    }

    private func apply(_ update: MicroUpdate, encoded: [UInt8]) throws -> ApplyReport {
        try writer.withLock { log in
            if limits.compactionDue(updates: log.updates, operations: log.operations, entries: snapshot.overlay.liveCount) {
                try compact(&log)
            }
            let stored = layout.update(update.serial)
            let (next, report) = try snapshot.applying(update, limits: limits, path: stored)
            try AtomicFile.makeDirectory(layout.updates)
            try AtomicFile.makeDirectory(layout.states)
            if (try? AtomicFile.read(stored)) != encoded {
                try AtomicFile.write(encoded, to: stored)
            } else {
                try AtomicFile.syncDirectory(of: stored)
            }
            let viable = CartridgeLayout.Viable(compacted: log.viable.compacted, last: update.serial)
            try layout.writeViable(viable)
            log = Log(viable: viable, updates: log.updates + 1, operations: log.operations + update.operationCount)
            current.withLock { $0 = next }
            return report
        }
    }

    /// Writes the current state whole, makes it the compacted state, and deletes the files it
    /// supersedes. The published snapshot keeps its content (its entry numbers change).
    private func compact(_ log: inout Log) throws {
        let snapshot = self.snapshot
        let serial = snapshot.version.serial
        let path = layout.state(serial)
        try snapshot.database.write(to: path)
        let compacted = snapshot.overlay.isEmpty ? snapshot : try snapshot.rebuilt(path: path)
        let viable = CartridgeLayout.Viable(compacted: serial, last: serial)
        try layout.writeViable(viable)
        log = Log(viable: viable, updates: 0, operations: 0)
        current.withLock { $0 = compacted }
        removeSuperseded(keeping: serial)
    }

    /// Removes state files other than the compacted one, and the updates up to it (a crash
    /// may leave some: they are never read, and the next compaction removes them).
    private func removeSuperseded(keeping serial: UInt32) {
        for name in AtomicFile.list(layout.states) ?? [] where name != "viable" && name != "\(serial).db" {
            AtomicFile.remove(layout.states + "/" + name)
        }
        for name in AtomicFile.list(layout.updates) ?? [] {
            let stem = name.hasSuffix(".mu.tmp") ? name.dropLast(7) : name.hasSuffix(".mu") ? name.dropLast(3) : ""
            if let number = UInt32(stem), number <= serial { AtomicFile.remove(layout.updates + "/" + name) }
        }
    }
}
