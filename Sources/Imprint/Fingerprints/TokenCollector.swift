import ImprintHashing

/// The word tokens of a message, each hash once and at most `limit` of them, in the order
/// first seen: the accumulator of `MessageFingerprinter`'s token fingerprints, a value with
/// mutating methods rather than a closure over captured variables (which the compiler boxes
/// and checks for exclusive access on every token).
struct TokenCollector: ~Copyable {
    /// Most tokens kept (`FingerprintOptions.maximumTokens`).
    private(set) var limit: Int
    private var seen: TokenHashSet
    private(set) var tokens: [UInt64] = []

    init(limit: Int, expectedCount: Int) {
        self.limit = limit
        seen = TokenHashSet(expectedCount: expectedCount)
        tokens.reserveCapacity(min(limit, expectedCount))
    }

    /// Empties the collector for another message, its memory kept (a thread's scratch,
    /// `FingerprintScratch`): what `init(limit:expectedCount:)` gives, without allocating
    /// when the memory suffices.
    mutating func restart(limit: Int, expectedCount: Int) {
        self.limit = limit
        seen.removeAll(expectingCount: expectedCount)
        tokens.removeAll(keepingCapacity: true)
        tokens.reserveCapacity(min(limit, expectedCount))
    }

    /// Bytes of memory held (for `FingerprintScratch.reset`).
    var retainedByteCount: Int { seen.allocatedByteCount + tokens.capacity * MemoryLayout<UInt64>.stride }

    /// Keeps `hash` unless already kept or the list is full.
    @inline(__always)
    mutating func add(_ hash: UInt64) {
        guard tokens.count < limit, seen.insert(hash) else { return }
        tokens.append(hash)
    }

    /// Adds each word of valid UTF-8 `text` (XXH3-64 with seed `wordSeed`) and, when
    /// `pairSeed` is given, each pair of neighbouring words joined by one space.
    mutating func addWords(of text: UnsafeRawBufferPointer, runs: WordRuns, wordSeed: UInt64, pairSeed: UInt64? = nil) {
        withUnsafeTemporaryAllocation(byteCount: Self.pairScratch, alignment: 8) { scratch in
            var index = 0
            var previous: Range<Int>?
            while let word = runs.nextWord(in: text, from: &index) {
                let bytes = UnsafeRawBufferPointer(rebasing: text[word])
                add(XXH3.hash64(bytes, seed: wordSeed))
                if let pairSeed, let previous {
                    if previous.upperBound &+ 1 == word.lowerBound, text[previous.upperBound] == UInt8(ascii: " ") {
                        // Already joined by one space in the text (the common case): hashed in place.
                        add(XXH3.hash64(UnsafeRawBufferPointer(rebasing: text[previous.lowerBound..<word.upperBound]), seed: pairSeed))
                    } else {
                        add(Self.pairHash(text[previous], bytes, seed: pairSeed, scratch: scratch))
                    }
                }
                previous = word
            }
        }
    }

    /// Bytes of the stack space joining a pair: 512 (longer pairs, words swollen by
    /// combining marks, are joined on the heap).
    static let pairScratch = 512

    /// XXH3-64 of `first`, a space and `second`.
    private static func pairHash(_ first: UnsafeRawBufferPointer.SubSequence, _ second: UnsafeRawBufferPointer,
                                 seed: UInt64, scratch: UnsafeMutableRawBufferPointer) -> UInt64 {
        let length = first.count + 1 + second.count
        guard length <= scratch.count else {
            return XXH3.hash64(Array(first) + [UInt8(ascii: " ")] + Array(second), seed: seed)
        }
        scratch.copyMemory(from: UnsafeRawBufferPointer(rebasing: first))
        scratch[first.count] = UInt8(ascii: " ")
        UnsafeMutableRawBufferPointer(rebasing: scratch[(first.count + 1)...]).copyMemory(from: second)
        return XXH3.hash64(UnsafeRawBufferPointer(rebasing: scratch[..<length]), seed: seed)
    }
}
