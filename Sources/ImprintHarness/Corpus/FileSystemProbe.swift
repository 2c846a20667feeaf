import Foundation

/// What is at a path: the one file-system question corpus parsing asks, injectable for tests.
public struct FileSystemProbe: Sendable {
    public enum Kind: Sendable, Equatable { case file, directory, missing }

    public let kind: @Sendable (String) -> Kind

    public init(kind: @escaping @Sendable (String) -> Kind) { self.kind = kind }

    /// The real file system.
    public static let live = FileSystemProbe { path in
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .directory : .file
    }
}
