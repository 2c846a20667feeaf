/// Why a corpus spec could not be read, or a message in it could not be loaded.
/// Errors name the spec and, for index files, the line.
public struct CorpusError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case badSpec, unreadable, badLine, tooLarge, tooManyMessages, badCompression
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The spec is not one of the three forms.
        public static let badSpec = Code(.badSpec)
        /// A file or folder could not be read (missing, a directory where a file was expected, …).
        public static let unreadable = Code(.unreadable)
        /// A line of a labels file or TREC index is malformed.
        public static let badLine = Code(.badLine)
        /// A message or mailbox is over its size limit.
        public static let tooLarge = Code(.tooLarge)
        /// The corpus lists more messages than `CorpusLimits.maxMessages`.
        public static let tooManyMessages = Code(.tooManyMessages)
        /// A gzip'd mailbox does not inflate (corrupt, truncated, or a bomb over the limit).
        public static let badCompression = Code(.badCompression)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    /// The spec as given on the command line.
    public let spec: String
    /// The 1-based line of an index file, when the error is on one.
    public let line: Int?
    public let reason: String

    public var description: String {
        if let line { return "corpus \(spec), line \(line): \(reason)" }
        return "corpus \(spec): \(reason)"
    }

    @inline(never)
    static func make(_ code: Code, spec: String, line: Int? = nil, _ reason: String) -> Self {
        Self(code: code, spec: spec, line: line, reason: reason)
    }
}

/// Bounds on what reading a corpus may cost.
public struct CorpusLimits: Sendable, Hashable {
    /// A single message file larger than this is not loaded (counted as an error). Default 64 MiB.
    public var maxMessageBytes: Int
    /// A mailbox (after gunzip) larger than this is refused. Default 2 GiB.
    public var maxMailboxBytes: Int
    /// More messages than this in one run is refused. Default 10 million.
    public var maxMessages: Int
    /// A gzip'd mailbox may inflate to at most this many times its compressed size (and
    /// always to `minInflationAllowance`), within `maxMailboxBytes`. Default 50: mail
    /// compresses 3-10x, a decompression bomb about 1,000x, so a bomb is refused after
    /// inflating 50 times its own size instead of `maxMailboxBytes`.
    public var maxInflationRatio: Int
    /// What any gzip'd mailbox may inflate to whatever its ratio. Default 16 MiB.
    public var minInflationAllowance: Int

    public init(maxMessageBytes: Int = 64 << 20, maxMailboxBytes: Int = 2 << 30, maxMessages: Int = 10_000_000,
                maxInflationRatio: Int = 50, minInflationAllowance: Int = 16 << 20) {
        self.maxMessageBytes = maxMessageBytes
        self.maxMailboxBytes = maxMailboxBytes
        self.maxMessages = maxMessages
        self.maxInflationRatio = maxInflationRatio
        self.minInflationAllowance = minInflationAllowance
    }

    /// The most bytes a gzip'd mailbox of `compressed` bytes may inflate to.
    public func maxInflatedBytes(compressed: Int) -> Int {
        let (scaled, overflow) = compressed.multipliedReportingOverflow(by: max(1, maxInflationRatio))
        return min(maxMailboxBytes, max(minInflationAllowance, overflow ? Int.max : scaled))
    }

    public static let `default` = CorpusLimits()
}
