#if canImport(Glibc)
import Glibc
#endif

@testable import Imprint
import ImprintTestSupport
import Testing

@Suite struct TokenEvidenceTests {
    let evidence = TokenEvidence()

    @Test func chiSquareSurvivalMatchesKnownValues() {
        // P(χ²₂ ≥ x) = exp(-x/2); P(χ²₄ ≥ 9.488) ≈ 0.05 (table value).
        #expect(abs(TokenEvidence.chiSquareSurvival(3, degrees: 2) - 0.22313016) < 1e-8)
        #expect(abs(TokenEvidence.chiSquareSurvival(9.4877, degrees: 4) - 0.05) < 1e-4)
        #expect(TokenEvidence.chiSquareSurvival(0, degrees: 10) == 1)
    }

    @Test func tokenProbabilityIsSmoothedTowardThePrior() {
        // Seen once, in spam only: Robinson gives (0.1·0.5 + 1·1) / 1.1 = 0.9545.
        let once = evidence.tokenProbability(abusive: 1, ham: 0, totalAbusive: 100, totalHam: 100)
        #expect(abs(once - 1.05 / 1.1) < 1e-12)
        // Seen often in spam only: close to 1. Unseen: the prior.
        #expect(evidence.tokenProbability(abusive: 50, ham: 0, totalAbusive: 100, totalHam: 100) > 0.99)
        #expect(evidence.tokenProbability(abusive: 0, ham: 0, totalAbusive: 100, totalHam: 100) == 0.5)
        // Rates, not counts: 10 of 1000 spam and 1 of 100 ham are the same rate.
        #expect(abs(evidence.tokenProbability(abusive: 10, ham: 1, totalAbusive: 1000, totalHam: 100) - 0.5) < 0.05)
    }

    /// The heap selection keeps what a stable sort by deviation keeps, in the same order (ties,
    /// including p and 1 - p, in input order), on seeded inputs with many repeated values.
    @Test func mostExtremeEqualsTheStableSortPrefix() {
        var generator = SeededGenerator(seed: 6_060)
        for round in 0..<300 {
            let levels = [0.01, 0.05, 0.1, 0.2, 0.3, 0.7, 0.8, 0.9, 0.95, 0.99]
            let values = (0..<Int.random(in: 0...400, using: &generator)).map { _ in
                round % 2 == 0 ? levels.randomElement(using: &generator)! : Double.random(in: 0...1, using: &generator)
            }
            let count = Int.random(in: 1...80, using: &generator)
            let reference = Array(values.sorted { abs($0 - 0.5) > abs($1 - 0.5) }.prefix(count))
            #expect(TokenEvidence.mostExtreme(values, count: count) == reference)
        }
    }

    @Test func combinationLeansTheRightWayAndIgnoresNeutralTokens() {
        let spammy = evidence.combine([0.99, 0.95, 0.9, 0.5, 0.52])
        let hammy = evidence.combine([0.01, 0.05, 0.1, 0.5])
        #expect(spammy.indicator > 0.9 && hammy.indicator < 0.1)
        #expect(spammy.tokensUsed == 3 && hammy.tokensUsed == 3)
        #expect(evidence.combine([0.5, 0.55]).indicator == 0.5)
        let mixed = evidence.combine([0.99, 0.01])
        #expect(abs(mixed.indicator - 0.5) < 1e-9)
    }

    /// `combine` selects and sums in place; it must give, bit for bit, what filtering the
    /// deviating tokens, taking `mostExtreme` of them and summing in that order gives.
    @Test func combinationEqualsFilterThenMostExtreme() {
        var generator = SeededGenerator(seed: 6_061)
        for round in 0..<300 {
            let levels = [0.01, 0.05, 0.1, 0.45, 0.5, 0.55, 0.62, 0.9, 0.95, 0.99]
            let values = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                round % 2 == 0 ? levels.randomElement(using: &generator)! : Double.random(in: 0...1, using: &generator)
            }
            let combiner = TokenEvidence(minimumDeviation: [0, 0.1, 0.3].randomElement(using: &generator)!,
                                         maximumTokens: Int.random(in: 1...80, using: &generator))
            var kept = values.filter { abs($0 - 0.5) >= combiner.minimumDeviation }
            if kept.count > combiner.maximumTokens { kept = TokenEvidence.mostExtreme(kept, count: combiner.maximumTokens) }
            var logHam = 0.0, logSpam = 0.0
            for p in kept {
                let clamped = min(max(p, 1e-9), 1 - 1e-9)
                logHam += log(clamped)
                logSpam += log(1 - clamped)
            }
            let combination = combiner.combine(values)
            #expect(combination.tokensUsed == kept.count)
            guard !kept.isEmpty else {
                #expect(combination.indicator == 0.5)
                continue
            }
            let h = TokenEvidence.chiSquareSurvival(-2 * logHam, degrees: 2 * kept.count)
            let s = TokenEvidence.chiSquareSurvival(-2 * logSpam, degrees: 2 * kept.count)
            #expect(combination.indicator == (1 + h - s) / 2)
            #expect(combination.meanLogOdds == (logHam - logSpam) / Double(kept.count))
        }
    }
}
