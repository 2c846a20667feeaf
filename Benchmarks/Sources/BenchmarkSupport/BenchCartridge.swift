import Foundation
import Imprint

/// The cartridge the engine benchmarks score with: built by `CartridgeBuilder` (defaults, as
/// `imprint cartridge build` does) from the training half of the benchmark corpus, written once
/// under `Benchmarks/.build/bench-cartridges/` and reused while the corpus and builder output
/// keep the same name (delete the folder to rebuild after library changes).
public enum BenchCartridge {
    /// The cartridge directory for `corpus`, built when missing.
    public static func directory(for corpus: BenchCorpus) throws -> String {
        let name = corpus.path.split(separator: "/").last.map(String.init) ?? "corpus"
        let root = BenchPaths.repository + "/Benchmarks/.build/bench-cartridges"
        let directory = root + "/\(name)-\(corpus.items.count)-half"
        if FileManager.default.fileExists(atPath: directory + "/states") { return directory }
        let training = corpus.trainingHalf.map { LabelledMessage(bytes: $0.rendered, label: $0.label) }
        let builder = CartridgeBuilder(threads: ParallelMap.defaultThreads)
        let output = try builder.build(training)
        let building = directory + ".building-\(getpid())"
        try? FileManager.default.removeItem(atPath: building)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Cartridge.create(at: building, database: output.database,
                             config: output.config.lines.joined(separator: "\n") + "\n",
                             categories: builder.categories.lines.joined(separator: "\n") + "\n",
                             whitelist: "# no whitelist rules: every message is scored\n")
        try FileManager.default.moveItem(atPath: building, toPath: directory)
        return directory
    }

    /// An engine over the cartridge for the shared corpus, opened once per process.
    public static let engine: Engine = {
        do { return Engine(cartridge: try Cartridge(directory: try directory(for: BenchCorpus.shared))) } catch {
            fatalError("benchmark cartridge: \(error)")
        }
    }()
}
