import Foundation
import Imprint
import ImprintTestSupport
import Testing

/// PDQ against the ThreatExchange C++ reference (`pdqhash` 0.2.8 with Pillow RGB decoding).
@Suite("PDQ reference vectors")
struct PDQVectorTests {
    struct Row: Sendable, CustomStringConvertible {
        let path: String, hex: String, quality: Int
        var description: String { path }
    }

    static let rows: [Row] = ((try? Fixtures.table("pdq/expected_pdqhash_cpp.tsv")) ?? []).map {
        Row(path: String($0[0]), hex: String($0[1]), quality: Int($0[2]) ?? -1)
    }

    /// The bytes of a vector image: the copy in Tests/Fixtures, else the shared folder.
    static func bytes(_ path: String) -> [UInt8]? {
        if let bytes = try? Fixtures.bytes("pdq/" + path) { return bytes }
        guard let shared = Fixtures.shared else { return nil }
        return try? [UInt8](Data(contentsOf: shared.appendingPathComponent("testvectors/pdq/" + path)))
    }

    /// The reference decodes with Pillow, which leaves EXIF orientation alone.
    static func hash(_ bytes: [UInt8], minimumSide: Int? = nil) throws -> PDQHash {
        PDQ.hash(try ImageDecoder.decode(bytes, options: .init(minimumSide: minimumSide, appliesEXIFOrientation: false)))
    }

    @Test("every decodable vector within distance 10, quality within 5; median distance at most 2")
    func vectors() throws {
        #expect(Self.rows.count >= 40)
        var distances: [Int] = []
        for row in Self.rows {
            guard let bytes = Self.bytes(row.path) else { continue }
            if row.path.hasSuffix(".webp") {
                #expect(throws: ImageDecodingError.self) { try Self.hash(bytes) }
                continue
            }
            let hash = try Self.hash(bytes)
            let distance = hash.distance(to: PDQHash(hex: row.hex)!)
            #expect(distance <= 10, "\(row.path): distance \(distance)")
            #expect(abs(hash.quality - row.quality) <= 5, "\(row.path): quality \(hash.quality) vs \(row.quality)")
            distances.append(distance)
        }
        #expect(distances.count >= 38)
        let median = distances.sorted()[distances.count / 2]
        #expect(median <= 2)
    }

    @Test("the eight dihedral hashes of bridge-1 match the rotated and flipped files")
    func dihedral() throws {
        let names = ["1-original", "2-rotate-90", "3-rotate-180", "4-rotate-270", "5-flipx", "6-flipy",
                     "7-flip-plus-1", "8-flip-minus-1"]
        let variants: [PDQDihedral] = [.original, .rotate90, .rotate180, .rotate270, .flipX, .flipY, .flipPlus1, .flipMinus1]
        let original = try #require(Self.bytes("data/reg-test-input/dih/bridge-1-original.jpg"))
        let hashes = PDQ.dihedralHashes(try ImageDecoder.decode(original))
        for (name, variant) in zip(names, variants) {
            let expected = try #require(Self.rows.first { $0.path.hasSuffix("bridge-\(name).jpg") })
            let distance = hashes[variant.rawValue].distance(to: PDQHash(hex: expected.hex)!)
            #expect(distance <= 16, "\(name): \(distance)")
        }
        // Each variant is far from the original: they are different hashes.
        for variant in variants.dropFirst() { #expect(hashes[variant.rawValue].distance(to: hashes[0]) > 64) }
    }

    @Test("EXIF orientation: each exif-rotn photo, oriented, hashes as its dihedral variant")
    func exifOrientation() throws {
        // EXIF 3 = rotate 180, 6 = needs 90 clockwise (the reference's rotate270), 8 = needs 90 counter-clockwise.
        let cases: [(Int, PDQDihedral)] = [(1, .original), (3, .rotate180), (6, .rotate270), (8, .rotate90)]
        for (orientation, variant) in cases {
            guard let bytes = Self.bytes("data/reg-test-input/exif-rotn/exif-rotn-\(orientation).jpg") else { continue }
            #expect(bytes.withUnsafeBytes { EXIFOrientation.read($0) } == orientation)
            let stored = try ImageDecoder.decode(bytes, options: .init(minimumSide: 256, appliesEXIFOrientation: false))
            let shown = try ImageDecoder.decode(bytes, options: .init(minimumSide: 256))
            #expect(orientation < 5 ? shown.width == stored.width : shown.width == stored.height)
            let distance = PDQ.dihedralHashes(stored)[variant.rawValue].distance(to: PDQ.hash(shown))
            #expect(distance <= 16, "orientation \(orientation): \(distance)")
        }
    }

    @Test("hex round-trips and distance counts bits")
    func hexForm() throws {
        let text = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
        let hash = try #require(PDQHash(hex: text))
        #expect(hash.hex == text)
        #expect(hash.bit(255) == true && hash.bit(0) == false)
        #expect(hash.distance(to: PDQHash(hex: String(repeating: "0", count: 64))!) == 128)
        #expect(PDQHash(hex: "abc") == nil)
    }
}
