/// What a snapshot changed over its base (`SnapshotBase`): entries added, base entries
/// removed or given another category or reputation, the category and configuration lines of
/// the updates, and the counts the index shape depends on.
///
/// Entry numbers: base entries keep theirs (0..<baseCount, removed ones leave a hole); added
/// entries follow (baseCount + i, in the order they were added). Both orders match a full
/// rebuild's (`FingerprintDatabase.applying` keeps survivors in order and appends), so ties
/// between equally similar entries break the same way.
///
/// Every part is persistent (`PersistentTable`, `OverlayEntries`, `OverlayColumn`): the next
/// snapshot's overlay is a copy of this one (sharing its storage) changed by the update's
/// operations, each O(1) amortized plus one table path.
struct CartridgeOverlay: Sendable {
    /// The category, reputation and liveness of an added entry or a changed base entry.
    struct EntryState: Sendable {
        var category: CategoryCode
        var reputation: Reputation
        var removed = false
    }

    let baseCount: Int
    var added = OverlayEntries()
    /// By entry number: every added entry, and every base entry removed or changed.
    var states = PersistentTable<EntryState>()
    /// By `Fingerprint.key`: the numbers (in `added`) of added entries, removed ones included.
    var exact = PersistentTable<UInt32>()
    /// The added values the similarity indexes would cover, by kind and width.
    var columns: [OverlayColumn.Key: OverlayColumn] = [:]
    /// Live entries in the snapshot.
    var liveCount: Int
    /// Live TLSH entries in the snapshot.
    var tlshCount: Int
    /// Live MinHash entries by value length.
    var minhashLengths: [Int: Int]
    var categoryLines: [String] = []
    var configLines: [String] = []
    /// Updates applied over the base, and their operations.
    var updates = 0
    var operations = 0

    /// No change over `base`.
    init(base: FingerprintDatabase) {
        baseCount = base.count
        liveCount = base.count
        var tlsh = 0
        var lengths: [Int: Int] = [:]
        for index in 0..<base.count {
            switch base.kind(at: index) {
            case .tlsh: tlsh += 1
            case .minhash: lengths[base.valueRange(at: index).count, default: 0] += 1
            default: break
            }
        }
        tlshCount = tlsh
        minhashLengths = lengths
    }

    var isEmpty: Bool { updates == 0 }

    func state(of entry: Int) -> EntryState? { states.value(for: UInt64(entry)) }

    func isRemoved(_ entry: Int) -> Bool { state(of: entry)?.removed == true }

    /// The live entry holding this kind and value (`key` is its `Fingerprint.key`).
    func find(kind: FingerprintKind, value: UnsafeRawBufferPointer, key: UInt64, base: SnapshotBase) -> Int? {
        let added = exact.first(key) { index -> Int? in
            let entry = baseCount + Int(index)
            return self.added.matches(Int(index), kind: kind, value: value) && !isRemoved(entry) ? entry : nil
        }
        if let added { return added }
        guard let entry = base.exact.lookup(kind: kind, value: value, key: key, in: base.database) else { return nil }
        return states.isEmpty || !isRemoved(entry) ? entry : nil
    }

    func find(_ fingerprint: Fingerprint, base: SnapshotBase) -> Int? {
        fingerprint.withUnsafeBytes { value in
            find(kind: fingerprint.kind, value: value, key: Fingerprint.key(kind: fingerprint.kind, value: value), base: base)
        }
    }

    func category(at entry: Int, base: SnapshotBase) -> CategoryCode {
        state(of: entry)?.category ?? base.database.category(at: entry)
    }

    func reputation(at entry: Int, base: SnapshotBase) -> Reputation {
        state(of: entry)?.reputation ?? base.database.reputation(at: entry)
    }

    /// The kind and value length of a live or removed entry.
    func shape(of entry: Int, base: SnapshotBase) -> (kind: FingerprintKind, length: Int) {
        entry < baseCount ? (base.database.kind(at: entry), base.database.valueRange(at: entry).count)
            : (added.kind(at: entry - baseCount), added.withValue(at: entry - baseCount) { $0.count })
    }

    /// Removes live entry `entry`.
    mutating func remove(_ entry: Int, base: SnapshotBase) {
        var state = state(of: entry) ?? EntryState(category: base.database.category(at: entry), reputation: base.database.reputation(at: entry))
        state.removed = true
        states.set(UInt64(entry), state)
        let (kind, length) = shape(of: entry, base: base)
        count(kind, length: length, by: -1)
    }

    /// Gives live entry `entry` this category and reputation.
    mutating func set(_ entry: Int, category: CategoryCode, reputation: Reputation) {
        states.set(UInt64(entry), EntryState(category: category, reputation: reputation))
    }

    /// Adds `entry` (whose fingerprint no live entry holds).
    mutating func add(_ entry: CartridgeEntry) {
        let fingerprint = entry.fingerprint
        let key = fingerprint.key
        let number = baseCount + added.count
        exact.insert(key, UInt32(added.count))
        added.append(fingerprint, key: key)
        states.set(UInt64(number), EntryState(category: entry.category, reputation: entry.reputation))
        if let column = OverlayColumn.key(fingerprint.kind, width: fingerprint.count) {
            columns[column, default: OverlayColumn(width: column.width)].append(entry: number, value: fingerprint.value)
        }
        count(fingerprint.kind, length: fingerprint.count, by: 1)
    }

    private mutating func count(_ kind: FingerprintKind, length: Int, by delta: Int) {
        liveCount += delta
        switch kind {
        case .tlsh: tlshCount += delta
        case .minhash:
            minhashLengths[length, default: 0] += delta
            if minhashLengths[length] == 0 { minhashLengths[length] = nil }
        default: break
        }
    }
}
