import CGIF

/// The logical screen of a GIF as frames are drawn on it (GIF89a §20, §23).
struct GIFCanvas {
    /// The Graphic Control Extension in force for the next frame.
    struct Control {
        /// 0/1 leave the frame, 2 restore its rectangle to the background, 3 to what was before.
        var disposal = 0
        var transparentIndex: Int? = nil
    }

    let width: Int
    let height: Int
    private var pixels: [UInt8]
    private var previous: [UInt8]? = nil
    private var lastRect = (left: 0, top: 0, width: 0, height: 0)

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 255, count: width * height * 3)
    }

    var image: DecodedImage { DecodedImage(width: width, height: height, channels: 3, pixels: pixels) }

    /// Reads the current frame's rows from giflib and draws them, clipped to the screen.
    mutating func draw(_ gif: UnsafeMutablePointer<GifFileType>, control: Control) throws(ImageDecodingError) {
        let frame = gif.pointee.Image
        let left = Int(frame.Left), top = Int(frame.Top)
        let frameWidth = Int(frame.Width), frameHeight = Int(frame.Height)
        guard let colorMap = frame.ColorMap ?? gif.pointee.SColorMap, let colors = colorMap.pointee.Colors else {
            throw .make(.corrupt, "no color map")
        }
        let colorCount = Int(colorMap.pointee.ColorCount)
        if control.disposal == 3 { previous = pixels }
        lastRect = (left, top, frameWidth, frameHeight)
        var line = [GifPixelType](repeating: 0, count: frameWidth)
        let transparent = control.transparentIndex ?? -1
        for row in Self.rowOrder(height: frameHeight, interlaced: frame.Interlace) {
            let status = line.withUnsafeMutableBufferPointer { DGifGetLine(gif, $0.baseAddress, Int32(frameWidth)) }
            guard status == GIF_OK else { throw GIFDecoder.failure(gif.pointee.Error) }
            let y = top + row
            guard y < height else { continue }
            pixels.withUnsafeMutableBufferPointer { out in
                for column in 0..<min(frameWidth, width - min(left, width)) {
                    let index = Int(line[column])
                    guard index != transparent, index < colorCount else { continue }
                    let color = colors[index]
                    let offset = 3 * (y * width + left + column)
                    out[offset] = color.Red
                    out[offset + 1] = color.Green
                    out[offset + 2] = color.Blue
                }
            }
        }
    }

    /// Applies the last frame's disposal method before the next frame is drawn.
    mutating func dispose(_ control: Control) {
        switch control.disposal {
        case 2:
            let (left, top, w, h) = lastRect
            for y in top..<min(top + h, height) where left < width {
                for offset in (3 * (y * width + left))..<(3 * (y * width + min(left + w, width))) { pixels[offset] = 255 }
            }
        case 3:
            if let previous { pixels = previous }
            previous = nil
        default:
            break
        }
    }

    /// Rows in the order a GIF stores them: top to bottom, or the four interlace passes.
    static func rowOrder(height: Int, interlaced: Bool) -> [Int] {
        guard interlaced else { return Array(0..<height) }
        var order: [Int] = []
        order.reserveCapacity(height)
        for (start, step) in [(0, 8), (4, 8), (2, 4), (1, 2)] {
            order.append(contentsOf: stride(from: start, to: height, by: step))
        }
        return order
    }
}
