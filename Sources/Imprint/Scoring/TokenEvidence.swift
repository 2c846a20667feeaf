#if canImport(Glibc)
import Glibc
#endif

/// Combines the reputations of a message's tokens (hashed word shingles) into one spamminess,
/// the way SpamBayes and bogofilter do: Robinson's smoothed per-token probability, then Fisher's
/// inverse chi-square over the tokens that deviate from neutral (G. Robinson, "A Statistical
/// Approach to the Spam Problem", Linux Journal 107, 2003).
public struct TokenEvidence: Sendable, Hashable, Codable {
    /// Robinson's strength of the prior `x` (s); the default is `CartridgeConfig.tokenPriorStrength`'s.
    public var priorStrength: Double
    /// Robinson's assumed probability of an unseen token (x).
    public var priorProbability: Double
    /// Tokens whose smoothed probability is within this of 0.5 are ignored.
    public var minimumDeviation: Double
    /// At most this many tokens, the most extreme, are combined.
    public var maximumTokens: Int

    public init(priorStrength: Double = 0.1, priorProbability: Double = 0.5,
                minimumDeviation: Double = 0.1, maximumTokens: Int = 60) {
        self.priorStrength = priorStrength
        self.priorProbability = priorProbability
        self.minimumDeviation = minimumDeviation
        self.maximumTokens = maximumTokens
    }

    /// The result of combining: the indicator in [0, 1] and how many tokens took part.
    public struct Combination: Sendable, Hashable {
        /// (1 + H − S) / 2: 1 spam-like, 0 ham-like, 0.5 undecided.
        public var indicator: Double
        /// Fisher's spam and ham chi-square probabilities S and H.
        public var spamProbability: Double
        public var hamProbability: Double
        public var tokensUsed: Int
        /// The mean log-odds ln(p / (1 − p)) of the tokens used (the naive-Bayes view, per token).
        public var meanLogOdds: Double = 0
    }

    /// Robinson's smoothed probability that a message with the token is abusive.
    /// - Parameters:
    ///   - abusive, ham: the (trust-weighted) report mass of messages with the token.
    ///   - totalAbusive, totalHam: the report mass of all messages.
    public func tokenProbability(abusive: Double, ham: Double, totalAbusive: Double, totalHam: Double) -> Double {
        let badRate = totalAbusive > 0 ? abusive / totalAbusive : 0
        let goodRate = totalHam > 0 ? ham / totalHam : 0
        let n = abusive + ham
        guard badRate + goodRate > 0 else { return priorProbability }
        let p = badRate / (badRate + goodRate)
        return (priorStrength * priorProbability + n * p) / (priorStrength + n)
    }

    /// Combines per-token probabilities (from `tokenProbability`).
    public func combine(_ probabilities: [Double]) -> Combination {
        var deviating = probabilities.filter { abs($0 - 0.5) >= minimumDeviation }
        if deviating.count > maximumTokens { deviating = Self.mostExtreme(deviating, count: maximumTokens) }
        guard !deviating.isEmpty else {
            return Combination(indicator: 0.5, spamProbability: 0.5, hamProbability: 0.5, tokensUsed: 0)
        }
        var logHam = 0.0, logSpam = 0.0
        for p in deviating {
            let clamped = min(max(p, 1e-9), 1 - 1e-9)
            logHam += log(clamped)
            logSpam += log(1 - clamped)
        }
        let meanLogOdds = (logHam - logSpam) / Double(deviating.count)
        let degrees = 2 * deviating.count
        let h = Self.chiSquareSurvival(-2 * logHam, degrees: degrees)
        let s = Self.chiSquareSurvival(-2 * logSpam, degrees: degrees)
        return Combination(indicator: (1 + h - s) / 2, spamProbability: 1 - s, hamProbability: 1 - h,
                           tokensUsed: deviating.count, meanLogOdds: meanLogOdds)
    }

    /// The `count` probabilities farthest from 0.5, farthest first, ties in their input order:
    /// the first `count` of a stable sort by deviation, without sorting all (a message has
    /// thousands of tokens and 60 are kept). A bounded heap whose top is the weakest kept.
    /// - Complexity: O(n log count).
    static func mostExtreme(_ values: [Double], count: Int) -> [Double] {
        guard count > 0 else { return [] }
        // (deviation, index): a stronger entry has the larger deviation, or the same and the smaller index.
        func weaker(_ a: (Double, Int), _ b: (Double, Int)) -> Bool { a.0 < b.0 || (a.0 == b.0 && a.1 > b.1) }
        var heap: [(Double, Int)] = []
        heap.reserveCapacity(count)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var weakest = parent
                if left < heap.count, weaker(heap[left], heap[weakest]) { weakest = left }
                if right < heap.count, weaker(heap[right], heap[weakest]) { weakest = right }
                if weakest == parent { return }
                heap.swapAt(parent, weakest)
                parent = weakest
            }
        }
        for (index, value) in values.enumerated() {
            let entry = (abs(value - 0.5), index)
            if heap.count < count {
                heap.append(entry)
                var child = heap.count - 1
                while child > 0, weaker(heap[child], heap[(child - 1) / 2]) {
                    heap.swapAt(child, (child - 1) / 2)
                    child = (child - 1) / 2
                }
            } else if weaker(heap[0], entry) {
                heap[0] = entry
                siftDown(0)
            }
        }
        return heap.sorted { weaker($1, $0) }.map { values[$0.1] }
    }

    /// P(χ² ≥ x) for an even number of degrees of freedom (the series of Robinson's `chi2Q`).
    static func chiSquareSurvival(_ x: Double, degrees: Int) -> Double {
        let m = x / 2
        var term = exp(-m), sum = term
        for i in 1..<max(1, degrees / 2) {
            term *= m / Double(i)
            sum += term
        }
        return min(sum, 1)
    }
}
