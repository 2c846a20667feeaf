/// A part's content with its transfer encoding undone.
public struct DecodedBody: Hashable, Sendable {
    public let bytes: [UInt8]
    /// Whether the content was cut at `MessageLimits.maxDecodedPartSize` (or the total budget).
    public let isTruncated: Bool
}

/// The decoders `Message` drives over a body's un-stuffed chunks.
protocol StreamingDecoder {
    init(limit: Int, expectedInputCount: Int)
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
        let cap = max(0, min(limit ?? limits.maxDecodedPartSize, limits.maxDecodedPartSize))
        switch part.transferEncoding {
        case .base64: return Self.run(Base64Decoder.self, over: part.body, limit: cap)
        case .quotedPrintable: return Self.run(QuotedPrintableDecoder.self, over: part.body, limit: cap)
        default: return Self.run(IdentityDecoder.self, over: part.body, limit: cap)
        }
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
        var remaining = limits.maxDecodedTotalSize
        return leaves.map { part in
            guard remaining > 0 else { return (part, DecodedBody(bytes: [], isTruncated: true)) }
            let body = decodedBody(of: part, limit: remaining)
            remaining -= body.bytes.count
            return (part, body)
        }
    }

    private static func run<D: StreamingDecoder>(_ type: D.Type, over body: MessageBytes, limit: Int) -> DecodedBody {
        var decoder = D(limit: limit, expectedInputCount: body.range.count)
        body.forEachChunk { decoder.update($0) }
        let bytes = decoder.finalize()
        return DecodedBody(bytes: bytes, isTruncated: decoder.isTruncated)
    }
}
