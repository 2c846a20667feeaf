@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// Nilsimsa's packed eight-slot loop against the per-trigram scalar loop and the reference's
/// loop as written (`NilsimsaTests.directDigest`).
@Suite struct NilsimsaPackedTests {
    @Test func packedEqualsScalarAndDirectOnRandomInputs() {
        var random = SeededGenerator(seed: 0x9ACC)
        for _ in 0..<300 {
            let length = Int.random(in: 0...900, using: &random)
            let alphabet = UInt8.random(in: 1...255, using: &random)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...alphabet, using: &random) }
            let packed = Nilsimsa.hash(bytes, path: .simd)
            #expect(packed == Nilsimsa.hash(bytes, path: .scalar), "length \(length)")
            #expect(packed == NilsimsaTests.directDigest(bytes), "length \(length)")
            // The banks themselves, split at a random point.
            var scalar = Nilsimsa(path: .scalar), vector = Nilsimsa(path: .simd)
            let cut = Int.random(in: 0...length, using: &random)
            scalar.update(bytes[..<cut])
            vector.update(bytes[..<cut])
            scalar.update(bytes[cut...])
            vector.update(bytes[cut...])
            #expect(scalar.banks.elements == vector.banks.elements)
        }
    }
}
