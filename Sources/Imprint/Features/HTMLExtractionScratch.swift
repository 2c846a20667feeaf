import ImprintHashing

/// The working buffers of `HTMLTextExtractor`, one set a thread, kept from document to
/// document: the text being built, the element stack, the entity-decoding buffers.
final class HTMLExtractionScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()

    var buffers = HTMLExtractionState.Buffers()

    init() {}

    func reset() { buffers.removeAll(retainingAtMost: ThreadScratchSlot.retainedBytesLimit) }
}
