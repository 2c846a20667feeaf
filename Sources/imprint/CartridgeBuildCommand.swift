import ArgumentParser
import Foundation
import Imprint
import ImprintHarness

struct CartridgeBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a cartridge from labelled corpora: every message's fingerprints with its label, and a fitted score model.",
        discussion: """
            SPEC: a directory with labels.tsv, a TREC index file, or LABEL:dir|mbox|maildir:PATH.
            The score model is fitted on out-of-fold evidence (--folds). DIR must not exist or be empty.
            """
    )

    @Option(name: .customLong("corpus"), help: "A corpus spec (repeatable).") var corpora: [String] = []
    @Option(help: "The cartridge directory to create.") var out: String
    @Option(help: "The cartridge version, generation.major.minor.serial.") var version: String = "1.0.0.0"
    @Option(help: "Folds for the out-of-fold fit of the score model (1: keep the default model).") var folds: Int = 5
    @Option(help: "Threads (default: all cores).") var threads: Int = ParallelMap.defaultThreads
    @Option(help: "cartridge.cfg lines to start from, 'key = value' (repeatable).") var set: [String] = []

    func run() throws {
        guard !corpora.isEmpty else { throw CommandFailure("no --corpus given") }
        guard let cartridgeVersion = CartridgeVersion(version) else { throw CommandFailure("bad --version '\(version)'") }
        guard (1...20).contains(folds) else { throw CommandFailure("--folds must be 1...20") }
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: out), !contents.isEmpty {
            throw CommandFailure("\(out) exists and is not empty")
        }
        var config = CartridgeConfig()
        try cartridgeFailure { try config.apply(set.joined(separator: "\n"), path: "--set") }
        let corpus = try loadCorpus(corpora)
        var unreadable = 0
        var messages: [LabelledMessage] = []
        for entry in corpus.entries {
            guard let bytes = try? corpus.bytes(of: entry) else { unreadable += 1; continue }
            messages.append(LabelledMessage(bytes: Array(bytes), label: entry.label.rawValue))
        }
        let builder = CartridgeBuilder(config: config, version: cartridgeVersion, folds: folds, threads: max(1, threads))
        let output = try cartridgeFailure { try builder.build(messages) }
        try cartridgeFailure {
            try Cartridge.create(at: out, database: output.database,
                                 config: output.config.lines.joined(separator: "\n") + "\n",
                                 categories: builder.categories.lines.joined(separator: "\n") + "\n",
                                 whitelist: "# whitelist rules: from, ip, envelope-from, header, body (see README)\n")
        }
        print("CartridgeVersion = \"\(cartridgeVersion)\"")
        print("messages \(output.messagesUsed), entries \(output.database.count), unreadable \(unreadable)"
            + output.skipped.sorted { $0.key < $1.key }.map { ", \($0.key) \($0.value)" }.joined())
        let weights = zip(output.model.features, output.model.weights).map { "\($0)=\(String(format: "%.3f", $1))" }
        print("score model: bias=\(String(format: "%.3f", output.model.bias)) " + weights.joined(separator: " "))
    }
}

/// Reads the corpus specs, as one-line failures.
func loadCorpus(_ specs: [String]) throws -> Corpus {
    do {
        return try Corpus.load(try specs.map { try CorpusSpec.parse($0) })
    } catch let error as CorpusError {
        throw CommandFailure(error.description)
    }
}
