import ImprintHashing

/// The working buffers of `URLExtractor`, one set a thread, kept from part to part: the URLs of
/// the call, the text scanner's matches and repair buffers, and the link memo of an HTML part.
final class URLExtractionScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()

    /// The URLs found by the current call, before they go to the caller's list.
    var found: [ExtractedURL] = []
    /// The URLs of one anchor text (`URLExtractor.LinkMemo.shownDomains`).
    var shownURLs: [ExtractedURL] = []
    var scan = URLExtractor.TextScan()
    var memo = URLExtractor.LinkMemo()

    init() {}

    func reset() {
        let limit = ThreadScratchSlot.retainedBytesLimit
        found.resetScratch()
        shownURLs.resetScratch()
        scan.removeAll(retainingAtMost: limit)
        memo.removeAll(retainingAtMost: limit)
    }
}
