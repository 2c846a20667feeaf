import BenchmarkSupport
import Imprint

/// What each fingerprint family reads, computed once per process from the corpus: the
/// features of every message (the Features stage's output) and the normalized text bytes.
struct FingerprintInputs: Sendable {
    let messages: [Message]
    let features: [MessageFeatures]
    /// Normalized text of each message with at least `minimumFuzzyText` bytes (the fuzzy
    /// families skip shorter texts, as `MessageFingerprinter` does).
    let fuzzyTexts: [[UInt8]]
    let fuzzyBytes: Int
    let images: [[UInt8]]

    static let shared = FingerprintInputs(corpus: BenchCorpus.shared)

    init(corpus: BenchCorpus) {
        messages = corpus.items.compactMap { try? Message(rendered: $0.rendered) }
        features = messages.map { MessageFeatures(message: $0) }
        let minimum = FingerprintOptions().minimumFuzzyText
        fuzzyTexts = features.map { Array($0.normalizedText.utf8) }.filter { $0.count >= minimum }
        fuzzyBytes = fuzzyTexts.reduce(0) { $0 + $1.count }
        images = features.flatMap { $0.attachments.map(\.bytes).filter { ImageFormat.sniff($0) != nil } }
    }

    /// Every `step`-th message's features (the whole-fingerprinter benchmarks are slower).
    func sample(every step: Int) -> [MessageFeatures] { stride(from: 0, to: features.count, by: step).map { features[$0] } }
}
