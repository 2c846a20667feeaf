import ImprintHashing

/// The working buffers of feature extraction's own steps (header words, markup words, the URL
/// de-duplication of `MessageFeatures.init`), one set a thread, kept from message to message.
/// HTML extraction, URL extraction and text normalization have their own
/// (`HTMLExtractionScratch`, `URLExtractionScratch`, `TextNormalizationScratch`).
final class FeatureExtractionScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()

    /// `HeaderWords`: the `name:word` token and the unfolded, lower-cased field value.
    var headerToken = ByteScratch(capacity: 256)
    var headerValue = ByteScratch(capacity: 1_024)
    /// `HTMLMarkupWords`: one part's hashes, the hashes seen in it, and the token being built.
    var markupHashes: [UInt64] = []
    var markupSeen = Set<UInt64>()
    var markupToken: [UInt8] = []
    /// `MessageFeatures.init`: the normalized URLs already kept.
    var seenURLs = Set<NormalizedURL>()

    init() {}

    func reset() {
        let limit = ThreadScratchSlot.retainedBytesLimit
        headerToken.removeAll(retainingAtMost: limit)
        headerValue.removeAll(retainingAtMost: limit)
        markupHashes.resetScratch()
        markupSeen.resetScratch()
        markupToken.resetScratch()
        seenURLs.resetScratch()
    }

    deinit {
        headerToken.release()
        headerValue.release()
    }
}
