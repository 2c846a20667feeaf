/// The chunks of a PNG that decoding needs, read and CRC-checked (PNG 3rd edition §5).
///
/// Critical chunks (`IHDR`, `PLTE`, `IDAT`, `IEND`) must be well-formed and in order; an
/// ancillary chunk with a bad CRC is skipped, as §13.2 allows; an unknown critical chunk is
/// `unsupported`. A file cut after its last `IDAT` still decodes; one cut before is `truncated`.
struct PNGChunks {
    let header: PNGHeader
    /// `PLTE` as RGB triples (empty when absent).
    var palette: [UInt8] = []
    /// `tRNS`: alpha per palette entry (colour type 3).
    var paletteAlpha: [UInt8] = []
    /// `tRNS`: the gray or RGB sample values that are fully transparent (colour types 0 and 2).
    var transparentKey: [UInt16]? = nil
    /// The `IDAT` payloads, concatenated: one zlib stream.
    var compressed: [UInt8] = []

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    private static func tag(_ text: String) -> UInt32 {
        text.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }
    private static let IHDR = tag("IHDR"), PLTE = tag("PLTE"), IDAT = tag("IDAT")
    private static let IEND = tag("IEND"), tRNS = tag("tRNS")

    init(_ data: UnsafeRawBufferPointer, limits: ImageLimits) throws(ImageDecodingError) {
        guard data.count >= 8, data.prefix(8).elementsEqual(Self.signature) else {
            throw .make(.corrupt, "no PNG signature")
        }
        var offset = 8
        var header: PNGHeader? = nil
        var seenIDAT = false, afterIDAT = false
        var palette: [UInt8] = [], paletteAlpha: [UInt8] = [], key: [UInt16]? = nil
        var compressed: [UInt8] = []
        chunks: while true {
            guard let length = data.bigEndianUInt32(at: offset), let type = data.bigEndianUInt32(at: offset + 4),
                  length <= Int32.max, offset + 12 + Int(length) <= data.count else {
                if afterIDAT || (seenIDAT && offset >= data.count) { break chunks }
                throw .make(.truncated, "PNG ends inside a chunk at byte \(offset)")
            }
            let body = UnsafeRawBufferPointer(rebasing: data[(offset + 8)..<(offset + 8 + Int(length))])
            let typeAndBody = UnsafeRawBufferPointer(rebasing: data[(offset + 4)..<(offset + 8 + Int(length))])
            let stored = data.bigEndianUInt32(at: offset + 8 + Int(length))!
            offset += 12 + Int(length)
            let critical = type & 0x2000_0000 == 0
            guard CRC32.checksum(typeAndBody) == stored else {
                if critical { throw .make(.corrupt, "CRC mismatch in chunk \(Self.name(type))") }
                continue
            }
            if header == nil && type != Self.IHDR { throw .make(.corrupt, "first chunk is \(Self.name(type)), not IHDR") }
            if seenIDAT && type != Self.IDAT { afterIDAT = true }
            switch type {
            case Self.IHDR:
                guard header == nil else { throw .make(.corrupt, "second IHDR") }
                header = try PNGHeader(body, limits: limits)
            case Self.PLTE:
                guard !seenIDAT, body.count % 3 == 0, body.count > 0, body.count <= 768 else {
                    throw .make(.corrupt, "PLTE of \(body.count) bytes")
                }
                palette = Array(body)
            case Self.tRNS:
                switch header!.colorType {
                case .palette: paletteAlpha = Array(body.prefix(256))
                case .gray where body.count >= 2: key = [body.uint16(at: 0, bigEndian: true)!]
                case .rgb where body.count >= 6:
                    key = (0..<3).map { body.uint16(at: 2 * $0, bigEndian: true)! }
                default: break  // tRNS is not allowed with an alpha channel: ignored
                }
            case Self.IDAT:
                guard !afterIDAT else { throw .make(.corrupt, "IDAT chunks are not consecutive") }
                seenIDAT = true
                compressed.append(contentsOf: body)
            case Self.IEND:
                break chunks
            default:
                if critical { throw .make(.unsupported, "unknown critical chunk \(Self.name(type))") }
            }
        }
        guard let header else { throw .make(.corrupt, "no IHDR") }
        guard seenIDAT else { throw .make(.truncated, "no IDAT") }
        if header.colorType == .palette && palette.isEmpty { throw .make(.corrupt, "palette image without PLTE") }
        self.header = header
        self.palette = palette
        self.paletteAlpha = paletteAlpha
        self.transparentKey = key
        self.compressed = compressed
    }

    private static func name(_ type: UInt32) -> String {
        let bytes = (0..<4).map { UInt8(truncatingIfNeeded: type >> (24 - 8 * $0)) }
        return bytes.allSatisfy({ (0x20..<0x7F).contains($0) }) ? String(decoding: bytes, as: UTF8.self) : "0x\(String(type, radix: 16))"
    }
}
