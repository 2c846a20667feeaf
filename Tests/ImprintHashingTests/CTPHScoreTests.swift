import ImprintHashing
import ImprintTestSupport
import Testing

/// CTPH comparison scores against the C ssdeep library's `fuzzy_compare` over every pair of
/// ffuzzy's comparison lists (`Fixtures/ssdeep_reference`), and the score's properties.
@Suite struct CTPHScoreTests {
    static func digests(_ list: String) throws -> [CTPHDigest] {
        let text = String(decoding: try Fixtures.bytes("ssdeep_ffuzzy/testsuite/compare/\(list).txt"), as: UTF8.self)
        return try text.split(whereSeparator: \.isNewline).filter { !$0.isEmpty }.map { line in
            // ssdeep's list format: `digest,"name"`.
            try CTPHDigest(parsing: line.split(separator: ",", maxSplits: 1)[0])
        }
    }

    static func referenceScores(_ list: String) throws -> [Int: Int] {
        var scores: [Int: Int] = [:]
        for fields in try Fixtures.table("ssdeep_reference/\(list).scores.tsv") {
            scores[Int(fields[0])! << 16 | Int(fields[1])!] = Int(fields[2])!
        }
        return scores
    }

    static let lists = ["big_cluster.uniform_blocksize.4x128", "malware_all.uniform_blocksize.16x32", "various"]

    @Test(arguments: lists)
    func everyPairMatchesLibfuzzy(list: String) throws {
        let digests = try Self.digests(list)
        let reference = try Self.referenceScores(list)
        #expect(digests.count == (list == "various" ? 3 : 512))
        var checked = 0, nonzero = 0
        for a in digests.indices {
            for b in (a + 1)..<digests.count {
                let expected = reference[a << 16 | b] ?? 0
                let score = CTPH.score(digests[a], digests[b])
                #expect(score == expected, "\(list) \(a) \(b): \(digests[a]) vs \(digests[b])")
                // The scalar twin on a seventh of the pairs (it is the slow reference).
                if (a + b) % 7 == 0 {
                    #expect(CTPH.score(digests[a], digests[b], path: .scalar) == expected, "\(list) \(a) \(b) scalar")
                }
                checked += 1
                if expected > 0 { nonzero += 1 }
            }
        }
        #expect(nonzero == reference.count)
        #expect(checked == digests.count * (digests.count - 1) / 2)
    }

    @Test func scoreProperties() throws {
        let digests = try Self.digests("malware_all.uniform_blocksize.16x32")
        for (index, a) in digests.enumerated() {
            #expect(CTPH.score(a, a) == 100)
            for b in digests[index...].prefix(40) {
                let score = CTPH.score(a, b)
                #expect((0...100).contains(score))
                #expect(score == CTPH.score(b, a), "symmetric: \(a) \(b)")
                let ratio = max(a.blockSize, b.blockSize) / min(a.blockSize, b.blockSize)
                if ratio > 2 { #expect(score == 0, "incomparable block sizes \(a) \(b)") }
            }
        }
    }

    @Test func hashesOfEditedInputsStaySimilar() {
        var random = SeededGenerator(seed: 0xC7B4)
        let words = (0..<2000).map { _ in String(Int.random(in: 0..<5000, using: &random), radix: 36) }
        let text = Array(words.joined(separator: " ").utf8)
        var edited = text
        edited.replaceSubrange(4000..<4040, with: Array("a different sentence in the middle".utf8))
        let unrelated = random.bytes(text.count)
        let original = CTPH.hash(text)
        #expect(CTPH.score(original, CTPH.hash(edited)) >= 80)
        #expect(CTPH.score(original, CTPH.hash(unrelated)) == 0)
    }

    @Test func smallBlockSizesCapTheScore() throws {
        // Parts of 8 characters, one replaced, at block size 3: cap = 3/3 · 8 = 8.
        let a = try CTPHDigest(parsing: "3:abcdefgh:")
        let b = try CTPHDigest(parsing: "3:abcdefgX:")
        #expect(CTPH.score(a, b) == min(8, 100 - (100 * (2 * 64 / 16)) / 64))
        // The same parts at block size 48 are not capped: distance 2 over 16 characters.
        let c = try CTPHDigest(parsing: "48:abcdefgh:")
        let d = try CTPHDigest(parsing: "48:abcdefgX:")
        #expect(CTPH.score(c, d) == 100 - (100 * (2 * 64 / 16)) / 64)
        // Sequences are eliminated before comparing: these are identical once cut to 3.
        #expect(CTPH.score(try CTPHDigest(parsing: "6:aaaaaaabc:x"), try CTPHDigest(parsing: "6:aaabc:x")) == 100)
        // No common substring of 7: 0 even with a small distance.
        #expect(CTPH.score(try CTPHDigest(parsing: "96:abcdefXhij:"), try CTPHDigest(parsing: "96:abcdefYhij:")) == 0)
    }
}
