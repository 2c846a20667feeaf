import Imprint
import ImprintTestSupport
import Testing

@Suite("Message parsing")
struct MessageParsingTests {
    static func parse(_ text: String, _ form: MessageForm = .rendered, limits: MessageLimits = .default) throws -> Message {
        let bytes = [UInt8](text)
        return try Message(bytes: form == .wire ? MessageRendering.wire(rendered: bytes) : bytes, form: form, limits: limits)
    }

    @Test("headers: unfolding, duplicates in order, raw bytes kept, mbox From line skipped", arguments: [MessageForm.rendered, .wire])
    func headers(form: MessageForm) throws {
        let message = try Self.parse("From sender@example.com Sat Jan  1 00:00:00 2000\nReceived: from a\n\tby b\nSubject: one\n two\nReceived: from c\n.Dotted: d\n\nbody\n", form)
        #expect(message.headers.map(\.name) == ["Received", "Subject", "Received", ".Dotted"])
        #expect(message.headers["subject"] == "one two")
        #expect(message.headers.all(named: "RECEIVED").map(\.value) == ["from a\tby b", "from c"])
        let raw = String(decoding: message.headers[0].rawField, as: UTF8.self)
        #expect(raw == (form == .wire ? "Received: from a\r\n\tby b" : "Received: from a\n\tby b"))
        #expect(message.headers["Dotted"] == nil && message.headers[".Dotted"] == "d")
        #expect(form == .wire || message.anomalies.contains(.mboxFromLine))
        #expect(message.decodedBody(of: message.root).bytes == [UInt8]("body\r\n"))
    }

    @Test("a line that is not a header field starts the body")
    func missingSeparator() throws {
        let message = try Self.parse("Subject: x\nthis is body text\nmore\n")
        #expect(message.headers.count == 1)
        #expect(message.anomalies.contains(.missingHeaderSeparator))
        #expect(message.text(of: message.root) == "this is body text\r\nmore\r\n")
    }

    static let nested = """
        Content-Type: multipart/mixed; boundary="outer"

        preamble text
        --outer
        Content-Type: multipart/alternative; boundary="outer-inner"

        --outer-inner
        Content-Type: text/plain; charset=utf-8

        plain
        --outer-inner
        Content-Type: text/html

        <b>html</b>
        --outer-inner--
        inner epilogue
        --outer
        Content-Type: message/rfc822

        Subject: embedded
        Content-Type: text/plain

        embedded body
        --outerX not a boundary
        --outer
        Content-Type: application/octet-stream; name="a.bin"
        Content-Transfer-Encoding: base64

        AAEC
        --outer--
        epilogue

        """

    @Test("nested multiparts: preamble, epilogue, boundary prefixes, message/rfc822", arguments: [MessageForm.rendered, .wire])
    func nestedMultipart(form: MessageForm) throws {
        let message = try Self.parse(Self.nested, form)
        #expect(message.parts.map(\.contentType.mediaType) == [
            "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "message/rfc822", "text/plain",
            "application/octet-stream",
        ])
        #expect(message.parts.map(\.depth) == [0, 1, 2, 2, 1, 2, 1])
        #expect(message.root.children == [1, 4, 6])
        #expect(message.parts[4].isEmbeddedMessage && message.parts[5].headers["Subject"] == "embedded")
        #expect(message.root.preamble?.copyBytes() == [UInt8](form == .wire ? "preamble text" : "preamble text"))
        #expect(String(decoding: message.root.epilogue!.copyBytes(), as: UTF8.self).hasPrefix("epilogue"))
        #expect(message.parts[1].epilogue.map { String(decoding: $0.copyBytes(), as: UTF8.self) } == "inner epilogue")
        #expect(message.text(of: message.parts[2]) == "plain")
        #expect(message.text(of: message.parts[5]) == "embedded body\r\n--outerX not a boundary")
        #expect(message.decodedBody(of: message.parts[6]).bytes == [0, 1, 2])
        #expect(message.attachments.map(\.filename) == ["a.bin"])
        #expect(message.anomalies.isDisjoint(with: [.missingCloseBoundary, .badBoundary]))
    }

    @Test("delimiter lines: transport padding allowed, any other trailing text is content")
    func delimiterLines() throws {
        let message = try Self.parse("Content-Type: multipart/mixed; boundary=\"b\"\n\n--b \t\n\none\n--b-\n--b x\n--b--  \n")
        #expect(message.parts.count == 2)
        #expect(message.text(of: message.parts[1]) == "one\r\n--b-\r\n--b x")
        #expect(message.anomalies.isDisjoint(with: .missingCloseBoundary))
    }

    @Test("a missing close delimiter ends the part at the enclosing boundary or the end")
    func missingClose() throws {
        let message = try Self.parse("""
            Content-Type: multipart/mixed; boundary=a

            --a
            Content-Type: multipart/related; boundary=b

            --b

            inner
            --a

            second
            """)
        try #require(message.parts.count == 4)
        #expect(message.root.children == [1, 3])
        #expect(message.text(of: message.parts[2]) == "inner")
        #expect(message.text(of: message.parts[3]) == "second")
        #expect(message.anomalies.contains(.missingCloseBoundary))
    }

    @Test("multipart/digest parts default to message/rfc822; a multipart without boundary is a leaf")
    func digestAndBadBoundary() throws {
        let digest = try Self.parse("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: inside\n\nx\n--d--\n")
        #expect(digest.parts.map(\.contentType.mediaType) == ["multipart/digest", "message/rfc822", "text/plain"])
        let noBoundary = try Self.parse("Content-Type: multipart/mixed\n\nplain body\n")
        #expect(noBoundary.parts.count == 1 && noBoundary.root.isLeaf && noBoundary.anomalies.contains(.badBoundary))
        let invalid = try Self.parse("Content-Type: garbage\n\nx\n")
        #expect(invalid.root.contentType.mediaType == "text/plain" && invalid.root.contentType.isDefault)
    }

    @Test("maxBodyLength bounds the body bytes read and the message knows it", arguments: [MessageForm.rendered, .wire])
    func maxBodyLength(form: MessageForm) throws {
        let text = "Subject: s\n\n" + String(repeating: "0123456789\n", count: 100)
        let bytes = form == .wire ? MessageRendering.wire(rendered: [UInt8](text)) : [UInt8](text)
        let cut = try Message(bytes: bytes, form: form, maxBodyLength: 50)
        #expect(cut.isTruncated)
        #expect(cut.root.body.count == 50)
        let bodyBytes = form == .wire ? 1_200 : 1_100  // CRLF on the wire
        let whole = try Message(bytes: bytes, form: form, maxBodyLength: bodyBytes)
        #expect(!whole.isTruncated)
        #expect(whole.root.body.count == bodyBytes)
        let oneShort = try Message(bytes: bytes, form: form, maxBodyLength: bodyBytes - 1)
        #expect(oneShort.isTruncated)
        if form == .wire {
            // Bytes after the terminator are not body: a bound past the terminator cuts nothing.
            let trailing = try Message(wire: bytes + [UInt8](repeating: 0x41, count: 5_000), maxBodyLength: 2_000)
            #expect(!trailing.isTruncated && trailing.anomalies.contains(.dataAfterTerminator))
        }
    }
}
