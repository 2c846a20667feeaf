@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// TLSH's pair-table loop (`.simd`) against the scalar loop, state for state, on seeded random
/// inputs fed whole and in random pieces; and the radix quartiles against a sort.
@Suite struct TLSHKernelPathTests {
    /// Random bytes of a random kind: uniform, a small alphabet (text-like), or long runs of
    /// one byte (the same bucket in a row) between short random stretches.
    static func input(_ random: inout SeededGenerator) -> [UInt8] {
        let length = Int.random(in: 0...20000, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            return random.bytes(length)
        case 1:
            let low = UInt8.random(in: 0...200, using: &random)
            let high = low &+ UInt8.random(in: 1...55, using: &random)
            return (0..<length).map { _ in UInt8.random(in: low...high, using: &random) }
        default:
            var bytes: [UInt8] = []
            while bytes.count < length {
                let byte = UInt8.random(in: 0...255, using: &random)
                bytes += [UInt8](repeating: byte, count: Int.random(in: 1...3000, using: &random))
                bytes += random.bytes(Int.random(in: 0...40, using: &random))
            }
            return Array(bytes.prefix(length))
        }
    }

    /// Feeds `bytes` in the pieces `cuts` delimits.
    static func state(_ bytes: [UInt8], cuts: [Int], path: KernelPath) -> TLSH {
        var state = TLSH(path: path)
        for (start, end) in zip(cuts, cuts.dropFirst()) {
            bytes[start..<end].withUnsafeBytes { state.update($0) }
        }
        return state
    }

    static func expectSame(_ a: TLSH, _ b: TLSH, _ note: String) {
        #expect(a.counts.elements == b.counts.elements, "counts: \(note)")
        #expect(a.window == b.window && a.checksum == b.checksum && a.length == b.length, "state: \(note)")
        #expect(a.finalize() == b.finalize(), "digest: \(note)")
    }

    @Test func pairLoopEqualsScalarLoopWholeAndInPieces() {
        var random = SeededGenerator(seed: 0x7154)
        for round in 0..<120 {
            let bytes = Self.input(&random)
            let whole = [0, bytes.count]
            let scalar = Self.state(bytes, cuts: whole, path: .scalar)
            Self.expectSame(Self.state(bytes, cuts: whole, path: .simd), scalar, "round \(round), \(bytes.count) bytes")
            // Pieces of every size, tiny ones included (the first byte of a piece takes the
            // window's path), for both loops.
            let cuts = random.splits(of: bytes.count, pieces: Int.random(in: 2...40, using: &random))
            Self.expectSame(Self.state(bytes, cuts: cuts, path: .simd), scalar, "round \(round), cuts \(cuts)")
            Self.expectSame(Self.state(bytes, cuts: cuts, path: .scalar), scalar, "round \(round), scalar cuts \(cuts)")
        }
    }

    @Test func pairLoopEqualsScalarLoopOnShortInputsByteByByte() {
        var random = SeededGenerator(seed: 0x5407)
        for length in 0...80 {
            let bytes = random.bytes(length)
            let scalar = Self.state(bytes, cuts: [0, length], path: .scalar)
            Self.expectSame(Self.state(bytes, cuts: Array(0...length), path: .simd), scalar, "\(length) bytes one by one")
            Self.expectSame(Self.state(bytes, cuts: [0, length], path: .simd), scalar, "\(length) bytes")
        }
    }

    @Test func radixQuartilesEqualSortedPositions() {
        var random = SeededGenerator(seed: 0x0A27)
        for round in 0..<2000 {
            // Narrow and wide ranges: the radix step's shift is 0 for counts under 256.
            let top = UInt32.max >> UInt32.random(in: 0...31, using: &random)
            var values = (0..<128).map { _ in UInt32.random(in: 0...top, using: &random) }
            if round % 3 == 0 {
                // Many equal counts, as in short or uniform inputs.
                let few = (0..<4).map { _ in UInt32.random(in: 0...top, using: &random) }
                values = values.map { _ in few[Int.random(in: 0..<4, using: &random)] }
            }
            let sorted = values.sorted()
            let quartiles = values.withUnsafeMutableBufferPointer { TLSH.quartiles($0.baseAddress!, count: 128) }
            #expect(quartiles == (sorted[31], sorted[63], sorted[95]), "round \(round)")
        }
    }
}
