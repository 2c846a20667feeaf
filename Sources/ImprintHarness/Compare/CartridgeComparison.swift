import Imprint

/// Two cartridges on the same messages in one pass (each message parsed once, then scored
/// against both snapshots): metrics side by side, their differences with 95% intervals,
/// McNemar's test on the paired `is_spam` verdicts, and every message whose verdict flipped
/// with both analysis headers.
public struct CartridgeComparison: Codable, Sendable {
    public struct Side: Codable, Sendable {
        public var cartridge: String
        public var cartridgeVersion: String
        public var metrics: Report.Metrics

        enum CodingKeys: String, CodingKey { case cartridge, cartridgeVersion = "cartridge_version", metrics }
    }

    /// A message whose `is_spam` verdict differs between the cartridges.
    public struct Flip: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var scoreA: Int
        public var scoreB: Int
        public var spamA: Bool
        public var spamB: Bool
        public var analysisA: String
        public var analysisB: String

        enum CodingKeys: String, CodingKey {
            case id, label, scoreA = "score_a", scoreB = "score_b", spamA = "is_spam_a", spamB = "is_spam_b"
            case analysisA = "analysis_a", analysisB = "analysis_b"
        }
    }

    public var corpus: Report.CorpusSummary
    public var a: Side
    public var b: Side
    public var differences: [PairedDifference]
    public var mcnemar: McNemarTest
    public var flips: [Flip]
    public var errors: [String: Int]
    /// The `--set` overrides both sides ran with (nil when none).
    public var overrides: [String: String]? = nil

    /// One verdict pair.
    struct Pair: Sendable {
        var message: Int
        var a: Verdict
        var b: Verdict
    }

    /// Compares cartridges `a` (at `pathA`) and `b` on `corpus`, both under `settings`.
    /// - Throws: `TuningError` when an override does not apply; the cartridge's errors when a
    ///   reconfigured snapshot cannot be built.
    public static func run(_ corpus: Corpus, a: Cartridge, pathA: String, b: Cartridge, pathB: String,
                           threads: Int = ParallelMap.defaultThreads, minimumScore: Int? = nil,
                           settings: TuningSettings = TuningSettings()) throws -> CartridgeComparison {
        let (messages, readErrors) = ReplayInput.load(corpus, threads: max(1, threads))
        let options = settings.engineOptions(minimumScore: minimumScore)
        let engineA = Engine(cartridge: a, options: options), engineB = Engine(cartridge: b, options: options)
        let snapshotA = settings.isEmpty ? a.snapshot : try a.snapshot.reconfigured { try settings.apply(to: &$0) }
        let snapshotB = settings.isEmpty ? b.snapshot : try b.snapshot.reconfigured { try settings.apply(to: &$0) }
        let results: [Pair?] = parallelMap(messages.count, threads: max(1, threads)) { index in
            guard let parsed = try? Message(rendered: messages[index].bytes, limits: options.messageLimits,
                                            maxBodyLength: options.maxBodyLength) else { return nil }
            return Pair(message: index, a: engineA.evaluate(parsed, snapshot: snapshotA).verdict,
                        b: engineB.evaluate(parsed, snapshot: snapshotB).verdict)
        }
        var errors = readErrors
        let pairs = results.compactMap { $0 }
        if pairs.count < results.count { errors["unparseable", default: 0] += results.count - pairs.count }
        let labels = pairs.map { messages[$0.message].label }
        let outcomesA = zip(pairs, labels).map { ScoredOutcome(label: $1, score: Double($0.a.score), category: $0.a.category) }
        let outcomesB = zip(pairs, labels).map { ScoredOutcome(label: $1, score: Double($0.b.score), category: $0.b.category) }
        let thresholdA = Double(minimumScore ?? snapshotA.config.minimumScore)
        let thresholdB = Double(minimumScore ?? snapshotB.config.minimumScore)
        let metricsA = Report.Metrics(outcomesA, minimumScore: thresholdA)
        let metricsB = Report.Metrics(outcomesB, minimumScore: thresholdB)
        let counts = corpus.countsByLabel.reduce(into: [String: Int]()) { $0[$1.key.rawValue] = $1.value }
        return CartridgeComparison(
            corpus: Report.CorpusSummary(name: corpus.name, counts: counts, bytes: messages.reduce(0) { $0 + $1.bytes.count }),
            a: Side(cartridge: pathA, cartridgeVersion: snapshotA.version.description, metrics: metricsA),
            b: Side(cartridge: pathB, cartridgeVersion: snapshotB.version.description, metrics: metricsB),
            differences: differences(pairs: pairs, labels: labels, a: metricsA, b: metricsB, outcomesA: outcomesA, outcomesB: outcomesB),
            mcnemar: McNemarTest(onlyA: pairs.filter { $0.a.isSpam && !$0.b.isSpam }.count,
                                 onlyB: pairs.filter { !$0.a.isSpam && $0.b.isSpam }.count),
            flips: pairs.filter { $0.a.isSpam != $0.b.isSpam }.map { pair in
                Flip(id: messages[pair.message].id, label: messages[pair.message].label.rawValue, scoreA: pair.a.score,
                     scoreB: pair.b.score, spamA: pair.a.isSpam, spamB: pair.b.isSpam,
                     analysisA: pair.a.analysis, analysisB: pair.b.analysis)
            },
            errors: errors, overrides: settings.isEmpty ? nil : settings.dictionary)
    }

    static func differences(pairs: [Pair], labels: [CorpusLabel], a: Report.Metrics, b: Report.Metrics,
                            outcomesA: [ScoredOutcome], outcomesB: [ScoredOutcome]) -> [PairedDifference] {
        func count(_ where: (Pair, CorpusLabel) -> Bool) -> Int { zip(pairs, labels).filter { `where`($0, $1) }.count }
        let ham = labels.filter { !$0.isAbusive }.count, abusive = labels.count - ham
        let rocA = ROCCurve(outcomesA), rocB = ROCCurve(outcomesB)
        return [
            .paired("accuracy", a: a.accuracy, b: b.accuracy,
                    onlyA: count { ($0.a.isSpam == $1.isAbusive) && ($0.b.isSpam != $1.isAbusive) },
                    onlyB: count { ($0.a.isSpam != $1.isAbusive) && ($0.b.isSpam == $1.isAbusive) }, pairs: labels.count),
            .paired("fp_rate", a: a.fpRate, b: b.fpRate,
                    onlyA: count { !$1.isAbusive && $0.a.isSpam && !$0.b.isSpam },
                    onlyB: count { !$1.isAbusive && !$0.a.isSpam && $0.b.isSpam }, pairs: ham),
            .paired("fn_rate", a: a.fnRate, b: b.fnRate,
                    onlyA: count { $1.isAbusive && !$0.a.isSpam && $0.b.isSpam },
                    onlyB: count { $1.isAbusive && $0.a.isSpam && !$0.b.isSpam }, pairs: abusive),
            .independent("roc_auc", a: a.rocAuc, b: b.rocAuc, errorA: rocA.areaStandardError, errorB: rocB.areaStandardError),
            .independent("one_minus_auc_pct", a: a.oneMinusAucPct, b: b.oneMinusAucPct,
                         errorA: rocA.areaStandardError, errorB: rocB.areaStandardError, scale: 100),
            PairedDifference(metric: "lam_pct", a: a.lamPct, b: b.lamPct, difference: b.lamPct - a.lamPct, interval: nil),
            PairedDifference(metric: "precision", a: a.precision, b: b.precision, difference: b.precision - a.precision, interval: nil),
        ]
    }
}
