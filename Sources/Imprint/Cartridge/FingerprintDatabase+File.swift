/// The base database file and the state files: a `SectionContainer` with magic `IMPRCDB1`.
///
/// Sections: type 1 metadata (`key=value` lines: generation, major, minor, serial; exactly
/// one), type 2 category lines and type 3 configuration lines added by micro-updates (at most
/// one each), type 16 entries of one kind (the table's `kind` field; at most one per kind,
/// payload as `EntryColumns`). Unknown section types are refused: a reader never guesses.
extension FingerprintDatabase {
    static let magic = Array("IMPRCDB1".utf8)

    enum SectionType {
        static let metadata: UInt16 = 1
        static let categories: UInt16 = 2
        static let config: UInt16 = 3
        static let entries: UInt16 = 16
    }

    /// The file image of this database.
    /// - Parameter level: zlib level, 0 (store) to 9.
    public func encoded(level: Int32 = 6) -> [UInt8] {
        var sections = [SectionContainer.Section(type: SectionType.metadata, kind: 0, items: 4,
                                                 payload: TextSection.encode(metadataLines))]
        if !categoryLines.isEmpty {
            sections.append(.init(type: SectionType.categories, kind: 0, items: UInt32(categoryLines.count),
                                  payload: TextSection.encode(categoryLines)))
        }
        if !configLines.isEmpty {
            sections.append(.init(type: SectionType.config, kind: 0, items: UInt32(configLines.count),
                                  payload: TextSection.encode(configLines)))
        }
        for (kind, indexes) in indexesByKind().sorted(by: { $0.key < $1.key }) {
            sections.append(.init(type: SectionType.entries, kind: kind.rawValue, items: UInt32(indexes.count),
                                  payload: EntryColumns.encode(self, indexes: indexes)))
        }
        return SectionContainer.encode(magic: Self.magic, sections: sections, level: level)
    }

    var metadataLines: [String] {
        ["generation=\(version.generation)", "major=\(version.major)", "minor=\(version.minor)", "serial=\(version.serial)"]
    }

    /// Verifies and decodes a database file image in one pass.
    /// - Throws: `CartridgeError` naming the section and offset of the first fault; a
    ///   duplicate fingerprint is `duplicateEntry`.
    public init(decoding file: [UInt8], limits: CartridgeLimits = .default) throws(CartridgeError) {
        let sections = try SectionContainer.decode(file, magic: Self.magic, limits: limits)
        var version: CartridgeVersion?
        var database = FingerprintDatabase(version: CartridgeVersion())
        var seenKinds = Set<UInt16>()
        var total = 0
        for (index, section) in sections.enumerated() {
            switch section.type {
            case SectionType.metadata where version == nil:
                version = try Self.decodeVersion(TextSection.decode(section.payload, section: index, limits: limits), section: index)
            case SectionType.categories where database.categoryLines.isEmpty:
                database.categoryLines = try TextSection.decode(section.payload, section: index, limits: limits)
            case SectionType.config where database.configLines.isEmpty:
                database.configLines = try TextSection.decode(section.payload, section: index, limits: limits)
            case SectionType.entries:
                guard seenKinds.insert(section.kind).inserted else {
                    throw .make(.malformed, "a second section of kind \(section.kind)", section: index)
                }
                total += Int(section.items)
                guard total <= limits.maxEntries else {
                    throw .make(.limitExceeded, "\(total) entries is over maxEntries \(limits.maxEntries)", section: index)
                }
                try EntryColumns.decode(section.payload, section: index, kind: FingerprintKind(rawValue: section.kind),
                                        count: Int(section.items), limits: limits, into: &database)
            default:
                throw .make(.malformed, "unexpected or repeated section type \(section.type)", section: index)
            }
        }
        guard let version else { throw .make(.malformed, "no metadata section") }
        database.version = version
        _ = try ExactIndex(database: database)
        self = database
    }

    static func decodeVersion(_ lines: [String], section: Int) throws(CartridgeError) -> CartridgeVersion {
        var fields: [String: UInt32] = [:]
        for line in lines {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = UInt32(parts[1]), fields.updateValue(value, forKey: parts[0]) == nil else {
                throw .make(.malformed, "bad metadata line '\(line)'", section: section)
            }
        }
        guard fields.count == 4, let g = fields["generation"], let ma = fields["major"], let mi = fields["minor"], let s = fields["serial"] else {
            throw .make(.malformed, "metadata needs exactly generation, major, minor and serial", section: section)
        }
        return CartridgeVersion(generation: g, major: ma, minor: mi, serial: s)
    }

    /// Reads and verifies the database file at `path`.
    public init(contentsOf path: String, limits: CartridgeLimits = .default) throws(CartridgeError) {
        let bytes = try AtomicFile.read(path)
        do {
            try self.init(decoding: bytes, limits: limits)
        } catch {
            throw error.at(path: path)
        }
    }

    /// Writes the database to `path` atomically (temporary file, fsync, rename, fsync of the directory).
    public func write(to path: String) throws(CartridgeError) {
        try AtomicFile.write(encoded(), to: path)
    }
}

/// A section of UTF-8 text lines separated by `\n`.
enum TextSection {
    static func encode(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }

    static func decode(_ payload: [UInt8], section: Int, limits: CartridgeLimits) throws(CartridgeError) -> [String] {
        guard payload.count <= limits.maxTextBytes else {
            throw .make(.limitExceeded, "\(payload.count) bytes of text is over maxTextBytes", section: section)
        }
        guard let text = String(validating: payload, as: UTF8.self) else {
            throw .make(.malformed, "text is not UTF-8", section: section)
        }
        return text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
