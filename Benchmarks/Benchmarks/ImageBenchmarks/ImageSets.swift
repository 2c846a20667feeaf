import BenchmarkSupport
import Foundation
import Imprint

/// The encoded images of each format, read once per process.
enum ImageSets {
    static let formats = ["JPEG", "PNG", "GIF", "BMP"]

    /// The converted copies `references/make_image_formats.py` writes (png/, gif/, bmp/).
    static let converted = BenchPaths.repository + "/Benchmarks/.build/image-formats"

    /// Every format's images, read on first use.
    static let all: [String: [[UInt8]]] = Dictionary(uniqueKeysWithValues: formats.map { ($0, load($0)) })

    static func images(_ format: String) -> [[UInt8]] { all[format] ?? [] }

    static func load(_ format: String) -> [[UInt8]] {
        if format == "JPEG" { return read(under: BenchPaths.imageCorpus, format: .jpeg) }
        let folder = converted + "/" + format.lowercased()
        let wanted = ImageFormat.allCases.first { $0.rawValue.lowercased() == format.lowercased() }
        if FileManager.default.fileExists(atPath: folder) { return read(under: folder, format: wanted) }
        return read(under: BenchPaths.repository + "/Tests/Fixtures", format: wanted).filter { $0.count > 1024 }
    }

    /// Files under `root` whose bytes sniff as `format` (bomb fixtures excluded), sorted by path.
    static func read(under root: String, format: ImageFormat?) -> [[UInt8]] {
        guard let format, let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        for case let path as String in walker where !path.contains("bombs") { paths.append(path) }
        return paths.sorted().compactMap { path -> [UInt8]? in
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
            let bytes = [UInt8](data)
            return ImageFormat.sniff(bytes) == format ? bytes : nil
        }
    }
}
