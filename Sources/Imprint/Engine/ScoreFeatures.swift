import ImprintHashing
#if canImport(Glibc)
import Glibc
#endif

/// The evidence of a message reduced to the few numbers the logistic score model combines.
///
/// Each is a log-odds (natural log) so that the default model, weight 1 each and bias 0, is the
/// naive-Bayes sum of independent evidence; `cartridge build` fits the real weights.
public struct ScoreFeatures: Sendable, Hashable {
    /// Feature names, in model order; `score model` in cartridge.cfg lists bias then these weights.
    /// Features are only ever appended, so a model fitted before a feature existed still reads
    /// (`ScoreModel.model` gives the missing ones weight 0).
    public static let names = ["tokens", "token_mean", "exact", "near", "hidden", "short",
                               "strong_abusive", "strong_ham", "links", "links_mean"]
    /// Positions in `names` of the features the token evidence makes (all but the digest
    /// matches, hidden text and shortness): the `tk` share of the analysis header.
    static let tokenFeatureIndices = ["tokens", "token_mean", "strong_abusive", "strong_ham", "links", "links_mean"]
        .map { names.firstIndex(of: $0)! }
    /// Kinds of the link evidence, combined apart as well (`links`, `linksMean`).
    public static let linkKinds: Set<FingerprintKind> = [.url, .host, .registeredDomain]

    /// Whether `kind` is in `linkKinds`, without hashing (a message has thousands of evidences).
    @inline(__always)
    static func isLink(_ kind: FingerprintKind) -> Bool { kind == .url || kind == .host || kind == .registeredDomain }
    /// A token whose smoothed probability is at least this (or at most 1 − this) counts as strong.
    public static let strongProbability = 0.9

    /// logit of the Fisher/Robinson combination over word tokens, URLs, hosts, domains, structure
    /// (and sender and IP when the signature type asks), clamped to ±12.
    public var tokens: Double
    /// The mean log-odds of the tokens in the combination (Fisher's method saturates on long
    /// messages with strong tokens both ways; the mean does not).
    public var tokenMean: Double
    /// ln((abusive + ½) / (ham + ½)) of the report mass behind exact digest matches; 0 if none.
    public var exact: Double
    /// The same over near-duplicate matches, each weighted by its similarity; 0 if none.
    public var near: Double
    /// ln(1 + hidden-text elements and characters): zero fonts, display:none, white on white…
    public var hidden: Double
    /// 1 when the text is too short for fuzzy digests, else 0.
    public var short: Double
    /// ln(1 + tokens with probability ≥ 0.9) over all deviating tokens, not only the combined 60:
    /// Fisher's combination saturates at 0.5 on a long message with strong tokens both ways (a
    /// commercial newsletter to a list member), while the counts of each side keep their balance.
    public var strongAbusive: Double
    /// ln(1 + tokens with probability ≤ 0.1).
    public var strongHam: Double
    /// The logit of the same combination over the link evidence alone (URLs, hosts, registered
    /// domains), 0 when none is known: where a message points is evidence of its own, which
    /// word tokens drown when they are combined together.
    public var links: Double
    /// The mean log-odds of the link tokens in that combination.
    public var linksMean: Double
    /// How many tokens the combination used (for the analysis header).
    public var tokensUsed: Int

    public var vector: [Double] { Self.names.indices.map { self[feature: $0] } }

    /// Feature `index` in `names` order (`vector[index]` without building the array); 0 past the end.
    subscript(feature index: Int) -> Double {
        switch index {
        case 0: tokens
        case 1: tokenMean
        case 2: exact
        case 3: near
        case 4: hidden
        case 5: short
        case 6: strongAbusive
        case 7: strongHam
        case 8: links
        case 9: linksMean
        default: 0
        }
    }

    /// `model.probability(vector)`, summed in the same order, without building the vector.
    func probability(under model: LogisticModel) -> Double {
        var z = model.bias
        for index in 0..<min(Self.names.count, model.weights.count) { z += model.weights[index] * self[feature: index] }
        return LogisticModel.sigmoid(z)
    }

    /// Computes the features.
    /// - Parameters:
    ///   - totals: report mass behind the database (spam, ham, phishing, virus).
    public init(evidence: EvidenceSet, fingerprints: MessageFingerprints, features: MessageFeatures,
                totals: [Double], combiner: TokenEvidence) {
        let abusiveTotal = totals[0] + totals[2] + totals[3], hamTotal = totals[1]
        // The per-token probabilities are working lists only: this thread's buffers hold them.
        let (combination, linkCombination, strongAbusiveCount, strongHamCount) = TokenProbabilityScratch.withThreadScratch { scratch in
            // Moved into locals for the loop: appends to a class's arrays pay an exclusivity and a
            // uniqueness check each.
            var probabilities: [Double] = [], linkProbabilities: [Double] = []
            swap(&probabilities, &scratch.probabilities)
            swap(&linkProbabilities, &scratch.linkProbabilities)
            defer {
                swap(&probabilities, &scratch.probabilities)
                swap(&linkProbabilities, &scratch.linkProbabilities)
            }
            var strongAbusiveCount = 0, strongHamCount = 0
            for item in evidence.features {
                let p = combiner.tokenProbability(abusive: item.abusiveMass, ham: item.hamMass,
                                                  totalAbusive: abusiveTotal, totalHam: hamTotal)
                probabilities.append(p)
                if p >= Self.strongProbability { strongAbusiveCount += 1 } else if p <= 1 - Self.strongProbability { strongHamCount += 1 }
                if Self.isLink(item.kind) { linkProbabilities.append(p) }
            }
            return (combiner.combine(probabilities), combiner.combine(linkProbabilities), strongAbusiveCount, strongHamCount)
        }
        tokens = Self.logit(combination.indicator)
        tokensUsed = combination.tokensUsed
        tokenMean = combination.meanLogOdds
        strongAbusive = log(1 + Double(strongAbusiveCount))
        strongHam = log(1 + Double(strongHamCount))
        links = Self.logit(linkCombination.indicator)
        linksMean = linkCombination.meanLogOdds
        exact = Self.logOdds(evidence.exact, hamTotal: hamTotal, abusiveTotal: abusiveTotal)
        near = Self.logOdds(evidence.near, hamTotal: hamTotal, abusiveTotal: abusiveTotal)
        let tricks = features.hiddenText
        let hiddenCount = tricks.zeroFontElements + tricks.tinyFontElements + tricks.displayNoneElements
            + tricks.visibilityHiddenElements + tricks.lowContrastElements + tricks.invisibleCharacters
        hidden = log(1 + Double(hiddenCount))
        short = fingerprints.textBytes < 50 ? 1 : 0
    }

    /// ln(p / (1 − p)) with p clamped to [6e-6, 1 − 6e-6] (±12).
    static func logit(_ p: Double) -> Double {
        let clamped = min(max(p, 6e-6), 1 - 6e-6)
        return log(clamped / (1 - clamped))
    }

    /// Log-odds of abusive versus ham report mass, each side a rate over its class total so that
    /// an unbalanced corpus does not tilt it, with half a report of smoothing on each side.
    static func logOdds(_ items: [Evidence], hamTotal: Double, abusiveTotal: Double) -> Double {
        guard !items.isEmpty else { return 0 }
        var abusive = 0.0, ham = 0.0
        for item in items {
            abusive += item.similarity * item.abusiveMass
            ham += item.similarity * item.hamMass
        }
        let scale = hamTotal > 0 && abusiveTotal > 0 ? hamTotal / abusiveTotal : 1
        return log((abusive * scale + 0.5) / (ham + 0.5))
    }
}

extension TokenEvidence {
    /// The combination a configuration asks for.
    public init(config: CartridgeConfig) {
        self.init(priorStrength: config.tokenPriorStrength, minimumDeviation: config.tokenMinimumDeviation,
                  maximumTokens: config.tokenMaximumCount)
    }
}

/// The engine's score model: the cartridge's fitted logistic model, or the default.
public enum ScoreModel {
    /// Bias 0 and weight 1 on the log-odds features: the naive-Bayes sum, used until a cartridge
    /// has a fitted `score model`. Hidden text, shortness, the strong-token counts and the link
    /// combination carry no weight until fitted.
    public static let `default` = LogisticModel(features: ScoreFeatures.names, weights: [1, 0, 1, 1, 0, 0, 0, 0, 0, 0], bias: 0)

    /// The model of a configuration. A `score model` with fewer weights than there are features
    /// (fitted before the later features existed) gives the missing ones weight 0; one with
    /// more, or with no weight at all, is not this engine's and the default is used.
    public static func model(_ config: CartridgeConfig) -> LogisticModel {
        let count = config.scoreModel.count
        guard count >= 2, count <= ScoreFeatures.names.count + 1 else { return `default` }
        let weights = Array(config.scoreModel.dropFirst()) + Array(repeating: 0, count: ScoreFeatures.names.count + 1 - count)
        return LogisticModel(features: ScoreFeatures.names, weights: weights, bias: config.scoreModel[0])
    }

    /// The `score model` value of a fitted model.
    public static func configValue(_ model: LogisticModel) -> String {
        ([model.bias] + model.weights).map { "\($0)" }.joined(separator: " ")
    }
}

/// `ScoreFeatures`' per-token probability lists, one pair a thread (see `ThreadScratch`).
private final class TokenProbabilityScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()
    var probabilities: [Double] = [], linkProbabilities: [Double] = []

    func reset() {
        probabilities.resetScratch()
        linkProbabilities.resetScratch()
    }
}
