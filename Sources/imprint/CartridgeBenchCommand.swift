import ArgumentParser
import Imprint

/// Hidden: the cartridge index benchmarks on synthetic data (random fingerprints plus
/// near-duplicate clusters), for a release build:
/// `swift build -c release && .build/release/imprint cartridge bench-indexes`.
/// Prints per-query latency percentiles and, for TLSH, recall against a brute-force scan.
struct CartridgeBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-indexes", abstract: "Benchmark the cartridge indexes on synthetic data.", shouldDisplay: false)

    @Option(help: "Entries for the exact index.") var exactEntries = 1_000_000
    @Option(help: "Codes for the PDQ index.") var pdqEntries = 10_000_000
    @Option(help: "Codes for the SimHash index.") var simhashEntries = 10_000_000
    @Option(help: "Digests for the TLSH index.") var tlshEntries = 1_000_000
    @Option(help: "Signatures (128 rows) for the MinHash index.") var minhashEntries = 200_000
    @Option(help: "Queries per index.") var queries = 1000
    @Option(help: "Queries also answered by brute force (recall, correctness).") var bruteQueries = 100
    @Option(help: "Comma-separated: exact, pdq, simhash, tlsh, minhash.") var only = "exact,pdq,simhash,tlsh,minhash"
    @Option(help: "TLSH tables.") var tlshTables = 32
    @Option(help: "TLSH key bits.") var tlshBits = 16
    @Option(help: "Fraction of TLSH mutation steps forced across the median (stress).") var tlshMedianFraction = 0.0
    @Option(help: "Hamming slot width (0: the default, log2 n).") var slotWidth = 0
    @Option(help: "TLSH probe radius (0 or 1).") var tlshProbe = 1

    func run() throws {
        let selected = Set(only.split(separator: ",").map(String.init))
        var bench = IndexBench(queries: queries, bruteQueries: bruteQueries)
        bench.medianPerMille = Int(tlshMedianFraction * 1000)
        if selected.contains("exact") { try bench.exact(entries: exactEntries) }
        if selected.contains("pdq") { bench.hamming(name: "pdq", entries: pdqEntries, words: 4, radius: 31, clusterFlips: 24, slotWidth: slotWidth) }
        if selected.contains("simhash") { bench.hamming(name: "simhash", entries: simhashEntries, words: 1, radius: 3, clusterFlips: 3, slotWidth: slotWidth) }
        if selected.contains("tlsh") {
            guard (0...1).contains(tlshProbe), (1...20).contains(tlshBits), tlshTables > 0 else { throw CommandFailure("bad TLSH parameters") }
            bench.tlsh(entries: tlshEntries, parameters: TLSHIndex.Parameters(tables: tlshTables, bitsPerKey: tlshBits, probeRadius: tlshProbe))
        }
        if selected.contains("minhash") { bench.minhash(entries: minhashEntries) }
    }
}
