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
            // The wire form of the same message has the same tree.
            let wire = try Message(wire: MessageRendering.wire(rendered: bytes))
            #expect(wire.parts.count == message.parts.count && wire.attachments.count == message.attachments.count, "\(name)")
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

@Suite("Message counts against Python's email")
struct MessageCountTests {
    @Test("parts, leaves and attachments match scripts/mime_counts.py on hand-checked messages")
    func countsMatchPython() throws {
        guard let root = MessageCorpus.sharedRoot else {
            print("note: ../shared/corpora is absent; the count check is skipped")
            return
        }
        let rows = try Fixtures.table("mime/counts.tsv")
        #expect(rows.count >= 8)
        for row in rows {
            let name = String(row[0])
            let pieces = name.split(separator: "#")
            var bytes = try FileBytes.read(root.appendingPathComponent(String(pieces[0])).path)
            if pieces.count == 2 {
                let ranges = Mbox.messageRanges(in: bytes)
                bytes = Array(bytes[ranges[Int(pieces[1])!]])
            }
            let message = try Message(rendered: bytes)
            #expect(message.parts.count == Int(row[1]), "\(name) parts")
            #expect(message.leaves.count == Int(row[2]), "\(name) leaves")
            #expect(message.attachments.count == Int(row[3]), "\(name) attachments")
            // The same counts from the wire form.
            let wire = try Message(wire: MessageRendering.wire(rendered: bytes))
            #expect(wire.parts.count == message.parts.count && wire.attachments.count == message.attachments.count)
        }
    }
}
