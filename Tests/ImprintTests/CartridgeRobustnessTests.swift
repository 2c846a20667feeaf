import Foundation
@testable import Imprint
import ImprintTestSupport
import Testing

/// Payload parsers behind valid checksums: random sections wrapped in a correct container
/// (so every CRC matches) must give a typed error or a database, never a trap or a hang.
@Suite struct CartridgeRobustnessTests {
    static func randomSection(using generator: inout SeededGenerator) -> SectionContainer.Section {
        let types: [UInt16] = [1, 2, 3, 16, 17, 18, 99]
        let kinds: [UInt16] = [0, 1, 5, 8, 11, 17, 500]
        let items: [UInt32] = [0, 1, 2, 3, 7, 100, UInt32.max]
        var payload = generator.bytes(Int.random(in: 0...200, using: &generator))
        if Bool.random(using: &generator), payload.count >= 2 {
            payload[0] = [0, 8, 32, 35].randomElement(using: &generator)!
            payload[1] = 0
        }
        return SectionContainer.Section(type: types.randomElement(using: &generator)!, kind: kinds.randomElement(using: &generator)!,
                                        items: items.randomElement(using: &generator)!, payload: payload)
    }

    @Test func randomPayloadsBehindValidChecksumsAreRefusedCleanly() {
        var generator = SeededGenerator(seed: 81)
        var refused = 0
        for _ in 0..<3000 {
            var sections = (0..<Int.random(in: 0...4, using: &generator)).map { _ in Self.randomSection(using: &generator) }
            if Bool.random(using: &generator) {
                sections.insert(.init(type: 1, kind: 0, items: 4, payload: Array("generation=1\nmajor=0\nminor=0\nserial=3".utf8)), at: 0)
            }
            let database = SectionContainer.encode(magic: FingerprintDatabase.magic, sections: sections, level: 1)
            let update = SectionContainer.encode(magic: MicroUpdate.magic, sections: sections, level: 1)
            do { _ = try FingerprintDatabase(decoding: database) } catch { refused += 1 }
            do { _ = try MicroUpdate(decoding: update) } catch { refused += 1 }
        }
        #expect(refused > 3000)
    }

    /// The log is the state's only record since the compacted state (there is no second copy
    /// for a replay to disagree with), so what verification can catch is a log whose files do
    /// not chain: a file holding another serial than its name, or a missing link. Opening
    /// falls back to the state before the broken link; verifying fails.
    @Test func aLogThatDoesNotChainFailsToOpenAndVerify() throws {
        let base = try CartridgeTestData.database(60, seed: 82)
        let directory = try CartridgeTestData.makeCartridge(base, label: "replay")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cartridge = try Cartridge(directory: directory)
        let update = CartridgeTestData.update(after: base, seed: 1)
        try cartridge.apply(update)
        let layout = CartridgeLayout(directory: directory)
        let good = try AtomicFile.read(layout.update(1))
        var forged = update
        forged.serial = 3
        try AtomicFile.write(forged.encoded(), to: layout.update(1))
        #expect(try Cartridge(directory: directory, events: .silent).snapshot.version.serial == base.version.serial)
        #expect(throws: CartridgeError.self) { try Cartridge.verify(directory: directory) }
        try AtomicFile.write(good, to: layout.update(1))
        #expect(try Cartridge.verify(directory: directory).contains { $0.contains("identical") })
        try layout.writeViable(CartridgeLayout.Viable(compacted: 0, last: 2))
        #expect(throws: CartridgeError.self) { try Cartridge.verify(directory: directory) }
    }
}
