/// A URL found in a message's text or HTML, normalized, with how it was found.
public struct ExtractedURL: Sendable, Hashable {
    /// Where the URL came from.
    public enum Origin: String, Sendable {
        /// Plain text (or the visible text of HTML).
        case text
        /// `a href`, `area href`, `form action`.
        case anchor, area, form
        /// An image source.
        case image
        /// A URL carried in another URL's query (`?url=`, Google's `/url?q=`): see `redirectDepth`.
        case redirect
    }

    /// How the URL was disguised in the text, if at all.
    public struct Disguise: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// A defanged or mangled scheme: `hxxp`, `h**p`, `h__p`, `fxp`, `http[:]//`.
        public static let scheme = Disguise(rawValue: 1)
        /// Defanged dots: `[.]`, `(.)`, `{.}`, `[dot]`, `(dot)`, `{dot}`.
        public static let dots = Disguise(rawValue: 2)
        /// No scheme at all: a bare `www.` or `host.tld` in the text.
        public static let bareHost = Disguise(rawValue: 4)
        /// In HTML, visible anchor text that names a different registered domain than the target.
        public static let mismatchedAnchorText = Disguise(rawValue: 8)
    }

    public var url: NormalizedURL
    /// The text the URL was read from (after HTML entity decoding), at most
    /// `NormalizedURL.maximumLength` bytes.
    public var raw: String
    public var origin: Origin
    public var disguise: Disguise
    /// 0 for a URL found directly; n for one found inside the query of a depth n-1 URL.
    public var redirectDepth: Int

    public init(url: NormalizedURL, raw: String, origin: Origin, disguise: Disguise = [], redirectDepth: Int = 0) {
        self.url = url
        self.raw = raw
        self.origin = origin
        self.disguise = disguise
        self.redirectDepth = redirectDepth
    }
}
