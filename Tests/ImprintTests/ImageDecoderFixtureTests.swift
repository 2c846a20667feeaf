import Foundation
import Imprint
import ImprintTestSupport
import Testing

/// PNG, BMP and GIF decoding against the pixels of the library that wrote or verified each
/// fixture (`scripts/make_image_fixtures.py`).
@Suite("Image decoders against fixtures")
struct ImageDecoderFixtureTests {
    @Test("every PNG colour type, bit depth, filter and interlace decodes to the expected pixels",
          arguments: ImageFixtures.names("png"))
    func png(name: String) throws {
        let image = try ImageDecoder.decode(Fixtures.bytes("images/" + name))
        #expect(image == (try ImageFixtures.expected(for: name)))
    }

    @Test("the PNG fixtures cover the grid")
    func pngCoverage() {
        let names = Set(ImageFixtures.names("png"))
        for depth in [1, 2, 4, 8, 16] { #expect(names.contains("gray\(depth)-i.png")) }
        for depth in [1, 2, 4, 8] { #expect(names.contains("palette\(depth)-i.png")) }
        for kind in ["rgb", "grayalpha", "rgba"] { for depth in [8, 16] { #expect(names.contains("\(kind)\(depth).png")) } }
    }

    @Test("BMP: 1-, 4-, 8-bit palette, RGB565, 24-bit, 32-bit, bottom-up and top-down",
          arguments: ImageFixtures.names("bmp"))
    func bmp(name: String) throws {
        let image = try ImageDecoder.decode(Fixtures.bytes("images/" + name))
        #expect(image == (try ImageFixtures.expected(for: name)))
    }

    @Test("GIF: each frame of an interlaced animation with transparency, as Pillow wrote it")
    func gif() throws {
        let bytes = try Fixtures.bytes("images/animated.gif")
        let frames = try ImageDecoder.decodeFrames(bytes)
        #expect(frames.count == 3)
        for (index, frame) in frames.enumerated() {
            #expect(frame == (try ImageFixtures.pnm(Fixtures.bytes("images/animated-\(index).ppm"))), "frame \(index)")
        }
        #expect(try ImageDecoder.decode(bytes) == frames[0])
        #expect(throws: ImageDecodingError.self) {
            try ImageDecoder.decodeFrames(bytes, limits: ImageLimits(maxFrames: 2))
        }
    }

    @Test("the sniffer names each format from its magic bytes")
    func sniffer() throws {
        #expect(ImageFormat.sniff(try Fixtures.bytes("images/rgb8.png")) == .png)
        #expect(ImageFormat.sniff(try Fixtures.bytes("images/bmp-rgb24.bmp")) == .bmp)
        #expect(ImageFormat.sniff(try Fixtures.bytes("images/animated.gif")) == .gif)
        #expect(ImageFormat.sniff(try Fixtures.bytes("imagehash/data/peppers.png")) == .png)
        #expect(ImageFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(ImageFormat.sniff(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(ImageFormat.sniff(Array("hello".utf8)) == nil)
        do {
            _ = try ImageDecoder.decode(Array("hello, world".utf8))
            Issue.record("text decoded as an image")
        } catch {
            #expect(error.code == .unknownFormat)
        }
    }
}
