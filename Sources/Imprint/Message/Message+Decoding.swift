/// A part's content with its transfer encoding undone.
public struct DecodedBody: Hashable, Sendable {
    public let bytes: [UInt8]
    /// Whether the content was cut at `MessageLimits.maxDecodedPartSize` (or the total budget).
    public let isTruncated: Bool
}

/// A part's decoded content lent for one call of `Message.forEachDecodedPart`: the bytes live
/// in a per-thread buffer that the next part reuses, so they are valid only during the call.
public struct DecodedBodyView {
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Whether the content was cut at `MessageLimits.maxDecodedPartSize` (or the total budget).
    public let isTruncated: Bool

    /// A copy that outlives the call (allocated at its exact size).
    public var copy: DecodedBody { DecodedBody(bytes: Array(bytes), isTruncated: isTruncated) }
}

/// The decoders `Message` drives over a body's un-stuffed chunks.
protocol StreamingDecoder {
    init(limit: Int, expectedInputCount: Int, reusing buffer: inout [UInt8])
    mutating func update(_ chunk: UnsafeBufferPointer<UInt8>)
    mutating func finalize() -> [UInt8]
    var isTruncated: Bool { get }
}

extension Base64Decoder: StreamingDecoder {}
extension QuotedPrintableDecoder: StreamingDecoder {}
extension IdentityDecoder: StreamingDecoder {}

extension Message {
    /// The content of `part`, transfer encoding undone (base64, quoted-printable; identity for
    /// 7bit/8bit/binary and unknown encodings, with line breaks made CRLF). Decoded on each call;
    /// the body is read in place (un-stuffed while read), never copied first.
    ///
    /// - Parameter limit: the most bytes kept; default `limits.maxDecodedPartSize`.
    public func decodedBody(of part: MIMEPart, limit: Int? = nil) -> DecodedBody {
        var bytes: [UInt8] = []
        let isTruncated = decode(part, limit: limit, into: &bytes)
        return DecodedBody(bytes: bytes, isTruncated: isTruncated)
    }

    /// The Unicode text of a `text/*` leaf, decoded from its declared charset by `CharsetDecoder`;
    /// nil for other parts.
    public func text(of part: MIMEPart) -> String? {
        guard part.isText else { return nil }
        return CharsetDecoder.decode(decodedBody(of: part).bytes, charset: part.charset)
    }

    /// Every leaf with its decoded content, in order, within `limits.maxDecodedTotalSize`: once
    /// the budget is spent, later parts come back empty and truncated.
    public func decodedParts() -> [(part: MIMEPart, body: DecodedBody)] {
        var decoded: [(part: MIMEPart, body: DecodedBody)] = []
        decoded.reserveCapacity(parts.reduce(0) { $0 + ($1.isLeaf ? 1 : 0) })
        forEachDecodedPart { part, body in decoded.append((part, body.copy)) }
        return decoded
    }

    /// Calls `body` with every leaf and its decoded content, in order, as `decodedParts()` gives
    /// them (same budget), without allocating: each part is decoded into a per-thread buffer
    /// reused from part to part and from message to message (`MessageParsingScratch`).
    public func forEachDecodedPart<Failure: Error>(_ body: (MIMEPart, DecodedBodyView) throws(Failure) -> Void) throws(Failure) {
        try MessageParsingScratch.withThreadScratch { (scratch) throws(Failure) in
            var buffer: [UInt8] = []
            swap(&buffer, &scratch.decoded)
            defer { swap(&buffer, &scratch.decoded) }
            var remaining = limits.maxDecodedTotalSize
            for part in parts where part.isLeaf {
                guard remaining > 0 else {
                    try body(part, DecodedBodyView(bytes: UnsafeBufferPointer(start: nil, count: 0), isTruncated: true))
                    continue
                }
                let isTruncated = decode(part, limit: remaining, into: &buffer)
                remaining -= buffer.count
                try buffer.withUnsafeBufferPointer { (bytes) throws(Failure) in
                    try body(part, DecodedBodyView(bytes: bytes, isTruncated: isTruncated))
                }
            }
        }
    }

    /// Decodes `part`'s content into `buffer` (its storage reused); returns whether it was cut.
    private func decode(_ part: MIMEPart, limit: Int?, into buffer: inout [UInt8]) -> Bool {
        let cap = max(0, min(limit ?? limits.maxDecodedPartSize, limits.maxDecodedPartSize))
        switch part.transferEncoding {
        case .base64: return Self.run(Base64Decoder.self, over: part.body, limit: cap, into: &buffer)
        case .quotedPrintable: return Self.run(QuotedPrintableDecoder.self, over: part.body, limit: cap, into: &buffer)
        default: return Self.run(IdentityDecoder.self, over: part.body, limit: cap, into: &buffer)
        }
    }

    private static func run<D: StreamingDecoder>(_ type: D.Type, over body: MessageBytes, limit: Int, into buffer: inout [UInt8]) -> Bool {
        var decoder = D(limit: limit, expectedInputCount: body.range.count, reusing: &buffer)
        body.forEachChunk { decoder.update($0) }
        // The decoder is gone when `buffer` is next reused: its storage is then unique again.
        buffer = decoder.finalize()
        return decoder.isTruncated
    }
}
