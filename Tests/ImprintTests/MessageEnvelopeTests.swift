@testable import Imprint
import ImprintTestSupport
import Testing

@Suite("Message envelope")
struct MessageEnvelopeTests {
    @Test("IP addresses: IPv4, IPv6 forms, private and public ranges")
    func addresses() {
        #expect(IPAddress("192.0.2.1")?.bytes == [192, 0, 2, 1])
        #expect(IPAddress("[IPv6:2001:db8::1]")?.bytes == [0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [1])
        #expect(IPAddress("::ffff:10.0.0.1")?.bytes.suffix(6) == [0xFF, 0xFF, 10, 0, 0, 1])
        #expect(IPAddress("2a00:1450:4001:80b::200e")?.description == "2a00:1450:4001:80b:0:0:0:200e")
        for bad in ["256.1.1.1", "1.2.3", "1.2.3.4.5", "1::2::3", "12345::", "a.b.c.d", "", ":::"] { #expect(IPAddress(bad) == nil, "\(bad)") }
        for local in ["10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "127.0.0.1", "169.254.1.1", "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:192.168.0.1"] {
            #expect(IPAddress(local)?.isPrivateOrLocal == true, "\(local)")
        }
        for external in ["8.8.8.8", "172.32.0.1", "2a00:1450::1", "::ffff:8.8.4.4"] { #expect(IPAddress(external)?.isPrivateOrLocal == false, "\(external)") }
    }

    static let received = """
        Return-Path: <bounce@sender.example>
        Received: from mx.internal (mx.internal [10.0.0.5])
        \tby store.internal (Postfix) with ESMTP id 1; Mon, 1 Jan 2024 00:00:00 +0000
        Received: from mail.sender.example (mail.sender.example [203.0.113.9])
        \tby mx.internal (Postfix) with ESMTPS id 2 for <user@example.org>; Mon, 1 Jan 2024 00:00:00 +0000
        Received: from laptop ([198.51.100.7]) by mail.sender.example; Mon, 1 Jan 2024 00:00:00 +0000
        Subject: hi

        body

        """

    @Test("inferred from Return-Path and the first external Received hop", arguments: [MessageForm.rendered, .wire])
    func inferred(form: MessageForm) throws {
        let bytes = [UInt8](Self.received)
        let message = try Message(bytes: form == .wire ? MessageRendering.wire(rendered: bytes) : bytes, form: form)
        #expect(message.givenEnvelope.isEmpty)
        let envelope = message.envelope
        #expect(envelope.mailFrom == "bounce@sender.example")
        #expect(envelope.clientIP == IPAddress("203.0.113.9"))
        #expect(envelope.helo == "mail.sender.example")
        #expect(envelope.recipients == ["user@example.org"])
    }

    @Test("Received variants: Exim, qmail, IPv6 literals, no from clause")
    func variants() throws {
        func hop(_ value: String) throws -> Envelope {
            try Message(rendered: [UInt8]("Received: \(value)\n\nx\n")).inferredEnvelope
        }
        let exim = try hop("from [198.51.100.20] (helo=relay.example) by mx with esmtp")
        #expect(exim.clientIP == IPAddress("198.51.100.20") && exim.helo == "relay.example")
        let qmail = try hop("from unknown (HELO box.example) (198.51.100.21) by mx with SMTP")
        #expect(qmail.clientIP == IPAddress("198.51.100.21") && qmail.helo == "box.example")
        let v6 = try hop("from mail.example (mail.example [IPv6:2001:4860::5]) by mx")
        #expect(v6.clientIP == IPAddress("2001:4860::5"))
        let bare6 = try hop("from h.example (h.example [2a00:1450::1]) by mx")
        #expect(bare6.clientIP == IPAddress("2a00:1450::1"))
        #expect(try hop("(qmail 1234 invoked from network); 1 Jan 2024").clientIP == nil)
        #expect(try hop("from by").clientIP == nil)
        let prefixed = try hop("from h.example IPv6:2001:db8::7 by mx")
        #expect(prefixed.clientIP == IPAddress("2001:db8::7"))
        let signed = try hop("from h.example +1.2.3.4 by mx")
        #expect(signed.clientIP == IPAddress("1.2.3.4"))
    }

    @Test("the Received prefilter admits every piece IPAddress reads (seeded pieces)")
    func addressPrefilter() {
        var random = SeededGenerator(seed: 0x4950)
        let alphabet = Array("0123456789abcdefABCDEFghxyzIPVv+-.:%/_\u{00E9}".utf8)
        let samples = ["IPv6:2001:db8::1", "ipv6:::1", "1.2.3.4", "+1.2.3.4", "-0.1.2.3", "::ffff:1.2.3.4", "fe80::1",
                       "mail.example.com", "10.0.0", "2001:db8::", "a.b.c.d"]
        var admitted = 0, read = 0
        for index in 0..<20_000 {
            var piece: [UInt8]
            if index < samples.count {
                piece = Array(samples[index].utf8)
            } else {
                // Address-shaped: groups of a few characters joined by `.` or `:`, sometimes prefixed.
                let separator = Bool.random(using: &random) ? UInt8(ascii: ".") : UInt8(ascii: ":")
                let groups = Int.random(in: 1...8, using: &random)
                let letters = index % 3 == 0 ? alphabet : Array("0123456789abcdef+".utf8)
                piece = (0..<groups).flatMap { group in
                    (group == 0 ? [] : [separator]) + (0..<Int.random(in: 0...3, using: &random)).map { _ in letters.randomElement(using: &random)! }
                }
                if index % 5 == 0 { piece = Array("IPv6:".utf8) + piece }
            }
            let reads = IPAddress(String(decoding: piece, as: UTF8.self)) != nil
            let admits = piece.withUnsafeBufferPointer { ReceivedHop.mayBeAddress($0[...]) }
            if reads { #expect(admits, "\(String(decoding: piece, as: UTF8.self))") }
            read += reads ? 1 : 0
            admitted += admits ? 1 : 0
        }
        #expect(read > 50 && admitted > read)
    }

    @Test("given envelope first, then X-Envelope-* headers, then inference")
    func precedence() throws {
        let headers = "X-Envelope-From: <gw@example.net>\nX-Envelope-To: <a@example.org>, b@example.org\nX-Envelope-To: c@example.org\n"
            + "X-Envelope-Helo: gw.example.net\nX-Envelope-Client-IP: 192.0.2.44\n" + Self.received
        let message = try Message(rendered: [UInt8](headers))
        #expect(message.envelope == Envelope(mailFrom: "gw@example.net", recipients: ["a@example.org", "b@example.org", "c@example.org"],
                                             helo: "gw.example.net", clientIP: IPAddress("192.0.2.44")))
        let given = Envelope(mailFrom: "", recipients: ["r@example.org"], helo: nil, clientIP: IPAddress("198.51.100.1"))
        let withGiven = try Message(rendered: [UInt8](headers), envelope: given)
        #expect(withGiven.envelope.mailFrom == "")
        #expect(withGiven.envelope.recipients == ["r@example.org"])
        #expect(withGiven.envelope.helo == "gw.example.net")
        #expect(withGiven.envelope.clientIP == IPAddress("198.51.100.1"))
        #expect(withGiven.inferredEnvelope.clientIP == IPAddress("203.0.113.9"))
    }
}
