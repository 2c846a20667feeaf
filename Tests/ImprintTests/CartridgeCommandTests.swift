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

    /// `score` writes one valid JSON object a message (paths with quotes, tabs and non-ASCII
    /// escaped), for paths given as arguments and through `--files-from`.
    @Test func scoreWritesJSONLinesForListedFiles() throws {
        let cartridge = try CartridgeTestData.makeCartridge(try CartridgeTestData.database(200, seed: 72), label: "cli-score")
        let folder = CartridgeTestData.temporaryDirectory("cli-score-messages")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: cartridge)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let message = Data("From: a@example.com\r\nSubject: hello\r\n\r\nCheap \"pills\" at http://example.com/\r\n".utf8)
        let paths = ["\(folder)/plain.eml", "\(folder)/a \"quoted\"\tnamé.eml"]
        for path in paths { try message.write(to: URL(fileURLWithPath: path)) }
        try (paths[1] + "\n").write(toFile: "\(folder)/list", atomically: true, encoding: .utf8)
        let result = try run(["score", "--cartridge", cartridge, paths[0], "--files-from", "\(folder)/list"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 2)
        for (line, path) in zip(lines, paths) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["path"] as? String == path)
            #expect((0...100).contains(object["score"] as? Int ?? -1))
            #expect(object["is_spam"] is Bool && object["analysis"] is String && object["probability"] is NSNumber)
        }
        #expect(try run(["score", "--cartridge", cartridge, "--files-from", "\(folder)/absent"]).status != 0)
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
