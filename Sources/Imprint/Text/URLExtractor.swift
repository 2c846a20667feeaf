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
        for link in html.links where found.count < limits.urls {
            let origin: ExtractedURL.Origin = link.kind == .anchor ? .anchor : link.kind == .area ? .area : .form
            guard let url = Self.absoluteURL(link.target) else { continue }
            var disguise: ExtractedURL.Disguise = []
            let domain = url.host.registeredDomain ?? url.host.name
            let shown = urls(inText: link.text).filter { $0.redirectDepth == 0 }
            if shown.contains(where: { ($0.url.host.registeredDomain ?? $0.url.host.name) != domain }) {
                disguise.insert(.mismatchedAnchorText)
            }
            append(ExtractedURL(url: url, raw: link.target, origin: origin, disguise: disguise), to: &found)
        }
        for image in html.images where found.count < limits.urls && !image.isContentID {
            guard let url = Self.absoluteURL(image.source) else { continue }
            append(ExtractedURL(url: url, raw: image.source, origin: .image), to: &found)
        }
        appendURLs(inText: html.text, origin: .text, to: &found)
        return found
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

    func appendURLs(inText text: String, origin: ExtractedURL.Origin, to found: inout [ExtractedURL]) {
        var text = text
        text.withUTF8 { bytes in
            let matches = URLTextScanner(bytes: bytes, maximumLength: NormalizedURL.maximumLength).matches(limit: limits.urls - found.count)
            for match in matches where found.count < limits.urls {
                guard let url = NormalizedURL(match.cleaned) else { continue }
                let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[match.raw]), as: UTF8.self)
                append(ExtractedURL(url: url, raw: raw, origin: origin, disguise: match.disguise), to: &found)
            }
        }
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

/// Query parameter values that are themselves URLs.
enum RedirectTargets {
    static func candidates(inQuery query: String) -> [String] {
        var targets: [String] = []
        // The non-empty `&`-separated parameters (as `split(separator: "&")` gives them), in place.
        var rest = query[...]
        while !rest.isEmpty {
            let ampersand = rest.firstIndex(of: "&") ?? rest.endIndex
            let parameter = rest[..<ampersand]
            rest = ampersand == rest.endIndex ? rest[rest.endIndex...] : rest[rest.index(after: ampersand)...]
            guard !parameter.isEmpty, let equals = parameter.firstIndex(of: "=") else { continue }
            var value = Substring(URLPercentEncoding.decode(parameter[parameter.index(after: equals)...]))
            for _ in 0..<2 where value.utf8.contains(UInt8(ascii: "%")) && !looksLikeURL(value) {
                value = Substring(URLPercentEncoding.decode(value))
            }
            if looksLikeURL(value) { targets.append(String(value.trimmingASCIIWhitespace())) }
        }
        return targets
    }

    static func looksLikeURL(_ value: Substring) -> Bool {
        let head = value.trimmingASCIIWhitespace().prefix(8).lowercased()
        return head.hasPrefix("http://") || head.hasPrefix("https://") || head.hasPrefix("www.") || head.hasPrefix("//")
            || head.hasPrefix("http:\\") || head.hasPrefix("https:\\")
    }
}
