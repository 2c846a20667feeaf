/// One JSON object on one line, written field by field in the order given (callers give keys
/// sorted, as `JSONSerialization`'s `.sortedKeys` did). Strings are escaped per RFC 8259:
/// `"` and `\`, and control characters as `\n`, `\r`, `\t` or `\u00XX`; `/` is left as is.
/// `score` writes its per-message lines with it: `JSONSerialization` cost a tenth of a scoring run.
struct JSONLine {
    private var text = "{"

    mutating func add(_ key: String, _ value: String) {
        field(key)
        Self.appendQuoted(value, to: &text)
    }

    mutating func add(_ key: String, _ value: Int) {
        field(key)
        text += String(value)
    }

    mutating func add(_ key: String, _ value: UInt64) {
        field(key)
        text += String(value)
    }

    mutating func add(_ key: String, _ value: Bool) {
        field(key)
        text += value ? "true" : "false"
    }

    /// A finite number in its shortest round-trip form (`0.25`, `1`, `1e-06`).
    mutating func add(_ key: String, _ value: Double) {
        field(key)
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            text += String(Int(value))
        } else {
            text += value.isFinite ? String(value) : "null"
        }
    }

    /// A raw JSON value (an array or object already encoded).
    mutating func add(_ key: String, json: String) {
        field(key)
        text += json
    }

    var line: String { text + "}" }

    private mutating func field(_ key: String) {
        if text.utf8.count > 1 { text += "," }
        Self.appendQuoted(key, to: &text)
        text += ":"
    }

    static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
