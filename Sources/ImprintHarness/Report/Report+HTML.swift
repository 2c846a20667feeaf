import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Report {
    /// One self-contained HTML page: the Markdown's numbers as tables plus inline SVG charts
    /// (ROC on logit axes, score histograms, calibration, latency, wire versus rendered).
    public func html() -> String {
        var charts = "<div class=\"charts\">" + rocChart() + histogramChart() + calibrationChart() + latencyChart()
        if let comparison = wireChart() { charts += comparison }
        charts += "</div>"
        return HTMLPage.document(title: "Imprint replay: \(corpus.name)",
                                 body: HTMLPage.body(heading: "Imprint replay: \(corpus.name)", markdown: markdown(), charts: charts))
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

    /// Each cost of the two forms as a share of the larger one (the units differ: time, bytes,
    /// allocations); the table under the charts has the figures.
    private func wireChart() -> String? {
        guard let w = wireVsRendered else { return nil }
        let measured = w.wire.allocations >= 0 && w.rendered.allocations >= 0
        let wire = [w.wire.seconds, Double(w.wire.bytesCopied)] + (measured ? [Double(w.wire.allocations)] : [])
        let rendered = [w.rendered.seconds, Double(w.rendered.bytesCopied)] + (measured ? [Double(w.rendered.allocations)] : [])
        let larger = zip(wire, rendered).map { max($0, $1, 1e-12) }
        return SVGChart.bars(
            title: "Wire vs rendered (agreement \(ReportNumber.percent(w.verdictAgreement, digits: 2)))",
            categories: ["time", "bytes copied"] + (measured ? ["allocations"] : []),
            series: [(name: "wire", color: "#27ae60", values: zip(wire, larger).map { 100 * $0 / $1 }),
                     (name: "rendered", color: "#e67e22", values: zip(rendered, larger).map { 100 * $0 / $1 })],
            yLabel: "% of the larger form")
    }
}
