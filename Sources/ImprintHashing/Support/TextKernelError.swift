/// Why a text-kernel digest could not be parsed or a kernel could not be configured
/// (Nilsimsa, SimHash, MinHash, Hamming).
public struct TextKernelError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case malformedDigest, lengthMismatch, parameterOutOfRange
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The digest text is not the algorithm's form (wrong length, a non-hex digit).
        public static let malformedDigest = Code(.malformedDigest)
        /// Two digests or word arrays that must have the same length do not.
        public static let lengthMismatch = Code(.lengthMismatch)
        /// A configuration value is outside its documented limits.
        public static let parameterOutOfRange = Code(.parameterOutOfRange)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    public let reason: String
    public let file: String
    public let line: UInt

    public var description: String { "\(code): \(reason)" }

    @inline(never)
    static func make(_ code: Code, _ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: code, reason: reason, file: file, line: line)
    }
}
