import Imprint
import ImprintTestSupport
import Testing

/// Charset decoding against expectations produced by Python's codecs
/// (Tests/Fixtures/charsets/samples.tsv, made by scripts/generate_text_fixtures.py).
@Suite("Charset decoding")
struct CharsetDecoderTests {
    struct Sample: CustomTestStringConvertible, Sendable {
        let label: String
        let codec: String
        let bytes: [UInt8]
        let expected: String
        var testDescription: String { "\(label) (\(codec), \(bytes.count) bytes)" }
    }

    static func hex(_ text: Substring) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    static let samples: [Sample] = {
        guard let rows = try? Fixtures.table("charsets/samples.tsv") else { return [] }
        return rows.map { row in
            Sample(label: String(row[0]), codec: String(row[1]), bytes: hex(row[2]),
                   expected: String(decoding: hex(row[3]), as: UTF8.self))
        }
    }()

    @Test func fixtureIsPresent() {
        #expect(Self.samples.count >= 60)
    }

    @Test(arguments: samples)
    func decodesLikePython(_ sample: Sample) {
        let decoded = CharsetDecoder.decode(sample.bytes, charset: sample.label)
        #expect(Array(decoded.unicodeScalars) == Array(sample.expected.unicodeScalars))
    }

    @Test(arguments: samples)
    func decodesNonContiguousInput(_ sample: Sample) {
        // A non-contiguous collection takes the copying path and must agree.
        let lazyBytes = sample.bytes.lazy.map { $0 }
        #expect(CharsetDecoder.decode(lazyBytes, charset: sample.label) == sample.expected)
    }

    @Test func aliasesResolve() {
        #expect(Charset.named("latin1") == .singleByte(.iso8859_1))
        #expect(Charset.named(" \"ISO_8859-1:1987\" ") == .singleByte(.iso8859_1))
        #expect(Charset.named("cp1252") == .singleByte(.windows1252))
        #expect(Charset.named("x-sjis") == .eastAsian(.shiftJIS))
        #expect(Charset.named("ks_c_5601-1987") == .eastAsian(.eucKR))
        #expect(Charset.named("gb2312") == .eastAsian(.gb18030))
        #expect(Charset.named("UTF8") == .utf8)
        #expect(Charset.named("x-no-such-charset") == nil)
    }

    @Test func unknownCharsetGuessesUTF8ThenWindows1252() {
        let utf8: [UInt8] = Array("café €".utf8)
        #expect(CharsetDecoder.decode(utf8, charset: "x-unknown") == "café €")
        #expect(CharsetDecoder.decode(utf8, charset: nil) == "café €")
        let legacy: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x93]
        #expect(CharsetDecoder.decode(legacy, charset: "x-unknown") == "café €“")
        #expect(CharsetDecoder.decode(legacy, charset: nil) == "café €“")
        // 8-bit bytes in text labelled US-ASCII take the same guess.
        #expect(CharsetDecoder.decode(legacy, charset: "us-ascii") == "café €“")
        // A UTF-16 byte-order mark decides for unlabelled text.
        #expect(CharsetDecoder.decode([0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00], charset: nil) == "AB")
    }

    @Test func brokenMultiByteInputKeepsTheValidText() {
        // GB18030 text with a truncated character and a stray 0xFF in the middle.
        let good = Array("中文".utf8)
        _ = good
        let bytes: [UInt8] = [0x41, 0xD6, 0xD0, 0xFF, 0x42, 0xCE, 0xC4, 0xD6]
        let decoded = CharsetDecoder.decode(bytes, charset: "gb2312")
        #expect(decoded == "A中\u{FFFD}B文\u{FFFD}")
        let sjis: [UInt8] = [0x93, 0xFA, 0x81, 0x41, 0x96, 0x7B]  // 日, bad pair whose trail is ASCII, 本
        #expect(CharsetDecoder.decode(sjis, charset: "shift_jis").unicodeScalars.first == "日")
        let iso: [UInt8] = [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x1B, 0x28, 0x42, 0x0A, 0x41, 0xFF]
        #expect(CharsetDecoder.decode(iso, charset: "iso-2022-jp") == "日\nA\u{FFFD}")
    }

    @Test func utf16OddLengthAndLoneSurrogate() {
        #expect(CharsetDecoder.decode([0x00, 0x41, 0xD8, 0x00, 0x00, 0x42, 0x00], charset: "utf-16be") == "A\u{FFFD}B\u{FFFD}")
    }

    @Test func seededRandomBytesNeverTrap() {
        var generator = SeededGenerator(seed: 0x0C4A_12E7)
        let labels = ["utf-8", "gb18030", "big5", "shift_jis", "euc-jp", "iso-2022-jp", "euc-kr", "hz-gb-2312", "iso-2022-kr", "utf-16", "utf-32", "koi8-r", "utf-7", nil]
        for round in 0..<200 {
            let bytes = generator.bytes(Int.random(in: 0...64, using: &generator))
            let decoded = CharsetDecoder.decode(bytes, charset: labels[round % labels.count])
            #expect(decoded.utf8.count <= bytes.count * 4 + 3)
        }
    }
}
