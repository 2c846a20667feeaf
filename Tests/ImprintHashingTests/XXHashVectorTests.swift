import ImprintHashing
import ImprintTestSupport
import Testing

/// XXH64 and XXH3-64 against the reference digests of every prefix length and seed in
/// `Fixtures/xxhash/expected.tsv`, on every kernel path.
@Suite struct XXHashVectorTests {
    struct Row: Sendable, CustomStringConvertible {
        let length: Int
        let seed: UInt64
        let xxh64: UInt64
        let xxh3: UInt64
        var description: String { "len \(length) seed \(seed)" }
    }

    static func rows() throws -> [Row] {
        try Fixtures.table("xxhash/expected.tsv").map { fields in
            Row(length: Int(fields[0])!, seed: UInt64(fields[1])!,
                xxh64: UInt64(fields[2], radix: 16)!, xxh3: UInt64(fields[3], radix: 16)!)
        }
    }

    @Test func tableCoversEveryPath() throws {
        let rows = try Self.rows()
        #expect(rows.count == 813)
        // Lengths reach every XXH3 branch: 0, 1-3, 4-8, 9-16, 17-128, 129-240, long, multi-block.
        let lengths = Set(rows.map(\.length))
        for length in [0, 2, 6, 12, 100, 200, 241, 1025, 4096] { #expect(lengths.contains(length)) }
    }

    @Test(arguments: KernelPath.allCases)
    func xxh64MatchesReference(path: KernelPath) throws {
        let input = try Fixtures.bytes("xxhash/input.bin")
        for row in try Self.rows() {
            let digest = XXH64.hash(input[0..<row.length], seed: row.seed, path: path)
            #expect(digest == row.xxh64, "\(row)")
        }
    }

    @Test(arguments: KernelPath.allCases)
    func xxh3MatchesReference(path: KernelPath) throws {
        let input = try Fixtures.bytes("xxhash/input.bin")
        for row in try Self.rows() {
            let digest = XXH3.hash64(input[0..<row.length], seed: row.seed, path: path)
            #expect(digest == row.xxh3, "\(row)")
        }
    }

    @Test func xxh64IncrementalMatchesOneShotInRandomSplits() throws {
        let input = try Fixtures.bytes("xxhash/input.bin")
        var random = SeededGenerator(seed: 64)
        for row in try Self.rows() where row.length % 7 == 0 || row.length > 256 {
            let prefix = Array(input[0..<row.length])
            let cuts = random.splits(of: prefix.count, pieces: Int.random(in: 1...9, using: &random))
            var state = XXH64(seed: row.seed)
            for (start, end) in zip(cuts, cuts.dropFirst()) {
                state.update(prefix[start..<end])
            }
            #expect(state.finalize() == row.xxh64, "\(row) cuts \(cuts)")
            var byteByByte = XXH64(seed: row.seed)
            for byte in prefix { byteByByte.update(CollectionOfOne(byte)) }
            #expect(byteByByte.finalize() == row.xxh64, "\(row) byte by byte")
        }
    }
}

/// The SIMD kernels against their scalar twins on seeded random inputs.
@Suite struct XXHashKernelTwinTests {
    @Test func simdEqualsScalarOnRandomInputs() {
        var random = SeededGenerator(seed: 0x5EED)
        for _ in 0..<400 {
            let length = Int.random(in: 0...9000, using: &random)
            let bytes = random.bytes(length)
            let seed = random.next()
            #expect(XXH64.hash(bytes, seed: seed, path: .simd) == XXH64.hash(bytes, seed: seed, path: .scalar))
            #expect(XXH3.hash64(bytes, seed: seed, path: .simd) == XXH3.hash64(bytes, seed: seed, path: .scalar))
        }
    }

    @Test func hexFormIsSixteenDigitsBigEndian() {
        #expect(HexEncoding.string(UInt64(0x2d06800538d394c2)) == "2d06800538d394c2")
        #expect(HexEncoding.string(UInt64(1)) == "0000000000000001")
        #expect(HexEncoding.string([0x00, 0xAB, 0xff]) == "00abff")
        #expect(HexEncoding.bytes("00ABff") == [0x00, 0xAB, 0xFF])
        #expect(HexEncoding.bytes("abc") == nil)
        #expect(HexEncoding.bytes("zz") == nil)
    }
}
