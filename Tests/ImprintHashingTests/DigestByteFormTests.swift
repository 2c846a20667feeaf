@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// The byte forms built in one array (`CTPHDigest.textBytes`, `TLSHDigest.body` and
/// `appendBody(to:)`) equal the forms they replace, on seeded random inputs.
@Suite struct DigestByteFormTests {
    @Test func ctphTextBytesAreTheTextForm() throws {
        var random = SeededGenerator(seed: 0xC7F)
        for _ in 0..<200 {
            let digest = CTPH.hash(random.bytes(Int.random(in: 0...40_000, using: &random)))
            let text = "\(digest.blockSize):" + String(decoding: digest.first, as: UTF8.self) + ":"
                + String(decoding: digest.second, as: UTF8.self)
            #expect(digest.textBytes == Array(text.utf8))
            #expect(digest.description == text)
        }
        for blockSize: UInt32 in [1, 3, 9, 10, 99, 100, 3 << 30, .max] {
            let digest = try CTPHDigest(blockSize: blockSize, first: Array("AB+/".utf8), second: [])
            #expect(digest.description == "\(blockSize):AB+/:")
        }
    }

    @Test func tlshBodyIsTheBucketOrderBytes() throws {
        var random = SeededGenerator(seed: 0x715)
        var checked = 0
        for _ in 0..<200 {
            guard let digest = TLSH.hash(random.bytes(Int.random(in: 50...5_000, using: &random))) else { continue }
            let expected = (0..<16).map { digest.low[$0] } + (0..<16).map { digest.high[$0] }
            #expect(digest.body == expected)
            var appended: [UInt8] = [1, 2, 3]
            digest.appendBody(to: &appended)
            #expect(appended == [1, 2, 3] + expected)
            checked += 1
        }
        #expect(checked > 150)
    }
}
