/// MinHash over k-token shingles (A. Broder, "On the resemblance and containment of
/// documents", 1997; Broder, Charikar, Frieze, Mitzenmacher, "Min-wise independent
/// permutations", STOC 1998): for each of `permutations` hash functions, the minimum over the
/// shingle set; the fraction of equal minima of two signatures estimates the Jaccard
/// similarity of the sets (``MinHashSignature/jaccard(_:)``), with standard error
/// sqrt(J(1-J)/permutations).
///
/// Tokens arrive as 64-bit hashes (or are hashed with XXH3-64); each window of
/// ``Parameters/shingleSize`` consecutive token hashes is one shingle, hashed with XXH3-64 of
/// the window's little-endian words. A sequence shorter than the window is one shingle of all
/// its tokens, so short texts still have a signature; an empty one has the all-ones signature.
///
/// The permutations are the multiply-add family h_i(x) = (a_i * x + b_i) mod 2^64 with a_i odd
/// (M. Dietzfelbinger et al., "A reliable randomized algorithm for the closest-pair problem",
/// 1997): a bijection, so two shingles never tie, with the high bits, which decide the
/// minimum, universally mixed. (a_i, b_i) come from SplitMix64 seeded with
/// ``Parameters/seed``: signatures compare only under equal parameters. The per-shingle update
/// of every minimum has a scalar reference and a `SIMD8<UInt64>` twin (``KernelPath``).
public struct MinHash: Sendable {
    /// What a signature depends on.
    public struct Parameters: Hashable, Sendable {
        /// Hash functions (signature length), 1...``MinHash/maxPermutations``. Default 64:
        /// standard error at most 0.0625, under 0.04 for J <= 0.1 or >= 0.9.
        public var permutations: Int
        /// Tokens per shingle, 1...``MinHash/maxShingleSize``. Default 3: word 3-shingles
        /// survive inserted words better than longer ones while keeping order information
        /// that single words lack (Broder 1997 uses 4-10 on web pages; mail bodies are short).
        public var shingleSize: Int
        /// Seeds the permutations.
        public var seed: UInt64

        public init(permutations: Int = 64, shingleSize: Int = 3, seed: UInt64 = 0x4D69_6E48_6173_6801) {
            self.permutations = permutations
            self.shingleSize = shingleSize
            self.seed = seed
        }
    }

    /// The largest signature: 1,024 minima (8 KB).
    public static let maxPermutations = 1024
    /// The longest shingle: 16 tokens.
    public static let maxShingleSize = 16
    /// The path `update` uses when none is named: scalar. In the portable build the vector
    /// 64-bit lane multiply and unsigned minimum are emulated with SSE2 and the SIMD path is
    /// slower; built with `-Xcc -march=x86-64-v3` (AVX2) the SIMD path measured about 1.4x the
    /// scalar one (`cd Benchmarks && swift package benchmark --target HashingBenchmarks`), so pass `path: .simd` in that build.
    public static let preferredPath: KernelPath = .scalar

    public let parameters: Parameters
    let path: KernelPath
    /// Multipliers (odd) and addends, padded with copies to a multiple of 8 lanes.
    let multipliers: [UInt64]
    let addends: [UInt64]
    var minima: [UInt64]
    /// The last `shingleSize` token hashes, each written twice (at `i` and `i + shingleSize`)
    /// so that the window, oldest first, is always the contiguous `head..<head + shingleSize`.
    var window: [UInt64]
    var head = 0
    /// Tokens fed.
    public private(set) var tokenCount = 0

    /// Starts a signature.
    /// - Throws: ``TextKernelError/Code/parameterOutOfRange`` when a parameter is outside its limits.
    public init(_ parameters: Parameters = Parameters(), path: KernelPath = MinHash.preferredPath) throws(TextKernelError) {
        guard (1...Self.maxPermutations).contains(parameters.permutations) else {
            throw .make(.parameterOutOfRange, "permutations \(parameters.permutations) not in 1...\(Self.maxPermutations)")
        }
        guard (1...Self.maxShingleSize).contains(parameters.shingleSize) else {
            throw .make(.parameterOutOfRange, "shingle size \(parameters.shingleSize) not in 1...\(Self.maxShingleSize)")
        }
        self.parameters = parameters
        self.path = path
        var state = parameters.seed
        let padded = (parameters.permutations + 7) & ~7
        var multipliers: [UInt64] = [], addends: [UInt64] = []
        for index in 0..<padded {
            if index < parameters.permutations {
                multipliers.append(Self.splitMix(&state) | 1)
                addends.append(Self.splitMix(&state))
            } else {
                multipliers.append(multipliers[index - parameters.permutations])
                addends.append(addends[index - parameters.permutations])
            }
        }
        self.multipliers = multipliers
        self.addends = addends
        self.minima = [UInt64](repeating: .max, count: padded)
        self.window = [UInt64](repeating: 0, count: 2 * parameters.shingleSize)
    }

    /// Feeds one token by its 64-bit hash.
    public mutating func update(tokenHash: UInt64) {
        let size = parameters.shingleSize
        let shingle: UInt64? = window.withUnsafeMutableBufferPointer { ring in
            ring[head] = tokenHash.littleEndian  // hashed as bytes: the same on every host
            ring[head &+ size] = tokenHash.littleEndian
            head = head &+ 1 == size ? 0 : head &+ 1
            guard tokenCount &+ 1 >= size else { return nil }
            return XXH3.hash64(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(ring)[(head &* 8)..<((head &+ size) &* 8)]))
        }
        tokenCount += 1
        if let shingle { update(shingleHash: shingle) }
    }

    /// Feeds one token, hashed with XXH3-64.
    public mutating func update(token: some Sequence<UInt8>) { update(tokenHash: XXH3.hash64(token)) }

    /// Feeds one token, its UTF-8 hashed with XXH3-64.
    public mutating func update(token: String) { update(tokenHash: XXH3.hash64(token.utf8)) }

    /// Feeds the words of raw bytes (``WordTokenizer``).
    public mutating func update(words bytes: some Sequence<UInt8>) {
        for hash in WordTokenizer.tokenHashes(bytes) { update(tokenHash: hash) }
    }

    /// Adds one set element directly, by its 64-bit hash (no shingling).
    public mutating func update(shingleHash: UInt64) {
        let path = self.path
        minima.withUnsafeMutableBufferPointer { minima in
            multipliers.withUnsafeBufferPointer { a in
                addends.withUnsafeBufferPointer { b in
                    Self.lowerMinima(minima, element: shingleHash, multipliers: a, addends: b, path: path)
                }
            }
        }
    }

    /// The signature so far (a sequence shorter than a shingle counts as one shingle).
    public func finalize() -> MinHashSignature {
        var copy = self
        if tokenCount > 0 && tokenCount < parameters.shingleSize {
            // The tokens so far sit at 0..<tokenCount: the ring has not wrapped.
            copy.update(shingleHash: Self.shingleHash(Array(window.prefix(tokenCount))))
        }
        return MinHashSignature(minima: Array(copy.minima.prefix(parameters.permutations)))
    }

    /// One-shot: the signature of a token-hash sequence.
    /// - Throws: ``TextKernelError/Code/parameterOutOfRange`` for parameters outside their limits.
    public static func signature(tokenHashes: some Sequence<UInt64>,
                                 parameters: Parameters = Parameters()) throws(TextKernelError) -> MinHashSignature {
        var sketch = try MinHash(parameters)
        for hash in tokenHashes { sketch.update(tokenHash: hash) }
        return sketch.finalize()
    }

    /// One-shot: the signature of the words of raw bytes (``WordTokenizer``), as
    /// `imprint hash minhash` prints it with default parameters.
    public static func signature(words bytes: some Sequence<UInt8>,
                                 parameters: Parameters = Parameters()) throws(TextKernelError) -> MinHashSignature {
        try signature(tokenHashes: WordTokenizer.tokenHashes(bytes), parameters: parameters)
    }

    /// XXH3-64 of the window's bytes, oldest word first (the ring holds words little-endian).
    static func shingleHash(_ words: [UInt64]) -> UInt64 {
        words.withUnsafeBytes { XXH3.hash64($0) }
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
