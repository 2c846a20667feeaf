/// What `imprint cartridge info` prints: version, entry counts per kind and per category,
/// file and index sizes.
public struct CartridgeInfo: Sendable {
    public var version: CartridgeVersion
    public var entries: Int
    public var perKind: [(kind: FingerprintKind, count: Int)]
    public var perCategory: [(category: CategoryCode, name: String, count: Int)]
    /// Files of the directory with their sizes in bytes.
    public var files: [(path: String, bytes: Int)]
    /// Bytes held in memory by the exact index.
    public var exactIndexBytes: Int
    /// Bytes held by the similarity indexes.
    public var similarityIndexBytes: Int

    /// `key: value` lines for printing.
    public var lines: [String] {
        var lines = ["version: \(version)", "entries: \(entries)"]
        lines += perKind.map { "kind \($0.kind): \($0.count)" }
        lines += perCategory.map { "category \($0.category) \($0.name): \($0.count)" }
        lines += files.map { "file \($0.path): \($0.bytes) bytes" }
        lines.append("exact index: \(exactIndexBytes) bytes")
        lines.append("similarity indexes: \(similarityIndexBytes) bytes")
        return lines
    }
}

extension Cartridge {
    /// Counts and sizes of the current snapshot and of the directory's files.
    public func info() -> CartridgeInfo {
        let snapshot = self.snapshot
        let database = snapshot.database
        var kinds: [FingerprintKind: Int] = [:]
        var categories: [CategoryCode: Int] = [:]
        for index in 0..<database.count {
            kinds[database.kind(at: index), default: 0] += 1
            categories[database.category(at: index), default: 0] += 1
        }
        var files: [(String, Int)] = []
        for path in [layout.config, layout.categories, layout.whitelist, layout.database, layout.viable] {
            if let size = AtomicFile.size(path) { files.append((path, size)) }
        }
        for folder in [layout.states, layout.updates] {
            for name in AtomicFile.list(folder) ?? [] where name != "viable" {
                if let size = AtomicFile.size(folder + "/" + name) { files.append((folder + "/" + name, size)) }
            }
        }
        return CartridgeInfo(
            version: snapshot.version, entries: database.count,
            perKind: kinds.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            perCategory: categories.sorted { $0.key < $1.key }.map { code, count in
                let names = snapshot.categories.describeCategory(code)
                let name = [names.category?.name, code.subcategory == 0 ? nil : names.subcategory?.name].compactMap { $0 }.joined(separator: "/")
                return (code, name.isEmpty ? "?" : name, count)
            },
            files: files, exactIndexBytes: snapshot.exact.memoryBytes, similarityIndexBytes: snapshot.similarity.memoryBytes)
    }

    /// Verifies the whole directory: the text files and the viable state (as `init` does), the
    /// base database, every file in `micro_updates/`, and that replaying the log over the
    /// compacted state with the full-rebuild reference (`FingerprintDatabase.applying`)
    /// reproduces the viable state the overlay path built.
    /// - Returns: notes on what was checked (one line each).
    /// - Throws: the first `CartridgeError` or `ConfigurationError` found.
    public static func verify(directory: String, limits: CartridgeLimits = .default) throws -> [String] {
        let cartridge = try Cartridge(directory: directory, limits: limits, events: .silent)
        let layout = cartridge.layout
        let viable = cartridge.snapshot.database
        var notes = ["\(layout.config), \(layout.categories), \(layout.whitelist): ok", "viable state \(viable.version): ok"]
        let base = try FingerprintDatabase(contentsOf: layout.database, limits: limits)
        notes.append("\(layout.database): ok (\(base.count) entries, serial \(base.version.serial))")
        var count = 0
        for name in AtomicFile.list(layout.updates) ?? [] where name.hasSuffix(".mu") {
            let path = layout.updates + "/" + name
            let update = try MicroUpdate(contentsOf: path, limits: limits)
            guard name == "\(update.serial).mu" else {
                throw CartridgeError.make(.malformed, "holds serial \(update.serial)", path: path)
            }
            count += 1
        }
        notes.append("\(layout.updates): \(count) updates ok")
        let (state, log, recorded) = try CartridgeLog.read(layout, limits: limits)
        var replay = state
        for update in log { replay = try replay.applying(update, limits: limits).0 }
        guard replay.version == viable.version, replay.contentDigest() == viable.contentDigest() else {
            throw CartridgeError.make(.malformed, "replaying the log over the compacted state does not give the viable state", path: layout.viable)
        }
        notes.append("replay of the log from the compacted state \(recorded.compacted) to \(recorded.last) (\(log.count) updates): identical")
        return notes
    }
}
