import Foundation
@testable import Imprint
import ImprintTestSupport
import Testing

/// The log-structured cartridge against the full-rebuild reference: every micro-update of a
/// seeded random sequence goes through `Cartridge.apply` (overlay snapshots, the log,
/// compaction) and through `FingerprintDatabase.applying` plus a fresh snapshot; after each,
/// both must give the same report, content and answers to every public query, and a reopened
/// directory must give the same answers with the same entry numbers.
@Suite struct CartridgeOverlayTests {
    /// Without a TLSH scan limit, so the sequence starts on the LSH tables (updates move it).
    static let config = "minimum score = 80\nminhash threshold = 0.5\ntlsh scan limit = 0\n"

    /// Small thresholds so that the sequence compacts several times.
    static let limits = CartridgeLimits(compactionUpdates: 9, compactionOperations: 40, compactionFraction: 0.08)

    @Test(arguments: [(UInt64(1), 700), (UInt64(2), 250), (UInt64(3), 0)])
    func updatesThroughTheLogAnswerAsAFullRebuild(seed: UInt64, size: Int) throws {
        var data = CartridgeOverlayTestData(seed: seed)
        var reference = try data.database(size)
        let directory = CartridgeTestData.temporaryDirectory("overlay")
        try Cartridge.create(at: directory, database: reference, config: Self.config, categories: CartridgeTestData.categories)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cartridge = try Cartridge(directory: directory, limits: Self.limits)
        let layout = cartridge.layout
        var compactions = 0, rebuilds = 0, overlayHits = 0, hits = 0
        var compacted = try layout.readViable()?.compacted ?? 0
        for _ in 0..<45 {
            let update = data.update(after: reference, size: 40)
            let previous = cartridge.snapshot
            let report = try cartridge.apply(update)
            let expected = try reference.applying(update)
            reference = expected.0
            #expect(report == expected.1, "serial \(update.serial): report")
            let snapshot = cartridge.snapshot
            #expect(snapshot.database.contentDigest() == reference.contentDigest(), "serial \(update.serial): content")
            let fresh = try Self.snapshot(of: reference)
            let queries = data.queries(reference, count: 80)
            let lookups = reference.entries.map(\.fingerprint) + update.removes + data.removed.suffix(40) + data.queries(reference, count: 20)
            let answers = Self.answers(snapshot, queries: queries, lookups: lookups)
            let differences = Self.differences(Self.sortedTies(answers), Self.sortedTies(Self.answers(fresh, queries: queries, lookups: lookups)))
            #expect(differences.isEmpty, "serial \(update.serial): answers differ from a full rebuild: \(differences)")
            hits += answers.similar.joined().count
            overlayHits += queries.reduce(0) { count, query in
                count + snapshot.similar(to: query).filter { $0.entry >= snapshot.overlay.baseCount }.count
            }
            let viable = try #require(try layout.readViable())
            #expect(viable.last == update.serial)
            if viable.compacted != compacted {
                compactions += 1
                compacted = viable.compacted
            } else if snapshot.base !== previous.base {
                rebuilds += 1
            }
            // Reopening (after a compaction or not) gives the same answers, entry numbers included.
            let reopened = try Cartridge(directory: directory, limits: Self.limits).snapshot
            let reopenedDifferences = Self.differences(Self.answers(reopened, queries: queries, lookups: lookups), answers)
            #expect(reopenedDifferences.isEmpty, "serial \(update.serial): reopened: \(reopenedDifferences)")
        }
        #expect(compactions >= 3)
        #expect(hits > 500)
        #expect(overlayHits > 50)
        #expect(try Cartridge.verify(directory: directory, limits: Self.limits).contains { $0.contains("identical") })
        let files = AtomicFile.list(layout.updates) ?? []
        #expect(files.count <= Self.limits.compactionUpdates + 1, "superseded updates are deleted")
        print("overlay seed \(seed): \(compactions) compactions, \(rebuilds) shape rebuilds, \(hits) similar hits (\(overlayHits) on added entries)")
    }

    /// A fresh snapshot of `database` over the test cartridge's files (the reference).
    static func snapshot(of database: FingerprintDatabase) throws -> CartridgeSnapshot {
        try CartridgeSnapshot(database: database, baseConfig: CartridgeConfig(parsing: config, path: "cfg"),
                              baseCategories: CategoryTable(parsing: CartridgeTestData.categories, path: "cats"),
                              whitelist: Whitelist(), overlayPath: "reference")
    }

    struct Hit: Hashable, Comparable {
        var entry: Int
        var similarity: Double
        var key: UInt64
        var value: CartridgeEntry

        static func < (a: Hit, b: Hit) -> Bool { (b.similarity, a.key) < (a.similarity, b.key) }
    }

    struct Answers: Equatable {
        var version: CartridgeVersion
        var config: CartridgeConfig
        var categories: [String]
        var lookups: [Int?]
        var entries: [CartridgeEntry?]
        var keys: [UInt64?]
        var similar: [[Hit]]
    }

    /// Every public query of `snapshot` on these fingerprints.
    static func answers(_ snapshot: CartridgeSnapshot, queries: [Fingerprint], lookups: [Fingerprint]) -> Answers {
        let numbers = lookups.map(snapshot.lookup)
        return Answers(
            version: snapshot.version, config: snapshot.config, categories: snapshot.categories.lines, lookups: numbers,
            entries: numbers.map { $0.map { CartridgeEntry(fingerprint: snapshot.entry(at: $0).fingerprint,
                                                          category: snapshot.category(at: $0), reputation: snapshot.reputation(at: $0)) } },
            keys: numbers.map { $0.map(snapshot.key(at:)) },
            similar: queries.map { query in
                snapshot.similar(to: query).map { Hit(entry: $0.entry, similarity: $0.similarity, key: snapshot.key(at: $0.entry), value: snapshot.entry(at: $0.entry)) }
            })
    }

    /// The first few differences between two sets of answers, briefly.
    static func differences(_ a: Answers, _ b: Answers) -> [String] {
        var found: [String] = []
        if a.version != b.version { found.append("version \(a.version) / \(b.version)") }
        if a.config != b.config { found.append("config") }
        if a.categories != b.categories { found.append("categories") }
        for index in a.lookups.indices where a.lookups[index] != b.lookups[index] || a.entries[index] != b.entries[index] || a.keys[index] != b.keys[index] {
            found.append("lookup \(index): \(String(describing: a.lookups[index])) / \(String(describing: b.lookups[index]))")
        }
        for index in a.similar.indices where a.similar[index] != b.similar[index] {
            let describe = { (hits: [Hit]) in hits.map { "\($0.entry):\($0.key % 1000):\(($0.similarity * 1000).rounded())" }.joined(separator: ",") }
            found.append("similar \(index): [\(describe(a.similar[index]))] / [\(describe(b.similar[index]))]")
        }
        return Array(found.prefix(6))
    }

    /// `answers` without entry numbers, equally similar hits ordered by key: what two
    /// snapshots numbering the same entries differently must agree on.
    static func sortedTies(_ answers: Answers) -> Answers {
        var result = answers
        result.lookups = answers.lookups.map { $0.map { _ in 0 } }
        result.similar = answers.similar.map { hits in
            hits.map { Hit(entry: 0, similarity: $0.similarity, key: $0.key, value: $0.value) }.sorted()
        }
        return result
    }
}
