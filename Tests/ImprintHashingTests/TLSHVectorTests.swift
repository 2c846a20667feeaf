import ImprintHashing
import ImprintTestSupport
import Testing

/// TLSH against the reference's own test data (`Fixtures/tlsh`, from trendmicro/tlsh
/// `Testing/`): the digest of each of the 80 example inputs and the distances it prints.
@Suite struct TLSHVectorTests {
    /// `path -> digest text` from an `out_EXP` file (`<digest>\t<path>`).
    static func expectedDigests(_ name: String) throws -> [(path: String, digest: String)] {
        try Fixtures.table("tlsh/exp/\(name)").map { (String($0[1]), String($0[0])) }
    }

    /// Rows of a scores file: `<path a>\t<path b>\t<distance>`.
    static func expectedScores(_ name: String) throws -> [(a: String, b: String, distance: Int)] {
        try Fixtures.table("tlsh/exp/\(name)").map { (String($0[0]), String($0[1]), Int($0[2])!) }
    }

    @Test func digestsOfAllExampleInputsMatchReference() throws {
        let expected = try Self.expectedDigests("example_data.128.1.len.out_EXP")
        #expect(expected.count == 80)
        for (path, digest) in expected {
            let bytes = try Fixtures.bytes("tlsh/\(path)")
            #expect(TLSH.hash(bytes)?.description == digest, "\(path)")
        }
        // The xlen run prints the same digests: length only matters to the distance.
        let xlen = try Self.expectedDigests("example_data.128.1.xlen.out_EXP")
        #expect(xlen.map(\.digest) == expected.map(\.digest))
    }

    @Test(arguments: [
        ("example_data.128.1.len.scores_EXP", true), ("example_data.128.1.len.xref.scores_EXP", true),
        ("example_data.128.1.xlen.scores_EXP", false), ("example_data.128.1.xlen.xref.scores_EXP", false),
    ])
    func distancesMatchReference(file: String, includeLength: Bool) throws {
        var digests: [String: TLSHDigest] = [:]
        for (path, text) in try Self.expectedDigests("example_data.128.1.len.out_EXP") {
            digests[path] = try TLSHDigest(parsing: text)
        }
        let rows = try Self.expectedScores(file)
        #expect(rows.count == (file.contains("xref") ? 80 * 79 / 2 : 80))
        for row in rows {
            let a = try #require(digests[row.a]), b = try #require(digests[row.b])
            for path in KernelPath.allCases {
                #expect(a.distance(to: b, includeLength: includeLength, path: path) == row.distance,
                        "\(row.a) \(row.b) \(path)")
                #expect(b.distance(to: a, includeLength: includeLength, path: path) == row.distance)
            }
        }
    }

    /// The reference unit test: two 511-byte strings, their digests and distances.
    @Test func referenceUnitTestStrings() throws {
        var fields: [String: String] = [:]
        let text = String(decoding: try Fixtures.bytes("tlsh/exp/simple_unittest.128.1.EXP"), as: UTF8.self)
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: " = ") else { continue }
            let key = String(line[..<range.lowerBound])
            if fields[key] == nil { fields[key] = String(line[range.upperBound...]) }
        }
        let first = try #require(fields["str1"]).dropFirst().dropLast()
        let second = try #require(fields["str2"]).dropFirst().dropLast()
        // The reference test hashes each C string with its terminating NUL (strlen + 1 bytes).
        let hash1 = try #require(TLSH.hash(Array(first.utf8) + [0]))
        let hash2 = try #require(TLSH.hash(Array(second.utf8) + [0]))
        #expect(hash1.description == fields["hash1"])
        #expect(hash2.description == fields["hash2"])
        #expect(hash1.distance(to: hash2) == Int(try #require(fields["difference (with len)"])))
        #expect(hash1.distance(to: hash2, includeLength: false) == Int(try #require(fields["difference (without len)"])))
        #expect(hash1.distance(to: hash1) == 0)
    }

    /// The length field of digests of one text grown from 292 bytes to 6.8 MB.
    @Test func lengthFieldMatchesReferenceAcrossSizes() throws {
        let text = String(decoding: try Fixtures.bytes("tlsh/exp/testlen.128.1.out_EXP"), as: UTF8.self)
        var length: UInt64?
        var checked = 0
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if words.count == 2, words[1] == "testlen2.txt", let value = UInt64(words[0]) {
                length = value
            } else if line.hasPrefix("T1"), let bytes = length {
                let digest = try TLSHDigest(parsing: String(line.split(separator: "\t")[0]))
                #expect(TLSHDigest.lengthValue(forLength: bytes) == digest.lengthValue, "\(bytes) bytes")
                checked += 1
            }
        }
        #expect(checked == 22)
    }

    @Test func inputsWithoutDigestGiveNil() throws {
        let alice = try Fixtures.bytes("tlsh/example_data/0Alice.txt")
        for count in [0, 1, 4, 5, 49] {
            #expect(TLSH.hash(alice.prefix(count)) == nil, "\(count) bytes")
        }
        #expect(TLSH.hash(alice.prefix(50)) != nil)
        // Too little variety: one byte repeated, or a short cycle, fills too few buckets.
        #expect(TLSH.hash([UInt8](repeating: 0x61, count: 10_000)) == nil)
        #expect(TLSH.hash(Array(String(repeating: "abcabc", count: 500).utf8)) == nil)
        // The 60-byte reference input still has a digest (only the conservative mode drops it).
        #expect(TLSH.hash(try Fixtures.bytes("tlsh/example_data/small.txt")) != nil)
    }
}
