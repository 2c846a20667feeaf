/// The full database of a snapshot, as compaction writes it and `database` shows it.
extension CartridgeSnapshot {
    /// Base and overlay merged: live entries grouped by kind (in kind order, as a database
    /// file stores them, so that reading the written state back gives the same numbering),
    /// within a kind base entries then added ones, each in its own order; the category and
    /// configuration lines of the base then of the updates.
    /// - Complexity: O(n + overlay).
    func materialize() -> FingerprintDatabase {
        let source = base.database
        var changed: [Int: CartridgeOverlay.EntryState] = [:]
        overlay.states.forEach { key, state in
            if Int(key) < overlay.baseCount { changed[Int(key)] = state }
        }
        var byKind: [FingerprintKind: [Int]] = [:]
        for entry in 0..<overlay.baseCount where changed[entry]?.removed != true {
            byKind[source.kind(at: entry), default: []].append(entry)
        }
        for index in 0..<overlay.added.count {
            let entry = overlay.baseCount + index
            if overlay.state(of: entry)?.removed == false { byKind[overlay.added.kind(at: index), default: []].append(entry) }
        }
        var result = FingerprintDatabase(version: version)
        result.categoryLines = source.categoryLines + overlay.categoryLines
        result.configLines = source.configLines + overlay.configLines
        result.reserve(overlay.liveCount)
        for (kind, entries) in byKind.sorted(by: { $0.key < $1.key }) {
            for entry in entries {
                let state = entry < overlay.baseCount ? changed[entry] : overlay.state(of: entry)
                let category = state?.category ?? source.category(at: entry)
                let reputation = state?.reputation ?? source.reputation(at: entry)
                if entry < overlay.baseCount {
                    result.append(kind: kind, value: source.valueBytes[source.valueRange(at: entry)], category: category, reputation: reputation)
                } else {
                    overlay.added.withValue(at: entry - overlay.baseCount) {
                        result.append(kind: kind, value: ArraySlice($0.bindMemory(to: UInt8.self)), category: category, reputation: reputation)
                    }
                }
            }
        }
        return result
    }
}
