import Foundation

/// EUC-JP (JIS X 0208 in two bytes 0xA1-0xFE, half-width katakana after SS2 0x8E, JIS X 0212
/// after SS3 0x8F) decoded without a native Foundation converter: runs of JIS X 0208 pairs are
/// re-framed as ISO-2022-JP (`ESC $ B` + bytes minus 0x80) and converted by Foundation.
enum EUCJapaneseDecoder {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output = ""
        output.reserveCapacity(bytes.count * 2)
        var jis: [UInt8] = []
        func flush() {
            guard !jis.isEmpty else { return }
            let framed = [0x1B, 0x24, 0x42] + jis + [0x1B, 0x28, 0x42]
            if let text = String(data: Data(framed), encoding: EastAsianDecoder.encoding(.iso2022JP)) {
                output += text
            } else {
                for pair in stride(from: 0, to: jis.count, by: 2) {
                    let one = [0x1B, 0x24, 0x42, jis[pair], jis[pair + 1], 0x1B, 0x28, 0x42]
                    output += String(data: Data(one), encoding: EastAsianDecoder.encoding(.iso2022JP)) ?? "\u{FFFD}"
                }
            }
            jis.removeAll(keepingCapacity: true)
        }
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0xA1, byte <= 0xFE, index + 1 < count, bytes[index + 1] >= 0xA1, bytes[index + 1] <= 0xFE {
                jis.append(byte & 0x7F)
                jis.append(bytes[index + 1] & 0x7F)
                index += 2
                continue
            }
            flush()
            if byte < 0x80 {
                output.unicodeScalars.append(Unicode.Scalar(byte))
                index += 1
            } else if byte == 0x8E, index + 1 < count, (0xA1...0xDF).contains(bytes[index + 1]) {
                output.unicodeScalars.append(Unicode.Scalar(0xFF61 + UInt32(bytes[index + 1] - 0xA1))!)
                index += 2
            } else if byte == 0x8F, index + 2 < count, bytes[index + 1] >= 0xA1, bytes[index + 2] >= 0xA1 {
                output.unicodeScalars.append("\u{FFFD}")
                index += 3
            } else {
                output.unicodeScalars.append("\u{FFFD}")
                index += 1
            }
        }
        flush()
        return output
    }
}
