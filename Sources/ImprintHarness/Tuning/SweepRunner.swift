import Foundation
import Imprint

/// Runs a sweep (`imprint sweep`): every setting of a grid on the same messages under the
/// `split` protocol (the same split for every setting) or `fixed` (one cartridge, reconfigured
/// per setting), reusing work across settings where the keys allow:
/// - the corpus is read once;
/// - settings that agree on their fingerprint-stage keys (`TuningStage.fingerprint`) share one
///   parse-and-fingerprint pass over the training and the test messages; score-stage keys
///   (including the family switches, which drop computed fingerprints exactly as the
///   fingerprinter would) only rebuild the cartridge and the verdicts;
/// - settings that differ only in `minimum score` or `show categories` share the built cartridge.
///
/// Messages/s per setting is the test messages over the wall time of their parse and
/// fingerprint pass (shared by a group, counted in full for each setting of it) plus the
/// setting's own scoring pass: what scoring from bytes with that setting would take.
public enum SweepRunner {
    /// - Throws: `TuningError` (`unsupported` for the online protocol), `ReplayError`, or the
    ///   cartridge's errors.
    public static func run(_ corpus: Corpus, grid: SweepGrid, options: ReplayOptions, ablation: Bool = false,
                           defaultCartridge: () throws -> String = { try DefaultCartridge.path() }) throws -> SweepReport {
        guard options.protocol != .online else {
            throw TuningError.make(.unsupported, key: "", "a sweep runs the split or the fixed protocol (online learns from its own verdicts)")
        }
        let threads = max(1, options.threads)
        let (loaded, readErrors) = ReplayInput.load(corpus, threads: threads)
        let messages = ReplayRunner.ordered(loaded, options: options)
        let (train, test) = options.protocol == .split ? ReplayRunner.split(messages, options: options) : ([], messages)
        let work = NSTemporaryDirectory() + "imprint-sweep-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        // The engine's cartridge: the fixed protocol's, or an empty one that is never scored
        // against (every call passes its setting's snapshot).
        let home: Cartridge
        if options.protocol == .fixed {
            home = try Cartridge(directory: try options.cartridgeDirectory ?? defaultCartridge())
        } else {
            try OnlineReplay.createEmpty(at: work + "/home")
            home = try Cartridge(directory: work + "/home")
        }
        var context = SweepContext(options: options, threads: threads, home: home, train: train, test: test)
        var rows: [SweepRow] = []
        var errors = readErrors
        var families: [String: Double]?
        let start = Clock.nanoseconds()
        for (position, entry) in grid.settings.enumerated() {
            var row = try context.run(entry.settings, label: entry.label)
            if position == 0 {
                errors.merge(context.prepareErrors, uniquingKeysWith: +)
                if ablation { families = context.familyCounts() }
            }
            row.overrides = entry.settings.dictionary
            rows.append(row)
            options.progress?(ReplayProgress(done: position + 1, total: grid.settings.count, seconds: Double(Clock.nanoseconds() - start) / 1e9,
                                             falsePositives: row.falsePositives, falseNegatives: row.falseNegatives, phase: "sweep"))
        }
        let counts = corpus.countsByLabel.reduce(into: [String: Int]()) { $0[$1.key.rawValue] = $1.value }
        return SweepReport(
            kind: ablation ? "ablation" : "sweep", imprintVersion: ImprintVersion.string,
            corpus: Report.CorpusSummary(name: corpus.name, counts: counts, bytes: messages.reduce(0) { $0 + $1.bytes.count }),
            protocol: options.protocol.rawValue, trainMessages: train.count, testMessages: test.count, threads: threads,
            parameters: grid.axes.map { SweepReport.Parameter(key: $0.key, values: $0.values,
                                                              stage: TuningKey.named($0.key)?.stage ?? .score) },
            rows: rows, familyFingerprintsPerMessage: families, errors: errors)
    }
}

/// What a sweep keeps between settings: the prepared messages of the current fingerprint
/// group and the cartridges built so far.
struct SweepContext {
    let options: ReplayOptions
    let threads: Int
    let home: Cartridge
    let train: [ReplayMessage]
    let test: [ReplayMessage]

    private var group: TuningSettings?
    private var trainPrepared: CartridgeBuilder.PreparedCorpus?
    private var testPrepared: [PreparedMessage?] = []
    private var prepareSeconds = 0.0
    private(set) var prepareErrors: [String: Int] = [:]
    private var built: [TuningSettings: CartridgeSnapshot] = [:]

    init(options: ReplayOptions, threads: Int, home: Cartridge, train: [ReplayMessage], test: [ReplayMessage]) {
        self.options = options
        self.threads = threads
        self.home = home
        self.train = train
        self.test = test
    }

    /// One setting's row.
    mutating func run(_ settings: TuningSettings, label: String) throws -> SweepRow {
        let fingerprintPart = settings.only(.fingerprint)
        let reused = fingerprintPart == group
        if !reused { try prepare(fingerprintPart) }
        let buildStart = Clock.nanoseconds()
        let snapshot = try self.snapshot(for: settings)
        let buildSeconds = Double(Clock.nanoseconds() - buildStart) / 1e9
        // A shared cartridge may have been built for another `minimum score`: the setting's own
        // threshold goes to the engine.
        let threshold = try options.minimumScore ?? settings.applied(to: snapshot.config).minimumScore
        let engine = Engine(cartridge: home, options: settings.engineOptions(minimumScore: threshold))
        let disabled = settings.fingerprintTuning.disabledFamilies
        let prepared = testPrepared
        let scoreStart = Clock.nanoseconds()
        let results: [(outcome: ScoredOutcome, evidence: Int)?] = parallelMap(test.count, threads: threads) { [test] index in
            guard let message = prepared[index] else { return nil }
            let evaluation = engine.evaluate(message.removing(disabled), snapshot: snapshot)
            return (ScoredOutcome(label: test[index].label, score: Double(evaluation.verdict.score), category: evaluation.verdict.category),
                    evaluation.evidence.all.count)
        }
        let scoreSeconds = Double(Clock.nanoseconds() - scoreStart) / 1e9
        let scored = results.compactMap { $0 }
        let minimumScore = Double(threshold)
        let metrics = Report.Metrics(scored.map(\.outcome), minimumScore: minimumScore)
        return SweepRow(label: label, overrides: [:], recallAtFp0_1: 1 - metrics.smAtHm0_1Pct / 100,
                        oneMinusAucPct: metrics.oneMinusAucPct, oneMinusAucPctCI: metrics.oneMinusAucPctCI,
                        minimumScore: minimumScore, falsePositives: metrics.confusion.falsePositives,
                        falseNegatives: metrics.confusion.falseNegatives, fpRate: metrics.fpRate, fnRate: metrics.fnRate,
                        messagesPerSecond: Double(scored.count) / max(1e-9, prepareSeconds + scoreSeconds),
                        evidencePerMessage: scored.isEmpty ? 0 : Double(scored.reduce(0) { $0 + $1.evidence }) / Double(scored.count),
                        reusedFingerprints: reused, prepareSeconds: prepareSeconds, buildSeconds: buildSeconds, scoreSeconds: scoreSeconds)
    }

    /// Parses and fingerprints the training and test messages under a fingerprint-stage group.
    private mutating func prepare(_ part: TuningSettings) throws {
        group = part
        built = [:]
        if options.protocol == .split {
            let builder = try SplitTraining.builder(threads: threads, settings: part)
            trainPrepared = builder.prepare(train.map { LabelledMessage(bytes: $0.bytes, label: $0.label.rawValue) })
        }
        let config = try part.applied(to: options.protocol == .split ? CartridgeConfig() : home.snapshot.config)
        let engine = Engine(cartridge: home, options: part.engineOptions(minimumScore: nil))
        let start = Clock.nanoseconds()
        testPrepared = parallelMap(test.count, threads: threads) { [test] index in
            try? engine.prepare(test[index].bytes, form: .rendered, config: config)
        }
        prepareSeconds = Double(Clock.nanoseconds() - start) / 1e9
        let failed = testPrepared.filter { $0 == nil }.count
        prepareErrors = failed == 0 ? [:] : ["unparseable": failed]
    }

    /// The setting's snapshot, built (split) or reconfigured (fixed), shared by settings that
    /// differ only in keys the cartridge does not depend on.
    private mutating func snapshot(for settings: TuningSettings) throws -> CartridgeSnapshot {
        var key = TuningSettings()
        for item in settings.overrides where item.key != "minimum score" && item.key != "show categories" {
            try key.set(item.key, item.value)
        }
        if let snapshot = built[key] { return snapshot }
        let snapshot: CartridgeSnapshot
        if options.protocol == .split, let trainPrepared {
            let builder = try SplitTraining.builder(threads: threads, settings: settings)
            let output = try builder.build(trainPrepared.removing(settings.fingerprintTuning.disabledFamilies))
            snapshot = try CartridgeSnapshot(database: output.database, config: try settings.applied(to: output.config),
                                             categories: builder.categories)
        } else {
            snapshot = try home.snapshot.reconfigured { try settings.apply(to: &$0) }
        }
        built[key] = snapshot
        return snapshot
    }

    /// Mean fingerprints per prepared test message, per family (the ablation's context).
    func familyCounts() -> [String: Double] {
        var counts: [String: Int] = [:]
        let prepared = testPrepared.compactMap { $0 }
        for message in prepared {
            for fingerprint in message.fingerprints.fingerprints {
                counts[FingerprintFamily(kind: fingerprint.kind)?.rawValue ?? fingerprint.kind.name, default: 0] += 1
            }
        }
        return counts.mapValues { Double($0) / Double(max(1, prepared.count)) }
    }
}
