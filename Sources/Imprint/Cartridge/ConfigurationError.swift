/// Why a cartridge text file (`cartridge.cfg`, `categories.cats`, `whitelist.cfg`, or the
/// lines a micro-update adds to them) was refused: names the file, the 1-based line and,
/// for configuration, the key.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable { case syntax, unknownKey, badValue, duplicate, badPattern, tooLarge }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The line does not have the shape the format requires.
        public static let syntax = Code(.syntax)
        /// A `cartridge.cfg` key Imprint does not know.
        public static let unknownKey = Code(.unknownKey)
        /// A value outside what its key allows.
        public static let badValue = Code(.badValue)
        /// The same key or category twice in one file.
        public static let duplicate = Code(.duplicate)
        /// A whitelist regex that PCRE2 does not compile.
        public static let badPattern = Code(.badPattern)
        /// More lines or bytes than the file's documented limit.
        public static let tooLarge = Code(.tooLarge)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    public let reason: String
    /// The file (as given to the parser).
    public let path: String
    /// The 1-based line number (0 for the whole file).
    public let lineNumber: Int
    /// The configuration key concerned, when there is one.
    public let key: String?
    public let file: String
    public let line: UInt

    public var description: String {
        "\(path):\(lineNumber): " + (key.map { "'\($0)': " } ?? "") + "\(code): \(reason)"
    }

    @inline(never)
    static func make(_ code: Code, _ reason: String, path: String, line lineNumber: Int, key: String? = nil,
                     file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: code, reason: reason, path: path, lineNumber: lineNumber, key: key, file: file, line: line)
    }
}

/// The meaningful lines of a cartridge text file (LF or CRLF line ends): `#` comments and blank
/// lines dropped, surrounding white space trimmed, each with its 1-based number.
enum TextLines {
    /// Most lines in one text file (default 1,000,000).
    static let maxLines = 1_000_000

    /// The text of a cartridge text file's bytes (the contents of `path`).
    /// - Throws: `ConfigurationError.syntax` when the bytes are not UTF-8.
    static func text(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .make(.syntax, "not UTF-8 text", path: path, line: 0)
        }
        return text
    }

    static func split(_ text: String, path: String) throws(ConfigurationError) -> [(number: Int, text: Substring)] {
        var result: [(Int, Substring)] = []
        var number = 0
        // A Swift `Character` holds "\r\n" whole, so CRLF lines need their own separator.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            guard number <= maxLines else { throw .make(.tooLarge, "more than \(maxLines) lines", path: path, line: number) }
            let trimmed = raw.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            result.append((number, trimmed))
        }
        return result
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var slice = self
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
