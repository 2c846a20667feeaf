import Foundation
@testable import Imprint
import ImprintTestSupport
import Testing

/// The score model's features from hand-made evidence, and reading older `score model` values.
@Suite struct ScoreFeaturesTests {
    static let message: Message = try! Message(rendered: Array("From: a@example.com\r\nSubject: hi\r\n\r\nhello there\r\n".utf8))

    /// A feature evidence of `kind` with `spam` and `ham` report mass.
    static func feature(_ kind: FingerprintKind, spam: Float, ham: Float) -> Evidence {
        Evidence(kind: kind, entry: 0, match: .feature, reputation: Reputation(spam: spam, ham: ham),
                 category: spam > ham ? .spam : .legitimate)
    }

    static func features(_ evidence: [Evidence]) -> ScoreFeatures {
        var set = EvidenceSet()
        set.features = evidence
        set.featuresLookedUp = evidence.count
        let fingerprints = MessageFingerprints(fingerprints: [], skipped: [], imageFailed: false, textBytes: 100)
        return ScoreFeatures(evidence: set, fingerprints: fingerprints, features: MessageFeatures(message: message),
                             totals: [100, 100, 0, 0], combiner: TokenEvidence())
    }

    /// Forty strong tokens each way saturate Fisher's combination at 0.5; the counts keep them.
    @Test func strongCountsSeeBothSidesWhereTheCombinationSaturates() {
        let both = Self.features((0..<40).map { _ in Self.feature(.token, spam: 20, ham: 0) }
            + (0..<40).map { _ in Self.feature(.token, spam: 0, ham: 20) })
        #expect(abs(both.tokens) < 1e-6)
        #expect(abs(both.strongAbusive - log(41)) < 1e-12 && abs(both.strongHam - log(41)) < 1e-12)
        // A token seen as often in each class is neither.
        let neutral = Self.features([Self.feature(.token, spam: 5, ham: 5)])
        #expect(neutral.strongAbusive == 0 && neutral.strongHam == 0 && neutral.tokensUsed == 0)
    }

    /// The link combination reads URLs, hosts and registered domains only.
    @Test func linkTestAgreesWithTheLinkKinds() {
        for code in UInt16(0)...300 {
            let kind = FingerprintKind(rawValue: code)
            #expect(ScoreFeatures.isLink(kind) == ScoreFeatures.linkKinds.contains(kind), "kind \(code)")
        }
    }

    @Test func linksCombineOnlyLinkEvidence() {
        let hamLinks = Self.features([Self.feature(.host, spam: 0, ham: 30), Self.feature(.registeredDomain, spam: 0, ham: 30),
                                      Self.feature(.token, spam: 30, ham: 0), Self.feature(.token, spam: 30, ham: 0),
                                      Self.feature(.token, spam: 30, ham: 0)])
        #expect(hamLinks.links < -3 && hamLinks.linksMean < -3)
        #expect(hamLinks.tokens > 0)
        let noLinks = Self.features([Self.feature(.token, spam: 30, ham: 0)])
        #expect(noLinks.links == 0 && noLinks.linksMean == 0)
        #expect(noLinks.vector.count == ScoreFeatures.names.count)
    }

    /// `subscript(feature:)` reads the fields in `names` order, and `probability(under:)` is
    /// the model's probability of the vector, bit for bit, for full and shorter models.
    @Test func featureSubscriptAndProbabilityAgreeWithTheVector() {
        var generator = SeededGenerator(seed: 7_070)
        for _ in 0..<50 {
            let evidence = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Self.feature([.token, .host, .url, .mimeStructure].randomElement(using: &generator)!,
                             spam: Float(Int.random(in: 0...30, using: &generator)), ham: Float(Int.random(in: 0...30, using: &generator)))
            }
            var features = Self.features(evidence)
            features.exact = Double.random(in: -5...5, using: &generator)
            features.near = Double.random(in: -5...5, using: &generator)
            features.hidden = Double.random(in: 0...3, using: &generator)
            let vector = features.vector
            #expect((0..<ScoreFeatures.names.count).map { features[feature: $0] } == vector)
            #expect(features[feature: ScoreFeatures.names.count] == 0)
            for count in [ScoreFeatures.names.count, 6] {
                let model = LogisticModel(features: Array(ScoreFeatures.names.prefix(count)),
                                          weights: (0..<count).map { _ in Double.random(in: -2...2, using: &generator) },
                                          bias: Double.random(in: -1...1, using: &generator))
                #expect(features.probability(under: model) == model.probability(vector))
            }
        }
    }

    /// A `score model` fitted before the later features existed reads with weight 0 for them;
    /// one longer than this engine's features falls back to the default.
    @Test func olderScoreModelsGetZeroWeightsForLaterFeatures() throws {
        var config = CartridgeConfig()
        try config.apply("score model = 1.5 0.5 0.7 0.5 0.2 -1 0.2\n", path: "test")
        let model = ScoreModel.model(config)
        #expect(model.bias == 1.5)
        #expect(model.weights == [0.5, 0.7, 0.5, 0.2, -1, 0.2, 0, 0, 0, 0])
        config.scoreModel = Array(repeating: 1, count: ScoreFeatures.names.count + 2)
        #expect(ScoreModel.model(config) == ScoreModel.default)
        config.scoreModel = [2]
        #expect(ScoreModel.model(config) == ScoreModel.default)
        #expect(CartridgeConfig().tokenPriorStrength == TokenEvidence().priorStrength)
    }
}
