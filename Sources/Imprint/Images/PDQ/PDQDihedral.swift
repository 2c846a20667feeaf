/// The eight rotations and flips of an image, applied to PDQ's DCT block instead of pixels.
///
/// Mirroring sample `x` to `63 - x` multiplies basis function `k` (frequency `k + 1`) by
/// `(-1)^(k + 1)`, and transposing the image transposes the block; every dihedral transform
/// is a composition of those (the PDQ paper's "dihedral-transform hashes").
public enum PDQDihedral: Int, Sendable, CaseIterable {
    case original, rotate90, rotate180, rotate270, flipX, flipY, flipPlus1, flipMinus1

    /// The block of the transformed image from the block `b` of the original. Names follow the
    /// reference's test images (`pdq/data/reg-test-input/dih`): `rotate90` is counter-clockwise,
    /// `flipX` mirrors top to bottom (across the x axis), `flipY` left to right, `flipPlus1`
    /// transposes (mirrors on the main diagonal), `flipMinus1` mirrors on the anti-diagonal.
    func apply(_ b: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: 256)
        @inline(__always) func sign(_ k: Int) -> Float { k & 1 == 1 ? 1 : -1 }
        for v in 0..<16 {
            for u in 0..<16 {
                let straight = b[16 * v + u], transposed = b[16 * u + v]
                let value: Float
                switch self {
                case .original: value = straight
                case .flipX: value = sign(v) * straight
                case .flipY: value = sign(u) * straight
                case .rotate180: value = sign(u) * sign(v) * straight
                case .flipPlus1: value = transposed
                case .rotate90: value = sign(v) * transposed
                case .rotate270: value = sign(u) * transposed
                case .flipMinus1: value = sign(u) * sign(v) * transposed
                }
                out[16 * v + u] = value
            }
        }
        return out
    }
}
