import Foundation

extension URLExtractor {
    /// What `urls(in:)` reads of each distinct link target and anchor text, kept for one
    /// document: mail repeats them (half the targets of a message are repeats), so each is read
    /// once. Keyed on the values' bytes in the document's `HTMLReferences.bytes`, which must
    /// outlive the keys: `removeAll` before that storage goes.
    struct LinkMemo {
        /// A value's bytes, compared and hashed by content.
        private struct Key: Hashable {
            let bytes: UnsafeBufferPointer<UInt8>

            static func == (left: Key, right: Key) -> Bool {
                left.bytes.count == right.bytes.count
                    && (left.bytes.isEmpty || memcmp(left.bytes.baseAddress!, right.bytes.baseAddress!, left.bytes.count) == 0)
            }

            func hash(into hasher: inout Hasher) { hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
        }

        /// A link target or image source read as a URL.
        struct Target {
            var url: NormalizedURL
            /// The value as text (`ExtractedURL.raw`), one String for all its repeats.
            var raw: String
            /// Read for link targets only (images need none).
            var domain: String?
        }

        /// nil for a value that is not a URL.
        private var targets: [Key: Target?] = [:]
        /// Each anchor text's domains, as a range of `shownDomainList`.
        private var shown: [Key: Range<Int>] = [:]
        private var shownDomainList: [String] = []

        /// Forgets every document read, keeping the storage unless it grew beyond `limit` bytes.
        mutating func removeAll(retainingAtMost limit: Int) {
            targets.removeAll(keepingCapacity: targets.capacity * MemoryLayout<(Key, Target?)>.stride <= limit)
            shown.removeAll(keepingCapacity: shown.capacity * MemoryLayout<(Key, Range<Int>)>.stride <= limit)
            shownDomainList.removeAll(keepingCapacity: shownDomainList.capacity * MemoryLayout<String>.stride <= limit)
        }

        /// `absoluteURL(value)` with the value as text and, when `withDomain`, the URL's
        /// registered domain (else its host name); nil when the value is not a URL.
        mutating func target(_ value: UnsafeBufferPointer<UInt8>, withDomain: Bool) -> Target? {
            let key = Key(bytes: value)
            if let index = targets.index(forKey: key) {
                guard var known = targets.values[index] else { return nil }
                if withDomain, known.domain == nil {
                    known.domain = Self.domain(of: known.url)
                    targets.values[index] = known
                }
                return known
            }
            let read = URLExtractor.absoluteURL(utf8: value).map {
                Target(url: $0, raw: String(decoding: value, as: UTF8.self), domain: withDomain ? Self.domain(of: $0) : nil)
            }
            targets.updateValue(read, forKey: key)  // (a subscript assignment of nil would not record it)
            return read
        }

        static func domain(of url: NormalizedURL) -> String { url.host.registeredDomain ?? url.host.name }

        /// The distinct domains (registered, else host names) of the URLs an anchor text (valid
        /// UTF-8) shows, found with `urls` and `scan` as working buffers.
        mutating func shownDomains(_ text: UnsafeBufferPointer<UInt8>, extractor: URLExtractor, urls: inout [ExtractedURL],
                                   scan: inout TextScan) -> ArraySlice<String> {
            if text.isEmpty { return [] }
            let key = Key(bytes: text)
            if let known = shown[key] { return shownDomainList[known] }
            let start = shownDomainList.count
            urls.removeAll(keepingCapacity: true)
            extractor.appendURLs(inUTF8: text, origin: .text, to: &urls, scan: &scan, keepingRaw: false)
            for shownURL in urls where shownURL.redirectDepth == 0 {
                let domain = Self.domain(of: shownURL.url)
                if !shownDomainList[start...].contains(domain) { shownDomainList.append(domain) }
            }
            shown[key] = start..<shownDomainList.count
            return shownDomainList[start...]
        }
    }

    /// `absoluteURL(String(decoding: value, as: UTF8.self))`: ASCII bytes are parsed in place
    /// (a `www.` or `//` value with its scheme put in front in a temporary buffer), others
    /// through the String.
    static func absoluteURL(utf8 value: UnsafeBufferPointer<UInt8>) -> NormalizedURL? {
        guard value.allSatisfy({ $0 < 0x80 }) else { return absoluteURL(String(decoding: value, as: UTF8.self)) }
        let kept = ASCIIBytes.spacesAndControlsTrimmed(value)
        guard !kept.isEmpty else { return nil }
        let trimmed = UnsafeBufferPointer(rebasing: value[kept])
        if let url = NormalizedURL(utf8: trimmed) { return url }
        let scheme: StaticString
        if trimmed.count >= 4, ASCIIBytes.equalsLowercased(UnsafeBufferPointer(rebasing: trimmed[..<4]), "www.") {
            scheme = "http://"
        } else if trimmed.count >= 2, trimmed[0] == UInt8(ascii: "/"), trimmed[1] == UInt8(ascii: "/") {
            scheme = "http:"
        } else {
            return nil
        }
        let count = scheme.utf8CodeUnitCount + trimmed.count
        guard count <= NormalizedURL.maximumLength else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            let schemeBytes = UnsafeBufferPointer(start: scheme.utf8Start, count: scheme.utf8CodeUnitCount)
            _ = buffer.initialize(fromContentsOf: schemeBytes)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[schemeBytes.count...]).initialize(fromContentsOf: trimmed)
            return NormalizedURL(utf8: UnsafeBufferPointer(buffer))
        }
    }
}
