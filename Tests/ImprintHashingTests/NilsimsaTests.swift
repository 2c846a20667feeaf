@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// Nilsimsa against the Python reference's digests of its 20 test documents
/// (`Fixtures/nilsimsa`, from diffeo/py-nilsimsa), its compare score, and the banked kernel
/// against a direct transcription of the reference's per-byte loop.
@Suite struct NilsimsaTests {
    struct Row: Sendable, CustomStringConvertible {
        let path: String
        let hex: String
        var description: String { path }
    }

    static func rows() throws -> [Row] {
        try Fixtures.table("nilsimsa/expected_nilsimsa_hexdigests.tsv").map {
            Row(path: "nilsimsa/" + $0[0], hex: String($0[1]))
        }
    }

    @Test func tableHasTwentyDocuments() throws {
        #expect(try Self.rows().count == 20)
    }

    @Test func digestsMatchReference() throws {
        for row in try Self.rows() {
            let digest = Nilsimsa.hash(try Fixtures.bytes(row.path))
            #expect(digest.description == row.hex, "\(row)")
            #expect(try NilsimsaDigest(hex: row.hex) == digest)
        }
    }

    @Test func compareScoreMatchesReference() throws {
        // nilsimsa/test.py test_compare_hex: these two documents score 95.
        let first = Nilsimsa.hash(try Fixtures.bytes("nilsimsa/test_data/1352396387-81c1161097f9f00914e1b152ca4c0f46.txt"))
        let second = Nilsimsa.hash(try Fixtures.bytes("nilsimsa/test_data/1338103128-006193af403dcc90c962184df08960a3.txt"))
        for path in KernelPath.allCases {
            #expect(first.score(comparedTo: second, path: path) == 95)
            #expect(second.score(comparedTo: second, path: path) == 128)
        }
    }

    @Test func scoreRangeIsMinus128To128() throws {
        let zeros = try NilsimsaDigest(hex: String(repeating: "0", count: 64))
        let ones = try NilsimsaDigest(hex: String(repeating: "F", count: 64))
        #expect(zeros.score(comparedTo: ones) == -128)
        #expect(ones.score(comparedTo: ones) == 128)
    }

    @Test func incrementalEqualsOneShotInRandomSplits() throws {
        var random = SeededGenerator(seed: 0x4E11)
        for row in try Self.rows().prefix(6) {
            let bytes = try Fixtures.bytes(row.path)
            let cuts = random.splits(of: bytes.count, pieces: Int.random(in: 2...12, using: &random))
            var state = Nilsimsa()
            for (start, end) in zip(cuts, cuts.dropFirst()) { state.update(bytes[start..<end]) }
            #expect(state.finalize().description == row.hex, "\(row) cuts \(cuts)")
        }
        let short = Array("abcdefg".utf8)
        var byteByByte = Nilsimsa()
        for byte in short { byteByByte.update(CollectionOfOne(byte)) }
        #expect(byteByByte.finalize() == Nilsimsa.hash(short))
    }

    @Test func foldingCountersKeepsTheDigest() throws {
        // Counters fold into 64-bit totals before 2^32 bytes; folding early must not matter.
        for row in try Self.rows().prefix(4) {
            let bytes = try Fixtures.bytes(row.path)
            var state = Nilsimsa()
            state.update(bytes[..<(bytes.count / 3)])
            state.fold()
            state.update(bytes[(bytes.count / 3)...])
            state.fold()
            #expect(state.finalize().description == row.hex, "\(row)")
        }
    }

    @Test func kernelEqualsDirectTranscriptionOnRandomInputs() {
        var random = SeededGenerator(seed: 0x5EED_0001)
        for _ in 0..<300 {
            let length = Int.random(in: 0...600, using: &random)
            let alphabet = UInt8.random(in: 1...255, using: &random)  // small alphabets skew counts
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...alphabet, using: &random) }
            #expect(Nilsimsa.hash(bytes) == Self.directDigest(bytes), "length \(length)")
        }
    }

    @Test func rejectsMalformedHex() {
        #expect(throws: TextKernelError.self) { try NilsimsaDigest(hex: "abc") }
        #expect(throws: TextKernelError.self) { try NilsimsaDigest(hex: String(repeating: "g", count: 64)) }
        #expect(throws: TextKernelError.self) { try NilsimsaDigest(hex: String(repeating: "0", count: 66)) }
    }

    /// The reference's loop as written: a 4-byte window list, up to 8 trigrams a byte, the mean
    /// as a floating-point threshold, digest bytes reversed for printing.
    static func directDigest(_ bytes: [UInt8]) -> NilsimsaDigest {
        var accumulator = [Int](repeating: 0, count: 256)
        var window: [UInt8] = []
        for c in bytes {
            if window.count > 1 { accumulator[Nilsimsa.tranHash(c, window[0], window[1], 0)] += 1 }
            if window.count > 2 {
                accumulator[Nilsimsa.tranHash(c, window[0], window[2], 1)] += 1
                accumulator[Nilsimsa.tranHash(c, window[1], window[2], 2)] += 1
            }
            if window.count > 3 {
                accumulator[Nilsimsa.tranHash(c, window[0], window[3], 3)] += 1
                accumulator[Nilsimsa.tranHash(c, window[1], window[3], 4)] += 1
                accumulator[Nilsimsa.tranHash(c, window[2], window[3], 5)] += 1
                accumulator[Nilsimsa.tranHash(window[3], window[0], c, 6)] += 1
                accumulator[Nilsimsa.tranHash(window[3], window[2], c, 7)] += 1
            }
            window = [c] + window.prefix(3)
        }
        let n = bytes.count
        let trigrams = n == 3 ? 1 : n == 4 ? 4 : n > 4 ? 8 * n - 28 : 0
        let threshold = Double(trigrams) / 256
        var digest = [UInt8](repeating: 0, count: 32)
        for bucket in 0..<256 where Double(accumulator[bucket]) > threshold {
            digest[bucket >> 3] |= 1 << UInt8(bucket & 7)
        }
        return try! NilsimsaDigest(hex: HexEncoding.string(digest.reversed()))
    }
}
