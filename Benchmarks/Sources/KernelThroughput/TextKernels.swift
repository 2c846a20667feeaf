import Imprint
import ImprintHashing

#if canImport(Glibc)
import Glibc
#endif

/// `KernelThroughput text LIST [ROUNDS]`: each text kernel the message fingerprinter runs, over
/// the normalized text of each message named in LIST (parsed and normalized once, untimed), in
/// MB/s of normalized text. The same calls and arguments as `MessageFingerprinter`, one kernel
/// at a time, so a change to one kernel shows in its own line; `all` runs them back to back.
enum TextKernels {
    /// The per-message inputs of the text fingerprints.
    struct Sample {
        var text: [UInt8]
        var parts: [String]
        /// Word start/end offsets in `text` (runs of ASCII letters and digits and bytes >= 0x80).
        var words: [(Int, Int)]
    }

    static func samples(_ paths: [String]) -> [Sample] {
        paths.compactMap { path in
            guard let message = try? Message(rendered: readAll(path)) else { return nil }
            let features = MessageFeatures(message: message)
            let text = Array(features.normalizedText.utf8)
            var words: [(Int, Int)] = []
            var start = -1
            for index in 0...text.count {
                let inWord = index < text.count && WordTokenizer.isWordByte(text[index])
                if inWord && start < 0 { start = index }
                if !inWord && start >= 0 { words.append((start, index)); start = -1 }
            }
            return Sample(text: text, parts: features.textParts.filter { !$0.isEmpty }, words: words)
        }
    }

    /// XXH3-64 of every word (seed 1) and every adjacent pair joined by a space (seed 2).
    static func wordHashes(_ sample: Sample, scratch: UnsafeMutableRawBufferPointer) -> UInt64 {
        var sink: UInt64 = 0
        sample.text.withUnsafeBytes { raw in
            var previous: (Int, Int)?
            for word in sample.words {
                sink &+= XXH3.hash64(UnsafeRawBufferPointer(rebasing: raw[word.0..<word.1]), seed: 1)
                if let previous, word.1 - word.0 + previous.1 - previous.0 + 1 <= scratch.count {
                    let first = previous.1 - previous.0, length = first + 1 + word.1 - word.0
                    scratch.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[previous.0..<previous.1]))
                    scratch[first] = 0x20
                    UnsafeMutableRawBufferPointer(rebasing: scratch[(first + 1)...])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[word.0..<word.1]))
                    sink &+= XXH3.hash64(UnsafeRawBufferPointer(rebasing: scratch[0..<length]), seed: 2)
                }
                previous = word
            }
        }
        return sink
    }

    static func run(_ paths: [String], rounds: Int) {
        let samples = samples(paths)
        if let dump = getenv("TEXT_DUMP"), let file = fopen(String(cString: dump), "wb") {
            // The normalized texts, NUL-separated, for output checks outside this tool.
            for (index, sample) in samples.enumerated() {
                if index > 0 { fputc(0, file) }
                _ = sample.text.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            }
            fclose(file)
        }
        let bytes = samples.reduce(0) { $0 + $1.text.count }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 512, alignment: 8)
        defer { scratch.deallocate() }
        let kernels: [(String, (Sample) -> Int)] = [
            ("text-tlsh", { TLSH.hash($0.text).map { Int($0.checksum) } ?? 0 }),
            ("text-ctph", { CTPH.hash($0.text).description.utf8.count }),
            ("text-nilsimsa", { Int(truncatingIfNeeded: Nilsimsa.hash($0.text).bits[0]) }),
            ("text-simhash", { Int(truncatingIfNeeded: SimHash64.hash(words: $0.text)) }),
            ("text-minhash", { sample in
                guard var sketch = try? MinHash() else { return 0 }
                sketch.update(words: sample.text)
                return Int(truncatingIfNeeded: sketch.finalize().minima[0])
            }),
            ("text-minhash-simd", { sample in
                guard var sketch = try? MinHash(path: .simd) else { return 0 }
                sketch.update(words: sample.text)
                return Int(truncatingIfNeeded: sketch.finalize().minima[0])
            }),
            ("text-simhash-scalar", { Int(truncatingIfNeeded: SimHash64.hash(words: $0.text, path: .scalar)) }),
            ("text-pyzor", { Int(PyzorDigest.hash(parts: $0.parts)[0]) }),
            ("text-tokenizer", { WordTokenizer.tokenHashes($0.text).count }),
            ("text-xxh3-words", { Int(truncatingIfNeeded: wordHashes($0, scratch: scratch)) }),
        ]
        // KERNEL_ONLY=name (without `text-`) runs one kernel, for profiling.
        let only = getenv("KERNEL_ONLY").map { "text-" + String(cString: $0) }
        for (name, body) in kernels where only == nil || only == name {
            emit(name, bytes: bytes, items: samples.count, seconds: best(of: rounds, samples, body))
        }
        guard only == nil else { return }
        // What MessageFingerprinter runs: every kernel on its default path.
        let fingerprinter = kernels.filter { !$0.0.hasSuffix("-simd") && !$0.0.hasSuffix("-scalar") }
        let all = best(of: rounds, samples) { sample in fingerprinter.reduce(0) { $0 &+ $1.1(sample) } }
        emit("text-all", bytes: bytes, items: samples.count, seconds: all)
    }

    static func best(of rounds: Int, _ samples: [Sample], _ body: (Sample) -> Int) -> Double {
        var best = Double.infinity
        var sink = 0
        for _ in 0..<rounds {
            let start = now()
            for sample in samples { sink &+= body(sample) }
            best = min(best, now() - start)
        }
        if sink == 42 { print("") }
        return best
    }
}
