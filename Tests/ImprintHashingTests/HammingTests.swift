import ImprintHashing
import ImprintTestSupport
import Testing

/// Hamming kernels: known distances, and the SWAR vector twins against the scalar reference.
@Suite struct HammingTests {
    @Test func knownDistances() throws {
        #expect(Hamming.distance(UInt64(0), UInt64.max) == 64)
        #expect(Hamming.distance(UInt64(0b1011), UInt64(0b0110)) == 3)
        let a = SIMD4<UInt64>(0, .max, 0xF0F0, 1 << 63), b = SIMD4<UInt64>(.max, .max, 0x0F0F, 0)
        for path in KernelPath.allCases {
            #expect(Hamming.distance(a, b, path: path) == 64 + 0 + 16 + 1)
        }
        #expect(try Hamming.distance([1, 2, 3], [1, 2, 3]) == 0)
        #expect(throws: TextKernelError.self) { try Hamming.distance([1, 2], [1]) }
    }

    @Test func populationCountsMatchNonzeroBitCount() {
        var random = SeededGenerator(seed: 0xB17)
        for _ in 0..<2000 {
            // Sparse, dense and uniform words.
            let words = SIMD8<UInt64>((0..<8).map { lane -> UInt64 in
                let value = random.next()
                switch lane % 3 {
                case 0: return value & random.next() & random.next()
                case 1: return value | random.next() | random.next()
                default: return value
                }
            })
            let counts = Hamming.populationCounts(words)
            let quarter = Hamming.populationCounts(SIMD4(words[0], words[1], words[2], words[3]))
            for lane in 0..<8 { #expect(Int(counts[lane]) == words[lane].nonzeroBitCount) }
            for lane in 0..<4 { #expect(Int(quarter[lane]) == words[lane].nonzeroBitCount) }
        }
    }

    @Test func arrayKernelTwinsAgree() throws {
        var random = SeededGenerator(seed: 0xA77A)
        for _ in 0..<300 {
            let count = Int.random(in: 0...70, using: &random)
            let left = (0..<count).map { _ in random.next() }
            let right = left.map { $0 ^ (random.next() & random.next()) }
            let expected = zip(left, right).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
            #expect(try Hamming.distance(left, right, path: .scalar) == expected)
            #expect(try Hamming.distance(left, right, path: .simd) == expected)
        }
    }

    @Test func oneToManyTwinsAgree() {
        var random = SeededGenerator(seed: 0x0_2_3)
        for _ in 0..<100 {
            let query = random.next()
            let candidates = (0..<Int.random(in: 0...50, using: &random)).map { _ in query ^ (random.next() & random.next() & random.next()) }
            let expected = candidates.map { UInt16(($0 ^ query).nonzeroBitCount) }
            for path in KernelPath.allCases {
                var out = [UInt16](repeating: 0, count: candidates.count)
                candidates.withUnsafeBufferPointer { words in
                    out.withUnsafeMutableBufferPointer { Hamming.distances(from: query, to: words, into: $0, path: path) }
                }
                #expect(out == expected)
                let radius = Int.random(in: 0...20, using: &random)
                #expect(Hamming.matches(of: query, in: candidates, within: radius, path: path)
                        == expected.indices.filter { Int(expected[$0]) <= radius })
            }
            let wideQuery = SIMD4<UInt64>(query, random.next(), random.next(), random.next())
            let wide = candidates.map { SIMD4<UInt64>($0, random.next(), wideQuery[2], ~wideQuery[3]) }
            for path in KernelPath.allCases {
                var out = [UInt16](repeating: 0, count: wide.count)
                wide.withUnsafeBufferPointer { words in
                    out.withUnsafeMutableBufferPointer { Hamming.distances(from: wideQuery, to: words, into: $0, path: path) }
                }
                #expect(out == wide.map { UInt16(Hamming.distance($0, wideQuery, path: .scalar)) })
            }
        }
    }
}
