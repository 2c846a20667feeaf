import ImprintHashing
import ImprintTestSupport
import Testing

/// SimHash-64: Charikar's definition on small cases, the SIMD twin against the scalar one, and
/// the locality property on seeded random feature sets.
@Suite struct SimHashTests {
    static func simHash(_ pairs: (UInt64, Int64)...) -> UInt64 {
        SimHash64.hash(features: pairs.map { (hash: $0.0, weight: $0.1) })
    }

    @Test func definitionOnSmallCases() throws {
        let feature: UInt64 = 0xDEAD_BEEF_0123_4567
        #expect(Self.simHash((feature, 1)) == feature)
        #expect(Self.simHash((feature, -1)) == ~feature)
        // Two features: the heavier wins each disagreeing bit; agreeing bits are kept.
        let other: UInt64 = 0x0F0F_0F0F_0F0F_0F0F
        #expect(Self.simHash((feature, 3), (other, 2)) == feature)
        #expect(Self.simHash((feature, 2), (other, 3)) == other)
        // Equal weights: a bit set in only one of them sums to 0, which is not positive.
        #expect(Self.simHash((feature, 1), (other, 1)) == feature & other)
        #expect(Self.simHash() == 0)
        #expect(try SimHash64.parse("deadbeef01234567") == feature)
        #expect(throws: TextKernelError.self) { try SimHash64.parse("+eadbeef01234567") }
    }

    @Test func simdEqualsScalarOnRandomFeatures() {
        var random = SeededGenerator(seed: 0x51_3A54)
        for _ in 0..<300 {
            let features = (0..<Int.random(in: 0...80, using: &random)).map { _ in
                (hash: random.next(), weight: Int64.random(in: -1000...1000, using: &random))
            }
            #expect(SimHash64.hash(features: features, path: .simd) == SimHash64.hash(features: features, path: .scalar))
        }
    }

    @Test func nearDuplicatesAreCloseAndUnrelatedSetsAreFar() {
        var random = SeededGenerator(seed: 0xC4A21)
        var nearTotal = 0, farTotal = 0
        let trials = 50
        for _ in 0..<trials {
            let base = (0..<200).map { _ in random.next() }
            var edited = base
            for index in 0..<10 { edited[index * 20] = random.next() }  // 5% of features replaced
            let unrelated = (0..<200).map { _ in random.next() }
            let digest = SimHash64.hash(features: base.map { (hash: $0, weight: Int64(1)) })
            nearTotal += Hamming.distance(digest, SimHash64.hash(features: edited.map { (hash: $0, weight: Int64(1)) }))
            farTotal += Hamming.distance(digest, SimHash64.hash(features: unrelated.map { (hash: $0, weight: Int64(1)) }))
        }
        // Charikar: P[bit differs] = angle / pi. Unrelated sets are orthogonal (32 bits expected);
        // 95% overlap is an angle of about 0.32 rad, about 6.5 bits.
        let near = Double(nearTotal) / Double(trials), far = Double(farTotal) / Double(trials)
        #expect(far > 29 && far < 35, "far \(far)")
        #expect(near > 3 && near < 10, "near \(near)")
    }

    @Test func wordFeaturesIgnoreCaseAndPunctuation() {
        let a = SimHash64.hash(words: Array("Hello, World! Buy cheap watches now.".utf8))
        let b = SimHash64.hash(words: Array("hello world buy CHEAP watches now".utf8))
        #expect(a == b)
        let long = String(repeating: "Ab", count: 200)  // over the stack buffer: lower-cased on the heap
        #expect(WordTokenizer.tokenHashes(Array(long.utf8)) == [XXH3.hash64(Array(long.lowercased().utf8))])
        for byte in UInt8.min...UInt8.max {
            let ascii = Unicode.Scalar(byte)
            let expected = byte >= 0x80 || ("0"..."9").contains(ascii) || ("a"..."z").contains(ascii) || ("A"..."Z").contains(ascii)
            #expect(WordTokenizer.isWordByte(byte) == expected, "byte \(byte)")
        }
        #expect(WordTokenizer.tokenHashes(Array("Hi, there".utf8)) == [XXH3.hash64(Array("hi".utf8)), XXH3.hash64(Array("there".utf8))])
    }
}
