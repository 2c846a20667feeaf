// Cost of applying micro-updates to a cartridge directory: a synthetic cartridge of N entries
// (default 200,000; SHA-256, PDQ, SimHash, TLSH, URL, host, token kinds), then U updates of
// K operations each (default 400 x 50: 10 removes, 20 adds, 20 re-weights), applied through
// `Cartridge.apply(_:)` (verify, write the .mu, replace the viable state, compact when due).
// Prints apply latency percentiles, the reopen time and query latency on the last snapshot.
// `--root /dev/shm` puts the cartridge on tmpfs, where fsync is free: the CPU cost alone.
// Build and run with scripts/bench_cartridge_apply.sh (links the release objects).
import Foundation
import Imprint

struct Mix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }
}

var options: [String: Int] = ["entries": 200_000, "updates": 400, "operations": 50]
var root = NSTemporaryDirectory()
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    if name == "--root", let value = arguments.popFirst() {
        root = value + "/"
        continue
    }
    guard name.hasPrefix("--"), let value = arguments.popFirst().flatMap({ Int($0) }), options[String(name.dropFirst(2))] != nil else {
        print("usage: bench_cartridge_apply [--entries N] [--updates U] [--operations K] [--root DIR]")
        exit(2)
    }
    options[String(name.dropFirst(2))] = value
}
let (count, updates, operations) = (options["entries"]!, options["updates"]!, options["operations"]!)
let kinds: [FingerprintKind] = [.exactBodySHA256, .pdq, .simhash, .tlsh, .url, .host, .token]
var random = Mix(state: 0xBE7C)
func entry(serial: UInt32) -> CartridgeEntry {
    let kind = kinds.randomElement(using: &random)!
    let value = random.bytes(kind.fixedWidth ?? Int.random(in: 6...40, using: &random))
    return CartridgeEntry(fingerprint: Fingerprint(kind: kind, value: value), category: CategoryCode(UInt16.random(in: 0...3, using: &random)),
                          reputation: Reputation(spam: Float(Int.random(in: 0...9, using: &random)), ham: 1, firstSeen: serial, lastSeen: serial))
}
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

let directory = root + "imprint-bench-apply-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: directory) }
var live = (0..<count).map { _ in entry(serial: 0) }
let database = try FingerprintDatabase(version: CartridgeVersion(generation: 1, major: 1, minor: 0, serial: 0), entries: live)
try Cartridge.create(at: directory, database: database)
var clock = ContinuousClock.now
let cartridge = try Cartridge(directory: directory)
print("cartridge: \(count) entries, open \(String(format: "%.3f", seconds(clock.duration(to: .now)))) s")

var latencies: [Double] = []
for serial in 1...UInt32(updates) {
    var update = MicroUpdate(serial: serial, predecessor: serial - 1)
    let removes = operations / 5, adds = (operations - removes) / 2
    for _ in 0..<removes {
        let index = Int.random(in: 0..<live.count, using: &random)
        update.removes.append(live[index].fingerprint)
        live.swapAt(index, live.count - 1)
        live.removeLast()
    }
    for _ in 0..<adds {
        let new = entry(serial: serial)
        update.adds.append(new)
        live.append(new)
    }
    for _ in 0..<(operations - removes - adds) {
        update.reweights.append(.init(fingerprint: live.randomElement(using: &random)!.fingerprint, spam: 1))
    }
    clock = ContinuousClock.now
    try cartridge.apply(update)
    latencies.append(seconds(clock.duration(to: .now)))
}
let sorted = latencies.sorted()
func milliseconds(_ value: Double) -> String { String(format: "%.3f ms", value * 1000) }
print("apply: \(updates) updates of \(operations) operations: mean \(milliseconds(latencies.reduce(0, +) / Double(updates)))"
      + ", p50 \(milliseconds(sorted[sorted.count / 2])), p99 \(milliseconds(sorted[sorted.count * 99 / 100]))"
      + ", max \(milliseconds(sorted.last!)), total \(String(format: "%.2f", latencies.reduce(0, +))) s")

let window = max(1, updates / 10)
print("mean by window of \(window) updates: " + stride(from: 0, to: updates, by: window).map { start in
    let slice = latencies[start..<min(updates, start + window)]
    return String(format: "%.2f", slice.reduce(0, +) / Double(slice.count) * 1000)
}.joined(separator: " ") + " ms")
clock = ContinuousClock.now
let reopened = try Cartridge(directory: directory)
print("reopen at serial \(reopened.snapshot.version.serial): \(String(format: "%.3f", seconds(clock.duration(to: .now)))) s")

let snapshot = cartridge.snapshot
let probes = (0..<20_000).map { $0 % 2 == 0 ? live.randomElement(using: &random)!.fingerprint : entry(serial: 0).fingerprint }
clock = ContinuousClock.now
var found = 0
for probe in probes where snapshot.lookup(probe) != nil { found += 1 }
print("lookup: \(String(format: "%.0f", seconds(clock.duration(to: .now)) / Double(probes.count) * 1e9)) ns each (\(found) of \(probes.count) found)")
for kind in [FingerprintKind.tlsh, .pdq, .simhash] {
    let queries = live.filter { $0.fingerprint.kind == kind }.prefix(500).map(\.fingerprint)
    clock = ContinuousClock.now
    var hits = 0
    for query in queries { hits += snapshot.similar(to: query).count }
    print("similar \(kind): \(String(format: "%.1f", seconds(clock.duration(to: .now)) / Double(max(1, queries.count)) * 1e6)) us each (\(hits) hits for \(queries.count) queries)")
}
