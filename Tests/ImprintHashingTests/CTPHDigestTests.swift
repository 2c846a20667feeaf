import ImprintHashing
import ImprintTestSupport
import Testing

/// The `bs:h1:h2` text form: round trips and typed errors for bad text.
@Suite struct CTPHDigestTests {
    @Test func parsesAndPrintsTheTextForm() throws {
        for text in ["3::", "3:aaX8n:aF", "24576:cSahQzDAOUSGqluqLgJLyT4KgO+bBxB8tGRGdv:c275gJm8zFxfS",
                     "6:" + String(repeating: "V", count: 64) + ":" + String(repeating: "/", count: 64)] {
            let digest = try CTPHDigest(parsing: text)
            #expect(digest.description == text)
            #expect(try CTPHDigest(parsing: digest.description) == digest)
        }
        let digest = try CTPHDigest(parsing: "12:ab+/:Z9")
        #expect(digest.blockSize == 12)
        #expect(digest.first == Array("ab+/".utf8))
        #expect(digest.second == Array("Z9".utf8))
    }

    @Test(arguments: [
        ("", CTPHDigestError.Code.missingSeparator),
        ("3", .missingSeparator),
        ("3:abc", .missingSeparator),
        (":abc:def", .badBlockSize),
        ("x3:abc:def", .badBlockSize),
        ("-3:abc:def", .badBlockSize),
        ("0:abc:def", .badBlockSize),
        ("4294967296:abc:def", .badBlockSize),
        ("99999999999999999999999:a:b", .badBlockSize),
        ("3:abc:de:f", .badCharacter),
        ("3:abc:def,\"file\"", .badCharacter),
        ("3:ab c:def", .badCharacter),
        ("3:abc:d\u{e9}f", .badCharacter),
        ("3:" + String(repeating: "a", count: 65) + ":b", .partTooLong),
        ("3:a:" + String(repeating: "b", count: 65), .partTooLong),
    ])
    func rejectsBadText(text: String, code: CTPHDigestError.Code) {
        #expect {
            try CTPHDigest(parsing: text)
        } throws: { error in
            (error as? CTPHDigestError)?.code == code
        }
    }

    @Test func randomTextParsesOrThrowsAndRoundTrips() {
        var random = SeededGenerator(seed: 0xBAD)
        let pieces = ["3", "6", "96", "0", ":", ":", "abc", "aaaa", "+/", ",", " ", "-", "\u{0}", "é", "99999999999"]
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            guard let digest = try? CTPHDigest(parsing: text) else { continue }
            // Leading zeros of the block size are accepted (as ssdeep's sscanf does) and dropped.
            #expect(digest.description.drop { $0 == "0" } == text.drop { $0 == "0" })
            #expect((try? CTPHDigest(parsing: digest.description)) == digest)
            #expect(CTPH.score(digest, digest) == 100)
        }
    }

    @Test func hashIsTheOneShotOfTheIncrementalState() {
        var random = SeededGenerator(seed: 3)
        let bytes = random.bytes(10_000)
        var state = CTPH()
        state.update(bytes)
        #expect(state.finalize() == CTPH.hash(bytes))
        // finalize does not consume: more input continues the same state.
        state.update(bytes)
        #expect(state.finalize() == CTPH.hash(bytes + bytes))
        #expect(CTPH.hash([UInt8]()).description == "3::")
    }
}
