/// Why a message could not be parsed at all. Softer problems are `MessageAnomalies` flags.
public struct MessageParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case empty, tooManyHeaders, headerTooLarge, invalidModification
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No bytes (or, in wire form, only the terminator).
        public static let empty = Code(.empty)
        /// A header block has more fields than `MessageLimits.maxHeaderCount`.
        public static let tooManyHeaders = Code(.tooManyHeaders)
        /// A header block is longer than `MessageLimits.maxHeaderBytes`.
        public static let headerTooLarge = Code(.headerTooLarge)
        /// A `HeaderModification` with an invalid field name or a line break in its value.
        public static let invalidModification = Code(.invalidModification)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    public let reason: String
    public let file: String
    public let line: UInt

    public var description: String { "message: \(code): \(reason)" }

    @inline(never)
    static func make(_ code: Code, _ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: code, reason: reason, file: file, line: line)
    }
}
