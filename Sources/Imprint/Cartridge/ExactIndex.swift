import Synchronization

/// Exact fingerprint lookup: an open-addressing hash table (linear probing, power-of-two
/// capacity, load factor at most 0.7) keyed by `Fingerprint.key` (XXH3-64 of the value
/// seeded with the kind), storing entry numbers.
///
/// Each slot holds the full 64-bit key beside the entry number, so a probe compares keys
/// without touching the database; only a key match compares the value bytes. For 8-byte values
/// (tokens, SimHash) not even that: XXH3-64 with a fixed seed is a bijection on 8-byte inputs
/// (`XXH3_len_4to8`: the two 32-bit halves form one 64-bit word, then xor, rotations, odd
/// multiplications and xor-shifts, each invertible), so equal keys of the same kind and
/// length are equal values, and the slot's `isEightBytes` answers without a cache miss.
///
/// - Complexity: build O(n); lookup O(1) expected (one cache line for the usual probe),
///   O(n) worst case under adversarial keys (XXH3 is not keyed, but the keys of a cartridge
///   are chosen by its builder, not by a message). Memory 16 bytes per slot, at most 2.9 n
///   slots (about 23 bytes an entry on average).
public struct ExactIndex: Sendable {
    @usableFromInline struct Slot: Sendable {
        @usableFromInline var key: UInt64
        /// Entry number + 1; 0 marks an empty slot.
        @usableFromInline var entry: UInt32
        /// The entry's kind (in the slot's padding), so a probe rejects another kind unread.
        @usableFromInline var kind: UInt16
        /// Whether the entry's value is 8 bytes long (the rest of the padding).
        @usableFromInline var isEightBytes: Bool
    }

    @usableFromInline let slots: [Slot]
    @usableFromInline let mask: Int

    /// Indexes every entry of `database`.
    /// - Throws: `CartridgeError.duplicateEntry` when two entries share kind and value.
    public init(database: FingerprintDatabase) throws(CartridgeError) {
        var capacity = 16
        while capacity * 7 < database.count * 10 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(key: 0, entry: 0, kind: 0, isEightBytes: false), count: capacity)
        let mask = capacity - 1
        for index in 0..<database.count {
            let key = database.key(at: index)
            var position = Int(truncatingIfNeeded: key) & mask
            while slots[position].entry != 0 {
                if slots[position].key == key {
                    let other = Int(slots[position].entry) - 1
                    let same = database.withValue(at: index) { database.matches(other, kind: database.kind(at: index), value: $0) }
                    if same {
                        throw .make(.duplicateEntry, "entries \(other) and \(index) are both \(database.entry(at: index).fingerprint)")
                    }
                }
                position = (position + 1) & mask
            }
            slots[position] = Slot(key: key, entry: UInt32(index + 1), kind: database.kind(at: index).rawValue,
                                   isEightBytes: database.valueRange(at: index).count == 8)
        }
        self.slots = slots
        self.mask = mask
    }

    /// The entry number holding `fingerprint` in `database` (the one this index was built from).
    public func lookup(_ fingerprint: Fingerprint, in database: FingerprintDatabase) -> Int? {
        fingerprint.withUnsafeBytes { lookup(kind: fingerprint.kind, value: $0, in: database) }
    }

    /// The entry number holding this kind and value.
    public func lookup(kind: FingerprintKind, value: UnsafeRawBufferPointer, in database: FingerprintDatabase) -> Int? {
        lookup(kind: kind, value: value, key: Fingerprint.key(kind: kind, value: value), in: database)
    }

    /// The entry number holding this kind and value, whose `Fingerprint.key` is `key`.
    func lookup(kind: FingerprintKind, value: UnsafeRawBufferPointer, key: UInt64, in database: FingerprintDatabase) -> Int? {
        slots.withUnsafeBufferPointer { table in
            var position = Int(truncatingIfNeeded: key) & mask
            while true {
                let slot = table[position]
                if slot.entry == 0 { return nil }
                if slot.key == key, slot.kind == kind.rawValue {
                    if slot.isEightBytes {
                        if value.count == 8 { return Int(slot.entry) - 1 }
                    } else if database.matchesValue(Int(slot.entry) - 1, value) {
                        return Int(slot.entry) - 1
                    }
                }
                position = (position + 1) & mask
            }
        }
    }

    /// Reads the home slot of each key and returns a value that depends on all of them.
    ///
    /// A message looks up hundreds of tokens in a table far larger than the caches; one probe
    /// after another pays one cache miss after another. These loads do not depend on each
    /// other (no branch on what they read), so the processor overlaps their misses; the
    /// lookups that follow find the slots cached.
    func warm(_ keys: UnsafeBufferPointer<UInt64>) -> UInt64 {
        slots.withUnsafeBufferPointer { table in
            var mix: UInt64 = 0
            for key in keys { mix ^= table[Int(truncatingIfNeeded: key) & mask].key }
            return mix
        }
    }

    /// Where `warm`'s result goes, so that the optimizer keeps its loads.
    static let sink = Atomic<UInt64>(0)

    /// Bytes held by the table.
    public var memoryBytes: Int { slots.count * MemoryLayout<Slot>.stride }
}
