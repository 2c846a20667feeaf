import ImprintHashing

/// A 256-bit PDQ hash with its quality, in the ThreatExchange reference's conventions.
///
/// Bit `k` (0...255) is DCT coefficient `(k / 16, k % 16)` of the 16x16 block being above the
/// median. The text form is the reference's: 64 lower-case hex digits, the 256-bit number
/// big-endian, so the first four digits hold bits 255...240.
public struct PDQHash: Sendable, Hashable, CustomStringConvertible {
    /// Bits 0-63, 64-127, 128-191, 192-255.
    public var words: SIMD4<UInt64>
    /// 0...100: the reference's gradient-sum quality metric; under 50 is usually not worth matching.
    public var quality: Int

    public init(words: SIMD4<UInt64>, quality: Int) {
        self.words = words
        self.quality = quality
    }

    /// Whether bit `k` is set.
    public func bit(_ k: Int) -> Bool { words[k >> 6] >> UInt64(k & 63) & 1 == 1 }

    /// The 64 hex digits the reference prints.
    public var hex: String {
        (0..<4).reversed().map { HexEncoding.string(words[$0]) }.joined()
    }

    public var description: String { hex }

    /// Parses the 64-hex-digit text form (quality 0, unknown); nil if it is not one.
    public init?(hex text: some StringProtocol) {
        guard let bytes = HexEncoding.bytes(text), bytes.count == 32 else { return nil }
        var words = SIMD4<UInt64>()
        for (index, byte) in bytes.enumerated() {
            let bit = 255 - 8 * index - 7
            words[bit >> 6] |= UInt64(byte) << UInt64(bit & 63)
        }
        self.init(words: words, quality: 0)
    }

    /// The number of differing bits; 31 or fewer is the reference's match threshold.
    public func distance(to other: PDQHash) -> Int {
        let x = words ^ other.words
        return x[0].nonzeroBitCount + x[1].nonzeroBitCount + x[2].nonzeroBitCount + x[3].nonzeroBitCount
    }

    /// The reference's match threshold: hashes at Hamming distance up to this are a match.
    public static let matchThreshold = 31
}
