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

    /// Combines per-token probabilities (from `tokenProbability`): those at least
    /// `minimumDeviation` from 0.5, in input order, or, when more than `maximumTokens` deviate,
    /// the `maximumTokens` farthest from 0.5, farthest first (`mostExtreme`'s order).
    /// - Complexity: O(n log maximumTokens); the kept tokens' ranks live in temporary (stack) storage.
    public func combine(_ probabilities: [Double]) -> Combination {
        let deviating = probabilities.reduce(0) { abs($1 - 0.5) >= minimumDeviation ? $0 + 1 : $0 }
        guard deviating > 0, maximumTokens > 0 else {
            return Combination(indicator: 0.5, spamProbability: 0.5, hamProbability: 0.5, tokensUsed: 0)
        }
        var sums = LogSums()
        if deviating <= maximumTokens {
            for p in probabilities where abs(p - 0.5) >= minimumDeviation { sums.add(p) }
        } else {
            Self.withMostExtreme(probabilities, count: maximumTokens, minimumDeviation: minimumDeviation) { sums.add($0) }
        }
        let meanLogOdds = (sums.logHam - sums.logSpam) / Double(sums.count)
        let degrees = 2 * sums.count
        let h = Self.chiSquareSurvival(-2 * sums.logHam, degrees: degrees)
        let s = Self.chiSquareSurvival(-2 * sums.logSpam, degrees: degrees)
        return Combination(indicator: (1 + h - s) / 2, spamProbability: 1 - s, hamProbability: 1 - h,
                           tokensUsed: sums.count, meanLogOdds: meanLogOdds)
    }

    /// Fisher's two log sums, added to in the order of the tokens.
    private struct LogSums {
        var logHam = 0.0, logSpam = 0.0, count = 0

        mutating func add(_ p: Double) {
            let clamped = min(max(p, 1e-9), 1 - 1e-9)
            logHam += log(clamped)
            logSpam += log(1 - clamped)
            count += 1
        }
    }

    /// The `count` probabilities farthest from 0.5, farthest first, ties in their input order:
    /// the first `count` of a stable sort by deviation, without sorting all.
    /// - Complexity: O(n log count).
    static func mostExtreme(_ values: [Double], count: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(min(max(count, 0), values.count))
        withMostExtreme(values, count: count, minimumDeviation: 0) { out.append($0) }
        return out
    }

    /// Calls `body` with each of the `count` values at least `minimumDeviation` from 0.5 that
    /// are farthest from it, farthest first, ties in input order (a message has thousands of
    /// tokens and 60 are kept): a bounded heap whose top is the weakest kept, then an
    /// insertion sort of the kept.
    static func withMostExtreme(_ values: [Double], count: Int, minimumDeviation: Double, _ body: (Double) -> Void) {
        guard count > 0 else { return }
        let capacity = min(count, values.count)
        withUnsafeTemporaryAllocation(of: Ranked.self, capacity: capacity) { storage in
            var heap = RankedHeap(storage: storage)
            for (index, value) in values.enumerated() where abs(value - 0.5) >= minimumDeviation {
                heap.offer(Ranked(deviation: abs(value - 0.5), index: index))
            }
            heap.sortStrongestFirst()
            for position in 0..<heap.count { body(values[storage[position].index]) }
        }
    }

    /// A token's rank: a stronger one has the larger deviation, or the same and the smaller index.
    struct Ranked {
        var deviation: Double
        var index: Int

        @inline(__always)
        func isWeaker(than other: Ranked) -> Bool {
            deviation < other.deviation || (deviation == other.deviation && index > other.index)
        }
    }

    /// A min-heap on strength over caller-provided storage (the weakest kept on top).
    struct RankedHeap {
        let storage: UnsafeMutableBufferPointer<Ranked>
        private(set) var count = 0

        init(storage: UnsafeMutableBufferPointer<Ranked>) { self.storage = storage }

        /// Keeps `entry` if there is room or it is stronger than the weakest kept.
        mutating func offer(_ entry: Ranked) {
            if count < storage.count {
                var child = count
                storage[child] = entry
                count += 1
                while child > 0, storage[child].isWeaker(than: storage[(child - 1) / 2]) {
                    storage.swapAt(child, (child - 1) / 2)
                    child = (child - 1) / 2
                }
            } else if storage[0].isWeaker(than: entry) {
                storage[0] = entry
                siftDown(0, end: count)
            }
        }

        /// Restores the heap order of `storage[..<end]` below `start`.
        private func siftDown(_ start: Int, end: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var weakest = parent
                if left < end, storage[left].isWeaker(than: storage[weakest]) { weakest = left }
                if right < end, storage[right].isWeaker(than: storage[weakest]) { weakest = right }
                if weakest == parent { return }
                storage.swapAt(parent, weakest)
                parent = weakest
            }
        }

        /// Orders the kept entries strongest first (ranks are distinct: indices differ), by heap
        /// sort: the weakest on top goes to the end, the heap shrinks by one, and so on
        /// (O(k log k); an insertion sort of the heap's array, nearly weakest first, moved O(k²)).
        func sortStrongestFirst() {
            var end = count
            while end > 1 {
                end -= 1
                storage.swapAt(0, end)
                siftDown(0, end: end)
            }
        }
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
