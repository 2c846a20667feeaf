/// How `ImageDecoder` decodes, beyond the limits.
public struct ImageDecodingOptions: Sendable, Hashable {
    /// JPEG only: when set, libjpeg's DCT scaling (1/2, 1/4, 1/8) decodes straight to the
    /// smallest size whose sides both stay at least this long (nil: full size, the default).
    public var minimumSide: Int?
    /// JPEG only: rotate and flip as the EXIF `Orientation` tag says (default true), so the
    /// pixels are the picture a mail client shows.
    public var appliesEXIFOrientation: Bool

    public init(minimumSide: Int? = nil, appliesEXIFOrientation: Bool = true) {
        self.minimumSide = minimumSide
        self.appliesEXIFOrientation = appliesEXIFOrientation
    }

    /// For PDQ: JPEGs keep both sides at least 512 pixels, so only images with a shorter side
    /// of 1024 or more are DCT-scaled. Measured against full-resolution decoding (PDQ distance
    /// of the two hashes): on the PDQ reference photos, 512 keeps every image within 6 bits
    /// (median 0) and 256 within 8; on the text-heavy `image_spam_hunter` corpus (median
    /// 360x274) scaling is far worse (at 128: median 14, 170 of 912 images past 31; at 256:
    /// 1 past 31, max 46), so nothing under 1024 pixels a side is scaled.
    public static let pdq = ImageDecodingOptions(minimumSide: 512)
}

/// The one entry point for image bytes: sniffs the format from its magic bytes and decodes.
///
/// JPEG and GIF go through the system libjpeg and giflib; PNG and BMP are decoded in Swift
/// (PNG inflating with the system zlib). Every decoder checks the declared size against
/// `ImageLimits` before allocating, and reports any failure as an `ImageDecodingError`.
///
/// Truncated files: PNG, GIF and BMP give `truncated` (or `corrupt`), never a partial image,
/// except that a PNG cut after its last `IDAT` chunk decodes whole. A JPEG cut after its
/// headers decodes to libjpeg's partial image (the missing rows are filled in by libjpeg's
/// premature-end recovery), as mail clients show it.
public enum ImageDecoder {
    /// Decodes one image (the first frame of an animation) to gray or RGB.
    /// - Throws: `ImageDecodingError`; `unknownFormat` when no signature matches,
    ///   `unsupported` for WebP, TIFF and ICO.
    public static func decode(_ bytes: UnsafeRawBufferPointer, limits: ImageLimits = .default,
                              options: ImageDecodingOptions = .init()) throws(ImageDecodingError) -> DecodedImage {
        guard let format = ImageFormat.sniff(bytes) else {
            throw .make(.unknownFormat, "no JPEG, PNG, GIF or BMP signature")
        }
        switch format {
        case .jpeg:
            let image = try JPEGDecoder.decode(bytes, minSide: options.minimumSide, limits: limits)
            guard options.appliesEXIFOrientation, let orientation = EXIFOrientation.read(bytes) else { return image }
            return image.oriented(orientation)
        case .png: return try PNGDecoder.decode(bytes, limits: limits)
        case .gif: return try GIFDecoder.decodeFirstFrame(bytes, limits: limits)
        case .bmp: return try BMPDecoder.decode(bytes, limits: limits)
        case .webp, .tiff, .ico: throw .make(.unsupported, "\(format.rawValue) images are not decoded")
        }
    }

    /// Decodes one image held in an array.
    public static func decode(_ bytes: [UInt8], limits: ImageLimits = .default,
                              options: ImageDecodingOptions = .init()) throws(ImageDecodingError) -> DecodedImage {
        try withTypedBytes(bytes) { raw throws(ImageDecodingError) in try decode(raw, limits: limits, options: options) }
    }

    /// Decodes every frame: each frame of a GIF (see `GIFDecoder.decodeFrames`), the single
    /// image of any other format.
    public static func decodeFrames(_ bytes: [UInt8], limits: ImageLimits = .default,
                                    options: ImageDecodingOptions = .init()) throws(ImageDecodingError) -> [DecodedImage] {
        try withTypedBytes(bytes) { raw throws(ImageDecodingError) in
            if ImageFormat.sniff(raw) == .gif { return try GIFDecoder.decodeFrames(raw, limits: limits) }
            return [try decode(raw, limits: limits, options: options)]
        }
    }

    private static func withTypedBytes<T>(_ bytes: [UInt8],
                                          _ body: (UnsafeRawBufferPointer) throws(ImageDecodingError) -> T) throws(ImageDecodingError) -> T {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(ImageDecodingError) -> T in try body(raw) } }
        return try result.get()
    }
}
