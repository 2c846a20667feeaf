import ImprintHashing
import ImprintTestSupport
import Testing

/// SHA-1 against the FIPS 180-4 / FIPS 180-2 Appendix A examples and in random splits.
@Suite struct SHA1Tests {
    @Test func fipsExamples() {
        #expect(SHA1.hexDigest(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(SHA1.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        #expect(SHA1.hexDigest([UInt8]()) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }

    @Test func paddingBoundaries() {
        // Lengths around the 55/56/64-byte padding edges, against `sha1sum` of "a" repeated.
        let expected: [Int: String] = [
            55: "c1c8bbdc22796e28c0e15163d20899b65621d65a",
            56: "c2db330f6083854c99d4b5bfb6e8f29f201be699",
            63: "03f09f5b158a7a8cdad920bddc29b81c18a551f5",
            64: "0098ba824b5c16427bd7a1122a5a442a25ec644d",
            65: "11655326c708d70319be2610e8a57d9a5b959d3b",
        ]
        for (length, digest) in expected {
            #expect(SHA1.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest, "\(length)")
        }
    }

    @Test func incrementalEqualsOneShotInRandomSplits() {
        var random = SeededGenerator(seed: 0x5A1)
        for _ in 0..<200 {
            let bytes = random.bytes(Int.random(in: 0...700, using: &random))
            let cuts = random.splits(of: bytes.count, pieces: Int.random(in: 1...9, using: &random))
            var hasher = SHA1()
            for (start, end) in zip(cuts, cuts.dropFirst()) { hasher.update(bytes[start..<end]) }
            #expect(hasher.finalize() == SHA1.hash(bytes))
        }
    }
}
