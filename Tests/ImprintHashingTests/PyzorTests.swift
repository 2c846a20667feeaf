import Foundation
import ImprintHashing
import ImprintTestSupport
import Testing

/// The Pyzor body digest against digests the real Pyzor computed over the same decoded parts
/// (`Fixtures/pyzor/vectors.jsonl`, made by `scripts/make_pyzor_vectors.py`).
@Suite struct PyzorTests {
    struct Case: Decodable, Sendable, CustomStringConvertible {
        let parts: [String]
        let digest: String
        var description: String { parts.map { String($0.unicodeScalars.prefix(60)) }.description }
    }

    static func cases() throws -> [Case] {
        let text = String(decoding: try Fixtures.bytes("pyzor/vectors.jsonl"), as: UTF8.self)
        return try text.split(separator: "\n").dropFirst().map {
            try JSONDecoder().decode(Case.self, from: Data($0.utf8))
        }
    }

    @Test func digestsMatchPyzor() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 300)
        for item in cases {
            #expect(PyzorDigest.hexDigest(parts: item.parts) == item.digest, "\(item)")
        }
    }

    @Test func partsJoinedByNewlineGiveTheSameDigest() throws {
        for item in try Self.cases() where item.parts.count > 1 {
            var joined = PyzorDigest()
            joined.update(partUTF8: Array(item.parts.joined(separator: "\n").utf8))
            #expect(HexEncoding.string(joined.finalize()) == item.digest, "\(item)")
        }
    }

    @Test func lineSelectionFollowsTheSpec() {
        func selection(lines: Int) -> [Int] {
            var digest = PyzorDigest()
            digest.update(part: (0..<lines).map { "line number \($0)" }.joined(separator: "\n"))
            #expect(digest.keptLineCount == lines)
            return digest.selectedLines()
        }
        #expect(selection(lines: 4) == [0, 1, 2, 3])
        #expect(selection(lines: 5) == [1, 2, 3, 3, 4])
        #expect(selection(lines: 100) == [20, 21, 22, 60, 61, 62])
    }

    @Test func arbitraryBytesNeverCrash() {
        // Invalid UTF-8 becomes U+FFFD before scanning; random bytes must digest without a trap.
        var random = SeededGenerator(seed: 0xB4D)
        for _ in 0..<200 {
            let bytes = random.bytes(Int.random(in: 0...300, using: &random))
            var digest = PyzorDigest()
            digest.update(partUTF8: bytes)
            #expect(digest.finalize().count == SHA1.byteCount)
        }
    }

    @Test func emptyMessageIsSHA1OfNothing() {
        #expect(PyzorDigest.hexDigest(parts: [String]()) == SHA1.hexDigest([UInt8]()))
    }
}
