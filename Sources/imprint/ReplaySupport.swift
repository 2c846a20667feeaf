import Foundation
import ImprintHarness

/// The replay's progress line on a terminal: messages done, rate, ETA, running FP/FN.
enum ProgressLine {
    static func show(_ progress: ReplayProgress) {
        let rate = progress.seconds > 0 ? Double(progress.done) / progress.seconds : 0
        let eta = rate > 0 ? Double(progress.total - progress.done) / rate : 0
        let text = String(format: "\r%@ %d/%d  %.0f msg/s  ETA %.0fs  FP %d  FN %d   ", progress.phase, progress.done,
                          progress.total, rate, eta, progress.falsePositives, progress.falseNegatives)
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func finish() { FileHandle.standardError.write(Data("\n".utf8)) }
}

/// Where reports go: `reports/<stem>.{json,md,html}` by default; `--report PATH` with a
/// format writes that one file; `--report PATH` alone writes all three next to PATH's stem.
enum ReportWriter {
    static func write(_ report: Report, to path: String?, format: ReportFormat?, stem: String) throws -> [String] {
        try write(path: path, format: format, stem: stem) { try $0.render(report) }
    }

    static func write(path: String?, format: ReportFormat?, stem: String, render: (ReportFormat) throws -> String) throws -> [String] {
        var targets: [(String, ReportFormat)] = []
        if let path, let format {
            targets = [(path, format)]
        } else {
            let base = path.map { ($0 as NSString).deletingPathExtension } ?? "reports/\(stem)"
            targets = (format.map { [$0] } ?? ReportFormat.allCases).map { (base + "." + $0.fileExtension, $0) }
        }
        var written: [String] = []
        for (target, format) in targets {
            let directory = (target as NSString).deletingLastPathComponent
            if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            do {
                try render(format).write(toFile: target, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write \(target): \(error.localizedDescription)")
            }
            written.append(target)
        }
        return written
    }
}

/// The short table `replay` prints.
enum ReplaySummary {
    static func table(_ result: ReplayResult) -> String {
        let report = result.report, metrics = report.metrics, throughput = report.throughput
        func pct(_ value: Double) -> String { String(format: "%.3f%%", 100 * value) }
        var rows: [(String, String)] = [
            ("corpus", report.corpus.name),
            ("protocol", report.protocol + (result.trainingMessages > 0 ? " (trained on \(result.trainingMessages))" : "")),
            ("messages", "\(result.outcomes.count) scored, errors \(report.errors.values.reduce(0, +))"),
            ("accuracy", pct(metrics.accuracy)),
            ("fp rate", pct(metrics.fpRate) + " (\(metrics.confusion.falsePositives) of \(metrics.confusion.negatives) ham)"),
            ("fn rate", pct(metrics.fnRate) + " (\(metrics.confusion.falseNegatives) of \(metrics.confusion.positives) abusive)"),
            ("(1-AUC)%", String(format: "%.4f", metrics.oneMinusAucPct)),
            ("lam%", String(format: "%.3f", metrics.lamPct)),
            ("sm% at hm% 0.1", String(format: "%.2f", metrics.smAtHm0_1Pct)),
            ("throughput", String(format: "%.1f msg/s, %.2f MB/s, %.1f s, %d threads", throughput.messagesPerSecond,
                                  throughput.megabytesPerSecond, throughput.seconds, throughput.threads)),
            ("latency us", ["p50", "p90", "p99", "max"].map { "\($0) \(Int(throughput.latencyUs[$0] ?? 0))" }.joined(separator: " ")),
            ("rescan", "\(report.rescan.flagged) flagged, \(report.rescan.changedOnRescan) changed"),
        ]
        if let campaigns = report.campaigns {
            rows.append(("campaigns", String(format: "%d (%d copies): %.2f mean, %d median, %d max passed before the first caught; %d never caught",
                                             campaigns.campaigns, campaigns.copies, campaigns.meanPassedBeforeBlock,
                                             campaigns.medianPassedBeforeBlock, campaigns.maxPassedBeforeBlock, campaigns.neverCaught)))
        }
        if result.updates > 0 {
            rows.append(("updates", String(format: "%d micro-updates, %.1f s applying, %d refits", result.updates, result.updateSeconds, result.refits)))
        }
        if let honest = result.honestTrust {
            rows.append(("trust", String(format: "honest %.3f", honest) + (result.maliciousTrust.map { String(format: ", malicious %.3f", $0) } ?? "")))
        }
        if let wire = report.wireVsRendered {
            rows.append(("wire/rendered", String(format: "%.2f s / %.2f s, agreement %@", wire.wire.seconds, wire.rendered.seconds,
                                                 pct(wire.verdictAgreement))))
        }
        return rows.map { $0.0.padding(toLength: 16, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }
}
