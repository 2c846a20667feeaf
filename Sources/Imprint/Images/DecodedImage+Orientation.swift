/// Rotations and flips: the eight orientations of EXIF (and the PDQ dihedral group).
extension DecodedImage {
    /// The image as it is displayed when its EXIF `Orientation` is `orientation`
    /// (JEITA CP-3451 §4.6.4: 1 as stored, 2 mirrored, 3 rotated 180°, 4 flipped vertically,
    /// 5 transposed, 6 needs 90° clockwise, 7 transversed, 8 needs 90° counter-clockwise).
    /// Values outside 1...8 leave the image as it is.
    public func oriented(_ orientation: Int) -> DecodedImage {
        guard (2...8).contains(orientation) else { return self }
        let swaps = orientation >= 5
        let outWidth = swaps ? height : width, outHeight = swaps ? width : height
        var out = [UInt8](repeating: 0, count: pixels.count)
        let w = width, h = height, c = channels
        pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                var index = 0
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        let sx: Int, sy: Int
                        switch orientation {
                        case 2: sx = w - 1 - x; sy = y
                        case 3: sx = w - 1 - x; sy = h - 1 - y
                        case 4: sx = x; sy = h - 1 - y
                        case 5: sx = y; sy = x
                        case 6: sx = y; sy = h - 1 - x
                        case 7: sx = w - 1 - y; sy = h - 1 - x
                        default: sx = w - 1 - y; sy = x
                        }
                        let from = (sy * w + sx) * c
                        for channel in 0..<c { target[index + channel] = source[from + channel] }
                        index += c
                    }
                }
            }
        }
        return DecodedImage(width: outWidth, height: outHeight, channels: channels, pixels: out)
    }
}
