@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// The CTPH SIMD loops against their scalar twins, and incremental against one-shot, on
/// seeded random inputs.
@Suite struct CTPHKernelTwinTests {
    static let allForms: [CTPH.Options] = [[], .eliminateSequences, .untruncated, [.eliminateSequences, .untruncated]]

    /// Random bytes, low-entropy text, and repeats of the fixture that cuts a piece at every
    /// block size at once (so that more than eight levels are live).
    static func inputs() throws -> [[UInt8]] {
        var random = SeededGenerator(seed: 0xC791)
        let everyLevel = try Fixtures.bytes("ssdeep_ffuzzy/testsuite/generate/trigger-lasthash.bin")
        var inputs: [[UInt8]] = []
        for round in 0..<60 {
            let length = Int.random(in: 0...40_000, using: &random)
            switch round % 4 {
            case 0: inputs.append(random.bytes(length))
            case 1: inputs.append((0..<length).map { _ in UInt8.random(in: 97...100, using: &random) })
            case 2:
                let copies = Int.random(in: 1...3000, using: &random)
                inputs.append(Array([[UInt8]](repeating: everyLevel, count: copies).joined()))
            default:
                var mixed = [UInt8]()
                while mixed.count < length {
                    mixed += Bool.random(using: &random) ? everyLevel : random.bytes(Int.random(in: 1...200, using: &random))
                }
                inputs.append(mixed)
            }
        }
        return inputs
    }

    @Test func simdEqualsScalarOnRandomInputs() throws {
        var widest = 0
        for input in try Self.inputs() {
            var a = CTPH(path: .simd), b = CTPH(path: .scalar)
            a.update(input)
            b.update(input)
            widest = max(widest, a.live.end - a.live.start)
            for form in Self.allForms {
                #expect(a.finalize(options: form) == b.finalize(options: form), "length \(input.count) form \(form.rawValue)")
            }
        }
        // Some inputs keep more levels live than the vector holds.
        #expect(widest > CTPH.Levels.laneCount)
    }

    @Test(arguments: KernelPath.allCases)
    func incrementalEqualsOneShotInRandomSplits(path: KernelPath) throws {
        var random = SeededGenerator(seed: 0x5B117 &+ UInt64(path == .simd ? 1 : 0))
        for input in try Self.inputs().prefix(30) {
            let whole = CTPH.hash(input, path: path)
            let cuts = random.splits(of: input.count, pieces: Int.random(in: 1...40, using: &random))
            var state = CTPH(path: path)
            for (start, end) in zip(cuts, cuts.dropFirst()) {
                input[start..<end].withUnsafeBytes { state.update($0) }
            }
            #expect(state.finalize() == whole, "length \(input.count) cuts \(cuts.count)")
        }
        // Byte by byte, through the Sequence overload.
        let small = random.bytes(3000)
        var byteByByte = CTPH(path: path)
        for byte in small { byteByByte.update(CollectionOfOne(byte)) }
        #expect(byteByByte.finalize() == CTPH.hash(small, path: path))
    }

    @Test func triggerFilterNeverMissesATrigger() {
        var random = SeededGenerator(seed: 0x7F)
        for level in 0..<CTPH.blockSizeCount {
            let filter = CTPH.TriggerFilter(level: level)
            let blockSize = UInt64(3) << UInt64(level)
            var sums: [UInt32] = [0, 1, 2, .max, .max - 1, UInt32(truncatingIfNeeded: blockSize - 1)]
            for _ in 0..<2000 {
                let multiple = UInt64.random(in: 0...(UInt64(UInt32.max) / blockSize), using: &random)
                sums.append(UInt32(truncatingIfNeeded: multiple * blockSize + blockSize - 1))
                sums.append(UInt32.random(in: .min ... .max, using: &random))
            }
            for sum in sums {
                let exact = CTPH.triggers(sum, level: level)
                #expect((level <= CTPH.highestTriggeredLevel(sum)) == exact, "level \(level) sum \(sum)")
                if exact { #expect(filter.mayTrigger(sum), "level \(level) sum \(sum)") }
            }
            // And it filters: a random sum passes about once per block size.
            let passed = (0..<4000).filter { _ in filter.mayTrigger(UInt32.random(in: .min ... .max, using: &random)) }
            #expect(passed.count <= 4000 * 2 / Int(min(blockSize, 4000)) + 4)
        }
    }

    @Test func comparisonKernelsEqualTheirScalarTwins() throws {
        var random = SeededGenerator(seed: 0xD16E)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        func part(_ length: Int, from letters: Int) -> [UInt8] {
            var characters: [UInt8] = []
            while characters.count < length {
                let character = alphabet[Int.random(in: 0..<letters, using: &random)]
                let run = Bool.random(using: &random) ? 1 : Int.random(in: 1...6, using: &random)
                characters += repeatElement(character, count: min(run, length - characters.count))
            }
            return characters
        }
        for _ in 0..<3000 {
            let letters = [3, 8, 64].randomElement(using: &random)!
            let a = part(Int.random(in: 0...64, using: &random), from: letters)
            var b = part(Int.random(in: 0...64, using: &random), from: letters)
            if Bool.random(using: &random), a.count >= 10, b.count >= 10 {
                // Plant a shared substring.
                let start = Int.random(in: 0...(a.count - 8), using: &random)
                let at = Int.random(in: 0...(b.count - 8), using: &random)
                b.replaceSubrange(at..<(at + 8), with: a[start..<(start + 8)])
            }
            #expect(CTPHStrings.eliminateSequences(a, path: .simd) == CTPHStrings.eliminateScalar(a))
            #expect(CTPHStrings.haveCommonSubstring(a, b, path: .simd) == CTPHStrings.haveCommonSubstring(a, b, path: .scalar))
            #expect(CTPHStrings.editDistance(a, b, path: .simd) == CTPHStrings.editDistanceScalar(a, b))
            let blockSize = UInt32(3) << UInt32.random(in: 0...5, using: &random)
            let x = try CTPHDigest(blockSize: blockSize, first: a, second: b)
            let y = try CTPHDigest(blockSize: blockSize << UInt32.random(in: 0...1, using: &random), first: b, second: a)
            #expect(CTPH.score(x, y, path: .simd) == CTPH.score(x, y, path: .scalar), "\(x) \(y)")
        }
    }
}
