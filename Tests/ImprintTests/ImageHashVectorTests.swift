import Foundation
import Imprint
import ImprintTestSupport
import Testing

/// aHash, dHash and pHash against the Python `imagehash` 4.3.2 package with Pillow.
@Suite("imagehash reference vectors")
struct ImageHashVectorTests {
    static let rows: [[Substring]] = (try? Fixtures.table("imagehash/expected.tsv")) ?? []

    @Test("ahash, dhash, phash within Hamming distance 4 of imagehash (whash is not implemented)")
    func vectors() throws {
        var checked = 0
        for row in Self.rows where row[1] != "whash" {
            let image = try ImageDecoder.decode(Fixtures.bytes("imagehash/data/\(row[0])"))
            let expected = try #require(UInt64(row[2], radix: 16))
            let hash: UInt64
            switch row[1] {
            case "ahash": hash = ImageHashes.averageHash(image)
            case "dhash": hash = ImageHashes.differenceHash(image)
            case "phash": hash = ImageHashes.perceptualHash(image)
            default: Issue.record("unknown algorithm \(row[1])"); continue
            }
            #expect(ImageHashes.distance(hash, expected) <= 4, "\(row[0]) \(row[1]): \(String(hash, radix: 16))")
            checked += 1
        }
        #expect(checked == 6)
    }

    @Test("Lanczos weights are normalized and the resampler keeps a flat image flat")
    func resampler() {
        let flat = DecodedImage(width: 37, height: 23, channels: 1, pixels: [UInt8](repeating: 131, count: 37 * 23))
        #expect(ImageHashes.averageHash(flat) == 0)  // nothing is above the mean of a flat image
        #expect(ImageHashes.differenceHash(flat) == 0)
        // Left half dark, right half light: the four left columns of the 8x8 are below the mean.
        var pixels = [UInt8](repeating: 20, count: 90 * 80)
        for y in 0..<80 { for x in 45..<90 { pixels[y * 90 + x] = 230 } }
        let split = DecodedImage(width: 90, height: 80, channels: 1, pixels: pixels)
        #expect(ImageHashes.averageHash(split) == 0x0F0F_0F0F_0F0F_0F0F)
    }
}
