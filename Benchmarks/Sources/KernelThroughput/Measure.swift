#if canImport(Glibc)
import Glibc
#endif

/// Monotonic wall-clock seconds.
func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func readAll(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { fatalError("cannot open \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
}

/// The lines of a text file (the file lists compare-references.py writes).
func lines(_ path: String) -> [String] {
    String(decoding: readAll(path), as: UTF8.self).split(separator: "\n").map(String.init)
}

/// Runs `body` over the buffer until `seconds` pass; returns MB/s (10^6 bytes a second).
func measure(_ bytes: [UInt8], seconds: Double, _ body: (UnsafeRawBufferPointer) -> UInt64) -> Double {
    var sink: UInt64 = 0
    var rounds = 0
    let start = now()
    var elapsed = 0.0
    bytes.withUnsafeBytes { raw in
        repeat {
            for _ in 0..<16 { sink &+= body(raw) }
            rounds += 16
            elapsed = now() - start
        } while elapsed < seconds
    }
    if sink == 42 { print("") }  // keeps the work observable
    return Double(bytes.count) * Double(rounds) / elapsed / 1e6
}

/// The best of `rounds` wall times of `body` over all `inputs`, one call per input.
func best(of rounds: Int, _ inputs: [[UInt8]], _ body: ([UInt8]) -> Int) -> Double {
    var best = Double.infinity
    var sink = 0
    for _ in 0..<rounds {
        let start = now()
        for input in inputs { sink &+= body(input) }
        best = min(best, now() - start)
    }
    if sink == 42 { print("") }
    return best
}

func emit(_ kernel: String, bytes: Int, items: Int, seconds: Double) {
    let mbps = Double(bytes) / seconds / 1e6, rate = Double(items) / seconds
    print("{\"kernel\": \"\(kernel)\", \"bytes\": \(bytes), \"items\": \(items), \"mb_per_s\": \(mbps), \"items_per_s\": \(rate)}")
}
