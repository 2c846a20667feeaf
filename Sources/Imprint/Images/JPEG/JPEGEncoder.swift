import CJPEG
import Glibc

/// Encodes pixels to baseline JPEG through the system libjpeg (for the JPEG re-encode
/// transformation of the robustness measurement, and for tests).
///
/// As with decoding, libjpeg runs inside one C function of the `CJPEG` shim, so its
/// setjmp/longjmp error recovery never crosses a Swift frame.
public enum JPEGEncoder {
    /// The JPEG bytes of `image` at `quality` (1...100, libjpeg's scale; 75 is its default).
    /// - Throws: `ImageDecodingError` with code `corrupt` if libjpeg fails.
    public static func encode(_ image: DecodedImage, quality: Int) throws(ImageDecodingError) -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            imprint_jpeg_encode(pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.channels),
                                Int32(min(100, max(1, quality))), &out, &size, &message, message.count)
        }
        defer { free(out) }
        guard status == IMPRINT_JPEG_OK, let out else {
            throw .make(.corrupt, message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        return Array(UnsafeBufferPointer(start: out, count: Int(size)))
    }
}
