import Benchmark
import BenchmarkSupport
import Imprint

/// Image decode + PDQ per format, as the Fingerprints stage runs them (`ImageDecodingOptions.pdq`:
/// JPEG decoded at a reduced scale when the image is large). The JPEG set is the image corpus
/// (image_spam_hunter, 875 files); PNG, GIF and BMP are the same images converted by
/// `references/make_image_formats.py` when it has run, else the test fixtures of that format.
/// items/s is images/s, MB/s is over the encoded file bytes.
let benchmarks: @Sendable () -> Void = {
    let configuration = BenchMetrics.configuration([BenchMetrics.megabytesPerSecond, BenchMetrics.itemsPerSecond],
                                                   warmup: 1, maxSeconds: 4, maxIterations: 50, pipeline: true)
    for format in ImageSets.formats {
        Benchmark("Decode and PDQ \(format)", configuration: configuration) { benchmark in
            let images = ImageSets.images(format)
            let bytes = images.reduce(0) { $0 + $1.count }
            let quality = benchmark.timed(bytes: bytes, items: images.count) {
                images.reduce(0) { sum, image in
                    guard let decoded = try? ImageDecoder.decode(image, options: .pdq) else { return sum }
                    return sum &+ PDQ.hash(decoded).quality
                }
            }
            blackHole(quality)
        }
    }
    Benchmark("Decode only JPEG", configuration: configuration) { benchmark in
        let images = ImageSets.images("JPEG")
        let bytes = images.reduce(0) { $0 + $1.count }
        let pixels = benchmark.timed(bytes: bytes, items: images.count) {
            images.reduce(0) { $0 &+ ((try? ImageDecoder.decode($1, options: .pdq))?.width ?? 0) }
        }
        blackHole(pixels)
    }
}
