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
/// ``Parameters/seed``: signatures compare only under equal parameters. Shingle hashes are
/// gathered in batches and the minima lowered permutation by permutation over a batch, with a
/// scalar path and a `SIMD8<UInt64>` twin (``KernelPath``).
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
    /// slower (over SpamAssassin message texts, words to signature: 133 MB/s scalar, 82 MB/s
    /// SIMD; `KernelThroughput text`); x86-64 has no 64-bit vector multiply before AVX-512.
    public static let preferredPath: KernelPath = .scalar

    public let parameters: Parameters
    let path: KernelPath
    /// Permutation lanes: `permutations` rounded up to a multiple of 8.
    let lanes: Int
    /// One buffer: multipliers (odd) and addends, padded with copies to `lanes`, then the
    /// minima, then the window of recent token hashes (see `windowOffset`).
    var storage: [UInt64]
    /// Recent token hashes, little-endian, the newest at `window + fill - 1`: the last
    /// `min(tokenCount, shingleSize)` are always contiguous, oldest first. When the window is
    /// full its last `shingleSize - 1` words move to the front.
    var fill = 0
    /// Tokens fed.
    public private(set) var tokenCount = 0

    /// Token hashes the window holds beyond one shingle before it moves its tail back.
    static let windowSlack = 256

    /// Starts a signature.
    /// - Throws: ``TextKernelError/Code/parameterOutOfRange`` when a parameter is outside its limits.
    public init(_ parameters: Parameters = Parameters(), path: KernelPath = MinHash.preferredPath) throws(TextKernelError) {
        var storage: [UInt64] = []
        try self.init(parameters, path: path, reusing: &storage)
    }

    /// Starts a signature in `storage`, a caller's scratch whose capacity is reused: it is
    /// moved in (left empty) and handed back by ``moveStorage(to:)``.
    /// - Throws: ``TextKernelError/Code/parameterOutOfRange`` when a parameter is outside its limits.
    package init(_ parameters: Parameters, path: KernelPath = MinHash.preferredPath,
                 reusing storage: inout [UInt64]) throws(TextKernelError) {
        guard (1...Self.maxPermutations).contains(parameters.permutations) else {
            throw .make(.parameterOutOfRange, "permutations \(parameters.permutations) not in 1...\(Self.maxPermutations)")
        }
        guard (1...Self.maxShingleSize).contains(parameters.shingleSize) else {
            throw .make(.parameterOutOfRange, "shingle size \(parameters.shingleSize) not in 1...\(Self.maxShingleSize)")
        }
        self.parameters = parameters
        self.path = path
        let lanes = (parameters.permutations + 7) & ~7
        self.lanes = lanes
        storage.removeAll(keepingCapacity: true)
        storage.append(contentsOf: repeatElement(.max, count: 3 * lanes + parameters.shingleSize + Self.windowSlack))
        var state = parameters.seed
        for index in 0..<lanes {
            if index < parameters.permutations {
                storage[index] = Self.splitMix(&state) | 1
                storage[lanes + index] = Self.splitMix(&state)
            } else {
                storage[index] = storage[index - parameters.permutations]
                storage[lanes + index] = storage[lanes + index - parameters.permutations]
            }
        }
        self.storage = []
        swap(&self.storage, &storage)
    }

    /// Hands the state's buffer back to the caller's scratch (see ``init(_:path:reusing:)``);
    /// the sketch is empty afterwards and must not be used again.
    package mutating func moveStorage(to storage: inout [UInt64]) {
        swap(&self.storage, &storage)
    }

    /// Where the window starts in `storage`.
    var windowOffset: Int { 3 * lanes }

    /// Feeds one token by its 64-bit hash.
    public mutating func update(tokenHash: UInt64) {
        withUnsafePointer(to: tokenHash) { absorb(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Feeds token hashes in order: appends each to the window, hashes each full window into a
    /// batch of shingles, and lowers the minima once a batch (``batchSize``).
    mutating func absorb(_ tokens: UnsafeBufferPointer<UInt64>) {
        let size = parameters.shingleSize, lanes = self.lanes, path = self.path
        let capacity = size + Self.windowSlack, start = windowOffset
        var fill = self.fill, seen = tokenCount
        storage.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            let window = base + start
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.batchSize) { batch in
                let shingles = batch.baseAddress!
                var pending = 0
                for token in tokens {
                    if fill == capacity {
                        window.update(from: window + (capacity - (size - 1)), count: size - 1)
                        fill = size - 1
                    }
                    window[fill] = token.littleEndian  // hashed as bytes: the same on every host
                    fill &+= 1
                    seen &+= 1
                    guard seen >= size else { continue }
                    shingles[pending] = XXH3.hash64(UnsafeRawBufferPointer(start: window + (fill - size), count: 8 &* size))
                    pending &+= 1
                    if pending == Self.batchSize {
                        Self.lowerMinima(base + 2 * lanes, lanes: lanes, multipliers: base, addends: base + lanes,
                                         shingles: shingles, count: pending, path: path)
                        pending = 0
                    }
                }
                Self.lowerMinima(base + 2 * lanes, lanes: lanes, multipliers: base, addends: base + lanes,
                                 shingles: shingles, count: pending, path: path)
            }
        }
        self.fill = fill
        tokenCount = seen
    }

    /// Feeds one token, hashed with XXH3-64.
    public mutating func update(token: some Sequence<UInt8>) { update(tokenHash: XXH3.hash64(token)) }

    /// Feeds one token, its UTF-8 hashed with XXH3-64.
    public mutating func update(token: String) { update(tokenHash: XXH3.hash64(token.utf8)) }

    /// Feeds token hashes in order (a batch: faster than one `update(tokenHash:)` each). With
    /// `WordTokenizer.tokenHashes` (seed 0) this is `update(words:)`, so a caller
    /// that also needs the tokens for SimHash can tokenize once.
    public mutating func update(tokenHashes: UnsafeBufferPointer<UInt64>) { absorb(tokenHashes) }

    /// Feeds the words of raw bytes (``WordTokenizer``).
    public mutating func update(words bytes: some Sequence<UInt8>) {
        WordTokenizer.tokenHashes(bytes).withUnsafeBufferPointer { absorb($0) }
    }

    /// Adds one set element directly, by its 64-bit hash (no shingling).
    public mutating func update(shingleHash: UInt64) {
        let lanes = self.lanes, path = self.path
        storage.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            withUnsafePointer(to: shingleHash) { shingle in
                Self.lowerMinima(base + 2 * lanes, lanes: lanes, multipliers: base, addends: base + lanes,
                                 shingles: shingle, count: 1, path: path)
            }
        }
    }

    /// The signature so far (a sequence shorter than a shingle counts as one shingle).
    public func finalize() -> MinHashSignature {
        var copy = self
        return copy.finishMinima { MinHashSignature(minima: Array($0)) }
    }

    /// Calls `body` with the signature's minima, read in place (what ``finalize()`` returns).
    /// Ends the sketch: a sequence shorter than a shingle has its one shingle added, so no
    /// token may be fed afterwards.
    package mutating func finishMinima<Result>(_ body: (UnsafeBufferPointer<UInt64>) -> Result) -> Result {
        if tokenCount > 0 && tokenCount < parameters.shingleSize {
            // The tokens so far sit at the window's start: it has never moved.
            let start = windowOffset, count = tokenCount
            let shingle = storage.withUnsafeBufferPointer { Self.shingleHash(UnsafeBufferPointer(rebasing: $0[start..<start + count])) }
            update(shingleHash: shingle)
        }
        let minima = 2 * lanes, permutations = parameters.permutations
        return storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[minima..<minima + permutations])) }
    }

    /// One-shot: the signature of a token-hash sequence.
    /// - Throws: ``TextKernelError/Code/parameterOutOfRange`` for parameters outside their limits.
    public static func signature(tokenHashes: some Sequence<UInt64>,
                                 parameters: Parameters = Parameters()) throws(TextKernelError) -> MinHashSignature {
        var sketch = try MinHash(parameters)
        Array(tokenHashes).withUnsafeBufferPointer { sketch.absorb($0) }
        return sketch.finalize()
    }

    /// One-shot: the signature of the words of raw bytes (``WordTokenizer``), as
    /// `imprint hash minhash` prints it with default parameters.
    public static func signature(words bytes: some Sequence<UInt8>,
                                 parameters: Parameters = Parameters()) throws(TextKernelError) -> MinHashSignature {
        try signature(tokenHashes: WordTokenizer.tokenHashes(bytes), parameters: parameters)
    }

    /// XXH3-64 of the window's bytes, oldest word first (the ring holds words little-endian).
    static func shingleHash(_ words: UnsafeBufferPointer<UInt64>) -> UInt64 {
        XXH3.hash64(UnsafeRawBufferPointer(words))
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
