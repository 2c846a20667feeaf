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

    /// Appends `urls(in: html)` to `urls` (the limits count this call's URLs only), built in
    /// this thread's `URLExtractionScratch`.
    func appendURLs(of html: HTMLText, to urls: inout [ExtractedURL]) {
        URLExtractionScratch.withThreadScratch { scratch in
            scratch.found.removeAll(keepingCapacity: true)
            appendURLs(of: html, to: &scratch.found, scratch: scratch)
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

    private func appendURLs(of html: HTMLText, to found: inout [ExtractedURL], scratch: URLExtractionScratch) {
        // Mail repeats link targets and anchor texts (half the targets of a message are
        // repeats): each is read once a document.
        scratch.memo.removeAll(retainingAtMost: ThreadScratchSlot.retainedBytesLimit)
        for link in html.links where found.count < limits.urls {
            let origin: ExtractedURL.Origin = link.kind == .anchor ? .anchor : link.kind == .area ? .area : .form
            guard let (url, linkDomain) = scratch.memo.target(link.target, withDomain: true), let domain = linkDomain else { continue }
            var disguise: ExtractedURL.Disguise = []
            if scratch.memo.shownDomains(link.text, extractor: self, urls: &scratch.shownURLs, scan: &scratch.scan)
                .contains(where: { $0 != domain }) {
                disguise.insert(.mismatchedAnchorText)
            }
            append(ExtractedURL(url: url, raw: link.target, origin: origin, disguise: disguise), to: &found)
        }
        for image in html.images where found.count < limits.urls && !image.isContentID {
            guard let (url, _) = scratch.memo.target(image.source, withDomain: false) else { continue }
            append(ExtractedURL(url: url, raw: image.source, origin: .image), to: &found)
        }
        appendURLs(inText: html.text, origin: .text, to: &found, scan: &scratch.scan)
    }

    /// What `urls(in:)` reads of each distinct link target and anchor text, kept for one document.
    struct LinkMemo {
        private struct Target {
            var url: NormalizedURL?
            /// Read for link targets only (images need none).
            var domain: String?
        }

        private var targets: [String: Target] = [:]
        /// Each anchor text's domains, as a range of `shownDomainList`.
        private var shown: [String: Range<Int>] = [:]
        private var shownDomainList: [String] = []

        /// Forgets every document read, keeping the storage unless it grew beyond `limit` bytes.
        mutating func removeAll(retainingAtMost limit: Int) {
            targets.removeAll(keepingCapacity: targets.capacity * MemoryLayout<(String, Target)>.stride <= limit)
            shown.removeAll(keepingCapacity: shown.capacity * MemoryLayout<(String, Range<Int>)>.stride <= limit)
            shownDomainList.removeAll(keepingCapacity: shownDomainList.capacity * MemoryLayout<String>.stride <= limit)
        }

        /// `absoluteURL(target)` and, when `withDomain`, its registered domain (else its host name).
        mutating func target(_ target: String, withDomain: Bool) -> (url: NormalizedURL, domain: String?)? {
            if let index = targets.index(forKey: target) {
                guard let url = targets.values[index].url else { return nil }
                if withDomain, targets.values[index].domain == nil { targets.values[index].domain = Self.domain(of: url) }
                return (url, targets.values[index].domain)
            }
            let url = URLExtractor.absoluteURL(target)
            let read = Target(url: url, domain: withDomain ? url.map(Self.domain) : nil)
            targets[target] = read
            return url.map { ($0, read.domain) }
        }

        static func domain(of url: NormalizedURL) -> String { url.host.registeredDomain ?? url.host.name }

        /// The distinct domains (registered, else host names) of the URLs an anchor text shows,
        /// found with `urls` and `scan` as working buffers.
        mutating func shownDomains(_ text: String, extractor: URLExtractor, urls: inout [ExtractedURL],
                                   scan: inout TextScan) -> ArraySlice<String> {
            if text.isEmpty { return [] }
            if let known = shown[text] { return shownDomainList[known] }
            let start = shownDomainList.count
            urls.removeAll(keepingCapacity: true)
            extractor.appendURLs(inText: text, origin: .text, to: &urls, scan: &scan)
            for shownURL in urls where shownURL.redirectDepth == 0 {
                let domain = Self.domain(of: shownURL.url)
                if !shownDomainList[start...].contains(domain) { shownDomainList.append(domain) }
            }
            shown[text] = start..<shownDomainList.count
            return shownDomainList[start...]
        }
    }

    /// The distinct hosts of `urls`, in first-seen order.
    public static func hosts(of urls: [ExtractedURL]) -> [NormalizedHost] {
        var seen = Set<String>()
        return urls.compactMap { seen.insert($0.url.host.name).inserted ? $0.url.host : nil }
    }

    /// An attribute value as an absolute URL: a recognized scheme, or `www.`/`//` taken as http.
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
        text.withUTF8 { bytes in
            URLTextScanner(bytes: bytes, maximumLength: NormalizedURL.maximumLength)
                .matches(limit: limits.urls - found.count, into: &scan.matches, buffers: &scan.body)
            for match in scan.matches where found.count < limits.urls {
                guard let url = scan.body.matched.withUnsafeBufferPointer({ Self.url(UnsafeBufferPointer(rebasing: $0[match.cleaned])) }) else {
                    continue
                }
                let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[match.raw]), as: UTF8.self)
                append(ExtractedURL(url: url, raw: raw, origin: origin, disguise: match.disguise), to: &found)
            }
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
