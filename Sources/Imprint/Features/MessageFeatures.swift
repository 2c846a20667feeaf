/// What the fingerprints are computed from: the message's visible text, its links, images,
/// attachments, structure and sender, extracted once (the Features stage of the data flow).
public struct MessageFeatures: Sendable {
    /// An attachment or inline non-text leaf, decoded.
    public struct Attachment: Sendable {
        public var filename: String?
        public var mediaType: String
        public var bytes: [UInt8]
        public var isTruncated: Bool
    }

    /// The text a reader sees: every text/plain leaf as decoded, every text/html leaf reduced to
    /// text, in message order, separated by blank lines.
    public var visibleText: String
    /// `visibleText` through `TextNormalizer` (NFKC, case and homoglyph folding, invisible
    /// characters removed, numbers and tracking tokens masked, white space collapsed).
    public var normalizedText: String
    /// The decoded texts of the text leaves, as Pyzor digests them (HTML as text).
    public var textParts: [String]
    /// The decoded Subject.
    public var subject: String
    /// Links from plain text and HTML, normalized, de-duplicated in order.
    public var urls: [ExtractedURL]
    /// Hidden-text tricks summed over the HTML parts.
    public var hiddenText: HiddenTextFeatures
    /// Non-text leaves (attachments and inline images), decoded.
    public var attachments: [Attachment]
    /// The MIME tree as text: `multipart/alternative(text/plain,text/html)`.
    public var structure: String
    /// The sender's domain: the envelope MAIL FROM's, else the From header's (lower case).
    public var senderDomain: String?
    /// The client IP (given, or the first external Received hop).
    public var clientIP: IPAddress?
    /// Words of the message's own header fields as `name:word` (lower case), in order, without
    /// the fields that identify one message only (`HeaderWords.skipped`), each as its XXH3-64
    /// hash with seed `HeaderWords.hashSeed`.
    public var headerWords: [UInt64]
    /// Markup tokens of the HTML parts (`HTMLMarkupWords`), each as its XXH3-64 hash with seed
    /// `HTMLMarkupWords.hashSeed`.
    public var markupWords: [UInt64]
    /// Whether any body part was cut by `maxBodyLength` or a decoding limit.
    public var isTruncated: Bool
}

extension MessageFeatures {
    /// Most decoded text bytes (over all text leaves, in message order) that feature
    /// extraction reads: default 1 MiB. Text past it is not analyzed and `isTruncated` is set.
    ///
    /// Text analysis (HTML extraction, NFKC normalization, word tokens) runs at a few MB/s,
    /// so this bounds a message's scoring time (`HostileBounds`: a 3 MiB line took over 1 s);
    /// SpamAssassin scans 50 KB of a body part (`body_part_scan_size`) for the same reason.
    /// Attachments are not counted (they are hashed, not analyzed, and are bounded by
    /// `MessageLimits.maxDecodedPartSize`).
    public static let maxTextBytes = 1 << 20

    /// Extracts the features of a parsed message.
    public init(message: Message, extractor: HTMLTextExtractor = HTMLTextExtractor(),
                urlExtractor: URLExtractor = URLExtractor(), normalizer: TextNormalizer = TextNormalizer()) {
        self = FeatureExtractionScratch.withThreadScratch { scratch in
            Self(message: message, extractor: extractor, urlExtractor: urlExtractor, normalizer: normalizer, scratch: scratch)
        }
    }

    /// `init(message:...)` with its temporaries in `scratch` (HTML, URL and text stages borrow their own).
    init(message: Message, extractor: HTMLTextExtractor, urlExtractor: URLExtractor, normalizer: TextNormalizer,
         scratch: FeatureExtractionScratch) {
        var texts: [String] = []
        var urls: [ExtractedURL] = []
        var hidden = HiddenTextFeatures()
        var attachments: [Attachment] = []
        var truncated = message.isTruncated
        var markup: [UInt64] = []
        var textBudget = Self.maxTextBytes
        // Each part's decoded bytes are lent for the call (no copy); attachments keep a copy.
        message.forEachDecodedPart { part, body in
            truncated = truncated || body.isTruncated
            var textBytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            if part.isText {
                textBytes = UnsafeBufferPointer(rebasing: body.bytes.prefix(textBudget))
                textBudget -= textBytes.count
                truncated = truncated || textBytes.count < body.bytes.count
            }
            if part.isText, part.contentType.subtype == "html" {
                let source = CharsetDecoder.decode(textBytes, charset: part.charset)
                // Links and images stay in byte form, read where the extractor wrote them.
                extractor.withExtraction(of: source) { text, hiddenText, references in
                    HTMLMarkupWords.hashes(of: source, into: &scratch.markupHashes, scratch: scratch)
                    markup += scratch.markupHashes
                    texts.append(text)
                    urlExtractor.appendURLs(of: references, text: text, to: &urls)
                    hidden.add(hiddenText)
                }
            } else if part.isText {
                let text = CharsetDecoder.decode(textBytes, charset: part.charset)
                texts.append(text)
                urlExtractor.appendURLs(ofText: text, to: &urls)
            } else if !part.isMultipart, !part.isEmbeddedMessage {
                attachments.append(Attachment(filename: part.filename, mediaType: part.contentType.mediaType,
                                              bytes: Array(body.bytes), isTruncated: body.isTruncated))
            }
        }
        let visible = texts.joined(separator: "\n\n")
        Self.removeRepeatedURLs(&urls, seen: &scratch.seenURLs)
        self.init(
            visibleText: visible,
            normalizedText: normalizer.normalize(visible),
            textParts: texts,
            subject: message.headers["Subject"] ?? "",
            urls: urls,
            hiddenText: hidden,
            attachments: attachments,
            structure: Self.structure(of: message, part: message.root),
            senderDomain: Self.senderDomain(message),
            clientIP: message.envelope.clientIP,
            headerWords: HeaderWords.hashes(of: message.headers, token: &scratch.headerToken, value: &scratch.headerValue),
            markupWords: markup,
            isTruncated: truncated)
    }

    /// Keeps the first URL of each normalized form, in order (in place; `seen` is emptied first).
    static func removeRepeatedURLs(_ urls: inout [ExtractedURL], seen: inout Set<NormalizedURL>) {
        seen.removeAll(keepingCapacity: true)
        seen.reserveCapacity(urls.count)
        var kept = 0
        for index in urls.indices where seen.insert(urls[index].url).inserted {
            if kept != index { urls.swapAt(kept, index) }
            kept += 1
        }
        urls.removeSubrange(kept...)
    }

    /// The MIME tree of `part` as text: `type/subtype`, then its children's in parentheses.
    static func structure(of message: Message, part: MIMEPart) -> String {
        // A leaf is its media type (often a small string: no storage to reserve).
        if part.children.isEmpty { return part.contentType.mediaType }
        var text = ""
        text.reserveCapacity(64)
        appendStructure(of: message, part: part, to: &text)
        return text
    }

    static func appendStructure(of message: Message, part: MIMEPart, to text: inout String) {
        text += part.contentType.mediaType
        guard !part.children.isEmpty else { return }
        text += "("
        for (position, child) in part.children.enumerated() {
            if position > 0 { text += "," }
            appendStructure(of: message, part: message.parts[child], to: &text)
        }
        text += ")"
    }

    static func senderDomain(_ message: Message) -> String? {
        if let mailFrom = message.envelope.mailFrom, let domain = senderDomain(of: mailFrom) { return domain }
        if let from = message.headers["From"], let domain = senderDomain(of: from) { return domain }
        return nil
    }

    /// The domain after an address's last `@` (letters, digits, dots and hyphens, lower case),
    /// when it has a dot. ASCII text is read as bytes; other text as Characters
    /// (`senderDomainOfCharacters`, its twin: a byte test cannot tell where Characters end).
    static func senderDomain(of candidate: String) -> String? {
        // nil when not read as bytes (not ASCII, or not contiguous UTF-8); else the answer.
        let answer: String?? = candidate.utf8.withContiguousStorageIfAvailable { utf8 -> String?? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return .none }
            guard let at = utf8.lastIndex(of: UInt8(ascii: "@")) else { return .some(nil) }
            var end = at + 1
            var hasDot = false
            while end < utf8.count {
                let byte = utf8[end]
                guard URLTextScanner.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else { break }
                if byte == UInt8(ascii: ".") { hasDot = true }
                end += 1
            }
            return .some(hasDot ? ASCIIBytes.lowercasedString(UnsafeBufferPointer(rebasing: utf8[(at + 1)..<end])) : nil)
        } ?? nil
        return answer ?? senderDomainOfCharacters(candidate)
    }

    static func senderDomainOfCharacters(_ candidate: String) -> String? {
        guard let at = candidate.lastIndex(of: "@") else { return nil }
        let domain = candidate[candidate.index(after: at)...]
            .prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
            .lowercased()
        return domain.utf8.contains(UInt8(ascii: ".")) ? domain : nil
    }
}

extension HiddenTextFeatures {
    /// Adds another part's counts (the hidden text itself is kept only up to the first part's).
    mutating func add(_ other: HiddenTextFeatures) {
        zeroFontElements += other.zeroFontElements
        tinyFontElements += other.tinyFontElements
        displayNoneElements += other.displayNoneElements
        visibilityHiddenElements += other.visibilityHiddenElements
        lowContrastElements += other.lowContrastElements
        hiddenCharacters += other.hiddenCharacters
        tinyCharacters += other.tinyCharacters
        invisibleCharacters += other.invisibleCharacters
        if text.isEmpty { text = other.text }
    }
}
