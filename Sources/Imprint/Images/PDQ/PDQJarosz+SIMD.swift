/// The vector twins of `PDQJarosz.boxRows` and `PDQJarosz.boxColumns`.
extension PDQJarosz {
    /// `boxRows` for eight rows at a time, lane `k` of each vector holding row `k`: the same
    /// serial sum per row, but eight sums advance together, hiding the add and divide latency.
    static func boxRowsSIMD(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
                            rows: Int, cols: Int, window: Int) {
        let half = (window + 2) / 2
        let phase1 = half - 1, phase2 = window - half + 1, phase3 = cols - window, phase4 = half - 1
        var row0 = 0
        while row0 + 8 <= rows {
            let i0 = input + row0 * cols, i1 = i0 + cols, i2 = i1 + cols, i3 = i2 + cols
            let i4 = i3 + cols, i5 = i4 + cols, i6 = i5 + cols, i7 = i6 + cols
            let o0 = output + row0 * cols, o1 = o0 + cols, o2 = o1 + cols, o3 = o2 + cols
            let o4 = o3 + cols, o5 = o4 + cols, o6 = o5 + cols, o7 = o6 + cols
            @inline(__always) func load(_ i: Int) -> SIMD8<Float> {
                SIMD8(i0[i], i1[i], i2[i], i3[i], i4[i], i5[i], i6[i], i7[i])
            }
            @inline(__always) func store(_ value: SIMD8<Float>, _ i: Int) {
                o0[i] = value[0]; o1[i] = value[1]; o2[i] = value[2]; o3[i] = value[3]
                o4[i] = value[4]; o5[i] = value[5]; o6[i] = value[6]; o7[i] = value[7]
            }
            var left = 0, right = 0, out = 0, count = 0, sum = SIMD8<Float>()
            for _ in 0..<max(0, phase1) { sum += load(right); count += 1; right += 1 }
            for _ in 0..<max(0, phase2) {
                sum += load(right); count += 1
                store(sum / SIMD8(repeating: Float(count)), out); right += 1; out += 1
            }
            let full = SIMD8<Float>(repeating: Float(count))
            for _ in 0..<max(0, phase3) {
                sum += load(right); sum -= load(left)
                store(sum / full, out); left += 1; right += 1; out += 1
            }
            for _ in 0..<max(0, phase4) {
                sum -= load(left); count -= 1
                store(sum / SIMD8(repeating: Float(count)), out); left += 1; out += 1
            }
            row0 += 8
        }
        for row in row0..<rows { box(input + row * cols, output + row * cols, length: cols, window: window) }
    }

    /// `boxColumns` eight columns at a time: each column sees exactly the scalar sequence of
    /// adds, subtracts and divisions, so the results are identical.
    static func boxColumnsSIMD(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
                               rows: Int, cols: Int, window: Int, sums: UnsafeMutablePointer<Float>) {
        let half = (window + 2) / 2
        let phase1 = half - 1, phase2 = window - half + 1, phase3 = rows - window, phase4 = half - 1
        sums.initialize(repeating: 0, count: cols)
        let vectorCols = cols & ~7
        @inline(__always) func add(_ row: Int, _ sign: Float) {
            let line = UnsafeRawPointer(input + row * cols)
            let total = UnsafeMutableRawPointer(sums)
            var c = 0
            while c < vectorCols {
                let value = line.loadUnaligned(fromByteOffset: 4 * c, as: SIMD8<Float>.self)
                var sum = total.loadUnaligned(fromByteOffset: 4 * c, as: SIMD8<Float>.self)
                if sign > 0 { sum += value } else { sum -= value }
                total.storeBytes(of: sum, toByteOffset: 4 * c, as: SIMD8<Float>.self)
                c += 8
            }
            while c < cols {
                if sign > 0 { sums[c] += input[row * cols + c] } else { sums[c] -= input[row * cols + c] }
                c += 1
            }
        }
        @inline(__always) func emit(_ row: Int, _ count: Int) {
            let line = UnsafeMutableRawPointer(output + row * cols)
            let total = UnsafeRawPointer(sums)
            let n = Float(count), vector = SIMD8<Float>(repeating: n)
            var c = 0
            while c < vectorCols {
                line.storeBytes(of: total.loadUnaligned(fromByteOffset: 4 * c, as: SIMD8<Float>.self) / vector,
                                toByteOffset: 4 * c, as: SIMD8<Float>.self)
                c += 8
            }
            while c < cols { output[row * cols + c] = sums[c] / n; c += 1 }
        }
        var left = 0, right = 0, out = 0, count = 0
        for _ in 0..<max(0, phase1) { add(right, 1); count += 1; right += 1 }
        for _ in 0..<max(0, phase2) { add(right, 1); count += 1; emit(out, count); right += 1; out += 1 }
        for _ in 0..<max(0, phase3) { add(right, 1); add(left, -1); emit(out, count); left += 1; right += 1; out += 1 }
        for _ in 0..<max(0, phase4) { add(left, -1); count -= 1; emit(out, count); left += 1; out += 1 }
    }
}
