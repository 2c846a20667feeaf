import ArgumentParser
import Imprint

/// Hidden: index benchmarks (release build), until they move to Benchmarks/.
struct CartridgeBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-indexes", abstract: "Benchmark the cartridge indexes on synthetic data.", shouldDisplay: false)

    @Option(help: "Entries for the exact and PDQ indexes.") var entries = 1_000_000
    @Option(help: "Entries for the TLSH index.") var tlshEntries = 1_000_000
    @Option(help: "Queries per index.") var queries = 1000
    @Option(help: "Which: exact, pdq, simhash, tlsh, minhash, all.") var which = "all"

    func run() throws {
        print("not yet")
    }
}
