import Foundation
import Imprint
import ImprintTestSupport
import Testing

/// How many `image_spam_hunter` images keep their PDQ match (distance <= 31) under the edits
/// spammers use. A seeded sample of 48 images by default; the whole corpus with
/// `IMPRINT_PDQ_ROBUSTNESS=full` (run it in release: `swift test -c release --filter PDQRobustness`).
/// Prints the table; the floors asserted sit under the fractions measured on the whole corpus
/// (PDQ is known to be crop-sensitive: no floor for the crop).
@Suite("PDQ robustness on image_spam_hunter")
struct PDQRobustnessTests {
    static func corpus() -> [URL] {
        guard let shared = Fixtures.shared else { return [] }
        let root = shared.appendingPathComponent("corpora/image_spam_hunter")
        var files: [URL] = []
        for folder in ["ham", "spam"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            files += names.sorted().map { root.appendingPathComponent(folder).appendingPathComponent($0) }
        }
        guard ProcessInfo.processInfo.environment["IMPRINT_PDQ_ROBUSTNESS"] != "full" else { return files }
        var random = SeededGenerator(seed: 2026)
        return Array(files.shuffled(using: &random).prefix(48))
    }

    @Test("fraction within distance 31 after each edit; distinct pairs rarely within 31")
    func table() throws {
        let files = Self.corpus()
        guard !files.isEmpty else { return }
        let edits: [(String, Bool, (DecodedImage, inout SeededGenerator) throws -> DecodedImage)] = [
            ("JPEG re-encode q50", false, { image, _ in try ImageDecoder.decode(JPEGEncoder.encode(image, quality: 50)) }),
            ("resize 50%", false, { image, _ in image.halved() }),
            ("crop 5%", false, { image, _ in image.cropped(fraction: 0.05) }),
            ("rotate 90 (dihedral)", true, { image, _ in image.oriented(8) }),
            ("flip (dihedral)", true, { image, _ in image.oriented(2) }),
            ("brightness +20%", false, { image, _ in image.brightened(by: 1.2) }),
            ("noise +-16", false, { image, random in image.withNoise(amplitude: 16, using: &random) }),
            ("text overlay", false, { image, random in image.withTextOverlay(using: &random) }),
        ]
        var kept = [Int](repeating: 0, count: edits.count)
        var originals: [PDQHash] = []
        var random = SeededGenerator(seed: 31)
        for file in files {
            guard let image = try? ImageDecoder.decode([UInt8](Data(contentsOf: file)), options: .pdq) else { continue }
            let dihedral = PDQ.dihedralHashes(image)
            originals.append(dihedral[0])
            for (index, (_, useDihedral, edit)) in edits.enumerated() {
                let hash = PDQ.hash(try edit(image, &random))
                let distance = useDihedral ? dihedral.map { $0.distance(to: hash) }.min()! : dihedral[0].distance(to: hash)
                if distance <= PDQHash.matchThreshold { kept[index] += 1 }
            }
        }
        var pairs = 0, close = 0
        for i in originals.indices {
            for j in originals.indices where j > i {
                pairs += 1
                if originals[i].distance(to: originals[j]) <= PDQHash.matchThreshold { close += 1 }
            }
        }
        let n = Double(originals.count)
        print("PDQ robustness over \(originals.count) images (match: distance <= 31)")
        for (index, edit) in edits.enumerated() {
            print("| \(edit.0) | \(String(format: "%.3f", Double(kept[index]) / n)) |")
        }
        print("| distinct pairs within 31 | \(String(format: "%.5f", Double(close) / Double(max(1, pairs)))) (\(close) of \(pairs)) |")
        #expect(originals.count == files.count)
        let floors = [0.9, 0.5, 0.0, 0.7, 0.7, 0.9, 0.9, 0.5]
        for (index, floor) in floors.enumerated() {
            #expect(Double(kept[index]) / n >= floor, "\(edits[index].0): \(kept[index]) of \(originals.count)")
        }
        #expect(Double(close) / Double(max(1, pairs)) < 0.05)
    }
}
