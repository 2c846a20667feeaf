/// Decodes uncompressed Windows bitmaps: 1-, 4- and 8-bit palette, 16-, 24- and 32-bit direct
/// colour (`BI_RGB` and `BI_BITFIELDS`), bottom-up or top-down, every header version from
/// `BITMAPCOREHEADER` (12 bytes) to `BITMAPV5HEADER` (124 bytes).
///
/// Follows Microsoft's "Bitmap Storage" reference. RLE and embedded JPEG/PNG bitmaps are
/// `unsupported`. An alpha channel is ignored, as Pillow does for 32-bit `BI_RGB`.
public enum BMPDecoder {
    /// Decodes a whole BMP file to RGB.
    /// - Throws: `ImageDecodingError`: `corrupt`, `truncated` (pixel rows missing),
    ///   `tooLarge` (checked before allocation), `unsupported`.
    public static func decode(_ data: UnsafeRawBufferPointer,
                              limits: ImageLimits = .default) throws(ImageDecodingError) -> DecodedImage {
        guard data.count >= 26, data[0] == 0x42, data[1] == 0x4D,
              let pixelOffset = data.uint32(at: 10, bigEndian: false),
              let headerSize = data.uint32(at: 14, bigEndian: false) else {
            throw .make(.corrupt, "no BMP header")
        }
        guard data.count >= 14 + Int(min(headerSize, 124)) else { throw .make(.truncated, "BMP header cut short") }
        let width: Int, signedHeight: Int, bitCount: Int, compression: UInt32, paletteEntrySize: Int
        var colorsUsed = 0
        if headerSize == 12 {
            width = Int(data.uint16(at: 18, bigEndian: false)!)
            signedHeight = Int(data.uint16(at: 20, bigEndian: false)!)
            bitCount = Int(data.uint16(at: 24, bigEndian: false)!)
            compression = 0
            paletteEntrySize = 3
        } else if headerSize >= 40, headerSize <= 124, let w = data.uint32(at: 18, bigEndian: false),
                  let h = data.uint32(at: 22, bigEndian: false), let bits = data.uint16(at: 28, bigEndian: false),
                  let method = data.uint32(at: 30, bigEndian: false), let used = data.uint32(at: 46, bigEndian: false) {
            width = Int(Int32(bitPattern: w))
            signedHeight = Int(Int32(bitPattern: h))
            bitCount = Int(bits)
            compression = method
            colorsUsed = Int(used)
            paletteEntrySize = 4
        } else {
            throw .make(.unsupported, "BMP header of \(headerSize) bytes")
        }
        let height = abs(signedHeight), topDown = signedHeight < 0
        try limits.check(width: width, height: height, what: "BMP")
        guard [1, 4, 8, 16, 24, 32].contains(bitCount) else { throw .make(.unsupported, "\(bitCount) bits a pixel") }
        let masks = try channelMasks(data, headerSize: Int(headerSize), compression: compression, bitCount: bitCount)

        var palette = [UInt8](repeating: 0, count: 256 * 3)
        var paletteEnd = 14 + Int(headerSize) + (compression == 3 && headerSize == 40 ? 12 : 0)
        if bitCount <= 8 {
            let entries = colorsUsed > 0 && colorsUsed <= (1 << bitCount) ? colorsUsed : 1 << bitCount
            for entry in 0..<entries {
                let at = paletteEnd + entry * paletteEntrySize
                guard at + 3 <= data.count else { break }
                palette[3 * entry] = data[at + 2]; palette[3 * entry + 1] = data[at + 1]; palette[3 * entry + 2] = data[at]
            }
            paletteEnd += entries * paletteEntrySize
        }
        let stride = ((bitCount * width + 31) / 32) * 4
        let start = Int(pixelOffset)
        guard start >= 14, start <= data.count else { throw .make(.corrupt, "pixel data offset \(pixelOffset)") }
        guard data.count - start >= stride * height else {
            throw .make(.truncated, "\(data.count - start) bytes of pixel data for \(stride * height)")
        }
        var out = [UInt8](repeating: 0, count: width * height * 3)
        out.withUnsafeMutableBufferPointer { out in
            for row in 0..<height {
                let line = start + (topDown ? row : height - 1 - row) * stride
                var target = out.baseAddress! + row * width * 3
                for x in 0..<width {
                    switch bitCount {
                    case 24:
                        target[0] = data[line + 3 * x + 2]; target[1] = data[line + 3 * x + 1]; target[2] = data[line + 3 * x]
                    case 16, 32:
                        let value = bitCount == 16 ? UInt32(data.uint16(at: line + 2 * x, bigEndian: false)!)
                                                   : data.uint32(at: line + 4 * x, bigEndian: false)!
                        target[0] = masks[0].extract(value); target[1] = masks[1].extract(value); target[2] = masks[2].extract(value)
                    default:
                        let bit = x * bitCount
                        let index = Int(data[line + bit / 8] >> UInt8(8 - bitCount - bit % 8)) & ((1 << bitCount) - 1)
                        target[0] = palette[3 * index]; target[1] = palette[3 * index + 1]; target[2] = palette[3 * index + 2]
                    }
                    target += 3
                }
            }
        }
        return DecodedImage(width: width, height: height, channels: 3, pixels: out)
    }

    /// One colour channel of a 16- or 32-bit pixel: a contiguous bit mask, scaled to 8 bits.
    struct Mask {
        let shift: UInt32, bits: UInt32, mask: UInt32
        init(_ mask: UInt32) {
            self.mask = mask
            shift = mask == 0 ? 0 : UInt32(mask.trailingZeroBitCount)
            bits = mask == 0 ? 0 : UInt32((~(mask >> shift)).trailingZeroBitCount)
        }
        @inline(__always) func extract(_ value: UInt32) -> UInt8 {
            guard bits > 0 else { return 0 }
            let raw = UInt64((value & mask) >> shift)
            let top = (UInt64(1) << UInt64(bits)) - 1
            return UInt8(truncatingIfNeeded: (raw & top) * 255 / top)
        }
    }

    private static func channelMasks(_ data: UnsafeRawBufferPointer, headerSize: Int, compression: UInt32,
                                     bitCount: Int) throws(ImageDecodingError) -> [Mask] {
        switch compression {
        case 0:
            return bitCount == 16 ? [Mask(0x7C00), Mask(0x03E0), Mask(0x001F)]
                                  : [Mask(0xFF_0000), Mask(0x00_FF00), Mask(0x00_00FF)]
        case 3, 6:
            guard bitCount == 16 || bitCount == 32 else { throw .make(.unsupported, "bit fields with \(bitCount) bits a pixel") }
            guard let red = data.uint32(at: 54, bigEndian: false), let green = data.uint32(at: 58, bigEndian: false),
                  let blue = data.uint32(at: 62, bigEndian: false) else { throw .make(.truncated, "BMP colour masks") }
            return [Mask(red), Mask(green), Mask(blue)]
        default:
            throw .make(.unsupported, "BMP compression \(compression) with \(bitCount) bits a pixel")
        }
    }
}
