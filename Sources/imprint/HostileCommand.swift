import ArgumentParser
import Foundation
import Imprint
import ImprintHarness

/// Hidden: the hostile-corpus run of issue 10 (`scripts/hostile_corpus.sh N`). Mutants of the
/// corpus go through the whole engine on the default cartridge; each must get a verdict or a
/// typed error within the bound. Prints the figures; exits 1 when a mutant broke the bound.
struct HostileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hostile", abstract: "Score seeded hostile mutants of a corpus and check the time and memory bound.",
        discussion: "Mutant N depends only on --seed and N: --start resumes after a crash, --only rebuilds one.",
        shouldDisplay: false)

    @Option(help: "Mutants to score.") var mutants: Int = 1_000
    @Option(help: "The seed of the mutations.") var seed: UInt64 = 1
    @Option(help: "The first mutant's number (to resume after a crash).") var start: Int = 0
    @Option(help: "Score only mutant N and print its outcome.") var only: Int?
    @Option(help: "A corpus spec to mutate (default: the bundled corpus).") var corpus: String?
    @Option(help: "The cartridge directory (default: the default cartridge).") var cartridge: String?
    @Option(help: "Before each mutant, overwrite this file with its number and kind (a crash trace).") var trace: String?
    @Option(help: "The bound on time per message, in milliseconds.") var maxMs: Double = 1_000
    @Option(help: "The time the bound applies to: cpu (the scoring thread's) or wall.") var clock: String = "cpu"
    @Option(help: "The bound on resident-memory growth per message, in MiB.") var maxMb: Int = 256
    @Flag(help: "Skip the gzip'd mailbox cases (run with --start 0 otherwise).") var noMailboxes = false
    @Option(help: "Write the mutants over the bound into this directory.") var saveViolations: String?
    @Option(help: "Print the figures so far every N mutants (0: only at the end).") var checkpoint: Int = 10_000

    func run() throws {
        guard let spec = corpus ?? DefaultCartridge.bundledCorpus() else { throw CommandFailure("no --corpus and no bundled corpus found") }
        let messages = HostileRunner.messages(of: try loadCorpus([spec]))
        guard !messages.isEmpty else { throw CommandFailure("the corpus holds no readable message") }
        let directory = try cartridge ?? DefaultCartridge.path { printError("imprint: \($0)") }
        let engine = Engine(cartridge: try cartridgeFailure { try Cartridge(directory: directory) })
        guard let boundClock = HostileBounds.Clock(rawValue: clock) else { throw CommandFailure("--clock must be cpu or wall") }
        let bounds = HostileBounds(maxSeconds: maxMs / 1000, maxMemoryGrowth: maxMb << 20, clock: boundClock)
        let runner = HostileRunner(engine: engine, mutator: HostileMutator(seed: seed), messages: messages, bounds: bounds)
        if let only {
            let outcome = runner.score(runner.mutator.mutant(only, of: messages))
            print(outcome.line)
            if outcome.violates(bounds) { throw ExitCode(1) }
            return
        }
        let tracer = trace.map { CrashTrace(path: $0) }
        var summary = HostileSummary(bounds: bounds)
        if start == 0 && !noMailboxes {
            let scratch = NSTemporaryDirectory() + "imprint-hostile-\(getpid())"
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            tracer?.note("mailbox cases")
            summary.merge(try HostileMailbox(runner: runner).run(in: scratch) { printError("imprint: hostile \($0.kind): \($0.line)") })
        }
        var lastTick = Date()
        var sofar = summary
        let run = runner.run(start..<(start + mutants), starting: { mutant in
            tracer?.note("mutant \(mutant.number) [\(mutant.kind)] source \(mutant.source)")
        }, finished: { outcome in
            if outcome.violates(bounds) {
                printError("imprint: over the bound: \(outcome.line)")
                if let saveViolations {
                    let bytes = runner.mutator.mutant(outcome.number, of: messages).bytes
                    try? Data(bytes).write(to: URL(fileURLWithPath: saveViolations + "/mutant-\(outcome.number).eml"))
                }
            }
            sofar.record(outcome, mutations: outcome.kind.split(separator: "+").map(String.init))
            sofar.peakResident = max(sofar.peakResident, ResourceProbe.peak())
            if checkpoint > 0, (outcome.number + 1 - start) % checkpoint == 0 {
                var text = "checkpoint after mutant \(outcome.number):\n"
                for line in sofar.lines { text += "  " + line + "\n" }
                text.withUTF8 { _ = write(1, $0.baseAddress, $0.count) }
            }
            if Date().timeIntervalSince(lastTick) > 30 {
                lastTick = Date()
                printError("imprint: hostile: mutant \(outcome.number) of \(start + mutants)")
            }
        })
        summary.merge(run)
        print("seed: \(seed), mutants \(start)..<\(start + mutants), corpus \(spec) (\(messages.count) messages), cartridge \(directory)")
        for line in summary.lines { print(line) }
        if summary.violationCount > 0 { throw ExitCode(1) }
    }
}

/// A one-line file rewritten in place before each step, so that after a crash it names the step.
final class CrashTrace {
    private let descriptor: Int32

    init(path: String) { descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }

    deinit { if descriptor >= 0 { close(descriptor) } }

    func note(_ text: String) {
        guard descriptor >= 0 else { return }
        var line = String(text.prefix(200))
        line += String(repeating: " ", count: 200 - line.utf8.count) + "\n"
        line.withUTF8 { _ = pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }
}
