import ImprintHashing

/// `EvidenceCollector`'s working buffers, one set a thread (see `ThreadScratch`): the exact
/// lookups' keys and entries, the hits' reputations and categories, and the near searches'
/// buffers.
final class EvidenceScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()

    var keys: [UInt64] = []
    /// One a fingerprint: its entry, -1 when not looked up or not found.
    var entries: [Int] = []
    /// One a found entry, in fingerprint order.
    var facts: [(reputation: Reputation, category: CategoryCode)] = []
    var similarity = SimilarityScratch()

    func reset() {
        keys.resetScratch()
        entries.resetScratch()
        facts.resetScratch()
        similarity.reset()
    }
}
