import Imprint
import ImprintHashing

#if canImport(Glibc)
import Glibc
#endif

/// Prints one JSON line per kernel: the rates of Imprint's kernels, in process, on the inputs
/// compare-references.py gives the reference libraries, so both are measured in one run.
///
/// Usage:
///   KernelThroughput buffer FILE [SECONDS]   XXH64/XXH3 over FILE, repeatedly, ~SECONDS each
///   KernelThroughput files LIST [ROUNDS]     TLSH, CTPH, Nilsimsa of each file named in LIST
///   KernelThroughput images LIST [ROUNDS]    decode + PDQ of each image named in LIST
///   KernelThroughput text LIST [ROUNDS]      each text fingerprint kernel over the normalized
///                                            text of each message named in LIST (TextKernels)
/// Files are read into memory first; the best of ROUNDS (default 3) passes counts.
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: KernelThroughput buffer FILE [SECONDS] | files LIST [ROUNDS] | images LIST [ROUNDS] | text LIST [ROUNDS]")
    exit(2)
}
let option = arguments.count > 3 ? Double(arguments[3]) : nil

switch arguments[1] {
case "buffer":
    let buffer = readAll(arguments[2])
    let kernels: [(String, (UnsafeRawBufferPointer) -> UInt64)] = [
        ("xxh64", { XXH64.hash($0) }), ("xxh64-scalar", { XXH64.hash($0, path: .scalar) }), ("xxh64-simd", { XXH64.hash($0, path: .simd) }),
        ("xxh3", { XXH3.hash64($0) }), ("xxh3-scalar", { XXH3.hash64($0, path: .scalar) }), ("xxh3-simd", { XXH3.hash64($0, path: .simd) }),
    ]
    for (name, body) in kernels {
        let rate = measure(buffer, seconds: option ?? 1, body)
        emit(name, bytes: buffer.count, items: 1, seconds: Double(buffer.count) / rate / 1e6)
    }
case "files":
    let inputs = lines(arguments[2]).map(readAll)
    let bytes = inputs.reduce(0) { $0 + $1.count }
    let rounds = Int(option ?? 3)
    emit("tlsh", bytes: bytes, items: inputs.count, seconds: best(of: rounds, inputs) { TLSH.hash($0).map { Int($0.checksum) } ?? 0 })
    emit("ctph", bytes: bytes, items: inputs.count, seconds: best(of: rounds, inputs) { CTPH.hash($0).description.utf8.count })
    emit("nilsimsa", bytes: bytes, items: inputs.count, seconds: best(of: rounds, inputs) { Int(truncatingIfNeeded: Nilsimsa.hash($0).bits[0]) })
case "images":
    let inputs = lines(arguments[2]).map(readAll)
    let bytes = inputs.reduce(0) { $0 + $1.count }
    let seconds = best(of: Int(option ?? 3), inputs) { image in
        guard let decoded = try? ImageDecoder.decode(image, options: .pdq) else { return 0 }
        return PDQ.hash(decoded).quality
    }
    emit("pdq", bytes: bytes, items: inputs.count, seconds: seconds)
case "text":
    TextKernels.run(lines(arguments[2]), rounds: Int(option ?? 3))
default:
    print("unknown mode \(arguments[1])")
    exit(2)
}
