/// Words of HTML markup: tag names, attribute names and short attribute values, as
/// `tag`, `tag.attribute` and `tag.attribute=value` tokens. Spam and ham are written by
/// different tools, and their markup shows it (fonts, colours, tables, mailer habits) even
/// where the visible text is new. Link and image targets are left to the URL fingerprints.
public enum HTMLMarkupWords {
    /// Tokens per HTML part at most.
    public static let maximumPerPart = 600
    /// Attribute values longer than this are not tokens (they are ids, URLs or styles).
    public static let maximumValueLength = 24
    static let skippedValueAttributes: Set<String> = ["href", "src", "action", "background", "alt", "title", "name", "id"]

    /// The markup tokens of one HTML text, in order, each once.
    public static func words(of html: String) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        func add(_ token: String) {
            if out.count < maximumPerPart, seen.insert(token).inserted { out.append(token) }
        }
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count, out.count < maximumPerPart {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart, index - nameStart <= 16 else { continue }
            let tag = lower(bytes[nameStart..<index])
            add(tag)
            // Attributes until '>' (bounded: a stray '<' in text costs at most this scan).
            var scanned = 0
            while index < bytes.count, bytes[index] != UInt8(ascii: ">"), scanned < 2_048 {
                guard isNameByte(bytes[index]) else { index += 1; scanned += 1; continue }
                let attributeStart = index
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                let attribute = lower(bytes[attributeStart..<index])
                scanned += index - attributeStart
                guard attribute.count <= 24 else { continue }
                add(tag + "." + attribute)
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
                index += 1
                var quote: UInt8? = nil
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    quote = bytes[index]
                    index += 1
                }
                let valueStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ">"),
                      quote.map({ bytes[index] != $0 }) ?? (bytes[index] != UInt8(ascii: " ")) {
                    index += 1
                }
                let length = index - valueStart
                scanned += length
                if quote != nil, index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                if length > 0, length <= maximumValueLength, !skippedValueAttributes.contains(attribute) {
                    add(tag + "." + attribute + "=" + lower(bytes[valueStart..<(valueStart + length)]))
                }
            }
        }
        return out
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }

    static func lower(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
