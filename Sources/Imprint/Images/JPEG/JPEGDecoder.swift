import CJPEG
import Glibc

/// Decodes JPEG through the system libjpeg (libjpeg-turbo on Debian), surviving corrupt input.
///
/// The libjpeg calls and their setjmp/longjmp error recovery run inside one C function of
/// the `CJPEG` shim, so no longjmp crosses a Swift frame.
public enum JPEGDecoder {
    /// Decodes `data` to gray or RGB.
    /// - Parameters:
    ///   - minSide: when given, libjpeg's DCT scaling (1/2, 1/4, 1/8) decodes straight to the
    ///     smallest size whose sides are both at least `minSide`; PDQ needs only 64.
    ///   - limits: pixel and scan bounds, checked on the header before any allocation.
    /// - Throws: `ImageDecodingError`.
    public static func decode(_ data: UnsafeRawBufferPointer, minSide: Int? = nil,
                              limits: ImageLimits = .default) throws(ImageDecodingError) -> DecodedImage {
        var image = imprint_jpeg_image()
        var message = [CChar](repeating: 0, count: 256)
        let empty: UInt8 = 0
        let status = withUnsafePointer(to: empty) { fallback in
            imprint_jpeg_decode(data.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? fallback,
                                UInt(data.count), Int32(clamping: minSide ?? 0),
                                UInt64(max(0, limits.maxPixels)), Int32(clamping: limits.maxJPEGScans),
                                &image, &message, message.count)
        }
        let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        switch Int(status) {
        case IMPRINT_JPEG_OK: break
        case IMPRINT_JPEG_TOO_LARGE: throw .make(.tooLarge, text)
        case IMPRINT_JPEG_TOO_MANY_SCANS: throw .make(.tooManyScans, text)
        case IMPRINT_JPEG_NO_MEMORY: throw .make(.noMemory, "JPEG output buffer")
        default: throw .make(.corrupt, text.isEmpty ? "libjpeg error" : text)
        }
        defer { free(image.pixels) }
        let width = Int(image.width), height = Int(image.height), components = Int(image.components)
        let samples = UnsafeBufferPointer(start: image.pixels, count: width * height * components)
        switch components {
        case 1, 3:
            return DecodedImage(width: width, height: height, channels: components, pixels: Array(samples))
        case 4:
            return DecodedImage(width: width, height: height, channels: 3,
                                pixels: rgb(fromCMYK: samples, inverted: image.adobe_inverted_cmyk != 0))
        default:
            throw .make(.unsupported, "\(components) output components")
        }
    }

    /// Converts CMYK samples to RGB with the naive formula that Pillow and most viewers use.
    /// Adobe writes inverted CMYK (0 = full ink); others write plain CMYK.
    static func rgb(fromCMYK samples: UnsafeBufferPointer<UInt8>, inverted: Bool) -> [UInt8] {
        let pixels = samples.count / 4
        var out = [UInt8](repeating: 0, count: pixels * 3)
        for pixel in 0..<pixels {
            var c = Int(samples[4 * pixel]), m = Int(samples[4 * pixel + 1])
            var y = Int(samples[4 * pixel + 2]), k = Int(samples[4 * pixel + 3])
            if !inverted {
                c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k
            }
            out[3 * pixel] = UInt8((c * k + 127) / 255)
            out[3 * pixel + 1] = UInt8((m * k + 127) / 255)
            out[3 * pixel + 2] = UInt8((y * k + 127) / 255)
        }
        return out
    }
}
