/// Why a PCRE2 pattern could not be compiled or could not finish a match.
public struct PatternError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case compileFailed, matchLimitExceeded, depthLimitExceeded, heapLimitExceeded, matchFailed
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The pattern does not compile.
        public static let compileFailed = Code(.compileFailed)
        /// The match took more backtracking steps than `Limits.matchLimit`.
        public static let matchLimitExceeded = Code(.matchLimitExceeded)
        /// The match recursed deeper than `Limits.depthLimit`.
        public static let depthLimitExceeded = Code(.depthLimitExceeded)
        /// The match needed more heap than `Limits.heapLimitKiB`.
        public static let heapLimitExceeded = Code(.heapLimitExceeded)
        /// Any other PCRE2 match error.
        public static let matchFailed = Code(.matchFailed)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    public let reason: String
    public let file: String
    public let line: UInt

    public var description: String { "pattern: \(code): \(reason)" }

    @inline(never)
    static func make(_ code: Code, _ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: code, reason: reason, file: file, line: line)
    }
}
