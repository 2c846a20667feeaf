/// Turns unfiltered PNG scanlines into 8-bit gray or RGB pixels, alpha composited on white.
///
/// 16-bit samples keep their high byte (as Pillow's `RGB;16B` unpacker); 1-, 2- and 4-bit gray
/// scale to the full 0...255 range (§13.12); `tRNS` colour keys and palette alpha are honoured.
struct PNGPixels {
    let header: PNGHeader
    /// Output samples a pixel: 1 for gray and gray-alpha, 3 otherwise.
    let channels: Int
    /// 256 RGBA entries; indices past `PLTE` are opaque black.
    private let table: [UInt8]
    private let key: [UInt16]?

    init(_ chunks: PNGChunks) {
        header = chunks.header
        channels = (header.colorType == .gray || header.colorType == .grayAlpha) ? 1 : 3
        var table = [UInt8](repeating: 0, count: 1024)
        for entry in 0..<256 {
            if entry * 3 + 2 < chunks.palette.count {
                table[4 * entry] = chunks.palette[3 * entry]
                table[4 * entry + 1] = chunks.palette[3 * entry + 1]
                table[4 * entry + 2] = chunks.palette[3 * entry + 2]
            }
            table[4 * entry + 3] = entry < chunks.paletteAlpha.count ? chunks.paletteAlpha[entry] : 255
        }
        self.table = table
        key = chunks.transparentKey
    }

    /// `value` seen through `alpha` on white, rounded.
    @inline(__always)
    static func onWhite(_ value: UInt8, _ alpha: UInt8) -> UInt8 {
        let t = Int(value) * Int(alpha) + 255 * (255 - Int(alpha)) + 128
        return UInt8((t + (t >> 8)) >> 8)
    }

    /// Writes the `columns` pixels of one unfiltered scanline to row `y` of `out`, at
    /// columns `x0, x0 + dx, …` (a whole row when `x0 = 0, dx = 1`).
    func write(_ line: UnsafePointer<UInt8>, columns: Int, y: Int, x0: Int, dx: Int,
               into out: UnsafeMutablePointer<UInt8>) {
        let depth = header.bitDepth
        var target = out + (y * header.width + x0) * channels
        let step = dx * channels
        @inline(__always) func wide(_ index: Int) -> UInt16 { UInt16(line[2 * index]) << 8 | UInt16(line[2 * index + 1]) }
        @inline(__always) func packed(_ index: Int) -> Int {
            let bit = index * depth
            return Int(line[bit >> 3] >> UInt8(8 - depth - (bit & 7))) & ((1 << depth) - 1)
        }
        switch header.colorType {
        case .gray:
            let scale = depth >= 8 ? 1 : 255 / ((1 << depth) - 1)
            for column in 0..<columns {
                let raw = depth == 16 ? Int(wide(column)) : depth == 8 ? Int(line[column]) : packed(column)
                if let key, Int(key[0]) == raw { target[0] = 255 } else {
                    target[0] = depth == 16 ? UInt8(raw >> 8) : UInt8(raw * scale)
                }
                target += step
            }
        case .grayAlpha:
            let width = depth / 8
            for column in 0..<columns {
                target[0] = Self.onWhite(line[2 * width * column], line[2 * width * column + width])
                target += step
            }
        case .rgb:
            let width = depth / 8
            for column in 0..<columns {
                let base = 3 * width * column
                if let key, depth == 16 ? (wide(3 * column) == key[0] && wide(3 * column + 1) == key[1] && wide(3 * column + 2) == key[2])
                                        : (UInt16(line[base]) == key[0] && UInt16(line[base + 1]) == key[1] && UInt16(line[base + 2]) == key[2]) {
                    target[0] = 255; target[1] = 255; target[2] = 255
                } else {
                    target[0] = line[base]; target[1] = line[base + width]; target[2] = line[base + 2 * width]
                }
                target += step
            }
        case .palette:
            table.withUnsafeBufferPointer { table in
                for column in 0..<columns {
                    let entry = 4 * (depth == 8 ? Int(line[column]) : packed(column))
                    let alpha = table[entry + 3]
                    target[0] = Self.onWhite(table[entry], alpha)
                    target[1] = Self.onWhite(table[entry + 1], alpha)
                    target[2] = Self.onWhite(table[entry + 2], alpha)
                    target += step
                }
            }
        case .rgba:
            let width = depth / 8
            for column in 0..<columns {
                let base = 4 * width * column
                let alpha = line[base + 3 * width]
                target[0] = Self.onWhite(line[base], alpha)
                target[1] = Self.onWhite(line[base + width], alpha)
                target[2] = Self.onWhite(line[base + 2 * width], alpha)
                target += step
            }
        }
    }
}
