// Throughput of the text kernels over real mail: every message of a corpus (default the
// SpamAssassin public corpus), hashed one message at a time, each kernel path timed.
// Build and run with scripts/bench_text_kernels.sh (links the release ImprintHashing objects).
import Foundation
import ImprintHashing

let corpus = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "../shared/corpora/spamassassin_public"
let labels = try String(contentsOfFile: corpus + "/labels.tsv", encoding: .utf8)
let messages: [[UInt8]] = labels.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap {
    FileManager.default.contents(atPath: corpus + "/" + $0.split(separator: "\t")[0]).map { [UInt8]($0) }
}
let texts = messages.map { String(decoding: $0, as: UTF8.self) }
let totalBytes = messages.reduce(0) { $0 + $1.count }
print("corpus: \(messages.count) messages, \(totalBytes) bytes")

let only = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : ""

func measure(_ name: String, rounds: Int = 3, _ body: () -> UInt64) {
    guard only.isEmpty || name.hasPrefix(only) else { return }
    var best = Double.infinity
    var sink: UInt64 = 0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        sink &+= body()
        let elapsed = start.duration(to: .now)
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    let mbps = Double(totalBytes) / best / 1e6
    print(name.padding(toLength: 34, withPad: " ", startingAt: 0), String(format: "%8.1f MB/s  (%.3f s) [%llu]", mbps, best, sink & 0xF))
}

measure("xxh64 (yardstick)") { messages.reduce(0) { $0 &+ XXH64.hash($1) } }
measure("nilsimsa") { messages.reduce(0) { $0 &+ Nilsimsa.hash($1).bits[0] } }
measure("sha1") { messages.reduce(0) { $0 &+ UInt64(SHA1.hash($1)[0]) } }
measure("pyzor (text as one part)") { texts.reduce(0) { $0 &+ UInt64(PyzorDigest.hash(parts: [$1])[0]) } }
measure("word tokens (xxh3 per token)") { messages.reduce(0) { $0 &+ UInt64(WordTokenizer.tokenHashes($1).count) } }
for path in KernelPath.allCases {
    measure("simhash words \(path)") { messages.reduce(0) { $0 &+ SimHash64.hash(words: $1, path: path) } }
}
for path in KernelPath.allCases {
    measure("minhash 64x3-shingles \(path)") {
        messages.reduce(0) { sum, bytes in
            var sketch = try! MinHash(path: path)
            sketch.update(words: bytes)
            return sum &+ sketch.finalize().minima[0]
        }
    }
}
// Hamming: 1M 64-bit candidates against a query, and 256-bit pairs.
guard only.isEmpty || only.hasPrefix("hamming") else { exit(0) }
var random = SystemRandomNumberGenerator()
let candidates = (0..<1 << 20).map { _ in random.next() as UInt64 }
var distances = [UInt16](repeating: 0, count: candidates.count)
for path in KernelPath.allCases {
    var best = Double.infinity
    for _ in 0..<5 {
        let start = ContinuousClock.now
        candidates.withUnsafeBufferPointer { words in
            distances.withUnsafeMutableBufferPointer { Hamming.distances(from: 0x1234, to: words, into: $0, path: path) }
        }
        let elapsed = start.duration(to: .now)
        best = min(best, Double(elapsed.components.attoseconds) * 1e-18 + Double(elapsed.components.seconds))
    }
    print("hamming one-to-many 64-bit \(path)".padding(toLength: 34, withPad: " ", startingAt: 0),
          String(format: "%8.1f M candidates/s", Double(candidates.count) / best / 1e6))
    let wide = candidates.withUnsafeBytes { Array($0.bindMemory(to: SIMD4<UInt64>.self)) }
    let start = ContinuousClock.now
    var total = 0
    for index in 1..<wide.count { total &+= Hamming.distance(wide[index - 1], wide[index], path: path) }
    let elapsed = start.duration(to: .now)
    let seconds = Double(elapsed.components.attoseconds) * 1e-18 + Double(elapsed.components.seconds)
    print("hamming 256-bit pairs \(path)".padding(toLength: 34, withPad: " ", startingAt: 0),
          String(format: "%8.1f M pairs/s [%d]", Double(wide.count) / seconds / 1e6, total & 1))
}
