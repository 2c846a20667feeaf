/// A CTPH (ssdeep) digest: the block size and the piece digests for the block size and for
/// twice it, in the text form `bs:h1:h2` that `ssdeep -b` prints (without the file name).
///
/// Both parts hold base64 characters, at most 64 each (ssdeep truncates the second to 32 unless
/// asked not to). Compare two digests with ``CTPH/score(_:_:path:)``.
public struct CTPHDigest: Sendable, Hashable, CustomStringConvertible {
    /// The block size the first part was cut with. ssdeep only produces 3·2^k (k < 31).
    public let blockSize: UInt32
    /// The characters for `blockSize`.
    public let first: [UInt8]
    /// The characters for `2 · blockSize`.
    public let second: [UInt8]

    init(uncheckedBlockSize blockSize: UInt32, first: [UInt8], second: [UInt8]) {
        self.blockSize = blockSize
        self.first = first
        self.second = second
    }

    /// A digest from its parts.
    /// - Throws: `CTPHDigestError` if the block size is 0, a part is longer than 64 characters
    ///   or holds a character outside the base64 alphabet.
    public init(blockSize: UInt32, first: some Sequence<UInt8>, second: some Sequence<UInt8>) throws(CTPHDigestError) {
        guard blockSize > 0 else { throw .make(.badBlockSize, "block size 0") }
        self.init(uncheckedBlockSize: blockSize,
                  first: try Self.validated(Array(first), part: "first"),
                  second: try Self.validated(Array(second), part: "second"))
    }

    /// Parses `bs:h1:h2`.
    ///
    /// Stricter than ssdeep's `fuzzy_compare`, which skips leading blanks, accepts any byte in
    /// the parts and cuts the second part at a comma (the file name of `ssdeep` output): here the
    /// text must be exactly a decimal block size (leading zeros allowed) and two base64 parts.
    /// - Throws: `CTPHDigestError` naming what is wrong.
    public init(parsing text: some StringProtocol) throws(CTPHDigestError) {
        let bytes = Array(text.utf8)
        guard let firstColon = bytes.firstIndex(of: UInt8(ascii: ":")) else {
            throw .make(.missingSeparator, "no ':' after the block size")
        }
        guard let secondColon = bytes[(firstColon + 1)...].firstIndex(of: UInt8(ascii: ":")) else {
            throw .make(.missingSeparator, "no ':' between the two parts")
        }
        let blockSize = try Self.parseBlockSize(bytes[..<firstColon])
        let first = Array(bytes[(firstColon + 1)..<secondColon])
        let second = Array(bytes[(secondColon + 1)...])
        try self.init(blockSize: blockSize, first: first, second: second)
    }

    /// `bs:h1:h2`.
    public var description: String { String(decoding: textBytes, as: UTF8.self) }

    /// `bs:h1:h2` as UTF-8 bytes, built in one array.
    public var textBytes: [UInt8] {
        first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in Self.textBytes(blockSize: blockSize, first: first, second: second) }
        }
    }

    /// `bs:h1:h2` of the given parts as UTF-8 bytes, built in one array.
    static func textBytes(blockSize: UInt32, first: UnsafeBufferPointer<UInt8>, second: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10 + 2 + first.count + second.count)
        var digits = blockSize, divisor: UInt32 = 1
        while digits >= 10 { digits /= 10; divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: blockSize / divisor % 10))
            divisor /= 10
        } while divisor > 0
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: first)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: second)
        return bytes
    }

    private static func parseBlockSize(_ digits: ArraySlice<UInt8>) throws(CTPHDigestError) -> UInt32 {
        guard !digits.isEmpty else { throw .make(.badBlockSize, "empty block size") }
        var value: UInt64 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else {
                throw .make(.badBlockSize, "block size is not a decimal number")
            }
            value = value * 10 + UInt64(digit - UInt8(ascii: "0"))
            guard value <= UInt64(UInt32.max) else {
                throw .make(.badBlockSize, "block size over \(UInt32.max)")
            }
        }
        return UInt32(value)
    }

    private static func validated(_ part: [UInt8], part name: String) throws(CTPHDigestError) -> [UInt8] {
        guard part.count <= CTPH.maximumDigestLength else {
            throw .make(.partTooLong, "\(name) part has \(part.count) characters, over \(CTPH.maximumDigestLength)")
        }
        for character in part where CTPHAlphabet.index(of: character) == nil {
            throw .make(.badCharacter, "\(name) part holds byte \(character), not base64")
        }
        return part
    }
}

/// The base64 alphabet of the digest parts.
enum CTPHAlphabet {
    /// The value 0..<64 of a base64 character, or nil.
    @inline(__always)
    static func index(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
