/// Which of the two input forms a message came in.
public enum MessageForm: Hashable, Sendable {
    /// What an SMTP server holds after DATA (RFC 5321 §4.5.2): CRLF lines, a leading `.` doubled,
    /// ending in `CRLF.CRLF`. Parsed in place: the stuffing dots are skipped while reading.
    case wire
    /// An RFC 5322 message as stored (LF or CRLF lines; an mbox `From ` line tolerated), possibly
    /// modified by policy (added or changed headers).
    case rendered
}

/// A parsed email message: header fields, the MIME tree with zero-copy views of every body,
/// the envelope, and what was odd about it. Decoding happens on demand (`Message+Decoding`).
///
/// The message shares the caller's array (copy-on-write storage, never copied); parsing is one
/// pass over its lines (see `MessageParser`), bounded by `MessageLimits`.
public struct Message: Sendable {
    public let form: MessageForm
    /// The buffer parsed (shared with the caller).
    public let storage: [UInt8]
    /// The message within `storage`: the wire terminator and anything after it excluded.
    public let contentRange: Range<Int>
    /// Every MIME entity in document order; `parts[0]` is the message itself.
    public let parts: [MIMEPart]
    public let anomalies: MessageAnomalies
    public let limits: MessageLimits
    /// The envelope given by the caller, completed from the `X-Envelope-*` header convention.
    public let givenEnvelope: Envelope
    /// The envelope inferred from Return-Path and the Received chain (first external hop),
    /// worked out once while parsing: features, the whitelist and the client IP all ask for it.
    public let inferredEnvelope: Envelope

    /// Parses `bytes` in the given form.
    ///
    /// - Parameters:
    ///   - maxBodyLength: read at most this many body bytes (as stored) after the message's header
    ///     block; nil reads all. A cut message parses as far as it goes and has `isTruncated`.
    ///   - envelope: the SMTP envelope when known (MAIL FROM, RCPT TO, HELO, client IP).
    /// - Throws: `MessageParseError` for empty input or a header block over the limits.
    /// - Complexity: O(n) in the size of the input (times the open multipart depth on `--` lines).
    public init(
        bytes: [UInt8], form: MessageForm, limits: MessageLimits = .default,
        maxBodyLength: Int? = nil, envelope: Envelope = Envelope()
    ) throws(MessageParseError) {
        let stuffed = form == .wire
        let result = MessageParsingScratch.withThreadScratch { scratch in
            bytes.withUnsafeBufferPointer { buffer -> Result<(parts: [MIMEPart], anomalies: MessageAnomalies, contentEnd: Int), MessageParseError> in
                var parser = MessageParser(storage: bytes, buffer: buffer, isStuffed: stuffed, limits: limits, scratch: scratch)
                let contentEnd = Self.parse(&parser, buffer: buffer, maxBodyLength: maxBodyLength)
                let parts = parser.finish(returningBuffersTo: scratch)
                return contentEnd.map { (parts, parser.anomalies, $0) }
            }
        }
        let (parts, anomalies, contentEnd) = try result.get()
        self.form = form
        self.storage = bytes
        self.contentRange = 0..<contentEnd
        self.parts = parts
        self.anomalies = anomalies
        self.limits = limits
        self.givenEnvelope = envelope.merged(with: Envelope(conventionHeaders: parts[0].headers))
        self.inferredEnvelope = Envelope(inferredFrom: parts[0].headers)
    }

    /// Runs `parser` over the whole message; returns where the content ends (wire form: before
    /// the terminator line) and records the wire-form anomalies.
    private static func parse(_ parser: inout MessageParser, buffer: UnsafeBufferPointer<UInt8>,
                              maxBodyLength: Int?) -> Result<Int, MessageParseError> {
        guard parser.cursor.peek() != nil else { return .failure(.make(.empty, "no message bytes")) }
        do throws(MessageParseError) {
            _ = try parser.parseEntity(parent: nil, depth: 0, fallback: .textPlain, maxBodyLength: maxBodyLength)
        } catch {
            return .failure(error)
        }
        // Wire form: where the data ends, and whether a cut body was really cut.
        let bufferEnd = buffer.count
        var contentEnd = parser.cursor.end
        if parser.isStuffed {
            if let terminator = parser.cursor.terminator {
                // The whole body was read: whatever the bound, nothing was cut.
                parser.anomalies.remove(.truncatedBody)
                contentEnd = terminator
                let afterLine = Self.lineEnd(buffer, from: terminator)
                if afterLine < bufferEnd { parser.anomalies.insert(.dataAfterTerminator) }
            } else if parser.anomalies.contains(.truncatedBody) {
                if Self.isTerminator(buffer, at: contentEnd) { parser.anomalies.remove(.truncatedBody) }
            } else {
                parser.anomalies.insert(.missingTerminator)
            }
        }
        if parser.cursor.sawOverlongLine { parser.anomalies.insert(.overlongLine) }
        return .success(contentEnd)
    }

    /// Parses wire-form bytes (`use_wire_rep = true`).
    public init(wire bytes: [UInt8], limits: MessageLimits = .default, maxBodyLength: Int? = nil,
                envelope: Envelope = Envelope()) throws(MessageParseError) {
        try self.init(bytes: bytes, form: .wire, limits: limits, maxBodyLength: maxBodyLength, envelope: envelope)
    }

    /// Parses rendered bytes (`use_wire_rep = false`).
    public init(rendered bytes: [UInt8], limits: MessageLimits = .default, maxBodyLength: Int? = nil,
                envelope: Envelope = Envelope()) throws(MessageParseError) {
        try self.init(bytes: bytes, form: .rendered, limits: limits, maxBodyLength: maxBodyLength, envelope: envelope)
    }

    /// The message's own header fields.
    public var headers: HeaderList { parts[0].headers }
    /// The root entity.
    public var root: MIMEPart { parts[0] }
    /// Whether body bytes past `maxBodyLength` were left unread.
    public var isTruncated: Bool { anomalies.contains(.truncatedBody) }
    /// The whole message as a zero-copy view (un-stuffed while read in wire form).
    public var bytes: MessageBytes { MessageBytes(storage: storage, range: contentRange, isStuffed: form == .wire) }

    /// The children of `part`, in order.
    public func children(of part: MIMEPart) -> [MIMEPart] { part.children.map { parts[$0] } }
    /// The leaves (parts with content of their own), in order.
    public var leaves: [MIMEPart] { parts.filter(\.isLeaf) }
    /// The attachments (see `MIMEPart.isAttachment`), in order.
    public var attachments: [MIMEPart] { parts.filter(\.isAttachment) }

    /// The envelope to use: given fields first, then those inferred from the headers.
    public var envelope: Envelope { givenEnvelope.merged(with: inferredEnvelope) }

    private static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        while position < buffer.count, buffer[position] != 0x0A { position += 1 }
        return min(buffer.count, position + 1)
    }

    /// Whether `offset` starts a terminator line (`.` then CRLF, LF or the end) at a line start.
    private static func isTerminator(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset < buffer.count, buffer[offset] == UInt8(ascii: "."),
              offset == 0 || buffer[offset - 1] == 0x0A else { return false }
        let rest = buffer.count - offset - 1
        return rest == 0 || buffer[offset + 1] == 0x0A || (rest >= 2 && buffer[offset + 1] == 0x0D && buffer[offset + 2] == 0x0A)
    }
}
