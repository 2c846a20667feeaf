/// The 16x16 block of DCT coefficients PDQ thresholds, with the image's quality.
struct PDQDCT {
    /// Row-major: `values[16 v + u]`, vertical frequency `v + 1`, horizontal `u + 1`.
    var values: [Float]
    var quality: Int

    /// The DCT-II basis as PDQ uses it: 16 rows (frequencies 1...16) of 64 samples,
    /// `sqrt(2 / 64) cos(pi / 128 (i + 1) (2 j + 1))`.
    static let matrix: [Float] = {
        var matrix = [Float](repeating: 0, count: 16 * 64)
        let scale = (2.0 / 64.0).squareRoot()
        for i in 0..<16 {
            for j in 0..<64 {
                matrix[i * 64 + j] = Float(scale * cos(Double.pi / 2 / 64 * Double(i + 1) * Double(2 * j + 1)))
            }
        }
        return matrix
    }()

    /// `D A D^T` for the 64x64 block `A` (row-major), in `Float` as the reference.
    static func transform(_ block: [Float]) -> [Float] {
        let d = matrix
        var temp = [Float](repeating: 0, count: 16 * 64)
        for i in 0..<16 {
            for j in 0..<64 {
                var sum: Float = 0
                for k in 0..<64 { sum += d[i * 64 + k] * block[k * 64 + j] }
                temp[i * 64 + j] = sum
            }
        }
        var out = [Float](repeating: 0, count: 256)
        for i in 0..<16 {
            for j in 0..<16 {
                var sum: Float = 0
                for k in 0..<64 { sum += temp[i * 64 + k] * d[j * 64 + k] }
                out[i * 16 + j] = sum
            }
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#endif
