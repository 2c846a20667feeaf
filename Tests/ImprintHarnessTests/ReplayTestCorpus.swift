import Foundation
import Imprint
@testable import ImprintHarness
import ImprintTestSupport

/// A small seeded subset of the bundled corpus (corpora/), written as a labels.tsv of absolute
/// paths in the original order, and a cartridge built from it.
enum ReplayTestCorpus {
    /// The repository's bundled corpus.
    static let bundled = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpora").path

    /// `perLabel` messages of each label (ham, spam; all of phishing and virus up to it), chosen
    /// by `seed`, kept in corpus order.
    static func subset(perLabel: Int, seed: UInt64) throws -> Corpus {
        try subsets(perLabel: perLabel, seed: seed, parts: 1)[0]
    }

    /// The subset dealt alternately into `parts` disjoint corpora (for held-out evaluation).
    static func subsets(perLabel: Int, seed: UInt64, parts: Int) throws -> [Corpus] {
        let full = try Corpus.load([.labelledDirectory(path: bundled)])
        var generator = SeededGenerator(seed: seed)
        var chosen = Set<Int>()
        for label in Set(full.entries.map(\.label)).sorted() {
            let positions = full.entries.indices.filter { full.entries[$0].label == label }.shuffled(using: &generator)
            chosen.formUnion(positions.prefix(perLabel))
        }
        return try (0..<parts).map { part in
            let directory = NSTemporaryDirectory() + "imprint-replay-test-\(seed)-\(perLabel)-\(part)of\(parts)-\(getpid())"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var lines = ["# seeded subset of the bundled corpus"]
            for (number, position) in chosen.sorted().enumerated() where number % parts == part {
                guard case .file(let path) = full.entries[position].source else { continue }
                lines.append("\(path)\t\(full.entries[position].label.rawValue)")
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: directory + "/labels.tsv", atomically: true, encoding: .utf8)
            return try Corpus.load([.labelledDirectory(path: directory)])
        }
    }

    /// A cartridge built from `corpus`, its score model fitted on 3 folds.
    static func cartridge(from corpus: Corpus, name: String) throws -> String {
        let directory = NSTemporaryDirectory() + "imprint-replay-test-cartridge-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        let (messages, _) = ReplayInput.load(corpus, threads: 2)
        let builder = CartridgeBuilder(folds: 3)
        let output = try builder.build(messages.map { LabelledMessage(bytes: $0.bytes, label: $0.label.rawValue) })
        try Cartridge.create(at: directory, database: output.database,
                             config: output.config.lines.joined(separator: "\n") + "\n",
                             categories: builder.categories.lines.joined(separator: "\n") + "\n", whitelist: "")
        return directory
    }

    /// A copy of the cartridge at `directory` with half its entries removed by a micro-update.
    static func halved(_ directory: String, name: String) throws -> String {
        let copy = NSTemporaryDirectory() + "imprint-replay-test-halved-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: directory, toPath: copy)
        let cartridge = try Cartridge(directory: copy)
        let database = cartridge.snapshot.database
        var update = MicroUpdate(serial: database.version.serial + 1, predecessor: database.version.serial)
        // The half with the most report mass (the fingerprints seen most, ham or abusive): what
        // is left is mostly evidence seen once, so the cartridge knows much less.
        let abusive = { (entry: Int) -> Float in database.reputation(at: entry).total }
        let order = (0..<database.count).sorted { abusive($0) != abusive($1) ? abusive($0) > abusive($1) : $0 < $1 }
        update.removes = order.prefix(database.count / 2).map { database.entry(at: $0).fingerprint }
        try cartridge.apply(update)
        return copy
    }
}
