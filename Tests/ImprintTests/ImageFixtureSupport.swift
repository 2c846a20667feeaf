import Foundation
import Imprint
import ImprintTestSupport

/// The fixtures `scripts/make_image_fixtures.py` writes to Tests/Fixtures/images.
enum ImageFixtures {
    /// Every fixture image file name with the given extension, sorted.
    static func names(_ ext: String) -> [String] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("images").path)) ?? []
        return all.filter { $0.hasSuffix("." + ext) }.sorted()
    }

    /// The expected pixels beside a fixture: `name.pgm` (gray) or `name.ppm` (RGB), binary PNM.
    static func expected(for name: String) throws -> DecodedImage {
        let stem = String(name[..<name.lastIndex(of: ".")!])
        let path = FileManager.default.fileExists(atPath: Fixtures.url("images/\(stem).pgm").path)
            ? "images/\(stem).pgm" : "images/\(stem).ppm"
        return try pnm(Fixtures.bytes(path))
    }

    /// Parses binary PGM (`P5`) or PPM (`P6`) with maxval 255.
    static func pnm(_ bytes: [UInt8]) throws -> DecodedImage {
        var fields: [String] = [], index = 0
        while fields.count < 4 {
            var token = ""
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x0A {
                token.append(Character(UnicodeScalar(bytes[index]))); index += 1
            }
            fields.append(token)
        }
        index += 1
        let channels = fields[0] == "P5" ? 1 : 3
        return DecodedImage(width: Int(fields[1])!, height: Int(fields[2])!, channels: channels,
                            pixels: Array(bytes[index...]))
    }
}
