import Foundation
import Imprint

/// Hostile gzip'd mailboxes read through the harness's corpus reader (`Corpus.load` with an
/// `LABEL:mbox:PATH.mbox.gz` spec), every message that loads then scored by the engine: a
/// 2 GiB gzip bomb behind three real messages, a valid mailbox of mutants, and that mailbox
/// truncated and bit-flipped. Reading each mailbox must end in a `CorpusError` or its
/// messages within the bound (an outcome whose verdict "score" is the number of messages
/// read), and each message read is then scored as its own outcome (`gzip-valid#3`).
public struct HostileMailbox: Sendable {
    /// What the bomb inflates to.
    public static let bombBytes = 2 << 30

    public let runner: HostileRunner

    public init(runner: HostileRunner) { self.runner = runner }

    /// The cases' names, in the order `run` takes them.
    public static let cases = ["gzip-bomb", "gzip-valid", "gzip-truncated", "gzip-flipped"]

    /// Runs every case once, writing the files under `directory`.
    public func run(in directory: String, finished: (HostileOutcome) -> Void = { _ in }) throws -> HostileSummary {
        var summary = HostileSummary(bounds: runner.bounds)
        var random = runner.mutator.generator(for: -1)
        let originals = runner.messages
        var mailbox: [UInt8] = []
        for _ in 0..<20 {
            let mutant = runner.mutator.mutant(Int(random.next() % 1_000_000), of: originals)
            mailbox += Self.mboxEntry(mutant.form == .rendered ? mutant.bytes : originals[mutant.source])
        }
        let valid = Deflater.compress(mailbox, format: .gzip)
        for name in Self.cases {
            let bytes: [UInt8]
            switch name {
            case "gzip-bomb": bytes = GzipBomb.make(prefix: originals.prefix(3).flatMap(Self.mboxEntry), bombBytes: Self.bombBytes)
            case "gzip-valid": bytes = valid
            case "gzip-truncated": bytes = Array(valid[..<Int(random.next() % UInt64(valid.count))])
            default: bytes = HostileMutator.apply(.byteFlips, to: valid, using: &random)
            }
            let path = directory + "/\(name).mbox.gz"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            var loaded: [[UInt8]] = []
            let (result, time, growth) = HostileRunner.measure { () -> HostileOutcome.Result in
                do {
                    let corpus = try Corpus.load([.mbox(label: .spam, path: path)])
                    loaded = corpus.entries.compactMap { try? Array(corpus.bytes(of: $0)) }
                    return .verdict(score: loaded.count)
                } catch let error as CorpusError {
                    return .error(kind: "CorpusError.\(error.code)")
                } catch {
                    return .error(kind: String(describing: type(of: error)))
                }
            }
            var outcomes = [HostileOutcome(number: -1, kind: name, bytes: bytes.count, result: result, seconds: time.wall,
                                           cpuSeconds: time.cpu, memoryGrowth: growth)]
            for (number, message) in loaded.enumerated() {  // each message read from the mailbox, scored
                let (verdict, time, growth) = HostileRunner.measure { runner.score(message, form: .rendered) }
                outcomes.append(HostileOutcome(number: -1, kind: "\(name)#\(number + 1)", bytes: message.count, result: verdict,
                                               seconds: time.wall, cpuSeconds: time.cpu, memoryGrowth: growth))
            }
            for outcome in outcomes {
                summary.record(outcome, mutations: [name])
                summary.peakResident = max(summary.peakResident, ResourceProbe.peak())
                finished(outcome)
            }
        }
        return summary
    }

    /// One mbox entry: a `From ` line, the message with `From ` lines quoted, a blank line.
    static func mboxEntry(_ message: [UInt8]) -> [UInt8] {
        var out = Array("From hostile@example.test Sat Jan  1 00:00:00 2000\n".utf8)
        for line in MessageShape.lines(message) {
            if message[line].starts(with: Array("From ".utf8)) { out.append(0x3E) }
            out += message[line]
        }
        out += Array("\n\n".utf8)
        return out
    }
}
