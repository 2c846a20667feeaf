import Foundation
@testable import Imprint
import ImprintTestSupport
import Synchronization
import Testing

/// Cartridge safety (issue 10): a truncated, bit-flipped or foreign micro-update or state is
/// never loaded; the cartridge keeps serving the last viable state, with the same verdicts,
/// and logs the file and the reason (`CartridgeEventLog`).
@Suite(.serialized) struct CartridgeSafetyTests {
    /// Collects a cartridge's events.
    final class Events: Sendable {
        let events = Mutex<[CartridgeEvent]>([])
        var log: CartridgeEventLog { CartridgeEventLog { event in self.events.withLock { $0.append(event) } } }
        func take() -> [CartridgeEvent] { events.withLock { list in defer { list = [] }; return list } }
    }

    /// A real cartridge (40 bundled messages) and 12 other messages to score.
    static let fixture: Result<(database: FingerprintDatabase, config: String, messages: [[UInt8]]), Error> = Result {
        let all = try EngineTests.labelled()
        let training = try all.enumerated().filter { $0.offset % 29 == 0 }.map { LabelledMessage(bytes: try Fixtures.read($0.element.path), label: $0.element.label) }
        let output = try CartridgeBuilder(folds: 3).build(training)
        let messages = try all.enumerated().filter { $0.offset % 97 == 5 }.map { try Fixtures.read($0.element.path) }
        return (output.database, output.config.lines.joined(separator: "\n") + "\n", messages)
    }

    static func makeCartridge(_ label: String) throws -> String {
        let fixture = try fixture.get()
        let directory = CartridgeTestData.temporaryDirectory("safety-" + label)
        try Cartridge.create(at: directory, database: fixture.database, config: fixture.config)
        return directory
    }

    static func verdicts(_ cartridge: Cartridge) throws -> [Verdict] {
        let engine = Engine(cartridge: cartridge)
        return try fixture.get().messages.map { try engine.score($0, form: .rendered) }
    }

    /// The damaged forms of a good binary file, each with the error code it must give.
    static func damaged(_ good: [UInt8]) throws -> [(name: String, bytes: [UInt8], code: CartridgeError.Code)] {
        var flipped = good
        flipped[flipped.count / 2] ^= 0x10
        var header = good  // the declared file length, under the header CRC
        header[17] ^= 0x01
        var last = good
        last[last.count - 1] ^= 0x80
        var future = good  // format version 2 behind a valid header CRC
        future[8] = 2
        let tableEnd = 32 + 32 * Int(future[12])
        let crc = CRC32.checksum(Array(future[32..<tableEnd]), continuing: CRC32.checksum(Array(future[0..<24])))
        for index in 0..<4 { future[24 + index] = UInt8(truncatingIfNeeded: crc >> (8 * index)) }
        let png = try Fixtures.bytes("images/gray1.png")
        return [
            ("truncated-half", Array(good.prefix(good.count / 2)), .truncated),
            ("truncated-header", Array(good.prefix(20)), .truncated),
            ("truncated-one-byte", Array(good.dropLast()), .truncated),
            ("empty", [], .truncated),
            ("flipped-payload", flipped, .checksumMismatch),
            ("flipped-header", header, .checksumMismatch),
            ("flipped-last", last, .checksumMismatch),
            ("future-version", future, .unsupportedVersion),
            ("png-renamed", png, .badMagic),
        ]
    }

    @Test func badUpdateFilesAreRefusedLoggedAndTheVerdictsStay() throws {
        let directory = try Self.makeCartridge("apply")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let events = Events()
        let cartridge = try Cartridge(directory: directory, events: events.log)
        let version = cartridge.snapshot.version
        let verdicts = try Self.verdicts(cartridge)
        let good = CartridgeTestData.update(after: cartridge.snapshot.database, seed: 5).encoded()
        var cases = try Self.damaged(good)
        cases.append(("a-database", try Self.fixture.get().database.encoded(), .badMagic))
        for item in cases {
            let path = directory + "-\(item.name).mu"
            try AtomicFile.write(item.bytes, to: path)
            defer { AtomicFile.remove(path) }
            #expect { try cartridge.apply(contentsOf: path) } throws: { ($0 as? CartridgeError)?.code == item.code }
            #expect(cartridge.snapshot.version == version, "\(item.name)")
            #expect(try Self.verdicts(cartridge) == verdicts, "\(item.name)")
            let logged = events.take()
            #expect(logged.count == 1 && logged[0].path == path, "\(item.name): \(logged)")
            #expect(logged.first?.reason.contains("\(item.code)") == true, "\(item.name): \(logged)")
            #expect(logged.first?.description.contains("still serving \(version)") == true)
        }
        #expect(!AtomicFile.exists(CartridgeLayout(directory: directory).viable), "nothing was recorded as applied")
        #expect(try Cartridge(directory: directory, events: events.log).snapshot.version == version)
        #expect(events.take().isEmpty)
        // The good file still applies.
        let path = directory + "-good.mu"
        try AtomicFile.write(good, to: path)
        try cartridge.apply(contentsOf: path)
        #expect(cartridge.snapshot.version.serial == version.serial + 1)
        AtomicFile.remove(path)
    }

    @Test func aCorruptNewestUpdateOpensAtTheLastViableState() throws {
        let directory = try Self.makeCartridge("newest")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let events = Events()
        let cartridge = try Cartridge(directory: directory, events: events.log)
        let base = cartridge.snapshot.version.serial
        for seed in 1...3 { try cartridge.apply(CartridgeTestData.update(after: cartridge.snapshot.database, seed: UInt64(seed))) }
        let layout = cartridge.layout
        let newest = layout.update(base + 3)
        let good = try AtomicFile.read(newest)
        // The state at the serial before the newest, for the expected verdicts and content.
        AtomicFile.remove(newest)
        try layout.writeViable(CartridgeLayout.Viable(compacted: base, last: base + 2))
        let previous = try Cartridge(directory: directory, events: .silent)
        let expectedVerdicts = try Self.verdicts(previous)
        let expectedDigest = previous.snapshot.database.contentDigest()
        try layout.writeViable(CartridgeLayout.Viable(compacted: base, last: base + 3))
        for item in try Self.damaged(good) {
            try AtomicFile.write(item.bytes, to: newest)
            _ = events.take()
            let reopened = try Cartridge(directory: directory, events: events.log)
            #expect(reopened.snapshot.version.serial == base + 2, "\(item.name)")
            #expect(reopened.snapshot.database.contentDigest() == expectedDigest, "\(item.name)")
            #expect(try Self.verdicts(reopened) == expectedVerdicts, "\(item.name)")
            let logged = events.take()
            #expect(logged.contains { $0.path == newest && $0.reason.contains("\(item.code)") }, "\(item.name): \(logged)")
            #expect(logged.allSatisfy { $0.outcome.contains("serial \(base + 2)") }, "\(item.name): \(logged)")
            #expect(throws: CartridgeError.self) { try Cartridge.verify(directory: directory) }
        }
        // Re-applying the good update repairs the directory.
        let reopened = try Cartridge(directory: directory, events: .silent)
        let path = directory + "-again.mu"
        try AtomicFile.write(good, to: path)
        try reopened.apply(contentsOf: path)
        AtomicFile.remove(path)
        #expect(try Cartridge(directory: directory, events: events.log).snapshot.version.serial == base + 3)
        #expect(events.take().isEmpty)
        #expect(try Cartridge.verify(directory: directory).contains { $0.contains("identical") })
    }

    @Test func aCorruptStateOrViableRecordFallsBackAndABadBaseIsRefused() throws {
        let directory = try Self.makeCartridge("state")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let events = Events()
        let cartridge = try Cartridge(directory: directory, limits: CartridgeLimits(compactionUpdates: 1), events: events.log)
        let base = cartridge.snapshot.version.serial
        let baseDigest = cartridge.snapshot.database.contentDigest()
        for seed in 1...2 { try cartridge.apply(CartridgeTestData.update(after: cartridge.snapshot.database, seed: UInt64(seed))) }
        let layout = cartridge.layout
        #expect(try layout.readViable() == CartridgeLayout.Viable(compacted: base + 1, last: base + 2))
        // A damaged compacted state: its updates are gone, so the base database is what verifies.
        let state = try AtomicFile.read(layout.state(base + 1))
        try AtomicFile.write(Array(state.prefix(state.count - 7)), to: layout.state(base + 1))
        let fallback = try Cartridge(directory: directory, events: events.log)
        #expect(fallback.snapshot.version.serial == base && fallback.snapshot.database.contentDigest() == baseDigest)
        #expect(events.take().contains { $0.path == layout.state(base + 1) && $0.reason.contains("truncated") })
        try AtomicFile.write(state, to: layout.state(base + 1))
        // A damaged viable record: the newest state that verifies, and no update past it.
        try AtomicFile.write(Array("1 2 zz\n".utf8), to: layout.viable)
        #expect(try Cartridge(directory: directory, events: events.log).snapshot.version.serial == base + 1)
        #expect(events.take().contains { $0.path == layout.viable })
        // Nothing verifies: refused.
        AtomicFile.remove(layout.state(base + 1))
        try AtomicFile.write(try Fixtures.bytes("images/gray1.png"), to: layout.database)
        #expect { try Cartridge(directory: directory, events: events.log) } throws: { ($0 as? CartridgeError)?.code == .badMagic }
    }
}
