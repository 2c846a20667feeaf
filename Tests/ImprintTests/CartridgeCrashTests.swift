import Foundation
@testable import Imprint
import ImprintTestSupport
import Testing

/// Crash safety of micro-updates: a child process (`imprint cartridge crash-test-apply`)
/// applies updates in a loop and is killed with SIGKILL at seeded random times; after every
/// kill the cartridge must open at a verified state, at or after the last update the child
/// reported as applied, with exactly the content that serial should have.
///
/// The cartridge starts small (120 entries), so that the child's default limits compact the
/// log every few updates (`CartridgeLimits.compactionOperations`, 64 operations, against
/// updates of about 9): kills land in compactions as well as in plain applies.
///
/// `IMPRINT_CRASH_KILLS` sets the number of kills (default 5; `scripts/crash_test.sh N`
/// runs it with N). `IMPRINT_EXECUTABLE` names the tool when it is not beside the tests.
@Suite struct CartridgeCrashTests {
    static var executable: String? {
        if let path = ProcessInfo.processInfo.environment["IMPRINT_EXECUTABLE"] { return path }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("imprint").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    @Test func killedUpdatesRecoverToTheLastViableState() throws {
        let kills = Int(ProcessInfo.processInfo.environment["IMPRINT_CRASH_KILLS"] ?? "") ?? 5
        let tool = try #require(Self.executable, "the imprint executable (build it, or set IMPRINT_EXECUTABLE)")
        var state = try CartridgeTestData.database(120, seed: 31)
        let directory = try CartridgeTestData.makeCartridge(state, label: "crash")
        let pending = directory + "-pending"
        try FileManager.default.createDirectory(atPath: pending, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: pending)
        }
        let total = UInt32(kills * 30 + 8)
        var digests: [UInt32: UInt64] = [0: state.contentDigest()]
        for serial in 1...total {
            let update = CartridgeTestData.update(after: state, seed: UInt64(serial))
            try AtomicFile.write(update.encoded(), to: "\(pending)/\(serial).mu")
            state = try state.applying(update).0
            digests[serial] = state.contentDigest()
        }
        var generator = SeededGenerator(seed: 0xC0FFEE)
        var lastApplied: UInt32 = 0
        var compactedSerials = Set<UInt32>()
        var killed = 0
        var runs = 0
        while killed < kills {
            runs += 1
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["cartridge", "crash-test-apply", directory, pending, "--through", "\(total)"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait until the child has opened the cartridge, so that the kill lands while it
            // applies updates whatever the machine's load.
            var received = Data()
            while !String(decoding: received, as: UTF8.self).contains("ready") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                received += chunk
            }
            usleep(UInt32.random(in: 0...300_000, using: &generator))
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if wasRunning { killed += 1 }
            received += output.fileHandleForReading.readDataToEndOfFile()
            let lines = String(decoding: received, as: UTF8.self).split(separator: "\n")
            if let last = lines.last(where: { $0.hasPrefix("applied ") }), let serial = UInt32(last.dropFirst(8)) {
                lastApplied = max(lastApplied, serial)
            }
            let reopened = try Cartridge(directory: directory)
            let serial = reopened.snapshot.version.serial
            #expect(serial >= lastApplied, "run \(runs): viable \(serial) lost applied \(lastApplied)")
            #expect(reopened.snapshot.database.contentDigest() == digests[serial], "run \(runs): serial \(serial) content")
            lastApplied = serial
            if let viable = try reopened.layout.readViable() { compactedSerials.insert(viable.compacted) }
            if serial == total { break }
        }
        // A last run that is not killed must apply the next updates and exit cleanly.
        let through = min(total, lastApplied + 2)
        let finish = Process()
        finish.executableURL = URL(fileURLWithPath: tool)
        finish.arguments = ["cartridge", "crash-test-apply", directory, pending, "--through", "\(through)"]
        finish.standardOutput = FileHandle.nullDevice
        try finish.run()
        finish.waitUntilExit()
        #expect(finish.terminationStatus == 0)
        let final = try Cartridge(directory: directory).snapshot
        #expect(final.version.serial == through)
        #expect(final.database.contentDigest() == digests[through])
        #expect(try Cartridge.verify(directory: directory).contains { $0.contains("identical") })
        if let viable = try CartridgeLayout(directory: directory).readViable() { compactedSerials.insert(viable.compacted) }
        #expect(compactedSerials.count >= 2, "the log was compacted while updates were killed")
        print("crash test: \(killed) kills in \(runs) runs, reached serial \(lastApplied) of \(total), compacted states seen at serials \(compactedSerials.sorted())")
    }
}
