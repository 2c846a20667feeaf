/// A set of token hashes (XXH3-64 values, already uniform), for keeping each token of a
/// message once: open addressing with linear probing on the hash's low bits, no re-hashing
/// (`Set<UInt64>` runs SipHash over every insert: a few percent of scoring).
///
/// The table is sized up front from the caller's estimate (so a message's tokens rarely
/// trigger a doubling) and owned directly (`~Copyable`, freed in `deinit`), so an insert does
/// no uniqueness check or bounds check; emptied with ``removeAll(expectingCount:)``, its
/// memory serves the next message.
///
/// - Complexity: O(1) amortized an insert; the table doubles when half full, so memory is at
///   most 32 bytes a value (`minimumCapacity` slots to start, at most `maximumInitialCapacity`
///   however large the estimate).
struct TokenHashSet: ~Copyable {
    /// Slots of the smallest table: 256.
    static let minimumCapacity = 256
    /// Slots an estimate can ask for up front: 16,384 (128 KiB; `FingerprintOptions`'
    /// default `maximumTokens` 6,000 fits at half load).
    static let maximumInitialCapacity = 1 << 14

    /// The allocation; the table in use, `slots`, is a prefix of it (see ``removeAll(expectingCount:)``).
    private var storage: UnsafeMutableBufferPointer<UInt64>
    private var slots: UnsafeMutableBufferPointer<UInt64>
    private var count = 0
    /// Whether 0, the empty-slot marker, is in the set.
    private var hasZero = false

    /// An empty set with room for about `expectedCount` values before it grows.
    init(expectedCount: Int = 0) {
        storage = .allocate(capacity: Self.initialCapacity(expectedCount))
        slots = storage
        slots.initialize(repeating: 0)
    }

    deinit { storage.deallocate() }

    /// The slots a table starts with for about `expectedCount` values.
    private static func initialCapacity(_ expectedCount: Int) -> Int {
        var capacity = Self.minimumCapacity
        while capacity < Self.maximumInitialCapacity, capacity < 2 * expectedCount { capacity <<= 1 }
        return capacity
    }

    /// Empties the set for about `expectedCount` values, reusing its memory when large enough
    /// (only the table in use is cleared, as large as a new set's).
    mutating func removeAll(expectingCount expectedCount: Int) {
        let capacity = Self.initialCapacity(expectedCount)
        if storage.count < capacity {
            storage.deallocate()
            storage = .allocate(capacity: capacity)
        }
        slots = UnsafeMutableBufferPointer(rebasing: storage[..<capacity])
        slots.initialize(repeating: 0)
        count = 0
        hasZero = false
    }

    /// Bytes of memory held.
    var allocatedByteCount: Int { storage.count * MemoryLayout<UInt64>.stride }

    /// Inserts `value`; whether it was absent.
    @inline(__always)
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            defer { hasZero = true }
            return !hasZero
        }
        if 2 * (count + 1) > slots.count { grow() }
        let inserted = Self.place(value, in: slots)
        if inserted { count += 1 }
        return inserted
    }

    private mutating func grow() {
        let larger = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: slots.count * 2)
        larger.initialize(repeating: 0)
        for value in slots where value != 0 { _ = Self.place(value, in: larger) }
        storage.deallocate()
        storage = larger
        slots = larger
    }

    /// Puts `value` (not 0) in `table` (never full, a power of two long); whether it was absent.
    @inline(__always)
    private static func place(_ value: UInt64, in table: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        let mask = table.count - 1
        let base = table.baseAddress!
        var position = Int(truncatingIfNeeded: value) & mask
        while base[position] != 0 {
            if base[position] == value { return false }
            position = (position + 1) & mask
        }
        base[position] = value
        return true
    }
}
