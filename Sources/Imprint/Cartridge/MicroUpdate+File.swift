/// The `.mu` file: a `SectionContainer` with magic `IMPRCMU1`, the same checks as the base
/// database.
///
/// Sections: type 1 metadata (`serial=` and `predecessor=` lines; exactly one), type 2 and 3
/// category and configuration lines (at most one each), then per kind: type 17 removes
/// (values only, as `EntryColumns.encodeValues`), type 16 adds (`EntryColumns`), type 18
/// re-weights (values, then spam, ham, phishing, virus deltas, Float32 x count each).
extension MicroUpdate {
    static let magic = Array("IMPRCMU1".utf8)

    enum SectionType {
        static let remove: UInt16 = 17
        static let reweight: UInt16 = 18
    }

    /// The file image of this update.
    public func encoded(level: Int32 = 6) -> [UInt8] {
        typealias Section = SectionContainer.Section
        typealias Types = FingerprintDatabase.SectionType
        var sections = [Section(type: Types.metadata, kind: 0, items: 2,
                                payload: TextSection.encode(["serial=\(serial)", "predecessor=\(predecessor)"]))]
        if !categoryLines.isEmpty {
            sections.append(Section(type: Types.categories, kind: 0, items: UInt32(categoryLines.count), payload: TextSection.encode(categoryLines)))
        }
        if !configLines.isEmpty {
            sections.append(Section(type: Types.config, kind: 0, items: UInt32(configLines.count), payload: TextSection.encode(configLines)))
        }
        for (kind, group) in Dictionary(grouping: removes, by: \.kind).sorted(by: { $0.key < $1.key }) {
            var writer = ByteWriter()
            let flat = ValueList(group.map(\.value))
            EntryColumns.encodeValues(flat.ranges, bytes: flat.bytes, into: &writer)
            sections.append(Section(type: SectionType.remove, kind: kind.rawValue, items: UInt32(group.count), payload: writer.bytes))
        }
        for (kind, group) in Dictionary(grouping: adds, by: \.fingerprint.kind).sorted(by: { $0.key < $1.key }) {
            var database = FingerprintDatabase(version: CartridgeVersion())
            for entry in group { database.append(entry) }
            sections.append(Section(type: Types.entries, kind: kind.rawValue, items: UInt32(group.count),
                                    payload: EntryColumns.encode(database, indexes: Array(0..<group.count))))
        }
        for (kind, group) in Dictionary(grouping: reweights, by: \.fingerprint.kind).sorted(by: { $0.key < $1.key }) {
            var writer = ByteWriter()
            let flat = ValueList(group.map(\.fingerprint.value))
            EntryColumns.encodeValues(flat.ranges, bytes: flat.bytes, into: &writer)
            for change in group { writer.write(change.spam) }
            for change in group { writer.write(change.ham) }
            for change in group { writer.write(change.phishing) }
            for change in group { writer.write(change.virus) }
            sections.append(Section(type: SectionType.reweight, kind: kind.rawValue, items: UInt32(group.count), payload: writer.bytes))
        }
        return SectionContainer.encode(magic: Self.magic, sections: sections, level: level)
    }

    /// Verifies and decodes a `.mu` file image.
    /// - Throws: `CartridgeError` naming the section and offset of the first fault.
    public init(decoding file: [UInt8], limits: CartridgeLimits = .default) throws(CartridgeError) {
        typealias Types = FingerprintDatabase.SectionType
        let sections = try SectionContainer.decode(file, magic: Self.magic, limits: limits)
        var header: (serial: UInt32, predecessor: UInt32)?
        var update = MicroUpdate(serial: 0, predecessor: 0)
        var operations = 0
        for (index, section) in sections.enumerated() {
            let kind = FingerprintKind(rawValue: section.kind)
            let count = Int(section.items)
            if section.type >= Types.entries {
                operations += count
                guard operations <= limits.maxUpdateOperations else {
                    throw .make(.limitExceeded, "\(operations) operations is over maxUpdateOperations", section: index)
                }
            }
            switch section.type {
            case Types.metadata where header == nil:
                header = try Self.decodeHeader(TextSection.decode(section.payload, section: index, limits: limits), section: index)
            case Types.categories where update.categoryLines.isEmpty:
                update.categoryLines = try TextSection.decode(section.payload, section: index, limits: limits)
            case Types.config where update.configLines.isEmpty:
                update.configLines = try TextSection.decode(section.payload, section: index, limits: limits)
            case SectionType.remove:
                var reader = ByteReader(section.payload, section: index)
                let values = try EntryColumns.decodeValues(&reader, count: count, kind: kind, limits: limits)
                try reader.expectEnd()
                update.removes += values.map { Fingerprint(kind: kind, value: Array($0)) }
            case Types.entries:
                var database = FingerprintDatabase(version: CartridgeVersion())
                try EntryColumns.decode(section.payload, section: index, kind: kind, count: count, limits: limits, into: &database)
                update.adds += database.entries
            case SectionType.reweight:
                var reader = ByteReader(section.payload, section: index)
                let values = try EntryColumns.decodeValues(&reader, count: count, kind: kind, limits: limits)
                guard reader.remaining == count * 16 else { throw reader.malformed("re-weight columns of \(reader.remaining) bytes for \(count) entries") }
                var columns: [[Float]] = []
                for _ in 0..<4 {
                    var column: [Float] = []
                    for _ in 0..<count {
                        let delta = try reader.readFloat()
                        guard delta.isFinite else { throw reader.malformed("a non-finite mass delta") }
                        column.append(delta)
                    }
                    columns.append(column)
                }
                for (row, value) in values.enumerated() {
                    update.reweights.append(Reweight(fingerprint: Fingerprint(kind: kind, value: Array(value)), spam: columns[0][row],
                                                     ham: columns[1][row], phishing: columns[2][row], virus: columns[3][row]))
                }
            default:
                throw .make(.malformed, "unexpected or repeated section type \(section.type)", section: index)
            }
        }
        guard let header else { throw .make(.malformed, "no metadata section") }
        update.serial = header.serial
        update.predecessor = header.predecessor
        guard update.serial > update.predecessor else {
            throw .make(.malformed, "serial \(update.serial) does not follow predecessor \(update.predecessor)", section: 0)
        }
        self = update
    }

    static func decodeHeader(_ lines: [String], section: Int) throws(CartridgeError) -> (serial: UInt32, predecessor: UInt32) {
        var fields: [String: UInt32] = [:]
        for line in lines {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = UInt32(parts[1]), fields.updateValue(value, forKey: parts[0]) == nil else {
                throw .make(.malformed, "bad metadata line '\(line)'", section: section)
            }
        }
        guard fields.count == 2, let serial = fields["serial"], let predecessor = fields["predecessor"] else {
            throw .make(.malformed, "metadata needs exactly serial and predecessor", section: section)
        }
        return (serial, predecessor)
    }

    /// Reads and verifies the `.mu` file at `path`.
    public init(contentsOf path: String, limits: CartridgeLimits = .default) throws(CartridgeError) {
        let bytes = try AtomicFile.read(path)
        do {
            try self.init(decoding: bytes, limits: limits)
        } catch {
            throw error.at(path: path)
        }
    }
}

/// Values concatenated, with their ranges.
struct ValueList {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []

    init(_ values: [[UInt8]]) {
        for value in values {
            ranges.append(bytes.count..<bytes.count + value.count)
            bytes += value
        }
    }
}
