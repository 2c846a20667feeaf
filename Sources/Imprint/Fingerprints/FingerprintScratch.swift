import ImprintHashing

/// The Fingerprints stage's reusable working buffers, one instance a thread
/// (`FingerprintScratch.withThreadScratch`): the temporaries of `MessageFingerprinter` and the
/// kernels it calls keep their capacity from message to message instead of being allocated
/// and freed each time. Only the fingerprints themselves (the result) are allocated.
final class FingerprintScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()

    /// Pyzor's kept lines (`PyzorDigest.hash(parts:keptBytes:keptEnds:)`).
    var pyzorBytes: [UInt8] = []
    var pyzorEnds: [Int] = []
    /// The word hashes of the text, fed to SimHash and MinHash.
    var wordHashes: [UInt64] = []
    /// MinHash's state (`MinHash.init(_:path:reusing:)`).
    var minhashState: [UInt64] = []
    /// The word tokens and their set (taken out while a message's tokens are collected).
    var tokens: TokenCollector?
    /// The link fingerprints added so far, and the ASCII host names whose host and domain
    /// fingerprints are in (`MessageFingerprinter.addLinks`).
    var linksSeen: Set<Fingerprint> = []
    var hostNamesSeen: Set<String> = []
    /// An image's gray samples and the image hashes' working memory (`ImageHashes`).
    var imageGray: [UInt8] = []
    var imageHashes = ImageHashes.Buffers()

    init() {}

    func reset() {
        let limit = ThreadScratchSlot.retainedBytesLimit
        pyzorBytes.resetScratch()
        pyzorEnds.resetScratch()
        wordHashes.resetScratch()
        minhashState.resetScratch()
        imageGray.resetScratch()
        if imageHashes.capacityBytes > limit { imageHashes = ImageHashes.Buffers() }
        if let retained = tokens?.retainedByteCount, retained > limit { tokens = nil }
        linksSeen.resetScratch()
        hostNamesSeen.resetScratch()
    }
}
