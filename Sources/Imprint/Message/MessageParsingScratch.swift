import ImprintHashing

/// The reusable working buffers of message parsing and part decoding, one instance a thread
/// (`ThreadScratch`): what `Message.init` and `Message.forEachDecodedPart` build and throw away
/// for every message keeps its capacity from one message to the next instead.
///
/// Only temporaries live here; what the parsed `Message` keeps (parts, header lists,
/// parameters) is copied out at its exact size.
final class MessageParsingScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()

    /// The fields of the header block being read, copied into the part's `HeaderList` at the end.
    var headerFields: [HeaderField] = []
    /// The `name=value` pieces of the structured header being parsed (`MIMEParameterParser`).
    var parameterPieces: [MIMEParameterParser.Piece] = []
    /// The parts parsed so far, copied into `Message.parts` at the end.
    var parts: [MIMEPart] = []
    /// The boundaries of the open multiparts, innermost last.
    var boundaries: [[UInt8]] = []
    /// The decoded content of the part being handed to a `forEachDecodedPart` caller.
    var decoded: [UInt8] = []

    init() {}

    func reset() {
        headerFields.resetScratch()
        parameterPieces.resetScratch()
        parts.resetScratch()
        boundaries.resetScratch()
        decoded.resetScratch()
    }
}

extension Array {
    /// A copy in storage of its own allocated at exactly `count` (none when empty): what a
    /// result keeps out of a scratch buffer, whose capacity stays with the scratch.
    func exactSizedCopy() -> [Element] {
        withUnsafeBufferPointer { source in
            [Element](unsafeUninitializedCapacity: source.count) { buffer, initialized in
                _ = buffer.initialize(fromContentsOf: source)
                initialized = source.count
            }
        }
    }
}
