extension Report {
    /// The report as Markdown, fit for a CI comment.
    public func markdown() -> String {
        let m = metrics, t = throughput
        var lines: [String] = []
        lines.append("# Imprint replay: \(corpus.name)")
        lines.append("")
        lines.append("Imprint \(imprintVersion), cartridge \(cartridgeVersion), protocol `\(self.protocol)`, "
            + "MinimumScore \(ReportNumber.fixed(minimumScore, digits: 0)).")
        let counts = corpus.counts.sorted { $0.key < $1.key }.map { "\($0.key) \(ReportNumber.grouped($0.value))" }
        lines.append("Corpus: \(counts.joined(separator: ", ")); \(ReportNumber.grouped(corpus.bytes)) bytes.")
        if let overrides, !overrides.isEmpty {
            lines.append("Overrides (--set): " + overrides.sorted { $0.key < $1.key }.map { "`\($0.key) = \($0.value)`" }.joined(separator: ", ") + ".")
        }
        lines.append("")
        lines.append("| metric | value | 95% interval |")
        lines.append("|---|---|---|")
        lines.append("| accuracy | \(ReportNumber.percent(m.accuracy)) | |")
        lines.append("| false positive rate (ham flagged) | \(ReportNumber.percent(m.fpRate)) | |")
        lines.append("| false negative rate (abusive missed) | \(ReportNumber.percent(m.fnRate)) | |")
        lines.append("| precision | \(ReportNumber.percent(m.precision)) | |")
        lines.append("| recall | \(ReportNumber.percent(m.recall)) | |")
        lines.append("| ROC AUC | \(ReportNumber.fixed(m.rocAuc, digits: 6)) | |")
        lines.append("| (1-AUC)% | \(ReportNumber.fixed(m.oneMinusAucPct, digits: 4)) | \(ReportNumber.interval(m.oneMinusAucPctCI, digits: 4)) |")
        lines.append("| lam% | \(ReportNumber.fixed(m.lamPct, digits: 3)) | \(ReportNumber.interval(m.lamPctCI)) |")
        lines.append("| sm% at hm% 0.1 | \(ReportNumber.fixed(m.smAtHm0_1Pct, digits: 3)) | \(ReportNumber.interval(m.smAtHm0_1PctCI)) |")
        lines.append("| expected calibration error | \(ReportNumber.fixed(m.calibration.expectedCalibrationError, digits: 4)) | |")
        lines.append("")
        lines.append("| throughput | value |")
        lines.append("|---|---|")
        lines.append("| messages/s | \(ReportNumber.fixed(t.messagesPerSecond, digits: 1)) |")
        lines.append("| MB/s | \(ReportNumber.fixed(t.megabytesPerSecond, digits: 2)) |")
        for key in ["p50", "p90", "p99", "max"] where t.latencyUs[key] != nil {
            lines.append("| latency \(key) | \(ReportNumber.fixed(t.latencyUs[key]!, digits: 0)) µs |")
        }
        lines.append("| peak RSS | \(ReportNumber.grouped(t.peakRssBytes)) bytes |")
        lines.append("| threads | \(t.threads) |")
        if let w = wireVsRendered {
            lines.append("")
            let messages = max(1, m.confusion.total)
            func allocations(_ count: Int) -> String {
                count < 0 ? "not measured | not measured"
                    : "\(ReportNumber.grouped(count)) | \(ReportNumber.fixed(Double(count) / Double(messages), digits: 0))"
            }
            lines.append("| form | seconds | bytes copied | allocations | allocations/message |")
            lines.append("|---|---|---|---|---|")
            lines.append("| wire (dot-stuffed, in place) | \(ReportNumber.fixed(w.wire.seconds, digits: 3)) | "
                + "\(ReportNumber.grouped(w.wire.bytesCopied)) | \(allocations(w.wire.allocations)) |")
            lines.append("| rendered (copy + policy header) | \(ReportNumber.fixed(w.rendered.seconds, digits: 3)) | "
                + "\(ReportNumber.grouped(w.rendered.bytesCopied)) | \(allocations(w.rendered.allocations)) |")
            lines.append("")
            lines.append("Verdict agreement between the forms: \(ReportNumber.percent(w.verdictAgreement)).")
        }
        lines.append("")
        lines.append("Rescan: \(rescan.flagged) flagged, \(rescan.changedOnRescan) changed on rescan"
            + (rescan.becameSpam.map { " (\($0) to spam, \(rescan.becameHam ?? 0) to ham, \(rescan.corrected ?? 0) now right)" } ?? "") + ".")
        if let campaigns {
            lines.append("")
            lines.append("Campaigns (near-duplicate abusive clusters of 3 or more): \(campaigns.campaigns) with \(campaigns.copies) copies; "
                + "copies passed before the first was caught: mean \(ReportNumber.fixed(campaigns.meanPassedBeforeBlock, digits: 2)), "
                + "median \(campaigns.medianPassedBeforeBlock), max \(campaigns.maxPassedBeforeBlock); never caught \(campaigns.neverCaught).")
        }
        if !errors.isEmpty {
            lines.append("")
            lines.append("Errors: " + errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
