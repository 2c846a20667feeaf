/// Why an analysis header (`AnalysisHeader(parsing:)`, `imprint explain`) could not be decoded.
public struct AnalysisHeaderError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case tooLong, malformedToken, outOfRange, unsupportedVersion, missingField
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The text is over `AnalysisHeader.maximumParsedLength` bytes; nothing was parsed.
        public static let tooLong = Code(.tooLong)
        /// A token is not `key=value`.
        public static let malformedToken = Code(.malformedToken)
        /// A contribution's similarity is outside 0...1 or its weight outside ±`AnalysisHeader.maximumWeight`.
        public static let outOfRange = Code(.outOfRange)
        /// `v=` is not 1.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// `cv=`, `s=`, `c=` or `r=` is missing or not of its form.
        public static let missingField = Code(.missingField)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    /// The token at fault (at most 40 characters of it).
    public let token: String
    public let reason: String
    public let file: String
    public let line: UInt

    public var description: String { "analysis header: \(code): '\(token)': \(reason)" }

    @inline(never)
    static func make(_ code: Code, token: String, _ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: code, token: token, reason: reason, file: file, line: line)
    }
}
