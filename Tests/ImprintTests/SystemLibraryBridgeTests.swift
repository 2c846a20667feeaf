@testable import Imprint
import ImprintTestSupport
import Testing

/// Each system-library bridge does real work: a PCRE2 JIT match, a zlib inflate, a libjpeg
/// decode and a giflib decode, on real data, including the failure paths.
@Suite struct SystemLibraryBridgeTests {
    static let palette: [(UInt8, UInt8, UInt8)] = [(255, 0, 0), (0, 160, 0), (0, 0, 255), (255, 255, 255)]

    /// The checkerboard that `scripts/make_bridge_fixtures.py` draws.
    static func checkerColor(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        palette[(x / 4 + y / 4) % 4]
    }

    // MARK: PCRE2

    @Test func pcre2CompilesWithJITAndMatches() throws {
        let pattern = try PCRE2Pattern(#"^From:.*@(example\.(com|org))>?$"#, options: [.caseInsensitive, .multiline])
        #expect(pattern.isJITCompiled)
        let header = "Subject: hi\nfrom: Alice <alice@EXAMPLE.org>\n"
        let range = try Array(header.utf8).withUnsafeBytes { try pattern.firstMatch(in: $0) }
        #expect(range == 12..<43)
        #expect(try pattern.matches("From: bob@example.net") == false)
    }

    @Test func pcre2CatastrophicPatternStopsAtTheMatchLimit() throws {
        let pattern = try PCRE2Pattern("(a+)+$")
        let subject = String(repeating: "a", count: 30) + "b"
        #expect(throws: PatternError.self) { try pattern.matches(subject) }
        do {
            _ = try pattern.matches(subject)
        } catch {
            #expect(error.code == .matchLimitExceeded)
        }
    }

    @Test func pcre2RejectsABadPatternWithItsOffset() {
        #expect {
            try PCRE2Pattern("abc(")
        } throws: { error in
            (error as? PatternError)?.code == .compileFailed
                && (error as? PatternError)?.reason.contains("offset 4") == true
        }
    }

    // MARK: zlib

    @Test func zlibInflatesAndChecksCRC() throws {
        // zlib.compress(b"hello, hello, hello, hello\n") in Python.
        let compressed: [UInt8] = [120, 156, 203, 72, 205, 201, 201, 215, 81, 200, 192, 164, 184, 0, 133, 85, 9, 63]
        let inflated = try Inflater(format: .zlib).inflate(compressed, maxOutput: 1024)
        #expect(String(decoding: inflated, as: UTF8.self) == "hello, hello, hello, hello\n")
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test(arguments: [Inflater.Format.zlib, .gzip, .raw])
    func zlibRoundTripsAndBoundsABomb(format: Inflater.Format) throws {
        var random = SeededGenerator(seed: 1)
        let text = random.bytes(100_000)
        let packed = Deflater.compress(text, format: format)
        #expect(try Inflater(format: format).inflate(packed, maxOutput: text.count) == text)

        // 16 MiB of zeros deflate to ~16 KiB: a small bomb, stopped at the limit.
        let bomb = Deflater.compress([UInt8](repeating: 0, count: 16 << 20), format: format, level: 9)
        #expect(bomb.count < 20_000)
        #expect { try Inflater(format: format).inflate(bomb, maxOutput: 1 << 20) } throws: {
            ($0 as? InflateError)?.code == .outputLimitExceeded
        }
        #expect { try Inflater(format: format).inflate(Array(packed.prefix(packed.count / 2)), maxOutput: 1 << 20) }
            throws: { ($0 as? InflateError)?.code == .truncated }
    }

    @Test func zlibReportsCorruptInput() {
        #expect { try Inflater(format: .zlib).inflate([0x78, 0x9c, 0xff, 0xff, 0xff], maxOutput: 100) } throws: {
            ($0 as? InflateError)?.code == .corrupt
        }
        #expect { try Inflater(format: .gzip).inflate(Array("plain text".utf8), maxOutput: 100) } throws: {
            ($0 as? InflateError)?.code == .corrupt
        }
    }

    // MARK: libjpeg

    @Test(arguments: ["checker.jpg", "checker-progressive.jpg"])
    func jpegDecodesTheCheckerboard(name: String) throws {
        let bytes = try Fixtures.bytes("bridges/\(name)")
        let image = try bytes.withUnsafeBytes { try JPEGDecoder.decode($0) }
        #expect(image.width == 24 && image.height == 16 && image.channels == 3)
        var worst = 0
        for y in 0..<16 {
            for x in 0..<24 {
                let expected = Self.checkerColor(x: x, y: y)
                let offset = 3 * (y * 24 + x)
                worst = max(worst, abs(Int(image.pixels[offset]) - Int(expected.0)),
                            abs(Int(image.pixels[offset + 1]) - Int(expected.1)),
                            abs(Int(image.pixels[offset + 2]) - Int(expected.2)))
            }
        }
        #expect(worst <= 48, "largest channel error \(worst)")
    }

    @Test func jpegGrayscaleStaysOneChannelAndScalesWithDCT() throws {
        let bytes = try Fixtures.bytes("bridges/checker-gray.jpg")
        let gray = try bytes.withUnsafeBytes { try JPEGDecoder.decode($0) }
        #expect(gray.channels == 1 && gray.width == 24)
        let half = try bytes.withUnsafeBytes { try JPEGDecoder.decode($0, minSide: 8) }
        #expect(half.width == 12 && half.height == 8)
    }

    @Test func jpegCorruptTruncatedAndOversizedInputGiveTypedErrors() throws {
        let bytes = try Fixtures.bytes("bridges/checker.jpg")
        #expect { try [UInt8]("not a jpeg".utf8).withUnsafeBytes { try JPEGDecoder.decode($0) } } throws: {
            ($0 as? ImageDecodingError)?.code == .corrupt
        }
        #expect { try [UInt8]().withUnsafeBytes { try JPEGDecoder.decode($0) } } throws: {
            ($0 as? ImageDecodingError)?.code == .corrupt
        }
        let tiny = ImageLimits(maxPixels: 100)
        #expect { try bytes.withUnsafeBytes { try JPEGDecoder.decode($0, limits: tiny) } } throws: {
            ($0 as? ImageDecodingError)?.code == .tooLarge
        }
        // Every truncation either decodes (libjpeg pads a cut scan) or fails with a typed error.
        var random = SeededGenerator(seed: 7)
        for _ in 0..<64 {
            let cut = Int.random(in: 0..<bytes.count, using: &random)
            do {
                let image = try bytes[0..<cut].withUnsafeBytes { try JPEGDecoder.decode($0) }
                #expect(image.width == 24)
            } catch {
                #expect((error as? ImageDecodingError)?.code == .corrupt)
            }
        }
    }

    // MARK: giflib

    @Test(arguments: ["checker.gif", "checker-interlaced.gif"])
    func gifDecodesTheCheckerboardExactly(name: String) throws {
        let bytes = try Fixtures.bytes("bridges/\(name)")
        let image = try bytes.withUnsafeBytes { try GIFDecoder.decodeFirstFrame($0) }
        #expect(image.width == 24 && image.height == 16 && image.channels == 3)
        var mismatches = 0
        for y in 0..<16 {
            for x in 0..<24 {
                let expected = Self.checkerColor(x: x, y: y)
                let offset = 3 * (y * 24 + x)
                if (image.pixels[offset], image.pixels[offset + 1], image.pixels[offset + 2]) != expected {
                    mismatches += 1
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func gifInterlacedRowOrderCoversEveryRowOnce() {
        for height in [1, 2, 5, 8, 16, 23] {
            let order = GIFCanvas.rowOrder(height: height, interlaced: true)
            #expect(order.sorted() == Array(0..<height))
        }
        #expect(GIFCanvas.rowOrder(height: 16, interlaced: true).prefix(3) == [0, 8, 4])
    }

    @Test func gifTruncatedAndHugeHeadersGiveTypedErrors() throws {
        let bytes = try Fixtures.bytes("bridges/checker.gif")
        let full = try bytes.withUnsafeBytes { try GIFDecoder.decodeFirstFrame($0) }
        // Every cut fails with a typed error, except cuts past the last pixel (the trailer), which decode whole.
        for cut in 0..<bytes.count {
            do {
                let image = try bytes[0..<cut].withUnsafeBytes { try GIFDecoder.decodeFirstFrame($0) }
                #expect(image == full && cut >= bytes.count - 3, "cut at \(cut)")
            } catch {
                #expect(error is ImageDecodingError)
            }
        }
        // A valid header declaring a 65535x65535 screen is refused before any pixel is allocated.
        var huge = bytes
        huge[6] = 0xFF; huge[7] = 0xFF; huge[8] = 0xFF; huge[9] = 0xFF
        #expect { try huge.withUnsafeBytes { try GIFDecoder.decodeFirstFrame($0) } } throws: {
            ($0 as? ImageDecodingError)?.code == .tooLarge
        }
    }
}
