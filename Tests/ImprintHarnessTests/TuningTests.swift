import Foundation
import Imprint
@testable import ImprintHarness
import ImprintTestSupport
import Testing

@Suite(.serialized) struct TuningTests {
    static func splitOptions(threads: Int = 2) -> ReplayOptions {
        var options = ReplayOptions()
        options.protocol = .split
        options.threads = threads
        options.seed = 11
        options.shuffle = true
        options.wireProbe = false
        return options
    }

    @Test func setAcceptsEverySpellingOfAKeyAndAppliesIt() throws {
        let settings = try TuningSettings(parsing: ["MinimumScore=70", "token_prior_strength = 0.3", "TLSH-Radius=50",
                                                    "family tlsh=off", "maxBodyLength=65536", "minimum score=65"])
        #expect(settings.dictionary == ["minimum score": "65", "token prior strength": "0.3", "tlsh radius": "50",
                                        "family tlsh": "off", "max body length": "65536"])
        let config = try settings.applied(to: CartridgeConfig())
        #expect(config.minimumScore == 65)
        #expect(config.tokenPriorStrength == 0.3)
        #expect(config.tlshRadius == 50)
        #expect(config.nilsimsaRadius == CartridgeConfig().nilsimsaRadius)
        #expect(settings.fingerprintTuning.disabledFamilies == [.tlsh])
        #expect(settings.engineOptions(minimumScore: nil).maxBodyLength == 65536)
        #expect(settings.only(.fingerprint).dictionary == ["max body length": "65536"])
    }

    @Test(arguments: [
        ("Minimum Scor=70", TuningError.Code.unknownKey, "Minimum Scor"),
        ("MinimumScore=101", .badValue, "MinimumScore"),
        ("tlsh radius=-1", .badValue, "tlsh radius"),
        ("image processing depth=ultra", .badValue, "image processing depth"),
        ("family images=maybe", .badValue, "family images"),
        ("maximum tokens=lots", .badValue, "maximum tokens"),
        ("MinimumScore", .syntax, "MinimumScore"),
    ])
    func setRefusesBadInputNamingTheKey(assignment: String, code: TuningError.Code, key: String) {
        #expect {
            _ = try TuningSettings(parsing: [assignment])
        } throws: { error in
            guard let error = error as? TuningError else { return false }
            return error.code == code && error.key == key && error.description.contains(key)
        }
    }

    @Test func sweepGridIsTheProductOfItsParameters() throws {
        let grid = try SweepGrid(parameters: ["MinimumScore=50,80", "tlsh radius=30,70,100"], base: try TuningSettings(parsing: ["family images=off"]))
        #expect(grid.settings.count == 6)
        #expect(grid.settings.map { $0.settings.dictionary["tlsh radius"]! } == ["30", "70", "100", "30", "70", "100"])
        #expect(grid.settings.allSatisfy { $0.settings.fingerprintTuning.disabledFamilies == [.images] })
        #expect(throws: TuningError.self) { try SweepGrid(parameters: ["MinimumScore=50,800"]) }
        #expect(throws: TuningError.self) { try SweepGrid(parameters: ["tlsh radius=1", "TLSH_radius=2"]) }
        #expect(SweepGrid.ablation().settings.count == FingerprintFamily.allCases.count + 1)
    }

    @Test func minimumScoreOverrideMovesOnlyTheThreshold() throws {
        let corpus = try ReplayTestCorpus.subset(perLabel: 25, seed: 21)
        var options = Self.splitOptions()
        options.settings = try TuningSettings(parsing: ["MinimumScore=20"])
        let low = try ReplayRunner.run(corpus, options: options)
        options.settings = try TuningSettings(parsing: ["MinimumScore=95"])
        let high = try ReplayRunner.run(corpus, options: options)
        #expect(low.report.minimumScore == 20)
        #expect(high.report.minimumScore == 95)
        #expect(high.report.overrides == ["minimum score": "95"])
        #expect(low.outcomes.map(\.score) == high.outcomes.map(\.score))  // the threshold does not change a score
        let ham = low.outcomes.filter { !$0.isAbusive }, abusive = low.outcomes.filter(\.isAbusive)
        #expect(low.report.metrics.confusion.falsePositives == ham.filter { $0.score >= 20 }.count)
        #expect(high.report.metrics.confusion.falseNegatives == abusive.filter { $0.score < 95 }.count)
        #expect(low.report.metrics.confusion.falsePositives >= high.report.metrics.confusion.falsePositives)
        #expect(low.report.metrics.confusion.falseNegatives <= high.report.metrics.confusion.falseNegatives)
        #expect(low.report.metrics.confusion.falsePositives > high.report.metrics.confusion.falsePositives
            || low.report.metrics.confusion.falseNegatives < high.report.metrics.confusion.falseNegatives)
        #expect(high.report.markdown().contains("`minimum score = 95`"))
    }

    @Test func sweepReusingFingerprintsMatchesSeparateReplays() throws {
        let corpus = try ReplayTestCorpus.subset(perLabel: 25, seed: 22)
        let options = Self.splitOptions()
        let grid = try SweepGrid(parameters: ["token prior strength=0.1,2", "MinimumScore=40,90"])
        let sweep = try SweepRunner.run(corpus, grid: grid, options: options)
        #expect(sweep.rows.count == 4)
        #expect(sweep.rows.map(\.reusedFingerprints) == [false, true, true, true])
        #expect(sweep.parameters.allSatisfy { $0.stage == .score })
        for (row, entry) in zip(sweep.rows, grid.settings) {
            var separate = options
            separate.settings = entry.settings
            let metrics = try ReplayRunner.run(corpus, options: separate).report.metrics
            #expect(row.oneMinusAucPct == metrics.oneMinusAucPct, "\(entry.label)")
            #expect(row.recallAtFp0_1 == 1 - metrics.smAtHm0_1Pct / 100, "\(entry.label)")
            #expect(row.falsePositives == metrics.confusion.falsePositives, "\(entry.label)")
            #expect(row.falseNegatives == metrics.confusion.falseNegatives, "\(entry.label)")
        }
        #expect(sweep.rows[0].oneMinusAucPct != sweep.rows[2].oneMinusAucPct)  // the prior strength matters
        #expect(sweep.markdown().contains("| token prior strength | minimum score | recall at FP 0.1% |"))
        #expect(sweep.markdown().contains("| 0.1 | 40 | "))
        #expect(sweep.html().contains("<svg"))
    }

    @Test func switchingAFamilyOffRemovesItsEvidence() throws {
        let corpus = try ReplayTestCorpus.subset(perLabel: 20, seed: 23)
        let cartridge = try Cartridge(directory: try ReplayTestCorpus.cartridge(from: corpus, name: "ablation"))
        let (messages, _) = ReplayInput.load(corpus, threads: 2)
        let snapshot = cartridge.snapshot
        let full = Engine(cartridge: cartridge)
        let withoutTokens = Engine(cartridge: cartridge, options: EngineOptions(fingerprintTuning: FingerprintTuning(disabledFamilies: [.tokens])))
        var changed = 0
        for message in messages {
            guard let all = try? full.evaluate(message.bytes, form: .rendered, snapshot: snapshot),
                  let off = try? withoutTokens.evaluate(message.bytes, form: .rendered, snapshot: snapshot) else { continue }
            #expect(off.fingerprints?.fingerprints.contains { $0.kind == .token } == false)
            #expect(off.evidence.all.allSatisfy { $0.kind != .token })
            #expect(off.fingerprints?.skipped.contains { $0.family == "tokens" && $0.reason == "switched off" } == true)
            // Dropping computed fingerprints is what the switch does: the sweep's reuse path agrees.
            let prepared = try full.prepare(message.bytes, form: .rendered, config: snapshot.config).removing([.tokens])
            #expect(full.evaluate(prepared, snapshot: snapshot).verdict == off.verdict)
            if all.evidence.all.contains(where: { $0.kind == .token }) && all.verdict.score != off.verdict.score { changed += 1 }
        }
        #expect(changed > messages.count / 2)

        var options = Self.splitOptions()
        options.shuffle = false
        let ablation = try SweepRunner.run(corpus, grid: .ablation(families: [.tokens, .images]), options: options, ablation: true)
        #expect(ablation.rows.map(\.label) == ["all families", "-tokens", "-images"])
        #expect(ablation.rows[1].evidencePerMessage < ablation.rows[0].evidencePerMessage)
        #expect((ablation.familyFingerprintsPerMessage?["tokens"] ?? 0) > 10)
        #expect(ablation.markdown().contains("| -tokens |"))
    }

    @Test func allocationsAreNotMeasuredWithoutACounter() throws {
        let corpus = try ReplayTestCorpus.subset(perLabel: 5, seed: 24)
        var options = Self.splitOptions()
        options.wireProbe = true
        let report = try ReplayRunner.run(corpus, options: options).report
        #expect(report.wireVsRendered?.wire.allocations == -1)
        #expect(report.markdown().contains("not measured"))
    }
}
