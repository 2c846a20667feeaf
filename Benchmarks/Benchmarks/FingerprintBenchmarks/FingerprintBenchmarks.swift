import Benchmark
import BenchmarkSupport
import Crypto
import Imprint
import ImprintHashing

/// Each fingerprint family over every corpus message (the input `MessageFingerprinter` gives
/// it: the normalized text, at least `minimumFuzzyText` bytes for the fuzzy families), then
/// the whole `MessageFingerprinter` and the Features stage before it. MB/s is over the bytes
/// the family reads; items/s is messages (images for the image family).
let benchmarks: @Sendable () -> Void = {
    let metrics = [BenchMetrics.megabytesPerSecond, BenchMetrics.itemsPerSecond]
    let configuration = BenchMetrics.configuration(metrics, maxSeconds: 3)
    let pipeline = BenchMetrics.configuration(metrics, maxSeconds: 3, pipeline: true)

    func family(_ name: String, _ hash: @escaping @Sendable ([UInt8]) -> Int) {
        Benchmark("Family \(name)", configuration: configuration) { benchmark in
            let inputs = FingerprintInputs.shared
            let sum = benchmark.timed(bytes: inputs.fuzzyBytes, items: inputs.fuzzyTexts.count) {
                inputs.fuzzyTexts.reduce(0) { $0 &+ hash($1) }
            }
            blackHole(sum)
        }
    }
    family("TLSH") { TLSH.hash($0).map { Int($0.checksum) } ?? 0 }
    family("CTPH") { CTPH.hash($0).description.utf8.count }
    family("Nilsimsa") { Int(truncatingIfNeeded: Nilsimsa.hash($0).bits[0]) }
    family("SimHash") { Int(truncatingIfNeeded: SimHash64.hash(words: $0)) }
    family("MinHash") { text in
        guard var sketch = try? MinHash(FingerprintOptions().minhash) else { return 0 }
        sketch.update(words: text)
        return Int(truncatingIfNeeded: sketch.finalize().minima[0])
    }
    family("SHA-256 body (exact)") { Int(SHA256.hash(data: $0).withUnsafeBytes { $0[0] }) }
    family("word tokens") { WordTokenizer.tokenHashes($0).count }

    Benchmark("Family Pyzor digest", configuration: configuration) { benchmark in
        let inputs = FingerprintInputs.shared
        let parts = inputs.features.map { $0.textParts.filter { !$0.isEmpty } }.filter { !$0.isEmpty }
        let bytes = parts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count } }
        let sum = benchmark.timed(bytes: bytes, items: parts.count) { parts.reduce(0) { $0 &+ Int(PyzorDigest.hash(parts: $1)[0]) } }
        blackHole(sum)
    }
    Benchmark("Family URLs and hosts", configuration: configuration) { benchmark in
        let inputs = FingerprintInputs.shared
        let texts = inputs.features.map(\.visibleText)
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let extractor = URLExtractor()
        let sum = benchmark.timed(bytes: bytes, items: texts.count) {
            texts.reduce(0) { $0 &+ URLExtractor.hosts(of: extractor.urls(inText: $1)).count }
        }
        blackHole(sum)
    }
    Benchmark("Family images (decode, dHash, PDQ)", configuration: pipeline) { benchmark in
        let images = FingerprintInputs.shared.images
        let bytes = images.reduce(0) { $0 + $1.count }
        let sum = benchmark.timed(bytes: bytes, items: images.count) {
            images.reduce(0) { sum, bytes in
                guard let image = try? ImageDecoder.decode(bytes, options: .pdq) else { return sum }
                return sum &+ Int(truncatingIfNeeded: ImageHashes.differenceHash(image)) &+ PDQ.hash(image).quality
            }
        }
        blackHole(sum)
    }
    Benchmark("MessageFingerprinter (features given)", configuration: pipeline) { benchmark in
        let features = FingerprintInputs.shared.sample(every: 2)
        let bytes = features.reduce(0) { $0 + $1.normalizedText.utf8.count }
        let fingerprinter = MessageFingerprinter()
        let sum = benchmark.timed(bytes: bytes, items: features.count) {
            features.reduce(0) { $0 &+ fingerprinter.fingerprints(of: $1).fingerprints.count }
        }
        blackHole(sum)
    }
    Benchmark("MessageFeatures (message parsed)", configuration: pipeline) { benchmark in
        let inputs = FingerprintInputs.shared
        let messages = stride(from: 0, to: inputs.messages.count, by: 2).map { inputs.messages[$0] }
        let bytes = messages.reduce(0) { $0 + $1.storage.count }
        let sum = benchmark.timed(bytes: bytes, items: messages.count) {
            messages.reduce(0) { $0 &+ MessageFeatures(message: $1).normalizedText.utf8.count }
        }
        blackHole(sum)
    }
}
