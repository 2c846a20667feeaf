import Foundation

/// The frame of the harness's self-contained HTML pages (replay, sweep, ablation): one style
/// sheet, no scripts, no external resources; tables converted from the Markdown report so that
/// both forms carry the same numbers.
enum HTMLPage {
    /// A complete page with `body` (already HTML).
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(SVGChart.escape(title))</title>
        <style>
        body{font-family:sans-serif;margin:24px;color:#222;max-width:1400px}
        table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}
        th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
        .charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{border:1px solid #ddd}
        </style></head><body>\(body)</body></html>

        """
    }

    /// A report body: the heading, the Markdown's opening paragraphs (versions, corpus,
    /// overrides), the charts, then the rest of the Markdown (its tables).
    static func body(heading: String, markdown: String, charts: String) -> String {
        let converted = tables(fromMarkdown: markdown)
        let split = converted.range(of: "<table>")?.lowerBound ?? converted.endIndex
        return "<h1>\(SVGChart.escape(heading))</h1>" + converted[..<split] + charts + converted[split...]
    }

    /// The Markdown's tables and paragraphs as HTML, line by line (headings are left out: the
    /// page has its own). Inline code spans keep their text.
    static func tables(fromMarkdown markdown: String) -> String {
        var html = ""
        var inTable = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                if line.hasPrefix("|---") { continue }
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                let tag = inTable ? "td" : "th"
                if !inTable { html += "<table>" }
                html += "<tr>" + cells.map { "<\(tag)>\(inline($0.trimmingCharacters(in: .whitespaces)))</\(tag)>" }.joined() + "</tr>"
                inTable = true
            } else {
                if inTable { html += "</table>" }
                inTable = false
                if !line.isEmpty, !line.hasPrefix("#") { html += "<p>\(inline(String(line)))</p>" }
            }
        }
        return inTable ? html + "</table>" : html
    }

    /// Escaped text with Markdown code spans (`…`) as `<code>`.
    static func inline(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
            index % 2 == 1 ? "<code>\(SVGChart.escape(String(part)))</code>" : SVGChart.escape(String(part))
        }.joined()
    }
}
