import Foundation
@testable import Imprint
import ImprintTestSupport

/// Seeded synthetic cartridge contents for the cartridge and index tests.
enum CartridgeTestData {
    static let kinds: [FingerprintKind] = [.exactBodySHA256, .pdq, .simhash, .tlsh, .url, .host, .ctph]

    /// A random entry of `kind` (fixed width, or 5...60 bytes).
    static func entry(_ kind: FingerprintKind, using generator: inout SeededGenerator, serial: UInt32 = 1) -> CartridgeEntry {
        let width = kind.fixedWidth ?? Int.random(in: 5...60, using: &generator)
        let categories: [CategoryCode] = [.legitimate, .spam, .bulk, .phishing, .virus, CategoryCode(1, 2)]
        return CartridgeEntry(
            fingerprint: Fingerprint(kind: kind, value: generator.bytes(width)),
            category: categories.randomElement(using: &generator)!,
            reputation: Reputation(spam: Float(Int.random(in: 0...40, using: &generator)) / 4,
                                   ham: Float(Int.random(in: 0...8, using: &generator)) / 8,
                                   phishing: 0.5, virus: 0, firstSeen: serial, lastSeen: serial))
    }

    static func entries(_ count: Int, seed: UInt64) -> [CartridgeEntry] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in entry(kinds.randomElement(using: &generator)!, using: &generator) }
    }

    static func database(_ count: Int, seed: UInt64, serial: UInt32 = 0) throws -> FingerprintDatabase {
        var database = try FingerprintDatabase(version: CartridgeVersion(generation: 2, major: 1, minor: 3, serial: serial),
                                               entries: entries(count, seed: seed))
        database.version.serial = serial
        return database
    }

    /// The update that follows `database`: removes, adds, re-weights and, every third
    /// serial, a configuration line and a category line.
    static func update(after database: FingerprintDatabase, seed: UInt64) -> MicroUpdate {
        var generator = SeededGenerator(seed: seed)
        let serial = database.version.serial + 1
        var update = MicroUpdate(serial: serial, predecessor: database.version.serial)
        for _ in 0..<min(3, database.count) {
            update.removes.append(database.entry(at: Int.random(in: 0..<database.count, using: &generator)).fingerprint)
        }
        for _ in 0..<5 { update.adds.append(entry(kinds.randomElement(using: &generator)!, using: &generator, serial: serial)) }
        if database.count > 0 {
            update.reweights.append(.init(fingerprint: database.entry(at: Int.random(in: 0..<database.count, using: &generator)).fingerprint,
                                          spam: 1, ham: -0.25))
        }
        if serial % 3 == 0 {
            update.configLines.append("minimum score = \(60 + serial % 30)")
            update.categoryLines.append("1.\(serial % 50 + 1)\tsub\(serial)\tsub-category added by update \(serial)")
        }
        return update
    }

    /// A fresh temporary directory path (not created).
    static func temporaryDirectory(_ label: String) -> String {
        let base = FileManager.default.temporaryDirectory.path
        return "\(base)/imprint-\(label)-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }

    static let config = """
        # test cartridge
        favor analysis over speed = no
        micro-update signature type = comprehensive_sender_rep.4
        use ip information = yes
        use envelope for ip information = no
        image processing depth = high
        show categories = yes
        minimum score = 80
        """

    static let categories = "1.2\tsnowshoe\tSnowshoe spam\n8\tscam\tAdvance-fee fraud\n"

    static let whitelist = """
        from alice@example.com
        ip 192.0.2.0/24
        header X-Trusted /^yes$/i
        """

    /// A cartridge directory holding `database` and the texts above.
    static func makeCartridge(_ database: FingerprintDatabase, label: String) throws -> String {
        let directory = temporaryDirectory(label)
        try Cartridge.create(at: directory, database: database, config: config, categories: categories, whitelist: whitelist)
        return directory
    }
}
