import ImprintHashing

/// The downsampling half of PDQ: a Jarosz tent filter (two passes of a box filter in each
/// direction) over full-resolution luminance, then nearest-sample decimation to 64x64.
///
/// Follows the ThreatExchange PDQ paper (`pdq/hashing.pdf`, §"Downsampling"): the box window
/// is `ceil(dimension / 128)`, so two passes make a tent about `dimension / 64` wide, the
/// decimation step. Arithmetic is `Float`, with the reference's window phases, so results
/// match the C++ reference to rounding.
enum PDQJarosz {
    /// The box window for reducing `oldSize` samples to `newSize`: `(old + 2 new - 1) / (2 new)`.
    static func windowSize(_ oldSize: Int, _ newSize: Int) -> Int {
        (oldSize + 2 * newSize - 1) / (2 * newSize)
    }

    /// Box-filters each row of `input` (rows x cols) into `output`, window `window`.
    static func boxRows(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
                        rows: Int, cols: Int, window: Int) {
        for row in 0..<rows {
            box(input + row * cols, output + row * cols, length: cols, window: window)
        }
    }

    /// One box pass over `length` samples, the reference's four phases: the window grows
    /// from half size at the start and shrinks back at the end, averaging what it covers.
    @inline(__always)
    static func box(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, length: Int, window: Int) {
        let half = (window + 2) / 2
        let phase1 = half - 1, phase2 = window - half + 1, phase3 = length - window, phase4 = half - 1
        var left = 0, right = 0, out = 0, sum: Float = 0, count = 0
        for _ in 0..<max(0, phase1) { sum += input[right]; count += 1; right += 1 }
        for _ in 0..<max(0, phase2) { sum += input[right]; count += 1; output[out] = sum / Float(count); right += 1; out += 1 }
        for _ in 0..<max(0, phase3) {
            sum += input[right]; sum -= input[left]; output[out] = sum / Float(count)
            left += 1; right += 1; out += 1
        }
        for _ in 0..<max(0, phase4) { sum -= input[left]; count -= 1; output[out] = sum / Float(count); left += 1; out += 1 }
    }

    /// Box-filters each column of `input` into `output`: the same arithmetic per column as
    /// `box`, run across a whole row at a time so memory is read in order.
    static func boxColumns(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
                           rows: Int, cols: Int, window: Int, sums: UnsafeMutablePointer<Float>) {
        let half = (window + 2) / 2
        let phase1 = half - 1, phase2 = window - half + 1, phase3 = rows - window, phase4 = half - 1
        sums.initialize(repeating: 0, count: cols)
        var left = 0, right = 0, out = 0, count = 0
        @inline(__always) func add(_ row: Int) { let line = input + row * cols; for c in 0..<cols { sums[c] += line[c] } }
        @inline(__always) func subtract(_ row: Int) { let line = input + row * cols; for c in 0..<cols { sums[c] -= line[c] } }
        @inline(__always) func emit(_ row: Int) {
            let line = output + row * cols, n = Float(count)
            for c in 0..<cols { line[c] = sums[c] / n }
        }
        for _ in 0..<max(0, phase1) { add(right); count += 1; right += 1 }
        for _ in 0..<max(0, phase2) { add(right); count += 1; emit(out); right += 1; out += 1 }
        for _ in 0..<max(0, phase3) { add(right); subtract(left); emit(out); left += 1; right += 1; out += 1 }
        for _ in 0..<max(0, phase4) { subtract(left); count -= 1; emit(out); left += 1; out += 1 }
    }

    /// Filters `buffer1` in place (two row+column passes, `buffer2` as scratch) and returns
    /// its 64x64 decimation: sample `((i + 0.5) * rows / 64, (j + 0.5) * cols / 64)`.
    ///
    /// `.scalar` runs the reference's loops as they are. `.simd` filters eight rows at once
    /// (one `SIMD8<Float>` lane a row) and eight columns at once: every output sample still
    /// gets the same operations in the same order, so the two paths agree bit for bit (tested).
    static func downsample(_ buffer1: UnsafeMutablePointer<Float>, _ buffer2: UnsafeMutablePointer<Float>,
                           rows: Int, cols: Int, path: KernelPath = .simd) -> [Float] {
        let rowWindow = windowSize(cols, 64), columnWindow = windowSize(rows, 64)
        let sums = UnsafeMutablePointer<Float>.allocate(capacity: max(rows, cols))
        defer { sums.deallocate() }
        for _ in 0..<2 {
            switch path {
            case .scalar:
                boxRows(buffer1, buffer2, rows: rows, cols: cols, window: rowWindow)
                boxColumns(buffer2, buffer1, rows: rows, cols: cols, window: columnWindow, sums: sums)
            case .simd:
                boxRowsSIMD(buffer1, buffer2, rows: rows, cols: cols, window: rowWindow)
                boxColumnsSIMD(buffer2, buffer1, rows: rows, cols: cols, window: columnWindow, sums: sums)
            }
        }
        var out = [Float](repeating: 0, count: 64 * 64)
        for i in 0..<64 {
            let row = Int((Double(i) + 0.5) * Double(rows) / 64)
            for j in 0..<64 {
                let column = Int((Double(j) + 0.5) * Double(cols) / 64)
                out[i * 64 + j] = buffer1[row * cols + column]
            }
        }
        return out
    }
}
