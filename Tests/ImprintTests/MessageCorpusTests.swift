import Foundation
import Imprint
import ImprintTestSupport
import Testing

@Suite("Message corpus")
struct MessageCorpusTests {
    @Test("every message of the shared corpora parses, every part decodes")
    func everySharedMessageParses() throws {
        let messages = MessageCorpus.sharedMessages()
        guard !messages.isEmpty else {
            print("note: ../shared/corpora is absent; the shared corpus walk is skipped")
            return
        }
        var dump = ""
        var parsed = 0
        for (name, bytes) in messages {
            let message = try Message(rendered: bytes)
            var decoded = 0
            for (part, body) in message.decodedParts() {
                decoded += body.bytes.count
                if part.isText { _ = message.text(of: part) }
            }
            for field in message.headers { _ = field.decodedValue }
            _ = message.envelope
            parsed += 1
            dump += "\(name)\t\(message.parts.count)\t\(message.leaves.count)\t\(message.attachments.count)\n"
        }
        #expect(parsed == messages.count)
        #expect(parsed > 10_000)
        if let out = ProcessInfo.processInfo.environment["IMPRINT_MIME_COUNTS_OUT"] {
            try Data(dump.utf8).write(to: URL(fileURLWithPath: out))
        }
    }
}
