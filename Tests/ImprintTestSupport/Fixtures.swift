import Foundation

/// Test fixtures, read relative to this file: `Tests/Fixtures/<path>`.
public enum Fixtures {
    /// The `Tests/Fixtures` directory.
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The URL of a fixture.
    public static func url(_ path: String) -> URL {
        directory.appendingPathComponent(path)
    }

    /// The bytes of a fixture.
    public static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(path)))
    }

    /// The lines of a text fixture that are neither empty nor `#` comments, split on tabs.
    public static func table(_ path: String) throws -> [[Substring]] {
        let text = String(decoding: try bytes(path), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    /// The shared corpora and test vectors beside the checkout (`../shared`), when present.
    public static let shared: URL? = {
        let url = directory.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()
}
