@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// The word tokenizer's eight-bytes-a-step run finder against the byte-by-byte reference.
@Suite struct WordTokenizerTwinTests {
    @Test func widePathEqualsScalarOnRandomText() {
        var random = SeededGenerator(seed: 0x70CE)
        // Bytes drawn to make runs of every length, every class boundary, and non-ASCII bytes.
        let alphabet: [UInt8] = Array("aZz09AM@[`{/: \n\t.-'#".utf8) + [0x80, 0xC3, 0xA9, 0xFF, 0x00, 0x7F, 0x40, 0x5B]
        for _ in 0..<400 {
            let length = Int.random(in: 0...300, using: &random)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &random) ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            let seed = random.next() % 4
            bytes.withUnsafeBytes { raw in
                #expect(WordTokenizer.tokenHashes(raw, seed: seed, path: .simd) == WordTokenizer.tokenHashes(raw, seed: seed, path: .scalar))
            }
        }
        for byte in UInt8.min...UInt8.max {
            // Every byte value in every position of an eight-byte step.
            for position in 0..<10 {
                var bytes = [UInt8](repeating: UInt8(ascii: "q"), count: 12)
                bytes[position] = byte
                bytes.withUnsafeBytes { raw in
                    #expect(WordTokenizer.tokenHashes(raw, path: .simd) == WordTokenizer.tokenHashes(raw, path: .scalar), "byte \(byte) at \(position)")
                }
            }
        }
    }
}
