/// aHash, dHash and pHash: the 64-bit perceptual hashes of the Python `imagehash` package
/// (4.3), with its conventions, so digests compare with ones it printed.
///
/// Each converts to gray with ITU-R 601-2 luma (Pillow's `L`: `(19595 R + 38470 G + 7471 B
/// + 32768) >> 16`), shrinks with `LanczosResampler` (Pillow's `LANCZOS`), and sets bits
/// row-major, the first bit the most significant (`imagehash`'s hex form). Follows
/// N. Krawetz, "Looks Like It" (2011) and "Kind of Like That" (2013), hackerfactor.com.
public enum ImageHashes {
    /// Working memory of the hashes: the shrunk image and the resampler's buffers, reused
    /// from image to image by a thread's scratch (`FingerprintScratch`).
    struct Buffers {
        var small: [UInt8] = []
        var resampler = LanczosResampler.Buffers()

        /// Bytes of memory held.
        var capacityBytes: Int { small.capacity + resampler.capacityBytes }
    }

    /// Average hash: 8x8 gray, bit set where a sample is above the mean.
    public static func averageHash(_ image: DecodedImage) -> UInt64 {
        var gray: [UInt8] = [], buffers = Buffers()
        return withGray(image, buffer: &gray) { averageHash($0, image, buffers: &buffers) }
    }

    /// Difference hash: 9x8 gray, bit set where a sample is brighter than its left neighbour.
    public static func differenceHash(_ image: DecodedImage) -> UInt64 {
        var gray: [UInt8] = [], buffers = Buffers()
        return withGray(image, buffer: &gray) { differenceHash($0, image, buffers: &buffers) }
    }

    /// Perceptual hash: 32x32 gray, a 2-D DCT-II (scipy's unnormalized `dct`, rows then
    /// columns), the 8x8 lowest frequencies including DC, bit set where above their median
    /// (the mean of the two middle values, as `numpy.median`).
    public static func perceptualHash(_ image: DecodedImage) -> UInt64 {
        var gray: [UInt8] = [], buffers = Buffers()
        return withGray(image, buffer: &gray) { perceptualHash($0, image, buffers: &buffers) }
    }

    /// ``averageHash(_:)`` of `image`'s gray samples `gray` (``withGray(_:buffer:_:)``).
    static func averageHash(_ gray: UnsafeBufferPointer<UInt8>, _ image: DecodedImage, buffers: inout Buffers) -> UInt64 {
        shrink(gray, image, width: 8, height: 8, buffers: &buffers)
        let small = buffers.small
        let mean = Double(small.reduce(0) { $0 + Int($1) }) / 64
        return small.reduce(0) { $0 << 1 | (Double($1) > mean ? 1 : 0) }
    }

    /// ``differenceHash(_:)`` of `image`'s gray samples `gray` (``withGray(_:buffer:_:)``).
    static func differenceHash(_ gray: UnsafeBufferPointer<UInt8>, _ image: DecodedImage, buffers: inout Buffers) -> UInt64 {
        shrink(gray, image, width: 9, height: 8, buffers: &buffers)
        let small = buffers.small
        var hash: UInt64 = 0
        for row in 0..<8 { for column in 0..<8 { hash = hash << 1 | (small[row * 9 + column + 1] > small[row * 9 + column] ? 1 : 0) } }
        return hash
    }

    /// ``perceptualHash(_:)`` of `image`'s gray samples `gray` (``withGray(_:buffer:_:)``);
    /// the transform works on the stack.
    static func perceptualHash(_ gray: UnsafeBufferPointer<UInt8>, _ image: DecodedImage, buffers: inout Buffers) -> UInt64 {
        shrink(gray, image, width: 32, height: 32, buffers: &buffers)
        let small = buffers.small, basis = cosineBasis
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 8 * 32 + 2 * 64) { scratch in
            let columns = scratch.baseAddress!, low = columns + 8 * 32, sorted = low + 64
            // Along axis 0 (down the columns), then axis 1 (along the rows); only 8x8 outputs are needed.
            for k in 0..<8 {
                for x in 0..<32 {
                    var sum = 0.0
                    for y in 0..<32 { sum += basis[k * 32 + y] * Double(small[y * 32 + x]) }
                    columns[k * 32 + x] = 2 * sum
                }
            }
            for v in 0..<8 {
                for u in 0..<8 {
                    var sum = 0.0
                    for x in 0..<32 { sum += basis[u * 32 + x] * columns[v * 32 + x] }
                    low[v * 8 + u] = 2 * sum
                }
            }
            sorted.initialize(from: low, count: 64)
            insertionSort(sorted, count: 64)
            let median = (sorted[31] + sorted[32]) / 2
            var hash: UInt64 = 0
            for index in 0..<64 { hash = hash << 1 | (low[index] > median ? 1 : 0) }
            return hash
        }
    }

    /// The first 8 rows of the 32-point DCT-II basis, `cos(pi k (2n + 1) / 64)`.
    static let cosineBasis: [Double] = (0..<8 * 32).map { index in
        let k = index / 32, n = index % 32
        return cos(Double.pi * Double(k) * Double(2 * n + 1) / 64)
    }

    /// Sorts `count` values in place, ascending (a few dozen: no merge buffer).
    static func insertionSort(_ values: UnsafeMutablePointer<Double>, count: Int) {
        for index in 1..<count {
            let value = values[index]
            var position = index
            while position > 0, values[position - 1] > value {
                values[position] = values[position - 1]
                position -= 1
            }
            values[position] = value
        }
    }

    /// Pillow's `L` conversion of `gray` (`image`'s gray samples), resized to
    /// `width x height` into `buffers.small`.
    static func shrink(_ gray: UnsafeBufferPointer<UInt8>, _ image: DecodedImage, width: Int, height: Int,
                       buffers: inout Buffers) {
        LanczosResampler.resize(gray, width: image.width, height: image.height, outWidth: width, outHeight: height,
                                into: &buffers.small, buffers: &buffers.resampler)
    }

    /// Calls `body` with the image's gray samples: its own pixels when it is gray, else ITU-R
    /// 601-2 luma in Pillow's fixed point, computed into `buffer` (scratch).
    static func withGray<Result>(_ image: DecodedImage, buffer: inout [UInt8],
                                 _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard image.channels == 3 else { return image.pixels.withUnsafeBufferPointer(body) }
        let count = image.width * image.height
        var out = buffer
        buffer = []  // `out` holds the only reference while written
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: repeatElement(0, count: count))
        image.pixels.withUnsafeBufferPointer { pixels in
            for index in 0..<count {
                let sum = Int(pixels[3 * index]) * 19595 + Int(pixels[3 * index + 1]) * 38470
                    + Int(pixels[3 * index + 2]) * 7471 + 0x8000
                out[index] = UInt8(sum >> 16)
            }
        }
        defer { buffer = out }
        return out.withUnsafeBufferPointer(body)
    }

    /// Hamming distance of two 64-bit hashes (`imagehash`'s `a - b`).
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
}

#if canImport(Glibc)
import Glibc
#endif
