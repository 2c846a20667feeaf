import ArgumentParser
import Foundation
import Imprint
import ImprintHarness

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Score the same messages with two cartridges: metrics side by side, McNemar's test, flipped verdicts.",
        discussion: """
            Give --cartridge twice (A then B). Differences are B − A with 95% intervals (paired for rates).
            Without --report, writes reports/compare.{json,md,html}; with --report PATH and no --format, all three
            next to PATH's stem.
            """
    )

    @Option(name: .customLong("corpus"), help: "A corpus spec (repeatable; default: the bundled corpus).") var corpora: [String] = []
    @Option(name: .customLong("cartridge"), help: "A cartridge directory (exactly twice: A, then B).") var cartridges: [String] = []
    @Option(help: "Report path.") var report: String?
    @Option(help: "json, md or html (default: all three).") var format: String?
    @Option(help: "Threads (default: all cores).") var threads: Int = ParallelMap.defaultThreads
    @Option(help: "is_spam threshold for both (default: each cartridge's).") var minimumScore: Int?
    @Option(name: .customLong("set"), help: setOptionHelp) var overrides: [String] = []

    func validate() throws {
        guard cartridges.count == 2 else { throw CommandFailure("give --cartridge exactly twice (A and B)") }
        if let format, ReportFormat(rawValue: format) == nil { throw CommandFailure("--format is json, md or html") }
        guard threads >= 1 else { throw CommandFailure("--threads must be at least 1") }
        if let minimumScore, !(0...100).contains(minimumScore) { throw CommandFailure("--minimum-score must be 0...100") }
        _ = try tuningSettings(overrides)
    }

    func run() throws {
        var specs = corpora
        if specs.isEmpty {
            guard let bundled = DefaultCartridge.bundledCorpus() else { throw CommandFailure("no --corpus given and no bundled corpus found") }
            specs = [bundled]
        }
        let corpus = try loadCorpus(specs)
        let a = try openCartridge(cartridges[0]), b = try openCartridge(cartridges[1])
        let comparison: CartridgeComparison
        do {
            comparison = try CartridgeComparison.run(corpus, a: a, pathA: cartridges[0], b: b, pathB: cartridges[1],
                                                     threads: threads, minimumScore: minimumScore, settings: try tuningSettings(overrides))
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("compare: \(error)")
        }
        let paths = try ReportWriter.write(path: report, format: format.flatMap(ReportFormat.init(rawValue:)), stem: "compare") { format in
            switch format {
            case .json: return try comparison.jsonText()
            case .md: return comparison.markdown()
            case .html: return comparison.html()
            }
        }
        for difference in comparison.differences {
            print(difference.metric.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(format: "A %.5f  B %.5f  B-A %+.5f", difference.a, difference.b, difference.difference)
                + (difference.interval.map { String(format: "  [%+.5f, %+.5f]", $0[0], $0[1]) } ?? ""))
        }
        print(String(format: "McNemar: A only %d, B only %d, p = %.4g (%@)", comparison.mcnemar.onlyA, comparison.mcnemar.onlyB,
                     comparison.mcnemar.pValue, comparison.mcnemar.exact ? "exact" : "chi-square"))
        print("flipped verdicts: \(comparison.flips.count)")
        for path in paths { print("report: \(path)") }
    }
}
