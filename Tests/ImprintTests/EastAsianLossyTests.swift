import Foundation
@testable import Imprint
import ImprintTestSupport
import Testing

/// The lossy East Asian path decodes characters through a memo and stops trying runs whole after
/// `runAttempts` rejections: it must give what run-by-run decoding gave, on valid text mixed
/// with garbage long enough to pass that point.
@Suite struct EastAsianLossyTests {
    static let stateless: [(EastAsianCharset, String)] = [
        (.big5, "中文郵件測試，價格優惠"), (.gb18030, "中文邮件测试，价格优惠€"), (.shiftJIS, "日本語のメールｶﾀｶﾅ"),
        (.eucKR, "한국어 메일 시험"), (.big5HKSCS, "香港增補字符集"),
    ]

    /// The former algorithm: every run tried whole, each character asked of Foundation.
    static func runByRun(_ bytes: UnsafeBufferPointer<UInt8>, charset: EastAsianCharset, encoding: String.Encoding) -> String {
        var output = "", index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                output.unicodeScalars.append(Unicode.Scalar(bytes[index]))
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] >= 0x80 {
                end += min(EastAsianDecoder.unitLength(bytes, at: end, charset: charset), bytes.count - end)
            }
            if let text = String(data: Data(buffer: UnsafeBufferPointer(rebasing: bytes[index..<end])), encoding: encoding) {
                output += text
                index = end
                continue
            }
            while index < end {
                let length = min(EastAsianDecoder.unitLength(bytes, at: index, charset: charset), bytes.count - index)
                let unit = Data(buffer: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                if length > 1, let text = String(data: unit, encoding: encoding) {
                    output += text
                    index += length
                } else {
                    output.unicodeScalars.append("\u{FFFD}")
                    index += (length > 1 && bytes[index + 1] < 0x80) ? 1 : length
                }
            }
            index = max(index, end)
        }
        return output
    }

    @Test func memoizedDecodingEqualsRunByRun() throws {
        var generator = SeededGenerator(seed: 0xEA57)
        for (charset, sample) in Self.stateless {
            let encoding = EastAsianDecoder.encoding(charset)
            let valid = try #require(sample.data(using: encoding).map { [UInt8]($0) }, "\(charset) encodes its sample")
            for _ in 0..<4 {
                var bytes: [UInt8] = []
                // Garbage runs first (past `runAttempts` rejections), valid text and ASCII between.
                for piece in 0..<(EastAsianDecoder.runAttempts * 3) {
                    switch piece % 3 {
                    case 0: bytes += generator.bytes(Int.random(in: 1...12, using: &generator))
                    case 1: bytes += Array(" mail ".utf8)
                    default: if Bool.random(using: &generator) { bytes += valid }
                    }
                }
                bytes += valid
                let expected = bytes.withUnsafeBufferPointer { Self.runByRun($0, charset: charset, encoding: encoding) }
                let decoded = bytes.withUnsafeBufferPointer { EastAsianDecoder.lossy($0, charset: charset, encoding: encoding) }
                #expect(decoded == expected, "\(charset)")
                #expect(decoded.hasSuffix(sample), "\(charset) keeps the valid text after the garbage")
            }
        }
    }
}
