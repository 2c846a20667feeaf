/// The files of a cartridge directory.
///
/// ```
/// cartridge.cfg            configuration (CartridgeConfig)
/// categories.cats          categories (CategoryTable)
/// whitelist.cfg            whitelist rules (Whitelist)
/// fingerprints.db          the base database (FingerprintDatabase file)
/// micro_updates/<serial>.mu   the micro-updates applied since the last compaction (the log),
///                          and any copied in but not yet applied
/// states/<serial>.db       the compacted state: the database after update <serial>
///                          (only the viable one is kept)
/// states/viable            "<compacted serial> <last serial> <crc32 hex>" (see `Viable`)
/// ```
/// The viable state is the compacted state (or the base database) with the log applied.
/// With no `states/viable` the cartridge is at the base database.
public struct CartridgeLayout: Sendable {
    public let directory: String

    public init(directory: String) {
        var trimmed = directory
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.directory = trimmed
    }

    public var config: String { directory + "/cartridge.cfg" }
    public var categories: String { directory + "/categories.cats" }
    public var whitelist: String { directory + "/whitelist.cfg" }
    public var database: String { directory + "/fingerprints.db" }
    public var updates: String { directory + "/micro_updates" }
    public var states: String { directory + "/states" }
    public var viable: String { states + "/viable" }

    public func update(_ serial: UInt32) -> String { updates + "/\(serial).mu" }
    public func state(_ serial: UInt32) -> String { states + "/\(serial).db" }

    /// The viable state: the serial of the compacted state and of the last applied update.
    public struct Viable: Hashable, Sendable {
        /// The state written whole: `states/<compacted>.db`, or the base database when no
        /// compaction has happened since it (its serial is then `compacted`).
        public var compacted: UInt32
        /// The last applied update: the log is the chain of `.mu` files from `compacted`
        /// (exclusive) to `last` (inclusive), linked by their predecessor serials.
        public var last: UInt32
    }

    /// What `states/viable` records, or nil when there is no such file. The earlier form
    /// `<serial> <crc32>` (a full state per update) reads as compacted = last = serial.
    /// - Throws: `CartridgeError.checksumMismatch` or `malformed` when it is damaged.
    func readViable() throws(CartridgeError) -> Viable? {
        guard AtomicFile.exists(viable) else { return nil }
        let bytes = try AtomicFile.read(viable)
        let text = String(decoding: bytes, as: UTF8.self)
        let fields = text.split(separator: " ", omittingEmptySubsequences: false)
        guard bytes.count <= 64, text.hasSuffix("\n"), (2...3).contains(fields.count),
              let crc = UInt32(fields[fields.count - 1].dropLast(), radix: 16) else {
            throw .make(.malformed, "expected '<compacted serial> <last serial> <crc32>'", path: viable)
        }
        let serials = fields.dropLast().map { UInt32($0) }
        guard let compacted = serials.first!, let last = serials.last! else {
            throw .make(.malformed, "expected '<compacted serial> <last serial> <crc32>'", path: viable)
        }
        guard CRC32.checksum(Array(fields.dropLast().joined(separator: " ").utf8)) == crc else {
            throw .make(.checksumMismatch, "the serials' CRC-32 does not match", path: viable)
        }
        guard compacted <= last else { throw .make(.malformed, "compacted serial \(compacted) is after the last \(last)", path: viable) }
        return Viable(compacted: compacted, last: last)
    }

    /// Records `state` as viable, atomically: `<compacted> <last> <crc32 hex>`.
    func writeViable(_ state: Viable) throws(CartridgeError) {
        let text = "\(state.compacted) \(state.last)"
        let crc = String(CRC32.checksum(Array(text.utf8)), radix: 16)
        try AtomicFile.write(Array("\(text) \(crc)\n".utf8), to: viable)
    }
}
