/// The cartridge targets of `FuzzTarget`: the base database and micro-update readers.
///
/// The first byte of the input chooses how the rest reaches the reader:
/// - even: the rest is a file image, read as the engine reads `base.imprint` or a `.mu` file
///   (every checksum must hold, so this exercises the container checks);
/// - odd: the rest is a list of section records (`records(ofFile:magic:)` writes them) that
///   `SectionContainer.encode` seals with correct lengths and CRC-32s, uncompressed (zlib
///   level 0), before the same reader decodes them. This lets the fuzzer reach the section
///   payloads (entry columns, text lines, re-weights), which a random byte flip in a sealed
///   file never does.
///
/// A record is `type UInt16, kind UInt16, items UInt32, length UInt32` (little-endian) then
/// `length` payload bytes; a record cut short by the end of the input keeps what is there.
enum CartridgeFuzzing {
    /// Small bounds so that a run stays fast: 64 sections, 100,000 entries or operations,
    /// 4 MiB a section, 1 MiB of text.
    static let limits = CartridgeLimits(maxSections: 64, maxEntries: 100_000, maxUpdateOperations: 100_000,
                                        maxSectionBytes: 4 << 20, maxTextBytes: 1 << 20)

    /// `FingerprintDatabase(decoding:)`, then the snapshot the engine builds over it (indexes,
    /// its configuration and category lines) and a re-encoding that must read back the same.
    static func database(_ data: UnsafeRawBufferPointer) -> FuzzTarget.Outcome {
        guard let file = fileImage(data, magic: FingerprintDatabase.magic) else { return .rejected("empty") }
        let database: FingerprintDatabase
        do {
            database = try FingerprintDatabase(decoding: file, limits: limits)
        } catch {
            return .rejected("\(error)")
        }
        do {
            let snapshot = try CartridgeSnapshot(database: database, baseConfig: CartridgeConfig(), baseCategories: CategoryTable(),
                                                 whitelist: Whitelist(), overlayPath: "fuzz")
            fuzzSink ^= UInt64(snapshot.database.count)
        } catch {
            return .rejected("\(error)")
        }
        let again = try? FingerprintDatabase(decoding: database.encoded(level: 1), limits: limits)
        precondition(again?.count == database.count && again?.version == database.version,
                     "a decoded database does not read back after encoding")
        return .accepted
    }

    /// `MicroUpdate(decoding:)`, then applying it to a snapshot at its predecessor serial (one
    /// entry per fingerprint kind it touches is already there, so removes and re-weights find
    /// something), and a re-encoding that must read back with the same operation count.
    static func microUpdate(_ data: UnsafeRawBufferPointer) -> FuzzTarget.Outcome {
        guard let file = fileImage(data, magic: MicroUpdate.magic) else { return .rejected("empty") }
        let update: MicroUpdate
        do {
            update = try MicroUpdate(decoding: file, limits: limits)
        } catch {
            return .rejected("\(error)")
        }
        var database = FingerprintDatabase(version: CartridgeVersion(generation: 1, major: 1, minor: 0, serial: update.predecessor))
        var seen = Set<FingerprintKind>()
        for fingerprint in update.removes + update.reweights.map(\.fingerprint) where !seen.contains(fingerprint.kind) {
            guard (try? FingerprintDatabase.validate(fingerprint, limits: limits)) != nil else { continue }
            seen.insert(fingerprint.kind)
            database.append(CartridgeEntry(fingerprint: fingerprint, category: CategoryCode(1, 0), reputation: Reputation(spam: 1)))
        }
        do {
            let snapshot = try CartridgeSnapshot(database: database, baseConfig: CartridgeConfig(), baseCategories: CategoryTable(),
                                                 whitelist: Whitelist(), overlayPath: "fuzz")
            let (next, report) = try snapshot.applying(update, limits: limits, path: "fuzz.mu")
            fuzzSink ^= UInt64(next.database.count + report.added)
        } catch {
            return .rejected("\(error)")
        }
        let again = try? MicroUpdate(decoding: update.encoded(level: 1), limits: limits)
        precondition(again?.operationCount == update.operationCount, "a decoded micro-update does not read back after encoding")
        return .accepted
    }

    /// The file image the reader gets: the input after its mode byte, or its records sealed.
    static func fileImage(_ data: UnsafeRawBufferPointer, magic: [UInt8]) -> [UInt8]? {
        guard let mode = data.first else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: data[1...])
        guard mode & 1 == 1 else { return Array(body) }
        var sections: [SectionContainer.Section] = []
        var at = 0
        func read(_ size: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in 0..<size where at + index < body.count { value |= UInt64(body[at + index]) << (8 * index) }
            at += size
            return value
        }
        while at < body.count, sections.count < limits.maxSections {
            let type = UInt16(read(2)), kind = UInt16(read(2)), items = UInt32(read(4)), length = Int(read(4))
            let start = min(at, body.count), end = min(body.count, start + length)
            sections.append(.init(type: type, kind: kind, items: items, payload: Array(body[start..<end])))
            at = end
        }
        return SectionContainer.encode(magic: magic, sections: sections, level: 0)
    }

    /// The records form (odd mode byte first) of a sealed database or micro-update file, for
    /// seeding the fuzzer from real files.
    /// - Throws: `CartridgeError` when `file` does not verify.
    static func records(ofFile file: [UInt8], magic: [UInt8]) throws(CartridgeError) -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes.append(1)
        for section in try SectionContainer.decode(file, magic: magic, limits: .default) {
            writer.write(section.type)
            writer.write(section.kind)
            writer.write(section.items)
            writer.write(UInt32(section.payload.count))
            writer.bytes.append(contentsOf: section.payload)
        }
        return writer.bytes
    }
}
