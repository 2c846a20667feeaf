#if canImport(Glibc)
import Glibc
#endif

/// Separable Lanczos-3 resampling of 8-bit gray images, in the way Pillow's `Image.resize`
/// with `LANCZOS` (`ANTIALIAS`) does it, so the `imagehash` digests come out the same.
///
/// The kernel `sinc(x) sinc(x / 3)` on `[-3, 3)` is stretched by the scale factor when
/// shrinking (antialiasing); each output sample's weights are normalized, converted to 22-bit
/// fixed point and applied with rounding and clamping; the horizontal pass runs first and its
/// 8-bit result feeds the vertical pass. This follows the convolution resampling described in
/// Pillow's documentation ("Filters": LANCZOS, "a high-quality Lanczos filter (truncated sinc)").
enum LanczosResampler {
    static let support = 3.0
    static let precisionBits = 22

    static func lanczos(_ x: Double) -> Double {
        guard x >= -3, x < 3 else { return 0 }
        return sinc(x) * sinc(x / 3)
    }

    static func sinc(_ x: Double) -> Double {
        guard x != 0 else { return 1 }
        let t = x * Double.pi
        return sin(t) / t
    }

    /// Per output sample: the first input sample used and the fixed-point weights.
    struct Coefficients {
        var first: [Int] = []
        var weights: [[Int32]] = []
    }

    /// The weights that map `inSize` samples to `outSize`.
    static func coefficients(inSize: Int, outSize: Int) -> Coefficients {
        let scale = Double(inSize) / Double(outSize)
        let filterScale = max(scale, 1)
        let reach = support * filterScale
        var result = Coefficients()
        for out in 0..<outSize {
            let center = (Double(out) + 0.5) * scale
            let lower = max(Int(center - reach + 0.5), 0)
            let upper = min(Int(center + reach + 0.5), inSize)
            var weights: [Double] = []
            var total = 0.0
            if upper > lower {
                for x in lower..<upper {
                    let weight = lanczos((Double(x) - center + 0.5) / filterScale)
                    weights.append(weight)
                    total += weight
                }
            }
            if total != 0 { weights = weights.map { $0 / total } }
            let unit = Double(1 << precisionBits)
            result.first.append(lower)
            result.weights.append(weights.map { Int32($0 * unit + ($0 < 0 ? -0.5 : 0.5)) })
        }
        return result
    }

    @inline(__always)
    static func clip(_ sum: Int) -> UInt8 {
        let value = sum >> precisionBits
        return UInt8(clamping: value)
    }

    /// Resizes a gray image (`width x height`, row-major) to `outWidth x outHeight`.
    static func resize(_ gray: [UInt8], width: Int, height: Int, outWidth: Int, outHeight: Int) -> [UInt8] {
        let horizontal = coefficients(inSize: width, outSize: outWidth)
        let vertical = coefficients(inSize: height, outSize: outHeight)
        // Horizontal pass over only the rows the vertical pass reads.
        let firstRow = vertical.first.first ?? 0
        let lastRow = (vertical.first.last ?? 0) + (vertical.weights.last?.count ?? 0)
        let rows = max(0, lastRow - firstRow)
        var temp = [UInt8](repeating: 0, count: rows * outWidth)
        if outWidth != width {
            for row in 0..<rows {
                let line = (firstRow + row) * width
                for x in 0..<outWidth {
                    var sum = 1 << (precisionBits - 1)
                    let first = horizontal.first[x]
                    for (k, weight) in horizontal.weights[x].enumerated() { sum += Int(gray[line + first + k]) * Int(weight) }
                    temp[row * outWidth + x] = clip(sum)
                }
            }
        } else {
            for row in 0..<rows { for x in 0..<width { temp[row * width + x] = gray[(firstRow + row) * width + x] } }
        }
        guard outHeight != height else { return temp }
        var out = [UInt8](repeating: 0, count: outWidth * outHeight)
        for y in 0..<outHeight {
            let first = vertical.first[y] - firstRow
            for x in 0..<outWidth {
                var sum = 1 << (precisionBits - 1)
                for (k, weight) in vertical.weights[y].enumerated() { sum += Int(temp[(first + k) * outWidth + x]) * Int(weight) }
                out[y * outWidth + x] = clip(sum)
            }
        }
        return out
    }
}
