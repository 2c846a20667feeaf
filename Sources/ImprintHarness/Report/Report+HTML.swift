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
        body += HTMLPage.tables(fromMarkdown: markdown())
        return HTMLPage.document(title: "Imprint replay: \(corpus.name)", body: body)
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
        let messages = Double(max(1, metrics.confusion.total))
        let measured = w.wire.allocations >= 0 && w.rendered.allocations >= 0
        func values(_ cost: FormCost) -> [Double] {
            [cost.seconds * 1e6 / messages, Double(cost.bytesCopied) / messages / 100] + (measured ? [Double(cost.allocations) / messages / 10] : [])
        }
        return SVGChart.bars(
            title: "Wire vs rendered per message (agreement \(ReportNumber.percent(w.verdictAgreement, digits: 2)))",
            categories: ["µs"] + ["bytes copied ÷100"] + (measured ? ["allocations ÷10"] : []),
            series: [(name: "wire", color: "#27ae60", values: values(w.wire)),
                     (name: "rendered", color: "#e67e22", values: values(w.rendered))],
            yLabel: "per message")
    }
}
