extension TLSHDigest: CustomStringConvertible {
    /// The number of hex digits after the `T1` version mark.
    static let hexDigits = 70

    /// The reference's text: `T1` then 70 upper-case hex digits.
    public var description: String { text(versioned: true) }

    /// The reference's text, with the `T1` version mark or (`versioned: false`) in the old
    /// 70-digit form. The header bytes are printed with their nibbles swapped and the body
    /// bytes in reverse order, as the reference does: checksum, length value,
    /// `q1Ratio << 4 | q2Ratio`, then body bytes 31 down to 0.
    public func text(versioned: Bool = true) -> String {
        let digits: StaticString = "0123456789ABCDEF"
        var out = [UInt8]()
        out.reserveCapacity(Self.hexDigits + 2)
        if versioned { out.append(contentsOf: [UInt8(ascii: "T"), UInt8(ascii: "1")]) }
        digits.withUTF8Buffer { hex in
            func put(_ byte: UInt8) {
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
            put(checksum.nibbleSwapped)
            put(lengthValue.nibbleSwapped)
            put(q1Ratio << 4 | q2Ratio)
            for index in stride(from: 15, through: 0, by: -1) { put(high[index]) }
            for index in stride(from: 15, through: 0, by: -1) { put(low[index]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses the reference's text: `T1` and 70 hex digits, or the old form of 70 hex digits;
    /// either case.
    /// - Throws: ``TLSHDigestError`` with `.noDigest` for `TNULL`, `.badLength` or
    ///   `.badCharacter` for anything else that is not a digest.
    public init(parsing text: some StringProtocol) throws(TLSHDigestError) {
        var utf8 = Array(text.utf8)
        if utf8 == Array("TNULL".utf8) {
            throw .make(.noDigest, "TNULL marks an input that had no digest")
        }
        if utf8.count == Self.hexDigits + 2, utf8[0] == UInt8(ascii: "T"), utf8[1] == UInt8(ascii: "1") {
            utf8.removeFirst(2)
        }
        guard utf8.count == Self.hexDigits else {
            throw .make(.badLength, "expected T1 and \(Self.hexDigits) hex digits, got \(utf8.count) characters")
        }
        var bytes = [UInt8](repeating: 0, count: Self.hexDigits / 2)
        for index in 0..<bytes.count {
            guard let high = Self.hexValue(utf8[2 * index]), let low = Self.hexValue(utf8[2 * index + 1]) else {
                throw .make(.badCharacter, "not a hex digit at position \(2 * index)")
            }
            bytes[index] = high << 4 | low
        }
        let quartiles = bytes[2]
        self.init(checksum: bytes[0].nibbleSwapped, lengthValue: bytes[1].nibbleSwapped,
                  q1Ratio: quartiles >> 4, q2Ratio: quartiles & 0xF,
                  body: bytes[3...].reversed())!
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}

extension UInt8 {
    /// The byte with its two nibbles exchanged, as the reference prints header bytes.
    var nibbleSwapped: UInt8 { self << 4 | self >> 4 }
}
