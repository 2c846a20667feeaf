/// `HTMLInlineStyle` and `HTMLColor` read from ASCII bytes in place: the same results as the
/// String readers (their twins, still used for non-ASCII values), without building a String
/// for every declaration. ASCII text is Characters byte by byte except CR LF, one Character,
/// which `ASCIIBytes.trimmingWhitespace` keeps as the String trimming does.
extension HTMLInlineStyle {
    /// `read(attribute:value:element:)` for a value that is ASCII (entity-decoded, trimmed of
    /// bytes up to 0x20).
    mutating func read(attribute name: HTMLAttributeName, ascii value: UnsafeBufferPointer<UInt8>, element: String) {
        switch name {
        case .style: readStyle(ascii: value)
        case .hidden: displayNone = true
        case .bgcolor: background = HTMLColor(parsingASCII: value) ?? background
        case .color where element == "font", .text where element == "body": color = HTMLColor(parsingASCII: value) ?? color
        case .size where element == "font": read(attribute: "size", value: String(decoding: value, as: UTF8.self), element: element)
        default: break
        }
    }

    /// `readStyle(_:)` of ASCII bytes.
    mutating func readStyle(ascii style: UnsafeBufferPointer<UInt8>) {
        var zeroHeight = false
        var overflowHidden = false
        defer { if zeroHeight && overflowHidden { displayNone = true } }
        var start = 0
        while start < style.count {
            var end = start
            while end < style.count, style[end] != UInt8(ascii: ";") { end += 1 }
            let declaration = UnsafeBufferPointer(rebasing: style[start..<end])
            start = end + 1
            guard let colon = declaration.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let property = ASCIIBytes.trimmingWhitespace(UnsafeBufferPointer(rebasing: declaration[..<colon]))
            guard let known = StyleProperty(property) else { continue }
            var value = ASCIIBytes.trimmingWhitespace(UnsafeBufferPointer(rebasing: declaration[(colon + 1)...]))
            if let bang = value.firstIndex(of: UInt8(ascii: "!")) {
                value = ASCIIBytes.trimmingWhitespace(UnsafeBufferPointer(rebasing: value[..<bang]))
            }
            func `is`(_ word: StaticString) -> Bool { ASCIIBytes.equalsLowercased(value, word) }
            func lower() -> String { ASCIIBytes.lowercasedString(value) }
            switch known {
            case .fontSize: readFontSize(lower()[...])
            case .display: if `is`("none") { displayNone = true }
            case .visibility:
                if `is`("hidden") || `is`("collapse") { visibilityHidden = true }
                if `is`("visible") { visibilityVisible = true }
            case .opacity: if let number = Double(lower()), number <= 0.05 { displayNone = true }
            case .msoHide: if `is`("all") { displayNone = true }
            case .size: if Self.leadingNumber(lower()[...]).map({ $0 <= 0 }) ?? false { zeroHeight = true }
            case .overflow: if `is`("hidden") { overflowHidden = true }
            case .offset: if let number = Self.leadingNumber(lower()[...]), number <= -500 { displayNone = true }
            case .color:
                if `is`("transparent") { transparentText = true } else { color = HTMLColor(parsingASCII: value) ?? color }
            case .backgroundColor: background = HTMLColor(parsingASCII: value) ?? background
            case .background:
                var partStart = 0
                while partStart < value.count {
                    var partEnd = partStart
                    while partEnd < value.count, value[partEnd] != UInt8(ascii: " ") { partEnd += 1 }
                    defer { partStart = partEnd + 1 }
                    guard partEnd > partStart else { continue }
                    if let parsed = HTMLColor(parsingASCII: UnsafeBufferPointer(rebasing: value[partStart..<partEnd])) {
                        background = parsed
                        break
                    }
                }
            }
        }
    }

    /// The CSS properties `readStyle` acts on, grouped by what it does with them.
    enum StyleProperty {
        case fontSize, display, visibility, opacity, msoHide, size, overflow, offset, color, backgroundColor, background

        /// The property a declaration's name (trimmed, any case) is, if `readStyle` reads it.
        init?(_ name: UnsafeBufferPointer<UInt8>) {
            func matches(_ spelling: StaticString) -> Bool { ASCIIBytes.equalsLowercased(name, spelling) }
            switch name.count {
            case 3: if matches("top") { self = .offset } else { return nil }
            case 4: if matches("left") { self = .offset } else { return nil }
            case 5: if matches("width") { self = .size } else if matches("color") { self = .color } else { return nil }
            case 6: if matches("height") { self = .size } else { return nil }
            case 7:
                if matches("display") { self = .display } else if matches("opacity") { self = .opacity } else { return nil }
            case 8:
                if matches("mso-hide") { self = .msoHide } else if matches("overflow") { self = .overflow } else { return nil }
            case 9:
                if matches("font-size") { self = .fontSize } else if matches("max-width") { self = .size } else { return nil }
            case 10:
                if matches("visibility") { self = .visibility } else if matches("max-height") { self = .size }
                else if matches("overflow-y") || matches("overflow-x") { self = .overflow }
                else if matches("background") { self = .background } else { return nil }
            case 11:
                if matches("text-indent") { self = .offset } else if matches("margin-left") { self = .offset } else { return nil }
            case 16: if matches("background-color") { self = .backgroundColor } else { return nil }
            default: return nil
            }
        }
    }
}

extension HTMLColor {
    /// `init(parsing:)` of ASCII bytes.
    init?(parsingASCII value: UnsafeBufferPointer<UInt8>) {
        let text = ASCIIBytes.trimmingWhitespace(value)
        guard let first = text.first else { return nil }
        var digits = text
        if first == UInt8(ascii: "#") {
            digits = UnsafeBufferPointer(rebasing: text.dropFirst())
        } else if ASCIIBytes.lower(first) >= UInt8(ascii: "a"), ASCIIBytes.lower(first) <= UInt8(ascii: "z") {
            // Every named colour and "rgb" starts with a letter; the longest name has 11 letters.
            if text.count >= 3, ASCIIBytes.equalsLowercased(UnsafeBufferPointer(rebasing: text.prefix(3)), "rgb") {
                self.init(parsing: String(decoding: text, as: UTF8.self)[...])
                return
            }
            if text.count <= 11, let color = Self.named[ASCIIBytes.lowercasedString(text)] {
                self = color
                return
            }
        }
        guard digits.count == 3 || digits.count == 6 else { return nil }
        var number: UInt32 = 0
        for byte in digits {
            guard let digit = URLPercentEncoding.hexValue(byte) else { return nil }
            number = number << 4 | UInt32(digit)
        }
        self.init(hex: number, digits: digits.count)
    }
}
