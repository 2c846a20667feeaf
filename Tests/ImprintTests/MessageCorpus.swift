import Foundation
import Imprint
import ImprintTestSupport

/// The messages of the shared corpora (`../shared/corpora`, all folders), mbox files split into
/// messages (`path#index`), and of the bundled corpus (`corpora/labels.tsv`).
enum MessageCorpus {
    /// Files that are not messages.
    static let skippedNames: Set<String> = ["labels.tsv", "SOURCES.md", "readme.txt", "SPAMTrain.label", "LICENSE", "LICENSE.md", "NOTICE", "NOTICE.md"]

    /// The shared corpora root, or nil when absent (tests then skip with a note).
    static var sharedRoot: URL? { Fixtures.shared?.appendingPathComponent("corpora") }

    /// The files under `root` (paths relative to it), sorted: no folders, hidden files,
    /// `skippedNames`, or names with one of `skippedExtensions` (lower case).
    static func filePaths(under root: URL, skippingExtensions skippedExtensions: Set<String> = []) -> [String] {
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            let name = (path as NSString).lastPathComponent
            let ext = (name as NSString).pathExtension.lowercased()
            if isDirectory.boolValue || name.hasPrefix(".") || skippedNames.contains(name) || skippedExtensions.contains(ext) { continue }
            paths.append(path)
        }
        return paths.sorted()
    }

    /// Every message under the shared corpora, in path order: (name, bytes). Images are skipped.
    static func sharedMessages() -> [(name: String, bytes: [UInt8])] {
        guard let root = sharedRoot else { return [] }
        let paths = filePaths(under: root, skippingExtensions: ["jpg", "jpeg", "png", "gif", "tsv"])
        var messages: [(String, [UInt8])] = []
        for path in paths {
            guard let bytes = try? FileBytes.read(root.appendingPathComponent(path).path) else { continue }
            if path.hasSuffix(".mbox") {
                for (index, range) in Mbox.messageRanges(in: bytes).enumerated() {
                    messages.append(("\(path)#\(index)", Array(bytes[range])))
                }
            } else {
                messages.append((path, bytes))
            }
        }
        return messages
    }

    /// The bundled corpus (`corpora/` in the checkout): (relative path, bytes).
    static func bundledMessages() throws -> [(name: String, bytes: [UInt8])] {
        let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpora")
        let text = String(decoding: try FileBytes.read(root.appendingPathComponent("labels.tsv").path), as: UTF8.self)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let path = String(line.split(separator: "\t")[0])
            return (path, try FileBytes.read(root.appendingPathComponent(path).path))
        }
    }
}
