import ImprintHashing

/// `EvidenceCollector`'s working buffers, one set a thread (see `ThreadScratch`): the exact
/// lookups' keys and entries, the hits' reputations and categories, and the near searches'
/// buffers.
final class EvidenceScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()

    var buffers = EvidenceBuffers()

    func reset() { buffers.reset() }
}

/// The buffers themselves, a value the collector moves into a local for the message (appends
/// to a class's arrays would pay an exclusivity and a uniqueness check each).
struct EvidenceBuffers {
    var keys: [UInt64] = []
    /// One a fingerprint: its entry, -1 when not looked up or not found.
    var entries: [Int] = []
    /// One a found entry, in fingerprint order.
    var facts: [(reputation: Reputation, category: CategoryCode)] = []
    var similarity = SimilarityScratch()

    mutating func reset() {
        keys.resetScratch()
        entries.resetScratch()
        facts.resetScratch()
        similarity.reset()
    }
}
