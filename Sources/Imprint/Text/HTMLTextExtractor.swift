import ImprintHashing

/// HTML to text for fingerprinting: a linear pass of `HTMLTokenizer` with a bounded stack of
/// open elements that tracks the presentation state hidden-text tricks rely on.
///
/// Rules: `script`, `style`, `title`, `template`, `iframe`, `noembed` and `noframes`
/// contents are dropped, and so is text inside `head` (until `</head>`, `<body>` or a body
/// element); comments
/// and declarations are dropped; block elements and `br` become line breaks, table cells a
/// space; entities are decoded (`HTMLEntities`); white space runs collapse to one space;
/// invisible characters are counted and left out. Text hidden by zero font size,
/// `display:none`/`hidden`/`opacity:0`, `visibility:hidden` or a colour near its background
/// (default: black on white) goes to `HiddenTextFeatures.text` instead of the visible text.
public struct HTMLTextExtractor: Sendable {
    /// Bounds on what one document can make the extractor keep. Input beyond them is still
    /// read (the cost stays linear); only what is kept is capped.
    public struct Limits: Sendable {
        /// Open elements tracked (default 256); deeper elements inherit the deepest state.
        public var depth = 256
        /// Links kept (default 2,000).
        public var links = 2_000
        /// Images kept (default 2,000).
        public var images = 2_000
        /// Bytes of anchor text kept per link (default 256).
        public var anchorTextBytes = 256
        /// Bytes of hidden text kept (default 65,536).
        public var hiddenTextBytes = 65_536
        public init() {}
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Extracts text, links, images and hidden-text features from an HTML document.
    /// - Complexity: O(n) in the input length (times the constant `limits.depth` for end tags).
    public func extract(_ html: String) -> HTMLText {
        var html = html
        return html.withUTF8 { extract($0) }
    }

    /// Extracts from UTF-8 bytes (decode other charsets with `CharsetDecoder` first).
    public func extract(_ bytes: UnsafeBufferPointer<UInt8>) -> HTMLText {
        HTMLExtractionScratch.withThreadScratch { extract(bytes, buffers: &$0.buffers) }
    }

    /// `extract(_:)` working in `buffers` (empty; given back emptied of nothing the result needs).
    func extract(_ bytes: UnsafeBufferPointer<UInt8>, buffers: inout HTMLExtractionState.Buffers) -> HTMLText {
        let (text, hiddenText) = extractText(bytes, buffers: &buffers)
        return HTMLText(text: text, links: buffers.references.htmlLinks, images: buffers.references.htmlImages, hiddenText: hiddenText)
    }

    /// `extract(_:)` for feature extraction: `body` reads the links and images in byte form, in
    /// this thread's scratch (valid during the call only), without a String made of each.
    func withExtraction<Result>(of html: String,
                                _ body: (_ text: String, _ hiddenText: HiddenTextFeatures, _ references: HTMLReferences) -> Result) -> Result {
        var html = html
        return html.withUTF8 { bytes in
            HTMLExtractionScratch.withThreadScratch { scratch in
                let (text, hiddenText) = extractText(bytes, buffers: &scratch.buffers)
                return body(text, hiddenText, scratch.buffers.references)
            }
        }
    }

    /// The pass of `extract(_:)` in `buffers` (empty): the visible text and hidden-text features,
    /// with the links and images left in `buffers.references`.
    func extractText(_ bytes: UnsafeBufferPointer<UInt8>, buffers: inout HTMLExtractionState.Buffers) -> (text: String, hiddenText: HiddenTextFeatures) {
        var state = HTMLExtractionState(bytes: bytes, limits: limits, buffers: &buffers)
        defer { state.giveBack(&buffers) }
        var tokenizer = HTMLTokenizer(bytes)
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                state.appendText(range)
            case .comment:
                continue
            case .endTag(let name):
                state.close(name)
            case .startTag(let name, let attributes, let selfClosing):
                let role = HTMLExtractionState.roles[name] ?? []
                if role.contains(.dropped) {
                    if !selfClosing { tokenizer.skipRawText(of: name) }
                    continue
                }
                state.open(name, role: role, attributes: attributes, selfClosing: selfClosing)
            }
        }
        return state.finish()
    }

    /// Elements whose content is never rendered as body text.
    static let droppedContent: Set<String> = ["script", "style", "title", "template", "iframe", "noembed", "noframes"]
}
