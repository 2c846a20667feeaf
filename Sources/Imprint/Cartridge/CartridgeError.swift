/// Why a cartridge file (base database, micro-update, state) or directory was refused.
///
/// Says what and where: the file, the section index when the fault is inside one, and the
/// byte offset (in the file for header and table faults, in the section's uncompressed
/// payload for payload faults, as `offsetIsInPayload` tells).
public struct CartridgeError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case badMagic, unsupportedVersion, checksumMismatch, truncated, malformed
            case limitExceeded, duplicateEntry, outOfSequence, io
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file does not start with the magic of the expected file type.
        public static let badMagic = Code(.badMagic)
        /// The format version is not one this reader knows.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// A CRC-32 does not match: the header, the section table or a section is damaged.
        public static let checksumMismatch = Code(.checksumMismatch)
        /// The file or a payload ends before what it declares.
        public static let truncated = Code(.truncated)
        /// A field holds a value the format does not allow (after the checksums matched).
        public static let malformed = Code(.malformed)
        /// A count or size is over its `CartridgeLimits` bound.
        public static let limitExceeded = Code(.limitExceeded)
        /// The same fingerprint appears twice.
        public static let duplicateEntry = Code(.duplicateEntry)
        /// A micro-update does not follow the viable state (predecessor serial mismatch).
        public static let outOfSequence = Code(.outOfSequence)
        /// The file system refused a read, write, fsync or rename.
        public static let io = Code(.io)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    public let reason: String
    /// The file concerned (empty for in-memory bytes).
    public var path: String
    /// The section index (0-based), when the fault is inside a section.
    public var section: Int?
    /// The byte offset of the fault.
    public var offset: Int?
    /// Whether `offset` counts in the section's uncompressed payload rather than the file.
    public var offsetIsInPayload: Bool
    public let file: String
    public let line: UInt

    public var description: String {
        var text = "cartridge: \(code)"
        if !path.isEmpty { text += ": \(path)" }
        if let section { text += ": section \(section)" }
        if let offset { text += offsetIsInPayload ? " payload offset \(offset)" : " offset \(offset)" }
        return text + ": \(reason)"
    }

    @inline(never)
    static func make(_ code: Code, _ reason: String, path: String = "", section: Int? = nil, offset: Int? = nil,
                     inPayload: Bool = false, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: code, reason: reason, path: path, section: section, offset: offset,
             offsetIsInPayload: inPayload, file: file, line: line)
    }

    /// This error with `path` filled in (readers of bytes do not know the path).
    func at(path: String) -> Self {
        var copy = self
        if copy.path.isEmpty { copy.path = path }
        return copy
    }
}
