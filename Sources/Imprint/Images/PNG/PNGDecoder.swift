/// Decodes PNG (ISO/IEC 15948, PNG 3rd edition) with Imprint's own chunk reader and the system
/// zlib: every colour type and bit depth, `tRNS`, Adam7 interlacing, alpha composited on white.
///
/// Decompression bombs are stopped twice before they cost anything: `IHDR` is checked against
/// `ImageLimits.maxPixels` before any allocation, and the zlib stream inflates into a buffer of
/// exactly the size the header declares, so it can never grow past it.
public enum PNGDecoder {
    /// Decodes a whole PNG file.
    /// - Returns: gray (colour types 0 and 4) or RGB pixels.
    /// - Throws: `ImageDecodingError`: `corrupt` (bad CRC, bad filter, bad zlib data),
    ///   `truncated` (cut before the image data ends; no partial image is returned),
    ///   `tooLarge` (over `limits.maxPixels`), `unsupported` (unknown critical chunk).
    public static func decode(_ data: UnsafeRawBufferPointer,
                              limits: ImageLimits = .default) throws(ImageDecodingError) -> DecodedImage {
        let chunks = try PNGChunks(data, limits: limits)
        let header = chunks.header
        let pixels = PNGPixels(chunks)
        let outputCount = header.width * header.height * pixels.channels
        guard outputCount <= limits.maxDecodedBytes else {
            throw .make(.tooLarge, "\(outputCount) decoded bytes over the limit of \(limits.maxDecodedBytes)")
        }
        let rawCount = header.inflatedSize
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, rawCount), alignment: 16)
        defer { raw.deallocate() }
        let inflated: Int
        do throws(InflateError) {
            let inflater = try Inflater(format: .zlib)
            let result = chunks.compressed.withUnsafeBytes { compressed in
                Result { () throws(InflateError) -> Int in
                    try inflater.inflate(compressed, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<rawCount]))
                }
            }
            inflated = try result.get()
        } catch {
            switch error.code {
            case .truncated: throw .make(.truncated, "image data: \(error.reason)")
            case .outputLimitExceeded: throw .make(.corrupt, "image data inflates past the \(rawCount) bytes IHDR declares")
            default: throw .make(.corrupt, "image data: \(error.reason)")
            }
        }
        guard inflated == rawCount else {
            throw .make(.truncated, "image data inflates to \(inflated) of \(rawCount) bytes")
        }
        var out = [UInt8](repeating: 255, count: outputCount)
        let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var offset = 0
        for pass in header.passes {
            let rowBytes = header.rowBytes(columns: pass.columns)
            try PNGFilter.unfilter(base + offset, rows: pass.rows, rowBytes: rowBytes, stride: header.filterStride)
            out.withUnsafeMutableBufferPointer { out in
                for row in 0..<pass.rows {
                    let line = UnsafePointer(base + offset + row * (rowBytes + 1) + 1)
                    pixels.write(line, columns: pass.columns, y: pass.y0 + row * pass.dy, x0: pass.x0, dx: pass.dx,
                                 into: out.baseAddress!)
                }
            }
            offset += pass.rows * (rowBytes + 1)
        }
        return DecodedImage(width: header.width, height: header.height, channels: pixels.channels, pixels: out)
    }
}
