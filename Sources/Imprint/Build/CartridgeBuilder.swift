/// Builds a cartridge's database and score model from labelled messages (`imprint cartridge build`).
///
/// Every message's fingerprints are reported with its label (the network knowledge). The score
/// model is fitted on out-of-fold evidence: the messages are dealt into `folds` folds, each
/// fold's messages are scored against a database built from the other folds, and the logistic
/// model is fitted to those honest feature vectors, so the weights are what the evidence is
/// worth on mail the cartridge has not seen.
public struct CartridgeBuilder: Sendable {
    public var config: CartridgeConfig
    public var categories: CategoryTable
    public var version: CartridgeVersion
    /// Folds for the out-of-fold fit (default 5; 1 skips the fit and keeps the default model).
    public var folds: Int
    /// The ridge penalty of the fit.
    public var l2: Double
    public var threads: Int
    /// Adjustments of the fingerprinter (default none), as the engine that will score with the
    /// cartridge applies them (`EngineOptions.fingerprintTuning`).
    public var fingerprintTuning = FingerprintTuning()

    public init(config: CartridgeConfig = CartridgeConfig(), categories: CategoryTable = CategoryTable(),
                version: CartridgeVersion = CartridgeVersion(), folds: Int = 5, l2: Double = 1,
                threads: Int = ParallelMap.defaultThreads) {
        self.config = config
        self.categories = categories
        self.version = version
        self.folds = folds
        self.l2 = l2
        self.threads = threads
    }

    /// What a build produced.
    public struct Output: Sendable {
        public var database: FingerprintDatabase
        /// The configuration with the fitted `score model` and the `report totals`.
        public var config: CartridgeConfig
        public var model: LogisticModel
        /// Messages that were not used, by reason (unparseable, unknown label).
        public var skipped: [String: Int]
        public var messagesUsed: Int
    }

    /// One message, fingerprinted once.
    struct Prepared: Sendable {
        var fingerprints: MessageFingerprints
        var features: MessageFeatures
        var mass: ReportMass
    }

    /// Training messages parsed and fingerprinted once (`prepare(_:)`), so that several builds
    /// that differ only in score-time configuration keys share the work (tuning sweeps).
    public struct PreparedCorpus: Sendable {
        var items: [Prepared]
        /// Messages that were not used, by reason (unparseable, unknown label).
        public var skipped: [String: Int]
        public var count: Int { items.count }

        /// The same corpus with the fingerprints of `families` dropped, exactly as a builder
        /// with those families disabled would have prepared it.
        public func removing(_ families: Set<FingerprintFamily>) -> PreparedCorpus {
            guard !families.isEmpty else { return self }
            var copy = self
            for index in copy.items.indices { copy.items[index].fingerprints = items[index].fingerprints.removing(families) }
            return copy
        }
    }

    public func build(_ messages: [LabelledMessage]) throws -> Output {
        try build(prepare(messages))
    }

    /// Parses and fingerprints `messages` under this builder's configuration and tuning.
    public func prepare(_ messages: [LabelledMessage]) -> PreparedCorpus {
        let options = fingerprintTuning.applied(to: FingerprintOptions(config: config))
        let categories = self.categories
        let results: [Result<Prepared, BuildSkip>] = parallelMap(messages.count, threads: threads) { index in
            Self.prepare(messages[index], options: options, categories: categories)
        }
        var skipped: [String: Int] = [:]
        var prepared: [Prepared] = []
        for result in results {
            switch result {
            case .success(let item): prepared.append(item)
            case .failure(let skip): skipped[skip.reason, default: 0] += 1
            }
        }
        return PreparedCorpus(items: prepared, skipped: skipped)
    }

    /// Builds the database and fits the score model from prepared messages.
    public func build(_ corpus: PreparedCorpus) throws -> Output {
        let prepared = corpus.items, skipped = corpus.skipped
        var table = ReputationTable()
        for item in prepared { table.add(item.fingerprints.fingerprints, mass: item.mass) }
        let model = folds > 1 && prepared.count >= 2 * folds ? try fit(prepared) : ScoreModel.default
        var config = self.config
        config.scoreModel = [model.bias] + model.weights
        config.reportTotals = table.totals.totals
        let database = try FingerprintDatabase(version: version, entries: table.entries(serial: version.serial))
        return Output(database: database, config: config, model: model, skipped: skipped, messagesUsed: prepared.count)
    }

    struct BuildSkip: Error { var reason: String }

    static func prepare(_ message: LabelledMessage, options: FingerprintOptions,
                        categories: CategoryTable) -> Result<Prepared, BuildSkip> {
        guard let mass = ReportMass(label: message.label, weight: message.weight, categories: categories) else {
            return .failure(BuildSkip(reason: "unknown label \(message.label)"))
        }
        let parsed: Message
        do {
            parsed = message.form == .wire ? try Message(wire: message.bytes) : try Message(rendered: message.bytes)
        } catch {
            return .failure(BuildSkip(reason: "unparseable: \(error.code)"))
        }
        let features = MessageFeatures(message: parsed)
        let fingerprints = MessageFingerprinter(options: options).fingerprints(of: features)
        return .success(Prepared(fingerprints: fingerprints, features: features, mass: mass))
    }

    /// The out-of-fold fit.
    func fit(_ prepared: [Prepared]) throws -> LogisticModel {
        var rows = [[Double]](repeating: [], count: prepared.count)
        for fold in 0..<folds {
            var table = ReputationTable()
            for (index, item) in prepared.enumerated() where index % folds != fold {
                table.add(item.fingerprints.fingerprints, mass: item.mass)
            }
            var foldConfig = config
            foldConfig.reportTotals = table.totals.totals
            let database = try FingerprintDatabase(version: version, entries: table.entries())
            let snapshot = try CartridgeSnapshot(database: database, baseConfig: foldConfig, baseCategories: categories,
                                                 whitelist: Whitelist(), overlayPath: "(fold \(fold))")
            let members = stride(from: fold, to: prepared.count, by: folds).map { $0 }
            let totals = foldConfig.reportTotals
            let combiner = TokenEvidence(config: foldConfig)
            let vectors: [[Double]] = parallelMap(members.count, threads: threads) { position in
                let item = prepared[members[position]]
                let evidence = EvidenceCollector(snapshot: snapshot).collect(item.fingerprints.fingerprints, stopWhenDecisive: false)
                return ScoreFeatures(evidence: evidence, fingerprints: item.fingerprints, features: item.features,
                                     totals: totals, combiner: combiner).vector
            }
            for (position, index) in members.enumerated() { rows[index] = vectors[position] }
        }
        let labels = prepared.map { $0.mass.ham >= max($0.mass.spam, $0.mass.phishing, $0.mass.virus) ? 0.0 : 1.0 }
        return LogisticModel.fit(features: ScoreFeatures.names, rows: rows, labels: labels, l2: l2)
    }
}
