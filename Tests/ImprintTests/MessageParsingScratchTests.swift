@testable import Imprint
import ImprintTestSupport
import Testing

/// The parsing steps that stopped building temporary arrays and strings (issue 9) give what the
/// building versions (kept here as references) gave, on seeded random input; the parts decoded
/// into the reused buffer are those `decodedParts()` gives.
@Suite struct MessageParsingScratchTests {
    /// A random string over `alphabet`, 0 to `maxLength` characters.
    static func text(_ alphabet: [Character], maxLength: Int, _ random: inout SeededGenerator) -> String {
        String((0..<Int.random(in: 0...maxLength, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }

    /// `IPv4Parser.parse` before it stopped splitting.
    static func referenceIPv4(_ host: Substring) -> (String, Bool)? {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        guard (1...4).contains(parts.count), let last = parts.last, IPv4Parser.number(last) != nil else { return nil }
        var unusual = parts.count != 4
        var values: [UInt64] = []
        for part in parts {
            guard let (value, radix) = IPv4Parser.number(part) else { return nil }
            if radix != 10 { unusual = true }
            values.append(value)
        }
        for value in values.dropLast() where value > 255 { return nil }
        let limit = UInt64(1) << (8 * (5 - values.count))
        guard values[values.count - 1] < limit else { return nil }
        var address = values[values.count - 1]
        for (index, value) in values.dropLast().enumerated() { address += value << (8 * (3 - index)) }
        return ("\(address >> 24).\((address >> 16) & 255).\((address >> 8) & 255).\(address & 255)", unusual)
    }

    @Test func whatwgIPv4ParsesAsTheSplittingParser() {
        var random = SeededGenerator(seed: 791)
        let alphabet: [Character] = Array("0123456789xX..a+-\u{301}é")
        var cases = ["1.2.3.4", "0x7f.1", "0300.0250.0.1", "3232235777", "192.168.257", "1.2.3.4.", "1.2.3.4..", ".", "",
                     "1..2", "0x", "1.2.3.4.5", "4294967296", "1.\u{301}2", "1.2.\u{301}", "256.1.1.1", "1.2.65536"]
        for _ in 0..<20_000 { cases.append(Self.text(alphabet, maxLength: 14, &random)) }
        var parsed = 0
        for host in cases {
            let expected = Self.referenceIPv4(host[...])
            let actual = IPv4Parser.parse(host[...])
            #expect(actual?.0 == expected?.0 && actual?.1 == expected?.1, "\(host)")
            if expected != nil { parsed += 1 }
        }
        #expect(parsed > 1_000)
    }

    /// `Envelope.stripBrackets` before it read ASCII as bytes.
    static func referenceStripBrackets(_ text: String) -> String {
        var value = Substring(text).trimmingSpaces
        if value.hasPrefix("<"), let close = value.firstIndex(of: ">") {
            value = String(value[value.index(after: value.startIndex)..<close])
        }
        return value
    }

    @Test func bracketsStripAsTheCharacterVersion() {
        var random = SeededGenerator(seed: 5321)
        let alphabet: [Character] = Array("<> \ta@b.\u{301}é")
        var cases = ["<a@b>", " <a@b> ", "<>", "<a@b", "a@b>", "<\u{301}a@b>", "\t<x>y>", ""]
        for _ in 0..<20_000 { cases.append(Self.text(alphabet, maxLength: 12, &random)) }
        for text in cases { #expect(Envelope.stripBrackets(text) == Self.referenceStripBrackets(text), "\(text.debugDescription)") }
    }

    /// `ContentType.parse` and `TransferEncoding.parse` read an ASCII main value as bytes and
    /// answer as their String twins (`ContentType.halves(_:)`, `TransferEncoding.parse(lowercased:)`).
    @Test func structuredHeadersParseAsTheStringVersion() {
        var random = SeededGenerator(seed: 2045)
        let alphabet: [Character] = Array("TEXT/plain BASE64 quoted-printable 7Bit;/\t\u{301}\u{212A}é\"=x")
        var cases = ["text/plain", " Text / HTML ; charset=utf-8", "multipart/alternative; boundary=\"a\\\"b\"", "a/b/c", "/x", "x/",
                     "Quoted-Printable", " BASE64 ", "", "7bit; x=1", "8BIT", "binary", "x-uuencode", "\u{212A}bit", "text/\u{301}plain"]
        for _ in 0..<20_000 { cases.append(Self.text(alphabet, maxLength: 24, &random)) }
        var pieces: [MIMEParameterParser.Piece] = []
        for text in cases {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let mainEnd = buffer.firstIndex(of: UInt8(ascii: ";")) ?? buffer.count
                let main = ASCIIBytes.lowercased(UnsafeBufferPointer(rebasing: buffer[MIMEParameterParser.trim(0..<mainEnd, in: buffer)]))
                let type = ContentType.parse(buffer, fallback: .textPlain, pieces: &pieces)
                if let (expectedType, expectedSubtype) = ContentType.halves(main) {
                    #expect(!type.isDefault && type.type == expectedType && type.subtype == expectedSubtype, "\(text.debugDescription)")
                } else {
                    #expect(type.isDefault && type.type == "text" && type.subtype == "plain", "\(text.debugDescription)")
                }
                #expect(TransferEncoding.parse(buffer, pieces: &pieces) == TransferEncoding.parse(lowercased: main), "\(text.debugDescription)")
                #expect(ContentDisposition.parse(buffer, pieces: &pieces).kind == main, "\(text.debugDescription)")
            }
        }
    }

    @Test func quotedParameterValuesResolveEscapes() throws {
        let message = try Message(rendered: Array("Content-Type: text/plain; name=\"a\\\"b\\\\c\"; x=\"open\r\n\r\nbody\r\n".utf8))
        #expect(message.root.contentType.parameter("name") == "a\"b\\c")
        #expect(message.root.contentType.parameters.first { $0.name == "x" }?.rawValue == Array("open".utf8))
    }

    @Test("parts decoded into the reused buffer are those decodedParts() gives, message after message")
    func decodedPartsIntoTheReusedBuffer() throws {
        for (name, bytes) in try MessageCorpus.bundledMessages() {
            let message = try Message(rendered: bytes)
            let expected = message.decodedParts()
            var index = 0
            message.forEachDecodedPart { part, body in
                #expect(index < expected.count && part.index == expected[index].part.index, "\(name)")
                #expect(index < expected.count && Array(body.bytes) == expected[index].body.bytes, "\(name) part \(part.index)")
                #expect(index < expected.count && body.isTruncated == expected[index].body.isTruncated, "\(name)")
                #expect(Array(body.bytes) == message.decodedBody(of: part).bytes || body.isTruncated, "\(name)")
                index += 1
            }
            #expect(index == expected.count, "\(name)")
        }
    }

    @Test func receivedHopNeedsLeaveOutOnlyWhatIsNotWanted() {
        let fields = [
            "from mail.example.com (mail.example.com [203.0.113.5]) by mx.local for <u@example.org>; Mon",
            "from [10.0.0.2] (helo=internal) by relay for x@y.z",
            "from unknown (HELO name) (198.51.100.7) by a",
            "from host by b for nobody",
        ]
        for field in fields {
            let full = ReceivedHop(field)
            let lean = ReceivedHop(field, needs: ReceivedHop.Needs(recipient: false, heloOfPrivateHop: false))
            #expect(lean.address == full.address && lean.recipient == nil)
            #expect(lean.helo == (full.address.map { !$0.isPrivateOrLocal } == true ? full.helo : nil), "\(field)")
        }
    }
}
