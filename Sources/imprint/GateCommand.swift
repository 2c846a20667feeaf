import ArgumentParser
import Imprint
import ImprintHarness

struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Fail (exit 1) with a table of what got worse when a report regresses from its baseline.",
        discussion: """
            Checks: the false positive rate may rise by at most --max-fp-rate (a fraction), ROC AUC may
            fall by at most --max-auc-drop (so (1-AUC)% may rise by 100 times that), and messages per
            second may fall by at most --max-throughput-drop (a fraction of the baseline's).
            """
    )

    @Argument(help: "The JSON report to check.")
    var report: String

    @Option(help: "The JSON report it must not be worse than.")
    var baseline: String

    @Option(help: "Largest allowed rise of the false positive rate (fraction).")
    var maxFpRate: Double = 0.001

    @Option(help: "Largest allowed fall of ROC AUC.")
    var maxAucDrop: Double = 0.0005

    @Option(help: "Largest allowed fall of messages per second, as a fraction of the baseline's.")
    var maxThroughputDrop: Double = 0.5

    func run() throws {
        let current = try Self.load(report)
        let reference = try Self.load(baseline)
        let gate = Gate(report: current, baseline: reference,
                        tolerances: .init(maxFPRateIncrease: maxFpRate, maxAUCDrop: maxAucDrop,
                                          maxThroughputDrop: maxThroughputDrop))
        print(gate.table())
        guard gate.passed else {
            let worse = gate.checks.filter { !$0.passed }.map(\.metric).joined(separator: ", ")
            throw CommandFailure("gate failed: worse than the baseline on \(worse)")
        }
        print("gate passed")
    }

    static func load(_ path: String) throws -> Report {
        let bytes = try FileBytes.read(path)
        do {
            return try Report.decode(json: bytes)
        } catch {
            throw CommandFailure("\(path): not an Imprint JSON report (\(error))")
        }
    }
}
