/// A set of token hashes (XXH3-64 values, already uniform), for keeping each token of a
/// message once: open addressing with linear probing on the hash's low bits, no re-hashing
/// (`Set<UInt64>` runs SipHash over every insert: a few percent of scoring).
///
/// - Complexity: O(1) amortized an insert; the table doubles when half full, so memory is at
///   most 32 bytes a value (256 slots to start).
struct TokenHashSet {
    private var slots = [UInt64](repeating: 0, count: 256)
    private var count = 0
    /// Whether 0, the empty-slot marker, is in the set.
    private var hasZero = false

    /// Inserts `value`; whether it was absent.
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            defer { hasZero = true }
            return !hasZero
        }
        if 2 * (count + 1) > slots.count { grow() }
        let inserted = Self.place(value, in: &slots)
        if inserted { count += 1 }
        return inserted
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        for value in slots where value != 0 { _ = Self.place(value, in: &larger) }
        slots = larger
    }

    /// Puts `value` (not 0) in `table` (never full); whether it was absent.
    private static func place(_ value: UInt64, in table: inout [UInt64]) -> Bool {
        let mask = table.count - 1
        var position = Int(truncatingIfNeeded: value) & mask
        while table[position] != 0 {
            if table[position] == value { return false }
            position = (position + 1) & mask
        }
        table[position] = value
        return true
    }
}
