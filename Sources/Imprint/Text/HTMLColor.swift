/// An sRGB colour from an HTML attribute (`color`, `bgcolor`) or a CSS value: `#rgb`,
/// `#rrggbb` (also without `#`, as legacy attributes allow), `rgb(r, g, b)` / `rgba(...)`, and
/// the CSS named colours mail uses most (the 16 HTML 4 colours plus a few near-whites).
public struct HTMLColor: Sendable, Equatable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let white = HTMLColor(red: 255, green: 255, blue: 255)
    public static let black = HTMLColor(red: 0, green: 0, blue: 0)

    /// The largest per-channel difference at which text is treated as invisible on its
    /// background: 24 of 255 (under 10%), well below what a reader can tell apart in body text.
    public static let nearThreshold = 24

    /// True when the two colours differ by at most `nearThreshold` in every channel.
    public func isNear(_ other: HTMLColor) -> Bool {
        abs(Int(red) - Int(other.red)) <= Self.nearThreshold
            && abs(Int(green) - Int(other.green)) <= Self.nearThreshold
            && abs(Int(blue) - Int(other.blue)) <= Self.nearThreshold
    }

    static let named: [String: HTMLColor] = [
        "white": .white, "black": .black, "red": .init(red: 255, green: 0, blue: 0),
        "green": .init(red: 0, green: 128, blue: 0), "blue": .init(red: 0, green: 0, blue: 255),
        "yellow": .init(red: 255, green: 255, blue: 0), "silver": .init(red: 192, green: 192, blue: 192),
        "gray": .init(red: 128, green: 128, blue: 128), "grey": .init(red: 128, green: 128, blue: 128),
        "maroon": .init(red: 128, green: 0, blue: 0), "purple": .init(red: 128, green: 0, blue: 128),
        "fuchsia": .init(red: 255, green: 0, blue: 255), "lime": .init(red: 0, green: 255, blue: 0),
        "olive": .init(red: 128, green: 128, blue: 0), "navy": .init(red: 0, green: 0, blue: 128),
        "teal": .init(red: 0, green: 128, blue: 128), "aqua": .init(red: 0, green: 255, blue: 255),
        "snow": .init(red: 255, green: 250, blue: 250), "ivory": .init(red: 255, green: 255, blue: 240),
        "whitesmoke": .init(red: 245, green: 245, blue: 245), "ghostwhite": .init(red: 248, green: 248, blue: 255),
        "floralwhite": .init(red: 255, green: 250, blue: 240), "azure": .init(red: 240, green: 255, blue: 255),
        "mintcream": .init(red: 245, green: 255, blue: 250), "seashell": .init(red: 255, green: 245, blue: 238),
        "honeydew": .init(red: 240, green: 255, blue: 240), "aliceblue": .init(red: 240, green: 248, blue: 255),
    ]

    /// Parses a colour value; nil when it is not one of the forms above.
    public init?(parsing value: Substring) {
        var text = value.trimmingASCIIWhitespace().lowercased()[...]
        if let color = Self.named[String(text)] { self = color; return }
        if text.hasPrefix("rgb") {
            guard let open = text.firstIndex(of: "("), let close = text.firstIndex(of: ")"), open < close else { return nil }
            let parts = text[text.index(after: open)..<close].split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" })
            guard parts.count >= 3 else { return nil }
            var channels: [UInt8] = []
            for part in parts.prefix(3) {
                if part.hasSuffix("%"), let percent = Double(part.dropLast()) {
                    channels.append(UInt8(max(0, min(255, percent * 2.55))))
                } else if let number = Double(part) {
                    channels.append(UInt8(max(0, min(255, number))))
                } else {
                    return nil
                }
            }
            self.init(red: channels[0], green: channels[1], blue: channels[2])
            return
        }
        if text.hasPrefix("#") { text = text.dropFirst() }
        guard text.allSatisfy(\.isHexDigit), text.count == 3 || text.count == 6,
              let number = UInt32(text, radix: 16) else { return nil }
        self.init(hex: number, digits: text.count)
    }

    /// The colour of a 3- or 6-digit hexadecimal number (`#rgb`, `#rrggbb`).
    init(hex number: UInt32, digits: Int) {
        if digits == 3 {
            self.init(red: UInt8((number >> 8) & 0xF) * 17, green: UInt8((number >> 4) & 0xF) * 17, blue: UInt8(number & 0xF) * 17)
        } else {
            self.init(red: UInt8(number >> 16), green: UInt8((number >> 8) & 0xFF), blue: UInt8(number & 0xFF))
        }
    }
}

extension Substring {
    /// Without leading and trailing ASCII white space.
    func trimmingASCIIWhitespace() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" || first == "\n" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\n" || last == "\r" { text.removeLast() }
        return text
    }
}
