import Imprint
import Testing

/// EXIF orientation: the APP1 parser and the eight pixel transforms.
@Suite("Image EXIF orientation")
struct ImageOrientationTests {
    /// A JPEG prefix: SOI, an APP0, then APP1 with one IFD0 entry (Orientation = value).
    static func jpeg(orientation: UInt16, bigEndian: Bool) -> [UInt8] {
        func u16(_ v: UInt16) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32) -> [UInt8] { bigEndian ? (0..<4).map { UInt8(v >> (24 - 8 * $0) & 0xFF) } : (0..<4).map { UInt8(v >> (8 * $0) & 0xFF) } }
        var tiff: [UInt8] = bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]
        tiff += u16(42) + u32(8) + u16(2)
        tiff += u16(0x010F) + u16(2) + u32(4) + Array("Cam\0".utf8)  // Make, inline ASCII
        tiff += u16(0x0112) + u16(3) + u32(1) + u16(orientation) + [0, 0]
        tiff += u32(0)
        let app1 = Array("Exif\0\0".utf8) + tiff
        let length = app1.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)]
            + app1 + [0xFF, 0xDA, 0x00, 0x02]
    }

    @Test("reads Orientation from big- and little-endian TIFF", arguments: [1, 3, 6, 8])
    func parse(orientation: Int) {
        for bigEndian in [true, false] {
            let bytes = Self.jpeg(orientation: UInt16(orientation), bigEndian: bigEndian)
            #expect(bytes.withUnsafeBytes { EXIFOrientation.read($0) } == orientation)
        }
    }

    @Test("malformed EXIF is 'no orientation', at every cut")
    func malformed() {
        let bytes = Self.jpeg(orientation: 6, bigEndian: true)
        for length in 0..<(bytes.count - 4) {
            let value = Array(bytes[0..<length]).withUnsafeBytes { EXIFOrientation.read($0) }
            #expect(value == nil || value == 6)
        }
        #expect(Self.jpeg(orientation: 9, bigEndian: false).withUnsafeBytes { EXIFOrientation.read($0) } == nil)
    }

    @Test("the eight orientations move the corners where EXIF says")
    func transforms() {
        // 3 wide, 2 tall: a b c / d e f
        let image = DecodedImage(width: 3, height: 2, channels: 1, pixels: [1, 2, 3, 4, 5, 6])
        let expected: [Int: (Int, [UInt8])] = [
            1: (3, [1, 2, 3, 4, 5, 6]), 2: (3, [3, 2, 1, 6, 5, 4]), 3: (3, [6, 5, 4, 3, 2, 1]),
            4: (3, [4, 5, 6, 1, 2, 3]), 5: (2, [1, 4, 2, 5, 3, 6]), 6: (2, [4, 1, 5, 2, 6, 3]),
            7: (2, [6, 3, 5, 2, 4, 1]), 8: (2, [3, 6, 2, 5, 1, 4]),
        ]
        for (orientation, (width, pixels)) in expected {
            let turned = image.oriented(orientation)
            #expect(turned.width == width && turned.pixels == pixels, "orientation \(orientation)")
        }
    }
}
