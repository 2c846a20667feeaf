import Foundation
@testable import ImprintHarness
import ImprintTestSupport
import Testing

/// The three report forms carry the same numbers under the keys gates rely on.
@Suite struct ReportTests {
    static func sample() throws -> Report {
        let outcomes = try Fixtures.table("metrics/overlap.scores.tsv").map {
            ScoredOutcome(label: CorpusLabel(rawValue: String($0[0])), score: Double($0[1])!, category: $0[0] == "ham" ? 0 : 1)
        }
        return Report(
            imprintVersion: "0.1.0", cartridgeVersion: "1.0.0.7",
            corpus: .init(name: "overlap", counts: ["ham": 400, "spam": 300], bytes: 123_456),
            protocol: "fixed", minimumScore: 80, outcomes: outcomes,
            throughput: .init(messagesPerSecond: 2500, megabytesPerSecond: 17.5,
                              latencyUs: ["p50": 300, "p90": 700, "p99": 1900, "max": 5000],
                              peakRssBytes: 50_000_000, threads: 2, seconds: 0.28),
            wireVsRendered: .init(wire: .init(seconds: 0.2, bytesCopied: 0, allocations: 1400),
                                  rendered: .init(seconds: 0.21, bytesCopied: 900_000, allocations: 2100),
                                  verdictAgreement: 1),
            rescan: .init(flagged: 3, changedOnRescan: 1), errors: ["unreadable": 2])
    }

    @Test func jsonHasTheContractKeysAndRoundTrips() throws {
        let report = try Self.sample()
        let text = try report.jsonText()
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        for key in ["imprint_version", "cartridge_version", "corpus", "protocol", "minimum_score", "metrics",
                    "throughput", "wire_vs_rendered", "rescan", "errors"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let metrics = object["metrics"] as! [String: Any]
        for key in ["accuracy", "fp_rate", "fn_rate", "precision", "recall", "roc_auc", "one_minus_auc_pct",
                    "lam_pct", "sm_at_hm_0_1_pct", "per_category", "calibration"] {
            #expect(metrics[key] != nil, "missing metrics.\(key)")
        }
        let throughput = object["throughput"] as! [String: Any]
        for key in ["messages_per_second", "megabytes_per_second", "latency_us", "peak_rss_bytes", "threads"] {
            #expect(throughput[key] != nil, "missing throughput.\(key)")
        }
        #expect(try Report.decode(json: Array(text.utf8)) == report)
        #expect(abs(report.metrics.rocAuc - 0.8558875) < 1e-9)  // scikit-learn's value for this file
    }

    @Test func markdownAndHTMLCarryTheSameNumbers() throws {
        let report = try Self.sample()
        let markdown = report.markdown(), html = report.html()
        let auc = ReportNumber.fixed(report.metrics.rocAuc, digits: 6)
        let lam = ReportNumber.fixed(report.metrics.lamPct, digits: 3)
        for number in [auc, lam, "2500.0", "1900"] {
            #expect(markdown.contains(number), "markdown lacks \(number)")
            #expect(html.contains(number), "html lacks \(number)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 5)
        #expect(!html.contains("<script"))
    }
}
