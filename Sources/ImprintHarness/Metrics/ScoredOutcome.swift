#if canImport(Glibc)
import Glibc
#endif

/// What the engine said about one labelled message: the input of every metric.
public struct ScoredOutcome: Sendable, Hashable {
    /// The corpus label (the truth).
    public var label: CorpusLabel
    /// The engine's score, 0...100: the higher, the surer the message is abusive.
    public var score: Double
    /// The engine's category id (0 legitimate, 1 spam, 3 phishing, 7 virus, …).
    public var category: Int

    public init(label: CorpusLabel, score: Double, category: Int) {
        self.label = label
        self.score = score
        self.category = category
    }

    /// Whether the truth is abusive (any label but ham).
    public var isAbusive: Bool { label.isAbusive }
}

/// Logit helpers; TREC computes its averages and confidence intervals in logit space.
enum Logit {
    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }
    static func inverse(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
