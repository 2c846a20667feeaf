/// The pass over a part's UTF-8 that finds the whitespace-delimited runs and lines and writes
/// what the rules of `PyzorDigest+Normalize.swift` keep, straight into the kept storage.
///
/// The storage is grown once a part by the part's length (a kept line is never longer than
/// the text it came from) and written through a pointer: a kept run is a fixed 16-byte copy
/// when it fits, a line too short to keep is dropped by moving the write position back.
/// Runs are found byte by byte (``KernelPath/scalar``) or, while eight bytes remain, eight
/// bytes a step (``KernelPath/simd``: SIMD within a 64-bit register, ``stopFlags(_:)``); tests
/// prove the two keep the same bytes.
extension PyzorDigest {
    /// The path `update` uses when none is named.
    public static let preferredPath: KernelPath = .simd

    mutating func scan(_ text: UnsafeBufferPointer<UInt8>, path: KernelPath = PyzorDigest.preferredPath) {
        guard let bytes = text.baseAddress else { return }
        // Moved out, so that the arrays stay uniquely referenced while written.
        var kept = keptBytes, ends = keptEnds
        keptBytes = []
        keptEnds = []
        let first = kept.count, needed = first + text.count
        if kept.capacity < needed { kept.reserveCapacity(max(needed, 2 * kept.capacity)) }
        kept.append(contentsOf: repeatElement(0, count: text.count))
        let written = kept.withUnsafeMutableBufferPointer { out in
            Self.scan(bytes, count: text.count, into: out.baseAddress!, from: first, ends: &ends, path: path)
        }
        kept.removeLast(needed - written)
        keptBytes = kept
        keptEnds = ends
    }

    /// Writes the kept runs of `bytes[0..<count]` at `out + first` (room for `count` bytes),
    /// appends the end of each kept line to `ends`; returns where the kept bytes end.
    static func scan(_ bytes: UnsafePointer<UInt8>, count: Int, into out: UnsafeMutablePointer<UInt8>, from first: Int,
                     ends: inout [Int], path: KernelPath) -> Int {
        var write = first, lineStart = first, lineLength = 0
        var runStart = -1, runScalars = 0, runHasNul = false, runHasMark = false
        var index = 0
        while index <= count {
            // Decode one scalar; the end of the part acts as a line break.
            var value: UInt32 = 0x0A, length = 1
            if index < count {
                if path == .simd, index &+ 8 <= count {
                    // Skip the plain bytes (printable ASCII but `@` and `:`) of eight at once.
                    let stops = stopFlags(UnsafeRawPointer(bytes).readLE64(index))
                    let plain = stops == 0 ? 8 : stops.trailingZeroBitCount &>> 3
                    if plain > 0 {
                        if runStart < 0 { runStart = index }
                        runScalars &+= plain
                        index &+= plain
                        if plain == 8 { continue }
                    }
                }
                let lead = bytes[index]
                if lead > 0x20 && lead < 0x80 {
                    // A printable ASCII character inside a run.
                    if runStart < 0 { runStart = index }
                    runScalars &+= 1
                    runHasMark = runHasMark || lead == 0x40 || lead == 0x3A
                    index &+= 1
                    continue
                }
                (value, length) = decode(bytes, at: index, count: count)
            }
            if value == 0 {
                if runStart < 0 { runStart = index }
                runHasNul = true
            } else if isWhitespace(value) {
                if runStart >= 0 {
                    if runHasMark || runHasNul {
                        lineLength += keepRun(bytes, from: runStart, to: index, scalars: runScalars, hasNul: runHasNul,
                                              into: out, at: &write)
                    } else if runScalars < longRun {
                        // No `@` or `:`: no rule but the length one applies, the run is kept whole.
                        copyRun(bytes + runStart, count: index &- runStart, readable: count &- runStart, to: out + write)
                        write &+= index &- runStart
                        lineLength += runScalars
                    }
                    runStart = -1; runScalars = 0; runHasNul = false; runHasMark = false
                }
                if isLineBreak(value) {
                    if lineLength >= minimumLineLength {
                        ends.append(write)
                    } else {
                        write = lineStart
                    }
                    lineStart = write
                    lineLength = 0
                }
            } else {
                if runStart < 0 { runStart = index }
                runScalars &+= 1
            }
            index &+= length
        }
        return write
    }

    /// Copies `count` bytes of a run; 16 bytes at once when `count` fits and 16 are readable
    /// (the destination has room: a run is written no further ahead than it was read).
    @inline(__always)
    static func copyRun(_ source: UnsafePointer<UInt8>, count: Int, readable: Int, to target: UnsafeMutablePointer<UInt8>) {
        guard count <= 16, readable >= 16 else {
            target.update(from: source, count: count)
            return
        }
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
    }

    /// For eight bytes (little-endian), bit 7 of byte j set when byte j is not plain: a control
    /// byte or space (<= 0x20), `@`, `:`, or not ASCII. Each test adds a bias to the low seven
    /// bits so that bit 7 carries it (no carry crosses a byte: 0x7F plus a bias stays under 0x100).
    @inline(__always)
    static func stopFlags(_ bytes: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = bytes & (0x7F &* ones)
        let control = ~(low &+ 0x5F &* ones)  // low < 0x21
        let at = ~((low ^ 0x40 &* ones) &+ 0x7F &* ones)  // low == 0x40
        let colon = ~((low ^ 0x3A &* ones) &+ 0x7F &* ones)  // low == 0x3A
        return (bytes | control | at | colon) & (0x80 &* ones)
    }
}
