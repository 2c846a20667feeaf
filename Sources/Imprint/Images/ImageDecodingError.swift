/// Why an image could not be decoded. The rest of the message is still scored.
public struct ImageDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case corrupt, truncated, tooLarge, tooManyScans, tooManyFrames, unsupported, noMemory, unknownFormat
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The bytes are not a valid image of the format (including truncation).
        public static let corrupt = Code(.corrupt)
        /// The bytes end before the image does (a cut-off attachment). No partial image is returned.
        public static let truncated = Code(.truncated)
        /// The bytes start with no signature of a format Imprint knows (JPEG, PNG, GIF, BMP).
        public static let unknownFormat = Code(.unknownFormat)
        /// The declared size is over `ImageLimits.maxPixels`; nothing was allocated.
        public static let tooLarge = Code(.tooLarge)
        /// A progressive JPEG has more scans than `ImageLimits.maxJPEGScans`.
        public static let tooManyScans = Code(.tooManyScans)
        /// A GIF has more frames than `ImageLimits.maxFrames`.
        public static let tooManyFrames = Code(.tooManyFrames)
        /// A valid image of a kind Imprint does not decode.
        public static let unsupported = Code(.unsupported)
        /// The output buffer could not be allocated.
        public static let noMemory = Code(.noMemory)

        public var description: String { String(describing: base) }
    }

    public let code: Code
    public let reason: String
    public let file: String
    public let line: UInt

    public var description: String { "image: \(code): \(reason)" }

    @inline(never)
    static func make(_ code: Code, _ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: code, reason: reason, file: file, line: line)
    }
}
