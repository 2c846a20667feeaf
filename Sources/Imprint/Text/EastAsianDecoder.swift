import Foundation

/// Multi-byte East Asian decoding through Foundation's converters (swift-corelibs-foundation's
/// CoreFoundation tables), with a resynchronizing fallback so that invalid input yields U+FFFD
/// instead of failing the whole text.
///
/// Checked on this Linux toolchain (Swift 6.3.1): GB18030, CP936, Big5/CP950, Big5-HKSCS,
/// Shift_JIS/CP932, ISO-2022-JP, EUC-KR/CP949, HZ-GB-2312, ISO-2022-KR and UTF-7 convert; EUC-JP does not (Foundation returns
/// nil), so EUC-JP is transcoded here to ISO-2022-JP runs (JIS X 0208 rows are the EUC bytes
/// minus 0x80) and half-width katakana (SS2) are mapped directly. JIS X 0212 (SS3) is not
/// available in Foundation and becomes U+FFFD.
enum EastAsianDecoder {
    /// CoreFoundation `CFStringEncoding` constants (CFStringEncodingExt.h) as `String.Encoding`.
    static func encoding(_ charset: EastAsianCharset) -> String.Encoding {
        let cf: UInt
        switch charset {
        case .gb18030: cf = 0x0632  // kCFStringEncodingGB_18030_2000
        case .big5: cf = 0x0423  // kCFStringEncodingDOSChineseTrad (CP950)
        case .big5HKSCS: cf = 0x0A06  // kCFStringEncodingBig5_HKSCS_1999
        case .shiftJIS: cf = 0x0420  // kCFStringEncodingDOSJapanese (CP932)
        case .eucJP, .iso2022JP: cf = 0x0820  // kCFStringEncodingISO_2022_JP
        case .eucKR: cf = 0x0422  // kCFStringEncodingDOSKorean (CP949)
        case .hzGB2312: cf = 0x0A05  // kCFStringEncodingHZ_GB_2312
        case .iso2022KR: cf = 0x0840  // kCFStringEncodingISO_2022_KR
        }
        return String.Encoding(rawValue: 0x8000_0000 | cf)
    }

    /// UTF-7 through Foundation (kCFStringEncodingUTF7), nil when Foundation rejects the bytes.
    static func utf7(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if !bytes.contains(UInt8(ascii: "+")), CharsetDecoder.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return String(data: Data(buffer: bytes), encoding: String.Encoding(rawValue: 0x8000_0000 | 0x0400_0100))
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as charset: EastAsianCharset) -> String {
        let sevenBit = charset == .iso2022JP || charset == .iso2022KR || charset == .hzGB2312
        if !sevenBit, CharsetDecoder.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        if charset == .eucJP { return EUCJapaneseDecoder.decode(bytes) }
        let encoding = encoding(charset)
        if let text = String(data: Data(buffer: bytes), encoding: encoding) { return text }
        if sevenBit { return lossySevenBit(bytes, encoding: encoding) }
        return lossy(bytes, charset: charset, encoding: encoding)
    }

    /// The length of the character starting at `index` by the charset's lead-byte rules.
    static func unitLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, charset: EastAsianCharset) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        switch charset {
        case .gb18030:
            guard lead >= 0x81, lead <= 0xFE else { return 1 }
            if index + 1 < bytes.count, (0x30...0x39).contains(bytes[index + 1]) { return 4 }
            return 2
        case .shiftJIS:
            return (0x81...0x9F).contains(lead) || (0xE0...0xFC).contains(lead) ? 2 : 1
        default:
            return (0x81...0xFE).contains(lead) ? 2 : 1
        }
    }

    /// Decodes run by run between ASCII bytes; a run Foundation rejects is decoded character by
    /// character, a rejected character becomes U+FFFD and decoding resumes at its second byte
    /// when that byte is ASCII (as the WHATWG decoders do).
    ///
    /// Each Foundation call opens a converter (microseconds), so on binary garbage labelled with
    /// the charset, where nearly every run fails, the calls bounded the time, not the bytes: over
    /// a second for 1 MiB. Characters are therefore decoded through `UnitMemo` (each distinct
    /// character once), and after `runAttempts` rejected runs the runs are not tried whole any
    /// more (the encodings here are stateless: a run decodes as its characters do).
    static func lossy(_ bytes: UnsafeBufferPointer<UInt8>, charset: EastAsianCharset, encoding: String.Encoding) -> String {
        var output = ""
        output.reserveCapacity(bytes.count * 2)
        var units = UnitMemo(encoding: encoding)
        var rejectedRuns = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                var end = index
                while end < bytes.count, bytes[end] < 0x80 { end += 1 }
                output += String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                index = end
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] >= 0x80 { end += min(unitLength(bytes, at: end, charset: charset), bytes.count - end) }
            let run = UnsafeBufferPointer(rebasing: bytes[index..<end])
            if rejectedRuns < Self.runAttempts {
                if let text = String(data: Data(buffer: run), encoding: encoding) {
                    output += text
                    index = end
                    continue
                }
                rejectedRuns += 1
            }
            while index < end {
                let length = min(unitLength(bytes, at: index, charset: charset), bytes.count - index)
                if length > 1, let text = units.decode(UnsafeBufferPointer(rebasing: bytes[index..<(index + length)])) {
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

    /// Rejected runs after which `lossy` decodes character by character only: 64.
    static let runAttempts = 64

    /// Each multi-byte character's decoding (nil: rejected), asked of Foundation once. Holds at
    /// most `capacity` characters (65,536; Big5, GBK, Shift_JIS and EUC-KR have fewer than
    /// 24,000 two-byte codes), then asks Foundation for the others each time.
    struct UnitMemo {
        static let capacity = 65_536
        let encoding: String.Encoding
        private var known: [UInt64: String?] = [:]

        init(encoding: String.Encoding) { self.encoding = encoding }

        /// The text of one character of 2 to 4 bytes, nil when Foundation rejects it.
        mutating func decode(_ unit: UnsafeBufferPointer<UInt8>) -> String? {
            var key: UInt64 = 0  // the bytes (at most 4) in the low 32 bits, the count above them
            for byte in unit.prefix(4) { key = key << 8 | UInt64(byte) }
            key |= UInt64(unit.count) << 32
            if let text = known[key] { return text }
            let text = String(data: Data(buffer: unit), encoding: encoding)
            if known.count < Self.capacity { known[key] = text }
            return text
        }
    }

    /// 7-bit stateful text (ISO-2022-JP/KR, HZ) that Foundation rejects: decoded line by line
    /// (the encodings return to ASCII at line ends); a rejected line keeps its ASCII text with
    /// escape sequences dropped and other bytes as U+FFFD.
    static func lossySevenBit(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String.Encoding) -> String {
        var output = ""
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if !output.isEmpty || line.startIndex > 0 { output += "\n" }
            if let text = String(data: Data(line), encoding: encoding) {
                output += text
                continue
            }
            var index = line.startIndex
            while index < line.endIndex {
                let byte = line[index]
                if byte == 0x1B {
                    index = min(index + 3, line.endIndex)
                    if index < line.endIndex, line[index - 1] == 0x28, line[index - 2] == 0x24 { index += 1 }
                    continue
                }
                output.unicodeScalars.append(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}")
                index += 1
            }
        }
        return output
    }
}
