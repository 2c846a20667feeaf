@testable import Imprint
import ImprintTestSupport
import Testing

/// The parsers that now read bytes in place instead of building arrays and strings give what
/// the building versions (kept here as references) gave, on seeded random input.
@Suite struct InPlaceParsingTests {
    /// A random string over `alphabet`, 0 to `maxLength` characters.
    static func text(_ alphabet: [Character], maxLength: Int, _ random: inout SeededGenerator) -> String {
        String((0..<Int.random(in: 0...maxLength, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }

    /// The dotted-quad parser before it stopped splitting.
    static func referenceIPv4(_ text: Substring) -> [UInt8]? {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 4 else { return nil }
        var out: [UInt8] = []
        for piece in pieces {
            guard (1...3).contains(piece.count), piece.allSatisfy(\.isASCII), let value = UInt8(piece) else { return nil }
            out.append(value)
        }
        return out
    }

    @Test func ipv4ParsesAsTheSplittingParser() {
        var random = SeededGenerator(seed: 41)
        let alphabet: [Character] = Array("0123456789....+-a \u{301}é")
        var cases = ["1.2.3.4", "255.255.255.255", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.002.3.4", "+1.2.3.4", "-0.1.2.3",
                     "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4\u{301}", "1.\u{301}2.3.4", "", "...."]
        for _ in 0..<20_000 { cases.append(Self.text(alphabet, maxLength: 16, &random)) }
        for _ in 0..<5_000 {
            cases.append((0..<4).map { _ in String(Int.random(in: 0...300, using: &random)) }.joined(separator: "."))
        }
        var parsed = 0, plain = 0
        for text in cases {
            let expected = Self.referenceIPv4(text[...])
            #expect(IPAddress.parseIPv4(text[...]).map { v4 in (0..<4).map { UInt8(truncatingIfNeeded: v4 >> UInt32(24 - 8 * $0)) } } == expected, "\(text)")
            if expected != nil { parsed += 1 }
            // The digits-and-dots fast path answers only when it is sure, and then as the parser does.
            if let fast = IPAddress.plainDottedQuad(text.utf8) {
                #expect(fast == IPAddress.parseIPv4(text[...]), "\(text)")
                plain += 1
            }
        }
        #expect(parsed > 2_000 && plain > 2_000)
    }

    /// Percent-decoding before it read in place.
    static func referenceDecode(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = URLPercentEncoding.hexValue(bytes[index + 1]), let low = URLPercentEncoding.hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index] == UInt8(ascii: "+") ? 0x20 : bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test func percentDecodingAsTheCopyingDecoder() {
        var random = SeededGenerator(seed: 42)
        let alphabet: [Character] = Array("%%%+0aAfFgz9C3E8B/=&é\u{301}🙂 ")
        for _ in 0..<20_000 {
            let text = Self.text(alphabet, maxLength: 24, &random)
            let result = URLPercentEncoding.decode(text[...])
            #expect(result == Self.referenceDecode(text[...]), "\(text)")
            #expect(Array(result.utf8) == Array(Self.referenceDecode(text[...]).utf8))
        }
    }

    /// Percent-encoding normalization before it wrote into the String's storage.
    static func referenceNormalize(_ bytes: [UInt8], isPath: Bool) -> String {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            var byte = bytes[index]
            if byte == UInt8(ascii: "\\"), isPath { byte = UInt8(ascii: "/") }
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = URLPercentEncoding.hexValue(bytes[index + 1]), let low = URLPercentEncoding.hexValue(bytes[index + 2]) {
                let decoded = high << 4 | low
                if URLPercentEncoding.isUnreserved(decoded) {
                    output.append(decoded)
                } else {
                    output += [UInt8(ascii: "%"), URLPercentEncoding.hexDigit(decoded >> 4), URLPercentEncoding.hexDigit(decoded & 15)]
                }
                index += 3
                continue
            }
            if byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "%") {
                output += [UInt8(ascii: "%"), URLPercentEncoding.hexDigit(byte >> 4), URLPercentEncoding.hexDigit(byte & 15)]
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test func percentNormalizationAsTheCopyingEncoder() {
        var random = SeededGenerator(seed: 43)
        let alphabet = Array("%%%2F7e41zZ/\\\"<>` ~-._".utf8) + [0x00, 0x0A, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            for isPath in [false, true] {
                let result = bytes.withUnsafeBufferPointer { URLPercentEncoding.normalize($0, isPath: isPath) }
                #expect(Array(result.utf8) == Array(Self.referenceNormalize(bytes, isPath: isPath).utf8), "\(bytes)")
            }
        }
    }

    /// Header unfolding before it wrote into a temporary buffer.
    static func referenceUnfold(_ value: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in value {
            if byte == 0x0D || byte == 0x0A { continue }
            if bytes.isEmpty, byte == 0x20 || byte == 0x09 { continue }
            bytes.append(byte)
        }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        return bytes
    }

    /// Values short and long (past the 1 KiB that goes on the stack), folded, with encoded words.
    @Test func unfoldedValuesAsTheCopyingUnfolder() {
        var random = SeededGenerator(seed: 44)
        let pieces: [[UInt8]] = ["a", "b", " ", "\t", "\r\n ", "\n\t", "=?utf-8?q?caf=C3=A9?=", "=?iso-8859-1?b?Y2Fm6Q==?=", "é", "?="]
            .map { Array($0.utf8) } + [[0xFF], [0xC3]]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...(Bool.random(using: &random) ? 12 : 400), using: &random)
            let value = (0..<count).flatMap { _ in pieces.randomElement(using: &random)! }
            let storage = Array("X-Test:".utf8) + value + Array("\r\n".utf8)
            let field = HeaderField(storage: storage, nameRange: 0..<6, valueRange: 7..<(7 + value.count))
            let unfolded = Self.referenceUnfold(value)
            #expect(field.unfoldedBytes == unfolded)
            #expect(field.decodedValue == EncodedWords.decode(unfolded))
            #expect(field.value == CharsetDecoder.decode(unfolded, charset: nil))
        }
    }

    @Test func utf8SetAnswersAsTheStringSet() {
        var random = SeededGenerator(seed: 45)
        let alphabet: [Character] = Array("abc.-é\u{301}")
        var members = Set<String>()
        var set = UTF8StringSet()
        for _ in 0..<300 {
            let member = Self.text(alphabet, maxLength: 6, &random)
            members.insert(member)
            set.insert(member)
        }
        let bytes = Array("abc.-".utf8) + [0xC3, 0xA9, 0xCC, 0x81, 0xFF, 0xC3]
        var found = 0
        for _ in 0..<20_000 {
            let candidate = (0..<Int.random(in: 0...7, using: &random)).map { _ in bytes.randomElement(using: &random)! }
            let expected = members.contains(String(decoding: candidate, as: UTF8.self))
            #expect(candidate.withUnsafeBufferPointer { set.contains(utf8: $0) } == expected, "\(candidate)")
            if expected { found += 1 }
        }
        #expect(found > 100)
    }
}
