/// A micro-update: the delta from the state at `predecessor` to the state at `serial`.
///
/// Operations apply in this order: removes, adds, re-weights (each group in file order), then
/// the category and configuration lines are appended to the database's overlays.
/// - A remove of an absent fingerprint and a re-weight of an absent one change nothing and
///   are counted in `ApplyReport`.
/// - An add of a present fingerprint replaces its category and report masses; first seen
///   keeps the earlier serial, last seen the later.
/// - A re-weight adds its mass deltas (negative allowed, results kept within
///   0...Float.greatestFiniteMagnitude) and sets last seen to the update's serial.
/// - Report masses must be finite (a file with a non-finite one is refused).
public struct MicroUpdate: Hashable, Sendable {
    public var serial: UInt32
    public var predecessor: UInt32
    public var removes: [Fingerprint] = []
    public var adds: [CartridgeEntry] = []
    public var reweights: [Reweight] = []
    /// Lines in `categories.cats` syntax, added over the cartridge's categories.
    public var categoryLines: [String] = []
    /// Lines in `cartridge.cfg` syntax, applied over the cartridge's configuration.
    public var configLines: [String] = []

    /// Report mass deltas for one fingerprint.
    public struct Reweight: Hashable, Sendable {
        public var fingerprint: Fingerprint
        public var spam: Float, ham: Float, phishing: Float, virus: Float

        public init(fingerprint: Fingerprint, spam: Float = 0, ham: Float = 0, phishing: Float = 0, virus: Float = 0) {
            self.fingerprint = fingerprint
            self.spam = spam
            self.ham = ham
            self.phishing = phishing
            self.virus = virus
        }
    }

    public init(serial: UInt32, predecessor: UInt32) {
        self.serial = serial
        self.predecessor = predecessor
    }

    /// The number of entry operations.
    public var operationCount: Int { removes.count + adds.count + reweights.count }
}

/// What applying a micro-update did.
public struct ApplyReport: Hashable, Sendable {
    public var added = 0
    public var replaced = 0
    public var removed = 0
    public var reweighted = 0
    /// Removes and re-weights of fingerprints the state did not hold.
    public var missing = 0
}

extension FingerprintDatabase {
    /// This database with `update` applied (see `MicroUpdate` for the rules): the full-rebuild
    /// reference that `CartridgeSnapshot.applying` (the overlay path a cartridge directory
    /// uses) is tested and verified against.
    /// - Throws: `CartridgeError.outOfSequence` unless `update.predecessor` is this serial and
    ///   `update.serial` is greater; `limitExceeded` past `limits.maxEntries`.
    /// - Complexity: O(n + u) for n entries and u operations (an exact index is built).
    public func applying(_ update: MicroUpdate, limits: CartridgeLimits = .default) throws(CartridgeError) -> (FingerprintDatabase, ApplyReport) {
        guard update.predecessor == version.serial, update.serial > update.predecessor else {
            throw .make(.outOfSequence, "update \(update.serial) follows \(update.predecessor), the state is at \(version.serial)")
        }
        let index = try ExactIndex(database: self)
        var result = self
        var report = ApplyReport()
        var removed = Set<Int>()
        var appended: [Fingerprint: Int] = [:]
        func find(_ fingerprint: Fingerprint) -> Int? {
            if let position = appended[fingerprint] ?? index.lookup(fingerprint, in: self), !removed.contains(position) {
                return position
            }
            return nil
        }
        for fingerprint in update.removes {
            if let position = find(fingerprint) {
                removed.insert(position)
                report.removed += 1
            } else {
                report.missing += 1
            }
        }
        for entry in update.adds {
            let masses = [entry.reputation.spam, entry.reputation.ham, entry.reputation.phishing, entry.reputation.virus]
            guard masses.allSatisfy(\.isFinite) else {
                throw .make(.malformed, "\(entry.fingerprint) has a non-finite report mass")
            }
            if let position = find(entry.fingerprint) {
                let old = result.reputations[position]
                var reputation = entry.reputation
                reputation.firstSeen = min(old.firstSeen, reputation.firstSeen)
                reputation.lastSeen = max(old.lastSeen, reputation.lastSeen)
                result.categories[position] = entry.category
                result.reputations[position] = reputation
                report.replaced += 1
            } else {
                try Self.validate(entry.fingerprint, limits: limits)
                appended[entry.fingerprint] = result.count
                result.append(entry)
                report.added += 1
            }
        }
        for change in update.reweights {
            guard let position = find(change.fingerprint) else {
                report.missing += 1
                continue
            }
            var reputation = result.reputations[position]
            func sum(_ mass: Float, _ delta: Float) -> Float { min(.greatestFiniteMagnitude, max(0, mass + delta)) }
            reputation.spam = sum(reputation.spam, change.spam)
            reputation.ham = sum(reputation.ham, change.ham)
            reputation.phishing = sum(reputation.phishing, change.phishing)
            reputation.virus = sum(reputation.virus, change.virus)
            reputation.lastSeen = update.serial
            result.reputations[position] = reputation
            report.reweighted += 1
        }
        if !removed.isEmpty { result = result.removing(removed) }
        guard result.count <= limits.maxEntries else {
            throw .make(.limitExceeded, "\(result.count) entries is over maxEntries \(limits.maxEntries)")
        }
        result.version.serial = update.serial
        result.categoryLines += update.categoryLines
        result.configLines += update.configLines
        return (result, report)
    }

    /// This database without the entries numbered in `removed`.
    func removing(_ removed: Set<Int>) -> FingerprintDatabase {
        var result = FingerprintDatabase(version: version)
        result.categoryLines = categoryLines
        result.configLines = configLines
        result.reserve(count - removed.count)
        for index in 0..<count where !removed.contains(index) {
            result.append(kind: kinds[index], value: valueBytes[valueRange(at: index)], category: categories[index], reputation: reputations[index])
        }
        return result
    }
}
