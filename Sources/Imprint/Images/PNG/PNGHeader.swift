/// The `IHDR` chunk of a PNG (ISO/IEC 15948, PNG 3rd edition §11.2.1), validated.
struct PNGHeader: Sendable, Hashable {
    /// The five colour types of §6.1.
    enum ColorType: UInt8, Sendable {
        case gray = 0, rgb = 2, palette = 3, grayAlpha = 4, rgba = 6

        /// Samples a pixel.
        var samples: Int {
            switch self {
            case .gray, .palette: return 1
            case .grayAlpha: return 2
            case .rgb: return 3
            case .rgba: return 4
            }
        }

        /// The bit depths §11.2.1 allows for the colour type.
        var allowedDepths: Set<Int> {
            switch self {
            case .gray: return [1, 2, 4, 8, 16]
            case .palette: return [1, 2, 4, 8]
            case .rgb, .grayAlpha, .rgba: return [8, 16]
            }
        }
    }

    let width: Int
    let height: Int
    let bitDepth: Int
    let colorType: ColorType
    let interlaced: Bool

    /// Bits one pixel occupies in a scanline.
    var bitsPerPixel: Int { bitDepth * colorType.samples }
    /// The filter's "bpp": bytes a complete pixel occupies, at least 1 (§7.3).
    var filterStride: Int { max(1, bitsPerPixel / 8) }

    /// Bytes of one filtered scanline of `columns` pixels, without its filter-type byte.
    func rowBytes(columns: Int) -> Int { (columns * bitsPerPixel + 7) / 8 }

    /// Parses and validates the 13 bytes of `IHDR`, then the pixel limit, before any allocation.
    init(_ data: UnsafeRawBufferPointer, limits: ImageLimits) throws(ImageDecodingError) {
        guard data.count == 13, let width = data.bigEndianUInt32(at: 0), let height = data.bigEndianUInt32(at: 4) else {
            throw .make(.corrupt, "IHDR of \(data.count) bytes, not 13")
        }
        guard width > 0, height > 0, width <= Int32.max, height <= Int32.max else {
            throw .make(.corrupt, "IHDR size \(width)x\(height)")
        }
        guard let colorType = ColorType(rawValue: data[9]) else {
            throw .make(.corrupt, "colour type \(data[9])")
        }
        let depth = Int(data[8])
        guard colorType.allowedDepths.contains(depth) else {
            throw .make(.corrupt, "bit depth \(depth) with colour type \(colorType.rawValue)")
        }
        guard data[10] == 0, data[11] == 0 else {
            throw .make(.unsupported, "compression method \(data[10]), filter method \(data[11])")
        }
        guard data[12] <= 1 else { throw .make(.corrupt, "interlace method \(data[12])") }
        try limits.check(width: Int(width), height: Int(height), what: "PNG")
        self.width = Int(width)
        self.height = Int(height)
        self.bitDepth = depth
        self.colorType = colorType
        self.interlaced = data[12] == 1
    }

    /// One pass of the image: where its pixels sit on the full grid.
    struct Pass: Sendable, Hashable {
        let x0: Int, y0: Int, dx: Int, dy: Int
        let columns: Int, rows: Int
    }

    /// The passes the image data holds, in order: one for a plain image, the seven Adam7
    /// reduced images (§8.2) for an interlaced one, empty passes left out (they have no bytes).
    var passes: [Pass] {
        guard interlaced else { return [Pass(x0: 0, y0: 0, dx: 1, dy: 1, columns: width, rows: height)] }
        let adam7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        return adam7.compactMap { x0, y0, dx, dy in
            let columns = (width - x0 + dx - 1) / dx, rows = (height - y0 + dy - 1) / dy
            guard columns > 0, rows > 0 else { return nil }
            return Pass(x0: x0, y0: y0, dx: dx, dy: dy, columns: columns, rows: rows)
        }
    }

    /// Bytes the inflated image data must hold: each pass's rows, each with its filter byte.
    var inflatedSize: Int {
        passes.reduce(0) { $0 + $1.rows * (1 + rowBytes(columns: $1.columns)) }
    }
}
