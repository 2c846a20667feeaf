/// Pixels decoded from an image: 8-bit samples, rows top to bottom, no padding.
///
/// Alpha never survives decoding: transparent and translucent pixels are composited on white,
/// as a mail client shows an image on a white page.
public struct DecodedImage: Sendable, Hashable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int
    /// Samples a pixel: 1 (gray) or 3 (RGB).
    public var channels: Int
    /// `width * height * channels` samples.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition(channels == 1 || channels == 3, "1 or 3 channels")
        precondition(pixels.count == width * height * channels, "pixel count matches the size")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// The same image with three channels (gray is replicated to R, G and B).
    public func rgb() -> DecodedImage {
        guard channels == 1 else { return self }
        var out = [UInt8](repeating: 0, count: pixels.count * 3)
        for index in pixels.indices {
            let value = pixels[index]
            out[3 * index] = value
            out[3 * index + 1] = value
            out[3 * index + 2] = value
        }
        return DecodedImage(width: width, height: height, channels: 3, pixels: out)
    }
}

/// Bounds on what one image may cost to decode. Each is checked before allocating.
public struct ImageLimits: Sendable, Hashable {
    /// Declared width x height above which an image (or a GIF frame) is refused before any
    /// pixel buffer is allocated (default 64 megapixels). Also bounds PNG inflation: the
    /// zlib stream may not inflate past the size the header declares.
    public var maxPixels: Int
    /// Progressive JPEG scans above which decoding stops (default 500, as libjpeg-turbo's tools).
    public var maxJPEGScans: Int
    /// GIF frames read at most (default 256); more is `tooManyFrames`.
    public var maxFrames: Int
    /// Decoded bytes all frames of one image may hold together (default 256 MiB), so that
    /// an animated GIF of many full-screen frames cannot exhaust memory.
    public var maxDecodedBytes: Int

    public init(maxPixels: Int = 64_000_000, maxJPEGScans: Int = 500, maxFrames: Int = 256,
                maxDecodedBytes: Int = 256 << 20) {
        self.maxPixels = maxPixels
        self.maxJPEGScans = maxJPEGScans
        self.maxFrames = maxFrames
        self.maxDecodedBytes = maxDecodedBytes
    }

    public static let `default` = ImageLimits()

    /// Throws `tooLarge` when `width x height` is over `maxPixels` (or not positive).
    func check(width: Int, height: Int, what: String) throws(ImageDecodingError) {
        guard width > 0, height > 0 else { throw .make(.corrupt, "\(what) of \(width)x\(height) pixels") }
        let (area, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, area <= maxPixels else {
            throw .make(.tooLarge, "\(what) of \(width)x\(height) pixels is over the limit of \(maxPixels)")
        }
    }
}
