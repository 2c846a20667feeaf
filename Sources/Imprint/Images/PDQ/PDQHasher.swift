import ImprintHashing

/// PDQ, Meta's perceptual image hash (ThreatExchange `pdq/hashing.pdf`; C++ reference in
/// `pdq/cpp/hashing/pdqhashing.cpp`), written from the paper.
///
/// Steps: luminance `0.299 R + 0.587 G + 0.114 B` at full resolution; Jarosz tent filter and
/// decimation to 64x64 (`PDQJarosz`); quality from the 64x64 gradient sum; a 16x16 DCT of the
/// 64x64 (basis rows 1...16, the DC term left out); each coefficient above the median is a 1.
public enum PDQ {
    /// Images with a side shorter than this hash to all zeros with quality 0, as the reference.
    public static let minimumSide = 5

    /// The PDQ hash and quality of a decoded image.
    /// - Parameter path: the tent filter's kernel; both give identical results (`.simd`, the
    ///   default, is faster).
    /// - Complexity: O(width x height) for the filter, then a fixed 64x64 DCT.
    public static func hash(_ image: DecodedImage, path: KernelPath = .simd) -> PDQHash {
        hash(dct: coefficients(image, path: path))
    }

    /// The hashes of the eight rotations and flips of the image, computed from one DCT
    /// (see `PDQDihedral`), in `PDQDihedral.allCases` order.
    public static func dihedralHashes(_ image: DecodedImage) -> [PDQHash] {
        let dct = coefficients(image)
        return PDQDihedral.allCases.map { hash(dct: PDQDCT(values: $0.apply(dct.values), quality: dct.quality)) }
    }

    /// The 16x16 DCT block and quality of the image (all zeros, quality 0, when too small).
    static func coefficients(_ image: DecodedImage, path: KernelPath = .simd) -> PDQDCT {
        let rows = image.height, cols = image.width
        guard rows >= minimumSide, cols >= minimumSide else {
            return PDQDCT(values: [Float](repeating: 0, count: 256), quality: 0)
        }
        let buffer1 = UnsafeMutablePointer<Float>.allocate(capacity: rows * cols)
        let buffer2 = UnsafeMutablePointer<Float>.allocate(capacity: rows * cols)
        defer { buffer1.deallocate(); buffer2.deallocate() }
        luminance(image, into: buffer1)
        let small = PDQJarosz.downsample(buffer1, buffer2, rows: rows, cols: cols, path: path)
        return PDQDCT(values: PDQDCT.transform(small), quality: quality(small))
    }

    /// `0.299 v`, `0.587 v`, `0.114 v` for every sample value `v`, as `Float` products: a
    /// lookup gives exactly the product the reference computes, without three conversions.
    static let lumaTables: [Float] = (0..<768).map { index in
        let value = Float(index & 255)
        return index < 256 ? Float(0.299) * value : index < 512 ? Float(0.587) * value : Float(0.114) * value
    }

    /// Fills `buffer` with the luminance of each pixel (gray samples as they are).
    static func luminance(_ image: DecodedImage, into buffer: UnsafeMutablePointer<Float>) {
        image.pixels.withUnsafeBufferPointer { pixels in
            let count = image.width * image.height
            if image.channels == 1 {
                for index in 0..<count { buffer[index] = Float(pixels[index]) }
                return
            }
            lumaTables.withUnsafeBufferPointer { table in
                let red = table.baseAddress!, green = red + 256, blue = red + 512
                var source = pixels.baseAddress!
                for index in 0..<count {
                    buffer[index] = red[Int(source[0])] + green[Int(source[1])] + blue[Int(source[2])]
                    source += 3
                }
            }
        }
    }

    /// The reference's quality: the sum of `|difference| * 100 / 255` (each truncated) over
    /// vertically and horizontally adjacent 64x64 samples, divided by 90, capped at 100.
    static func quality(_ block: [Float]) -> Int {
        var sum = 0
        for i in 0..<63 {
            for j in 0..<64 { sum += abs(Int((block[i * 64 + j] - block[(i + 1) * 64 + j]) * 100 / 255)) }
        }
        for i in 0..<64 {
            for j in 0..<63 { sum += abs(Int((block[i * 64 + j] - block[i * 64 + j + 1]) * 100 / 255)) }
        }
        return min(100, sum / 90)
    }

    /// Thresholds a 16x16 block at its median (the 128th smallest value, as the reference's
    /// Torben median): bit `16 i + j` is set when coefficient `(i, j)` is above it.
    static func hash(dct: PDQDCT) -> PDQHash {
        let median = dct.values.sorted()[127]
        var words = SIMD4<UInt64>()
        for k in 0..<256 where dct.values[k] > median {
            words[k >> 6] |= 1 << UInt64(k & 63)
        }
        return PDQHash(words: words, quality: dct.quality)
    }
}
