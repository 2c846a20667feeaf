import CPCRE2
import ImprintHashing

/// One PCRE2 match-data block a thread (see `ThreadScratch`), reused from match to match
/// instead of one allocation each; PCRE2 10.41+ also keeps the interpreter's backtracking frames
/// in it. It holds a single offset pair: `PCRE2Pattern.firstMatch` reads only the whole match.
/// After a failed match (a limit hit may have grown the frames towards the heap limit) the
/// block is freed and made again, so a thread does not keep that memory.
final class PCRE2MatchScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()

    /// Nil only when PCRE2 could not allocate it.
    private(set) var block: OpaquePointer?
    /// Set by a failed match: `reset()` replaces the block.
    var isSpoiled = false

    init() {
        block = pcre2_match_data_create_8(1, nil)
    }

    deinit {
        if let block { pcre2_match_data_free_8(block) }
    }

    func reset() {
        guard isSpoiled || block == nil else { return }
        if let block { pcre2_match_data_free_8(block) }
        block = pcre2_match_data_create_8(1, nil)
        isSpoiled = false
    }
}
