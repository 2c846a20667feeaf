/// A MinHash signature: one minimum per permutation.
///
/// Text form: each minimum as 16 hex digits (big-endian), concatenated.
public struct MinHashSignature: Hashable, Sendable, CustomStringConvertible {
    public let minima: [UInt64]

    public init(minima: [UInt64]) { self.minima = minima }

    /// Parses the hex form: 16 digits a minimum, 1...``MinHash/maxPermutations`` minima.
    /// - Throws: ``TextKernelError/Code/malformedDigest`` on a bad length or digit.
    public init(hex: some StringProtocol) throws(TextKernelError) {
        let digits = hex.utf8.count
        guard digits > 0, digits % 16 == 0, digits / 16 <= MinHash.maxPermutations,
              let bytes = HexEncoding.bytes(hex) else {
            throw .make(.malformedDigest, "a MinHash signature is 16 hex digits a minimum, got \(digits) characters")
        }
        minima = stride(from: 0, to: bytes.count, by: 8).map { start in
            bytes[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) }
        }
    }

    public var description: String { minima.map { HexEncoding.string($0) }.joined() }

    /// The estimated Jaccard similarity of the two shingle sets: the fraction of permutations
    /// whose minima agree (both signatures must come from the same ``MinHash/Parameters``).
    /// - Throws: ``TextKernelError/Code/lengthMismatch`` when the lengths differ.
    public func jaccard(_ other: MinHashSignature) throws(TextKernelError) -> Double {
        guard minima.count == other.minima.count, !minima.isEmpty else {
            throw .make(.lengthMismatch, "signatures of \(minima.count) and \(other.minima.count) minima")
        }
        var equal = 0
        for (left, right) in zip(minima, other.minima) where left == right { equal += 1 }
        return Double(equal) / Double(minima.count)
    }
}
