/// One entity of a message's MIME tree (RFC 2045/2046): the root (the message itself), a
/// multipart, a message/rfc822 container, or a leaf. Parts live in `Message.parts`, the root
/// at index 0, children by index, in document order.
public struct MIMEPart: Sendable {
    /// This part's index in `Message.parts`.
    public let index: Int
    /// The enclosing part's index; nil for the root.
    public let parent: Int?
    /// Nesting depth: 0 for the root.
    public let depth: Int
    /// The part's own header fields (for the root and embedded messages, the message headers).
    public let headers: HeaderList
    public let contentType: ContentType
    public let transferEncoding: TransferEncoding
    public let disposition: ContentDisposition?
    /// The body as sent (still transfer-encoded), a zero-copy view. For a multipart, everything
    /// after its header block; for message/rfc822, the embedded message.
    public internal(set) var body: MessageBytes
    /// Child part indices: the parts of a multipart, the embedded message of a message/rfc822.
    public internal(set) var children: [Int] = []
    /// A multipart's text before its first boundary and after its close delimiter.
    public internal(set) var preamble: MessageBytes?
    public internal(set) var epilogue: MessageBytes?

    /// The declared charset (normalized), if any.
    public var charset: String? { contentType.charset }

    /// The file name: Content-Disposition `filename`, else Content-Type `name` (RFC 2231 or
    /// RFC 2047 encoded, both decoded).
    public var filename: String? {
        if let name = disposition?.filename, !name.isEmpty { return name }
        if let name = contentType.parameter("name"), !name.isEmpty { return name }
        return nil
    }

    /// Parsed as a multipart (it has a boundary and was within the depth limit).
    public var isMultipart: Bool { preamble != nil }

    /// A message/rfc822 container whose embedded message was parsed (its one child).
    public var isEmbeddedMessage: Bool { preamble == nil && !children.isEmpty }

    /// A leaf: a part with content of its own (no child parts). A multipart in which no
    /// delimiter was found is a leaf too (its body is its content), as in Python's `email`.
    public var isLeaf: Bool { children.isEmpty }

    /// `text/*` leaves, which `Message.text(of:)` turns into Unicode.
    public var isText: Bool { contentType.type == "text" && isLeaf }

    /// An attachment: `Content-Disposition: attachment`, or a leaf that carries a file name.
    public var isAttachment: Bool {
        guard isLeaf else { return false }
        return disposition?.isAttachment == true || filename != nil
    }
}
