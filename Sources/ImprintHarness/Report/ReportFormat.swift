import Foundation

/// The three report forms; each carries the same numbers.
public enum ReportFormat: String, CaseIterable, Sendable {
    case json, md, html

    /// The file extension.
    public var fileExtension: String { rawValue }

    /// The report rendered in this form.
    public func render(_ report: Report) throws -> String {
        switch self {
        case .json: return try report.jsonText()
        case .md: return report.markdown()
        case .html: return report.html()
        }
    }
}

extension Report {
    /// Pretty-printed JSON with sorted keys, so that two runs diff cleanly.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a JSON report (for `gate` and `compare`).
    public static func decode(json: [UInt8]) throws -> Report {
        try JSONDecoder().decode(Report.self, from: Data(json))
    }
}

/// Number formatting shared by the Markdown and HTML reports.
enum ReportNumber {
    static func percent(_ fraction: Double, digits: Int = 3) -> String { fixed(100 * fraction, digits: digits) + "%" }

    static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "n/a" }
        return String(format: "%.\(digits)f", value)
    }

    static func interval(_ bounds: [Double], digits: Int = 3) -> String {
        bounds.count == 2 ? "[\(fixed(bounds[0], digits: digits)), \(fixed(bounds[1], digits: digits))]" : ""
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0, character != "-" { out += "," }
            out.append(character)
        }
        return out
    }
}
