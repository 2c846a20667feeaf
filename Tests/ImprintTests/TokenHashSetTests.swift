@testable import Imprint
import ImprintTestSupport
import Testing

@Suite struct TokenHashSetTests {
    /// The same answers as `Set<UInt64>` on seeded values with repeats, 0 and colliding low bits,
    /// through several doublings, from the smallest table, a sized one and one capped below the estimate.
    @Test(arguments: [0, 5_000, 100_000])
    func insertsAnswerAsTheStandardSet(expectedCount: Int) {
        var generator = SeededGenerator(seed: 4_242)
        var reference = Set<UInt64>()
        var set = TokenHashSet(expectedCount: expectedCount)
        var values: [UInt64] = [0, 0, 1 << 40, 2 << 40, 3 << 40]  // equal low bits: one probe chain
        for _ in 0..<20_000 {
            values.append(Bool.random(using: &generator) && !values.isEmpty ? values.randomElement(using: &generator)! : generator.next())
        }
        for value in values {
            #expect(set.insert(value) == reference.insert(value).inserted)
        }
        #expect(reference.count > 9_000)  // about half the draws are repeats
    }
}

extension TokenHashSetTests {
    /// Emptied and reused for a smaller, an equal and a larger estimate, the set answers as a
    /// fresh `Set<UInt64>` each round (nothing left from the previous round).
    @Test func removeAllStartsAnEmptySetInTheSameMemory() {
        var generator = SeededGenerator(seed: 77)
        var set = TokenHashSet(expectedCount: 3_000)
        for expectedCount in [3_000, 10, 3_000, 50_000, 0] {
            set.removeAll(expectingCount: expectedCount)
            var reference = Set<UInt64>()
            for _ in 0..<6_000 {
                let value = generator.next() % 9_000  // repeats, 0, and values of the earlier rounds
                #expect(set.insert(value) == reference.insert(value).inserted)
            }
        }
    }
}
