/// Nilsimsa, the 256-bit locality-sensitive digest of cmeclax's `nilsimsa.c` (0.2.4), described
/// in E. Damiani, S. De Capitani di Vimercati, S. Paraboschi and P. Samarati, "An Open Digest-based
/// Technique for Spam Detection", PDCS 2004. Bit-exact with the reference and with the Python
/// `nilsimsa` package (`hexdigest()`), which the tests check on its 20 documents.
///
/// Every byte adds up to eight trigrams of the last five bytes into 256 counters (one counter
/// bank per trigram slot, so the eight increments of a byte never wait on each other); a bit
/// is set where a counter exceeds the mean. Incremental `init()` / `update(_:)` / `finalize()`
/// or one-shot ``hash(_:)``; compare digests with ``NilsimsaDigest/score(comparedTo:)``.
///
/// Accumulation is a table lookup and a scattered increment per trigram, which vector units
/// cannot do (no gather/scatter without AVX-512). The scalar path looks up each trigram's
/// three factors (24 loads a byte); the ``KernelPath/simd`` path computes the eight buckets of
/// a byte at once in the byte lanes of a 64-bit word (`Nilsimsa+Packed.swift`, 9 loads a byte).
/// The tests check both against a direct transcription of the reference's trigram hash.
public struct Nilsimsa: Sendable {
    /// Eight banks of 256 counters, bank n for trigram slot n; folded into `folded` before a
    /// counter could overflow (after `UInt32.max` bytes). Inline: a state allocates nothing
    /// (`folded` only past 4 GiB of input).
    var banks = InlineArray<2048, UInt32>(repeating: 0)
    var folded: [UInt64] = []
    var sinceFold: UInt64 = 0
    /// The last four bytes, most recent in the low byte.
    var window: UInt32 = 0
    /// Bytes seen.
    public private(set) var byteCount: UInt64 = 0

    /// The path `update` uses when none is named.
    public static let preferredPath: KernelPath = .simd
    let path: KernelPath

    /// Starts a digest.
    public init(path: KernelPath = Nilsimsa.preferredPath) { self.path = path }

    /// Feeds bytes.
    /// - Complexity: O(n), eight table lookups and increments a byte.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        // The first four bytes of the stream make fewer than eight trigrams.
        while byteCount < 4 && remaining > 0 {
            warmUp(input.load(as: UInt8.self))
            input += 1
            remaining -= 1
        }
        while remaining > 0 {
            if sinceFold == UInt64(UInt32.max) { fold() }
            let chunk = Int(Swift.min(UInt64(remaining), UInt64(UInt32.max) - sinceFold))
            window = banks.withUnsafeMutableBufferPointer { counters in
                switch path {
                case .scalar:
                    Self.slotTables.withUnsafeBufferPointer { tables in
                        Self.accumulate(input, count: chunk, window: window,
                                        counters: counters.baseAddress!, tables: tables.baseAddress!)
                    }
                case .simd:
                    Self.packedTables.withUnsafeBufferPointer { tables in
                        Self.accumulatePacked(input, count: chunk, window: window,
                                              counters: counters.baseAddress!, tables: tables.baseAddress!)
                    }
                }
            }
            sinceFold += UInt64(chunk)
            byteCount += UInt64(chunk)
            input += chunk
            remaining -= chunk
        }
    }

    /// Feeds bytes from any sequence.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// The digest of everything fed so far (the state is unchanged: feeding may continue).
    public func finalize() -> NilsimsaDigest {
        let trigrams: UInt64
        switch byteCount {
        case 0...2: trigrams = 0
        case 3: trigrams = 1
        case 4: trigrams = 4
        default: trigrams = 8 &* byteCount &- 28
        }
        // A counter sets its bit when counter > trigrams / 256 (the reference compares with the
        // exact mean; for integers that is the same as comparing with the floor).
        let threshold = trigrams / 256
        var words = SIMD4<UInt64>.zero
        // Through one pointer: reading the inline banks element by element may copy them each time.
        banks.withUnsafeBufferPointer { banks in
            for bucket in 0..<256 {
                var total = folded.isEmpty ? 0 : folded[bucket]
                for slot in 0..<8 { total &+= UInt64(banks[slot &* 256 &+ bucket]) }
                if total > threshold {
                    words[NilsimsaDigest.word(ofBucket: bucket)] |= 1 &<< UInt64(NilsimsaDigest.shift(ofBucket: bucket))
                }
            }
        }
        return NilsimsaDigest(bits: words)
    }

    /// The Nilsimsa digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>, path: KernelPath = Nilsimsa.preferredPath) -> NilsimsaDigest {
        var state = Nilsimsa(path: path)
        state.update(bytes)
        return state.finalize()
    }

    /// One of the first four bytes: only the trigrams that fit in the short window.
    mutating func warmUp(_ c: UInt8) {
        let w0 = UInt8(truncatingIfNeeded: window), w1 = UInt8(truncatingIfNeeded: window >> 8)
        let w2 = UInt8(truncatingIfNeeded: window >> 16)
        let seen = byteCount
        banks.withUnsafeMutableBufferPointer { banks in
            if seen >= 2 { banks[Self.tranHash(c, w0, w1, 0)] += 1 }
            if seen >= 3 {
                banks[256 + Self.tranHash(c, w0, w2, 1)] += 1
                banks[512 + Self.tranHash(c, w1, w2, 2)] += 1
            }
        }
        window = (window << 8) | UInt32(c)
        byteCount += 1
        sinceFold += 1
    }

    mutating func fold() {
        var folded = self.folded.isEmpty ? [UInt64](repeating: 0, count: 256) : self.folded
        self.folded = []  // `folded` holds the only reference while it is added to
        banks.withUnsafeMutableBufferPointer { banks in
            for index in 0..<banks.count {
                folded[index & 255] &+= UInt64(banks[index])
                banks[index] = 0
            }
        }
        self.folded = folded
        sinceFold = 0
    }
}
