import Foundation

extension CartridgeComparison {
    /// Pretty-printed JSON with sorted keys.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Markdown fit for a CI comment: the metrics table, McNemar's test, the flipped messages.
    public func markdown(maxFlips: Int = 200) -> String {
        func number(_ value: Double) -> String { ReportNumber.fixed(value, digits: 5) }
        var lines = ["# Imprint cartridge comparison", "",
                     "Corpus `\(corpus.name)`; A = `\(a.cartridge)` (\(a.cartridgeVersion)), B = `\(b.cartridge)` (\(b.cartridgeVersion)).", "",
                     "| metric | A | B | B − A | 95% interval |", "|---|---:|---:|---:|---|"]
        for difference in differences {
            lines.append("| \(difference.metric) | \(number(difference.a)) | \(number(difference.b)) | \(number(difference.difference)) | "
                + (difference.interval.map { ReportNumber.interval($0, digits: 5) } ?? "") + " |")
        }
        lines.append("")
        let test = mcnemar.exact ? "exact binomial" : "chi-square \(ReportNumber.fixed(mcnemar.statistic ?? 0, digits: 3)), continuity-corrected"
        lines.append("McNemar (\(test)): flagged by A only \(mcnemar.onlyA), by B only \(mcnemar.onlyB), p = \(ReportNumber.fixed(mcnemar.pValue, digits: 4)).")
        if !errors.isEmpty {
            lines.append("")
            lines.append("Errors: " + errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("## Flipped verdicts (\(flips.count))")
        if !flips.isEmpty {
            lines += ["", "| message | label | A | B | analysis A | analysis B |", "|---|---|---:|---:|---|---|"]
            for flip in flips.prefix(maxFlips) {
                func cell(_ text: String) -> String { "`" + text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'") + "`" }
                lines.append("| \(cell(flip.id)) | \(flip.label) | \(flip.scoreA)\(flip.spamA ? " spam" : "") | \(flip.scoreB)\(flip.spamB ? " spam" : "") | "
                    + "\(cell(flip.analysisA)) | \(cell(flip.analysisB)) |")
            }
            if flips.count > maxFlips { lines += ["", "(\(flips.count - maxFlips) more in the JSON report)"] }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A self-contained HTML page with the Markdown report's content.
    public func html() -> String {
        let escaped = markdown(maxFlips: 1000).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Imprint cartridge comparison</title></head>"
            + "<body><pre style=\"font: 13px ui-monospace, monospace\">\(escaped)</pre></body></html>\n"
    }
}
