/// Why text is not a CTPH digest `bs:h1:h2`.
public struct CTPHDigestError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case missingSeparator, badBlockSize, partTooLong, badCharacter
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A `:` is missing: the text needs a block size and two parts.
        public static let missingSeparator = Code(.missingSeparator)
        /// The block size is empty, not decimal, zero or over `UInt32.max`.
        public static let badBlockSize = Code(.badBlockSize)
        /// A part is longer than `CTPH.maximumDigestLength` (64) characters.
        public static let partTooLong = Code(.partTooLong)
        /// A part holds a character outside the base64 alphabet.
        public static let badCharacter = Code(.badCharacter)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    public let reason: String
    public let file: String
    public let line: UInt

    public var description: String { "ssdeep digest: \(code): \(reason)" }

    @inline(never)
    static func make(_ code: Code, _ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: code, reason: reason, file: file, line: line)
    }
}
