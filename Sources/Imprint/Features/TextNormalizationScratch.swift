import ImprintHashing

/// The output buffer of `TextNormalizer.normalize`, one a thread, kept from text to text: the
/// normalized bytes are written there and copied once into the result String, or read in
/// place by callers that only hash them (the Subject's words).
final class TextNormalizationScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()

    var output = ByteScratch(capacity: 4_096)

    init() {}

    func reset() { output.removeAll(retainingAtMost: ThreadScratchSlot.retainedBytesLimit) }

    deinit { output.release() }
}
