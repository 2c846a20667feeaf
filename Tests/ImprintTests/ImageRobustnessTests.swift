import Foundation
import Imprint
import ImprintTestSupport
import Testing

/// Bad image bytes give a typed error, never a crash, a hang or a large allocation.
@Suite("Image decoders on bad input")
struct ImageRobustnessTests {
    static let smallFixtures = ImageFixtures.names("png") + ImageFixtures.names("bmp") + ImageFixtures.names("gif")
    static let jpegFixtures = ["pdq/data/misc-images/wee.jpg", "pdq/data/misc-images/small.jpg",
                               "pdq/data/reg-test-input/labelme-subset/q0003.jpg", "pdq/data/bridge-mods/shrink-a-lot.jpg"]

    @Test("PNG, BMP, GIF cut at every length: a typed error, or (PNG cut after its last IDAT) the whole image",
          arguments: smallFixtures)
    func truncatedEverywhere(name: String) throws {
        let bytes = try Fixtures.bytes("images/" + name)
        let whole = try ImageDecoder.decode(bytes)
        for length in 0..<bytes.count {
            do {
                let image = try ImageDecoder.decode(Array(bytes[0..<length]))
                #expect(image == whole, "\(name) cut at \(length) decoded to a different image")
            } catch {
                #expect([.truncated, .corrupt, .unknownFormat].contains(error.code), "\(name) at \(length): \(error)")
            }
        }
    }

    @Test("JPEG cut at seeded random points: a typed error or libjpeg's partial image of the full size",
          arguments: jpegFixtures)
    func truncatedJPEG(path: String) throws {
        let bytes = try Fixtures.bytes(path)
        let whole = try ImageDecoder.decode(bytes)
        var random = SeededGenerator(seed: 0x1A2B_3C4D)
        for _ in 0..<48 {
            let length = Int.random(in: 0..<bytes.count, using: &random)
            do {
                let image = try ImageDecoder.decode(Array(bytes[0..<length]))
                #expect(image.width == whole.width && image.height == whole.height)
            } catch {
                #expect([.truncated, .corrupt, .unknownFormat].contains(error.code), "\(path) at \(length): \(error)")
            }
        }
    }

    @Test("seeded random byte corruption never crashes any decoder", arguments: smallFixtures + jpegFixtures)
    func corrupted(name: String) throws {
        let bytes = try Fixtures.bytes(name.hasPrefix("pdq/") ? name : "images/" + name)
        var random = SeededGenerator(seed: UInt64(name.utf8.count) &* 7919)
        for _ in 0..<64 {
            var copy = bytes
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                copy[Int.random(in: 0..<copy.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            _ = try? ImageDecoder.decode(copy)
            _ = try? ImageDecoder.decodeFrames(copy)
        }
    }

    @Test("decompression bombs are refused before allocation", arguments: [
        ("png-100000x100000.png", ImageDecodingError.Code.tooLarge),
        ("png-idat-64mib.png", .corrupt),
        ("gif-screen-65535.gif", .tooLarge),
        ("gif-frame-65535.gif", .tooLarge),
    ])
    func bombs(name: String, code: ImageDecodingError.Code) throws {
        let bytes = try Fixtures.bytes("images/bombs/" + name)
        let clock = ContinuousClock()
        var result: Result<DecodedImage, ImageDecodingError>? = nil
        let elapsed = clock.measure {
            result = Result { () throws(ImageDecodingError) -> DecodedImage in try ImageDecoder.decode(bytes) }
        }
        switch result! {
        case .success: Issue.record("\(name) decoded")
        case .failure(let error): #expect(error.code == code, "\(name): \(error)")
        }
        #expect(elapsed < .seconds(2))
    }

    @Test("the pixel limit applies to every format, checked on the header")
    func pixelLimit() throws {
        let limits = ImageLimits(maxPixels: 100)
        for name in ["rgb8.png", "bmp-rgb24.bmp", "animated.gif"] {
            #expect(throws: ImageDecodingError.self) { try ImageDecoder.decode(Fixtures.bytes("images/" + name), limits: limits) }
        }
        #expect(throws: ImageDecodingError.self) {
            try ImageDecoder.decode(Fixtures.bytes("pdq/data/misc-images/wee.jpg"), limits: ImageLimits(maxPixels: 1000))
        }
    }
}
