@testable import Imprint
import ImprintTestSupport
import Testing

/// The database and micro-update files: round trips, and every kind of damage detected with
/// a typed error that says where.
@Suite struct CartridgeFormatTests {
    @Test func databaseRoundTripsExactly() throws {
        let database = try CartridgeTestData.database(2000, seed: 11, serial: 7)
        let decoded = try FingerprintDatabase(decoding: database.encoded())
        #expect(decoded.count == 2000)
        #expect(decoded.version == CartridgeVersion(generation: 2, major: 1, minor: 3, serial: 7))
        #expect(decoded.contentDigest() == database.contentDigest())
        #expect(Set(decoded.entries) == Set(database.entries))
        let index = try ExactIndex(database: decoded)
        for entry in database.entries {
            let found = try #require(index.lookup(entry.fingerprint, in: decoded))
            #expect(decoded.entry(at: found) == entry)
        }
        #expect(index.lookup(Fingerprint(kind: .url, value: Array("absent".utf8)), in: decoded) == nil)
    }

    @Test func emptyDatabaseRoundTrips() throws {
        let database = FingerprintDatabase(version: CartridgeVersion())
        #expect(try FingerprintDatabase(decoding: database.encoded()).count == 0)
    }

    @Test func everyFlippedByteOfASmallDatabaseIsDetected() throws {
        var database = try CartridgeTestData.database(12, seed: 5)
        database.configLines = ["minimum score = 70"]
        let file = database.encoded()
        for position in file.indices {
            for mask: UInt8 in [0x01, 0x80] {
                var damaged = file
                damaged[position] ^= mask
                #expect(throws: CartridgeError.self, "flip at \(position)") { try FingerprintDatabase(decoding: damaged) }
            }
        }
    }

    @Test func seededFlipsOfALargerDatabaseAreDetected() throws {
        let file = try CartridgeTestData.database(5000, seed: 6).encoded()
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<300 {
            var damaged = file
            damaged[Int.random(in: 0..<file.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            #expect(throws: CartridgeError.self) { try FingerprintDatabase(decoding: damaged) }
        }
    }

    @Test func everyFlippedByteOfAnUpdateIsDetected() throws {
        let database = try CartridgeTestData.database(20, seed: 8)
        let file = CartridgeTestData.update(after: try CartridgeTestData.database(20, seed: 8, serial: 2), seed: 3).encoded()
        _ = database
        #expect(try MicroUpdate(decoding: file).serial == 3)
        for position in file.indices {
            var damaged = file
            damaged[position] ^= 0x10
            #expect(throws: CartridgeError.self, "flip at \(position)") { try MicroUpdate(decoding: damaged) }
        }
    }

    @Test func errorsSayWhatAndWhere() throws {
        let file = try CartridgeTestData.database(50, seed: 9).encoded()
        func error(_ bytes: [UInt8]) -> CartridgeError? {
            do { _ = try FingerprintDatabase(decoding: bytes); return nil } catch { return error }
        }
        #expect(error(Array(file.prefix(10)))?.code == .truncated)
        #expect(error(Array("IMPRCMU1".utf8) + file.dropFirst(8))?.code == .badMagic)
        var table = file
        table[40] ^= 1
        #expect(error(table)?.code == .checksumMismatch)
        #expect(error(table)?.offset == 24)
        var body = file
        body[body.count - 3] ^= 1
        let last = try #require(error(body))
        #expect(last.code == .checksumMismatch)
        #expect(last.section != nil)
        #expect(error(file + [0])?.code == .truncated)
        #expect(error(Array(file.dropLast()))?.code == .truncated)
    }

    @Test func limitsAreEnforcedBeforeLoading() throws {
        let file = try CartridgeTestData.database(100, seed: 10).encoded()
        #expect {
            try FingerprintDatabase(decoding: file, limits: CartridgeLimits(maxEntries: 50))
        } throws: { ($0 as? CartridgeError)?.code == .limitExceeded }
        #expect {
            try FingerprintDatabase(decoding: file, limits: CartridgeLimits(maxSections: 2))
        } throws: { ($0 as? CartridgeError)?.code == .limitExceeded }
    }

    @Test func duplicateFingerprintsAreRefused() throws {
        var generator = SeededGenerator(seed: 12)
        let entry = CartridgeTestData.entry(.url, using: &generator)
        #expect {
            try FingerprintDatabase(version: CartridgeVersion(), entries: [entry, entry])
        } throws: { ($0 as? CartridgeError)?.code == .duplicateEntry }
    }

    @Test func updateRoundTripsAndApplies() throws {
        let database = try CartridgeTestData.database(300, seed: 13, serial: 4)
        let update = CartridgeTestData.update(after: database, seed: 14)
        let decoded = try MicroUpdate(decoding: update.encoded())
        #expect(decoded.serial == update.serial && decoded.predecessor == update.predecessor)
        #expect(Set(decoded.removes) == Set(update.removes))
        #expect(Set(decoded.adds) == Set(update.adds))
        #expect(Set(decoded.reweights) == Set(update.reweights))
        #expect(decoded.configLines == update.configLines && decoded.categoryLines == update.categoryLines)
        #expect(try database.applying(decoded).0.contentDigest() == database.applying(update).0.contentDigest())
        let (next, report) = try database.applying(update)
        #expect(next.version.serial == 5)
        #expect(report.removed + report.missing == 3)
        #expect(report.added == 5)
        #expect(next.count == 300 - report.removed + 5)
        for removed in update.removes where !update.adds.contains(where: { $0.fingerprint == removed }) {
            #expect(try ExactIndex(database: next).lookup(removed, in: next) == nil)
        }
        #expect {
            try next.applying(update)
        } throws: { ($0 as? CartridgeError)?.code == .outOfSequence }
    }
}
