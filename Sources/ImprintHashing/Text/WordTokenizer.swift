/// The simple word tokenizer the raw-byte text kernels use (SimHash, MinHash from
/// `imprint hash`): a token is a maximal run of ASCII letters and digits and of bytes >= 0x80
/// (so UTF-8 words of other scripts stay whole), ASCII letters lower-cased. Every other byte
/// separates tokens. Message-level normalization (NFKC, case folding, homoglyphs) happens
/// before this, in `Imprint`.
public enum WordTokenizer {
    /// Whether `byte` belongs to a token.
    @inlinable @inline(__always)
    public static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The XXH3-64 (seed `seed`) of each lower-cased token of `bytes`, in order.
    /// - Complexity: O(n); one scratch buffer as long as the longest token.
    public static func tokenHashes(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> [UInt64] {
        var hashes: [UInt64] = []
        var scratch: [UInt8] = []
        var index = 0
        let count = bytes.count
        while index < count {
            while index < count && !isWordByte(bytes[index]) { index += 1 }
            guard index < count else { break }
            scratch.removeAll(keepingCapacity: true)
            while index < count && isWordByte(bytes[index]) {
                let byte = bytes[index]
                scratch.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
            }
            hashes.append(scratch.withUnsafeBytes { XXH3.hash64($0, seed: seed) })
        }
        return hashes
    }

    /// The token hashes of any byte sequence.
    public static func tokenHashes(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0) -> [UInt64] {
        if let hashes = bytes.withContiguousStorageIfAvailable({
            tokenHashes(UnsafeRawBufferPointer($0), seed: seed)
        }) {
            return hashes
        }
        return Array(bytes).withUnsafeBytes { tokenHashes($0, seed: seed) }
    }
}
