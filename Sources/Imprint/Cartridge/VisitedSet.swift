/// A set of candidate numbers `0..<capacity` as a bit array in temporary storage, for index
/// searches that meet the same candidate through several tables and must score it once.
///
/// - Complexity: O(capacity / 64) to clear (1M candidates: 128 KiB), O(1) an insert.
struct VisitedSet: ~Copyable {
    private let words: UnsafeMutableBufferPointer<UInt64>

    /// Calls `body` with an empty set for numbers below `capacity`.
    static func with<Result>(capacity: Int, _ body: (inout VisitedSet) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(1, (capacity + 63) / 64)) { words in
            words.initialize(repeating: 0)
            var set = VisitedSet(words: words)
            return try body(&set)
        }
    }

    private init(words: UnsafeMutableBufferPointer<UInt64>) { self.words = words }

    /// Inserts `number`; whether it was absent.
    @inline(__always)
    mutating func insert(_ number: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(number & 63)
        let word = words[number >> 6]
        guard word & bit == 0 else { return false }
        words[number >> 6] = word | bit
        return true
    }
}
