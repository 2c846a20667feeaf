import Foundation
import Imprint

/// Runs a replay of a corpus under one protocol and assembles its report.
public enum ReplayRunner {
    /// - Throws: `ReplayError`, or the cartridge's errors when a cartridge cannot be opened or built.
    public static func run(_ corpus: Corpus, options: ReplayOptions, defaultCartridge: () throws -> String = { try DefaultCartridge.path() })
        throws -> ReplayResult {
        let threads = max(1, options.threads)
        let (loaded, readErrors) = ReplayInput.load(corpus, threads: threads)
        let messages = ordered(loaded, options: options)
        let work = NSTemporaryDirectory() + "imprint-replay-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        var errors = readErrors
        var result: ReplayResult
        let scored: [ScoredMessage]
        let engine: Engine
        let snapshot: CartridgeSnapshot
        let throughput: Report.Throughput
        let scoredMessages: [ReplayMessage]
        let campaigns: CampaignSummary
        switch options.protocol {
        case .fixed, .split:
            var testMessages = messages
            var trained = 0
            let directory: String
            if options.protocol == .split {
                let (train, test) = split(messages, options: options)
                directory = work + "/cartridge"
                try SplitTraining.build(train, threads: threads, settings: options.settings, into: directory)
                testMessages = test
                trained = train.count
            } else {
                directory = try options.cartridgeDirectory ?? defaultCartridge()
            }
            let cartridge = try Cartridge(directory: directory)
            engine = Engine(cartridge: cartridge, options: options.settings.engineOptions(minimumScore: options.minimumScore))
            snapshot = options.protocol == .split || options.settings.isEmpty ? cartridge.snapshot
                : try cartridge.snapshot.reconfigured { try options.settings.apply(to: &$0) }
            let start = Clock.nanoseconds()
            let phase = options.protocol.rawValue
            let run = ParallelScoring(engine: engine, snapshot: snapshot, threads: threads).run(testMessages, keepFingerprints: true) { done, sofar in
                guard let progress = options.progress else { return }
                let fp = sofar.filter { $0.isSpam && !$0.label.isAbusive }.count
                let fn = sofar.filter { !$0.isSpam && $0.label.isAbusive }.count
                progress(ReplayProgress(done: done, total: testMessages.count, seconds: Double(Clock.nanoseconds() - start) / 1e9,
                                        falsePositives: fp, falseNegatives: fn, phase: phase))
            }
            let seconds = Double(Clock.nanoseconds() - start) / 1e9
            var meter = ThroughputMeter()
            run.scored.forEach { meter.record($0) }
            throughput = meter.throughput(seconds: seconds, threads: threads)
            var tracker = CampaignTracker()
            for message in run.scored where message.label.isAbusive { tracker.add(message.fingerprints, caught: message.isSpam) }
            campaigns = tracker.summary()
            scored = run.scored.map { var copy = $0; copy.fingerprints = []; return copy }
            errors.merge(run.errors, uniquingKeysWith: +)
            scoredMessages = testMessages
            result = ReplayResult(report: placeholder, outcomes: [])
            result.trainingMessages = trained
        case .online:
            let directory = work + "/cartridge"
            if let given = options.cartridgeDirectory {
                try FileManager.default.copyItem(atPath: given, toPath: directory)
                if !options.settings.isEmpty { try OnlineReplay.override(directory, with: options.settings) }
            } else {
                try OnlineReplay.createEmpty(at: directory, settings: options.settings)
            }
            let stream = messages
            let output = try OnlineReplay(options: options, directory: directory).run(stream)
            engine = output.engine
            snapshot = output.cartridge.snapshot
            throughput = output.meter.throughput(seconds: output.seconds, threads: options.updateInterval > 1 ? threads : 1)
            scored = output.scored
            campaigns = output.campaigns
            errors.merge(output.errors, uniquingKeysWith: +)
            scoredMessages = stream
            result = ReplayResult(report: placeholder, outcomes: [])
            result.updates = output.updates
            result.updateSeconds = output.updateSeconds
            result.refits = output.fits
            (result.honestTrust, result.maliciousTrust) = output.network.meanTrust
        }
        let rescan = RescanPass.run(scored, messages: scoredMessages, engine: engine, snapshot: snapshot, threads: threads)
        let wire = options.wireProbe ? WireRenderedProbe.run(scoredMessages, engine: engine, snapshot: snapshot, threads: threads) : nil
        let outcomes = scored.map(\.outcome)
        let counts = corpus.countsByLabel.reduce(into: [String: Int]()) { $0[$1.key.rawValue] = $1.value }
        let summary = Report.CorpusSummary(name: corpus.name, counts: counts, bytes: messages.reduce(0) { $0 + $1.bytes.count })
        result.outcomes = outcomes
        result.report = Report(imprintVersion: ImprintVersion.string, cartridgeVersion: snapshot.version.description,
                               corpus: summary, protocol: options.protocol.rawValue,
                               minimumScore: Double(options.minimumScore ?? snapshot.config.minimumScore),
                               outcomes: outcomes, throughput: throughput, wireVsRendered: wire, rescan: rescan, errors: errors)
        result.report.campaigns = campaigns
        result.report.overrides = options.settings.isEmpty ? nil : options.settings.dictionary
        return result
    }

    /// The messages in replay order: corpus order, or a seeded shuffle with `shuffle`; then
    /// the first `maxMessages`.
    static func ordered(_ messages: [ReplayMessage], options: ReplayOptions) -> [ReplayMessage] {
        var ordered = messages
        if options.shuffle {
            var generator = SplitMix64(seed: options.seed)
            ordered.shuffle(using: &generator)
        }
        if let limit = options.maxMessages { ordered = Array(ordered.prefix(max(0, limit))) }
        return ordered
    }

    /// The training and test parts of a split of messages already in replay order.
    static func split(_ ordered: [ReplayMessage], options: ReplayOptions) -> (train: [ReplayMessage], test: [ReplayMessage]) {
        let cut = Int((Double(ordered.count) * min(max(options.trainFraction, 0), 1)).rounded())
        return (Array(ordered[..<cut]), Array(ordered[cut...]))
    }

    private static let placeholder = Report(
        imprintVersion: "", cartridgeVersion: "", corpus: .init(name: "", counts: [:], bytes: 0), protocol: "", minimumScore: 0,
        outcomes: [], throughput: .init(messagesPerSecond: 0, megabytesPerSecond: 0, latencyUs: [:], peakRssBytes: 0, threads: 0, seconds: 0),
        wireVsRendered: nil, rescan: .init(flagged: 0, changedOnRescan: 0), errors: [:])
}

/// The `split` protocol's training: `CartridgeBuilder` over the training messages, written as
/// a cartridge directory.
enum SplitTraining {
    static func build(_ messages: [ReplayMessage], threads: Int, settings: TuningSettings = TuningSettings(),
                      into directory: String) throws {
        let builder = try builder(threads: threads, settings: settings)
        let output = try builder.build(messages.map { LabelledMessage(bytes: $0.bytes, label: $0.label.rawValue) })
        let config = try settings.applied(to: output.config)
        try Cartridge.create(at: directory, database: output.database,
                             config: config.lines.joined(separator: "\n") + "\n",
                             categories: builder.categories.lines.joined(separator: "\n") + "\n",
                             whitelist: "# no whitelist rules\n")
    }

    /// The builder of a run with `settings`: the default configuration with the overrides
    /// (applied again over the built configuration, so that `score model` or `report totals`
    /// given by hand win over the fitted ones) and the fingerprinter's tuning.
    static func builder(threads: Int, settings: TuningSettings) throws -> CartridgeBuilder {
        var builder = CartridgeBuilder(config: try settings.applied(to: CartridgeConfig()), threads: threads)
        builder.fingerprintTuning = settings.fingerprintTuning
        return builder
    }
}
