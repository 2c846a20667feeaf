import CGIF

/// Decodes the first frame of a GIF through the system giflib, transparency composited on white.
///
/// giflib reads from memory through the `CGIF` shim's callback, which finds its buffer via
/// `GifFileType.UserData`; the source struct stays at a stable heap address until close.
public enum GIFDecoder {
    /// Decodes the first frame of `data` to RGB on the logical screen.
    /// - Throws: `ImageDecodingError` (`corrupt`, `tooLarge`, `tooManyFrames`).
    public static func decodeFirstFrame(_ data: UnsafeRawBufferPointer,
                                        limits: ImageLimits = .default) throws(ImageDecodingError) -> DecodedImage {
        let source = UnsafeMutablePointer<imprint_gif_source>.allocate(capacity: 1)
        source.initialize(to: imprint_gif_source(
            data: data.baseAddress?.assumingMemoryBound(to: UInt8.self), size: data.count, position: 0))
        defer { source.deallocate() }
        var error: Int32 = 0
        guard let gif = imprint_gif_open(source, &error) else {
            throw .make(.corrupt, message(error))
        }
        defer { DGifCloseFile(gif, &error) }

        let width = Int(gif.pointee.SWidth), height = Int(gif.pointee.SHeight)
        guard width > 0, height > 0 else { throw .make(.corrupt, "logical screen of \(width)x\(height)") }
        guard width * height <= limits.maxPixels else {
            throw .make(.tooLarge, "\(width)x\(height) pixels over the limit of \(limits.maxPixels)")
        }
        var transparentIndex: Int? = nil
        var records = 0
        while true {
            records += 1
            guard records <= limits.maxFrames * 64 else { throw .make(.tooManyFrames, "over \(records) records") }
            var type = UNDEFINED_RECORD_TYPE
            guard DGifGetRecordType(gif, &type) == GIF_OK else { throw .make(.corrupt, message(gif.pointee.Error)) }
            switch type {
            case IMAGE_DESC_RECORD_TYPE:
                guard DGifGetImageDesc(gif) == GIF_OK else { throw .make(.corrupt, message(gif.pointee.Error)) }
                return try readFrame(gif, width: width, height: height, transparentIndex: transparentIndex)
            case EXTENSION_RECORD_TYPE:
                var code: Int32 = 0
                var block: UnsafeMutablePointer<GifByteType>? = nil
                guard DGifGetExtension(gif, &code, &block) == GIF_OK else {
                    throw .make(.corrupt, message(gif.pointee.Error))
                }
                if code == GRAPHICS_EXT_FUNC_CODE, let block, block[0] >= 4, block[1] & 1 != 0 {
                    transparentIndex = Int(block[4])
                }
                while block != nil {
                    guard DGifGetExtensionNext(gif, &block) == GIF_OK else {
                        throw .make(.corrupt, message(gif.pointee.Error))
                    }
                }
            case TERMINATE_RECORD_TYPE:
                throw .make(.corrupt, "no image in the GIF")
            default:
                throw .make(.corrupt, "unexpected GIF record \(type)")
            }
        }
    }

    private static func readFrame(_ gif: UnsafeMutablePointer<GifFileType>, width: Int, height: Int,
                                  transparentIndex: Int?) throws(ImageDecodingError) -> DecodedImage {
        let frame = gif.pointee.Image
        let left = Int(frame.Left), top = Int(frame.Top)
        let frameWidth = Int(frame.Width), frameHeight = Int(frame.Height)
        guard frameWidth > 0, frameHeight > 0, frameWidth <= 65535, frameHeight <= 65535 else {
            throw .make(.corrupt, "frame of \(frameWidth)x\(frameHeight)")
        }
        guard let colorMap = frame.ColorMap ?? gif.pointee.SColorMap else {
            throw .make(.corrupt, "no color map")
        }
        let colorCount = Int(colorMap.pointee.ColorCount)
        let colors = colorMap.pointee.Colors!
        var pixels = [UInt8](repeating: 255, count: width * height * 3)
        var line = [GifPixelType](repeating: 0, count: frameWidth)
        for row in rowOrder(height: frameHeight, interlaced: frame.Interlace) {
            let status = line.withUnsafeMutableBufferPointer { DGifGetLine(gif, $0.baseAddress, Int32(frameWidth)) }
            guard status == GIF_OK else { throw .make(.corrupt, message(gif.pointee.Error)) }
            let y = top + row
            guard y >= 0, y < height else { continue }
            for column in 0..<frameWidth {
                let x = left + column
                let index = Int(line[column])
                guard x >= 0, x < width, index != transparentIndex, index < colorCount else { continue }
                let color = colors[index]
                let offset = 3 * (y * width + x)
                pixels[offset] = color.Red
                pixels[offset + 1] = color.Green
                pixels[offset + 2] = color.Blue
            }
        }
        return DecodedImage(width: width, height: height, channels: 3, pixels: pixels)
    }

    /// Rows in the order a GIF stores them: top to bottom, or the four interlace passes.
    static func rowOrder(height: Int, interlaced: Bool) -> [Int] {
        guard interlaced else { return Array(0..<height) }
        var order: [Int] = []
        order.reserveCapacity(height)
        for (start, step) in [(0, 8), (4, 8), (2, 4), (1, 2)] {
            order.append(contentsOf: stride(from: start, to: height, by: step))
        }
        return order
    }

    private static func message(_ error: Int32) -> String {
        GifErrorString(error).map { String(cString: $0) } ?? "giflib error \(error)"
    }
}
