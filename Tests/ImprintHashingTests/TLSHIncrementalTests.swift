import ImprintHashing
import ImprintTestSupport
import Testing

/// Incremental TLSH equals one-shot TLSH however the input is split.
@Suite struct TLSHIncrementalTests {
    static let examples = ["0Alice.txt", "small.txt", "2005NISSE.txt", "website_course_descriptors06-07.txt",
                           "Week3.txt", "ExercisePocketSliderText.txt"]

    @Test func randomSplitsOfExampleInputs() throws {
        var random = SeededGenerator(seed: 0x715)
        for name in Self.examples {
            let bytes = try Fixtures.bytes("tlsh/example_data/\(name)")
            let oneShot = try #require(TLSH.hash(bytes))
            for _ in 0..<20 {
                let cuts = random.splits(of: bytes.count, pieces: Int.random(in: 1...12, using: &random))
                var state = TLSH()
                for (start, end) in zip(cuts, cuts.dropFirst()) {
                    bytes[start..<end].withUnsafeBytes { state.update($0) }
                }
                #expect(state.finalize() == oneShot, "\(name) cuts \(cuts)")
            }
        }
    }

    @Test func byteByByteAndTinyPiecesAtTheStart() throws {
        let bytes = try Fixtures.bytes("tlsh/example_data/0Alice.txt")
        let oneShot = try #require(TLSH.hash(bytes))
        var byteByByte = TLSH()
        for byte in bytes { byteByByte.update(CollectionOfOne(byte)) }
        #expect(byteByByte.finalize() == oneShot)
        // Pieces of 1...4 bytes first cross the window-filling prefix at every offset.
        for head in 1...6 {
            var state = TLSH()
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + (offset < 8 ? head : 4096))
                state.update(bytes[offset..<end])
                offset = end
            }
            #expect(state.finalize() == oneShot, "head pieces of \(head)")
        }
    }

    @Test func randomInputsAndNonContiguousSequences() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<50 {
            let count = Int.random(in: 0...5000, using: &random)
            let bytes = random.bytes(count)
            let oneShot = TLSH.hash(bytes)
            #expect(TLSH.hash(bytes.lazy.map { $0 }) == oneShot)
            let cuts = random.splits(of: count, pieces: Int.random(in: 2...20, using: &random))
            var state = TLSH()
            for (start, end) in zip(cuts, cuts.dropFirst()) { state.update(bytes[start..<end]) }
            #expect(state.finalize() == oneShot, "\(count) bytes cuts \(cuts)")
            if count >= 512 { #expect(oneShot != nil, "random \(count) bytes have variety") }
        }
    }

    @Test func finalizeDoesNotConsumeTheState() throws {
        let bytes = try Fixtures.bytes("tlsh/example_data/2005NISSE.txt")
        var state = TLSH()
        state.update(bytes.prefix(1000))
        let early = state.finalize()
        #expect(early == TLSH.hash(bytes.prefix(1000)))
        let copy = state
        state.update(bytes.dropFirst(1000))
        #expect(state.finalize() == TLSH.hash(bytes))
        #expect(copy.finalize() == early)
    }
}
