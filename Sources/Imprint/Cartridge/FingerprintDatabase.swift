import ImprintHashing
#if canImport(Glibc)
import Glibc
#endif

/// The known fingerprints of a cartridge, column by column (flat arrays, no per-entry
/// allocation: a 10M-entry database of 32-byte values holds about 70 bytes an entry),
/// with the version metadata and the category and configuration lines micro-updates added.
///
/// A value type: a snapshot never changes once built; `applying(_:)` makes a new one.
public struct FingerprintDatabase: Sendable {
    /// The version fields of the cartridge this database belongs to.
    public var version: CartridgeVersion
    /// `categories.cats` lines added by micro-updates, applied over the directory's file.
    public var categoryLines: [String] = []
    /// `cartridge.cfg` lines changed by micro-updates, applied over the directory's file.
    public var configLines: [String] = []

    var kinds: [FingerprintKind] = []
    var valueEnds: [UInt32] = []
    var valueBytes: [UInt8] = []
    var categories: [CategoryCode] = []
    var reputations: [Reputation] = []

    /// An empty database at `version`.
    public init(version: CartridgeVersion) {
        self.version = version
    }

    /// A database holding `entries` (which must have distinct fingerprints).
    /// - Throws: `CartridgeError` (`duplicateEntry`, `limitExceeded`).
    public init(version: CartridgeVersion, entries: [CartridgeEntry], limits: CartridgeLimits = .default) throws(CartridgeError) {
        self.version = version
        guard entries.count <= limits.maxEntries else {
            throw .make(.limitExceeded, "\(entries.count) entries is over maxEntries \(limits.maxEntries)")
        }
        reserve(entries.count)
        for entry in entries {
            try Self.validate(entry.fingerprint, limits: limits)
            let masses = [entry.reputation.spam, entry.reputation.ham, entry.reputation.phishing, entry.reputation.virus]
            guard masses.allSatisfy(\.isFinite) else {
                throw .make(.malformed, "\(entry.fingerprint) has a non-finite report mass")
            }
            append(entry)
        }
        _ = try ExactIndex(database: self)
    }

    /// Checks a new fingerprint's value length against its kind and the limits.
    static func validate(_ fingerprint: Fingerprint, limits: CartridgeLimits) throws(CartridgeError) {
        guard fingerprint.count <= limits.maxValueLength else {
            throw .make(.limitExceeded, "a \(fingerprint.kind) value of \(fingerprint.count) bytes is over maxValueLength")
        }
        if let width = fingerprint.kind.fixedWidth, fingerprint.count != width {
            throw .make(.malformed, "a \(fingerprint.kind) value has \(fingerprint.count) bytes, not \(width)")
        }
    }

    /// The number of entries.
    public var count: Int { kinds.count }

    /// The kind of entry `index`.
    public func kind(at index: Int) -> FingerprintKind { kinds[index] }

    /// The category of entry `index`.
    public func category(at index: Int) -> CategoryCode { categories[index] }

    /// The reputation of entry `index`.
    public func reputation(at index: Int) -> Reputation { reputations[index] }

    /// The value bytes of entry `index`, as a range of `valueBytes`.
    func valueRange(at index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(valueEnds[index - 1]))..<Int(valueEnds[index])
    }

    /// Calls `body` with the value bytes of entry `index` (no copy).
    public func withValue<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = valueRange(at: index)
        return try valueBytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Entry `index` as a value.
    public func entry(at index: Int) -> CartridgeEntry {
        CartridgeEntry(fingerprint: Fingerprint(kind: kinds[index], value: Array(valueBytes[valueRange(at: index)])),
                       category: categories[index], reputation: reputations[index])
    }

    /// Every entry, in storage order.
    public var entries: [CartridgeEntry] { (0..<count).map(entry(at:)) }

    /// The entry indexes of each kind, in storage order.
    public func indexesByKind() -> [FingerprintKind: [Int]] {
        var result: [FingerprintKind: [Int]] = [:]
        for index in 0..<count { result[kinds[index], default: []].append(index) }
        return result
    }

    /// The XXH3 key of entry `index` (as `Fingerprint.key`).
    func key(at index: Int) -> UInt64 {
        withValue(at: index) { Fingerprint.key(kind: kinds[index], value: $0) }
    }

    /// Whether entry `index` has this kind and value.
    func matches(_ index: Int, kind: FingerprintKind, value: UnsafeRawBufferPointer) -> Bool {
        kinds[index] == kind && matchesValue(index, value)
    }

    /// Whether entry `index` has this value (whatever its kind).
    func matchesValue(_ index: Int, _ value: UnsafeRawBufferPointer) -> Bool {
        let range = valueRange(at: index)
        guard range.count == value.count else { return false }
        guard let other = value.baseAddress, range.count > 0 else { return true }
        return valueBytes.withUnsafeBytes { memcmp($0.baseAddress! + range.lowerBound, other, range.count) == 0 }
    }

    mutating func reserve(_ extra: Int) {
        kinds.reserveCapacity(count + extra)
        valueEnds.reserveCapacity(count + extra)
        categories.reserveCapacity(count + extra)
        reputations.reserveCapacity(count + extra)
    }

    mutating func append(_ entry: CartridgeEntry) {
        append(kind: entry.fingerprint.kind, value: entry.fingerprint.value[...], category: entry.category, reputation: entry.reputation)
    }

    mutating func append(kind: FingerprintKind, value: ArraySlice<UInt8>, category: CategoryCode, reputation: Reputation) {
        kinds.append(kind)
        valueBytes.append(contentsOf: value)
        valueEnds.append(UInt32(valueBytes.count))
        categories.append(category)
        reputations.append(reputation)
    }

    /// An order-independent digest of the content (entries, version, overlays): two
    /// databases with the same content have the same digest whatever their storage order.
    public func contentDigest() -> UInt64 {
        var sum: UInt64 = 0
        for index in 0..<count {
            var record = ByteWriter()
            record.write(kinds[index].rawValue)
            record.write(categories[index].category)
            record.write(categories[index].subcategory)
            let reputation = reputations[index]
            for mass in [reputation.spam, reputation.ham, reputation.phishing, reputation.virus] { record.write(mass) }
            record.write(reputation.firstSeen)
            record.write(reputation.lastSeen)
            record.write(Array(valueBytes[valueRange(at: index)]))
            sum &+= XXH3.hash64(record.bytes)
        }
        let text = "\(version)\n" + categoryLines.joined(separator: "\n") + "\u{1}" + configLines.joined(separator: "\n")
        return sum ^ XXH3.hash64(Array(text.utf8))
    }
}

