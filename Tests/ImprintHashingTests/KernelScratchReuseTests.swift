@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// The kernels' entry points that work in a caller's reused buffers give what their one-shot
/// forms give, however large or stale the buffers handed in.
@Suite struct KernelScratchReuseTests {
    static func randomText(_ random: inout SeededGenerator, maxLength: Int) -> String {
        let alphabet = Array("abcdefghij KLMNOP 0123 \n\t@:.-/".unicodeScalars) + ["\u{E9}", "\u{2028}", "\u{4E2D}"]
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &random) { text.append(alphabet.randomElement(using: &random)!) }
        return String(text)
    }

    @Test func pyzorWithReusedLinesEqualsOneShot() {
        var random = SeededGenerator(seed: 0x5C7A)
        var keptBytes: [UInt8] = [1, 2, 3], keptEnds: [Int] = [7, 9]  // stale contents are ignored
        for _ in 0..<200 {
            let parts = (0..<Int.random(in: 1...4, using: &random)).map { _ in Self.randomText(&random, maxLength: 400) }
            #expect(PyzorDigest.hash(parts: parts, keptBytes: &keptBytes, keptEnds: &keptEnds) == PyzorDigest.hash(parts: parts))
            // Empty parts have no lines: the engine feeds them rather than filtering.
            #expect(PyzorDigest.hash(parts: [""] + parts + [""], keptBytes: &keptBytes, keptEnds: &keptEnds) == PyzorDigest.hash(parts: parts))
        }
        #expect(keptBytes.capacity > 0)
    }

    @Test func minHashInReusedStorageEqualsFinalize() throws {
        var random = SeededGenerator(seed: 0x3A11)
        var storage: [UInt64] = Array(repeating: 42, count: 5_000)
        for trial in 0..<60 {
            let parameters = MinHash.Parameters(permutations: Int.random(in: 1...300, using: &random),
                                                shingleSize: Int.random(in: 1...MinHash.maxShingleSize, using: &random),
                                                seed: random.next())
            // Empty, shorter than a shingle, and long sequences.
            let tokens = (0..<Int.random(in: 0...700, using: &random)).map { _ in random.next() % 500 }
            let expected = try MinHash.signature(tokenHashes: tokens, parameters: parameters)
            var sketch = try MinHash(parameters, reusing: &storage)
            #expect(storage.isEmpty)
            tokens.withUnsafeBufferPointer { sketch.update(tokenHashes: $0) }
            #expect(sketch.finalize() == expected, "trial \(trial)")
            #expect(sketch.finishMinima { Array($0) } == expected.minima, "trial \(trial)")
            sketch.moveStorage(to: &storage)
            #expect(!storage.isEmpty)
        }
    }

    @Test func appendedTokenHashesEqualTokenHashes() {
        var random = SeededGenerator(seed: 0x70C3)
        var hashes: [UInt64] = []
        for _ in 0..<200 {
            let bytes = Array(Self.randomText(&random, maxLength: 600).utf8)
            let seed = random.next() % 4
            for path in KernelPath.allCases {
                hashes.removeAll(keepingCapacity: true)
                bytes.withUnsafeBytes { WordTokenizer.appendTokenHashes($0, seed: seed, path: path, to: &hashes) }
                #expect(hashes == bytes.withUnsafeBytes { WordTokenizer.tokenHashes($0, seed: seed, path: path) })
            }
        }
    }

    @Test func ctphTextEqualsTheDigestsTextForm() {
        var random = SeededGenerator(seed: 0xC791)
        for trial in 0..<120 {
            // Up to past a few block-size doublings; runs of one byte for the eliminated form.
            let count = Int.random(in: 0...40_000, using: &random)
            let bytes = (0..<count).map { _ in Bool.random(using: &random) ? UInt8(0x41) : UInt8.random(in: 0...255, using: &random) }
            for options in [CTPH.Options(), .eliminateSequences, .untruncated, [.eliminateSequences, .untruncated]] {
                var state = CTPH()
                bytes.withUnsafeBytes { state.update($0) }
                #expect(state.finalizeText(options: options) == state.finalize(options: options).textBytes, "trial \(trial)")
            }
        }
    }
}
