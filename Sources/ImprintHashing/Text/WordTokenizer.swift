/// The simple word tokenizer the raw-byte text kernels use (SimHash, MinHash from
/// `imprint hash`): a token is a maximal run of ASCII letters and digits and of bytes >= 0x80
/// (so UTF-8 words of other scripts stay whole), ASCII letters lower-cased. Every other byte
/// separates tokens. Message-level normalization (NFKC, case folding, homoglyphs) happens
/// before this, in `Imprint`.
public enum WordTokenizer {
    /// Whether `byte` belongs to a token.
    @inlinable @inline(__always)
    public static func isWordByte(_ byte: UInt8) -> Bool {
        // A 128-bit set of the ASCII word bytes (digits, letters); every byte >= 0x80 is in.
        let low: UInt64 = 0x03FF_0000_0000_0000, high: UInt64 = 0x07FF_FFFE_07FF_FFFE
        if byte >= 0x80 { return true }
        return ((byte < 64 ? low : high) >> UInt64(byte & 63)) & 1 == 1
    }

    /// The XXH3-64 (seed `seed`) of each lower-cased token of `bytes`, in order.
    /// - Complexity: O(n). A token without upper-case letters is hashed in place; one with
    ///   them is lower-cased into a copy first.
    public static func tokenHashes(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> [UInt64] {
        guard let base = bytes.baseAddress else { return [] }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(bytes.count / 6)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: shortToken) { scratch in
            let lowered = scratch.baseAddress!
            var index = 0
            let count = bytes.count
            while index < count {
                while index < count && !isWordByte(base.byte(index)) { index &+= 1 }
                guard index < count else { break }
                let start = index
                var hasUpper = false
                while index < count {
                    let byte = base.byte(index)
                    guard isWordByte(byte) else { break }
                    hasUpper = hasUpper || (byte &- 0x41) < 26
                    index &+= 1
                }
                let token = UnsafeRawBufferPointer(start: base + start, count: index &- start)
                if !hasUpper {
                    hashes.append(XXH3.hash64(token, seed: seed))
                } else if token.count <= shortToken {
                    for offset in 0..<token.count {
                        let byte = token[offset]
                        lowered[offset] = (byte &- 0x41) < 26 ? byte | 0x20 : byte
                    }
                    hashes.append(XXH3.hash64(UnsafeRawBufferPointer(start: lowered, count: token.count), seed: seed))
                } else {
                    let long = token.map { ($0 &- 0x41) < 26 ? $0 | 0x20 : $0 }
                    hashes.append(long.withUnsafeBytes { XXH3.hash64($0, seed: seed) })
                }
            }
        }
        return hashes
    }

    /// Tokens up to this long are lower-cased on the stack; longer ones on the heap.
    static let shortToken = 256

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
