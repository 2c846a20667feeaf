/// Why a `--set KEY=VALUE` or `--param KEY=v1,v2,…` was refused: names the key as given.
public struct TuningError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable { case syntax, unknownKey, badValue, unsupported }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Not of the form `KEY=VALUE` (or `KEY=v1,v2,…`).
        public static let syntax = Code(.syntax)
        /// A key that is neither a `cartridge.cfg` key nor an engine parameter.
        public static let unknownKey = Code(.unknownKey)
        /// A value outside what the key allows.
        public static let badValue = Code(.badValue)
        /// A combination the command cannot run (e.g. a sweep under the online protocol).
        public static let unsupported = Code(.unsupported)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    /// The key as the user wrote it (empty when there was none).
    public let key: String
    public let reason: String
    public let file: String
    public let line: UInt

    public var description: String { key.isEmpty ? "\(code): \(reason)" : "'\(key)': \(code): \(reason)" }

    @inline(never)
    static func make(_ code: Code, key: String, _ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: code, key: key, reason: reason, file: file, line: line)
    }
}
