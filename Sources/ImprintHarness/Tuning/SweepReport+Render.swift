import Foundation

extension SweepReport {
    /// The table as Markdown (the ablation's with differences from the baseline).
    public func markdown() -> String {
        var lines = ["# Imprint \(kind): \(corpus.name)", ""]
        let counts = corpus.counts.sorted { $0.key < $1.key }.map { "\($0.key) \(ReportNumber.grouped($0.value))" }
        lines.append("Imprint \(imprintVersion), protocol `\(self.protocol)` (trained on \(ReportNumber.grouped(trainMessages)), "
            + "scored \(ReportNumber.grouped(testMessages))), \(threads) threads. Corpus: \(counts.joined(separator: ", ")).")
        for parameter in parameters where kind == "sweep" {
            lines.append("`\(parameter.key)` is a \(parameter.stage.rawValue)-time key: "
                + (parameter.stage == .score ? "fingerprints reused across its values." : "messages re-fingerprinted for each value."))
        }
        lines.append("")
        let baseline = kind == "ablation" ? rows.first : nil
        let keys = parameters.map(\.key)
        lines.append(kind == "ablation"
            ? "| setting | fingerprints/msg | recall at FP 0.1% | Δ | (1-AUC)% | Δ | FP | Δ | FN | Δ | evidence/msg | msg/s |"
            : "| " + keys.joined(separator: " | ") + " | recall at FP 0.1% | (1-AUC)% | 95% interval | MinimumScore | FP | FN | FP rate | FN rate | msg/s | fingerprints |")
        lines.append("|" + String(repeating: "---|", count: kind == "ablation" ? 12 : 10 + keys.count))
        for row in rows {
            if let baseline {
                let family = row.label.hasPrefix("-") ? String(row.label.dropFirst()) : nil
                let perMessage = family.flatMap { familyFingerprintsPerMessage?[$0] } ?? 0
                lines.append("| \(row.label) | \(family == nil ? "" : ReportNumber.fixed(perMessage, digits: 1)) | "
                    + "\(ReportNumber.percent(row.recallAtFp0_1, digits: 2)) | \(Self.signed(100 * (row.recallAtFp0_1 - baseline.recallAtFp0_1), digits: 2)) | "
                    + "\(ReportNumber.fixed(row.oneMinusAucPct, digits: 4)) | \(Self.signed(row.oneMinusAucPct - baseline.oneMinusAucPct, digits: 4)) | "
                    + "\(row.falsePositives) | \(Self.signed(Double(row.falsePositives - baseline.falsePositives), digits: 0)) | "
                    + "\(row.falseNegatives) | \(Self.signed(Double(row.falseNegatives - baseline.falseNegatives), digits: 0)) | "
                    + "\(ReportNumber.fixed(row.evidencePerMessage, digits: 1)) | \(ReportNumber.fixed(row.messagesPerSecond, digits: 0)) |")
            } else {
                lines.append("| " + keys.map { row.overrides[$0] ?? "" }.joined(separator: " | ") + " | "
                    + "\(ReportNumber.percent(row.recallAtFp0_1, digits: 2)) | \(ReportNumber.fixed(row.oneMinusAucPct, digits: 4)) | "
                    + "\(ReportNumber.interval(row.oneMinusAucPctCI, digits: 4)) | \(ReportNumber.fixed(row.minimumScore, digits: 0)) | "
                    + "\(row.falsePositives) | \(row.falseNegatives) | \(ReportNumber.percent(row.fpRate, digits: 2)) | "
                    + "\(ReportNumber.percent(row.fnRate, digits: 2)) | \(ReportNumber.fixed(row.messagesPerSecond, digits: 0)) | "
                    + "\(row.reusedFingerprints ? "reused" : "computed") |")
            }
        }
        if !errors.isEmpty {
            lines.append("")
            lines.append("Errors: " + errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One self-contained page: the table and bar charts of recall at FP 0.1%, (1-AUC)% and
    /// messages/s per setting (the replay report's SVG charts).
    public func html() -> String {
        let labels = rows.map(\.label)
        let color = "#2e86c1"
        let axis = kind == "ablation" ? "family switched off" : parameters.map(\.key).joined(separator: " / ")
        var body = "<p>One bar per setting, labelled <code>\(SVGChart.escape(axis))</code>.</p><div class=\"charts\">"
        body += SVGChart.bars(title: "Recall at FP 0.1% (%)", categories: labels,
                              series: [(name: "recall", color: "#27ae60", values: rows.map { 100 * $0.recallAtFp0_1 })], yLabel: "percent", xLabel: axis)
        body += SVGChart.bars(title: "(1-AUC)% (lower is better)", categories: labels,
                              series: [(name: "(1-AUC)%", color: "#c0392b", values: rows.map(\.oneMinusAucPct))], yLabel: "percent", xLabel: axis)
        body += SVGChart.bars(title: "Errors at MinimumScore", categories: labels,
                              series: [(name: "FP", color: "#e67e22", values: rows.map { Double($0.falsePositives) }),
                                       (name: "FN", color: "#8e44ad", values: rows.map { Double($0.falseNegatives) })], yLabel: "messages", xLabel: axis)
        body += SVGChart.bars(title: "Throughput", categories: labels,
                              series: [(name: "msg/s", color: color, values: rows.map(\.messagesPerSecond))], yLabel: "messages/s", xLabel: axis)
        body += "</div>"
        return HTMLPage.document(title: "Imprint \(kind): \(corpus.name)",
                                 body: HTMLPage.body(heading: "Imprint \(kind): \(corpus.name)", markdown: markdown(), charts: body))
    }

    /// Pretty-printed JSON with sorted keys.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    static func signed(_ value: Double, digits: Int) -> String {
        value == 0 ? "0" : (value > 0 ? "+" : "") + ReportNumber.fixed(value, digits: digits)
    }
}
