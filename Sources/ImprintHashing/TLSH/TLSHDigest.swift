/// A TLSH digest (T1: 128 buckets, 1-byte checksum): the header and the 32-byte body.
///
/// Printed and parsed in the reference's text form, `T1` and 70 upper-case hex digits
/// (``TLSHDigest/description``, ``TLSHDigest/init(parsing:)``); compared with
/// ``distance(to:includeLength:)``. Values compare equal exactly when their text is equal.
public struct TLSHDigest: Sendable, Hashable {
    /// The 1-byte Pearson checksum of the input.
    public let checksum: UInt8
    /// The input length on the logarithmic scale of ``TLSHLengthScale`` (0...169).
    public let lengthValue: UInt8
    /// `q1 · 100 / q3 mod 16`, from the quartiles of the bucket counts (0...15).
    public let q1Ratio: UInt8
    /// `q2 · 100 / q3 mod 16` (0...15).
    public let q2Ratio: UInt8
    /// Body bytes 0..<16 (buckets 0..<64), two bits a bucket, bucket 4i in the low bits of byte i.
    @usableFromInline let low: SIMD16<UInt8>
    /// Body bytes 16..<32 (buckets 64..<128).
    @usableFromInline let high: SIMD16<UInt8>

    init(checksum: UInt8, lengthValue: UInt8, q1Ratio: UInt8, q2Ratio: UInt8,
         low: SIMD16<UInt8>, high: SIMD16<UInt8>) {
        self.checksum = checksum
        self.lengthValue = lengthValue
        self.q1Ratio = q1Ratio
        self.q2Ratio = q2Ratio
        self.low = low
        self.high = high
    }

    /// A digest from its parts, or nil when a ratio is over 15 or `body` is not 32 bytes.
    /// - Parameter body: the 32 body bytes in bucket order (byte i holds buckets 4i...4i+3,
    ///   bucket 4i in the low bits); the text form prints them in reverse.
    public init?(checksum: UInt8, lengthValue: UInt8, q1Ratio: UInt8, q2Ratio: UInt8, body: some Collection<UInt8>) {
        guard q1Ratio < 16, q2Ratio < 16, body.count == 32 else { return nil }
        var bytes = SIMD32<UInt8>()
        for (index, byte) in body.enumerated() { bytes[index] = byte }
        self.init(checksum: checksum, lengthValue: lengthValue, q1Ratio: q1Ratio, q2Ratio: q2Ratio,
                  low: bytes.lowHalf, high: bytes.highHalf)
    }

    /// The 32 body bytes in bucket order.
    public var body: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        appendBody(to: &bytes)
        return bytes
    }

    /// Appends the 32 body bytes in bucket order to `bytes` (no allocation when it has room).
    public func appendBody(to bytes: inout [UInt8]) {
        for index in 0..<16 { bytes.append(low[index]) }
        for index in 0..<16 { bytes.append(high[index]) }
    }

    /// The 2-bit code (0...3) of bucket `index` (0..<128).
    public func bucketCode(_ index: Int) -> UInt8 {
        precondition((0..<128).contains(index), "TLSH bucket index out of range")
        let byte = index < 64 ? low[index / 4] : high[index / 4 - 16]
        return (byte >> UInt8(2 * (index % 4))) & 3
    }
}
