import ArgumentParser
import Foundation
import Imprint
import ImprintHarness

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid of settings (or an ablation of the fingerprint families) on one corpus: a trade-off table and chart.",
        discussion: """
            --param KEY=v1,v2,… (repeatable) sweeps the product of the values; --set KEY=VALUE fixes a key for every
            setting. Keys: the cartridge.cfg keys (any spelling: MinimumScore, tlsh_radius), 'max body length',
            'minimum fuzzy text', 'maximum tokens', 'family NAME' (on/off). Score-time keys reuse the parsed messages
            and fingerprints across settings; fingerprint-time keys (image processing depth, micro-update signature
            type, use ip information, use envelope for ip information, max body length, minimum fuzzy text, maximum
            tokens) re-fingerprint. --ablation runs every family switched off alone instead of a grid.
            The split protocol (default: the same split for every setting) or fixed (--cartridge, reconfigured per
            setting). Without --report, writes reports/sweep.{json,md,html} (reports/ablation.* with --ablation).
            """
    )

    @Option(name: .customLong("corpus"), help: "A corpus spec (repeatable; default: the bundled corpus).") var corpora: [String] = []
    @Option(name: .customLong("param"), help: "A swept key and its values, KEY=v1,v2,… (repeatable).") var parameters: [String] = []
    @Option(name: .customLong("set"), help: setOptionHelp) var overrides: [String] = []
    @Flag(help: "Ablation: every fingerprint family switched off alone, against all on.") var ablation = false
    @Option(name: .customLong("protocol"), help: "split or fixed.") var replayProtocol: String = "split"
    @Option(help: "fixed: the cartridge (default: the default cartridge).") var cartridge: String?
    @Option(help: "split: fraction of the corpus that trains.") var trainFraction: Double = 0.5
    @Flag(help: "split: shuffle (seeded) before splitting.") var shuffle = false
    @Option(help: "Seed of the shuffle.") var seed: UInt64 = 0
    @Option(help: "Threads (default: all cores).") var threads: Int = ParallelMap.defaultThreads
    @Option(help: "is_spam threshold for every setting (default: each setting's MinimumScore).") var minimumScore: Int?
    @Option(help: "Use only the first N readable messages (after --shuffle).") var limit: Int?
    @Option(help: "Report path.") var report: String?
    @Option(help: "json, md or html (default: all three).") var format: String?

    func validate() throws {
        guard replayProtocol == "split" || replayProtocol == "fixed" else { throw CommandFailure("--protocol is split or fixed") }
        guard ablation != !parameters.isEmpty else { throw CommandFailure("give --param KEY=v1,v2,… or --ablation (not both)") }
        if let format, ReportFormat(rawValue: format) == nil { throw CommandFailure("--format is json, md or html") }
        guard threads >= 1 else { throw CommandFailure("--threads must be at least 1") }
        guard trainFraction > 0, trainFraction < 1 else { throw CommandFailure("--train-fraction must be in (0, 1)") }
        if let minimumScore, !(0...100).contains(minimumScore) { throw CommandFailure("--minimum-score must be 0...100") }
        _ = try grid()
    }

    func grid() throws -> SweepGrid {
        let base = try tuningSettings(overrides)
        if ablation { return SweepGrid.ablation(base: base) }
        do {
            return try SweepGrid(parameters: parameters, base: base)
        } catch let error as TuningError {
            throw CommandFailure("--param \(error)")
        }
    }

    func run() throws {
        var specs = corpora
        if specs.isEmpty {
            guard let bundled = DefaultCartridge.bundledCorpus() else { throw CommandFailure("no --corpus given and no bundled corpus found") }
            specs = [bundled]
        }
        let corpus = try loadCorpus(specs)
        var options = ReplayOptions()
        options.protocol = ReplayProtocol(rawValue: replayProtocol)!
        options.cartridgeDirectory = cartridge
        options.threads = threads
        options.seed = seed
        options.trainFraction = trainFraction
        options.shuffle = shuffle
        options.minimumScore = minimumScore
        options.maxMessages = limit
        if isatty(2) != 0 { options.progress = ProgressLine.show }
        let result: SweepReport
        do {
            result = try SweepRunner.run(corpus, grid: try grid(), options: options, ablation: ablation) {
                try DefaultCartridge.path { printError("imprint: \($0)") }
            }
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("sweep: \(error)")
        }
        if isatty(2) != 0 { ProgressLine.finish() }
        let paths = try ReportWriter.write(path: report, format: format.flatMap(ReportFormat.init(rawValue:)),
                                           stem: ablation ? "ablation" : "sweep") { format in
            switch format {
            case .json: return try result.jsonText()
            case .md: return result.markdown()
            case .html: return result.html()
            }
        }
        print(result.markdown().split(separator: "\n").filter { $0.hasPrefix("|") && !$0.hasPrefix("|---") }.joined(separator: "\n"))
        for path in paths { print("report: \(path)") }
    }
}
