import ImprintHashing
import ImprintTestSupport
import Testing

/// TLSH digest text and distance: parsing, printing, and the SIMD body distance against its
/// scalar (table) twin.
@Suite struct TLSHDigestTests {
    static func randomDigest(_ random: inout SeededGenerator) -> TLSHDigest {
        TLSHDigest(checksum: .random(in: 0...255, using: &random), lengthValue: .random(in: 0...255, using: &random),
                   q1Ratio: .random(in: 0...15, using: &random), q2Ratio: .random(in: 0...15, using: &random),
                   body: random.bytes(32))!
    }

    @Test func simdAndScalarDistancesAgreeOnRandomDigests() {
        var random = SeededGenerator(seed: 0x5EED)
        for round in 0..<5000 {
            let a = Self.randomDigest(&random)
            // Half the pairs are near each other, as matching digests are.
            var b = Self.randomDigest(&random)
            if round % 2 == 0 {
                var body = a.body
                for _ in 0..<Int.random(in: 0...8, using: &random) {
                    body[Int.random(in: 0..<32, using: &random)] ^= UInt8.random(in: 0...255, using: &random)
                }
                b = TLSHDigest(checksum: a.checksum, lengthValue: a.lengthValue &+ UInt8.random(in: 0...2, using: &random),
                               q1Ratio: a.q1Ratio, q2Ratio: b.q2Ratio, body: body)!
            }
            for includeLength in [true, false] {
                let scalar = a.distance(to: b, includeLength: includeLength, path: .scalar)
                #expect(a.distance(to: b, includeLength: includeLength, path: .simd) == scalar)
                #expect(b.distance(to: a, includeLength: includeLength, path: .simd) == scalar)
            }
            #expect(a.distance(to: a, path: .simd) == 0)
            // The raw-bytes entry point (the cartridge's) gives the table's body distance.
            let raw = a.body.withUnsafeBytes { x in b.body.withUnsafeBytes { y in TLSHDigest.bodyDistance(x.baseAddress!, y.baseAddress!) } }
            #expect(raw == zip(a.body, b.body).reduce(0) { $0 + Int(TLSHDigest.byteDistances[Int($1.0) << 8 | Int($1.1)]) })
            // The bounded form: the distance when within the limit, nil otherwise, at every limit
            // around it (the early exit after the first half included).
            for limit in [0, raw / 3, raw / 2, raw - 1, raw, raw + 1, 800] where limit >= 0 {
                let bounded = a.body.withUnsafeBytes { x in
                    b.body.withUnsafeBytes { y in TLSHDigest.bodyDistance(x.baseAddress!, y.baseAddress!, atMost: limit) }
                }
                #expect(bounded == (raw <= limit ? raw : nil), "limit \(limit) distance \(raw)")
            }
        }
    }

    @Test func extremeBodiesCountSixPerOppositeBucket() {
        let zeros = TLSHDigest(checksum: 0, lengthValue: 0, q1Ratio: 0, q2Ratio: 0, body: [UInt8](repeating: 0, count: 32))!
        let threes = TLSHDigest(checksum: 0, lengthValue: 0, q1Ratio: 0, q2Ratio: 0, body: [UInt8](repeating: 0xFF, count: 32))!
        for path in KernelPath.allCases {
            #expect(zeros.distance(to: threes, path: path) == 128 * 6)
        }
        // Length and ratios wrap around: 255 and 0 are one step apart, ratios 15 and 0 too.
        let far = TLSHDigest(checksum: 1, lengthValue: 255, q1Ratio: 15, q2Ratio: 8, body: zeros.body)!
        #expect(zeros.distance(to: far) == 1 + 1 + (8 - 1) * 12 + 1)
        #expect(zeros.distance(to: far, includeLength: false) == 1 + (8 - 1) * 12 + 1)
    }

    @Test func textRoundTripsInBothForms() throws {
        let rows = try Fixtures.table("tlsh/exp/example_data.128.1.len.out_EXP")
        for row in rows {
            let text = String(row[0])
            let digest = try TLSHDigest(parsing: text)
            #expect(digest.description == text)
            let old = String(text.dropFirst(2))
            #expect(digest.text(versioned: false) == old)
            #expect(try TLSHDigest(parsing: old) == digest)
            #expect(try TLSHDigest(parsing: "T1" + text.dropFirst(2).lowercased()) == digest)
        }
    }

    @Test func headerFieldsFollowTheReferenceNibbleOrder() throws {
        // T1 | checksum F1 swapped | length 1A swapped | q1=B q2=3 | body bytes 31...0
        let digest = try TLSHDigest(parsing: "T11FA1B357F78913B236924271569EA6D1FB2C451C33668484552C812D33138B8C73FFCE")
        #expect(digest.checksum == 0xF1)
        #expect(digest.lengthValue == 0x1A)
        #expect(digest.q1Ratio == 0xB && digest.q2Ratio == 0x3)
        #expect(digest.body.last == 0x57 && digest.body.first == 0xCE)
        #expect(digest.bucketCode(0) == 0xCE & 3 && digest.bucketCode(127) == 0x57 >> 6)
    }

    @Test(arguments: [
        ("TNULL", TLSHDigestError.Code.noDigest),
        ("", .badLength),
        ("T1", .badLength),
        ("T11FA1B357F78913B236924271569EA6D1FB2C451C33668484552C812D33138B8C73FFC", .badLength),
        ("T11FA1B357F78913B236924271569EA6D1FB2C451C33668484552C812D33138B8C73FFCE0", .badLength),
        ("T21FA1B357F78913B236924271569EA6D1FB2C451C33668484552C812D33138B8C73FFCE", .badLength),
        ("T11FA1B357F78913B236924271569EA6D1FB2C451C33668484552C812D33138B8C73FFCG", .badCharacter),
        ("1FA1B357F78913B236924271569EA6D1FB2C451C33668484552C812D33138B8C73FFÉ", .badCharacter),
    ])
    func unparseableTextThrowsTypedError(text: String, code: TLSHDigestError.Code) {
        #expect {
            _ = try TLSHDigest(parsing: text)
        } throws: { error in
            (error as? TLSHDigestError)?.code == code
        }
    }

    @Test func invalidPartsAreRejected() {
        #expect(TLSHDigest(checksum: 0, lengthValue: 0, q1Ratio: 16, q2Ratio: 0, body: [UInt8](repeating: 0, count: 32)) == nil)
        #expect(TLSHDigest(checksum: 0, lengthValue: 0, q1Ratio: 0, q2Ratio: 0, body: [UInt8](repeating: 0, count: 31)) == nil)
    }
}
