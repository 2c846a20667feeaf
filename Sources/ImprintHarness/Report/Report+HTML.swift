import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Report {
    /// One self-contained HTML page: the Markdown's numbers as tables plus inline SVG charts
    /// (ROC on logit axes, score histograms, calibration, latency, wire versus rendered).
    public func html() -> String {
        var body = "<h1>Imprint replay: \(SVGChart.escape(corpus.name))</h1>"
        body += "<p>Imprint \(SVGChart.escape(imprintVersion)), cartridge \(SVGChart.escape(cartridgeVersion)), "
            + "protocol <code>\(SVGChart.escape(self.protocol))</code>, MinimumScore \(ReportNumber.fixed(minimumScore, digits: 0)).</p>"
        body += "<div class=\"charts\">" + rocChart() + histogramChart() + calibrationChart() + latencyChart()
        if let comparison = wireChart() { body += comparison }
        body += "</div>"
        body += tables()
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Imprint replay: \(SVGChart.escape(corpus.name))</title>
            <style>
            body{font-family:sans-serif;margin:24px;color:#222;max-width:1400px}
            table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}
            th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
            .charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{border:1px solid #ddd}
            </style></head><body>\(body)</body></html>

            """
    }

    private func tables() -> String {
        // The Markdown tables, converted line by line: the same numbers in both forms.
        var html = ""
        var inTable = false
        for line in markdown().split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                if line.hasPrefix("|---") { continue }
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                let tag = inTable ? "td" : "th"
                if !inTable { html += "<table>" }
                html += "<tr>" + cells.map { "<\(tag)>\(SVGChart.escape($0.trimmingCharacters(in: .whitespaces)))</\(tag)>" }.joined() + "</tr>"
                inTable = true
            } else {
                if inTable { html += "</table>" }
                inTable = false
                if !line.isEmpty, !line.hasPrefix("#") { html += "<p>\(SVGChart.escape(String(line)))</p>" }
            }
        }
        return inTable ? html + "</table>" : html
    }

    /// TREC-style ROC: ham misclassification against spam misclassification, both on logit axes.
    private func rocChart() -> String {
        let floor = 0.0001, ceiling = 0.5
        let clamp = { (value: Double) in min(ceiling, max(floor, value)) }
        let points = rocPoints.map { (x: clamp($0[0]), y: clamp(1 - $0[1])) }
        let ticks = [0.0001, 0.001, 0.01, 0.1, 0.5].map { (value: $0, text: ReportNumber.fixed(100 * $0, digits: $0 < 0.001 ? 2 : 1) + "%") }
        let logit = { (p: Double) in Glibc.log(p / (1 - p)) }
        return SVGChart.lines(
            title: "ROC (logit scale)",
            x: .init(label: "ham misclassification", lower: floor, upper: ceiling, ticks: ticks, transform: logit),
            y: .init(label: "spam misclassification", lower: floor, upper: ceiling, ticks: ticks, transform: logit),
            series: [.init(name: "Imprint", color: "#c0392b", points: points)])
    }

    private func histogramChart() -> String {
        let palette = ["ham": "#2e86c1", "spam": "#c0392b", "phishing": "#8e44ad", "virus": "#27ae60"]
        let series = scoreHistograms.sorted { $0.key < $1.key }.map { entry in
            (name: entry.key, color: palette[entry.key] ?? "#7f8c8d", values: entry.value.map(Double.init))
        }
        return SVGChart.bars(title: "Scores by label", categories: (0..<10).map { "\($0 * 10)" }, series: series,
                             yLabel: "messages")
    }

    private func calibrationChart() -> String {
        let bins = metrics.calibration.bins.filter { $0.count > 0 }
        let ticks = stride(from: 0.0, through: 1, by: 0.25).map { (value: $0, text: ReportNumber.fixed($0, digits: 2)) }
        return SVGChart.lines(
            title: "Calibration (ECE \(ReportNumber.fixed(metrics.calibration.expectedCalibrationError, digits: 3)))",
            x: .init(label: "mean score / 100", lower: 0, upper: 1, ticks: ticks),
            y: .init(label: "observed abusive fraction", lower: 0, upper: 1, ticks: ticks),
            series: [.init(name: "ideal", color: "#aaa", points: [(0, 0), (1, 1)], dashed: true),
                     .init(name: "Imprint", color: "#c0392b", points: bins.map { ($0.meanPredicted, $0.observedAbusive) })])
    }

    private func latencyChart() -> String {
        let keys = ["p50", "p90", "p99", "max"].filter { throughput.latencyUs[$0] != nil }
        return SVGChart.bars(
            title: "Latency, \(ReportNumber.fixed(throughput.messagesPerSecond, digits: 0)) msg/s on \(throughput.threads) threads",
            categories: keys, series: [(name: "µs", color: "#2e86c1", values: keys.map { throughput.latencyUs[$0]! })],
            yLabel: "microseconds")
    }

    private func wireChart() -> String? {
        guard let w = wireVsRendered else { return nil }
        return SVGChart.bars(
            title: "Wire vs rendered (agreement \(ReportNumber.percent(w.verdictAgreement, digits: 2)))",
            categories: ["seconds x1000", "KB copied", "allocations/100"],
            series: [(name: "wire", color: "#27ae60", values: [w.wire.seconds * 1000, Double(w.wire.bytesCopied) / 1000, Double(max(0, w.wire.allocations)) / 100]),
                     (name: "rendered", color: "#e67e22", values: [w.rendered.seconds * 1000, Double(w.rendered.bytesCopied) / 1000, Double(max(0, w.rendered.allocations)) / 100])],
            yLabel: "")
    }
}
