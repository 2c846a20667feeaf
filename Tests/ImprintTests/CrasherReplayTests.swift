import Foundation
import Imprint
import ImprintTestSupport
import Testing

/// The fuzzers' findings and seeds, replayed through the entry point each libFuzzer target calls
/// (`FuzzTarget.run`, see `scripts/fuzz.sh`): every crasher must come back as a value or the
/// reader's typed error (the file name says which), and every seed (a valid file of its kind) must be accepted.
@Suite("Crasher replay")
struct CrasherReplayTests {
    /// The files of a fixture folder, other than its README and `.gitkeep`; nil when it does not exist.
    static func files(_ folder: String) throws -> [(name: String, bytes: [UInt8])]? {
        let path = Fixtures.url(folder).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0 != "README.md" && $0 != ".gitkeep" }.sorted()
        return try names.map { ($0, try Fixtures.bytes("\(folder)/\($0)")) }
    }

    @Test("every crasher folder replays without a crash", arguments: FuzzTarget.allCases)
    func crashers(target: FuzzTarget) throws {
        guard let inputs = try Self.files("crashers/\(target.rawValue)") else { return }
        #expect(!inputs.isEmpty, "crashers/\(target.rawValue) exists but holds no crasher")
        for input in inputs {
            // Coming back at all is most of the test (a crash or trap would end the run); the
            // file name says which outcome the fix gave: `accepted-*` or `rejected-*`.
            let outcome = target.run(input.bytes)
            let expected = input.name.hasPrefix("accepted-")
            #expect(input.name.hasPrefix("accepted-") || input.name.hasPrefix("rejected-"), "\(input.name): name it by its outcome")
            #expect((outcome == .accepted) == expected, "\(target.rawValue) crasher \(input.name): \(outcome)")
        }
    }

    @Test("every seed is a valid file of its kind", arguments: FuzzTarget.allCases)
    func seeds(target: FuzzTarget) throws {
        guard let inputs = try Self.files("fuzz-seeds/\(target.rawValue)") else { return }
        #expect(!inputs.isEmpty)
        for input in inputs {
            // Sealed cartridge files go to the fuzzer behind mode byte 0 (see CartridgeFuzzing).
            let raw = (target == .cartridge || target == .microupdate) && !input.name.hasSuffix(".records")
            #expect(target.run(raw ? [0] + input.bytes : input.bytes) == .accepted, "\(target.rawValue) seed \(input.name)")
        }
    }

    /// The `.records` seeds are written by `scripts/fuzz/records_seed.py`, an independent
    /// reading of the container; the library must agree with it byte for byte.
    @Test("the records seeds are the records form of the sealed seeds beside them",
          arguments: [FuzzTarget.cartridge, .microupdate])
    func recordsSeeds(target: FuzzTarget) throws {
        let inputs = try #require(try Self.files("fuzz-seeds/\(target.rawValue)"))
        let sealed = inputs.filter { !$0.name.hasSuffix(".records") }
        #expect(!sealed.isEmpty)
        for file in sealed {
            let records = try #require(target.recordsSeed(ofFile: file.bytes), "\(file.name) does not verify")
            #expect(inputs.first { $0.name == file.name + ".records" }?.bytes == records, "\(file.name).records is stale")
            // Sealing the records again gives a file the reader accepts.
            #expect(target.run(records) == .accepted)
        }
    }

    @Test("hostile message shapes go through the message fuzz entry point")
    func hostileMessages() {
        let inputs: [[UInt8]] = [
            [UInt8](String(repeating: "Content-Type: multipart/mixed; boundary=a\n\n--a\n", count: 300)),
            [UInt8](String(repeating: "Content-Type: message/rfc822\n\n", count: 300)),
            [UInt8]("Content-Type: multipart/mixed; boundary=\"\"\n\n--\n--\n"),
            [UInt8]("Content-Transfer-Encoding: base64\n\n====\n=\n.\n..\n"),
            [UInt8]("Subject: =?\n\n=?=?=?==?x?q?=?="),
            [UInt8](".\r\n"),
            [],
        ]
        let outcomes = inputs.map { FuzzTarget.mime.run($0) }
        #expect(outcomes[0] == .accepted)
        #expect(outcomes[6] != .accepted)
    }

    @Test("seeded random mutations of bundled messages never crash the parser")
    func mutations() throws {
        var generator = SeededGenerator(seed: 2047)
        let messages = try MessageCorpus.bundledMessages().filter { $0.bytes.count < 6_000 }
        let tokens: [[UInt8]] = ["\n--", "\r\n.\r\n", "\n\n", "=?utf-8?b?", "?=", "boundary=", "Content-Type: multipart/mixed; boundary=x\n", "\n--x\n", "=\n", "Content-Transfer-Encoding: base64\n", "*0*=utf-8''%"].map { [UInt8]($0) }
        for _ in 0..<150 {
            var bytes = messages[Int.random(in: 0..<messages.count, using: &generator)].bytes
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                let position = Int.random(in: 0...bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.insert(contentsOf: tokens[Int.random(in: 0..<tokens.count, using: &generator)], at: position)
                case 1 where position < bytes.count: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 2: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &generator)))
                default: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + 200)], at: position)
                }
            }
            FuzzTarget.mime.run(bytes)
        }
        #expect(messages.count > 100)
    }
}
