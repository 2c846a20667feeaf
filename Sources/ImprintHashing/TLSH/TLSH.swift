/// TLSH, the Trend Micro Locality Sensitive Hash, in its standard build: T1, 128 buckets,
/// 1-byte checksum, a sliding window of 5 bytes.
///
/// Follows J. Oliver, C. Cheng, Y. Chen, "TLSH - A Locality Sensitive Hash", 4th Cybercrime
/// and Trustworthy Computing Workshop (CTC), 2013, and is bit-exact with the reference
/// implementation (https://github.com/trendmicro/tlsh, 4.x; py-tlsh 5.0): every position of
/// the 5-byte window feeds six byte triplets, each Pearson-hashed with its own salt into one
/// of 256 buckets, and a running Pearson checksum. `finalize()` turns the first 128 bucket
/// counts into 2-bit codes by their quartiles, adds the log-scaled length and two quartile
/// ratios, and gives a ``TLSHDigest``.
///
/// Incremental: `init()`, any number of `update(_:)` calls, then `finalize()`; or one-shot
/// `TLSH.hash(_:)`. Split points never change the digest.
///
/// Limits: an input shorter than ``minimumLength`` (50 bytes), longer than
/// ``maximumLength`` (4,224,281,216 bytes, the end of the reference's length scale) or with
/// too little variety (the third quartile of the bucket counts is 0, or no more than half of
/// the 128 buckets are non-zero) has no digest: `finalize()` returns nil, which the reference
/// tools print as `TNULL`. Bucket counts are 32-bit and wrap as the reference's do; memory
/// use is constant (6 KiB of counts in the state value, no allocation, and 260 KiB of tables shared by all hashers) whatever the
/// input length.
///
/// Speed: two per-byte loops selected by ``KernelPath``, proven equal by the tests: `.scalar`
/// (`absorb`: nine L1 table loads and six counter increments a byte) and `.simd`, the preferred
/// one (`absorbPairs`: a pair table replaces four of the seven Pearson chains' first steps).
/// `Benchmarks/compare-references.py` measures it against py-tlsh's C++.
public struct TLSH: Sendable {
    /// The path `hash` and `update` use when none is named: `.simd`, the pair-table loop
    /// (+25% over `.scalar` on corpus messages).
    public static let preferredPath: KernelPath = .simd
    /// The shortest input with a digest, in bytes (the reference's `MIN_DATA_LENGTH`).
    public static let minimumLength: UInt64 = 50
    /// The longest input with a digest, in bytes: the last entry of the length scale.
    public static var maximumLength: UInt64 { TLSHLengthScale.maximumLength }

    /// Six 256-entry histograms, one per triplet salt, indexed before the last Pearson step
    /// (see `absorb`) and merged in `finalize()`. Separate histograms keep consecutive
    /// increments of the same bucket from waiting on each other. Inline: a state allocates nothing.
    var counts = InlineArray<1536, UInt32>(repeating: 0)
    /// The last four bytes seen, the most recent in the low byte.
    var window: UInt32 = 0
    /// The running 1-byte Pearson checksum.
    var checksum: UInt8 = 0
    /// Bytes fed so far.
    var length: UInt64 = 0
    /// Which per-byte loop runs.
    let path: KernelPath

    /// Starts an empty digest.
    /// - Parameter path: which per-byte loop runs (both give the same digest).
    public init(path: KernelPath = TLSH.preferredPath) {
        self.path = path
    }

    /// Feeds bytes.
    /// - Complexity: O(n); nine table loads per byte.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let count = bytes.count
        var start = 0
        // The first four bytes of the stream only fill the window.
        while length &+ UInt64(start) < 4 && start < count {
            window = window << 8 | UInt32(base.load(fromByteOffset: start, as: UInt8.self))
            start += 1
        }
        if start < count {
            var window = self.window
            var checksum = self.checksum
            let tables = TLSHTables.shared
            let path = self.path
            counts.withUnsafeMutableBufferPointer { histograms in
                switch path {
                case .scalar:
                    Self.absorb(base + start, count: count - start, window: &window, checksum: &checksum,
                                histograms: histograms.baseAddress!, tables: tables)
                case .simd:
                    Self.absorbPairs(base + start, count: count - start, window: &window, checksum: &checksum,
                                     histograms: histograms.baseAddress!, tables: tables)
                }
            }
            self.window = window
            self.checksum = checksum
        }
        length &+= UInt64(count)
    }

    /// Feeds bytes from any sequence.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// The digest of `bytes` in one call, or nil when the input has none (`TNULL`).
    public static func hash(_ bytes: UnsafeRawBufferPointer, path: KernelPath = TLSH.preferredPath) -> TLSHDigest? {
        var state = TLSH(path: path)
        state.update(bytes)
        return state.finalize()
    }

    /// The digest of `bytes` in one call, or nil when the input has none (`TNULL`).
    public static func hash(_ bytes: some Sequence<UInt8>, path: KernelPath = TLSH.preferredPath) -> TLSHDigest? {
        var state = TLSH(path: path)
        state.update(bytes)
        return state.finalize()
    }
}
