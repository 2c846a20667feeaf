import Imprint
import ImprintHashing
import ImprintTestSupport
import Testing

/// The vector tent filter of PDQ against its scalar twin.
@Suite("PDQ scalar and SIMD kernels")
struct PDQKernelTests {
    @Test("identical hashes and quality on seeded random images of awkward sizes")
    func twins() {
        var random = SeededGenerator(seed: 0x9D0)
        for _ in 0..<24 {
            let width = Int.random(in: 5...300, using: &random), height = Int.random(in: 5...300, using: &random)
            let channels = Bool.random(using: &random) ? 1 : 3
            // Smooth blobs plus noise, so the hash is not dominated by noise alone.
            var pixels = random.bytes(width * height * channels)
            for index in pixels.indices where index % 7 != 0 {
                let x = (index / channels) % width, y = (index / channels) / width
                pixels[index] = UInt8(truncatingIfNeeded: (x * 3 + y * 5) / 2)
            }
            let image = DecodedImage(width: width, height: height, channels: channels, pixels: pixels)
            let scalar = PDQ.hash(image, path: .scalar), simd = PDQ.hash(image, path: .simd)
            #expect(scalar == simd, "\(width)x\(height)x\(channels)")
        }
    }
}
