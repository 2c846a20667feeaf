import Benchmark
import BenchmarkSupport
import Foundation
import Imprint

/// A cartridge on disk with updates ready to apply in sequence (each one's predecessor is the
/// one before), so every iteration applies the next.
final class ApplyState: @unchecked Sendable {
    static let entries = 200_000, operations = 50, updates = 1_200
    static let kinds: [FingerprintKind] = [.exactBodySHA256, .pdq, .simhash, .tlsh, .url, .host, .token]
    let directory: String
    let cartridge: Cartridge
    private var pending: [MicroUpdate]
    private var next = 0

    init() {
        var random = SplitMix(seed: 0xBE7C)
        func entry(_ serial: UInt32) -> CartridgeEntry {
            let kind = Self.kinds[random.below(Self.kinds.count)]
            let value = random.bytes(kind.fixedWidth ?? 6 + random.below(35))
            return CartridgeEntry(fingerprint: Fingerprint(kind: kind, value: value), category: CategoryCode(UInt16(random.below(4))),
                                  reputation: Reputation(spam: Float(random.below(10)), ham: 1, firstSeen: serial, lastSeen: serial))
        }
        var live = (0..<Self.entries).map { _ in entry(0) }
        directory = NSTemporaryDirectory() + "imprint-bench-apply-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        do {
            let database = try FingerprintDatabase(version: CartridgeVersion(generation: 1, major: 1, minor: 0, serial: 0), entries: live)
            try Cartridge.create(at: directory, database: database)
            cartridge = try Cartridge(directory: directory)
        } catch {
            fatalError("micro-update cartridge: \(error)")
        }
        pending = (1...UInt32(Self.updates)).map { serial in
            var update = MicroUpdate(serial: serial, predecessor: serial - 1)
            let removes = Self.operations / 5, adds = (Self.operations - removes) / 2
            for _ in 0..<removes {
                let index = random.below(live.count)
                update.removes.append(live[index].fingerprint)
                live.swapAt(index, live.count - 1)
                live.removeLast()
            }
            for _ in 0..<adds {
                let new = entry(serial)
                update.adds.append(new)
                live.append(new)
            }
            for _ in 0..<(Self.operations - removes - adds) {
                update.reweights.append(.init(fingerprint: live[random.below(live.count)].fingerprint, spam: 1))
            }
            return update
        }
    }

    /// The next update in sequence, or nil when all are applied.
    func take() -> MicroUpdate? {
        guard next < pending.count else { return nil }
        defer { next += 1 }
        return pending[next]
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

/// Applying a 50-operation micro-update (10 removes, 20 adds, 20 re-weights) to a 200,000-entry
/// cartridge in the temporary directory: verify, write the `.mu` with fsync, publish the new
/// snapshot, compacting when due (`CartridgeLimits.compaction*`), as `Cartridge.apply` does.
/// Allocation counts vary with the update and compaction, so they are gated loosely.
func microUpdateBenchmarks() {
    var configuration = BenchMetrics.configuration(warmup: 5, maxSeconds: 4, maxIterations: ApplyState.updates - 10)
    configuration.metrics = [.wallClock, .mallocCountTotal]
    configuration.thresholds = [.wallClock: BenchMetrics.thresholds[.wallClock]!, .mallocCountTotal: BenchMetrics.variableMallocs]
    configuration.teardown = { IndexData.slot.clear() }
    Benchmark("Micro-update apply, 50 operations, 200k entries", configuration: configuration) { benchmark in
        let state = IndexData.slot.get("apply") { ApplyState() }
        guard let update = state.take() else { return }
        benchmark.startMeasurement()
        do { blackHole(try state.cartridge.apply(update)) } catch { benchmark.error("apply: \(error)") }
        benchmark.stopMeasurement()
    } setup: {
        _ = IndexData.slot.get("apply") { ApplyState() }
    }
}
