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
}
