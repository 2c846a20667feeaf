/// A 256-bit Nilsimsa digest and the reference's comparison score.
///
/// The text form is the reference's `hexdigest()`: 64 hex digits, accumulator bucket 255's
/// byte first (the Python package reverses the 32 digest bytes before printing; cmeclax's tool
/// prints the same order). Within a byte, bucket `8k + j` is bit `j`.
public struct NilsimsaDigest: Hashable, Sendable, CustomStringConvertible {
    /// The digest's bytes in text order, big-endian within each of the four words: the text
    /// form is the four words' 16-digit hex forms in order.
    public let bits: SIMD4<UInt64>

    public init(bits: SIMD4<UInt64>) { self.bits = bits }

    /// Parses the 64-digit hex form (either case).
    /// - Throws: ``TextKernelError/Code/malformedDigest`` on another length or a non-hex digit.
    public init(hex: some StringProtocol) throws(TextKernelError) {
        guard hex.utf8.count == 64, let bytes = HexEncoding.bytes(hex) else {
            throw .make(.malformedDigest, "a Nilsimsa digest is 64 hex digits, got '\(hex.prefix(80))'")
        }
        var words = SIMD4<UInt64>.zero
        for (index, byte) in bytes.enumerated() {
            words[index >> 3] |= UInt64(byte) << UInt64(8 * (7 - index % 8))
        }
        bits = words
    }

    /// The 64-digit hex form, as the reference prints it.
    public var description: String {
        HexEncoding.string(bits[0]) + HexEncoding.string(bits[1]) + HexEncoding.string(bits[2])
            + HexEncoding.string(bits[3])
    }

    /// The 32 bytes in text order (the Python package's `digest()`).
    public var bytes: [UInt8] {
        (0..<32).map { UInt8(truncatingIfNeeded: bits[$0 >> 3] >> UInt64(8 * (7 - $0 % 8))) }
    }

    /// The reference's similarity: 128 minus the number of differing bits, from -128 (every bit
    /// differs) to 128 (identical); `compare_digests` in the Python package, `nilsimsa -c`.
    public func score(comparedTo other: NilsimsaDigest, path: KernelPath = .scalar) -> Int {
        128 - Hamming.distance(bits, other.bits, path: path)
    }

    /// The word holding accumulator bucket `bucket` (0...255).
    @inline(__always)
    static func word(ofBucket bucket: Int) -> Int { textByte(ofBucket: bucket) / 8 }

    /// The bit position of bucket `bucket` within its word.
    @inline(__always)
    static func shift(ofBucket bucket: Int) -> Int { 8 * (7 - textByte(ofBucket: bucket) % 8) + bucket % 8 }

    /// The index in text order of the byte holding bucket `bucket`: the reference reverses bytes.
    @inline(__always)
    static func textByte(ofBucket bucket: Int) -> Int { 31 - bucket / 8 }
}
