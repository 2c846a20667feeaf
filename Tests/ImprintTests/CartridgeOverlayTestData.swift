import Foundation
@testable import Imprint
import ImprintTestSupport

/// Seeded cartridge contents whose similarity kinds have near neighbours (so that
/// `similar(to:)` finds something), and random micro-updates over them: removes, adds (new,
/// near-duplicate, already present, previously removed), re-weights of base and added
/// entries, configuration lines that move the radii and the MinHash threshold, category lines.
struct CartridgeOverlayTestData {
    static let similarityKinds: [FingerprintKind] = [.tlsh, .pdq, .simhash, .nilsimsa, .dhash, .minhash]
    static let otherKinds: [FingerprintKind] = [.exactBodySHA256, .url, .host, .token]

    var generator: SeededGenerator
    /// Fingerprints removed so far (candidates for re-adding).
    var removed: [Fingerprint] = []

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// A random value of `kind`: MinHash signatures of 128 rows, a few of 64.
    mutating func value(_ kind: FingerprintKind) -> [UInt8] {
        if kind == .minhash { return generator.bytes(Int.random(in: 0..<8, using: &generator) == 0 ? 256 : 512) }
        return generator.bytes(kind.fixedWidth ?? Int.random(in: 5...40, using: &generator))
    }

    /// `value` moved a little: a few bits flipped (Hamming kinds), a few quartile bytes
    /// changed (TLSH), some rows replaced (MinHash); sometimes past the match radius.
    mutating func near(_ value: [UInt8], kind: FingerprintKind) -> [UInt8] {
        var result = value
        switch kind {
        case .tlsh:
            for _ in 0..<Int.random(in: 1...14, using: &generator) {
                result[Int.random(in: 3..<35, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator) & 0x55
            }
            if Bool.random(using: &generator) { result[0] ^= 1 }
        case .minhash:
            let rows = value.count / 4
            for _ in 0..<Int.random(in: 0...(rows * 3 / 4), using: &generator) {
                let row = Int.random(in: 0..<rows, using: &generator)
                for byte in 0..<4 { result[row * 4 + byte] = UInt8.random(in: 0...255, using: &generator) }
            }
        default:
            let limit = kind == .simhash ? 5 : kind == .dhash ? 14 : 40
            for _ in 0..<Int.random(in: 0...limit, using: &generator) {
                let bit = Int.random(in: 0..<(value.count * 8), using: &generator)
                result[bit / 8] ^= 1 << UInt8(bit % 8)
            }
        }
        return result
    }

    mutating func entry(_ fingerprint: Fingerprint, serial: UInt32) -> CartridgeEntry {
        let categories: [CategoryCode] = [.legitimate, .spam, .bulk, .phishing, CategoryCode(1, 2)]
        return CartridgeEntry(fingerprint: fingerprint, category: categories.randomElement(using: &generator)!,
                              reputation: Reputation(spam: Float(Int.random(in: 0...12, using: &generator)) / 4,
                                                     ham: Float(Int.random(in: 0...4, using: &generator)) / 4,
                                                     phishing: 0.25, firstSeen: serial, lastSeen: serial))
    }

    /// A new fingerprint: half the time near an entry of `database` of a similarity kind.
    mutating func fingerprint(near database: FingerprintDatabase) -> Fingerprint {
        if database.count > 0, Bool.random(using: &generator) {
            let source = database.entry(at: Int.random(in: 0..<database.count, using: &generator)).fingerprint
            if Self.similarityKinds.contains(source.kind) {
                return Fingerprint(kind: source.kind, value: near(source.value, kind: source.kind))
            }
        }
        let kind = Int.random(in: 0..<3, using: &generator) == 0 ? Self.otherKinds.randomElement(using: &generator)!
            : Self.similarityKinds.randomElement(using: &generator)!
        return Fingerprint(kind: kind, value: value(kind))
    }

    /// A base database of `count` entries with near-duplicate clusters.
    mutating func database(_ count: Int) throws -> FingerprintDatabase {
        var database = FingerprintDatabase(version: CartridgeVersion(generation: 3, major: 1, minor: 0, serial: 0))
        var seen = Set<Fingerprint>()
        while database.count < count {
            let fingerprint = fingerprint(near: database)
            if seen.insert(fingerprint).inserted { database.append(entry(fingerprint, serial: 0)) }
        }
        return try FingerprintDatabase(version: database.version, entries: database.entries)
    }

    /// The update after `database`: about `size` operations of every sort.
    mutating func update(after database: FingerprintDatabase, size: Int) -> MicroUpdate {
        let serial = database.version.serial + 1
        var update = MicroUpdate(serial: serial, predecessor: database.version.serial)
        func existing() -> Fingerprint { database.entry(at: Int.random(in: 0..<database.count, using: &generator)).fingerprint }
        for _ in 0..<Int.random(in: 0...(size / 4), using: &generator) where database.count > 0 {
            let fingerprint = existing()
            update.removes.append(fingerprint)
            removed.append(fingerprint)
        }
        if Bool.random(using: &generator) { update.removes.append(fingerprint(near: database)) }
        for _ in 0..<Int.random(in: 1...(size / 2), using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0 where database.count > 0: update.adds.append(entry(existing(), serial: serial))
            case 1 where !removed.isEmpty: update.adds.append(entry(removed.randomElement(using: &generator)!, serial: serial))
            case 2 where !update.adds.isEmpty: update.adds.append(entry(update.adds.last!.fingerprint, serial: serial))
            default: update.adds.append(entry(fingerprint(near: database), serial: serial))
            }
        }
        for _ in 0..<Int.random(in: 0...(size / 4), using: &generator) {
            let target = Int.random(in: 0..<6, using: &generator) == 0 || database.count == 0 ? fingerprint(near: database)
                : !update.adds.isEmpty && Bool.random(using: &generator) ? update.adds.randomElement(using: &generator)!.fingerprint : existing()
            update.reweights.append(.init(fingerprint: target, spam: Float(Int.random(in: -4...8, using: &generator)) / 4,
                                          ham: Float(Int.random(in: -2...2, using: &generator)) / 4))
        }
        switch Int.random(in: 0..<8, using: &generator) {
        case 0: update.configLines.append("minhash threshold = \([0.4, 0.5, 0.6].randomElement(using: &generator)!)")
        case 1: update.configLines.append("tlsh radius = \(Int.random(in: 40...120, using: &generator))")
        case 2: update.configLines += ["pdq radius = \(Int.random(in: 20...60, using: &generator))", "simhash radius = \(Int.random(in: 2...6, using: &generator))"]
        case 3: update.categoryLines.append("1.\(serial % 40 + 3)\tsub\(serial)\tadded by update \(serial)")
        // The TLSH search between a scan and the LSH tables (a shape change).
        case 4: update.configLines.append("tlsh scan limit = \([0, 40, 4096].randomElement(using: &generator)!)")
        default: break
        }
        return update
    }

    /// Queries for `similar(to:)`: near variants of entries of `database`, and strangers.
    mutating func queries(_ database: FingerprintDatabase, count: Int) -> [Fingerprint] {
        (0..<count).map { _ in
            for _ in 0..<20 where database.count > 0 {
                let source = database.entry(at: Int.random(in: 0..<database.count, using: &generator)).fingerprint
                guard Self.similarityKinds.contains(source.kind) else { continue }
                return Int.random(in: 0..<4, using: &generator) == 0 ? source
                    : Fingerprint(kind: source.kind, value: near(source.value, kind: source.kind))
            }
            let kind = Self.similarityKinds.randomElement(using: &generator)!
            return Fingerprint(kind: kind, value: value(kind))
        }
    }
}
