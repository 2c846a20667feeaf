@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// MinHash's batched, permutation-major update against shingle-by-shingle feeding, and its
/// SIMD twin against the scalar path on long word texts.
@Suite struct MinHashBatchTests {
    @Test func minHashBatchesEqualShingleByShingleFeeding() throws {
        var random = SeededGenerator(seed: 0xBA7C4)
        for trial in 0..<12 {
            let size = Int.random(in: 1...MinHash.maxShingleSize, using: &random)
            let parameters = MinHash.Parameters(permutations: Int.random(in: 1...200, using: &random),
                                                shingleSize: size, seed: random.next())
            // Past a batch (512 shingles) and past the window's slack (256 tokens) several times.
            let tokens = (0..<Int.random(in: 0...2000, using: &random)).map { _ in random.next() % 300 }
            for path in KernelPath.allCases {
                var byToken = try MinHash(parameters, path: path), byShingle = try MinHash(parameters, path: path)
                for token in tokens { byToken.update(tokenHash: token) }
                if tokens.count >= size {
                    for start in 0...(tokens.count - size) {
                        byShingle.update(shingleHash: tokens[start..<start + size].withContiguousStorageIfAvailable {
                            XXH3.hash64(UnsafeRawBufferPointer($0))
                        }!)
                    }
                } else if !tokens.isEmpty {
                    byShingle.update(shingleHash: tokens.withUnsafeBytes { XXH3.hash64($0) })
                }
                let batched = try MinHash.signature(tokenHashes: tokens, parameters: parameters)
                #expect(byToken.finalize() == byShingle.finalize(), "trial \(trial) \(path)")
                #expect(batched == byToken.finalize(), "trial \(trial) \(path)")
            }
        }
    }

    @Test func minHashSIMDEqualsScalarOnLongWordTexts() throws {
        var random = SeededGenerator(seed: 0x3141)
        let vocabulary = ["Buy", "cheap", "watches", "now", "ÜBER", "deal", "a", "x1", "ZZZ", "offer"]
        for _ in 0..<6 {
            let text = (0..<Int.random(in: 100...3000, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
                .joined(separator: " ")
            var scalar = try MinHash(path: .scalar), vector = try MinHash(path: .simd)
            scalar.update(words: Array(text.utf8))
            vector.update(words: Array(text.utf8))
            #expect(scalar.finalize() == vector.finalize())
            var byTokens = try MinHash()
            WordTokenizer.tokenHashes(Array(text.utf8)).withUnsafeBufferPointer { byTokens.update(tokenHashes: $0) }
            #expect(byTokens.finalize() == scalar.finalize())
        }
    }
}
