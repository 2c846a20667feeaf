import ImprintHashing

#if canImport(Glibc)
import Glibc
#endif

/// Prints one JSON line per kernel: the MB/s of Imprint's kernels, in process, on the inputs
/// compare-references.py gives the reference libraries, so both are measured in one run.
///
/// Usage: KernelThroughput BUFFER_FILE [SECONDS]
/// BUFFER_FILE is hashed whole, repeatedly, for about SECONDS per kernel (default 1).

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

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: KernelThroughput BUFFER_FILE [SECONDS]")
    exit(2)
}
let buffer = readAll(arguments[1])
let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 1 : 1

let kernels: [(String, (UnsafeRawBufferPointer) -> UInt64)] = [
    ("xxh64", { XXH64.hash($0) }),
    ("xxh64-scalar", { XXH64.hash($0, path: .scalar) }),
    ("xxh64-simd", { XXH64.hash($0, path: .simd) }),
    ("xxh3", { XXH3.hash64($0) }),
    ("xxh3-scalar", { XXH3.hash64($0, path: .scalar) }),
    ("xxh3-simd", { XXH3.hash64($0, path: .simd) }),
]
for (name, body) in kernels {
    let rate = measure(buffer, seconds: seconds, body)
    print("{\"kernel\": \"\(name)\", \"bytes\": \(buffer.count), \"mb_per_s\": \(Int(rate.rounded()))}")
}
