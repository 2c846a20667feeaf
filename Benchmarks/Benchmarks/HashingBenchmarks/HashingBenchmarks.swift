import Benchmark
import BenchmarkSupport
import ImprintHashing

/// Kernel benchmarks over a 64 KiB buffer: seeded random bytes for the byte-oriented hashes,
/// seeded random words for the word-oriented ones (SimHash, MinHash, tokens, Pyzor). Each
/// kernel with a `KernelPath` runs on both paths. An iteration hashes the buffer 16 times (1 MiB);
/// MB/s is the figure to read, `mallocCountTotal` (exact) the one gated on.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = BenchMetrics.configuration([BenchMetrics.megabytesPerSecond], warmup: 5, maxSeconds: 1)
    let buffer = KernelInputs.randomBytes, words = KernelInputs.words
    let rounds = 16

    func kernel(_ name: String, _ input: [UInt8], _ body: @escaping @Sendable (UnsafeRawBufferPointer) -> UInt64) {
        Benchmark("\(name) 64KiB") { benchmark in
            input.withUnsafeBytes { raw in
                benchmark.timed(bytes: rounds * raw.count) { for _ in 0..<rounds { blackHole(body(raw)) } }
            }
        }
    }
    for path in KernelPath.allCases {
        kernel("XXH64 \(path)", buffer) { XXH64.hash($0, path: path) }
        kernel("XXH3-64 \(path)", buffer) { XXH3.hash64($0, path: path) }
        kernel("CTPH \(path)", buffer) { UInt64(CTPH.hash($0, path: path).blockSize) }
        kernel("SimHash words \(path)", words) { SimHash64.hash(words: $0, path: path) }
        kernel("MinHash 64x3-shingles \(path)", words) { raw in
            guard var sketch = try? MinHash(path: path) else { return 0 }
            sketch.update(words: raw)
            return sketch.finalize().minima[0]
        }
        Benchmark("Hamming one-to-many 64-bit, 64Ki candidates \(path)") { benchmark in
            let candidates = KernelInputs.codes
            var distances = [UInt16](repeating: 0, count: candidates.count)
            benchmark.timed(bytes: rounds * candidates.count * 8) {
                for _ in 0..<rounds {
                    candidates.withUnsafeBufferPointer { codes in
                        distances.withUnsafeMutableBufferPointer { Hamming.distances(from: 0x1234, to: codes, into: $0, path: path) }
                    }
                }
            }
            blackHole(distances[0])
        }
    }
    kernel("TLSH", buffer) { UInt64(TLSH.hash($0)?.checksum ?? 0) }
    kernel("Nilsimsa", buffer) { Nilsimsa.hash($0).bits[0] }
    kernel("SHA-1", buffer) { UInt64(SHA1.hash($0)[0]) }
    kernel("Word tokens (XXH3 per token)", words) { UInt64(WordTokenizer.tokenHashes($0).count) }
    Benchmark("Pyzor digest 64KiB") { benchmark in
        let text = String(decoding: words, as: UTF8.self)
        benchmark.timed(bytes: rounds * words.count) { for _ in 0..<rounds { blackHole(PyzorDigest.hash(parts: [text])) } }
    }
}

/// The seeded inputs (the same every run).
enum KernelInputs {
    static let randomBytes: [UInt8] = {
        var random = SplitMix(seed: 0x1234_5678)
        return random.bytes(65_536)
    }()

    /// Words of 2 to 10 lowercase letters from a 2,000-word vocabulary, space separated, with a
    /// line break every 12 words: text-like input for the word kernels.
    static let words: [UInt8] = {
        var random = SplitMix(seed: 0x5752_4453)
        let vocabulary: [[UInt8]] = (0..<2000).map { _ in (0..<(2 + random.below(9))).map { _ in UInt8(97 + random.below(26)) } }
        var text: [UInt8] = []
        var count = 0
        while text.count < 65_536 {
            text += vocabulary[random.below(vocabulary.count)]
            count += 1
            text.append(count % 12 == 0 ? 10 : 32)
        }
        return Array(text.prefix(65_536))
    }()

    static let codes: [UInt64] = {
        var random = SplitMix(seed: 0x4841_4D4D)
        return (0..<65_536).map { _ in random.next() }
    }()
}
