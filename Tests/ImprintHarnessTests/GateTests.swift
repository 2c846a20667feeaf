@testable import ImprintHarness
import Testing

@Suite struct GateTests {
    @Test func identicalReportPassesAndWorseOnesFail() throws {
        let baseline = try ReportTests.sample()
        #expect(Gate(report: baseline, baseline: baseline).passed)

        var moreFalsePositives = baseline
        moreFalsePositives.metrics.fpRate += 0.002
        let fpGate = Gate(report: moreFalsePositives, baseline: baseline)
        #expect(!fpGate.passed)
        #expect(fpGate.checks.filter { !$0.passed }.map(\.metric) == ["fp_rate"])
        #expect(fpGate.table().contains("WORSE"))

        var worseRanking = baseline
        worseRanking.metrics.rocAuc -= 0.01
        worseRanking.metrics.oneMinusAucPct += 1
        #expect(Set(Gate(report: worseRanking, baseline: baseline).checks.filter { !$0.passed }.map(\.metric))
            == ["roc_auc", "one_minus_auc_pct"])

        var slower = baseline
        slower.throughput.messagesPerSecond = baseline.throughput.messagesPerSecond * 0.4
        #expect(!Gate(report: slower, baseline: baseline).passed)
        #expect(Gate(report: slower, baseline: baseline, tolerances: .init(maxThroughputDrop: 0.7)).passed)
    }
}
