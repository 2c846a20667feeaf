/// Which implementation of a hashing kernel runs.
///
/// Every kernel with a vectorized fast path keeps a scalar reference twin, and the
/// tests prove the two agree on seeded random inputs. `preferred` is the path each
/// kernel uses when the caller does not choose; it is picked per kernel from
/// benchmarks (see `Benchmarks/README.md`).
public enum KernelPath: Sendable, Hashable, CaseIterable {
    /// Plain integer code, one lane at a time: the reference.
    case scalar
    /// `SIMD16<UInt8>` / `SIMD8<UInt64>` vector code.
    case simd
}
