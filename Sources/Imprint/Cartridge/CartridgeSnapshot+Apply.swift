/// Applying a micro-update to a snapshot: the next snapshot shares this one's base and
/// overlay storage, so it costs O(u) for u operations (each a `PersistentTable` path of
/// 256 slots plus its leaf), plus copying the last chunk and the chunk lists of the added
/// entries (O(1,024 + a / 1,024) for a added), whatever the base's size.
extension CartridgeSnapshot {
    /// This snapshot with `update` applied, by the rules of `MicroUpdate` (the same as
    /// `FingerprintDatabase.applying(_:limits:)`, the full-rebuild reference, with the same
    /// report). When the update changes the index shape the base was built with (see
    /// `IndexShape`), the result is rebuilt from its full database instead: O(n), rare (the
    /// TLSH entry count crossing a power of two below 2^16, the MinHash length or threshold
    /// changing).
    /// - Parameter path: the file named in configuration errors (the update's `.mu`).
    /// - Throws: `CartridgeError.outOfSequence` unless `update.predecessor` is this serial and
    ///   `update.serial` is greater; `limitExceeded` past `limits.maxEntries`; `malformed`
    ///   for a non-finite mass; `ConfigurationError` for a bad category or configuration line.
    func applying(_ update: MicroUpdate, limits: CartridgeLimits, path: String) throws -> (CartridgeSnapshot, ApplyReport) {
        guard update.predecessor == version.serial, update.serial > update.predecessor else {
            throw CartridgeError.make(.outOfSequence, "update \(update.serial) follows \(update.predecessor), the state is at \(version.serial)")
        }
        var overlay = self.overlay
        var report = ApplyReport()
        for fingerprint in update.removes {
            if let entry = overlay.find(fingerprint, base: base) {
                overlay.remove(entry, base: base)
                report.removed += 1
            } else {
                report.missing += 1
            }
        }
        for entry in update.adds {
            let masses = [entry.reputation.spam, entry.reputation.ham, entry.reputation.phishing, entry.reputation.virus]
            guard masses.allSatisfy(\.isFinite) else {
                throw CartridgeError.make(.malformed, "\(entry.fingerprint) has a non-finite report mass")
            }
            if let position = overlay.find(entry.fingerprint, base: base) {
                let old = overlay.reputation(at: position, base: base)
                var reputation = entry.reputation
                reputation.firstSeen = min(old.firstSeen, reputation.firstSeen)
                reputation.lastSeen = max(old.lastSeen, reputation.lastSeen)
                overlay.set(position, category: entry.category, reputation: reputation)
                report.replaced += 1
            } else {
                try FingerprintDatabase.validate(entry.fingerprint, limits: limits)
                overlay.add(entry)
                report.added += 1
            }
        }
        for change in update.reweights {
            guard let position = overlay.find(change.fingerprint, base: base) else {
                report.missing += 1
                continue
            }
            var reputation = overlay.reputation(at: position, base: base)
            func sum(_ mass: Float, _ delta: Float) -> Float { min(.greatestFiniteMagnitude, max(0, mass + delta)) }
            reputation.spam = sum(reputation.spam, change.spam)
            reputation.ham = sum(reputation.ham, change.ham)
            reputation.phishing = sum(reputation.phishing, change.phishing)
            reputation.virus = sum(reputation.virus, change.virus)
            reputation.lastSeen = update.serial
            overlay.set(position, category: overlay.category(at: position, base: base), reputation: reputation)
            report.reweighted += 1
        }
        guard overlay.liveCount <= limits.maxEntries else {
            throw CartridgeError.make(.limitExceeded, "\(overlay.liveCount) entries is over maxEntries \(limits.maxEntries)")
        }
        var config = self.config
        try config.apply(update.configLines.joined(separator: "\n"), path: path, allowRepeats: true)
        var categories = self.categories
        for line in update.categoryLines { try categories.apply(line, path: path) }
        overlay.categoryLines += update.categoryLines
        overlay.configLines += update.configLines
        overlay.updates += 1
        overlay.operations += update.operationCount
        var version = self.version
        version.serial = update.serial
        let next = CartridgeSnapshot(base: base, overlay: overlay, version: version, config: config, categories: categories,
                                     whitelist: whitelist, previous: self)
        guard next.needsRebuild else { return (next, report) }
        return (try next.rebuilt(path: path), report)
    }

    /// This snapshot with its full database as the base and an empty overlay.
    func rebuilt(path: String) throws -> CartridgeSnapshot {
        try CartridgeSnapshot(database: database, baseConfig: base.directoryConfig, baseCategories: base.directoryCategories,
                              whitelist: whitelist, overlayPath: path)
    }
}
