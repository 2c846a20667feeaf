/// Why text is not a TLSH digest.
public struct TLSHDigestError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case noDigest, badLength, badCharacter
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// `TNULL`: the reference's mark for an input that had no digest.
        public static let noDigest = Code(.noDigest)
        /// Neither `T1` and 70 hex digits nor the old form of 70 hex digits.
        public static let badLength = Code(.badLength)
        /// A character that is not a hex digit.
        public static let badCharacter = Code(.badCharacter)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    public let reason: String
    public let file: String
    public let line: UInt

    public var description: String { "tlsh: \(code): \(reason)" }

    @inline(never)
    static func make(_ code: Code, _ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: code, reason: reason, file: file, line: line)
    }
}
