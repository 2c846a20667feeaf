@testable import Imprint
import ImprintHashing
import ImprintTestSupport
import Testing

@Suite struct TokenCollectorTests {
    /// Words with seed 1 and neighbouring pairs joined by a space with seed 2, each hash once,
    /// in first-seen order; pairs longer than the stack scratch hash the same joined bytes.
    @Test func collectsWordsAndPairsOnceInOrder() {
        let long = String(repeating: "x", count: 40)
        let words = ["buy", "cheap", "pills", "buy", "cheap", long, long + "y", long]
        // Combining marks swell a word (30 characters) and its pair past the scratch.
        let swollen = [String(repeating: "e" + String(repeating: "\u{301}", count: 8), count: 30),
                       String(repeating: "o" + String(repeating: "\u{308}", count: 8), count: 30)]
        let text = (words + swollen).joined(separator: " ")
        var collector = TokenCollector(limit: 10_000, expectedCount: 4)
        Array(text.utf8).withUnsafeBytes { collector.addWords(of: $0, runs: MessageFingerprinter.words, wordSeed: 1, pairSeed: 2) }

        var expected: [UInt64] = [], seen = Set<UInt64>()
        let all = words.filter { $0.utf8.count <= 40 } + swollen
        for (position, word) in all.enumerated() {
            for hash in [XXH3.hash64(Array(word.utf8), seed: 1)]
                + (position > 0 ? [XXH3.hash64(Array((all[position - 1] + " " + word).utf8), seed: 2)] : []) where seen.insert(hash).inserted {
                expected.append(hash)
            }
        }
        #expect(collector.tokens == expected)
        #expect(all.last!.utf8.count + all[all.count - 2].utf8.count + 1 > TokenCollector.pairScratch)
    }

    /// Pairs already joined by one space in the text are hashed in place, others joined on the
    /// stack or the heap: the same hashes either way, on seeded random text.
    @Test func pairsHashTheSameWhateverSeparatesThem() {
        var random = SeededGenerator(seed: 0x7A1F)
        let vocabulary = ["a", "to", "buy", "cheap", "pills", "\u{e9}t\u{e9}", "#", "$0", String(repeating: "w", count: 40),
                          String(repeating: "e\u{301}\u{301}\u{301}", count: 40)]
        let separators = [" ", " ", " ", "  ", ", ", "\n", " - ", "."]
        for _ in 0..<200 {
            let words = (0..<Int.random(in: 0...30, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
            var text = ""
            for word in words { text += word + separators.randomElement(using: &random)! }
            var collector = TokenCollector(limit: 10_000, expectedCount: 4)
            Array(text.utf8).withUnsafeBytes { collector.addWords(of: $0, runs: MessageFingerprinter.words, wordSeed: 1, pairSeed: 2) }

            var expected: [UInt64] = [], seen = Set<UInt64>()
            let kept = words.filter { $0 != "#" && $0 != "a" && $0.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }.count <= 40 }
            for (position, word) in kept.enumerated() {
                for hash in [XXH3.hash64(Array(word.utf8), seed: 1)]
                    + (position > 0 ? [XXH3.hash64(Array((kept[position - 1] + " " + word).utf8), seed: 2)] : []) where seen.insert(hash).inserted {
                    expected.append(hash)
                }
            }
            #expect(collector.tokens == expected, "\(text.debugDescription)")
        }
    }

    @Test func stopsAtTheLimit() {
        var collector = TokenCollector(limit: 3, expectedCount: 100)
        for value in [5, 5, 6, 7, 8, 9] as [UInt64] { collector.add(value) }
        #expect(collector.tokens == [5, 6, 7])
    }
}
