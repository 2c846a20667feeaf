/// Pixels decoded from an image: 8-bit samples, rows top to bottom, no padding.
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
}

/// Bounds on what one image may cost to decode. Each is checked before allocating.
public struct ImageLimits: Sendable, Hashable {
    /// Declared width x height above which an image is refused (default 64 megapixels).
    public var maxPixels: Int
    /// Progressive JPEG scans above which decoding stops (default 500, as libjpeg-turbo's tools).
    public var maxJPEGScans: Int
    /// GIF frames read at most (default 256).
    public var maxFrames: Int

    public init(maxPixels: Int = 64_000_000, maxJPEGScans: Int = 500, maxFrames: Int = 256) {
        self.maxPixels = maxPixels
        self.maxJPEGScans = maxJPEGScans
        self.maxFrames = maxFrames
    }

    public static let `default` = ImageLimits()
}
