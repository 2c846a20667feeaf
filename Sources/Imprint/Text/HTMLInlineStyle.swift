/// The presentation facts an element declares that matter for hidden text: its `style`
/// attribute (CSS declarations `font-size`, `display`, `visibility`, `opacity`, `color`,
/// `background`, `background-color`), the `hidden` attribute, and the legacy attributes
/// `<font size color>` and `bgcolor`.
struct HTMLInlineStyle: Equatable {
    /// How big text is, as far as hiding goes.
    enum FontSize { case normal, tiny, zero }
    /// The declared font size class: zero is at most 1px/1pt (hides text), tiny is
    /// `<font size=1>` or CSS 2-6px/pt; nil when the element declares none (inherited).
    var fontSize: FontSize?
    var displayNone = false
    var visibilityHidden = false
    /// `visibility: visible` re-shows text inside a hidden parent (CSS 2.1 section 11.2).
    var visibilityVisible = false
    var color: HTMLColor?
    var background: HTMLColor?
    /// `color: transparent`: the text takes the background colour.
    var transparentText = false

    /// Reads one attribute (name lower-cased, value entity-decoded).
    mutating func read(attribute name: String, value: String, element: String) {
        switch name {
        case "style": readStyle(value[...])
        case "hidden": displayNone = true
        case "bgcolor": background = HTMLColor(parsing: value[...]) ?? background
        case "color" where element == "font", "text" where element == "body": color = HTMLColor(parsing: value[...]) ?? color
        case "size" where element == "font":
            let size = value.trimmed(of: " \"'")
            if let number = Int(size) {
                let absolute = size.hasPrefix("-") || size.hasPrefix("+") ? 3 + number : number
                fontSize = absolute <= 1 ? .tiny : .normal  // browsers clamp size 0 to 1
            }
        default: break
        }
    }

    mutating func readStyle(_ style: Substring) {
        var zeroHeight = false
        var overflowHidden = false
        defer { if zeroHeight && overflowHidden { displayNone = true } }
        for declaration in style.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let property = declaration[..<colon].trimmingASCIIWhitespace().lowercased()
            var value = declaration[declaration.index(after: colon)...].trimmingASCIIWhitespace()
            if let bang = value.firstIndex(of: "!") { value = value[..<bang].trimmingASCIIWhitespace() }
            let lower = value.lowercased()
            switch property {
            case "font-size": readFontSize(lower[...])
            case "display": if lower == "none" { displayNone = true }
            case "visibility":
                if lower == "hidden" || lower == "collapse" { visibilityHidden = true }
                if lower == "visible" { visibilityVisible = true }
            case "opacity": if let number = Double(lower), number <= 0.05 { displayNone = true }
            case "mso-hide": if lower == "all" { displayNone = true }  // Outlook's own hiding
            case "max-height", "height", "max-width", "width":
                if Self.leadingNumber(lower[...]).map({ $0 <= 0 }) ?? false { zeroHeight = true }
            case "overflow", "overflow-y", "overflow-x": if lower == "hidden" { overflowHidden = true }
            case "text-indent", "left", "top", "margin-left":
                // Moved far off-screen.
                if let number = Self.leadingNumber(lower[...]), number <= -500 { displayNone = true }
            case "color":
                if lower == "transparent" { transparentText = true } else { color = HTMLColor(parsing: lower[...]) ?? color }
            case "background-color": background = HTMLColor(parsing: lower[...]) ?? background
            case "background":
                for part in lower.split(separator: " ") {
                    if let parsed = HTMLColor(parsing: part) { background = parsed; break }
                }
            default: break
            }
        }
    }

    /// The number a CSS length starts with ("-9999px" -> -9999), if any.
    static func leadingNumber(_ value: Substring) -> Double? {
        let number = value.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        return Double(number)
    }

    mutating func readFontSize(_ value: Substring) {
        var number = value
        var unit = ""[...]
        if let firstUnit = value.firstIndex(where: { !($0.isNumber || $0 == ".") }) {
            number = value[..<firstUnit]
            unit = value[firstUnit...]
        }
        guard let size = Double(number) else { return }
        let pixels: Double
        switch unit {
        case "", "px": pixels = size
        case "pt": pixels = size * 4 / 3
        case "em", "rem": pixels = size * 16
        case "%": pixels = size * 0.16
        default: pixels = size * 16
        }
        fontSize = pixels <= 1 ? .zero : pixels <= 6 ? .tiny : .normal
    }
}

extension String {
    func trimmed(of set: String) -> Substring {
        var text = self[...]
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return text
    }
}
