import ArgumentParser
import Foundation
import Imprint
import ImprintHarness

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay labelled corpora through the engine and write reports (JSON, Markdown, HTML).",
        discussion: """
            Protocols: online (default; score, then report the label through micro-updates), split
            (--train-fraction builds a cartridge, the rest is scored), fixed (score with --cartridge or the
            default cartridge). Without --corpus, the bundled corpus (corpora/). Without --report, writes
            reports/replay.{json,md,html}; with --report PATH and no --format, all three next to PATH's stem.
            """
    )

    @Option(name: .customLong("corpus"), help: "A corpus spec (repeatable).") var corpora: [String] = []
    @Option(name: .customLong("protocol"), help: "online, split or fixed.") var replayProtocol: String = "online"
    @Option(help: "The cartridge to score with (fixed) or start from (online; copied, never changed).") var cartridge: String?
    @Option(help: "Report path.") var report: String?
    @Option(help: "json, md or html (default: all three).") var format: String?
    @Option(help: "Threads (default: all cores).") var threads: Int = ParallelMap.defaultThreads
    @Option(help: "Seed of the shuffle and of the reporters.") var seed: UInt64 = 0
    @Option(help: "split: fraction of the corpus that trains.") var trainFraction: Double = 0.5
    @Flag(help: "split: shuffle (seeded) before splitting; online: replay in a seeded random order (for corpora grouped by label).") var shuffle = false
    @Option(help: "online: messages per micro-update.") var updateInterval: Int = 1
    @Option(help: "online: messages between score model refits.") var refitInterval: Int = 500
    @Option(help: "online: simulated reporters (0: every report is the truth, weight 1).") var reporters: Int = 0
    @Option(help: "online: fraction of reporters who report the opposite label.") var maliciousFraction: Double = 0
    @Option(help: "is_spam threshold (default: the cartridge's).") var minimumScore: Int?
    @Option(help: "Replay only the first N readable messages (after --shuffle).") var limit: Int?
    @Flag(help: "Skip the wire-versus-rendered comparison.") var noWireProbe = false
    @Option(name: .customLong("set"), help: setOptionHelp) var overrides: [String] = []

    func validate() throws {
        guard ReplayProtocol(rawValue: replayProtocol) != nil else { throw CommandFailure("--protocol is online, split or fixed") }
        if let format, ReportFormat(rawValue: format) == nil { throw CommandFailure("--format is json, md or html") }
        guard threads >= 1 else { throw CommandFailure("--threads must be at least 1") }
        guard trainFraction > 0, trainFraction < 1 else { throw CommandFailure("--train-fraction must be in (0, 1)") }
        guard updateInterval >= 1, refitInterval >= 1 else { throw CommandFailure("--update-interval and --refit-interval must be at least 1") }
        guard reporters >= 0, (0...1).contains(maliciousFraction) else { throw CommandFailure("--reporters >= 0, --malicious-fraction in [0, 1]") }
        if maliciousFraction > 0, reporters == 0 { throw CommandFailure("--malicious-fraction needs --reporters") }
        if let minimumScore, !(0...100).contains(minimumScore) { throw CommandFailure("--minimum-score must be 0...100") }
        _ = try tuningSettings(overrides)
    }

    func run() throws {
        var specs = corpora
        if specs.isEmpty {
            guard let bundled = DefaultCartridge.bundledCorpus() else {
                throw CommandFailure("no --corpus given and no bundled corpus found (set IMPRINT_CORPORA or run from the repository)")
            }
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
        options.updateInterval = updateInterval
        options.refitInterval = refitInterval
        options.reporters = reporters
        options.maliciousFraction = maliciousFraction
        options.minimumScore = minimumScore
        options.maxMessages = limit
        options.wireProbe = !noWireProbe
        options.settings = try tuningSettings(overrides)
        if isatty(2) != 0 { options.progress = ProgressLine.show }
        AllocationCounter.install()
        let result: ReplayResult
        do {
            result = try ReplayRunner.run(corpus, options: options) { try DefaultCartridge.path { printError("imprint: \($0)") } }
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("replay: \(error)")
        }
        if isatty(2) != 0 { ProgressLine.finish() }
        let paths = try ReportWriter.write(result.report, to: report, format: format.flatMap(ReportFormat.init(rawValue:)), stem: "replay")
        print(ReplaySummary.table(result))
        for path in paths { print("report: \(path)") }
    }
}
