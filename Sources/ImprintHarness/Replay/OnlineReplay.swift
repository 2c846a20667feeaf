import Foundation
import Imprint

/// The online protocol: in corpus order, each message is scored with the current cartridge,
/// then its label is reported; every `updateInterval` messages the reports become a `.mu`
/// file that `Cartridge.apply(contentsOf:)` applies (the real micro-update path).
///
/// The messages of one update interval all see the same snapshot, so they are scored in
/// parallel; with the default interval of 1 the replay is sequential by nature.
struct OnlineReplay {
    let options: ReplayOptions
    /// The working cartridge directory (a copy or a new empty cartridge); changed by the replay.
    let directory: String

    struct Output {
        var scored: [ScoredMessage]
        var errors: [String: Int]
        var meter: ThroughputMeter
        var seconds: Double
        var updateSeconds: Double
        var updates: Int
        var fits: Int
        var network: ReporterNetwork
        var campaigns: CampaignSummary
        var cartridge: Cartridge
        var engine: Engine
    }

    /// Creates an empty cartridge (no entries, default configuration and categories) at `directory`.
    static func createEmpty(at directory: String, settings: TuningSettings = TuningSettings()) throws {
        var config = try settings.applied(to: CartridgeConfig())
        config.reportTotals = [0, 0, 0, 0]
        try Cartridge.create(at: directory, database: FingerprintDatabase(version: CartridgeVersion()),
                             config: config.lines.joined(separator: "\n") + "\n",
                             categories: CategoryTable().lines.joined(separator: "\n") + "\n",
                             whitelist: "# no whitelist rules\n")
    }

    /// Rewrites the `cartridge.cfg` of the working copy at `directory` with `settings` applied.
    static func override(_ directory: String, with settings: TuningSettings) throws {
        let path = CartridgeLayout(directory: directory).config
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let config = try settings.applied(to: CartridgeConfig(parsing: text, path: path))
        try ScratchFile.write(Array((config.lines.joined(separator: "\n") + "\n").utf8), to: path)
    }

    func run(_ messages: [ReplayMessage]) throws -> Output {
        let cartridge = try Cartridge(directory: directory)
        let engine = Engine(cartridge: cartridge, options: options.settings.engineOptions(minimumScore: options.minimumScore))
        let interval = max(1, options.updateInterval)
        var network = ReporterNetwork(count: options.reporters, maliciousFraction: options.maliciousFraction, seed: options.seed)
        var batch = FeedbackBatch(startingTotals: cartridge.snapshot.config.reportTotals)
        var refit = ScoreModelRefit(interval: options.refitInterval)
        var meter = ThroughputMeter()
        var campaigns = CampaignTracker()
        var scored: [ScoredMessage] = []
        scored.reserveCapacity(messages.count)
        var errors: [String: Int] = [:]
        var falsePositives = 0, falseNegatives = 0, seen = 0, updates = 0
        var updateNanos: UInt64 = 0
        let pendingPath = directory + "/pending.mu"
        let start = Clock.nanoseconds()
        var lastTick = start
        var position = 0
        while position < messages.count {
            let end = min(messages.count, position + interval)
            let snapshot = cartridge.snapshot
            let first = position
            let results: [Result<ScoredMessage, ReplayFailure>] = end - first == 1
                ? [MessageScorer.score(messages[first], engine: engine, snapshot: snapshot, keepFingerprints: true)]
                : parallelMap(end - first, threads: options.threads) {
                    MessageScorer.score(messages[first + $0], engine: engine, snapshot: snapshot, keepFingerprints: true)
                }
            for result in results {
                seen += 1
                guard case .success(var message) = result else {
                    if case .failure(let failure) = result { errors[failure.reason, default: 0] += 1 }
                    continue
                }
                meter.record(message)
                if message.isSpam && !message.label.isAbusive { falsePositives += 1 }
                if !message.isSpam && message.label.isAbusive { falseNegatives += 1 }
                var knownAbusive = 0.0, knownHam = 0.0
                if !network.reporters.isEmpty {
                    for fingerprint in message.fingerprints {
                        guard let entry = snapshot.lookup(fingerprint) else { continue }
                        let reputation = snapshot.reputation(at: entry)
                        knownAbusive += Double(reputation.spam + reputation.phishing + reputation.virus)
                        knownHam += Double(reputation.ham)
                    }
                }
                let report = network.report(truth: message.label, score: message.score, knownAbusive: knownAbusive, knownHam: knownHam)
                if let mass = ReportMass(label: report.label.rawValue, weight: report.weight, categories: snapshot.categories) {
                    batch.add(message.fingerprints, mass: mass)
                } else {
                    errors["unknown_label", default: 0] += 1
                }
                if let model = refit.add(message.scoreVector, reportedAbusive: report.label.isAbusive, weight: report.weight,
                                         messagesSeen: seen) {
                    batch.scoreModel = model
                }
                if message.label.isAbusive { campaigns.add(message.fingerprints, caught: message.isSpam) }
                message.fingerprints = []
                scored.append(message)
            }
            if !batch.isEmpty {
                let updateStart = Clock.nanoseconds()
                let update = batch.takeUpdate(after: snapshot)
                try ScratchFile.write(update.encoded(level: 1), to: pendingPath)
                try cartridge.apply(contentsOf: pendingPath)
                updateNanos += Clock.nanoseconds() - updateStart
                updates += 1
            }
            position = end
            let now = Clock.nanoseconds()
            if let progress = options.progress, now - lastTick > 200_000_000 || position == messages.count {
                lastTick = now
                progress(ReplayProgress(done: position, total: messages.count, seconds: Double(now - start) / 1e9,
                                        falsePositives: falsePositives, falseNegatives: falseNegatives, phase: "online"))
            }
        }
        try? FileManager.default.removeItem(atPath: pendingPath)
        return Output(scored: scored, errors: errors, meter: meter, seconds: Double(Clock.nanoseconds() - start) / 1e9,
                      updateSeconds: Double(updateNanos) / 1e9, updates: updates, fits: refit.fits, network: network, campaigns: campaigns.summary(),
                      cartridge: cartridge, engine: engine)
    }
}

/// Scratch files of a replay.
enum ScratchFile {
    /// Writes `bytes` to `path` without the fsync dance: a scratch file the next step reads
    /// (the cartridge copies the update into `micro_updates/` durably itself).
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw ReplayError("cannot write \(path)")
        }
    }
}

/// A replay that cannot run: bad options, an unwritable working directory.
public struct ReplayError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
