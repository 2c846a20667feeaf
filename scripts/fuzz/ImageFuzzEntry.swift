import Imprint

/// libFuzzer entry point for the image decoders: the first byte picks the decoder (JPEG,
/// GIF all frames, PNG, BMP, or the sniffing entry point), the rest is the file.
///
/// Build (the lead adds the target; see the images report):
///     swift build -c debug --product FuzzImageDecoders -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
///     .build/debug/FuzzImageDecoders Tests/Fixtures/images -max_len=65536
/// Small limits keep each run cheap; any crash, leak or hang is a bug, a thrown
/// `ImageDecodingError` is the expected outcome for most inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImageDecoders(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let selector = bytes[0]
    let body = UnsafeRawBufferPointer(rebasing: bytes[1...])
    let limits = ImageLimits(maxPixels: 1 << 20, maxJPEGScans: 64, maxFrames: 16, maxDecodedBytes: 16 << 20)
    switch selector % 5 {
    case 0: _ = try? JPEGDecoder.decode(body, limits: limits)
    case 1: _ = try? GIFDecoder.decodeFrames(body, limits: limits)
    case 2: _ = try? PNGDecoder.decode(body, limits: limits)
    case 3: _ = try? BMPDecoder.decode(body, limits: limits)
    default:
        if let image = try? ImageDecoder.decode(body, limits: limits) {
            _ = PDQ.hash(image)
            _ = ImageHashes.perceptualHash(image)
        }
    }
    return 0
}
