/// aHash, dHash and pHash: the 64-bit perceptual hashes of the Python `imagehash` package
/// (4.3), with its conventions, so digests compare with ones it printed.
///
/// Each converts to gray with ITU-R 601-2 luma (Pillow's `L`: `(19595 R + 38470 G + 7471 B
/// + 32768) >> 16`), shrinks with `LanczosResampler` (Pillow's `LANCZOS`), and sets bits
/// row-major, the first bit the most significant (`imagehash`'s hex form). Follows
/// N. Krawetz, "Looks Like It" (2011) and "Kind of Like That" (2013), hackerfactor.com.
public enum ImageHashes {
    /// Average hash: 8x8 gray, bit set where a sample is above the mean.
    public static func averageHash(_ image: DecodedImage) -> UInt64 {
        let small = shrink(image, width: 8, height: 8)
        let mean = Double(small.reduce(0) { $0 + Int($1) }) / 64
        return bits(small.map { Double($0) > mean })
    }

    /// Difference hash: 9x8 gray, bit set where a sample is brighter than its left neighbour.
    public static func differenceHash(_ image: DecodedImage) -> UInt64 {
        let small = shrink(image, width: 9, height: 8)
        var flags: [Bool] = []
        for row in 0..<8 { for column in 0..<8 { flags.append(small[row * 9 + column + 1] > small[row * 9 + column]) } }
        return bits(flags)
    }

    /// Perceptual hash: 32x32 gray, a 2-D DCT-II (scipy's unnormalized `dct`, rows then
    /// columns), the 8x8 lowest frequencies including DC, bit set where above their median
    /// (the mean of the two middle values, as `numpy.median`).
    public static func perceptualHash(_ image: DecodedImage) -> UInt64 {
        let small = shrink(image, width: 32, height: 32).map(Double.init)
        var basis = [Double](repeating: 0, count: 8 * 32)
        for k in 0..<8 { for n in 0..<32 { basis[k * 32 + n] = cos(Double.pi * Double(k) * Double(2 * n + 1) / 64) } }
        // Along axis 0 (down the columns), then axis 1 (along the rows); only 8x8 outputs are needed.
        var columns = [Double](repeating: 0, count: 8 * 32)
        for k in 0..<8 {
            for x in 0..<32 {
                var sum = 0.0
                for y in 0..<32 { sum += basis[k * 32 + y] * small[y * 32 + x] }
                columns[k * 32 + x] = 2 * sum
            }
        }
        var low = [Double](repeating: 0, count: 64)
        for v in 0..<8 {
            for u in 0..<8 {
                var sum = 0.0
                for x in 0..<32 { sum += basis[u * 32 + x] * columns[v * 32 + x] }
                low[v * 8 + u] = 2 * sum
            }
        }
        let sorted = low.sorted()
        let median = (sorted[31] + sorted[32]) / 2
        return bits(low.map { $0 > median })
    }

    /// Pillow's `L` conversion of the image, resized to `width x height`.
    static func shrink(_ image: DecodedImage, width: Int, height: Int) -> [UInt8] {
        LanczosResampler.resize(gray(image), width: image.width, height: image.height, outWidth: width, outHeight: height)
    }

    /// ITU-R 601-2 luma in Pillow's fixed point.
    static func gray(_ image: DecodedImage) -> [UInt8] {
        guard image.channels == 3 else { return image.pixels }
        let count = image.width * image.height
        var out = [UInt8](repeating: 0, count: count)
        image.pixels.withUnsafeBufferPointer { pixels in
            for index in 0..<count {
                let sum = Int(pixels[3 * index]) * 19595 + Int(pixels[3 * index + 1]) * 38470
                    + Int(pixels[3 * index + 2]) * 7471 + 0x8000
                out[index] = UInt8(sum >> 16)
            }
        }
        return out
    }

    /// 64 flags, first the most significant bit.
    static func bits(_ flags: [Bool]) -> UInt64 {
        flags.reduce(0) { $0 << 1 | ($1 ? 1 : 0) }
    }

    /// Hamming distance of two 64-bit hashes (`imagehash`'s `a - b`).
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
}

#if canImport(Glibc)
import Glibc
#endif
