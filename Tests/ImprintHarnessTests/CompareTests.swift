import Foundation
import Imprint
@testable import ImprintHarness
import Testing

@Suite struct CompareTests {
    @Test func mcnemarMatchesHandComputedCases() {
        // Exact: 2 · (C(6,0) + C(6,1)) / 2⁶ = 14/64.
        let small = McNemarTest(onlyA: 1, onlyB: 5)
        #expect(small.exact)
        #expect(abs(small.pValue - 0.21875) < 1e-12)
        // Exact: 2 · (1 + 12 + 66) / 4096.
        #expect(abs(McNemarTest(onlyA: 10, onlyB: 2).pValue - 0.03857421875) < 1e-12)
        // No discordant pair: no evidence of a difference.
        #expect(McNemarTest(onlyA: 0, onlyB: 0).pValue == 1)
        // Chi-square: (|10 − 30| − 1)² / 40 = 9.025, p = erfc(√4.5125) = 0.0026631.
        let large = McNemarTest(onlyA: 10, onlyB: 30)
        #expect(!large.exact)
        #expect(abs(large.statistic! - 9.025) < 1e-12)
        #expect(abs(large.pValue - 0.002663119259138554) < 1e-9)
    }

    @Test func pairedIntervalMatchesTheHandComputedVariance() {
        // n = 10, only A 1, only B 3: variance ((1 + 3) − 2²/10) / 10² = 0.036.
        let difference = PairedDifference.paired("x", a: 0.5, b: 0.7, onlyA: 1, onlyB: 3, pairs: 10)
        let spread = 1.96 * 0.036.squareRoot()
        #expect(abs(difference.interval![0] - (0.2 - spread)) < 1e-12)
        #expect(abs(difference.interval![1] - (0.2 + spread)) < 1e-12)
    }

    @Test func comparingACartridgeWithItsHalfFindsTheFlips() throws {
        let corpus = try ReplayTestCorpus.subset(perLabel: 20, seed: 8)
        let full = try ReplayTestCorpus.cartridge(from: corpus, name: "compare")
        let half = try ReplayTestCorpus.halved(full, name: "compare")
        let same = try CartridgeComparison.run(corpus, a: try Cartridge(directory: full), pathA: full,
                                           b: try Cartridge(directory: full), pathB: full, threads: 2)
        #expect(same.flips.isEmpty)
        #expect(same.mcnemar.pValue == 1)
        #expect(same.differences.allSatisfy { $0.difference == 0 })
        let comparison = try CartridgeComparison.run(corpus, a: try Cartridge(directory: full), pathA: full,
                                                 b: try Cartridge(directory: half), pathB: half, threads: 2)
        #expect(comparison.flips.count == comparison.mcnemar.onlyA + comparison.mcnemar.onlyB)
        #expect(comparison.flips.allSatisfy { $0.spamA != $0.spamB && !$0.analysisA.isEmpty && !$0.analysisB.isEmpty })
        #expect(comparison.markdown().contains("McNemar"))
        let decoded = try JSONDecoder().decode(CartridgeComparison.self, from: Data(try comparison.jsonText().utf8))
        #expect(decoded.flips == comparison.flips)
    }
}
