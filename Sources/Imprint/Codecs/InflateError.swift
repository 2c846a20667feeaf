/// Why a zlib or raw-deflate stream could not be inflated.
public struct InflateError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case corrupt, truncated, outputLimitExceeded, initializationFailed
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// zlib reported a data or dictionary error.
        public static let corrupt = Code(.corrupt)
        /// The input ended before the end of the stream.
        public static let truncated = Code(.truncated)
        /// The output grew past the caller's limit (a decompression bomb, or just too big).
        public static let outputLimitExceeded = Code(.outputLimitExceeded)
        /// zlib could not set up a stream.
        public static let initializationFailed = Code(.initializationFailed)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    public let reason: String
    public let file: String
    public let line: UInt

    public var description: String { "inflate: \(code): \(reason)" }

    @inline(never)
    static func corrupt(_ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .corrupt, reason: reason, file: file, line: line)
    }

    @inline(never)
    static func truncated(file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .truncated, reason: "the input ended inside the compressed stream", file: file, line: line)
    }

    @inline(never)
    static func outputLimitExceeded(limit: Int, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .outputLimitExceeded, reason: "output would exceed \(limit) bytes", file: file, line: line)
    }

    @inline(never)
    static func initializationFailed(_ status: Int32, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .initializationFailed, reason: "inflateInit2 returned \(status)", file: file, line: line)
    }
}
