@testable import Imprint
import ImprintTestSupport
import Testing

@Suite("MIME decoding")
struct MIMEDecodingTests {
    static func b64(_ text: String) -> String { String(decoding: Base64Decoder.decode([UInt8](text)), as: UTF8.self) }
    static func qp(_ text: String) -> String { String(decoding: QuotedPrintableDecoder.decode([UInt8](text)), as: UTF8.self) }

    @Test("base64: RFC 4648 vectors, line noise, bad or missing padding, concatenation")
    func base64() {
        // RFC 4648 §10.
        let vectors = ["": "", "Zg==": "f", "Zm8=": "fo", "Zm9v": "foo", "Zm9vYg==": "foob", "Zm9vYmE=": "fooba", "Zm9vYmFy": "foobar"]
        for (encoded, plain) in vectors { #expect(Self.b64(encoded) == plain) }
        #expect(Self.b64("Zm9v\r\nYmFy\r\n") == "foobar")
        #expect(Self.b64("Zm9 v!Ym*Fy") == "foobar")         // noise skipped
        #expect(Self.b64("Zm9vYg") == "foob")                 // missing padding
        #expect(Self.b64("Zm9vYmE") == "fooba")
        #expect(Self.b64("Zm9vY") == "foo")                   // a lone final character is dropped
        #expect(Self.b64("Zg=====") == "f")                   // extra padding
        #expect(Self.b64("Zg==Zm8=") == "ffo")                // concatenated encodings
        #expect(Self.b64("=Zm9v") == "foo")
    }

    @Test("base64 fast and slow paths agree on random data with random noise")
    func base64Random() {
        var generator = SeededGenerator(seed: 64)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for _ in 0..<200 {
            let plain = generator.bytes(Int.random(in: 0...300, using: &generator))
            var encoded: [UInt8] = []
            var index = 0
            while index < plain.count {
                let chunk = Array(plain[index..<min(index + 3, plain.count)])
                let word = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
                for position in 0..<(chunk.count + 1) { encoded.append(alphabet[Int(word >> (18 - 6 * UInt32(position)) & 63)]) }
                for _ in chunk.count..<3 { encoded.append(UInt8(ascii: "=")) }
                index += 3
                if Int.random(in: 0..<5, using: &generator) == 0 { encoded += [0x0D, 0x0A] }
                if Int.random(in: 0..<9, using: &generator) == 0 { encoded.append(UInt8(ascii: " ")) }
            }
            #expect(Base64Decoder.decode(encoded) == plain)
            let ways = feedAllWays(encoded, seed: generator.next(), make: { Base64Decoder() },
                                   update: { $0.update($1) }, finish: { $0.finalize() })
            #expect(ways.allSatisfy { $0 == plain })
        }
    }

    @Test("quoted-printable: soft breaks, escapes, bad escapes kept, trailing space dropped")
    func quotedPrintable() {
        #expect(Self.qp("caf=C3=A9") == "café")
        #expect(Self.qp("caf=c3=a9") == "café")
        #expect(Self.qp("soft=\r\nbreak") == "softbreak")
        #expect(Self.qp("soft=\nbreak") == "softbreak")
        #expect(Self.qp("soft= \t\r\nbreak") == "softbreak")
        #expect(Self.qp("a=G1b") == "a=G1b")
        #expect(Self.qp("50% =off") == "50% =off")
        #expect(Self.qp("end=") == "end=")
        #expect(Self.qp("end=4") == "end=4")
        #expect(Self.qp("trail   \r\nnext") == "trail\r\nnext")
        #expect(Self.qp("lf\nonly") == "lf\r\nonly")
        #expect(Self.qp("keep  =\r\nspace") == "keep  space")
        #expect(Self.qp("= x") == "= x")
        #expect(Self.qp("bare\rcr") == "bare\rcr")
        // Whitespace runs longer than the decoder keeps inline (64) keep their order, or go at a line end.
        let run = String((0..<70).map { $0 % 3 == 0 ? "\t" : " " })
        #expect(Self.qp("a" + run + "b") == "a" + run + "b")
        #expect(Self.qp("a" + run + "\r\nb") == "a\r\nb")
        #expect(Self.qp("a=" + run + "b") == "a=" + run + "b")
        #expect(Self.qp("a=" + run + "\r\nb") == "ab")
    }

    @Test("streaming decoders give the same bytes fed whole, byte by byte and in random splits, over the bundled corpus")
    func streamingDecoders() throws {
        for (index, (name, bytes)) in try MessageCorpus.bundledMessages().enumerated() where index % 3 == 0 {
            let message = try Message(rendered: bytes)
            for part in message.leaves {
                let raw = part.body.copyBytes()
                let expected = message.decodedBody(of: part).bytes
                let ways: [[UInt8]]
                switch part.transferEncoding {
                case .base64:
                    ways = feedAllWays(raw, seed: UInt64(index), make: { Base64Decoder() }, update: { $0.update($1) }, finish: { $0.finalize() })
                case .quotedPrintable:
                    ways = feedAllWays(raw, seed: UInt64(index), make: { QuotedPrintableDecoder() }, update: { $0.update($1) }, finish: { $0.finalize() })
                default:
                    ways = feedAllWays(raw, seed: UInt64(index), make: { IdentityDecoder() }, update: { $0.update($1) }, finish: { $0.finalize() })
                }
                #expect(ways.allSatisfy { $0 == expected }, "\(name) part \(part.index)")
            }
        }
    }

    @Test("RFC 2047 encoded words: B and Q, adjacent-word whitespace, split characters, malformed words")
    func encodedWords() throws {
        func decoded(_ value: String) throws -> String {
            try Message(rendered: [UInt8]("Subject: \(value)\n\n")).headers["Subject"] ?? ""
        }
        #expect(try decoded("=?utf-8?B?Y2Fmw6k=?=") == "café")
        #expect(try decoded("=?UTF-8?Q?caf=C3=A9_au_lait?=") == "café au lait")
        #expect(try decoded("=?iso-8859-1?q?caf=E9?=") == "café")
        #expect(try decoded("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab")                  // RFC 2047 §8 examples
        #expect(try decoded("=?utf-8?q?a?=\n   =?utf-8?q?b?=") == "ab")               // folded between words
        #expect(try decoded("=?utf-8?q?a?= b =?utf-8?q?c?=") == "a b c")
        #expect(try decoded("(=?utf-8?q?a?=)") == "(a)")
        #expect(try decoded("=?utf-8?B?w6k=?= =?utf-8?B?w6k=?=") == "éé")
        #expect(try decoded("=?utf-8?B?4oI=?= =?utf-8?B?rA==?=") == "€")             // a character split over two words
        #expect(try decoded("=?utf-8*en?q?lang?=") == "lang")                       // RFC 2231 §5 language
        #expect(try decoded("=?utf-8?x?bad?=") == "=?utf-8?x?bad?=")
        #expect(try decoded("=?utf-8?q?unterminated") == "=?utf-8?q?unterminated")
        #expect(try decoded("pre=?utf-8?q?mid?=post") == "premidpost")
        #expect(try decoded("=?utf-8?q?bad=ZZescape?=") == "bad=ZZescape")
        #expect(try decoded("plain text") == "plain text")
    }

    @Test("RFC 2231 parameters: continuations, charsets, percent escapes; filenames from either header")
    func parameters() throws {
        func part(_ headers: String) throws -> MIMEPart {
            try Message(rendered: [UInt8](headers + "\n\nbody\n")).root
        }
        let continued = try part("Content-Type: application/pdf;\n name*0=\"long\";\n name*1=\"-name\";\n name*2=\".pdf\"")
        #expect(continued.filename == "long-name.pdf")
        let extended = try part("Content-Disposition: attachment; filename*=utf-8''caf%C3%A9%20menu.txt")
        #expect(extended.filename == "café menu.txt")
        #expect(extended.isAttachment)
        let mixed = try part("Content-Disposition: attachment;\n filename*0*=iso-8859-1'fr'caf%E9;\n filename*1=\"-plain\"")
        #expect(mixed.filename == "café-plain")
        let outOfOrder = try part("Content-Type: text/plain; name*1=\"b\"; name*0=\"a\"; charset=\"UTF-8\"")
        #expect(outOfOrder.filename == "ab")
        #expect(outOfOrder.charset == "utf-8")
        let rfc2047 = try part("Content-Type: image/png; name=\"=?utf-8?B?w6kucG5n?=\"")
        #expect(rfc2047.filename == "é.png")
        let both = try part("Content-Type: image/png; name=\"type.png\"\nContent-Disposition: inline; filename=\"disp.png\"")
        #expect(both.filename == "disp.png")
        #expect(both.disposition?.kind == "inline")
        let quoted = try part("Content-Type: TEXT/HTML; charset=\"ISO-8859-1\"; name=\"a \\\"q\\\"; b.html\"")
        #expect(quoted.contentType.mediaType == "text/html")
        #expect(quoted.filename == "a \"q\"; b.html")
        #expect(quoted.charset == "iso-8859-1")
        let duplicate = try part("Content-Type: Multipart/Mixed; BOUNDARY=\"x\"; boundary=\"y\"")
        #expect(duplicate.contentType.mediaType == "multipart/mixed")
        #expect(duplicate.contentType.parameters.map(\.value) == ["x"])
    }

    @Test("names and media types lower-cased in one step as decoded then lower-cased (seeded random bytes)")
    func mediaTypeLowercasing() {
        var random = SeededGenerator(seed: 2045)
        let alphabet: [UInt8] = Array("AZaz09/-+.ÉéİK".utf8) + [0x80, 0xFF, 0xC3]
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            #expect(bytes.withUnsafeBufferPointer(ASCIIBytes.lowercased) == String(decoding: bytes, as: UTF8.self).lowercased())
        }
    }

    @Test("text parts go through CharsetDecoder with their declared charset")
    func textParts() throws {
        let latin = try Message(rendered: [UInt8]("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\ncaf=E9\n"))
        #expect(latin.text(of: latin.root) == "café\r\n")
        let binary = try Message(rendered: [UInt8]("Content-Type: image/gif\n\nGIF89a"))
        #expect(binary.text(of: binary.root) == nil)
        #expect(binary.decodedBody(of: binary.root).bytes == [UInt8]("GIF89a"))
    }
}
