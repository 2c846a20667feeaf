import ArgumentParser
import Imprint
import ImprintHarness

struct EvasionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evasion",
        abstract: "Measure how fingerprint families survive spammers' edits: the evasion table, as Markdown.",
        discussion: "Spam of the corpora is mutated (seeded); ham supplies the inserted words; all messages supply unrelated pairs."
    )

    @Option(name: .customLong("corpus"), help: "A corpus spec (repeatable).") var corpora: [String] = []
    @Option(help: "The seed of the mutations and pairs.") var seed: UInt64 = 1
    @Option(help: "Unrelated pairs compared.") var pairs: Int = 5_000

    func run() throws {
        guard !corpora.isEmpty else { throw CommandFailure("no --corpus given") }
        let corpus = try loadCorpus(corpora)
        var spam: [[UInt8]] = [], all: [[UInt8]] = [], vocabulary: [Substring] = []
        for entry in corpus.entries {
            guard let bytes = try? corpus.bytes(of: entry) else { continue }
            all.append(Array(bytes))
            if entry.label == .ham, vocabulary.count < 20_000 {
                vocabulary += String(decoding: bytes, as: UTF8.self).split(separator: " ").filter { $0.count > 3 && $0.allSatisfy(\.isLetter) }
            } else if entry.label.isAbusive {
                spam.append(Array(bytes))
            }
        }
        let table = EvasionTable(spam: spam, unrelated: all, vocabulary: vocabulary, seed: seed, pairs: pairs)
        print("\(table.originals) spam messages mutated, \(pairs) unrelated pairs, seed \(seed)\n")
        print(table.markdown)
    }
}
