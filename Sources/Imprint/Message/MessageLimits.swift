/// The bounds the message parser enforces on untrusted input, each named, with its default.
///
/// Every limit either throws a `MessageParseError` (the message is refused) or stops the parse
/// at the limit and records a `MessageAnomalies` flag (the message is still usable, partially).
/// Which one is documented on each property. Memory use of a parse is O(header count + part
/// count); decoding is bounded by the decoded-size limits. No limit is ever a crash or a hang.
///
/// Modelled on swift-protobuf's `BinaryDecodingOptions` and the limits RFC 2046 implementations
/// such as Python's `email.feedparser` leave implicit.
public struct MessageLimits: Hashable, Sendable {
    /// Deepest MIME nesting (multiparts and message/rfc822 parts) parsed; default 32.
    /// Exceeding it: **partial** (`.depthLimit`): a deeper entity is kept as a single leaf.
    public var maxDepth: Int = 32

    /// Most MIME parts (entities, the root included) in one message; default 2,000.
    /// Exceeding it: **partial** (`.partLimit`): later parts are skipped.
    public var maxParts: Int = 2_000

    /// Most header fields in one header block (the message's or a part's); default 2,000.
    /// Exceeding it: **error** `MessageParseError.Code.tooManyHeaders`.
    public var maxHeaderCount: Int = 2_000

    /// Most bytes in one header block; default 1 MiB.
    /// Exceeding it: **error** `MessageParseError.Code.headerTooLarge`.
    public var maxHeaderBytes: Int = 1 << 20

    /// Longest line, in bytes, that counts as well-formed; default 1 MiB (RFC 5322 allows 998).
    /// Exceeding it: **partial** (`.overlongLine`): the line is still read whole (in linear time).
    public var maxLineLength: Int = 1 << 20

    /// Most decoded bytes kept for one part; default 64 MiB.
    /// Exceeding it: **partial**: `DecodedBody.isTruncated` is set and the bytes stop at the limit.
    public var maxDecodedPartSize: Int = 64 << 20

    /// Most decoded bytes over all parts of one message (`Message.decodedParts()`); default 256 MiB.
    /// Exceeding it: **partial**: the parts past the budget come back empty and truncated.
    public var maxDecodedTotalSize: Int = 256 << 20

    /// Longest MIME boundary accepted; default 200 (RFC 2046 allows 70).
    /// Exceeding it: **partial** (`.badBoundary`): the multipart is kept as a leaf.
    public var maxBoundaryLength: Int = 200

    /// The defaults above.
    public init() {}

    /// The defaults.
    public static let `default` = MessageLimits()
}
