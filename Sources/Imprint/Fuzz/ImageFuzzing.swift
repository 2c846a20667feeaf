/// The image targets of `FuzzTarget`: the engine's path for an image part
/// (`ImageDecoder.decode` with the PDQ options, then dHash, PDQ, pHash and aHash), with small
/// limits so each run stays cheap while still reaching them.
enum ImageFuzzing {
    /// 256 kilopixels, 64 progressive scans, 8 GIF frames, 4 MiB of frames: small enough for
    /// tens of runs a second under ASan, large enough for every seed.
    static let limits = ImageLimits(maxPixels: 1 << 18, maxJPEGScans: 64, maxFrames: 8, maxDecodedBytes: 4 << 20)

    /// Decodes `data` when it carries the signature of `format` (other inputs are rejected at
    /// once, so each target spends its time in its own decoder). JPEG alternates between full
    /// size and DCT scaling to 64 pixels a side (by the input length's parity); GIF also decodes
    /// every frame.
    static func run(_ data: UnsafeRawBufferPointer, format: ImageFormat) -> FuzzTarget.Outcome {
        guard ImageFormat.sniff(data) == format else { return .rejected("not \(format.rawValue)") }
        let options = ImageDecodingOptions(minimumSide: format == .jpeg && data.count & 1 == 1 ? 64 : nil)
        let image: DecodedImage
        do {
            image = try ImageDecoder.decode(data, limits: limits, options: options)
        } catch {
            return .rejected("\(error)")
        }
        var sink = ImageHashes.differenceHash(image) ^ ImageHashes.averageHash(image) ^ ImageHashes.perceptualHash(image)
        if image.width >= PDQ.minimumSide, image.height >= PDQ.minimumSide {
            sink ^= PDQ.hash(image).words[0]
        }
        if format == .gif {
            do {
                sink ^= UInt64(try ImageDecoder.decodeFrames(Array(data), limits: limits).count)
            } catch {
                return .rejected("\(error)")
            }
        }
        fuzzSink ^= sink
        return .accepted
    }
}

/// Where the targets leave what they computed, so the optimizer keeps the work.
nonisolated(unsafe) var fuzzSink: UInt64 = 0
