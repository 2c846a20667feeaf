/// The files of a cartridge directory.
///
/// ```
/// cartridge.cfg            configuration (CartridgeConfig)
/// categories.cats          categories (CategoryTable)
/// whitelist.cfg            whitelist rules (Whitelist)
/// fingerprints.db          the base database (FingerprintDatabase file)
/// micro_updates/<serial>.mu   every micro-update applied or to apply
/// states/<serial>.db       the database after the update <serial> (only the viable one is kept)
/// states/viable            "<serial> <crc32 hex>": the serial of the last fully applied update
/// ```
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

    /// The serial `states/viable` records, or nil when there is no such file.
    /// - Throws: `CartridgeError.checksumMismatch` or `malformed` when it is damaged.
    func readViable() throws(CartridgeError) -> UInt32? {
        guard AtomicFile.exists(viable) else { return nil }
        let bytes = try AtomicFile.read(viable)
        let fields = String(decoding: bytes, as: UTF8.self).split(separator: " ")
        guard bytes.count <= 64, fields.count == 2, fields[1].hasSuffix("\n"),
              let serial = UInt32(fields[0]), let crc = UInt32(fields[1].dropLast(), radix: 16) else {
            throw .make(.malformed, "expected '<serial> <crc32>'", path: viable)
        }
        guard CRC32.checksum(Array(fields[0].utf8)) == crc else {
            throw .make(.checksumMismatch, "the serial's CRC-32 does not match", path: viable)
        }
        return serial
    }

    /// Records `serial` as viable, atomically.
    func writeViable(_ serial: UInt32) throws(CartridgeError) {
        let text = "\(serial)"
        let crc = String(CRC32.checksum(Array(text.utf8)), radix: 16)
        try AtomicFile.write(Array("\(text) \(crc)\n".utf8), to: viable)
    }
}
