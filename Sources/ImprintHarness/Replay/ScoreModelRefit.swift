import Imprint

/// The online protocol's score model: refitted from the replayed messages' own feature
/// vectors (computed before each label was reported, so honest out-of-sample evidence) and
/// their reported labels, each row weighted by its report's trust.
struct ScoreModelRefit {
    let interval: Int
    /// Early refits so that an empty cartridge gets a model before `interval` messages.
    static let warmup = [50, 100, 200, 400]
    /// Rows of each class needed before a fit.
    static let minimumPerClass = 5
    /// The fit's ridge penalty (as `cartridge build`).
    static let l2 = 1.0

    private var rows: [[Double]] = []
    private var labels: [Double] = []
    private var weights: [Double] = []
    private(set) var fits = 0
    private(set) var model: LogisticModel?

    init(interval: Int) { self.interval = max(1, interval) }

    /// Adds one message; returns the `score model` value when a refit is due and possible.
    mutating func add(_ vector: [Double]?, reportedAbusive: Bool, weight: Float, messagesSeen: Int) -> String? {
        if let vector {
            rows.append(vector)
            labels.append(reportedAbusive ? 1 : 0)
            weights.append(Double(weight))
        }
        guard messagesSeen % interval == 0 || (Self.warmup.contains(messagesSeen) && messagesSeen < interval) else { return nil }
        let abusive = labels.reduce(0, +)
        guard abusive >= Double(Self.minimumPerClass), Double(labels.count) - abusive >= Double(Self.minimumPerClass) else { return nil }
        let fitted = LogisticModel.fit(features: ScoreFeatures.names, rows: rows, labels: labels, sampleWeights: weights, l2: Self.l2)
        guard fitted.weights.allSatisfy(\.isFinite), fitted.bias.isFinite else { return nil }
        model = fitted
        fits += 1
        return ScoreModel.configValue(fitted)
    }
}
