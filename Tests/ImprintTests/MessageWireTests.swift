import Imprint
import ImprintTestSupport
import Testing

@Suite("Message wire and rendered forms")
struct MessageWireTests {
    /// The rendered bytes as the wire form carries them: no mbox line, CRLF lines, a final break.
    static func canonical(_ rendered: [UInt8]) -> [UInt8] {
        var decoder = WireDecoder()
        decoder.update(MessageRendering.wire(rendered: rendered))
        return decoder.finalize()
    }

    @Test("every bundled message round-trips: wire(render(wire(m))) == wire(m), render(wire(m)) == m")
    func bundledRoundTrip() throws {
        let messages = try MessageCorpus.bundledMessages()
        #expect(messages.count > 1_000)
        for (name, bytes) in messages {
            let wire = MessageRendering.wire(rendered: bytes)
            let rendered = try MessageRendering.render(wire: wire)
            #expect(MessageRendering.wire(rendered: rendered) == wire, "\(name)")
            #expect(rendered == Self.canonical(bytes), "\(name)")
            // The lazy reader, the chunked reader and the streaming decoder agree.
            let message = try Message(wire: wire)
            #expect(Array(message.bytes) == rendered, "\(name)")
            #expect(message.bytes.copyBytes() == rendered, "\(name)")
            #expect(!message.anomalies.contains(.missingTerminator), "\(name)")
        }
    }

    @Test("wire and rendered forms of every bundled message parse to equal views")
    func bundledViewsEqual() throws {
        for (name, bytes) in try MessageCorpus.bundledMessages() {
            var rendered = bytes
            if let last = rendered.last, last != 0x0A { rendered.append(0x0A) }  // wire() ends every line
            let fromRendered = MessageView(try Message(rendered: rendered))
            let fromWire = MessageView(try Message(wire: MessageRendering.wire(rendered: bytes)))
            #expect(fromRendered == fromWire, "\(name)")
        }
    }

    @Test("header modifications: add, append, replace, remove; the body untouched")
    func modifications() throws {
        let wire = [UInt8]("Received: a\r\nSubject: hi\r\nX-Old: 1\r\nX-Old: 2\r\n\r\n..dot line\r\nbody\r\n.\r\n")
        let out = try MessageRendering.render(wire: wire, modifications: [
            .add(name: "X-Imprint-Score", value: "99"), .replace(name: "X-Old", value: "new"),
            .remove(name: "Received"), .append(name: "X-Tail", value: "t"), .replace(name: "X-Absent", value: "a"),
        ])
        #expect(String(decoding: out, as: UTF8.self)
            == "X-Imprint-Score: 99\r\nSubject: hi\r\nX-Old: new\r\nX-Tail: t\r\nX-Absent: a\r\n\r\n.dot line\r\nbody\r\n")
        #expect(throws: MessageParseError.self) { try MessageRendering.render(wire: wire, modifications: [.add(name: "Bad Name", value: "x")]) }
        #expect(throws: MessageParseError.self) { try MessageRendering.render(wire: wire, modifications: [.append(name: "X", value: "a\r\nb")]) }
        let message = try Message(rendered: out)
        #expect(message.headers["X-Old"] == "new")
        #expect(message.headers.all(named: "X-Old").count == 1)
    }

    @Test("stuffing: dots doubled on the wire, skipped lazily, terminator found, trailing data flagged")
    func stuffing() throws {
        let rendered = [UInt8]("Subject: s\n\n.\n..\n.x\nend")
        let wire = MessageRendering.wire(rendered: rendered)
        #expect(String(decoding: wire, as: UTF8.self) == "Subject: s\r\n\r\n..\r\n...\r\n..x\r\nend\r\n.\r\n")
        let message = try Message(wire: wire + [UInt8]("junk after"))
        #expect(message.anomalies.contains(.dataAfterTerminator))
        #expect(message.decodedBody(of: message.root).bytes == [UInt8](".\r\n..\r\n.x\r\nend\r\n"))
        #expect(message.root.body.count == 16 && message.root.body.raw.count == 19)
        let unterminated = try Message(wire: [UInt8]("Subject: s\r\n\r\nbody\r\n"))
        #expect(unterminated.anomalies.contains(.missingTerminator))
        #expect(throws: MessageParseError.self) { try Message(wire: [UInt8](".\r\n")) }
        #expect(throws: MessageParseError.self) { try Message(rendered: []) }
    }

    @Test("the streaming wire encoder and decoder give the same bytes fed whole, byte by byte and in random splits")
    func streamingSplits() throws {
        for (index, (name, bytes)) in try MessageCorpus.bundledMessages().enumerated() where index % 7 == 0 {
            let wire = MessageRendering.wire(rendered: bytes)
            let start = bytes.starts(with: [UInt8]("From ")) ? (bytes.firstIndex(of: 0x0A)! + 1) : 0
            let encoded = feedAllWays(Array(bytes[start...]), seed: UInt64(index), make: { WireEncoder() },
                                      update: { $0.update($1) }, finish: { $0.finalize() })
            #expect(encoded.allSatisfy { $0 == wire }, "\(name)")
            let decoded = feedAllWays(wire, seed: UInt64(index) &+ 1, make: { WireDecoder() },
                                      update: { $0.update($1) }, finish: { $0.finalize() })
            let lazy = try Message(wire: wire).bytes.copyBytes()
            #expect(decoded.allSatisfy { $0 == lazy }, "\(name)")
        }
    }
}
