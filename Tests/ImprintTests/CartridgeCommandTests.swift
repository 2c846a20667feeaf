import Foundation
@testable import Imprint
import Testing

/// `imprint cartridge info|verify|diff|update` and `imprint version --cartridge`, run as the
/// user runs them.
@Suite struct CartridgeCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let tool = try #require(CartridgeCrashTests.executable, "the imprint executable")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func commandsReportVersionInfoVerifyAndDiff() throws {
        let base = try CartridgeTestData.database(400, seed: 71)
        let a = try CartridgeTestData.makeCartridge(base, label: "cli-a")
        let b = try CartridgeTestData.makeCartridge(base, label: "cli-b")
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        let version = try run(["version", "--cartridge", a])
        #expect(version.status == 0)
        #expect(version.output.contains("CartridgeVersion = \"2.1.3.0\""))
        let info = try run(["cartridge", "info", a])
        #expect(info.output.contains("entries: 400"))
        #expect(info.output.contains("category 1.0 spam:"))
        #expect(try run(["cartridge", "verify", a]).status == 0)
        let same = try run(["cartridge", "diff", a, b])
        #expect(same.status == 0 && same.output.isEmpty)

        let update = CartridgeTestData.update(after: base, seed: 5)
        let file = CartridgeTestData.temporaryDirectory("cli") + ".mu"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try AtomicFile.write(update.encoded(), to: file)
        let applied = try run(["cartridge", "update", b, file])
        #expect(applied.status == 0)
        #expect(applied.output.contains("CartridgeVersion = \"2.1.3.1\""))
        let differ = try run(["cartridge", "diff", a, b])
        #expect(differ.status == 1)
        #expect(differ.output.contains("version: 2.1.3.0 -> 2.1.3.1"))

        var damaged = try AtomicFile.read(file)
        damaged[damaged.count - 5] ^= 0x40
        try AtomicFile.write(damaged, to: file)
        let refused = try run(["cartridge", "update", a, file])
        #expect(refused.status != 0)
        #expect(refused.error.contains("checksumMismatch") && refused.error.contains("section"))
        let missing = try run(["cartridge", "info", a + "-nope"])
        #expect(missing.status != 0 && missing.error.split(separator: "\n").count == 1)
    }
}
