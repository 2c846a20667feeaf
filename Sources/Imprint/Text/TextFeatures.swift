/// The text features of one MIME text part, in the form the fingerprints consume: the text a
/// reader sees, its normalized form and words, the URLs and hosts it points at, and (for HTML)
/// the links, images and hidden-text tricks.
///
/// The layer, stage by stage (each usable alone, each linear in its input):
/// - `CharsetDecoder`: bytes in a declared charset to Unicode (never throws);
/// - `HTMLTextExtractor`: HTML to visible text, links, images, `HiddenTextFeatures`;
/// - `URLExtractor`: URLs from text and HTML, defanged spellings repaired, redirect targets
///   unwrapped, each as a `NormalizedURL` with a `NormalizedHost` and its registered domain
///   (`PublicSuffixList`);
/// - `TextNormalizer`: the normalization every text fingerprint shares; `TextTokenizer`: words.
public struct TextFeatures: Sendable {
    /// The visible text (for plain text, the decoded text itself).
    public var text: String
    /// `text` normalized by `TextNormalizer`.
    public var normalized: String
    /// URLs in document order (links, images, then text; redirect targets after their carrier).
    public var urls: [ExtractedURL]
    /// HTML details, nil for plain text.
    public var html: HTMLText?

    /// The distinct hosts of `urls`, in first-seen order.
    public var hosts: [NormalizedHost] { URLExtractor.hosts(of: urls) }

    /// The words of `normalized`, for shingles.
    public var words: [String] { TextTokenizer.words(in: normalized) }

    /// Features of a text part given as bytes in a declared charset.
    /// - Parameters:
    ///   - bytes: the part's decoded body (after Content-Transfer-Encoding).
    ///   - charset: the declared charset, nil when none.
    ///   - isHTML: true for text/html.
    public init(bytes: some Collection<UInt8>, charset: String?, isHTML: Bool) {
        self.init(text: CharsetDecoder.decode(bytes, charset: charset), isHTML: isHTML)
    }

    /// Features of a text part already decoded to Unicode.
    public init(text: String, isHTML: Bool) {
        if isHTML {
            let html = HTMLTextExtractor().extract(text)
            self.text = html.text
            self.html = html
            urls = URLExtractor().urls(in: html)
        } else {
            self.text = text
            html = nil
            urls = URLExtractor().urls(inText: text)
        }
        normalized = TextNormalizer().normalize(self.text)
    }
}
