import ImprintHashing

/// URLs and hosts from plain text and HTML, normalized (`NormalizedURL`), with redirect
/// targets unwrapped from query parameters.
///
/// Redirects: every query parameter whose value, percent-decoded up to twice, begins with
/// `http://`, `https://`, `//` or `www.` is read as a URL (this covers `?url=`, `?u=`,
/// `?redirect=`, Google's `/url?q=` and the many names trackers use, without a list of names),
/// to `Limits.redirectDepth` levels.
public struct URLExtractor: Sendable {
    public struct Limits: Sendable {
        /// URLs kept per call (default 1,000); the rest of the input is not scanned.
        public var urls = 1_000
        /// Levels of URLs-inside-URLs followed (default 3).
        public var redirectDepth = 3
        public init() {}
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// URLs in plain text, in order of appearance, each followed by its redirect targets.
    /// - Complexity: O(n) in the text length.
    public func urls(inText text: String) -> [ExtractedURL] {
        var found: [ExtractedURL] = []
        appendURLs(inText: text, origin: .text, to: &found)
        return found
    }

    /// URLs of an HTML part: link targets (with a mismatched-anchor-text check), image sources
    /// (http, https and ftp only; `cid:` references stay in `HTMLText.images`), then URLs in
    /// the visible text.
    public func urls(in html: HTMLText) -> [ExtractedURL] {
        var found: [ExtractedURL] = []
        appendURLs(of: html, to: &found)
        return found
    }

    /// Appends `urls(in: html)` to `urls` (the limits count this call's URLs only).
    func appendURLs(of html: HTMLText, to urls: inout [ExtractedURL]) {
        appendURLs(of: HTMLReferences(html), text: html.text, to: &urls)
    }

    /// Appends the URLs of an HTML part, given its links and images in byte form and its
    /// visible text, to `urls` (as `appendURLs(of:to:)`), built in this thread's `URLExtractionScratch`.
    func appendURLs(of references: HTMLReferences, text: String, to urls: inout [ExtractedURL]) {
        URLExtractionScratch.withThreadScratch { scratch in
            scratch.found.removeAll(keepingCapacity: true)
            appendURLs(of: references, text: text, to: &scratch.found, scratch: scratch)
            urls += scratch.found
        }
    }

    /// Appends `urls(inText: text)` to `urls` (the limits count this call's URLs only).
    func appendURLs(ofText text: String, to urls: inout [ExtractedURL]) {
        URLExtractionScratch.withThreadScratch { scratch in
            scratch.found.removeAll(keepingCapacity: true)
            appendURLs(inText: text, origin: .text, to: &scratch.found, scan: &scratch.scan)
            urls += scratch.found
        }
    }

    private func appendURLs(of references: HTMLReferences, text: String, to found: inout [ExtractedURL], scratch: URLExtractionScratch) {
        references.bytes.withUnsafeBufferPointer { bytes in
            // The memo's keys point into `bytes`: it forgets them before they go.
            defer { scratch.memo.removeAll(retainingAtMost: ThreadScratchSlot.retainedBytesLimit) }
            for link in references.links where found.count < limits.urls {
                let origin: ExtractedURL.Origin = link.kind == .anchor ? .anchor : link.kind == .area ? .area : .form
                guard let target = scratch.memo.target(UnsafeBufferPointer(rebasing: bytes[link.target]), withDomain: true),
                      let domain = target.domain else { continue }
                var disguise: ExtractedURL.Disguise = []
                if scratch.memo.shownDomains(UnsafeBufferPointer(rebasing: bytes[link.text]), extractor: self,
                                             urls: &scratch.shownURLs, scan: &scratch.scan).contains(where: { $0 != domain }) {
                    disguise.insert(.mismatchedAnchorText)
                }
                append(ExtractedURL(url: target.url, raw: target.raw, origin: origin, disguise: disguise), to: &found)
            }
            for image in references.images where found.count < limits.urls && !image.isContentID {
                guard let target = scratch.memo.target(UnsafeBufferPointer(rebasing: bytes[image.source]), withDomain: false) else { continue }
                append(ExtractedURL(url: target.url, raw: target.raw, origin: .image), to: &found)
            }
        }
        appendURLs(inText: text, origin: .text, to: &found, scan: &scratch.scan)
    }

    /// The distinct hosts of `urls`, in first-seen order.
    public static func hosts(of urls: [ExtractedURL]) -> [NormalizedHost] {
        var seen = Set<String>()
        return urls.compactMap { seen.insert($0.url.host.name).inserted ? $0.url.host : nil }
    }

    /// An attribute value as an absolute URL: a recognized scheme, or `www.`/`//` taken as http.
    /// (`absoluteURL(utf8:)` is its twin on bytes.)
    static func absoluteURL(_ target: String) -> NormalizedURL? {
        let trimmed = target.trimmingSpacesAndControls()
        if let url = NormalizedURL(trimmed) { return url }
        let lower = trimmed.prefix(4).lowercased()
        if lower == "www." { return NormalizedURL("http://" + trimmed) }
        if trimmed.hasPrefix("//") { return NormalizedURL("http:" + trimmed) }
        return nil
    }

    /// The text scanner's working buffers.
    struct TextScan {
        var matches: [URLTextScanner.Match] = []
        var body = URLTextScanner.BodyBuffers()

        mutating func removeAll(retainingAtMost limit: Int) {
            matches.removeAll(keepingCapacity: matches.capacity * MemoryLayout<URLTextScanner.Match>.stride <= limit)
            body.removeAll(retainingAtMost: limit)
        }
    }

    /// Appends the URLs of `text` (up to `limits.urls` in `found`, counting what it holds).
    func appendURLs(inText text: String, origin: ExtractedURL.Origin, to found: inout [ExtractedURL]) {
        URLExtractionScratch.withThreadScratch { appendURLs(inText: text, origin: origin, to: &found, scan: &$0.scan) }
    }

    func appendURLs(inText text: String, origin: ExtractedURL.Origin, to found: inout [ExtractedURL], scan: inout TextScan) {
        var text = text
        text.withUTF8 { appendURLs(inUTF8: $0, origin: origin, to: &found, scan: &scan) }
    }

    /// `appendURLs(inText:...)` of valid UTF-8 bytes; with `keepingRaw` false every `raw` is
    /// left empty (for callers that read only the URLs).
    func appendURLs(inUTF8 bytes: UnsafeBufferPointer<UInt8>, origin: ExtractedURL.Origin, to found: inout [ExtractedURL],
                    scan: inout TextScan, keepingRaw: Bool = true) {
        URLTextScanner(bytes: bytes, maximumLength: NormalizedURL.maximumLength)
            .matches(limit: limits.urls - found.count, into: &scan.matches, buffers: &scan.body)
        for match in scan.matches where found.count < limits.urls {
            guard let url = scan.body.matched.withUnsafeBufferPointer({ Self.url(UnsafeBufferPointer(rebasing: $0[match.cleaned])) }) else {
                continue
            }
            let raw = keepingRaw ? String(decoding: UnsafeBufferPointer(rebasing: bytes[match.raw]), as: UTF8.self) : ""
            append(ExtractedURL(url: url, raw: raw, origin: origin, disguise: match.disguise), to: &found)
        }
    }

    /// `NormalizedURL(String(decoding: cleaned, as: UTF8.self))`: ASCII bytes are parsed in
    /// place (they are their own decoding); others through the String, which repairs them.
    static func url(_ cleaned: UnsafeBufferPointer<UInt8>) -> NormalizedURL? {
        guard cleaned.allSatisfy({ $0 < 0x80 }) else { return NormalizedURL(String(decoding: cleaned, as: UTF8.self)) }
        return NormalizedURL(utf8: cleaned)
    }

    /// Appends `url` and, depth first, the redirect targets in its query.
    func append(_ url: ExtractedURL, to found: inout [ExtractedURL]) {
        guard found.count < limits.urls else { return }
        found.append(url)
        guard url.redirectDepth < limits.redirectDepth, let query = url.url.query else { return }
        for target in RedirectTargets.candidates(inQuery: query) {
            guard let inner = Self.absoluteURL(target) else { continue }
            append(ExtractedURL(url: inner, raw: target, origin: .redirect, disguise: [], redirectDepth: url.redirectDepth + 1), to: &found)
        }
    }
}
