/// The edits image spam uses to dodge exact matching, for measuring how robust a perceptual
/// hash is (the PDQ robustness table). Every random choice comes from the caller's generator.
extension DecodedImage {
    /// Half the width and height, each output pixel the mean of a 2x2 block.
    public func halved() -> DecodedImage {
        let w = max(1, width / 2), h = max(1, height / 2), c = channels
        var out = [UInt8](repeating: 0, count: w * h * c)
        for y in 0..<h {
            for x in 0..<w {
                for k in 0..<c {
                    let x1: Int = min(2 * x + 1, width - 1), y1: Int = min(2 * y + 1, height - 1)
                    let row0: Int = 2 * y * width, row1: Int = y1 * width
                    var sum: Int = Int(pixels[(row0 + 2 * x) * c + k])
                    sum += Int(pixels[(row0 + x1) * c + k])
                    sum += Int(pixels[(row1 + 2 * x) * c + k])
                    sum += Int(pixels[(row1 + x1) * c + k])
                    out[(y * w + x) * c + k] = UInt8((sum + 2) / 4)
                }
            }
        }
        return DecodedImage(width: w, height: h, channels: c, pixels: out)
    }

    /// The central part left after removing `fraction` of the width and of the height,
    /// half from each edge (`0.05`: 2.5% off each side).
    public func cropped(fraction: Double) -> DecodedImage {
        let left = Int(Double(width) * fraction / 2), top = Int(Double(height) * fraction / 2)
        let w = max(1, width - 2 * left), h = max(1, height - 2 * top), c = channels
        var out: [UInt8] = []
        out.reserveCapacity(w * h * c)
        for y in top..<(top + h) { out += pixels[((y * width + left) * c)..<((y * width + left + w) * c)] }
        return DecodedImage(width: w, height: h, channels: c, pixels: out)
    }

    /// Every sample multiplied by `factor` (1.2: 20% brighter), clamped to 255.
    public func brightened(by factor: Double) -> DecodedImage {
        DecodedImage(width: width, height: height, channels: channels,
                     pixels: pixels.map { UInt8(min(255, (Double($0) * factor).rounded())) })
    }

    /// Every sample moved by a uniform random amount in `-amplitude...amplitude`, clamped.
    public func withNoise(amplitude: Int, using generator: inout some RandomNumberGenerator) -> DecodedImage {
        DecodedImage(width: width, height: height, channels: channels, pixels: pixels.map {
            UInt8(clamping: Int($0) + Int.random(in: -amplitude...amplitude, using: &generator))
        })
    }

    /// A caption burned in: a line of random 5x7 glyphs in white, each glyph cell a twelfth
    /// of the image height, across the middle of the lower third, drawn straight over the
    /// picture (no band behind it), as spam stamps a message or a URL.
    public func withTextOverlay(using generator: inout some RandomNumberGenerator) -> DecodedImage {
        var out = pixels
        let c = channels
        let scale = max(1, height / 12 / 7)
        let top = height * 3 / 4 - 4 * scale
        var x0 = width / 5
        while x0 + 5 * scale < width * 4 / 5 {
            let glyph = UInt64.random(in: 0..<(1 << 35), using: &generator)
            for gy in 0..<7 {
                for gx in 0..<5 where glyph >> UInt64(gy * 5 + gx) & 1 == 1 {
                    for dy in 0..<scale {
                        for dx in 0..<scale {
                            let y = top + gy * scale + dy, x = x0 + gx * scale + dx
                            guard y >= 0, y < height, x < width else { continue }
                            for k in 0..<c { out[(y * width + x) * c + k] = 255 }
                        }
                    }
                }
            }
            x0 += 6 * scale
        }
        return DecodedImage(width: width, height: height, channels: c, pixels: out)
    }
}
