/// What was odd about a message that still parsed: flagged partial parses and tolerated defects.
/// Fingerprints may use these as features (malformed MIME is itself a signal).
public struct MessageAnomalies: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Body bytes past `maxBodyLength` were not read.
    public static let truncatedBody = MessageAnomalies(rawValue: 1 << 0)
    /// Nesting went past `MessageLimits.maxDepth`.
    public static let depthLimit = MessageAnomalies(rawValue: 1 << 1)
    /// More parts than `MessageLimits.maxParts`.
    public static let partLimit = MessageAnomalies(rawValue: 1 << 2)
    /// A line longer than `MessageLimits.maxLineLength`.
    public static let overlongLine = MessageAnomalies(rawValue: 1 << 3)
    /// A multipart ended without its close delimiter (`--boundary--`).
    public static let missingCloseBoundary = MessageAnomalies(rawValue: 1 << 4)
    /// A multipart without a usable boundary parameter (kept as a leaf).
    public static let badBoundary = MessageAnomalies(rawValue: 1 << 5)
    /// Wire form without the `CRLF.CRLF` terminator.
    public static let missingTerminator = MessageAnomalies(rawValue: 1 << 6)
    /// Wire form with bytes after the terminator (ignored).
    public static let dataAfterTerminator = MessageAnomalies(rawValue: 1 << 7)
    /// A header block ended by a line that is neither a field nor blank (it starts the body).
    public static let missingHeaderSeparator = MessageAnomalies(rawValue: 1 << 8)
    /// A multipart with no parts before its close delimiter or end.
    public static let emptyMultipart = MessageAnomalies(rawValue: 1 << 9)
    /// An mbox `From ` line before the headers (rendered form).
    public static let mboxFromLine = MessageAnomalies(rawValue: 1 << 10)
}
