/// HTML character references (named, decimal, hexadecimal) decoded as the HTML Living
/// Standard's tokenizer does (section 13.2.5.72 "Character reference state"): named references
/// from the full HTML5 list (`HTMLEntityTable`, generated from Python's `html.entities`),
/// legacy names accepted without `;`, numeric references with the Windows-1252 remapping of
/// 0x80-0x9F and U+FFFD for zero, surrogates and values beyond U+10FFFF.
public enum HTMLEntities {
    /// Name (with or without the trailing `;`) to replacement text.
    static let table: [String: String] = {
        var table: [String: String] = [:]
        table.reserveCapacity(2300)
        for line in HTMLEntityTable.packed.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            var text = String.UnicodeScalarView()
            for hex in line[line.index(after: tab)...].split(separator: " ") {
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { text.append(scalar) }
            }
            table[String(line[..<tab])] = String(text)
        }
        return table
    }()

    /// The longest name in the table, bounding the look-ahead.
    static let longestName = 32

    /// Decodes every character reference in `text`.
    public static func decode(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), let next = decode(bytes, at: index, into: &output, inAttribute: false) {
                    index = next
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Decodes the reference at `start` (which holds `&`), appending its UTF-8 to `output`.
    ///
    /// - Returns: the index after the reference, or nil when there is none (the `&` is literal).
    /// - Complexity: O(`longestName`).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into output: inout [UInt8], inAttribute: Bool) -> Int? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") { return decodeNumeric(bytes, at: index + 1, into: &output) }
        let nameStart = index
        while index < bytes.count, index - nameStart < longestName, isAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";"),
           let text = table[String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart...index]), as: UTF8.self)] {
            output.append(contentsOf: text.utf8)
            return index + 1
        }
        // Legacy names without ';': the longest prefix that is one ("&copy2015" -> "©2015").
        var end = index
        while end > nameStart {
            if let text = table[String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<end]), as: UTF8.self)] {
                if inAttribute, end < bytes.count, bytes[end] == UInt8(ascii: "=") || isAlphanumeric(bytes[end]) { return nil }
                output.append(contentsOf: text.utf8)
                return end
            }
            end -= 1
        }
        return nil
    }

    static func decodeNumeric(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into output: inout [UInt8]) -> Int? {
        var index = start
        var hex = false
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") { hex = true; index += 1 }
        let digitsStart = index
        var value: UInt32 = 0
        while index < bytes.count {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - 55)
            default: digit = 99
            }
            if digit == 99 { break }
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
        appendScalar(numericReplacement(value), to: &output)
        return index
    }

    /// The code point a numeric reference stands for (HTML's "numeric character reference end state").
    static func numericReplacement(_ value: UInt32) -> UInt32 {
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return 0xFFFD }
        if (0x80...0x9F).contains(value) {
            let mapped = UInt32(SingleByteTables.upperHalf[SingleByteCharset.windows1252.rawValue * 128 + Int(value - 0x80)])
            return mapped == 0xFFFD ? value : mapped
        }
        return value
    }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Appends the UTF-8 form of `scalar` (which must be a valid scalar value).
    @inline(__always)
    static func appendScalar(_ scalar: UInt32, to output: inout [UInt8]) {
        UTF8Scalar.forEachByte(scalar) { output.append($0) }
    }
}
