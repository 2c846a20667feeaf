import Foundation
import Imprint
@testable import ImprintHarness
import ImprintTestSupport
import Testing

@Suite(.serialized) struct ReplayTests {
    static func options(_ kind: ReplayProtocol, threads: Int, cartridge: String? = nil) -> ReplayOptions {
        var options = ReplayOptions()
        options.protocol = kind
        options.threads = threads
        options.cartridgeDirectory = cartridge
        options.seed = 7
        return options
    }

    /// The report without its timings, for determinism checks.
    static func numbers(_ report: Report) -> Report {
        var copy = report
        copy.throughput = Report.Throughput(messagesPerSecond: 0, megabytesPerSecond: 0, latencyUs: [:], peakRssBytes: 0, threads: 0, seconds: 0)
        if var wire = copy.wireVsRendered {
            wire.wire.seconds = 0
            wire.rendered.seconds = 0
            copy.wireVsRendered = wire
        }
        return copy
    }

    @Test func fixedScoresEveryMessageTheSameWhateverTheThreadCount() throws {
        let corpus = try ReplayTestCorpus.subset(perLabel: 25, seed: 1)
        let cartridge = try ReplayTestCorpus.cartridge(from: try ReplayTestCorpus.subset(perLabel: 40, seed: 2), name: "fixed")
        let one = try ReplayRunner.run(corpus, options: Self.options(.fixed, threads: 1, cartridge: cartridge))
        let two = try ReplayRunner.run(corpus, options: Self.options(.fixed, threads: 2, cartridge: cartridge))
        #expect(one.outcomes.count + one.report.errors.values.reduce(0, +) == corpus.entries.count)
        #expect(one.report.metrics.confusion.total == one.outcomes.count)
        #expect(one.outcomes == two.outcomes)
        #expect(Self.numbers(one.report) == Self.numbers(two.report))
        #expect(two.report.throughput.threads == 2)
        #expect(one.report.protocol == "fixed")
        #expect(one.report.wireVsRendered?.wire.bytesCopied == 0)
        #expect((one.report.wireVsRendered?.rendered.bytesCopied ?? 0) > one.report.corpus.bytes / 2)
        #expect(one.report.throughput.latencyUs["p99"]! >= one.report.throughput.latencyUs["p50"]!)
        #expect(one.report.throughput.peakRssBytes > 0)
    }

    @Test func splitTrainsOnTheFirstPartAndScoresTheRest() throws {
        let corpus = try ReplayTestCorpus.subset(perLabel: 30, seed: 3)
        var options = Self.options(.split, threads: 1)
        options.trainFraction = 0.6
        options.wireProbe = false
        let chronological = try ReplayRunner.run(corpus, options: options)
        let total = corpus.entries.count
        let trained = Int((Double(total) * 0.6).rounded())
        #expect(chronological.trainingMessages == trained)
        #expect(chronological.outcomes.count + (chronological.report.errors["unparseable"] ?? 0) == total - trained)
        options.shuffle = true
        let shuffled1 = try ReplayRunner.run(corpus, options: options)
        options.threads = 2
        let shuffled2 = try ReplayRunner.run(corpus, options: options)
        #expect(shuffled1.outcomes == shuffled2.outcomes)
        #expect(Self.numbers(shuffled1.report) == Self.numbers(shuffled2.report))
        #expect(shuffled1.outcomes.map(\.label) != chronological.outcomes.map(\.label))
    }

    @Test func onlineLearnsThroughMicroUpdates() throws {
        let corpus = try ReplayTestCorpus.subset(perLabel: 20, seed: 4)
        var options = Self.options(.online, threads: 1)
        options.wireProbe = false
        options.shuffle = true  // the bundled corpus is grouped by label, not chronological
        let result = try ReplayRunner.run(corpus, options: options)
        let scored = result.outcomes.count
        #expect(scored + result.report.errors.values.reduce(0, +) == corpus.entries.count)
        #expect(result.updates == scored)
        #expect(result.report.cartridgeVersion == "1.0.0.\(scored)")
        // Learning works: the second half of the stream is scored better than chance.
        #expect(result.report.metrics.rocAuc > 0.6)
        // With an interval, each batch is scored in parallel against one snapshot: the same numbers.
        options.updateInterval = 10
        let batched1 = try ReplayRunner.run(corpus, options: options)
        options.threads = 2
        let batched2 = try ReplayRunner.run(corpus, options: options)
        #expect(batched1.updates == (scored + 9) / 10)
        #expect(batched1.outcomes == batched2.outcomes)
    }

    @Test func gateFailsOnAHalvedCartridgeAndPassesOnARerun() throws {
        // Held out: a cartridge scores its own training messages perfectly with or without half its entries.
        let parts = try ReplayTestCorpus.subsets(perLabel: 80, seed: 5, parts: 2)
        let corpus = parts[1]
        let cartridge = try ReplayTestCorpus.cartridge(from: parts[0], name: "gate")
        let halved = try ReplayTestCorpus.halved(cartridge, name: "gate")
        var options = Self.options(.fixed, threads: 2, cartridge: cartridge)
        options.wireProbe = false
        let baseline = try ReplayRunner.run(corpus, options: options).report
        let rerun = try ReplayRunner.run(corpus, options: options).report
        options.cartridgeDirectory = halved
        let worse = try ReplayRunner.run(corpus, options: options).report
        // Throughput of a 100-message run on a shared machine is noisy: only accuracy is gated here.
        let tolerances = Gate.Tolerances(maxThroughputDrop: 0.99)
        #expect(Gate(report: rerun, baseline: baseline, tolerances: tolerances).passed)
        let gate = Gate(report: worse, baseline: baseline, tolerances: tolerances)
        #expect(!gate.passed)
        #expect(gate.checks.contains { !$0.passed && ($0.metric == "roc_auc" || $0.metric == "fp_rate") })
    }

    @Test func maliciousReportersBarelyMoveTheFalsePositiveRate() throws {
        let corpus = try ReplayTestCorpus.subset(perLabel: 150, seed: 6)
        var options = Self.options(.online, threads: 2)
        options.wireProbe = false
        options.updateInterval = 25
        options.shuffle = true
        options.reporters = 20
        let honest = try ReplayRunner.run(corpus, options: options)
        options.maliciousFraction = 0.1
        let poisoned = try ReplayRunner.run(corpus, options: options)
        let rise = poisoned.report.metrics.confusion.falsePositives - honest.report.metrics.confusion.falsePositives
        print("malicious reporters: fp rate \(honest.report.metrics.fpRate) -> \(poisoned.report.metrics.fpRate), "
              + "trust honest \(poisoned.honestTrust ?? 0) malicious \(poisoned.maliciousTrust ?? 0)")
        // On 150 ham one message is 0.67 points, so the 0.2-point bound of the issue is measured on
        // spamassassin_public (README); here the poisoned run may add at most one false positive.
        #expect(rise <= 1, "\(rise) more false positives")
        #expect((poisoned.maliciousTrust ?? 1) < (poisoned.honestTrust ?? 0))
    }
}
