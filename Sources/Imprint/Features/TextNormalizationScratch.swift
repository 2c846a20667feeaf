import ImprintHashing

/// The output buffer of `TextNormalizer.normalize`, one a thread, kept from text to text: the
/// normalized bytes are written there and copied once into the result String.
final class TextNormalizationScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()

    var output = ByteScratch(capacity: 4_096)

    init() {}

    func reset() { output.removeAll(retainingAtMost: ThreadScratchSlot.retainedBytesLimit) }

    deinit { output.release() }
}
