/// Pyzor's line splitting and normalization (`DataDigester.normalize`), in one pass over a
/// part's UTF-8.
///
/// Pyzor removes NULs, then with regular expressions over each line: every run of 10 or more
/// non-space characters (`\S{10,}`), e-mail-like runs (`\S+@\S+`), URL-like text
/// (`[a-z]+:\S+`, case-insensitive), and finally all whitespace (`\s`). Each pattern removes
/// a whole whitespace-delimited run or its tail, so the rules apply to each run alone:
/// - a run of 10 or more scalars is dropped;
/// - otherwise a run with `@` neither first nor last is dropped;
/// - otherwise the run is cut at the first letter sequence followed by `:` and one more scalar.
/// Lengths count Unicode scalars (Python code points), NULs not counted. "Whitespace" and
/// "line break" are Python 3's `str.isspace` and `str.splitlines` sets; "letter" is what
/// Python's case-insensitive `[a-z]` matches (ASCII letters, U+0130, U+0131, U+017F, U+212A).
extension PyzorDigest {
    /// Pyzor's `\S{10,}`: a run this long is removed.
    static let longRun = 10

    /// Writes what the rules keep of the run `bytes[start..<end]` at `out + write`, advancing
    /// `write`; returns the run's scalar count that stays.
    static func keepRun(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int, scalars: Int, hasNul: Bool,
                        into out: UnsafeMutablePointer<UInt8>, at write: inout Int) -> Int {
        guard scalars > 0, scalars < Self.longRun else { return 0 }
        var position = 0  // scalar index, NULs skipped
        var letters = 0, cutScalar = -1, cutByte = end
        var index = start
        while index < end {
            let (value, length) = Self.decode(bytes, at: index, count: end)
            if value != 0 {
                if value == 0x40 && position > 0 && position < scalars - 1 { return 0 }  // e-mail
                if value == 0x3A && letters > 0 && cutScalar < 0 && position < scalars - 1 {
                    cutScalar = position - letters  // URL: the letter sequence and all after it
                    cutByte = Self.byteOffset(ofScalar: cutScalar, in: bytes, from: start)
                }
                letters = Self.isLetter(value) ? letters &+ 1 : 0
                position &+= 1
            }
            index &+= length
        }
        if hasNul {
            for offset in start..<cutByte where bytes[offset] != 0 {
                out[write] = bytes[offset]
                write &+= 1
            }
        } else {
            (out + write).update(from: bytes + start, count: cutByte - start)
            write &+= cutByte - start
        }
        return cutScalar < 0 ? scalars : cutScalar
    }

    /// The byte offset of the `scalar`-th non-NUL scalar of a run starting at `start`.
    static func byteOffset(ofScalar scalar: Int, in bytes: UnsafePointer<UInt8>, from start: Int) -> Int {
        var index = start, seen = 0
        while true {
            let (value, length) = decode(bytes, at: index, count: Int.max)
            if value != 0 {
                if seen == scalar { return index }
                seen &+= 1
            }
            index &+= length
        }
    }

    /// The scalar at `index` of valid UTF-8 (a `String`'s) and its length in bytes. A sequence
    /// cut by `count` reads as U+FFFD, one byte, so a bad buffer can never be over-read.
    @inline(__always)
    static func decode(_ bytes: UnsafePointer<UInt8>, at index: Int, count: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard count - index >= length else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x130, 0x131, 0x17F, 0x212A: return true
        default: return false
        }
    }

    @inline(__always)
    static func isLineBreak(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000:
            return true
        default: return false
        }
    }
}
