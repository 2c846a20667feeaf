/// Why a file given by path could not be read.
public struct FileReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable { case notFound, isDirectory, unreadable, tooLarge }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        public static let notFound = Code(.notFound)
        public static let isDirectory = Code(.isDirectory)
        public static let unreadable = Code(.unreadable)
        /// Larger than `FileBytes.maxFileSize`.
        public static let tooLarge = Code(.tooLarge)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    public let path: String
    public let reason: String

    public var description: String { "\(path): \(reason)" }

    @inline(never)
    static func make(_ code: Code, _ path: String, _ reason: String) -> Self {
        Self(code: code, path: path, reason: reason)
    }
}
