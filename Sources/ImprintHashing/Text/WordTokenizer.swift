/// The simple word tokenizer the raw-byte text kernels use (SimHash, MinHash from
/// `imprint hash`): a token is a maximal run of ASCII letters and digits and of bytes >= 0x80
/// (so UTF-8 words of other scripts stay whole), ASCII letters lower-cased. Every other byte
/// separates tokens. Message-level normalization (NFKC, case folding, homoglyphs) happens
/// before this, in `Imprint`.
///
/// Runs are found by a scalar reference (one table load a byte, ``classes``) or by an
/// eight-bytes-a-step twin (``KernelPath/simd``: SIMD within a 64-bit register, see
/// `WordTokenizer+Runs.swift`); tests prove they give the same tokens.
public enum WordTokenizer {
    /// The path `tokenHashes` uses when none is named.
    public static let preferredPath: KernelPath = .simd

    /// Whether `byte` belongs to a token.
    @inlinable @inline(__always)
    public static func isWordByte(_ byte: UInt8) -> Bool {
        // A 128-bit set of the ASCII word bytes (digits, letters); every byte >= 0x80 is in.
        let low: UInt64 = 0x03FF_0000_0000_0000, high: UInt64 = 0x07FF_FFFE_07FF_FFFE
        if byte >= 0x80 { return true }
        return ((byte < 64 ? low : high) >> UInt64(byte & 63)) & 1 == 1
    }

    /// Byte classes: 0 separates tokens, 1 is a token byte, 2 an upper-case ASCII letter
    /// (a token byte that lower-casing changes).
    static let classes: [UInt8] = (0..<256).map { byte in
        !isWordByte(UInt8(byte)) ? 0 : (UInt8(byte) &- 0x41) < 26 ? 2 : 1
    }

    /// The XXH3-64 (seed `seed`) of each lower-cased token of `bytes`, in order.
    /// - Complexity: O(n). A token without upper-case letters is hashed in place; one with
    ///   them is lower-cased into a copy first.
    public static func tokenHashes(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> [UInt64] {
        tokenHashes(bytes, seed: seed, path: preferredPath)
    }

    /// ``tokenHashes(_:seed:)`` on the named path.
    public static func tokenHashes(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0, path: KernelPath) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(bytes.count / 6)
        appendTokenHashes(bytes, seed: seed, path: path, to: &hashes)
        return hashes
    }

    /// Appends ``tokenHashes(_:seed:path:)`` to `hashes` (a caller's scratch: no allocation
    /// once its capacity suffices).
    package static func appendTokenHashes(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0,
                                          path: KernelPath = WordTokenizer.preferredPath, to hashes: inout [UInt64]) {
        guard let base = bytes.baseAddress else { return }
        classes.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: shortToken) { scratch in
                var runs = Runs(base: base, count: bytes.count, classes: table.baseAddress!)
                switch path {
                case .scalar:
                    while let run = runs.nextScalar() {
                        hashes.append(hash(run, base: base, seed: seed, scratch: scratch.baseAddress!))
                    }
                case .simd:
                    while let run = runs.nextWide() {
                        hashes.append(hash(run, base: base, seed: seed, scratch: scratch.baseAddress!))
                    }
                }
            }
        }
    }

    /// The hash of one run, lower-cased first when it has upper-case letters.
    @inline(__always)
    static func hash(_ run: Run, base: UnsafeRawPointer, seed: UInt64, scratch: UnsafeMutablePointer<UInt8>) -> UInt64 {
        let token = UnsafeRawBufferPointer(start: base + run.start, count: run.end &- run.start)
        guard run.hasUpper else { return XXH3.hash64(token, seed: seed) }
        guard token.count <= shortToken else {
            let long = token.map { ($0 &- 0x41) < 26 ? $0 | 0x20 : $0 }
            return long.withUnsafeBytes { XXH3.hash64($0, seed: seed) }
        }
        for offset in 0..<token.count {
            let byte = token[offset]
            scratch[offset] = (byte &- 0x41) < 26 ? byte | 0x20 : byte
        }
        return XXH3.hash64(UnsafeRawBufferPointer(start: scratch, count: token.count), seed: seed)
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
