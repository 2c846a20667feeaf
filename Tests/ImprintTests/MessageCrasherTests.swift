import Foundation
import Imprint
import ImprintTestSupport
import Testing

@Suite("Message crashers")
struct MessageCrasherTests {
    @Test("past fuzzer findings and hostile shapes go through the fuzz entry point without a crash")
    func replay() throws {
        let directory = Fixtures.url("crashers/mime")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "README.md" }.sorted()
        var inputs = try names.map { try Fixtures.bytes("crashers/mime/\($0)") }
        // Shapes that stress the limits: deep nesting, many parts, stuffing, broken encodings.
        inputs.append([UInt8](String(repeating: "Content-Type: multipart/mixed; boundary=a\n\n--a\n", count: 300)))
        inputs.append([UInt8](String(repeating: "Content-Type: message/rfc822\n\n", count: 300)))
        inputs.append([UInt8]("Content-Type: multipart/mixed; boundary=\"\"\n\n--\n--\n"))
        inputs.append([UInt8]("Content-Transfer-Encoding: base64\n\n====\n=\n.\n..\n"))
        inputs.append([UInt8]("Subject: =?\n\n=?=?=?==?x?q?=?="))
        inputs.append([UInt8](".\r\n"))
        inputs.append([])
        for input in inputs {
            input.withUnsafeBytes { fuzzParseMessage($0) }
        }
        #expect(inputs.count >= 7)
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
            bytes.withUnsafeBytes { fuzzParseMessage($0) }
        }
        #expect(messages.count > 100)
    }
}
