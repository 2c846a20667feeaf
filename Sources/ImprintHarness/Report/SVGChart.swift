import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small self-contained SVG charts for the HTML report: no scripts, no external resources.
enum SVGChart {
    static let width = 420.0, height = 300.0
    static let left = 56.0, right = 16.0, top = 28.0, bottom = 44.0

    /// One polyline series.
    struct Series {
        var name: String
        var color: String
        var points: [(x: Double, y: Double)]
        var dashed = false
    }

    /// An axis: the value range and how values map onto it.
    struct Axis {
        var label: String
        var lower: Double
        var upper: Double
        var ticks: [(value: Double, text: String)]
        var transform: (Double) -> Double = { $0 }
    }

    /// A line chart of `series` over the two axes.
    static func lines(title: String, x: Axis, y: Axis, series: [Series]) -> String {
        var svg = frame(title: title, x: x, y: y)
        for item in series {
            let path = item.points.map { point -> String in
                let px = project(point.x, axis: x, horizontal: true), py = project(point.y, axis: y, horizontal: false)
                return "\(format(px)),\(format(py))"
            }.joined(separator: " ")
            let dash = item.dashed ? " stroke-dasharray=\"4 3\"" : ""
            svg += "<polyline fill=\"none\" stroke=\"\(item.color)\" stroke-width=\"2\"\(dash) points=\"\(path)\"/>"
        }
        svg += legend(series.map { ($0.name, $0.color) })
        return svg + "</svg>"
    }

    /// Grouped bars: one group per category label, one bar per series. Labels wider than their
    /// group are set at an angle, in place of the axis label `xLabel`; a single series gets no
    /// legend (the title names it).
    static func bars(title: String, categories: [String], series: [(name: String, color: String, values: [Double])],
                     yLabel: String, xLabel: String = "") -> String {
        let tallest = series.flatMap(\.values).max() ?? 0
        let maximum = tallest > 0 ? tallest : 1
        // Headroom above the tallest bar for the legend of several series.
        let y = Axis(label: yLabel, lower: 0, upper: series.count > 1 ? maximum * 1.3 : maximum,
                     ticks: [0, 0.5, 1].map { ($0 * maximum, format($0 * maximum, digits: maximum < 1 ? 3 : maximum < 10 ? 1 : 0)) })
        let plotWidth = width - left - right
        let groupWidth = plotWidth / Double(max(1, categories.count))
        let barWidth = groupWidth * 0.8 / Double(max(1, series.count))
        // About 5.5 px per character at font size 10. Slanted labels take the axis label's
        // place, so the caller should name the axis elsewhere (the sweep page says it above).
        let slanted = Double(categories.map(\.count).max() ?? 0) * 5.5 > groupWidth
        let x = Axis(label: slanted ? "" : xLabel, lower: 0, upper: Double(categories.count), ticks: [])
        var svg = frame(title: title, x: x, y: y)
        for (index, category) in categories.enumerated() {
            let groupLeft = left + Double(index) * groupWidth + groupWidth * 0.1
            for (s, item) in series.enumerated() where index < item.values.count {
                let top = project(item.values[index], axis: y, horizontal: false)
                svg += "<rect x=\"\(format(groupLeft + Double(s) * barWidth))\" y=\"\(format(top))\" width=\"\(format(barWidth))\" "
                    + "height=\"\(format(height - bottom - top))\" fill=\"\(item.color)\"/>"
            }
            let labelX = format(groupLeft + groupWidth * 0.4)
            svg += slanted
                ? "<text transform=\"translate(\(labelX) \(format(height - bottom + 10))) rotate(-30)\" font-size=\"9\" "
                    + "text-anchor=\"end\">\(escape(category))</text>"
                : "<text x=\"\(labelX)\" y=\"\(format(height - bottom + 14))\" font-size=\"10\" text-anchor=\"middle\">\(escape(category))</text>"
        }
        if series.count > 1 { svg += legend(series.map { ($0.name, $0.color) }) }
        return svg + "</svg>"
    }

    private static func frame(title: String, x: Axis, y: Axis) -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\">"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
        svg += "<text x=\"\(format(width / 2))\" y=\"16\" font-size=\"13\" text-anchor=\"middle\" font-weight=\"bold\">\(escape(title))</text>"
        svg += "<rect x=\"\(format(left))\" y=\"\(format(top))\" width=\"\(format(width - left - right))\" "
            + "height=\"\(format(height - top - bottom))\" fill=\"none\" stroke=\"#888\"/>"
        for tick in x.ticks {
            let px = project(tick.value, axis: x, horizontal: true)
            svg += "<line x1=\"\(format(px))\" y1=\"\(format(top))\" x2=\"\(format(px))\" y2=\"\(format(height - bottom))\" stroke=\"#eee\"/>"
            svg += "<text x=\"\(format(px))\" y=\"\(format(height - bottom + 14))\" font-size=\"10\" text-anchor=\"middle\">\(escape(tick.text))</text>"
        }
        for tick in y.ticks {
            let py = project(tick.value, axis: y, horizontal: false)
            svg += "<line x1=\"\(format(left))\" y1=\"\(format(py))\" x2=\"\(format(width - right))\" y2=\"\(format(py))\" stroke=\"#eee\"/>"
            svg += "<text x=\"\(format(left - 4))\" y=\"\(format(py + 3))\" font-size=\"10\" text-anchor=\"end\">\(escape(tick.text))</text>"
        }
        svg += "<text x=\"\(format(left + (width - left - right) / 2))\" y=\"\(format(height - 8))\" font-size=\"11\" text-anchor=\"middle\">\(escape(x.label))</text>"
        svg += "<text transform=\"translate(12 \(format(top + (height - top - bottom) / 2))) rotate(-90)\" font-size=\"11\" text-anchor=\"middle\">\(escape(y.label))</text>"
        return svg
    }

    private static func legend(_ entries: [(String, String)]) -> String {
        var svg = ""
        for (index, entry) in entries.enumerated() {
            let y = top + 12 + Double(index) * 14
            svg += "<rect x=\"\(format(width - right - 110))\" y=\"\(format(y - 8))\" width=\"10\" height=\"10\" fill=\"\(entry.1)\"/>"
            svg += "<text x=\"\(format(width - right - 96))\" y=\"\(format(y + 1))\" font-size=\"10\">\(escape(entry.0))</text>"
        }
        return svg
    }

    private static func project(_ value: Double, axis: Axis, horizontal: Bool) -> Double {
        let lower = axis.transform(axis.lower), upper = axis.transform(axis.upper)
        let t = upper == lower ? 0 : (axis.transform(value) - lower) / (upper - lower)
        let clamped = min(1, max(0, t))
        return horizontal ? left + clamped * (width - left - right) : height - bottom - clamped * (height - top - bottom)
    }

    static func format(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        let scale = pow(10, Double(digits))
        let rounded = (value * scale).rounded() / scale
        return digits == 0 || rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
