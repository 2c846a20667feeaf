import Foundation
@testable import Imprint
import ImprintTestSupport
import Testing

/// A cartridge directory: open, info, verify, diff, micro-updates and the snapshot swap.
@Suite struct CartridgeDirectoryTests {
    @Test func opensVerifiesAndDiffsWithItselfEmpty() throws {
        let directory = try CartridgeTestData.makeCartridge(try CartridgeTestData.database(500, seed: 21), label: "open")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cartridge = try Cartridge(directory: directory)
        #expect(cartridge.snapshot.version.description == "2.1.3.0")
        #expect(cartridge.snapshot.config.signatureType == .comprehensiveSenderReputation)
        #expect(cartridge.snapshot.categories.describeCategory(CategoryCode(1, 2)).subcategory?.name == "snowshoe")
        #expect(cartridge.snapshot.categories.describeCategory(CategoryCode(7)).category?.name == "virus")
        let info = cartridge.info()
        #expect(info.entries == 500)
        #expect(info.perKind.map(\.count).reduce(0, +) == 500)
        #expect(info.perCategory.map(\.count).reduce(0, +) == 500)
        #expect(info.files.contains { $0.path.hasSuffix("fingerprints.db") && $0.bytes > 0 })
        #expect(try Cartridge.verify(directory: directory).count >= 4)
        #expect(CartridgeDiff(cartridge.snapshot, try Cartridge(directory: directory).snapshot).isEmpty)
    }

    @Test func updatesApplyAtomicallyAndReplayIdentically() throws {
        let base = try CartridgeTestData.database(300, seed: 22)
        let directory = try CartridgeTestData.makeCartridge(base, label: "update")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cartridge = try Cartridge(directory: directory)
        let before = cartridge.snapshot
        var expected = base
        for seed in 1...6 as ClosedRange<UInt64> {
            let update = CartridgeTestData.update(after: expected, seed: seed)
            let path = CartridgeTestData.temporaryDirectory("mu") + ".mu"
            try AtomicFile.write(update.encoded(), to: path)
            try cartridge.apply(contentsOf: path)
            try FileManager.default.removeItem(atPath: path)
            expected = try expected.applying(update).0
            #expect(cartridge.snapshot.database.contentDigest() == expected.contentDigest())
        }
        // The old snapshot is untouched: readers holding it never see a mix.
        #expect(before.database.contentDigest() == base.contentDigest())
        #expect(cartridge.snapshot.version.description == "2.1.3.6")
        #expect(cartridge.snapshot.config.minimumScore == 60 + 6 % 30)
        let reopened = try Cartridge(directory: directory)
        #expect(reopened.snapshot.database.contentDigest() == expected.contentDigest())
        #expect(try Cartridge.verify(directory: directory).contains { $0.contains("identical") })
        let diff = CartridgeDiff(before, reopened.snapshot)
        #expect(diff.lines.contains("version: 2.1.3.0 -> 2.1.3.6"))
        #expect(diff.lines.contains { $0.hasPrefix("entries only in B") })
        // Out of sequence: serial 3 again is refused and nothing changes.
        #expect(throws: CartridgeError.self) { try reopened.apply(contentsOf: directory + "/micro_updates/3.mu") }
        #expect(reopened.snapshot.version.serial == 6)
    }

    /// A damaged file of the viable state is refused: opening falls back to the last viable
    /// state that verifies (`CartridgeSafetyTests` checks its content and log lines), and
    /// `verify` fails.
    @Test func aDamagedViableStateOrUpdateIsRefused() throws {
        let base = try CartridgeTestData.database(40, seed: 23)
        let directory = try CartridgeTestData.makeCartridge(base, label: "damage")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Compact after every update: update 2 compacts the state at serial 1 first.
        let limits = CartridgeLimits(compactionUpdates: 1)
        let cartridge = try Cartridge(directory: directory, limits: limits)
        let first = CartridgeTestData.update(after: base, seed: 1)
        try cartridge.apply(first)
        try cartridge.apply(CartridgeTestData.update(after: try base.applying(first).0, seed: 2))
        let layout = CartridgeLayout(directory: directory)
        #expect(try layout.readViable() == CartridgeLayout.Viable(compacted: 1, last: 2))
        #expect(!AtomicFile.exists(layout.update(1)), "the compacted update is deleted")
        // A damaged state falls back to the base database (its updates were compacted away),
        // a damaged update to the compacted state before it.
        for (path, fallback) in [(layout.state(1), UInt32(0)), (layout.update(2), 1)] {
            let good = try AtomicFile.read(path)
            var bad = good
            bad[bad.count / 2] ^= 4
            try AtomicFile.write(bad, to: path)
            #expect(try Cartridge(directory: directory, events: .silent).snapshot.version.serial == fallback)
            #expect(throws: CartridgeError.self) { try Cartridge.verify(directory: directory) }
            try AtomicFile.write(good, to: path)
            #expect(try Cartridge(directory: directory).snapshot.version.serial == 2)
        }
        AtomicFile.remove(layout.update(2))
        #expect(try Cartridge(directory: directory, events: .silent).snapshot.version.serial == 1)
        #expect(throws: CartridgeError.self) { try Cartridge.verify(directory: directory) }
        try AtomicFile.write(Array("1 0\n".utf8), to: layout.viable)
        #expect(try Cartridge(directory: directory, events: .silent).snapshot.version.serial == 1)
        #expect(throws: CartridgeError.self) { try Cartridge.verify(directory: directory) }
    }

    @Test func badOverlayLinesLeaveTheCartridgeUnchanged() throws {
        let base = try CartridgeTestData.database(10, seed: 24)
        let directory = try CartridgeTestData.makeCartridge(base, label: "overlay")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cartridge = try Cartridge(directory: directory)
        var update = MicroUpdate(serial: 1, predecessor: 0)
        update.configLines = ["no such key = 1"]
        #expect(throws: ConfigurationError.self) { try cartridge.apply(update) }
        #expect(cartridge.snapshot.version.serial == 0)
        #expect(!AtomicFile.exists(CartridgeLayout(directory: directory).viable))
    }

    @Test func readersAreServedWhileUpdatesApply() async throws {
        let base = try CartridgeTestData.database(200, seed: 25)
        let directory = try CartridgeTestData.makeCartridge(base, label: "readers")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cartridge = try Cartridge(directory: directory)
        var digests: [UInt32: UInt64] = [0: base.contentDigest()]
        var updates: [MicroUpdate] = []
        var state = base
        for seed in 1...5 as ClosedRange<UInt64> {
            let update = CartridgeTestData.update(after: state, seed: seed)
            state = try state.applying(update).0
            digests[state.version.serial] = state.contentDigest()
            updates.append(update)
        }
        let expected = digests
        let pending = updates
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { for update in pending { try cartridge.apply(update) } }
            for _ in 0..<2 {
                group.addTask {
                    for _ in 0..<20 {
                        let snapshot = cartridge.snapshot
                        #expect(expected[snapshot.version.serial] == snapshot.database.contentDigest())
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
