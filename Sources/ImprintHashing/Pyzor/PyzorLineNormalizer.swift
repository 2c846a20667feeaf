/// Pyzor's line normalization (`DataDigester.normalize`), applied while scanning scalars.
///
/// Pyzor removes NULs, then with regular expressions over the line: every run of 10 or more
/// non-space characters (`\S{10,}`), e-mail-like runs (`\S+@\S+`), URL-like text
/// (`[a-z]+:\S+`, case-insensitive), and finally all whitespace (`\s`). Each pattern removes
/// a whole whitespace-delimited run or its tail, so the rules apply to each run alone:
/// - a run of 10 or more scalars is dropped;
/// - otherwise a run with `@` neither first nor last is dropped;
/// - otherwise the run is cut at the first letter sequence followed by `:` and one more scalar.
/// Lengths count Unicode scalars (Python code points). "Whitespace" and "line break" are
/// Python 3's `str.isspace` and `str.splitlines` sets; "letter" is what Python's
/// case-insensitive `[a-z]` matches (ASCII letters, U+0130, U+0131, U+017F, U+212A).
struct PyzorLineNormalizer: Sendable {
    /// Pyzor's `\S{10,}`: a run this long is removed.
    static let longRun = 10

    /// The normalized text of the current line, UTF-8.
    var line: [UInt8] = []
    var lineLength = 0
    /// The current run's scalars while it is shorter than `longRun`.
    var run: [Unicode.Scalar] = []
    var runLength = 0

    /// Consumes one scalar. Returns true when it ends a line that is to be kept (`line`).
    @inline(__always)
    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0 { return false }
        if Self.isLineBreak(value) { return endLine() }
        if Self.isWhitespace(value) {
            endRun()
        } else {
            if runLength < Self.longRun { run.append(scalar) }
            runLength += 1
        }
        return false
    }

    /// Ends the current line; true when it is long enough to be kept. Otherwise it is cleared.
    mutating func endLine() -> Bool {
        endRun()
        let keep = lineLength >= PyzorDigest.minimumLineLength
        lineLength = 0
        if !keep { line.removeAll(keepingCapacity: true) }
        return keep
    }

    mutating func endRun() {
        defer {
            run.removeAll(keepingCapacity: true)
            runLength = 0
        }
        guard runLength > 0, runLength < Self.longRun else { return }
        if run.dropFirst().dropLast().contains("@") { return }
        let kept = Self.urlStart(in: run) ?? run.count
        for scalar in run[..<kept] {
            line.append(contentsOf: UTF8.encode(scalar)!)
        }
        lineLength += kept
    }

    /// Where `[a-z]+:\S+` first matches in a run: the start of the first letter sequence that
    /// is followed by a colon and at least one more scalar.
    static func urlStart(in run: [Unicode.Scalar]) -> Int? {
        var letters = 0
        for (index, scalar) in run.enumerated() {
            if scalar == ":" && letters > 0 && index + 1 < run.count { return index - letters }
            letters = isLetter(scalar.value) ? letters + 1 : 0
        }
        return nil
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
