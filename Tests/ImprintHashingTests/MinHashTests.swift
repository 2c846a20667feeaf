import ImprintHashing
import ImprintTestSupport
import Testing

/// MinHash: Jaccard estimates against the true Jaccard of seeded random sets (bias, spread and
/// per-trial error against the binomial standard error), the SIMD twin, shingling and limits.
@Suite struct MinHashTests {
    /// Two sets of random elements with `common` shared and `only` private to each.
    static func signatures(common: Int, only: Int, permutations: Int, seed: UInt64,
                           random: inout SeededGenerator) throws -> (MinHashSignature, MinHashSignature) {
        let parameters = MinHash.Parameters(permutations: permutations, seed: seed)
        var left = try MinHash(parameters), right = try MinHash(parameters)
        for _ in 0..<common {
            let element = random.next()
            left.update(shingleHash: element)
            right.update(shingleHash: element)
        }
        for _ in 0..<only {
            left.update(shingleHash: random.next())
            right.update(shingleHash: random.next())
        }
        return (left.finalize(), right.finalize())
    }

    @Test(arguments: [(common: 20, only: 90), (common: 60, only: 70), (common: 100, only: 50), (common: 160, only: 20)])
    func estimatesTrackTrueJaccard(common: Int, only: Int) throws {
        var random = SeededGenerator(seed: UInt64(common * 1000 + only))
        let permutations = 64, trials = 60
        let truth = Double(common) / Double(common + 2 * only)
        let sigma = (truth * (1 - truth) / Double(permutations)).squareRoot()
        var estimates: [Double] = []
        for trial in 0..<trials {
            let (a, b) = try Self.signatures(common: common, only: only, permutations: permutations,
                                             seed: UInt64(trial) &* 0x9E37_79B9, random: &random)
            let estimate = try a.jaccard(b)
            #expect(abs(estimate - truth) <= 4 * sigma, "trial \(trial): \(estimate) vs \(truth)")
            estimates.append(estimate)
        }
        let mean = estimates.reduce(0, +) / Double(trials)
        let variance = estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(trials - 1)
        // Unbiased: the mean of 60 trials is within 3 standard errors of the truth.
        #expect(abs(mean - truth) <= 3 * sigma / Double(trials).squareRoot(), "mean \(mean) vs \(truth)")
        // Independent permutations: the spread is the binomial one (a chi-square bound for 59
        // degrees of freedom holds the sample variance within 0.5x...1.6x at >99.9%).
        #expect(variance > 0.5 * sigma * sigma && variance < 1.6 * sigma * sigma,
                "variance \(variance) vs \(sigma * sigma)")
        // Within 3 sigma in at least 97% of trials.
        let within = estimates.filter { abs($0 - truth) <= 3 * sigma }.count
        #expect(Double(within) >= 0.97 * Double(trials), "\(within) of \(trials) within 3 sigma")
    }

    @Test func wordShinglesTrackTrueShingleJaccard() throws {
        var random = SeededGenerator(seed: 0x5417)
        let vocabulary = (0..<400).map { "w\($0)" }
        for trial in 0..<12 {
            let original = (0..<300).map { _ in vocabulary.randomElement(using: &random)! }
            var edited = original
            for _ in 0..<Int.random(in: 5...60, using: &random) {
                edited[Int.random(in: 0..<edited.count, using: &random)] = vocabulary.randomElement(using: &random)!
            }
            func shingles(_ words: [String]) -> Set<[String]> {
                Set((0...(words.count - 3)).map { Array(words[$0..<$0 + 3]) })
            }
            let a = shingles(original), b = shingles(edited)
            let truth = Double(a.intersection(b).count) / Double(a.union(b).count)
            let parameters = MinHash.Parameters(permutations: 256, shingleSize: 3, seed: UInt64(trial))
            var left = try MinHash(parameters), right = try MinHash(parameters)
            for word in original { left.update(token: word) }
            for word in edited { right.update(token: word) }
            let estimate = try left.finalize().jaccard(right.finalize())
            let sigma = (truth * (1 - truth) / 256).squareRoot()
            #expect(abs(estimate - truth) <= 3 * sigma + 1.0 / 256, "trial \(trial): \(estimate) vs \(truth)")
        }
    }

    @Test func simdEqualsScalar() throws {
        var random = SeededGenerator(seed: 0x313D)
        for _ in 0..<60 {
            let parameters = MinHash.Parameters(permutations: Int.random(in: 1...130, using: &random),
                                                shingleSize: Int.random(in: 1...5, using: &random),
                                                seed: random.next())
            var scalar = try MinHash(parameters, path: .scalar), vector = try MinHash(parameters, path: .simd)
            for _ in 0..<Int.random(in: 0...200, using: &random) {
                let token = random.next() % 50
                scalar.update(tokenHash: token)
                vector.update(tokenHash: token)
            }
            #expect(scalar.finalize() == vector.finalize())
            #expect(scalar.finalize().minima.count == parameters.permutations)
        }
    }

    @Test func shinglingAndEdgeCases() throws {
        // Word order matters through shingles; one token moved changes the set.
        var a = try MinHash(), b = try MinHash(), c = try MinHash()
        a.update(words: Array("the quick brown fox jumps".utf8))
        b.update(words: Array("The QUICK brown, fox jumps!".utf8))
        c.update(words: Array("quick the brown fox jumps".utf8))
        #expect(a.finalize() == b.finalize())
        #expect(try MinHash.signature(words: Array("the quick brown fox jumps".utf8)) == a.finalize())
        #expect(try a.finalize().jaccard(c.finalize()) < 1)
        // Fewer tokens than a shingle: one shingle of them all, not an empty set.
        var short = try MinHash()
        short.update(token: "hello")
        #expect(short.finalize().minima.allSatisfy { $0 != .max })
        #expect(try MinHash().finalize().minima.allSatisfy { $0 == .max })
        // Round trip through the text form.
        let signature = a.finalize()
        #expect(try MinHashSignature(hex: signature.description) == signature)
        #expect(signature.description.count == 64 * 16)
    }

    @Test func shingleIsXXH3OfTheWindowWords() throws {
        // The format a cartridge stores: shingle = XXH3-64 of k little-endian token hashes.
        var random = SeededGenerator(seed: 0xF0F)
        let tokens = (0..<40).map { _ in random.next() }
        var byTokens = try MinHash(), byShingles = try MinHash()
        for token in tokens { byTokens.update(tokenHash: token) }
        for start in 0...(tokens.count - 3) {
            var bytes: [UInt8] = []
            for word in tokens[start..<start + 3] {
                for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
            }
            byShingles.update(shingleHash: XXH3.hash64(bytes))
        }
        #expect(byTokens.finalize() == byShingles.finalize())
    }

    @Test func rejectsBadParametersAndDigests() {
        #expect(throws: TextKernelError.self) { try MinHash(.init(permutations: 0)) }
        #expect(throws: TextKernelError.self) { try MinHash(.init(permutations: MinHash.maxPermutations + 1)) }
        #expect(throws: TextKernelError.self) { try MinHash(.init(shingleSize: 0)) }
        #expect(throws: TextKernelError.self) { try MinHash(.init(shingleSize: MinHash.maxShingleSize + 1)) }
        #expect(throws: TextKernelError.self) { try MinHashSignature(hex: "abc") }
        #expect(throws: TextKernelError.self) { try MinHashSignature(hex: "") }
        #expect(throws: TextKernelError.self) {
            try MinHashSignature(minima: [1, 2]).jaccard(MinHashSignature(minima: [1]))
        }
    }
}
