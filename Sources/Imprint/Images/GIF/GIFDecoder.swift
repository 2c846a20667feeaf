import CGIF

/// Decodes GIF (GIF89a) through the system giflib: the first frame, or every frame of an
/// animation composed on its logical screen, transparency composited on white.
///
/// giflib reads from memory through the `CGIF` shim's callback, which finds its buffer via
/// `GifFileType.UserData`; the source struct stays at a stable heap address until close.
/// giflib reports errors by return code, so no longjmp is involved.
public enum GIFDecoder {
    /// Decodes the first frame of `data` to RGB on the logical screen.
    /// - Throws: `ImageDecodingError` (`corrupt`, `truncated`, `tooLarge`).
    public static func decodeFirstFrame(_ data: UnsafeRawBufferPointer,
                                        limits: ImageLimits = .default) throws(ImageDecodingError) -> DecodedImage {
        try decode(data, limits: limits, allFrames: false)[0]
    }

    /// Decodes every frame of `data`, each the full logical screen as a viewer shows it after
    /// that frame (disposal methods 0–3 of GIF89a §23 honoured; background is white).
    /// - Throws: `ImageDecodingError`: `tooManyFrames` past `limits.maxFrames`, `tooLarge` when
    ///   the frames together pass `limits.maxDecodedBytes`, `corrupt`, `truncated`.
    public static func decodeFrames(_ data: UnsafeRawBufferPointer,
                                    limits: ImageLimits = .default) throws(ImageDecodingError) -> [DecodedImage] {
        try decode(data, limits: limits, allFrames: true)
    }

    private static func decode(_ data: UnsafeRawBufferPointer, limits: ImageLimits,
                               allFrames: Bool) throws(ImageDecodingError) -> [DecodedImage] {
        let source = UnsafeMutablePointer<imprint_gif_source>.allocate(capacity: 1)
        source.initialize(to: imprint_gif_source(
            data: data.baseAddress?.assumingMemoryBound(to: UInt8.self), size: data.count, position: 0))
        defer { source.deallocate() }
        var error: Int32 = 0
        guard let gif = imprint_gif_open(source, &error) else { throw failure(error) }
        defer { DGifCloseFile(gif, &error) }

        let width = Int(gif.pointee.SWidth), height = Int(gif.pointee.SHeight)
        try limits.check(width: width, height: height, what: "GIF logical screen")
        var canvas = GIFCanvas(width: width, height: height)
        var frames: [DecodedImage] = []
        var control = GIFCanvas.Control()
        var decodedArea = 0
        var records = 0
        while true {
            records += 1
            guard records <= (limits.maxFrames + 1) * 64 else { throw .make(.tooManyFrames, "over \(records) records") }
            var type = UNDEFINED_RECORD_TYPE
            guard DGifGetRecordType(gif, &type) == GIF_OK else { throw failure(gif.pointee.Error) }
            switch type {
            case IMAGE_DESC_RECORD_TYPE:
                guard frames.count < limits.maxFrames else {
                    throw .make(.tooManyFrames, "more than \(limits.maxFrames) frames")
                }
                guard DGifGetImageDesc(gif) == GIF_OK else { throw failure(gif.pointee.Error) }
                let frame = gif.pointee.Image
                try limits.check(width: Int(frame.Width), height: Int(frame.Height), what: "GIF frame")
                decodedArea += Int(frame.Width) * Int(frame.Height) + width * height
                guard decodedArea * 3 <= limits.maxDecodedBytes else {
                    throw .make(.tooLarge, "GIF frames over \(limits.maxDecodedBytes) decoded bytes")
                }
                try canvas.draw(gif, control: control)
                frames.append(canvas.image)
                guard allFrames else { return frames }
                canvas.dispose(control)
                control = GIFCanvas.Control()
            case EXTENSION_RECORD_TYPE:
                var code: Int32 = 0
                var block: UnsafeMutablePointer<GifByteType>? = nil
                guard DGifGetExtension(gif, &code, &block) == GIF_OK else { throw failure(gif.pointee.Error) }
                if code == GRAPHICS_EXT_FUNC_CODE, let block, block[0] >= 4 {
                    control = GIFCanvas.Control(disposal: Int(block[1] >> 2) & 7,
                                                transparentIndex: block[1] & 1 != 0 ? Int(block[4]) : nil)
                }
                while block != nil {
                    guard DGifGetExtensionNext(gif, &block) == GIF_OK else { throw failure(gif.pointee.Error) }
                }
            case TERMINATE_RECORD_TYPE:
                guard !frames.isEmpty else { throw .make(.corrupt, "no image in the GIF") }
                return frames
            default:
                throw .make(.corrupt, "unexpected GIF record \(type)")
            }
        }
    }

    /// giflib's error as a typed error: a short read is `truncated`, the rest `corrupt`.
    static func failure(_ code: Int32) -> ImageDecodingError {
        let text = GifErrorString(code).map { String(cString: $0) } ?? "giflib error \(code)"
        switch code {
        case D_GIF_ERR_READ_FAILED, D_GIF_ERR_EOF_TOO_SOON: return .make(.truncated, text)
        case D_GIF_ERR_NOT_ENOUGH_MEM: return .make(.noMemory, text)
        default: return .make(.corrupt, text)
        }
    }
}
