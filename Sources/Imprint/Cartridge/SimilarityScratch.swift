import ImprintHashing

/// The working buffers of `CartridgeSnapshot.similar(to:scratch:)`, kept by a caller that
/// queries message after message, so that no query allocates once they have grown.
struct SimilarityScratch {
    /// The query's 64-bit words (Hamming kinds).
    var words: [UInt64] = []
    var digestHits: [(digest: Int, distance: Int)] = []
    var codeHits: [(code: Int, distance: Int)] = []
    var signatureHits: [(signature: Int, similarity: Double)] = []
    var candidates: [Int] = []
    /// The last query's answer: entries and similarities, closest first.
    var found: [(entry: Int, similarity: Double)] = []

    mutating func reset() {
        words.resetScratch()
        digestHits.resetScratch()
        codeHits.resetScratch()
        signatureHits.resetScratch()
        candidates.resetScratch()
        found.resetScratch()
    }
}
