@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// Pyzor's eight-bytes-a-step run finder against the byte-by-byte reference: the same kept
/// bytes and line ends on seeded random text.
@Suite struct PyzorScanTwinTests {
    /// Scalars that exercise every rule: plain letters, the marks `@` and `:`, NUL, ASCII and
    /// Unicode white space and line breaks, Python's non-ASCII `[a-z]` letters, multi-byte text.
    static let alphabet: [Unicode.Scalar] = Array("abcXYZ019.-/@: \t\n\r\u{0B}\u{0C}\u{1C}\u{1F}".unicodeScalars)
        + ["\u{0}", "\u{7F}", "\u{85}", "\u{A0}", "\u{E9}", "\u{130}", "\u{17F}", "\u{2028}", "\u{3000}", "\u{212A}",
           "\u{4E2D}", "\u{1F600}"]

    static func kept(_ text: String, path: KernelPath) -> ([UInt8], [Int]) {
        var digest = PyzorDigest()
        var copy = text
        copy.withUTF8 { digest.scan($0, path: path) }
        // A second part appends to what the first kept.
        copy.withUTF8 { digest.scan($0, path: path) }
        return (digest.keptBytes, digest.keptEnds)
    }

    @Test func widePathEqualsScalarOnRandomText() {
        var random = SeededGenerator(seed: 0x9E20)
        for _ in 0..<600 {
            var text = String.UnicodeScalarView()
            let words = Int.random(in: 0...60, using: &random)
            for _ in 0..<words {
                // Mostly plain words of lengths around the 10-scalar rule, sometimes any scalar.
                let length = Int.random(in: 1...14, using: &random)
                for _ in 0..<length {
                    let plain = Int.random(in: 0..<4, using: &random) != 0
                    text.append(plain ? Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &random))
                                      : Self.alphabet.randomElement(using: &random)!)
                }
                text.append(Bool.random(using: &random) ? " " : Self.alphabet.randomElement(using: &random)!)
            }
            let string = String(text)
            let wide = Self.kept(string, path: .simd), scalar = Self.kept(string, path: .scalar)
            #expect(wide.0 == scalar.0 && wide.1 == scalar.1, "\(string.debugDescription)")
        }
    }

    @Test func everyByteInEveryPositionOfAStep() {
        for value in 0...0xFF {
            let scalar = Unicode.Scalar(UInt8(value))
            for position in 0..<12 {
                var text = String.UnicodeScalarView("abcdefgh ijklmnop\nqrstu vwxyzab".unicodeScalars)
                text.insert(scalar, at: text.index(text.startIndex, offsetBy: position))
                let string = String(text)
                let wide = Self.kept(string, path: .simd), scalar = Self.kept(string, path: .scalar)
                #expect(wide.0 == scalar.0 && wide.1 == scalar.1, "\(value) at \(position)")
            }
        }
    }
}
