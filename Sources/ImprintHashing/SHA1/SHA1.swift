/// SHA-1 (FIPS 180-4, section 6.1), for digests that must equal other tools' (Pyzor's body
/// digest, exact part digests). Not for security: SHA-1 collisions are practical.
///
/// Incremental: `init()`, any number of `update(_:)`, then `finalize()` (20 bytes); or one-shot
/// `SHA1.hash(_:)`. Scalar only: the 80-round compression is a serial dependency chain and the
/// SHA extensions are not reachable from Swift without a C shim, which this module avoids.
public struct SHA1: Sendable {
    /// The digest length in bytes.
    public static let byteCount = 20

    var state: (UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
    var block = SIMD64<UInt8>.zero  // pending bytes of a partial block
    var blockCount = 0
    var messageLength: UInt64 = 0  // bytes

    /// Starts a digest.
    public init() {}

    /// Feeds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        messageLength &+= UInt64(remaining)
        if blockCount > 0 {
            let take = Swift.min(64 - blockCount, remaining)
            let filled = blockCount
            withUnsafeMutableBytes(of: &block) { raw in
                raw.baseAddress!.advanced(by: filled).copyMemory(from: input, byteCount: take)
            }
            blockCount += take
            input += take
            remaining -= take
            guard blockCount == 64 else { return }
            var full = block
            withUnsafeBytes(of: &full) { compress(blocks: $0.baseAddress!, count: 1) }
            blockCount = 0
        }
        let blocks = remaining / 64
        if blocks > 0 {
            compress(blocks: input, count: blocks)
            input += blocks * 64
            remaining -= blocks * 64
        }
        if remaining > 0 {
            let tail = remaining
            withUnsafeMutableBytes(of: &block) { raw in
                raw.baseAddress!.copyMemory(from: input, byteCount: tail)
            }
            blockCount = remaining
        }
    }

    /// Feeds bytes from any sequence.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// The 20-byte digest of everything fed (FIPS 180-4 5.1.1 padding).
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = messageLength &* 8
        let zeros = blockCount < 56 ? 56 - blockCount : 120 - blockCount
        // The padding on the stack (at most 128 bytes): only the digest is allocated.
        withUnsafeTemporaryAllocation(byteCount: zeros + 8, alignment: 8) { padding in
            padding.initializeMemory(as: UInt8.self, repeating: 0)
            padding[0] = 0x80
            padding.storeBytes(of: bitLength.bigEndian, toByteOffset: zeros, as: UInt64.self)
            copy.update(UnsafeRawBufferPointer(padding))
        }
        assert(copy.blockCount == 0)
        var digest: [UInt8] = []
        digest.reserveCapacity(Self.byteCount)
        withUnsafeBytes(of: copy.state) { raw in
            for index in 0..<5 {
                let word = raw.load(fromByteOffset: 4 * index, as: UInt32.self)
                withUnsafeBytes(of: word.bigEndian) { digest.append(contentsOf: $0) }
            }
        }
        return digest
    }

    /// The SHA-1 digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA1()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The 40-digit lower-case hex form of the digest of `bytes`, as `sha1sum` prints it.
    public static func hexDigest(_ bytes: some Sequence<UInt8>) -> String {
        HexEncoding.string(hash(bytes))
    }
}
