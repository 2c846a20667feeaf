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
///
/// The weights and the horizontal pass live in caller-owned ``Buffers`` (a thread's scratch,
/// `FingerprintScratch`), so resizing allocates nothing once they have grown.
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

    /// Per output sample: the first input sample used and the fixed-point weights, back to
    /// back (sample i's are `weights[start(i)..<ends[i]]`).
    struct Coefficients {
        var first: [Int] = []
        var ends: [Int] = []
        var weights: [Int32] = []

        /// Where sample `index`'s weights start.
        func start(_ index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }
        /// Sample `index`'s weight count.
        func count(_ index: Int) -> Int { ends[index] - start(index) }

        mutating func removeAll() {
            first.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            weights.removeAll(keepingCapacity: true)
        }
    }

    /// The working memory of ``resize(_:width:height:outWidth:outHeight:into:buffers:)``.
    struct Buffers {
        var horizontal = Coefficients()
        var vertical = Coefficients()
        /// One output sample's weights before fixed point.
        var real: [Double] = []
        /// The horizontal pass's rows.
        var rows: [UInt8] = []

        /// Bytes of memory held.
        var capacityBytes: Int {
            8 * (horizontal.first.capacity + horizontal.ends.capacity + vertical.first.capacity + vertical.ends.capacity
                + real.capacity) + 4 * (horizontal.weights.capacity + vertical.weights.capacity) + rows.capacity
        }
    }

    /// The weights that map `inSize` samples to `outSize`, written to `result`; `real` is scratch.
    static func coefficients(inSize: Int, outSize: Int, into result: inout Coefficients, real: inout [Double]) {
        let scale = Double(inSize) / Double(outSize)
        let filterScale = max(scale, 1)
        let reach = support * filterScale
        result.removeAll()
        for out in 0..<outSize {
            let center = (Double(out) + 0.5) * scale
            let lower = max(Int(center - reach + 0.5), 0)
            let upper = min(Int(center + reach + 0.5), inSize)
            real.removeAll(keepingCapacity: true)
            var total = 0.0
            if upper > lower {
                for x in lower..<upper {
                    let weight = lanczos((Double(x) - center + 0.5) / filterScale)
                    real.append(weight)
                    total += weight
                }
            }
            if total != 0 { for index in real.indices { real[index] /= total } }
            let unit = Double(1 << precisionBits)
            result.first.append(lower)
            for weight in real { result.weights.append(Int32(weight * unit + (weight < 0 ? -0.5 : 0.5))) }
            result.ends.append(result.weights.count)
        }
    }

    @inline(__always)
    static func clip(_ sum: Int) -> UInt8 {
        let value = sum >> precisionBits
        return UInt8(clamping: value)
    }

    /// Resizes a gray image (`width x height`, row-major) to `outWidth x outHeight`, written to
    /// `out` (emptied first).
    static func resize(_ gray: UnsafeBufferPointer<UInt8>, width: Int, height: Int, outWidth: Int, outHeight: Int,
                       into out: inout [UInt8], buffers: inout Buffers) {
        coefficients(inSize: width, outSize: outWidth, into: &buffers.horizontal, real: &buffers.real)
        coefficients(inSize: height, outSize: outHeight, into: &buffers.vertical, real: &buffers.real)
        let horizontal = buffers.horizontal, vertical = buffers.vertical
        // Horizontal pass over only the rows the vertical pass reads.
        let firstRow = vertical.first.first ?? 0
        let lastRow = (vertical.first.last ?? 0) + (vertical.ends.isEmpty ? 0 : vertical.count(vertical.ends.count - 1))
        let rows = max(0, lastRow - firstRow)
        var temp = buffers.rows
        buffers.rows = []  // `temp` holds the only reference while written
        temp.removeAll(keepingCapacity: true)
        temp.append(contentsOf: repeatElement(0, count: rows * outWidth))
        if outWidth != width {
            for row in 0..<rows {
                let line = (firstRow + row) * width
                for x in 0..<outWidth {
                    var sum = 1 << (precisionBits - 1)
                    let first = horizontal.first[x], start = horizontal.start(x)
                    for k in 0..<(horizontal.ends[x] - start) { sum += Int(gray[line + first + k]) * Int(horizontal.weights[start + k]) }
                    temp[row * outWidth + x] = clip(sum)
                }
            }
        } else {
            for row in 0..<rows { for x in 0..<width { temp[row * width + x] = gray[(firstRow + row) * width + x] } }
        }
        out.removeAll(keepingCapacity: true)
        defer { buffers.rows = temp }
        guard outHeight != height else {
            out.append(contentsOf: temp)
            return
        }
        out.append(contentsOf: repeatElement(0, count: outWidth * outHeight))
        for y in 0..<outHeight {
            let first = vertical.first[y] - firstRow, start = vertical.start(y)
            for x in 0..<outWidth {
                var sum = 1 << (precisionBits - 1)
                for k in 0..<(vertical.ends[y] - start) { sum += Int(temp[(first + k) * outWidth + x]) * Int(vertical.weights[start + k]) }
                out[y * outWidth + x] = clip(sum)
            }
        }
    }
}
